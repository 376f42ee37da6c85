import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {createPages} from '../src/render/pages.js';
import {fitQuestion, renderAnswerKey, renderFeedback, renderQuizForPrint, renderRecap, renderSummary} from '../src/render/quiz.js';
import {createSearchIndex, searchText} from '../src/render/search.js';
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
		const {lines, focus} = renderFeedback(first, 0, 2, 70, plain);
		expect(lines[focus]).toMatch(/^✓ Right\./);
		expect(lines[0]).toMatch(/^Quiz · Machine learning engineers/);
		expect(lines).toContain('Comprehension · Question 1 of 3');
		expect(lines).toContain('✓ 3. App development and integration work');
	});

	it('starts the verdict with ✗ for a wrong answer, marks the pick and names the answer', () => {
		const {lines} = renderFeedback(first, 0, 0, 70, plain);
		expect(lines).toContain('✗ 1. Collecting and cleaning its training data');
		expect(lines).toContain('✓ 3. App development and integration work');
		expect(lines.find((line) => line.startsWith('✗ Not quite: the answer is 3.'))).toBeDefined();
		expect(lines.join(' ')).toContain('primary focus should have been on app development');
	});

	it('gives the takeaway of the chosen reflection answer, under a mark that is not the right-answer mark', () => {
		const lines = renderFeedback(first, 2, 1, 70, plain).lines;
		expect(lines).toContain('Reflection · Question 3 of 3 · no wrong answer');
		const text = lines.join(' ');
		expect(text).toContain('› 2. We want to hire an MLE now');
		expect(text).toContain('→ Takeaway: The author only wonders about this');
		expect(text).not.toContain('✓ Takeaway');
		expect(text).not.toContain('Not quite');
	});
});

describe('quiz recap and summary', () => {
	it('recaps each answer with its result', () => {
		const lines = renderRecap(first, [0, 1, 3], 70, plain).join('\n');
		expect(lines).toContain('All 3 questions answered · 1 of 2 right');
		expect(lines).toContain('✗ 1. When a startup hires');
		expect(lines).toContain('The answer: App development and integration work');
		expect(lines).toContain('✓ 2. Why would early-stage work');
		expect(lines).toContain('Your answer: We have real data and a clear objective');
	});

	it('scores each pattern, explains each miss with the essay’s sentence, and lists the takeaways chosen', () => {
		const answers = [
			[2, 1, 0],
			[0, 0, 3],
		];
		const lines = renderSummary(essay, answers, 80, plain, 'That is the whole essay. q quit.');
		const text = lines.join(' ').replace(/\s+/g, ' ');
		expect(lines[0]).toBe('Summary');
		expect(text).toContain("Machine learning engineers are hired too early in a company's life cycle: 2/2");
		expect(text).toContain('Lack of Dedicated Research Teams Hinders AI Progress: 1/2');
		expect(text).toContain('In total: 3 of 4 comprehension questions right');
		// The miss: the reader's answer, the right one, and the sentence that settles it.
		expect(text).toContain('Your answer: They are promoted to lead a new research team');
		expect(text).toContain('The answer: They get bogged down in bugs and maintenance');
		expect(text).toContain('The essay: “But due to the absence of a dedicated team');
		expect(text).toContain('Your answer: We are still building the product and calling models through APIs');
		expect(text).toContain('The author expects as much');
		expect(text).toContain('press r');
		expect(lines.at(-1)).toBe('That is the whole essay. q quit.');
	});

	it('says a quiz was skipped, never 0 out of 2, and which reflections are still open', () => {
		const text = renderSummary(essay, [[2, 1, 0], [undefined, undefined, undefined]], 80, plain, '').join('\n');
		expect(text).toContain('Lack of Dedicated Research Teams Hinders AI Progress: skipped');
		expect(text).not.toContain('0/2');
		expect(text).toContain('not answered yet');
		expect(renderSummary(essay, [[2, undefined, undefined], [3, 0, 1]], 80, plain, '').join(' ').replace(/\s+/g, ' ')).toContain('life cycle: 1/1 (1 not answered)');
	});

	it('fits every quiz page to narrow widths', () => {
		for (const width of [36, 50]) {
			const pages = [
				renderFeedback(first, 1, 3, width, color).lines,
				renderRecap(first, [1, 2, 0], width, color),
				renderSummary(essay, [[1, 2, 0], [0, 0, 1]], width, color, 'footer'),
				renderAnswerKey(essay.quizzes, width, color),
				renderQuizForPrint(first, width, color),
			];
			for (const lines of pages) expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
		}
	});
});

