import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {initialState} from '../src/reader/state.js';
import {createPages} from '../src/render/pages.js';
import {stylesFor} from '../src/render/styles.js';
import {App} from '../src/ui/App.js';
import {summaryFooter} from '../src/ui/copy.js';
import {documentShape} from '../src/ui/document.js';
import {Help} from '../src/ui/Help.js';
import {StatusBar} from '../src/ui/StatusBar.js';
import {statusLine, statusParts} from '../src/ui/status.js';
import {Toc} from '../src/ui/Toc.js';
import {TooSmall} from '../src/ui/TooSmall.js';
import {waitForFrame} from './helpers/ink.js';
import {fakeDocument} from './helpers/document.js';
import {ESSAY} from './helpers/paths.js';
import {keys} from './helpers/pty.js';

const essay = loadEssay(ESSAY);
const document = fakeDocument();

afterEach(() => {
	vi.restoreAllMocks();
});

describe('status bar', () => {
	it('shows the title, the position, progress, the scroll indicator and help', () => {
		const state = initialState(document, {columns: 100, rows: 30});
		const {lastFrame} = render(<StatusBar state={state} essay={essay} />);
		// Right-aligned to the last column (Ink drops the final space of a frame).
		const right = ' section 1 of 3  top ↓  essay ▱▱▱▱▱▱▱▱▱▱  ? help';
		expect(lastFrame()).toBe(' Hiring MLEs at early stage companies'.padEnd(100 - right.length - 1) + right);
	});

	it('shows no scroll indicator when the section fits, and the notice instead of the title', () => {
		const state = {...initialState(document, {columns: 60, rows: 30}, {place: {stop: 1}}), notice: 'This is the end of the essay.'};
		const {lastFrame} = render(<StatusBar state={state} essay={essay} />);
		const right = ' section 2 of 3  ? help';
		expect(lastFrame()).toBe(' This is the end of the essay.'.padEnd(60 - right.length - 1) + right);
	});

	it('truncates a long title and keeps the right-hand side on a narrow screen', () => {
		const parts = {...statusParts(initialState(document, {columns: 40, rows: 30}), essay), left: 'A very long section title that cannot fit'};
		const {left, right} = statusLine(parts, 40);
		expect(left + right).toHaveLength(40);
		expect(left).toContain('…');
		expect(right).toContain('? help');
	});
});

describe('help screen', () => {
	it('lists the key table and the attribution', () => {
		const {lastFrame} = render(<Help scroll={0} height={80} margin={2} attribution="“Hiring MLEs at early stage companies” — jxnl · April 8, 2024 · hiring" />);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('  Reading');
		const row = (keys: string, description: string) => `    ${keys}`.padEnd(2 + 21) + description;
		expect(frame).toContain(row('→ l n', 'next section (or the quiz after a pattern)'));
		expect(frame).toContain(row('1–9', 'jump to section N (the cover is 1)'));
		expect(frame).toContain(row('t', 'table of contents'));
		expect(frame).toContain(row('Space PgDn Ctrl+F', 'page down; at the bottom of a section, go on to what follows'));
		expect(frame).toContain('  Quiz');
		expect(frame).toContain(row('s', 'skip the quiz (it stays open in the contents)'));
		expect(frame).toContain(row('/', 'search the essay'));
		expect(frame).toContain(row('Ctrl+Z', 'suspend to the shell (fg comes back)'));
		expect(frame).toContain('jxnl · April 8, 2024');
	});

	it('shows only the lines that fit, from the scroll position', () => {
		const {lastFrame} = render(<Help scroll={1} height={3} margin={0} attribution="x" />);
		const row = (keys: string, description: string) => `  ${keys}`.padEnd(21) + description;
		expect(lastFrame()).toBe([row('→ l n', 'next section (or the quiz after a pattern)'), row('← h p', 'previous section'), row('↓ j', 'scroll down a line')].join('\n'));
	});
});

