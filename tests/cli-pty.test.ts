import {mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {fixture} from './helpers/paths.js';
import {expectTerminalRestored, keys, ptySessions, type PtySession} from './helpers/pty.js';

const start = ptySessions();

describe('the reader in a real terminal', () => {
	it('shows the title on the first frame, on the alternate screen', async () => {
		const session = start();
		await session.waitFor((text) => text.includes('Hiring MLEs at early stage companies') && text.includes('? help'));
		expect(session.isAlternateScreen()).toBe(true);
		expect(session.text()).toContain('jxnl · April 8, 2024 · hiring');
		expect(session.text()).toContain('╭─ A voice memo turned essay.');
		expect(session.text()).not.toContain('!!!');
		expect(session.screen().at(-1)).toMatch(/section 1 of 3 .*\? help/);
	});

	it('moves to the first pattern with →, and G shows its last sentence', async () => {
		const session = start([], {columns: 80, rows: 24});
		await session.waitFor('section 1 of 3');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		expect(session.text()).toContain('Machine learning engineers are hired too early');
		expect(session.text()).not.toContain('traditional machine learning.');
		session.write('G');
		// The whole frame: its status bar, the last row, may come in a later chunk than the text.
		await session.waitFor((text) => text.includes('traditional machine learning.') && /section 2 of 3  end/.test(session.screen().at(-1) ?? ''));
	});

	it('puts the status bar on the last row, and nothing below it scrolls the screen', async () => {
		const session = start([], {columns: 80, rows: 14});
		await session.waitFor('section 1 of 3');
		const screen = session.screen();
		expect(screen.at(-1)).toContain('? help');
		expect(screen[0]).toContain('Hiring MLEs at early stage companies');
		session.write('j');
		// Ink writes a frame from the top down, and the terminal may read it in more than one chunk: the
		// frame is drawn once its last row (the status bar) is, so wait for both ends of it.
		await session.waitFor((text) => !text.split('\n')[0]?.includes('Hiring MLEs') && (text.split('\n').at(-1) ?? '').includes('section 1 of 3'));
		expect(session.screen().at(-1)).toContain('? help');
	});

	it('re-wraps live when the terminal is resized, without a key', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('As a consultant, I recognize that my perspective on hiring is influenced by the fact');
		session.resize(50, 30);
		// The whole frame: its status bar, the last row, may come in a later chunk than the text.
		await session.waitFor((text) => text.split('\n').some((line) => line.trim() === 'As a consultant, I recognize that my') && /section 1 of 3 .*\? help/.test(session.screen().at(-1) ?? ''));
		expect(session.screen().filter((line) => line.length > 50)).toEqual([]);
	});

	it('shows a notice below 40×12 and recovers when the terminal grows', async () => {
		const session = start([], {columns: 80, rows: 24});
		await session.waitFor('section 1 of 3');
		session.resize(30, 10);
		await session.waitFor((text) => text.replace(/\s+/g, ' ').includes('Needs at least 40×12 to read; the terminal is 30×10.'));
		session.resize(80, 24);
		await session.waitFor((text) => text.includes('section 1 of 3') && !text.includes('Needs at least'));
	});

	it('opens help generated from the key table, and the table of contents', async () => {
		const session = start([], {columns: 100, rows: 40});
		await session.waitFor('section 1 of 3');
		session.write('?');
		await session.waitFor('jump to section N');
		session.write(keys.escape);
		await session.waitFor((text) => !text.includes('jump to section N'));
		session.write('t');
		// A frame may come in more than one chunk: wait for the entries, not only the heading above them.
		await session.waitFor((text) => text.includes('Contents') && text.includes('○ Quiz · Machine learning engineers'));
		session.write(keys.down + keys.down + keys.down + keys.enter);
		await session.waitFor('section 3 of 3');
		expect(session.text()).toContain('Lack of Dedicated Research Teams');
	});

	it('answers Esc as soon as any other key (Ink would hold an escape byte back 20 ms for the rest of a sequence)', async () => {
		const session = start([], {columns: 100, rows: 40});
		await session.waitFor('section 1 of 3');
		const times: number[] = [];
		for (let press = 0; press < 6; press++) {
			session.write('?');
			await session.waitFor('jump to section N');
			times.push(await session.answerTime(keys.escape));
			await session.waitFor((text) => !text.includes('jump to section N'));
		}

		// The fastest press: a slow or busy machine only adds to each, Ink's timer never took less than 20.
		expect(Math.min(...times), `Esc answered after ${times.map((time) => time.toFixed(1)).join(', ')} ms`).toBeLessThan(20);
	});

	it('reads Esc and a key that arrive together (typed fast, or Alt and the key) as Esc and then the key', async () => {
		const session = start([], {columns: 100, rows: 40});
		await session.waitFor('section 1 of 3');
		session.write('?');
		await session.waitFor('jump to section N');
		session.write(keys.escape + 't');
		await session.waitFor((text) => text.includes('Contents') && !text.includes('jump to section N'));
	});

	it('opens at --section N', async () => {
		const session = start(['--section', '2']);
		await session.waitFor('section 2 of 3');
	});
});

