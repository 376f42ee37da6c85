import * as z from 'zod/mini';
import {slugify} from './parse.js';
import {loadYaml} from './yaml.js';
import type {Essay} from './types.js';

/** A question with one right answer and an explanation grounded in the essay. */
export interface ComprehensionQuestion {
	readonly kind: 'comprehension';
	readonly prompt: string;
	readonly choices: readonly string[];
	/** Index of the right choice. */
	readonly answer: number;
	readonly explanation: string;
	/** The essay's own sentence that settles the question, word for word. */
	readonly evidence?: string;
}

/** A question with no wrong answer: each choice leads to its own takeaway. */
export interface ReflectionQuestion {
	readonly kind: 'reflection';
	readonly prompt: string;
	readonly choices: ReadonlyArray<{readonly text: string; readonly takeaway: string}>;
}

/** One question of a quiz. */
export type Question = ComprehensionQuestion | ReflectionQuestion;

/** The text of each choice of a question, whatever its kind. */
export function choiceTexts(question: Question): string[] {
	return question.choices.map((choice) => (typeof choice === 'string' ? choice : choice.text));
}

/** Choices as the reader sees them, numbered as the digit keys answer them: `2. App development…`. */
export function numberedChoices(question: Question): string[] {
	return choiceTexts(question).map((text, index) => `${index + 1}. ${text}`);
}

/** A reflection quiz that follows one section of the essay. */
export interface Quiz {
	/** Index of the section the quiz follows. */
	readonly section: number;
	/** `Quiz · <section title>`. */
	readonly title: string;
	readonly questions: readonly Question[];
}

// zod/mini: the same schemas as zod's chained API, a fraction of the size to load at start-up. Made
// when a quiz file is first read: the bundled essay's quizzes were checked at build time.
function quizFileSchema() {
	const text = z.string().check(z.trim(), z.minLength(1, 'must be non-empty text'));
	const choiceCount = [z.minLength(2, 'needs at least two choices'), z.maxLength(9, 'can have at most nine choices (the digit keys)')] as const;

	const comprehension = z
		.strictObject({
			kind: z.literal('comprehension'),
			prompt: text,
			choices: z.array(text).check(...choiceCount),
			answer: text,
			explanation: text,
			evidence: z.optional(text),
		})
		.check(
			z.superRefine((question, context) => {
				if (!question.choices.includes(question.answer)) {
					context.addIssue({code: 'custom', path: ['answer'], message: `"${question.answer}" is not one of its choices`, input: question.answer});
				}
			}),
		);

	const reflection = z.strictObject({
		kind: z.literal('reflection'),
		prompt: text,
		choices: z.array(z.strictObject({text, takeaway: text})).check(...choiceCount),
	});

	return z.strictObject({
		quizzes: z.array(
			z.strictObject({
				after: text,
				questions: z.array(z.discriminatedUnion('kind', [comprehension, reflection])).check(z.minLength(1, 'needs at least one question')),
			}),
		),
	});
}

let quizFile: ReturnType<typeof quizFileSchema> | undefined;

/** What is wrong with a quiz file: the field at fault (`quizzes[0].questions[1].answer`) and why. */
export class QuizError extends Error {
	override readonly name = 'QuizError';
}

/** `['quizzes', 0, 'questions', 1, 'answer']` → `quizzes[0].questions[1].answer`. */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
	return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_union' && issue.path.at(-1) !== 'kind') return 'kind must be "comprehension" or "reflection"';
	if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
	if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
	return issue.message;
}

/** Finds the section a quiz names, by heading text or slug. */
function sectionIndex(essay: Essay, after: string): number {
	const wanted = after.trim().toLowerCase();
	const slug = slugify(after);
	return essay.sections.findIndex((section) => section.title.toLowerCase() === wanted || section.slug === slug);
}

/**
 * Parses and validates the text of a `.quiz.yaml` file against its essay. Throws QuizError naming the
 * field and the problem: not YAML, the wrong shape, a section the essay lacks, an answer not among
 * its choices.
 */
export function parseQuizFile(source: string, essay: Essay): Quiz[] {
	const loaded = loadYaml(source);
	if (!loaded.ok) throw new QuizError(`not valid YAML: ${loaded.problem}`);
	quizFile ??= quizFileSchema();
	const result = z.safeParse(quizFile, loaded.value);
	if (!result.success) {
		const issue = result.error.issues[0];
		if (!issue) throw new QuizError('is not a valid quiz file');
		const field = fieldPath(issue.path);
		if (field === '') throw new QuizError('must be a mapping with a `quizzes` list');
		throw new QuizError(`${field}: ${describeIssue(issue)}`);
	}

	const seen = new Set<number>();
	const quizzes = result.data.quizzes.map((quiz, index): Quiz => {
		const section = sectionIndex(essay, quiz.after);
		if (section < 0) {
			const names = essay.sections.map((entry) => `"${entry.title}"`).join(', ');
			throw new QuizError(`quizzes[${index}].after: the essay has no section "${quiz.after}" (it has ${names})`);
		}

		if (seen.has(section)) throw new QuizError(`quizzes[${index}].after: another quiz already follows "${quiz.after}"`);
		seen.add(section);
		return {
			section,
			title: `Quiz · ${essay.sections[section]?.title ?? quiz.after}`,
			questions: quiz.questions.map(
				(question): Question =>
					question.kind === 'comprehension'
						? {...question, answer: question.choices.indexOf(question.answer)}
						: {kind: 'reflection', prompt: question.prompt, choices: question.choices},
			),
		};
	});
	return quizzes.sort((a, b) => a.section - b.section);
}