describe('table of contents', () => {
	it('numbers the sections, marks the current one and highlights the cursor', () => {
		const entries = [
			{label: 'Cover (cover)', number: '1', mark: ''},
			{label: 'One', number: '2', mark: ''},
			{label: 'Quiz · One', number: '', mark: '✓'},
			{label: 'Two', number: '3', mark: ''},
			{label: 'Summary', number: '', mark: '○'},
		];
		const {lastFrame} = render(<Toc entries={entries} current={1} cursor={3} height={10} margin={0} readingTime="about 4 min read" />);
		expect(lastFrame()).toBe('Contents · about 4 min read\n\n  1  Cover (cover)\n  2  One ●\n     ✓ Quiz · One\n› 3  Two\n     ○ Summary\n\n\n');
	});

	it('keeps the cursor in view in a long list', () => {
		const entries = Array.from({length: 200}, (_, index) => ({label: `Section ${index + 1}`, number: String(index + 1), mark: ''}));
		const {lastFrame} = render(<Toc entries={entries} current={0} cursor={150} height={7} margin={0} readingTime="about 4 min read" />);
		expect(lastFrame()).toContain('› 151  Section 151');
		expect(lastFrame()?.split('\n')).toHaveLength(7);
	});
});

describe('small terminal', () => {
	it('wraps the notice to the terminal and always says the size needed first', () => {
		for (const [columns, rows] of [
			[30, 10],
			[39, 12],
			[60, 11],
			[12, 4],
		] as const) {
			const {lastFrame} = render(<TooSmall size={{columns, rows}} styles={stylesFor(false)} />);
			const lines = (lastFrame() ?? '').split('\n');
			expect(lines.every((line) => line.length <= columns), `${columns}×${rows}`).toBe(true);
			expect(lines.length).toBeLessThanOrEqual(rows);
			expect(lines.join(' ').replace(/\s+/g, ' '), `${columns}×${rows}`).toContain('Needs at least 40×12');
		}

		const {lastFrame} = render(<TooSmall size={{columns: 30, rows: 10}} styles={stylesFor(false)} />);
		expect(lastFrame()).toBe('Needs at least 40×12 to read;\nthe terminal is 30×10. Enlarge\nit, or q quits.');
	});
});

describe('the reader app', () => {
	const setup = () => {
		const onExit = vi.fn();
		const pages = createPages(essay, {isColor: false, summaryFooter: summaryFooter()});
		const view = render(<App essay={essay} pages={pages} document={documentShape(essay, pages, {withQuizzes: true})} onExit={onExit} />);
		return {...view, onExit};
	};

	it('opens on the cover with its callout and moves through the essay by keyboard', async () => {
		const {lastFrame, stdin} = setup();
		await waitForFrame(lastFrame, 'A voice memo turned essay.');
		expect(lastFrame()).not.toContain('!!!');
		stdin.write(keys.right);
		await waitForFrame(lastFrame, 'section 2 of 3');
		expect(lastFrame()).toContain('Many startups make the mistake');
		stdin.write('G');
		await waitForFrame(lastFrame, 'flex into traditional machine learning.');
		stdin.write('3');
		await waitForFrame(lastFrame, 'section 3 of 3');
		stdin.write('1');
		await waitForFrame(lastFrame, 'section 1 of 3');
	});

	it('opens the table of contents and jumps to the chosen section', async () => {
		const {lastFrame, stdin} = setup();
		await waitForFrame(lastFrame, 'section 1 of 3');
		stdin.write('t');
		await waitForFrame(lastFrame, 'Contents');
		stdin.write(keys.down);
		await waitForFrame(lastFrame, '› 2');
		stdin.write(keys.down + keys.down);
		await waitForFrame(lastFrame, '› 3');
		stdin.write(keys.enter);
		await waitForFrame(lastFrame, (frame) => frame.includes('section 3 of 3') && frame.includes('Another pattern'));
	});

	it('opens help with ? and closes it with Esc', async () => {
		const {lastFrame, stdin} = setup();
		await waitForFrame(lastFrame, 'section 1 of 3');
		stdin.write('?');
		await waitForFrame(lastFrame, 'next section');
		stdin.write(keys.escape);
		await waitForFrame(lastFrame, (frame) => !frame.includes('next section') && frame.includes('As a consultant'));
	});

	it('reports q and Ctrl+C as exit codes 0 and 130', async () => {
		const quit = setup();
		await waitForFrame(quit.lastFrame, 'section 1 of 3');
		quit.stdin.write('q');
		await vi.waitFor(() => expect(quit.onExit).toHaveBeenCalledWith(0));
		const interrupted = setup();
		await waitForFrame(interrupted.lastFrame, 'section 1 of 3');
		interrupted.stdin.write(keys.ctrlC);
		await vi.waitFor(() => expect(interrupted.onExit).toHaveBeenCalledWith(130));
	});
});