describe('leaving restores the terminal exactly', () => {
	it('q exits 0', async () => {
		const session = start();
		await session.waitFor('section 1 of 3');
		session.write('q');
		const {code, stty} = await session.exited();
		expect(code).toBe(0);
		expectTerminalRestored(session, stty);
	});

	it('Ctrl+C exits 130, from the help screen too', async () => {
		const session = start();
		await session.waitFor('section 1 of 3');
		session.write('?');
		await session.waitFor('next section');
		session.write(keys.ctrlC);
		const {code, stty} = await session.exited();
		expect(code).toBe(130);
		expectTerminalRestored(session, stty);
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('%s exits %i', async (signal, expected) => {
		const session = start();
		await session.waitFor('section 1 of 3');
		session.signal(signal);
		const {code, stty} = await session.exited();
		expect(code).toBe(expected);
		expectTerminalRestored(session, stty);
	});

	it('an uncaught error exits 1 with its message on the normal screen', async () => {
		// On SIGUSR2, throws inside the running program, as a bug in any module would. Registered before
		// the program's own SIGUSR2 handler, so the throw comes first.
		const injector = `data:text/javascript,process.on('SIGUSR2', () => { throw new Error('injected failure'); })`;
		const session = start([], {nodeArgs: ['--import', injector]});
		await session.waitFor('section 1 of 3');
		expect(session.isAlternateScreen()).toBe(true);
		session.signal('SIGUSR2');
		const {code, stty} = await session.exited();
		expect(code).toBe(1);
		expectTerminalRestored(session, stty);
		expect(session.text()).toContain('mle-essay: injected failure');
		expect(session.text()).not.toMatch(/\n\s+at /);
	});

	it('can be read under Node\'s profiler, whose samples are SIGPROF signals, and writes its profile', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-profile-'));
		const session = start([], {nodeArgs: ['--cpu-prof', '--cpu-prof-dir', folder, '--cpu-prof-interval', '100']});
		await session.waitFor('section 1 of 3');
		for (let press = 0; press < 20; press++) {
			session.write(press % 2 === 0 ? keys.right : keys.left);
			await session.waitFor(press % 2 === 0 ? 'section 2 of 3' : 'section 1 of 3');
		}

		session.write('q');
		const {code, stty} = await session.exited();
		expect(code).toBe(0);
		expectTerminalRestored(session, stty);
		expect(readdirSync(folder).some((name) => name.endsWith('.cpuprofile'))).toBe(true);
	});

	it('a bad file never touches the terminal: one line, exit 1', async () => {
		const session = start(['/nonexistent/essay.md']);
		const {code} = await session.exited();
		expect(code).toBe(1);
		expect(session.output()).not.toContain('\u001B[?1049h');
		expect(session.text()).toContain('mle-essay: /nonexistent/essay.md: no such file');
		expect(session.text()).not.toMatch(/\n\s+at /);
	});
});

describe('colour', () => {
	it('NO_COLOR keeps the layout and sends no colour codes', async () => {
		const session = start([], {env: {NO_COLOR: '1'}});
		await session.waitFor('section 1 of 3');
		expect(session.output()).not.toMatch(/\u001B\[(3\d|9\d|4\d)m/);
		expect(session.text()).toContain('╭─ A voice memo turned essay.');
	});
});

describe('another blog post in the same format', () => {
	it('opens it with its own sections, callouts and byline, and reaches its last line', async () => {

		const session = start([fixture('field-notes.md')], {columns: 72, rows: 16});
		// The whole first frame (it may come in more than one chunk): the title, then the byline and the callout below it.
		await session.waitFor((text) => text.includes('Field notes from a year of evals') && text.includes('section 1 of 4'));
		expect(session.text()).toContain('river · February 19, 2024 · engineering, notes');
		expect(session.text()).toContain('╭─ TL;DR');
		session.write('2');
		await session.waitFor('section 2 of 4');
		expect(session.text()).toContain('Start with twenty examples');
		session.write('G');
		await session.waitFor('already passes.');
		session.write('3');
		await session.waitFor('section 3 of 4');
		session.write('G');
		await session.waitFor('out loud to the team.');
		session.write(keys.right);
		await session.waitFor('section 4 of 4');
		session.write('G');
		await session.waitFor('No dashboard replaces that.');
	});
});

describe('start-up', () => {
	it('shows the first screen before Ink has started, and keys typed then are not lost', async () => {
		const session = start();
		// The title comes from the first paint; → is typed at once, before Ink reads input.
		await session.waitFor('Hiring MLEs at early stage companies');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		expect(session.text()).toContain('Machine learning engineers are hired too early');
		expect(session.text()).not.toContain('→');
	});

	it("paints exactly what Ink's first frame then draws over it: no flash", async () => {
		const session = start([], {columns: 90, rows: 26});
		// The whole first paint: the title at the top, the status bar at the bottom.
		await session.waitFor((text) => text.includes('Hiring MLEs at early stage companies') && text.includes('? help'));
		const painted = session.text();
		// Ink hides the cursor again as it starts, then writes its frame.
		const HIDE = '\u001B[?25l';
		await session.waitFor(() => {
			const output = session.output();
			const second = output.indexOf(HIDE, output.indexOf(HIDE) + 1);
			return second !== -1 && output.slice(second).includes('? help');
		});
		expect(session.text()).toBe(painted);
	});
});

describe('a resize while the reader is still loading', () => {
	it('leaves no stray text from the first paint', async () => {
		const session = start([], {columns: 100, rows: 30});
		// Resized as soon as the first paint shows, while Ink is still starting.
		await session.waitFor((text) => text.includes('Hiring MLEs at early stage companies') && text.includes('? help'));
		session.resize(50, 30);
		const fresh = start([], {columns: 50, rows: 30});
		await fresh.waitFor('section 1 of 3');
		// Cells the clear blanked hold spaces where a fresh screen holds nothing: compare what shows.
		const shown = (of: PtySession) => of.screen().map((line) => line.trimEnd()).join('\n');
		await session.waitFor(() => shown(session) === shown(fresh));
	});
});

describe('odd keys', () => {
	it('survives escape sequences Ink cannot name (ESC [ 5 G), and keeps reading', async () => {
		const session = start();
		const HIDE = '\u001B[?25l';
		// Once Ink has taken over from the first paint, it is Ink that parses the keys.
		await session.waitFor(() => session.output().split(HIDE).length > 2 && session.text().includes('? help'));
		session.write('\u001B[5G');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		session.write('q');
		expect((await session.exited()).code).toBe(0);
	});
});

describe('NO_COLOR', () => {
	/** Every run of cells has the default foreground and background. */
	const isColourless = (cells: readonly string[]) => cells.every((row) => [...row.matchAll(/\{([^}]*)\}/g)].every((match) => /^0:-?\d+\/0:-?\d+\//.test(match[1] ?? '')));

	it('removes colour only: the status bar stays in reverse video, headings bold, and search matches marked', async () => {
		const session = start([], {columns: 100, rows: 30, env: {NO_COLOR: '1'}});
		await session.waitFor('section 1 of 3');
		expect(isColourless(session.cells())).toBe(true);
		expect(session.cells().at(-1)).toMatch(/\/b?r\}/);
		expect(session.cells()[0]).toMatch(/\/b\}Hiring MLEs/);
		session.write('/consultant');
		await session.waitFor('/consultant▏');
		session.write(keys.enter);
		await session.waitFor('match 1 of 1');
		expect(session.cells().join('\n')).toMatch(/\/bur\}consultant/);
		expect(isColourless(session.cells())).toBe(true);
		session.write('?');
		await session.waitFor('Reading');
		expect(isColourless(session.cells())).toBe(true);
	});

	it('with FORCE_COLOR set as well, no warning from Node is printed over the reader', async () => {
		const session = start([], {columns: 100, rows: 30, env: {NO_COLOR: '1', FORCE_COLOR: '1'}});
		await session.waitFor('section 1 of 3');
		session.write('q');
		const {code} = await session.exited();
		expect(code).toBe(0);
		expect(session.output()).not.toContain('Warning');
		expect(session.output()).not.toContain('NO_COLOR');
	});
});