describe('the search index, built a few sections at a time', () => {
	it('answers from what is indexed, says it is not complete, and finds the rest once it is', () => {
		const rendered = new Set<number>();
		const index = createSearchIndex(3, (section) => {
			rendered.add(section);
			return searchText([`section ${section} has the word`]);
		});
		expect(index.find('word', 80)).toEqual({matches: [], isComplete: false, indexed: 0, total: 3});
		expect(rendered.size).toBe(0);
		expect(index.step(80, 0)).toEqual({indexed: 1, total: 3});
		expect(index.find('word', 80)).toMatchObject({isComplete: false, indexed: 1, matches: [{section: 0, line: 0, offset: 18}]});
		index.step(80, Number.POSITIVE_INFINITY);
		expect(index.find('word', 80)).toMatchObject({isComplete: true, indexed: 3});
		expect(index.find('word', 80).matches.map((match) => match.section)).toEqual([0, 1, 2]);
	});

	it('indexes first the sections whose source holds the word a search waits for', () => {
		const sources = ['intro', 'nothing here', 'more of it', 'the **Zebrafish** swims'];
		const indexedOrder: number[] = [];
		const index = createSearchIndex(
			4,
			(section) => {
				indexedOrder.push(section);
				return searchText([sources[section]?.replace(/\*/g, '') ?? '']);
			},
			(section) => sources[section] ?? '',
		);
		index.step(80, 0, 'zebrafish');
		expect(indexedOrder).toEqual([3]);
		expect(index.find('zebrafish', 80).matches).toEqual([{section: 3, line: 0, offset: 4}]);
		index.step(80, Number.POSITIVE_INFINITY, 'zebrafish');
		expect(indexedOrder).toEqual([3, 0, 1, 2]);
	});

	it('draws nothing else in a step while a section that may answer a waiting search is not in', () => {
		const sources = ['intro', 'zebrafish one', 'nothing here', 'zebrafish two', 'more'];
		const indexedOrder: number[] = [];
		const index = createSearchIndex(
			5,
			(section) => {
				indexedOrder.push(section);
				return searchText([sources[section] ?? '']);
			},
			(section) => sources[section] ?? '',
		);
		// However long the step may take, the search waiting is answered first.
		index.step(80, Number.POSITIVE_INFINITY, 'zebrafish');
		expect(indexedOrder).toEqual([1, 3]);
		expect(index.find('zebrafish', 80).matches.map((match) => match.section)).toEqual([1, 3]);
		index.step(80, Number.POSITIVE_INFINITY, 'zebrafish');
		expect(indexedOrder).toEqual([1, 3, 0, 2, 4]);
	});

	it('after a change of width, draws again only the sections whose earlier text holds the query, and answers at once', () => {
		const drawn: Array<[number, number]> = [];
		// At 40 columns each line is half as wide: twice the lines, the same words.
		const words = ['alpha beta gamma delta', 'beta gamma delta epsilon', 'gamma delta epsilon zeta', 'delta epsilon zeta alpha'];
		const index = createSearchIndex(4, (section, width) => {
			drawn.push([section, width]);
			const [a, b, c, d] = (words[section] ?? '').split(' ');
			return searchText(width >= 80 ? [`${a} ${b} ${c} ${d}`] : [`${a} ${b}`, `${c} ${d}`]);
		});
		index.step(80, Number.POSITIVE_INFINITY);
		drawn.length = 0;
		const found = index.find('alpha', 40);
		expect(found).toMatchObject({isComplete: true, total: 4});
		expect(found.matches.map((match) => [match.section, match.line])).toEqual([
			[0, 0],
			[3, 1],
		]);
		expect(drawn).toEqual([
			[0, 40],
			[3, 40],
		]);
		// The rest is indexed at the new width as usual, and then nothing is kept from the old one.
		index.step(40, Number.POSITIVE_INFINITY);
		expect(drawn.map(([section]) => section)).toEqual([0, 3, 1, 2]);
		expect(index.find('zeta', 40).matches.map((match) => [match.section, match.line])).toEqual([
			[2, 1],
			[3, 1],
		]);
	});

	it('goes past a section still being drawn, and takes it once it is there', () => {
		let isDrawn = false;
		const index = createSearchIndex(3, (section) => (section === 1 && !isDrawn ? undefined : searchText([`section ${section} has the word`])));
		expect(index.step(80, Number.POSITIVE_INFINITY)).toEqual({indexed: 2, total: 3});
		expect(index.find('word', 80)).toMatchObject({isComplete: false, indexed: 2});
		expect(index.rangesOn('word', 80, 1, 0, 'section 1 has the word', undefined)).toEqual([]);
		isDrawn = true;
		expect(index.step(80, Number.POSITIVE_INFINITY)).toEqual({indexed: 3, total: 3});
		expect(index.find('word', 80).matches.map((match) => match.section)).toEqual([0, 1, 2]);
	});
});

