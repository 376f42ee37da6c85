import {choiceTexts, numberedChoices, type Quiz} from '../essay/quiz.js';
import {scoreQuiz, totalScore, type Answers} from '../essay/score.js';
import type {Essay} from '../essay/types.js';
import {paint, theme, type Styles} from './styles.js';
import {wrapText} from './wrap.js';

/** Marks shown before a choice or a result; never colour alone. */
export const MARK = {right: '✓', wrong: '✗', chosen: '›', takeaway: '→', none: ' '} as const;

/** Wraps `text` to `width`, the first line after `prefix` and the rest indented to line up under it. */
function hanging(prefix: string, text: string, width: number, indent = prefix.length): string[] {
	const lines = wrapText(text, Math.max(10, width - indent));
	return lines.map((line, index) => (index === 0 ? prefix : ' '.repeat(indent)) + line);
}

/** The two lines at the top of every quiz page: its title and where in it the reader is. */
export function quizHeader(quiz: Quiz, subtitle: string, width: number, styles: Styles): string[] {
	return [...wrapText(paint(styles, theme.heading).bold(quiz.title), width), ...wrapText(paint(styles, theme.muted)(subtitle), width)];
}

/** `Question 2 of 3`. */
function questionLabel(question: number, count: number): string {
	return `Question ${question + 1} of ${count}`;
}

/** The text above a question's choices, fitted to the screen, and how many choices to show at once. */
export interface QuestionScreen {
	readonly lines: readonly string[];
	/** Choices shown at once (the select input scrolls through the rest), or undefined for all. */
	readonly limit: number | undefined;
}

/** Columns the select input's highlight indicator takes before each choice. */
const INDICATOR_COLUMNS = 2;

/**
 * One choice of a question waiting for an answer, as every drawing of the question shows it: the
 * pointer, the numbered text wrapped under itself, in the accent colour and bold when highlighted
 * (the pointer says it without colour).
 */
export function renderChoice(label: string, isSelected: boolean, width: number, styles: Styles): string[] {
	const accent = paint(styles, theme.accent);
	const pointer = isSelected ? accent(MARK.chosen) : MARK.none;
	return wrapText(label, Math.max(1, width - INDICATOR_COLUMNS)).map(
		(line, index) => (index === 0 ? `${pointer} ` : ' '.repeat(INDICATOR_COLUMNS)) + (isSelected ? accent.bold(line) : line),
	);
}

/**
 * Fits a question into `height` rows: everything when it fits; else without the quiz title (the
 * status bar shows it), then without blank lines, then with only as many choices at once as fit.
 */
export function fitQuestion(quiz: Quiz, questionIndex: number, width: number, height: number, styles: Styles): QuestionScreen {
	const question = quiz.questions[questionIndex];
	if (!question) return {lines: [], limit: undefined};
	const [title, subtitle] = [wrapText(paint(styles, theme.heading).bold(quiz.title), width), wrapText(paint(styles, theme.muted)(questionSubtitle(quiz, questionIndex)), width)];
	const prompt = wrapText(styles.chalk.bold(question.prompt), width);
	const choiceRows = numberedChoices(question).map((label) => wrapText(label, width - INDICATOR_COLUMNS).length);
	const allChoices = choiceRows.reduce((sum, rows) => sum + rows, 0);
	const candidates = [
		[...title, ...subtitle, '', ...prompt, ''],
		[...subtitle, '', ...prompt, ''],
		[...subtitle, ...prompt],
	];
	const fitting = candidates.find((lines) => lines.length + allChoices <= height);
	if (fitting) return {lines: fitting, limit: undefined};

	const tallest = Math.max(1, ...choiceRows);
	const lines = (candidates[2] ?? []).slice(0, Math.max(1, height - tallest));
	return {lines, limit: Math.max(1, Math.floor((height - lines.length) / tallest))};
}

/** `Comprehension · Question 1 of 3`, or `Reflection · Question 3 of 3 · no wrong answer`. */
function questionSubtitle(quiz: Quiz, questionIndex: number): string {
	const label = questionLabel(questionIndex, quiz.questions.length);
	return quiz.questions[questionIndex]?.kind === 'reflection' ? `Reflection · ${label} · no wrong answer` : `Comprehension · ${label}`;
}

/** A page of lines and the line it should open on when it does not fit: the part the reader came for. */
export interface FocusedLines {
	readonly lines: string[];
	readonly focus: number;
}

