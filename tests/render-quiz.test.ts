import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {createPages} from '../src/render/pages.js';
import {fitQuestion, renderFeedback, renderQuizForPrint, renderRecap, renderSummary} from '../src/render/quiz.js';
import {createSearchIndex} from '../src/render/search.js';
import {renderSection} from '../src/render/section.js';
import {stylesFor} from '../src/render/styles.js';
import {ESSAY} from './helpers/paths.js';

const essay = loadEssay(ESSAY);
const plain = stylesFor(false);
const color = stylesFor(true);
const [first] = essay.quizzes;
if (!first) throw new Error('the bundled essay has quizzes');

describe('quiz feedback', () => {
	it('starts the verdict with ✓ for a right answer and marks the right choice', () => {
		const {lines, focus} = renderFeedback(first, 0, 1, 70, plain);
		expect(lines[focus]).toMatch(/^✓ Right\./);
		expect(lines[0]).toMatch(/^Reflection · Machine learning engineers/);
		expect(lines).toContain('Question 1 of 3');
		expect(lines).toContain('✓ 2. App development and integration work');
		expect(lines.find((line) => line.startsWith('✓ Right.'))).toBeDefined();
	});

	it('starts the verdict with ✗ for a wrong answer, marks the pick and names the answer', () => {
		const {lines} = renderFeedback(first, 0, 0, 70, plain);
		expect(lines).toContain('✗ 1. Training custom models on their own data');
		expect(lines).toContain('✓ 2. App development and integration work');
		expect(lines.find((line) => line.startsWith('✗ Not quite: the answer is 2.'))).toBeDefined();
		expect(lines.join(' ')).toContain('primary focus should have been on app development');
	});

	it('gives the takeaway of the chosen reflection answer', () => {
		const lines = renderFeedback(first, 2, 1, 70, plain).lines.join(' ');
		expect(lines).toContain('› 2. We want to hire an MLE now');
		expect(lines).toContain('✓ Takeaway: The author warns against exactly this');
		expect(lines).not.toContain('Not quite');
	});
});

describe('quiz recap and summary', () => {
	it('recaps each answer with its result', () => {
		const lines = renderRecap(first, [0, 2, 3], 70, plain).join('\n');
		expect(lines).toContain('All 3 questions answered · 1 of 2 right');
		expect(lines).toContain('✗ 1. When startups hire');
		expect(lines).toContain('The answer: App development and integration work');
		expect(lines).toContain('✓ 2. Why does the author');
		expect(lines).toContain('Your answer: We have real data and a clear objective');
	});

	it('scores each pattern and the total, and lists the takeaways chosen', () => {
		const answers = [
			[1, 2, 0],
			[0, 0, 3],
		];
		const lines = renderSummary(essay, answers, 80, plain, 'That is the whole essay. q quit.');
		const text = lines.join('\n');
		expect(lines[0]).toBe('Summary');
		expect(text).toContain("  2/2  Machine learning engineers are hired too early in a company's life cycle");
		expect(text).toContain('  1/2  Lack of Dedicated Research Teams Hinders AI Progress');
		expect(text).toContain('  3/4  in total');
		expect(text).toContain('  › We are still building the product and calling models through APIs');
		expect(text).toContain('    The author expects that for many companies');
		expect(lines.at(-1)).toBe('That is the whole essay. q quit.');
	});

	it('says which reflections are still open', () => {
		const text = renderSummary(essay, [[1, 2, 0], [undefined, undefined, undefined]], 80, plain, '').join('\n');
		expect(text).toContain('  0/2  Lack of Dedicated Research Teams');
		expect(text).toContain('not answered yet: open the quiz from the contents (t)');
	});

	it('fits every quiz page to narrow widths', () => {
		for (const width of [36, 50]) {
			const pages = [
				renderFeedback(first, 1, 3, width, color).lines,
				renderRecap(first, [1, 2, 0], width, color),
				renderSummary(essay, [[1, 2, 0], [0, 0, 1]], width, color, 'footer'),
				renderQuizForPrint(first, width, color),
			];
			for (const lines of pages) expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
		}
	});
});

