import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {Lexer} from 'marked';
import {describe, expect, it, vi} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {parseEssay} from '../src/essay/parse.js';
import {knownReadingTimeLabel, readingMinutes, wordCount} from '../src/essay/reading-time.js';
import {columnLayout, MEASURE} from '../src/render/layout.js';
import {fitColumns} from '../src/render/columns.js';
import {renderMarkdown} from '../src/render/markdown.js';
import {createPages, drawSection, HEAVY_SECTION_COST, type BackgroundDrawing, type Drawing, type RenderedSection, type SectionJob} from '../src/render/pages.js';
import {drawingCost, renderSection} from '../src/render/section.js';
import {stylesFor} from '../src/render/styles.js';
import {wrapLine} from '../src/render/wrap.js';
import {summaryFooter} from '../src/ui/copy.js';
import {BUNDLED_SOURCE, ESSAY, fixture} from './helpers/paths.js';

const color = stylesFor(true);
const plain = stylesFor(false);
const essay = parseEssay(readFileSync(ESSAY, 'utf8'), {fallbackTitle: 'x'});
const sink = parseEssay(readFileSync(fixture('kitchen-sink.md'), 'utf8'), {fallbackTitle: 'x'});
const widest = (lines: readonly string[]) => Math.max(...lines.map((line) => stringWidth(line)));
const ESC = '\u001B';

describe('rendering markdown', () => {
	it('styles headings without a literal #', () => {
		const lines = renderMarkdown('### Deeper heading\n\ntext', 60, color).map((line) => stripAnsi(line));
		expect(lines[0]).toBe('Deeper heading');
		expect(lines.join('\n')).not.toContain('#');
	});

	it('applies inline styles inside tight list items (marked-terminal leaves them literal)', () => {
		const lines = renderMarkdown('- one **bold** item\n- two *em* and `code`', 60, color);
		const text = lines.join('\n');
		expect(stripAnsi(text)).toBe('  • one bold item\n  • two em and code');
		expect(text).toContain(`${ESC}[1mbold${ESC}[22m`);
	});

	it('numbers ordered lists and nests bullets under their item', () => {
		const lines = renderMarkdown('1. a\n2. b\n   - inner\n3. c', 60, plain);
		expect(lines).toEqual(['  1. a', '  2. b', '     • inner', '  3. c']);
	});

	it('keeps deeply nested quotes italic with a handful of style codes, not one set per level', () => {
		const lines = renderMarkdown('> '.repeat(400) + 'the bottom of the well', 84, color);
		const last = lines.find((line) => line.includes('the bottom of the well')) ?? '';
		expect(last).toContain('\u001B[3m');
		// Each code is redrawn by the terminal on every frame; 400 levels once made 80,000 of them.
		expect(last.split('\u001B').length).toBeLessThan(100);
	});

	it('hangs wrapped list text under the bullet and repeats quote bars', () => {
		const list = renderMarkdown('- ' + 'word '.repeat(30), 40, plain);
		expect(list[0]).toMatch(/^ {2}• word/);
		expect(list.slice(1).every((line) => line.startsWith('    word'))).toBe(true);
		const quote = renderMarkdown('> ' + 'quoted '.repeat(20), 40, plain);
		expect(quote.length).toBeGreaterThan(1);
		expect(quote.every((line) => line.startsWith('│ '))).toBe(true);
	});

	it('joins soft line breaks from hard-wrapped source into flowing text', () => {
		expect(renderMarkdown('one\ntwo\nthree', 60, plain)).toEqual(['one two three']);
	});

	it('shows a link with its address', () => {
		expect(renderMarkdown('see [the post](https://example.com/a)', 60, plain)).toEqual(['see the post (https://example.com/a)']);
	});

	it('fits tables to the width by wrapping cells', () => {
		const table = renderMarkdown('| a | b |\n|---|---|\n| ' + 'long '.repeat(30) + '| short |', 40, plain);
		expect(widest(table)).toBeLessThanOrEqual(40);
		expect(table.join(' ')).toContain('short');
		expect(fitColumns([10, 100], 40)).toEqual([12, 25]);
	});

	it('wraps CJK and emoji by display width', () => {
		const lines = renderMarkdown('中文'.repeat(40) + ' 😀😀😀', 30, plain);
		expect(widest(lines)).toBeLessThanOrEqual(30);
		expect(lines.join('')).toContain('😀😀😀');
	});

	it('breaks a word longer than the line', () => {
		const lines = renderMarkdown('x'.repeat(1000), 50, plain);
		expect(lines).toHaveLength(20);
		expect(widest(lines)).toBe(50);
	});

	it('expands tabs in code blocks so widths stay true', () => {
		const lines = renderMarkdown('```\n\tindented\n```', 40, plain);
		expect(lines).toEqual(['        indented']);
	});

	it('never lets deep nesting push text off the screen', () => {
		const deep = Array.from({length: 60}, (_, depth) => `${'  '.repeat(depth)}- level ${depth} ${'text '.repeat(8)}`).join('\n');
		const lines = renderMarkdown(deep, 40, plain);
		expect(widest(lines)).toBeLessThanOrEqual(40);
		expect(lines.join(' ')).toContain('level 59');
	});
});