/**
 * A question after it was answered: the prompt, every choice marked (✓ the right one, ✗ a wrong pick,
 * › a reflection pick), then a line that starts with ✓ or ✗ and the explanation, or the takeaway.
 * Its focus is that verdict line.
 */
export function renderFeedback(quiz: Quiz, questionIndex: number, choice: number, width: number, styles: Styles): FocusedLines {
	const question = quiz.questions[questionIndex];
	if (!question) return {lines: [], focus: 0};
	const correct = paint(styles, theme.correct);
	const wrong = paint(styles, theme.wrong);
	const lines = [...quizHeader(quiz, questionSubtitle(quiz, questionIndex), width, styles), ''];
	lines.push(...wrapText(styles.chalk.bold(question.prompt), width), '');

	choiceTexts(question).forEach((label, index) => {
		let mark: string = MARK.none;
		if (question.kind === 'comprehension') {
			if (index === question.answer) mark = correct(MARK.right);
			else if (index === choice) mark = wrong(MARK.wrong);
		} else if (index === choice) {
			mark = paint(styles, theme.accent)(MARK.chosen);
		}

		const text = index === choice ? styles.chalk.bold(label) : label;
		lines.push(...hanging(`${mark} ${index + 1}. `, text, width, 5));
	});
	lines.push('');
	const focus = lines.length;

	if (question.kind === 'comprehension') {
		const isRight = choice === question.answer;
		const verdict = isRight ? correct(`${MARK.right} Right.`) : wrong(`${MARK.wrong} Not quite: the answer is ${question.answer + 1}.`);
		lines.push(...wrapText(`${verdict} ${question.explanation}`, width));
	} else {
		const takeaway = question.choices[choice]?.takeaway ?? '';
		lines.push(...wrapText(`${paint(styles, theme.accent)(`${MARK.takeaway} Takeaway:`)} ${takeaway}`, width));
	}

	return {lines, focus};
}

/** A finished (or revisited) quiz: each question with the reader's answer and its result. */
export function renderRecap(quiz: Quiz, answers: ReadonlyArray<number | undefined>, width: number, styles: Styles): string[] {
	const score = scoreQuiz(quiz, answers);
	const answered = answers.filter((answer) => answer !== undefined).length;
	const subtitle =
		answered === quiz.questions.length
			? `All ${quiz.questions.length} questions answered · ${score.right} of ${score.total} right`
			: `${answered} of ${quiz.questions.length} questions answered`;
	const lines = [...quizHeader(quiz, subtitle, width, styles), ''];
	quiz.questions.forEach((question, index) => {
		const choice = answers[index];
		let mark = '•';
		if (question.kind === 'comprehension' && choice !== undefined) {
			mark = choice === question.answer ? paint(styles, theme.correct)(MARK.right) : paint(styles, theme.wrong)(MARK.wrong);
		}

		lines.push(...hanging(`${mark} ${index + 1}. `, styles.chalk.bold(question.prompt), width, 5));
		if (choice === undefined) {
			lines.push(...hanging('     ', paint(styles, theme.muted)('not answered yet'), width));
		} else if (question.kind === 'comprehension') {
			lines.push(...hanging('     ', `Your answer: ${question.choices[choice] ?? ''}`, width));
			if (choice !== question.answer) lines.push(...hanging('     ', `The answer: ${question.choices[question.answer] ?? ''}`, width));
		} else {
			const picked = question.choices[choice];
			lines.push(...hanging('     ', `Your answer: ${picked?.text ?? ''}`, width));
			lines.push(...hanging('     ', paint(styles, theme.accent)(picked?.takeaway ?? ''), width));
		}

		lines.push('');
	});
	while (lines.at(-1) === '') lines.pop();
	return lines;
}

/** `2/2`, or `skipped` when no comprehension question of the quiz was answered (never a score of 0). */
export function scoreLabel(quiz: Quiz, answers: ReadonlyArray<number | undefined> | undefined): string {
	const score = scoreQuiz(quiz, answers);
	const answered = quiz.questions.filter((question, index) => question.kind === 'comprehension' && answers?.[index] !== undefined).length;
	if (answered === 0) return 'skipped';
	return answered < score.total ? `${score.right}/${answered} (${score.total - answered} not answered)` : `${score.right}/${score.total}`;
}

/**
 * The end of the reading path: per pattern, the comprehension score (or `skipped`); each missed
 * question with the reader's answer, the right one and the essay's sentence that settles it; the
 * reflection answers with their takeaways; and how to retake a quiz or go back to a pattern.
 */
