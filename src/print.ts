import {countWords} from './essay/reading-time.js';
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
 * The essay as text for a pipe or `--print`, a part at a time so it can be written as it is made:
 * title, byline, then every section, callouts drawn as text boxes, each quiz's questions after its
 * pattern (answers not revealed), and an answer key at the end. Without colour it holds no escape
 * codes at all. Each part is made safe for the terminal at the last step (src/safe-text.ts), after
 * every decoding.
 */
export function* printParts(essay: Essay, options: PrintOptions): Generator<string, void, undefined> {
	const styles = stylesFor(options.isColor);
	const indexes = options.section === undefined ? essay.sections.map((_, index) => index) : [options.section];
	// The cover says how long the essay takes to read, in print at any length.
	if (indexes.includes(0)) countWords(essay);
	let separator = '';
	const part = (lines: readonly string[]): string => {
		const text = separator + cleanRendered(lines.join('\n'));
		separator = '\n\n\n';
		return text;
	};

	for (const index of indexes) {
		// Code is printed exactly: each line whole, for the pager or terminal to wrap.
		yield part(renderSection(essay, index, options.width, styles, 'whole'));
		if (!options.withQuizzes) continue;
		for (const quiz of essay.quizzes) {
			if (quiz.section === index) yield part(renderQuizForPrint(quiz, options.width, styles));
		}
	}

	const quizzes = essay.quizzes.filter((quiz) => indexes.includes(quiz.section));
	if (options.withQuizzes && quizzes.length > 0) yield part(renderAnswerKey(quizzes, options.width, styles));
	yield '\n';
}

/** The whole of printParts as one string. */
export function printEssay(essay: Essay, options: PrintOptions): string {
	return [...printParts(essay, options)].join('');
}