describe('the original post', () => {
	const URL = 'https://jxnl.co/writing/2024/04/08/hiring-mle-at-early-stage-companies/';

	it('is on the cover as text, and as a terminal hyperlink where the terminal takes them', async () => {
		const linked = start([], {columns: 100, rows: 30, env: {FORCE_HYPERLINK: '1'}});
		await linked.waitFor(URL);
		expect(linked.text()).toContain('about 4 min read');
		expect(linked.output()).toContain(`\u001B]8;;${URL}\u001B\\`);
		const plain = start([], {columns: 100, rows: 30, env: {FORCE_HYPERLINK: '0'}});
		await plain.waitFor(URL);
		expect(plain.output()).not.toContain('\u001B]8;');
	});

	it('the contents say how long the essay takes to read', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write('t');
		await session.waitFor('Contents · about 4 min read');
	});
});

describe('collapsible callouts in the reader', () => {
	it('??? starts closed; o opens the one on screen and closes it again', async () => {
		const session = start([fixture('kitchen-sink.md')], {columns: 100, rows: 40});
		await session.waitFor('▸ Warning');
		expect(session.text()).not.toContain('Collapsed by default');
		session.write('o');
		await session.waitFor('Collapsed by default: o opens it.');
		expect(session.text()).toContain('▾ Warning');
		session.write('o');
		await session.waitFor((text) => text.includes('▸ Warning') && !text.includes('Collapsed by default'));
	});
});