describe('wrapLine', () => {
	it('keeps a line that fits as it is', () => {
		expect(wrapLine('short', 10)).toEqual(['short']);
	});

	it('carries styles onto continuation lines', () => {
		const lines = wrapLine(`${ESC}[1m${'bold '.repeat(10)}${ESC}[22m`, 20);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines[1]).toContain(`${ESC}[1m`);
	});
});

describe('rendering sections', () => {
	it('draws the admonition as Material does: its title in the title bar, not raw !!!', () => {
		const lines = renderSection(essay, 0, 60, plain);
		const text = lines.join('\n');
		expect(text).not.toContain('!!!');
		expect(lines[0]).toBe('Hiring MLEs at early stage companies');
		expect(text).toMatch(/╭─ A voice memo turned essay\. ─+╮\n│ Most of this is actually a short voice memoir I've +│/);
		expect(text).not.toContain('Note');
		expect(text).toContain('╰──');
	});

	it('gives an untitled callout its type as title, "" no title bar, and a long title goes on inside', () => {
		const callouts = parseEssay(
			'# T\n\n!!! danger\n\n    Typed.\n\n!!! tip ""\n\n    No bar.\n\n!!! warning "A title far too long to fit in the bar of a box this narrow"\n\n    Body.\n',
			{fallbackTitle: 'callouts'},
		);
		const text = renderSection(callouts, 0, 40, plain).join('\n');
		expect(text).toMatch(/╭─ Danger ─+╮\n│ Typed\. +│/);
		expect(text).toMatch(/╭─{38}╮\n│ No bar\. +│/);
		expect(text).toMatch(/╭─ A title far too long to fit in the ─+╮\n│ bar of a box this narrow +│\n│ +│\n│ Body\. +│/);
	});

	it('shows the reading time on the cover, computed from the words, and the original post with its licence', () => {
		expect(wordCount(essay)).toBeGreaterThan(800);
		expect(wordCount(essay)).toBeLessThan(900);
		expect(readingMinutes(essay)).toBe(4);
		const lines = renderSection({...essay, source: {url: 'https://example.com/post/', licence: 'MIT'}}, 0, 60, plain);
		expect(lines[1]).toBe('jxnl · April 8, 2024 · hiring · about 4 min read');
		expect(lines).toContain('https://example.com/post/');
		expect(lines.join(' ')).toContain('MIT licence');
		// Twice the words, twice the time.
		const longer = {...essay, sections: [...essay.sections, ...essay.sections]};
		expect(readingMinutes(longer)).toBe(7);
	});

	it('counts a long essay\'s words after its first screen, between keys, then shows its reading time on the cover', async () => {
		const chapters = Array.from({length: 300}, (_, index) => `## Part ${index}\n\n${'Words to read here. '.repeat(200)}\n`);
		const long = parseEssay(`# Long\n\nIntro.\n\n${chapters.join('\n')}`, {fallbackTitle: 'long'});
		const pages = createPages(long, {isColor: false, summaryFooter: ''});
		const cover = () => pages.linesOf({kind: 'section', section: 0}, 60).join('\n');
		expect(cover()).not.toContain('min read');
		// The contents say it is being counted meanwhile (src/ui/App.tsx).
		expect(knownReadingTimeLabel(long)).toBeUndefined();
		let told = 0;
		pages.subscribe(() => (told += 1));
		const drawn = pages.drawnCount();
		let step = pages.indexStep(60, 1);
		while (step.indexed < step.total) step = pages.indexStep(60, 1);
		await Promise.resolve();
		expect(told).toBe(1);
		expect(pages.drawnCount()).toBe(drawn + 1);
		const label = `about ${readingMinutes(long)} min read`;
		expect(readingMinutes(long)).toBe(Math.round(wordCount(long) / 230));
		expect(cover()).toContain(label);
		expect(knownReadingTimeLabel(long)).toBe(label);
		// The index holds the cover as it is now.
		expect(pages.search(label, 60).matches).toEqual([expect.objectContaining({section: 0})]);
	});

	it('draws a long essay\'s cover again with its reading time once its words are counted anywhere', () => {
		const chapters = Array.from({length: 300}, (_, index) => `## Part ${index}\n\n${'Words to read here. '.repeat(200)}\n`);
		const long = parseEssay(`# Long\n\nIntro.\n\n${chapters.join('\n')}`, {fallbackTitle: 'long'});
		const pages = createPages(long, {isColor: false, summaryFooter: ''});
		const cover = () => pages.linesOf({kind: 'section', section: 0}, 60).join('\n');
		expect(cover()).not.toContain('min read');
		// Counted outside the pages, as keeping a long post at exit does (src/post-snapshots.ts).
		wordCount(long);
		expect(cover()).toContain(`about ${readingMinutes(long)} min read`);
	});

	it('keeps drawn only the sections read last, not every section the search index went through', () => {
		const chapters = Array.from({length: 150}, (_, index) => `## Part ${index}\n\nText of part ${index}, with *some* markup.\n`);
		const long = parseEssay(`# Many parts\n\n${chapters.join('\n')}`, {fallbackTitle: 'many'});
		const pages = createPages(long, {isColor: false, summaryFooter: ''});
		const lexed = vi.spyOn(Lexer.prototype, 'blockTokens');
		const drawsOf = (section: number): number => {
			lexed.mockClear();
			pages.linesOf({kind: 'section', section}, 60);
			return lexed.mock.calls.length;
		};

		expect(drawsOf(5)).toBeGreaterThan(0);
		let step = pages.indexStep(60, 5);
		while (step.indexed < step.total) step = pages.indexStep(60, 5);
		// Read before: kept. Only indexed: drawn again when read.
		expect(drawsOf(5)).toBe(0);
		expect(drawsOf(140)).toBeGreaterThan(0);
		expect(pages.search('text of part 120', 60).matches).toHaveLength(1);
		// Sixty-four others read since: no longer kept.
		for (let section = 10; section < 80; section++) drawsOf(section);
		expect(drawsOf(5)).toBeGreaterThan(0);
		lexed.mockRestore();
	});

	it('never renders a line wider than the width, at any width, for the essay and the fixture', () => {
		for (const document of [essay, sink]) {
			for (const width of [20, 33, 40, 57, 80, 84]) {
				for (let index = 0; index < document.sections.length; index++) {
					expect(widest(renderSection(document, index, width, color))).toBeLessThanOrEqual(width);
				}
			}
		}
	});

	it('has no escape codes at all without colour', () => {
		for (let index = 0; index < sink.sections.length; index++) {
			expect(renderSection(sink, index, 60, plain).join('\n')).not.toContain(ESC);
		}
	});

	it('uses colour when asked', () => {
		expect(renderSection(essay, 1, 60, color).join('\n')).toContain(`${ESC}[`);
	});

	it('renders a section whose heading has no text (found by the property test)', () => {
		const parsed = parseEssay('# Random\n\n##\n\n| A | 0 |\n| --- | --- |', {fallbackTitle: 'x'});
		expect(renderSection(parsed, 1, 20, plain)[0]).toBe('Section 2');
	});

	it('shows the last sentence of the essay', () => {
		const lines = renderSection(essay, 2, 70, plain);
		expect(lines.join(' ')).toMatch(/sustained AI innovation and growth\.$/);
	});

	it('draws every admonition type and form of the fixture', () => {
		const text = renderSection(sink, 0, 60, plain).join('\n');
		expect(text).toContain('╭─ Lists inside a callout ─');
		expect(text).toContain('• one bold item');
		expect(text).toContain('╭─ ▸ Warning ─');
	});
});

describe('layout and caching', () => {
	it('caps the text column at a reading measure and centres it', () => {
		expect(columnLayout(200)).toEqual({width: MEASURE, margin: 58});
		expect(columnLayout(40)).toEqual({width: 36, margin: 2});
	});

	it('renders a section once per width', () => {
		const pages = createPages(essay, {isColor: true, summaryFooter: ''});
		const page = {kind: 'section', section: 1} as const;
		expect(pages.linesOf(page, 60)).toBe(pages.linesOf(page, 60));
		expect(pages.linesOf(page, 61)).not.toBe(pages.linesOf(page, 60));
	});

	it('keeps the sections of two widths at most, so resizing does not grow memory', () => {
		const pages = createPages(essay, {isColor: true, summaryFooter: ''});
		const page = {kind: 'section', section: 1} as const;
		const first = pages.linesOf(page, 60);
		pages.linesOf(page, 61);
		expect(pages.linesOf(page, 60)).toBe(first);
		for (let width = 62; width < 80; width++) pages.linesOf(page, width);
		const again = pages.linesOf(page, 60);
		expect(again).not.toBe(first);
		expect(again).toEqual(first);
	});

	it('uses sections rendered before (by the build) for their width, colour and hyperlinks only', () => {
		const lines = ['rendered before'];
		const linked = ['rendered before, with links'];
		const rendered = [
			{section: 1, width: 60, isColor: true, hasLinks: false, lines},
			{section: 1, width: 60, isColor: true, hasLinks: true, lines: linked},
		];
		const page = {kind: 'section', section: 1} as const;
		const pages = createPages(essay, {isColor: true, summaryFooter: '', rendered});
		expect(pages.linesOf(page, 60)).toBe(lines);
		expect(pages.linesOf(page, 61)).not.toBe(lines);
		expect(createPages(essay, {isColor: false, summaryFooter: '', rendered}).linesOf(page, 60)).not.toBe(lines);
		expect(createPages(essay, {isColor: true, hasLinks: true, summaryFooter: '', rendered}).linesOf(page, 60)).toBe(linked);
	});

	it('the build rendered the bundled cover (dist/essay.json) exactly as the renderer does now', () => {
		const built = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/essay.json', import.meta.url)), 'utf8')) as {rendered: RenderedSection[]};
		const looks = [true, false].flatMap((isColor) => [false, true].map((hasLinks) => [isColor, hasLinks] as const));
		expect(built.rendered.map(({section, width, isColor, hasLinks}) => [section, width, isColor, hasLinks])).toEqual(
			looks.flatMap(([isColor, hasLinks]) => [0, 1, 2].flatMap((section) => [84, 76].map((width) => [section, width, isColor, hasLinks]))),
		);
		for (const {section, width, isColor, hasLinks, lines} of built.rendered) {
			const pages = createPages(loadEssay(ESSAY, {source: BUNDLED_SOURCE}), {isColor, hasLinks, summaryFooter: summaryFooter()});
			expect(lines).toEqual(pages.linesOf({kind: 'section', section}, width));
		}
		// The cover's link to the original post is a hyperlink where the terminal takes them.
		const linkedCover = built.rendered.find((drawn) => drawn.section === 0 && drawn.hasLinks && drawn.isColor);
		expect(linkedCover?.lines.join('\n')).toContain(`\u001B]8;;${BUNDLED_SOURCE.url}`);
	});
});

describe('emoji shortcodes', () => {
	it('are replaced once the essay is known to use them, and only then', async () => {
		const {prepareEmoji, replaceShortcodes} = await import('../src/render/emoji.js');
		expect(replaceShortcodes('coffee :coffee:')).toBe('coffee :coffee:');
		await prepareEmoji(essay);
		expect(replaceShortcodes('coffee :coffee:')).toBe('coffee :coffee:');
		await prepareEmoji(parseEssay('# Cafe\n\nTime for :coffee: and :not_an_emoji_at_all:.', {fallbackTitle: 'x'}));
		expect(renderMarkdown('Time for :coffee: and :not_an_emoji_at_all:.', 60, plain)).toEqual(['Time for ☕ and :not_an_emoji_at_all:.']);
	});
});

describe('code is verbatim', () => {
	const long = `    print("${'x'.repeat(150)}")`;
	const source = ['import os', '', '', 'def main():', long, '<!-- more -->', '\tindented with a tab'].join('\n');
	const post = parseEssay(`# Code\n\nIntro.\n\n\`\`\`python title="app.py"\n${source}\n\`\`\`\n\n<!-- more -->\n\nAfter.\n`, {fallbackTitle: 'code'});

	it('in print: every line whole, blank lines kept, the excerpt marker only outside code', () => {
		const lines = renderSection(post, 0, 60, plain, 'whole').map((line) => stripAnsi(line));
		const code = lines.slice(lines.indexOf('    import os'));
		expect(code.slice(0, 7)).toEqual(['    import os', '', '', '    def main():', `    ${long}`, '    <!-- more -->', '        indented with a tab']);
		expect(lines.filter((line) => line.includes('<!-- more -->'))).toHaveLength(1);
		expect(lines).toContain('    app.py · python');
	});

	it('in the reader: long lines broken at the width with a continuation mark, nothing lost', () => {
		const lines = renderSection(post, 0, 60, plain).map((line) => stripAnsi(line));
		expect(widest(lines)).toBeLessThanOrEqual(60);
		const start = lines.findIndex((line) => line.includes('print('));
		const continued = lines.slice(start + 1).filter((line) => line.trimStart().startsWith('↪ '));
		expect(continued.length).toBeGreaterThanOrEqual(2);
		const rejoined = [lines[start] ?? '', ...continued.map((line) => line.replace(/^\s*↪ /, ''))].join('').trim();
		expect(rejoined).toBe(long.trim());
		expect(lines).toContain('');
		expect(lines.slice(lines.indexOf('    import os'), lines.indexOf('    import os') + 3)).toEqual(['    import os', '', '']);
	});
});

describe('long sections drawn in the background', () => {
	const long = parseEssay(`# Long\n\nShort cover.\n\n## Big table\n\n| a | b |\n|---|---|\n${Array.from({length: 3000}, (_, row) => `| r${row} | needle${row} |`).join('\n')}\n\n## Short\n\nA short one.\n`, {fallbackTitle: 'x'});
	/** A background that keeps what it is asked to draw until the test lets it finish. */
	function heldBackground() {
		const jobs: Array<{readonly job: SectionJob; readonly isUrgent: boolean; readonly isWanted: () => boolean; readonly done: (drawing: Drawing) => void}> = [];
		const background: BackgroundDrawing = {draw: (job, isUrgent, isWanted, done) => jobs.push({job, isUrgent, isWanted, done})};
		return {background, jobs};
	}

	it('shows a long section as being drawn, draws short ones at once, and shows the long one when it arrives', () => {
		expect(drawingCost(long.sections[1] ?? long.sections[0]!)).toBeGreaterThan(HEAVY_SECTION_COST);
		const {background, jobs} = heldBackground();
		const pages = createPages(long, {isColor: false, summaryFooter: '', background});
		const page = {kind: 'section', section: 1} as const;
		expect(pages.linesOf({kind: 'section', section: 2}, 60).join('\n')).toContain('A short one.');
		expect(pages.linesOf(page, 60).join('\n')).toMatch(/Big table[\s\S]*Drawing this long section/);
		expect(pages.isDrawing(page, 60)).toBe(true);
		// Asked once, however often the page is drawn meanwhile.
		pages.linesOf(page, 60);
		expect(jobs.map(({job, isUrgent}) => [job, isUrgent])).toEqual([[{section: 1, width: 60, toggled: []}, true]]);

		let arrived = 0;
		pages.subscribe(() => arrived++);
		const [held] = jobs;
		held?.done({kind: 'drawn', drawn: drawSection(long, held.job, {isColor: false, hasLinks: false}, true)});
		expect(arrived).toBe(1);
		expect(pages.drawnCount()).toBe(1);
		expect(pages.isDrawing(page, 60)).toBe(false);
		expect(pages.linesOf(page, 60)).toEqual(renderSection(long, 1, 60, stylesFor(false, true)));
	});

	it('takes a table of 1,000 columns in 18 KB as long, and a page of prose of that size as short', () => {
		const cells = (prefix: string) => `|${Array.from({length: 1000}, (_, column) => `${prefix}${column}`).join('|')}|`;
		const table = `${cells('c')}\n|${Array(1000).fill('---').join('|')}|\n${cells('v')}\n${cells('v')}`;
		const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(450);
		const essay = parseEssay(`# T\n\nCover.\n\n## Wide\n\n${table}\n\n## Prose\n\n${prose}\n`, {fallbackTitle: 'x'});
		expect(table.length).toBeLessThan(HEAVY_SECTION_COST);
		expect(prose.length).toBeGreaterThan(table.length);
		const {background, jobs} = heldBackground();
		const pages = createPages(essay, {isColor: false, summaryFooter: '', background});
		expect(pages.isDrawing({kind: 'section', section: 1}, 80)).toBe(true);
		expect(pages.isDrawing({kind: 'section', section: 2}, 80)).toBe(false);
		expect(pages.linesOf({kind: 'section', section: 2}, 80).join(' ')).toContain('lazy dog');
		pages.linesOf({kind: 'section', section: 1}, 80);
		expect(jobs.map(({job}) => job.section)).toEqual([1]);
	});

	it('searches a long section once it has arrived, and asks for it for the index', () => {
		const {background, jobs} = heldBackground();
		const pages = createPages(long, {isColor: false, summaryFooter: '', background});
		expect(pages.indexStep(60, Number.POSITIVE_INFINITY)).toEqual({indexed: 2, total: 3});
		expect(pages.search('needle2999', 60).matches).toEqual([]);
		expect(jobs.map(({job, isUrgent}) => [job.section, isUrgent])).toEqual([[1, false]]);
		const [held] = jobs;
		held?.done({kind: 'drawn', drawn: drawSection(long, held.job, {isColor: false, hasLinks: false}, true)});
		expect(pages.indexStep(60, Number.POSITIVE_INFINITY)).toEqual({indexed: 3, total: 3});
		expect(pages.search('needle2999', 60).matches).toHaveLength(1);
	});

	it('says why a section could not be drawn, and no longer wants one at a width given up', () => {
		const {background, jobs} = heldBackground();
		const pages = createPages(long, {isColor: false, summaryFooter: '', background});
		const page = {kind: 'section', section: 1} as const;
		pages.linesOf(page, 60);
		pages.linesOf(page, 61);
		pages.linesOf(page, 62);
		// Two widths are kept: the first is given up.
		expect(jobs.map(({isWanted}) => isWanted())).toEqual([false, true, true]);
		jobs[1]?.done({kind: 'failed', reason: 'out of memory'});
		expect(pages.linesOf(page, 61).join('\n')).toContain('This section could not be drawn: out of memory');
		expect(pages.isDrawing(page, 61)).toBe(false);
	});
});