describe('a whole quiz', () => {
	it('asks three questions one at a time with feedback, then goes on to the next section', async () => {
		const onExit = vi.fn();
		const saved: unknown[] = [];
		const pages = createPages(essay, {isColor: false, summaryFooter: summaryFooter()});
		const document = documentShape(essay, pages, {withQuizzes: true});
		const {lastFrame, stdin} = render(
			<App
				essay={essay}
				pages={pages}
				document={document}
				start={{place: {stop: 2}}}
				onExit={onExit}
				onProgress={(progress) => {
					saved.push(progress);
					return undefined;
				}}
			/>,
		);
		await waitForFrame(lastFrame, 'Question 1 of 3');
		expect(stripAnsi(lastFrame() ?? '')).toContain('Quiz · Machine learning engineers');
		expect(stripAnsi(lastFrame() ?? '')).toContain('› 1. Collecting and cleaning its training data');
		// j moves the highlight (the select input owns it) and does not scroll the reader.
		stdin.write('j');
		await waitForFrame(lastFrame, '› 2. Hiring a small dedicated research team');
		stdin.write('j');
		await waitForFrame(lastFrame, '› 3. App development and integration work');
		stdin.write(keys.enter);
		await waitForFrame(lastFrame, '✓ Right.');
		expect(stripAnsi(lastFrame() ?? '')).toContain('✓ 3. App development and integration work');
		stdin.write(keys.enter);
		await waitForFrame(lastFrame, 'Question 2 of 3');
		stdin.write('1');
		await waitForFrame(lastFrame, '✗ Not quite: the answer is 2.');
		stdin.write(keys.right);
		await waitForFrame(lastFrame, 'Question 3 of 3');
		stdin.write('3');
		await waitForFrame(lastFrame, '→ Takeaway: That is the first pattern.');
		stdin.write(keys.enter);
		await waitForFrame(lastFrame, 'Lack of Dedicated Research Teams Hinders AI Progress');
		expect(saved.at(-1)).toEqual({
			place: {kind: 'section', section: 2, scrollFraction: 0},
			answers: [
				[2, 0, 2],
				[undefined, undefined, undefined],
			],
		});
	});

	it('goes back to the section with ← and skips with s', async () => {
		const pages = createPages(essay, {isColor: false, summaryFooter: summaryFooter()});
		const document = documentShape(essay, pages, {withQuizzes: true});
		const {lastFrame, stdin} = render(<App essay={essay} pages={pages} document={document} start={{place: {stop: 2}}} onExit={vi.fn()} />);
		await waitForFrame(lastFrame, 'Question 1 of 3');
		stdin.write(keys.left);
		await waitForFrame(lastFrame, 'flex into traditional machine learning.');
		stdin.write(keys.right);
		await waitForFrame(lastFrame, 'Question 1 of 3');
		stdin.write('s');
		await waitForFrame(lastFrame, 'Another pattern I');
	});
});
