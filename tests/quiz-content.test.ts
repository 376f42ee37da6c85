// The quizzes must teach: a reader who has not read the section should do no better than chance, and
// every quotation must be the essay's own words. These hold for any quiz file, the shipped one first.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {checkQuizzes} from '../src/essay/quiz-check.js';
import {parseQuizFile} from '../src/essay/quiz.js';
import {CLI, ESSAY} from './helpers/paths.js';

const essay = loadEssay(ESSAY);
const quizSource = readFileSync(ESSAY.replace(/\.md$/, '.quiz.yaml'), 'utf8');
const withQuiz = (source: string) => checkQuizzes(parseQuizFile(source, essay), essay);

describe('the shipped quizzes', () => {
	it('have no problem: quotations word for word, answers not guessable by length or position', () => {
		expect(checkQuizzes(essay.quizzes, essay)).toEqual([]);
	});

	it('keep two comprehension questions and one reflection question per pattern', () => {
		expect(essay.quizzes.map((quiz) => quiz.questions.map((question) => question.kind))).toEqual([
			['comprehension', 'comprehension', 'reflection'],
			['comprehension', 'comprehension', 'reflection'],
		]);
	});

	it('follow the essay’s spelling', () => {
		expect(quizSource).not.toMatch(/specialis|labell|organis/);
	});

	it('give a reader who guesses by length or by position no better than chance', () => {
		const comprehension = essay.quizzes.flatMap((quiz) => quiz.questions.filter((question) => question.kind === 'comprehension'));
		const longest = (choices: readonly string[]) => choices.reduce((best, choice, index) => (choice.length > (choices[best] ?? '').length ? index : best), 0);
		const byLength = comprehension.filter((question) => longest(question.choices) === question.answer).length;
		const byFirst = comprehension.filter((question) => question.answer === 0).length;
		// Four questions of four choices: chance is one right.
		expect(byLength).toBeLessThanOrEqual(1);
		expect(byFirst).toBeLessThanOrEqual(1);
		expect(new Set(comprehension.map((question) => question.answer)).size).toBeGreaterThan(1);
	});
});

describe('the checks, on quiz files that break them', () => {
	it('a quotation that is not the essay’s words', () => {
		const problems = withQuiz(quizSource.replace('"a bit too early in the development process,', '"much too early in the development process,'));
		expect(problems).toEqual([expect.stringMatching(/^quizzes\[0\]\.questions\[0\]\.explanation: "much too early.*" is not in the essay word for word$/)]);
	});

	it('evidence that is not a passage of the essay', () => {
		const problems = withQuiz(quizSource.replace('Many startups make the mistake of hiring', 'Many startups make the error of hiring'));
		expect(problems).toEqual(['quizzes[0].questions[0].evidence: is not a passage of the essay word for word']);
	});

	it('answers that are the longest choice, the first choice, or always in the same place', () => {
		const source = `quizzes:
  - after: lack-of-dedicated-research-teams-hinders-ai-progress
    questions:
${[0, 1, 2]
	.map(
		(index) => `      - kind: comprehension
        prompt: Question ${index}?
        choices: [The right answer here, Wrong one here, Another wrong, Not this one]
        answer: The right answer here
        explanation: Because.`,
	)
	.join('\n')}
`;
		const problems = withQuiz(source);
		expect(problems).toContainEqual(expect.stringMatching(/the answer is the longest choice in 3 of 3 comprehension questions/));
		expect(problems).toContainEqual(expect.stringMatching(/the answer is the first choice, highlighted when the question opens, in 3 questions/));
		expect(problems).toContainEqual('every comprehension answer is choice 1: vary their positions');
	});

	it('a choice much longer than its siblings', () => {
		const problems = withQuiz(quizSource.replace('- Collecting and cleaning its training data', '- Collecting, cleaning, labelling and versioning every piece of its training data'));
		expect(problems).toEqual([expect.stringMatching(/^quizzes\[0\]\.questions\[0\]\.choices\[0\]: \d+ characters against \d+ for the shortest choice/)]);
	});
});

describe('mle-essay --check-quiz', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-check-'));
	const essayFile = path.join(dir, 'post.md');
	writeFileSync(essayFile, readFileSync(ESSAY));
	const run = () => spawnSync(process.execPath, [CLI, '--check-quiz', essayFile], {encoding: 'utf8'});

	it('says the shipped quiz file is fine, and exits 0', () => {
		writeFileSync(essayFile.replace(/\.md$/, '.quiz.yaml'), quizSource);
		const result = run();
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`${essayFile.replace(/\.md$/, '.quiz.yaml')}: 6 questions in 2 quizzes, no problems\n`);
	});

	it('lists each problem on a line of its own, and exits 1', () => {
		const broken = quizSource
			.replace('"a bit too early in the development process,', '"much too early in the development process,')
			.replace('- Collecting and cleaning its training data', '- Collecting, cleaning, labelling and versioning every piece of its training data');
		writeFileSync(essayFile.replace(/\.md$/, '.quiz.yaml'), broken);
		const result = run();
		expect(result.status).toBe(1);
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		for (const line of lines) expect(line).toMatch(/^mle-essay: .*post\.quiz\.yaml: quizzes\[0\]\.questions\[0\]/);
	});
});