export function renderSummary(essay: Essay, answers: Answers, width: number, styles: Styles, footer: string): string[] {
	const muted = paint(styles, theme.muted);
	const lines = [...wrapText(paint(styles, theme.title).bold('Summary'), width)];
	lines.push(...wrapText(muted(`“${essay.title}”${essay.byline === '' ? '' : ` · ${essay.byline}`}`), width), '');

	essay.quizzes.forEach((quiz, quizIndex) => {
		const section = essay.sections[quiz.section]?.title ?? quiz.title;
		lines.push(...wrapText(styles.chalk.bold(`${section}: ${scoreLabel(quiz, answers[quizIndex])}`), width));
		quiz.questions.forEach((question, questionIndex) => {
			const choice = answers[quizIndex]?.[questionIndex];
			if (question.kind === 'comprehension') {
				if (choice === undefined || choice === question.answer) return;
				lines.push(...hanging(`  ${paint(styles, theme.wrong)(MARK.wrong)} `, question.prompt, width, 4));
				lines.push(...hanging('    ', `Your answer: ${question.choices[choice] ?? ''}`, width));
				lines.push(...hanging('    ', `The answer: ${question.choices[question.answer] ?? ''}`, width));
				if (question.evidence !== undefined) lines.push(...hanging('    ', muted(`The essay: “${question.evidence}”`), width));
				return;
			}

			lines.push(...hanging(`  ${paint(styles, theme.accent)(MARK.takeaway)} `, question.prompt, width, 4));
			if (choice === undefined) {
				lines.push(...hanging('    ', muted('not answered yet'), width));
			} else {
				const picked = question.choices[choice];
				lines.push(...hanging('    ', `Your answer: ${picked?.text ?? ''}`, width));
				lines.push(...hanging('    ', paint(styles, theme.accent)(picked?.takeaway ?? ''), width));
			}
		});
		lines.push('');
	});

	const total = totalScore(essay.quizzes, answers);
	lines.push(...wrapText(styles.chalk.bold(`In total: ${total.right} of ${total.total} comprehension questions right`), width), '');
	lines.push(...wrapText(muted('To retake a quiz, open it from the contents (t) and press r; to go back to a pattern, pick it there or press its number.'), width));
	lines.push(...wrapText(muted(footer), width));
	return lines;
}

/**
 * The answer key printed after the essay: each comprehension question's answer and explanation, and
 * each reflection question's takeaways, so a printed copy can be checked by hand.
 */
export function renderAnswerKey(quizzes: readonly Quiz[], width: number, styles: Styles): string[] {
	const lines = [...wrapText(paint(styles, theme.heading).bold('Answer key'), width), paint(styles, theme.muted)(styles.box.horizontal.repeat(Math.min(width, 40)))];
	for (const quiz of quizzes) {
		lines.push('', ...wrapText(styles.chalk.bold(quiz.title), width));
		quiz.questions.forEach((question, index) => {
			lines.push('');
			if (question.kind === 'comprehension') {
				const letter = String.fromCharCode(97 + question.answer);
				lines.push(...hanging(`${index + 1}. `, `${letter}) ${question.choices[question.answer] ?? ''}`, width, 4));
				lines.push(...hanging('    ', question.explanation, width));
				return;
			}

			lines.push(...hanging(`${index + 1}. `, 'No wrong answer. What each choice means:', width, 4));
			question.choices.forEach((choice, choiceIndex) => {
				lines.push(...hanging(`    ${String.fromCharCode(97 + choiceIndex)}) `, choice.takeaway, width, 7));
			});
		});
	}

	return lines;
}

/** A quiz for print: its title, then each question with numbered choices, answers not revealed. */
export function renderQuizForPrint(quiz: Quiz, width: number, styles: Styles): string[] {
	const lines = [...wrapText(paint(styles, theme.heading).bold(quiz.title), width), paint(styles, theme.muted)(styles.box.horizontal.repeat(Math.min(width, 40)))];
	quiz.questions.forEach((question, index) => {
		lines.push('');
		const kind = question.kind === 'reflection' ? ' (no wrong answer)' : '';
		lines.push(...hanging(`${index + 1}. `, styles.chalk.bold(question.prompt) + kind, width, 4));
		choiceTexts(question).forEach((label, choiceIndex) => {
			lines.push(...hanging(`    ${String.fromCharCode(97 + choiceIndex)}) `, label, width, 7));
		});
	});
	return lines;
}