describe('printed quizzes', () => {
	it('lists questions and choices without revealing answers', () => {
		const text = renderQuizForPrint(first, 80, plain).join('\n');
		expect(text).toContain('1. When a startup hires a machine learning engineer too early');
		expect(text).toContain('    c) App development and integration work');
		expect(text).toContain('3. Where does your team stand today? (no wrong answer)');
		expect(text).not.toMatch(/✓|✗|explanation|Takeaway|The essay says/);
	});

	it('and the answer key gives each answer with its explanation, and each reflection choice’s takeaway', () => {
		const text = renderAnswerKey(essay.quizzes, 80, plain).join('\n');
		expect(text).toContain('Answer key');
		expect(text).toContain('1. c) App development and integration work');
		expect(text).toContain('1. d) They get bogged down in bugs and maintenance');
		expect(text).toContain('3. No wrong answer. What each choice means:');
		expect(text).toContain('    b) The author only wonders about this');
	});
});

describe('search over the rendered text', () => {
	const pages = createPages(essay, {isColor: true, summaryFooter: ''});
	/** Every match once the whole essay is indexed at `width`. */
	const searchAll = (query: string, width: number) => {
		pages.indexStep(width, Number.POSITIVE_INFINITY);
		return pages.search(query, width).matches;
	};

	it('finds words in every section, case-insensitively', () => {
		const matches = searchAll('TYPESCRIPT', 80);
		expect(matches).toHaveLength(1);
		expect(matches[0]?.section).toBe(1);
		const sections = new Set(searchAll('engineer', 80).map((match) => match.section));
		expect([...sections]).toEqual([0, 1, 2]);
	});

	it('matches what is shown, not the markdown source', () => {
		const index = createSearchIndex(1, () => searchText(['\u001B[1mbold\u001B[22m words']));
		index.step(80, Number.POSITIVE_INFINITY);
		expect(index.find('**', 80).matches).toEqual([]);
		expect(index.find('bold words', 80).matches).toEqual([{section: 0, line: 0, offset: 0}]);
		expect(searchAll('!!! note', 80)).toEqual([]);
		expect(searchAll('voice memo turned essay', 80)).toHaveLength(1);
	});

	it('highlights every match on a line, keeping the text and its width, and marks the current one apart', () => {
		const lines = ['\u001B[1mData\u001B[22m and data', '中文 data'];
		const index = createSearchIndex(1, () => searchText(lines));
		index.step(80, Number.POSITIVE_INFINITY);
		const [first, second] = index.find('data', 80).matches;
		const ranges = index.rangesOn('data', 80, 0, 0, lines[0] ?? '', second);
		expect(ranges).toEqual([
			{start: 0, end: 4, isCurrent: false},
			{start: 9, end: 13, isCurrent: true},
		]);
		expect(first?.offset).toBe(0);
		expect(index.rangesOn('DATA', 80, 0, 1, lines[1] ?? '', undefined)).toEqual([{start: 3, end: 7, isCurrent: false}]);
	});

	it('puts a match on its own line past blank lines and frames, and marks it there', () => {
		const lines = ['first word', '', '\u001B[2m│\u001B[22m   ', '│  the second word  │', ''];
		const index = createSearchIndex(1, () => searchText(lines));
		index.step(80, Number.POSITIVE_INFINITY);
		const [match] = index.find('second', 80).matches;
		expect(match?.line).toBe(3);
		expect(index.rangesOn('second', 80, 0, 3, lines[3] ?? '', match)).toEqual([{start: 7, end: 13, isCurrent: true}]);
		expect(index.find('word first', 80).matches).toEqual([]);
		expect(index.find('word the second', 80).matches.map((found) => found.line)).toEqual([0]);
	});

	it('reads list bullets and table rules as spaces, so ASCII prose stays one byte a character', () => {
		const lines = ['• first item', '• second item', '', '│ name │ value │', '├──────┼───────┤', '│ data │ 12    │'];
		const searchable = searchText(lines);
		// V8 keeps a string two bytes a character once it holds one character past U+00FF.
		expect(/^[\u0000-\u00FF]*$/.test(searchable.text)).toBe(true);
		const index = createSearchIndex(1, () => searchText(lines));
		index.step(80, Number.POSITIVE_INFINITY);
		expect(index.find('item second', 80).matches.map((found) => found.line)).toEqual([0]);
		expect(index.find('• second item', 80).matches.map((found) => found.line)).toEqual([1]);
		const [cell] = index.find('data 12', 80).matches;
		expect(cell?.line).toBe(5);
		expect(index.rangesOn('data 12', 80, 0, 5, lines[5] ?? '', cell)).toEqual([{start: 2, end: 11, isCurrent: true}]);
	});

	it('marks on each line of each section only the matches on it, however many there are before and after', () => {
		const lineOf = (section: number, line: number) => `s${section} l${line} data and data`;
		const index = createSearchIndex(3, (section) => searchText(Array.from({length: 50}, (_, line) => lineOf(section, line))));
		index.step(80, Number.POSITIVE_INFINITY);
		expect(index.find('data', 80).matches).toHaveLength(300);
		for (const [section, line] of [[0, 0], [1, 0], [1, 25], [2, 49]] as const) {
			const start = `s${section} l${line} `.length;
			expect(index.rangesOn('data', 80, section, line, lineOf(section, line), undefined), `section ${section} line ${line}`).toEqual([
				{start, end: start + 4, isCurrent: false},
				{start: start + 9, end: start + 13, isCurrent: false},
			]);
		}
	});

	it('finds a phrase wherever the wrap falls in it, and inside a callout across its border', () => {
		const phrase = 'two dozen engineers';
		for (let width = 30; width <= 120; width++) {
			const all = searchAll(phrase, width);
			expect(all.length, `width ${width}`).toBeGreaterThan(0);
		}

		// At some width the phrase is split over two lines: both parts are marked.
		const split = [60, 70, 80, 90, 100]
			.flatMap((width) => searchAll(phrase, width).map((match) => ({width, match})))
			.find(({width, match}) => !stripAnsi(renderSection(essay, match.section, width, plain)[match.line] ?? '').toLowerCase().includes(phrase));
		expect(split).toBeDefined();
		if (!split) return;
		const {width, match} = split;
		const highlighted = [match.line, match.line + 1].map((line) => pages.highlight(match.section, line, width, phrase, match));
		expect(highlighted.every((line) => line.includes('\u001B[7m'))).toBe(true);
		expect(searchAll('voice memo turned essay. most of this', 40)).toHaveLength(1);
	});
});

describe('fitting a question to the screen', () => {
	it('shows everything when it fits', () => {
		const {lines, limit} = fitQuestionFor(80, 30);
		expect(lines[0]).toMatch(/^Quiz · /);
		expect(limit).toBeUndefined();
	});

	it('drops the title, then shows fewer choices at once, on a small screen', () => {
		const medium = fitQuestionFor(36, 14);
		expect(medium.lines[0]).toBe('Comprehension · Question 1 of 3');
		const small = fitQuestionFor(36, 10);
		expect(small.lines.length).toBeLessThan(10);
		expect(small.limit).toBeGreaterThanOrEqual(1);
		expect(small.limit).toBeLessThan(4);
	});
});

function fitQuestionFor(width: number, height: number) {
	return fitQuestion(first!, 0, width, height, plain);
}
