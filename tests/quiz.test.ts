import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ContentError} from '../src/essay/errors.js';
import {loadEssay, quizFileFor} from '../src/essay/load.js';
import {parseEssay} from '../src/essay/parse.js';
import {parseQuizFile, QuizError} from '../src/essay/quiz.js';
import {isQuizDone, noAnswers, scoreQuiz, totalScore} from '../src/essay/score.js';
import {ESSAY} from './helpers/paths.js';

const essay = loadEssay(ESSAY);
const bare = parseEssay(readFileSync(ESSAY, 'utf8'), {fallbackTitle: 'x'});
const source = readFileSync(quizFileFor(ESSAY), 'utf8');
const collapse = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

describe('the bundled quizzes', () => {
	it('follow the two patterns, each with two comprehension questions and one reflection', () => {
		expect(essay.quizzes.map((quiz) => quiz.section)).toEqual([1, 2]);
		expect(essay.quizzes.map((quiz) => quiz.title)).toEqual([
			"Quiz · Machine learning engineers are hired too early in a company's life cycle",
			'Quiz · Lack of Dedicated Research Teams Hinders AI Progress',
		]);
		for (const quiz of essay.quizzes) {
			expect(quiz.questions.map((question) => question.kind)).toEqual(['comprehension', 'comprehension', 'reflection']);
		}
	});

	it('do not always put the right answer in the same place', () => {
		const positions = essay.quizzes.flatMap((quiz) => quiz.questions.flatMap((question) => (question.kind === 'comprehension' ? [question.answer] : [])));
		expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
	});

	it('quote the essay word for word wherever an explanation quotes it', () => {
		const text = collapse(readFileSync(ESSAY, 'utf8'));
		const quotes = essay.quizzes.flatMap((quiz) =>
			quiz.questions.flatMap((question) => (question.kind === 'comprehension' ? [...question.explanation.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '') : [])),
		);
		expect(quotes.length).toBeGreaterThanOrEqual(4);
		for (const quote of quotes) expect(text, quote).toContain(collapse(quote));
	});

	it('give every reflection choice its own takeaway', () => {
		for (const quiz of essay.quizzes) {
			for (const question of quiz.questions) {
				if (question.kind !== 'reflection') continue;
				const takeaways = question.choices.map((choice) => choice.takeaway);
				expect(new Set(takeaways).size).toBe(takeaways.length);
			}
		}
	});
});

describe('quiz file validation', () => {
	const problem = (yaml: string): string => {
		try {
			parseQuizFile(yaml, bare);
		} catch (error) {
			expect(error).toBeInstanceOf(QuizError);
			return (error as Error).message;
		}

		return 'valid';
	};

	const question = (fields: string) => `quizzes:\n  - after: lack-of-dedicated-research-teams-hinders-ai-progress\n    questions:\n      - ${fields}`;
	const comprehension = (answer: string) =>
		question(`kind: comprehension\n        prompt: P?\n        choices: [A, B]\n        answer: ${answer}\n        explanation: Because.`);

	it('accepts a heading or its slug, in any case', () => {
		expect(problem(comprehension('A'))).toBe('valid');
		expect(problem(comprehension('A').replace('lack-of-dedicated-research-teams-hinders-ai-progress', 'LACK of Dedicated Research Teams Hinders AI Progress'))).toBe('valid');
	});

	it('names the field and the problem for each kind of bad file', () => {
		expect(problem('quizzes: [unclosed')).toMatch(/^not valid YAML: /);
		expect(problem('- just a list')).toBe('must be a mapping with a `quizzes` list');
		expect(problem('title: no quizzes')).toBe('quizzes: expected array');
		expect(problem('quizzes: 3')).toBe('quizzes: expected array');
		expect(problem(comprehension('C'))).toBe('quizzes[0].questions[0].answer: "C" is not one of its choices');
		expect(problem(question('kind: essay\n        prompt: P?'))).toMatch(/^quizzes\[0\]\.questions\[0\]\.kind: /);
		expect(problem(question('kind: comprehension\n        prompt: P?\n        choices: [A, B]\n        answer: A'))).toBe('quizzes[0].questions[0].explanation: expected string');
		expect(problem(question('kind: reflection\n        prompt: P?\n        choices: [{text: A}, {text: B, takeaway: T}]'))).toBe('quizzes[0].questions[0].choices[0].takeaway: expected string');
		expect(problem(question('kind: comprehension\n        prompt: P?\n        choices: [A]\n        answer: A\n        explanation: E'))).toBe('quizzes[0].questions[0].choices: needs at least two choices');
		expect(problem(comprehension('A').replace('explanation: Because.', 'explanation: Because.\n        hint: extra'))).toBe('quizzes[0].questions[0]: unknown field hint');
		expect(problem(comprehension('A').replace('lack-of-dedicated-research-teams-hinders-ai-progress', 'A section nobody wrote'))).toMatch(
			/^quizzes\[0\]\.after: the essay has no section "A section nobody wrote" \(it has "Hiring MLEs/,
		);
		expect(problem('quizzes:\n  - after: x\n    questions: []')).toBe('quizzes[0].questions: needs at least one question');
	});

	it('names the quiz file when loading an essay beside a bad one', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-quiz-'));
		const essayFile = path.join(dir, 'post.md');
		writeFileSync(essayFile, readFileSync(ESSAY));
		writeFileSync(quizFileFor(essayFile), source.replace('answer: App development and integration work', 'answer: Something else'));
		expect(() => loadEssay(essayFile)).toThrow(ContentError);
		expect(() => loadEssay(essayFile)).toThrow(`${dir}/post.quiz.yaml: quizzes[0].questions[0].answer: "Something else" is not one of its choices`);
		expect(loadEssay(essayFile, {withQuizzes: false}).quizzes).toEqual([]);
	});

	it('gives an essay without a quiz file no quizzes', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-noquiz-'));
		const essayFile = path.join(dir, 'post.md');
		writeFileSync(essayFile, '# Post\n\n## One\n\nText.');
		expect(loadEssay(essayFile).quizzes).toEqual([]);
	});

	it('keys saved progress by the quiz content too', () => {
		expect(essay.id).not.toBe(bare.id);
	});
});

describe('scoring', () => {
	const [first, second] = essay.quizzes;
	if (!first || !second) throw new Error('the bundled essay has two quizzes');

	it('counts right comprehension answers and ignores reflection', () => {
		expect(scoreQuiz(first, [2, 1, 0])).toEqual({right: 2, total: 2});
		expect(scoreQuiz(first, [0, 1, 3])).toEqual({right: 1, total: 2});
		expect(scoreQuiz(first, [undefined, undefined, undefined])).toEqual({right: 0, total: 2});
		expect(totalScore(essay.quizzes, [[2, 1, 0], [3, 1, 1]])).toEqual({right: 3, total: 4});
	});

	it('knows when a quiz is done', () => {
		const answers = noAnswers(essay.quizzes);
		expect(isQuizDone(answers, 0)).toBe(false);
		expect(isQuizDone([[1, 2, 0]], 0)).toBe(true);
		expect(isQuizDone([[1, undefined, 0]], 0)).toBe(false);
	});
});