describe('printed quizzes', () => {
	it('lists questions and choices without revealing answers', () => {
		const text = renderQuizForPrint(first, 80, plain).join('\n');
		expect(text).toContain('1. When startups hire a machine learning engineer too early');
		expect(text).toContain('    b) App development and integration work');
		expect(text).toContain('3. Where does your team stand today? (no wrong answer)');
		expect(text).not.toMatch(/✓|✗|explanation|Takeaway|The essay says/);
	});
});

describe('search over the rendered text', () => {
	const pages = createPages(essay, {isColor: true, summaryFooter: ''});

	it('finds words in every section, case-insensitively', () => {
		const matches = pages.search('TYPESCRIPT', 80);
		expect(matches).toHaveLength(1);
		expect(matches[0]?.section).toBe(1);
		const sections = new Set(pages.search('engineer', 80).map((match) => match.section));
		expect([...sections]).toEqual([0, 1, 2]);
	});

	it('matches what is shown, not the markdown source', () => {
		const index = createSearchIndex(1, () => ['\u001B[1mbold\u001B[22m words']);
		expect(index.find('**', 80)).toEqual([]);
		expect(index.find('bold words', 80)).toEqual([{section: 0, line: 0, offset: 0}]);
		expect(pages.search('!!! note', 80)).toEqual([]);
		expect(pages.search('voice memo turned essay', 80)).toHaveLength(1);
	});

	it('highlights every match on a line, keeping the text and its width, and marks the current one apart', () => {
		const lines = ['\u001B[1mData\u001B[22m and data', '中文 data'];
		const index = createSearchIndex(1, () => lines);
		const [first, second] = index.find('data', 80);
		const ranges = index.rangesOn('data', 80, 0, 0, second);
		expect(ranges).toEqual([
			{start: 0, end: 4, isCurrent: false},
			{start: 9, end: 13, isCurrent: true},
		]);
		expect(first?.offset).toBe(0);
		expect(index.rangesOn('DATA', 80, 0, 1, undefined)).toEqual([{start: 3, end: 7, isCurrent: false}]);
	});

	it('finds a phrase wherever the wrap falls in it, and inside a callout across its border', () => {
		const phrase = 'two dozen engineers';
		for (let width = 30; width <= 120; width++) {
			const all = pages.search(phrase, width);
			expect(all.length, `width ${width}`).toBeGreaterThan(0);
		}

		// At some width the phrase is split over two lines: both parts are marked.
		const split = [60, 70, 80, 90, 100]
			.flatMap((width) => pages.search(phrase, width).map((match) => ({width, match})))
			.find(({width, match}) => !stripAnsi(renderSection(essay, match.section, width, plain)[match.line] ?? '').toLowerCase().includes(phrase));
		expect(split).toBeDefined();
		if (!split) return;
		const {width, match} = split;
		const highlighted = [match.line, match.line + 1].map((line) => pages.highlight(match.section, line, width, phrase, match));
		expect(highlighted.every((line) => line.includes('\u001B[7m'))).toBe(true);
		expect(pages.search('voice memo turned essay. most of this', 40)).toHaveLength(1);
	});
});

describe('fitting a question to the screen', () => {
	it('shows everything when it fits', () => {
		const {lines, limit} = fitQuestionFor(80, 30);
		expect(lines[0]).toMatch(/^Reflection · /);
		expect(limit).toBeUndefined();
	});

	it('drops the title, then shows fewer choices at once, on a small screen', () => {
		const medium = fitQuestionFor(36, 14);
		expect(medium.lines[0]).toBe('Question 1 of 3');
		const small = fitQuestionFor(36, 10);
		expect(small.lines.length).toBeLessThan(10);
		expect(small.limit).toBeGreaterThanOrEqual(1);
		expect(small.limit).toBeLessThan(4);
	});
});

function fitQuestionFor(width: number, height: number) {
	return fitQuestion(first!, 0, width, height, plain);
}
