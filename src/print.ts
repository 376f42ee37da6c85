import type {Essay} from './essay/types.js';
import {cleanRendered} from './safe-text.js';
import {renderAnswerKey, renderQuizForPrint} from './render/quiz.js';
import {renderSection} from './render/section.js';
import {stylesFor} from './render/styles.js';

/** What to print and how. */
export interface PrintOptions {
	readonly width: number;
	readonly isColor: boolean;
	/** Only this section (0-based), when given. */
	readonly section?: number;
	/** Append each quiz's questions and choices after the section it follows. */
	readonly withQuizzes: boolean;
}

/**
 * The essay as text for a pipe or `--print`: title, byline, then every section, callouts drawn as
 * text boxes, each quiz's questions after its pattern (answers not revealed), and an answer key at
 * the end. Without colour it holds no escape codes at all.
 */
export function printEssay(essay: Essay, options: PrintOptions): string {
	const styles = stylesFor(options.isColor);
	const indexes = options.section === undefined ? essay.sections.map((_, index) => index) : [options.section];
	const parts: string[] = [];
	for (const index of indexes) {
		// Code is printed exactly: each line whole, for the pager or terminal to wrap.
		parts.push(renderSection(essay, index, options.width, styles, 'whole').join('\n'));
		if (!options.withQuizzes) continue;
		for (const quiz of essay.quizzes) {
			if (quiz.section === index) parts.push(renderQuizForPrint(quiz, options.width, styles).join('\n'));
		}
	}

	// Made safe for the terminal at the last step (src/safe-text.ts), after every decoding.
	const quizzes = essay.quizzes.filter((quiz) => indexes.includes(quiz.section));
	if (options.withQuizzes && quizzes.length > 0) parts.push(renderAnswerKey(quizzes, options.width, styles).join('\n'));
	return cleanRendered(parts.join('\n\n\n')) + '\n';
}
