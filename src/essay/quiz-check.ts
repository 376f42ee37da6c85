import {sectionBlocks} from './parse.js';
import {choiceTexts, type Quiz} from './quiz.js';
import type {Block, Essay} from './types.js';

/** How much longer than its shortest sibling a choice may be before its length gives it away. */
const MAX_LENGTH_RATIO = 1.6;

function blockText(block: Block): string {
	if (block.kind === 'markdown') return block.source;
	return [block.kind === 'tab' ? block.label : block.title, ...block.body.map((inner) => blockText(inner))].join(' ');
}

/** Text with every run of white space made one space, so a quotation may wrap differently. */
function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Passages in quotation marks, straight or curly. */
function quotations(text: string): string[] {
	return [...text.matchAll(/"([^"]+)"|\u201C([^\u201D]+)\u201D/g)].map((match) => collapse(match[1] ?? match[2] ?? ''));
}

/**
 * What keeps a quiz from being fair and faithful, one line each naming the field: quoted passages
 * (and evidence) not found word for word in the essay; answers a reader could pick without reading,
 * because the answer is the longest choice in more than half the comprehension questions, sits at
 * the same position every time, or is the pre-highlighted first choice more than once; and choices
 * much longer than their siblings. Empty when there is nothing to say.
 */
export function checkQuizzes(quizzes: readonly Quiz[], essay: Essay): string[] {
	const essayText = collapse(essay.sections.map((section) => `${section.title} ${sectionBlocks(section).map((block) => blockText(block)).join(' ')}`).join(' '));
	const problems: string[] = [];
	const answers: Array<{readonly field: string; readonly position: number; readonly isLongest: boolean}> = [];

	quizzes.forEach((quiz, quizIndex) => {
		quiz.questions.forEach((question, questionIndex) => {
			const field = `quizzes[${quizIndex}].questions[${questionIndex}]`;
			const quoted = (name: string, text: string) => {
				for (const passage of quotations(text)) {
					if (!essayText.includes(passage)) problems.push(`${field}.${name}: "${passage}" is not in the essay word for word`);
				}
			};

			if (question.kind === 'reflection') {
				question.choices.forEach((choice, choiceIndex) => quoted(`choices[${choiceIndex}].takeaway`, choice.takeaway));
				return;
			}

			quoted('explanation', question.explanation);
			if (question.evidence !== undefined && !essayText.includes(collapse(question.evidence))) {
				problems.push(`${field}.evidence: is not a passage of the essay word for word`);
			}

			const lengths = choiceTexts(question).map((text) => text.length);
			const shortest = Math.min(...lengths);
			lengths.forEach((length, choiceIndex) => {
				if (length > shortest * MAX_LENGTH_RATIO) {
					problems.push(`${field}.choices[${choiceIndex}]: ${length} characters against ${shortest} for the shortest choice (more than ${MAX_LENGTH_RATIO}×): its length gives it away`);
				}
			});
			const answerLength = lengths[question.answer] ?? 0;
			const isLongest = lengths.every((length, choiceIndex) => choiceIndex === question.answer || length < answerLength);
			answers.push({field, position: question.answer, isLongest});
		});
	});

	const longest = answers.filter((answer) => answer.isLongest);
	if (longest.length > answers.length / 2) {
		problems.push(`${longest.map((answer) => answer.field).join(', ')}: the answer is the longest choice in ${longest.length} of ${answers.length} comprehension questions (at most half may be)`);
	}

	const firsts = answers.filter((answer) => answer.position === 0);
	if (firsts.length > 1) {
		problems.push(`${firsts.map((answer) => answer.field).join(', ')}: the answer is the first choice, highlighted when the question opens, in ${firsts.length} questions (at most one may be)`);
	}

	if (answers.length > 1 && answers.every((answer) => answer.position === answers[0]?.position)) {
		problems.push(`every comprehension answer is choice ${(answers[0]?.position ?? 0) + 1}: vary their positions`);
	}

	return problems;
}
