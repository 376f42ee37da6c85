import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {replay} from './helpers/cells.js';
import {keys, newStateHome, ptySessions, type PtySession} from './helpers/pty.js';

const start = ptySessions();

/** Ink hides the cursor as it starts; the first paint hid it first. */
const HIDE = '\u001B[?25l';

/** Waits until the reader shows its status bar on the last row: the whole first screen is drawn. */
async function firstScreen(session: PtySession, rows: number): Promise<string[]> {
	await session.waitFor(() => (session.screen()[rows - 1] ?? '').trim() !== '');
	await session.waitFor(() => inkHasDrawn(session));
	return session.cells();
}

function inkHasDrawn(session: PtySession): boolean {
	const output = session.output();
	const second = output.indexOf(HIDE, output.indexOf(HIDE) + 1);
	return second !== -1 && output.length > second + HIDE.length + 100;
}

describe('launched from a shell that has printed things', () => {
	it.each([
		[100, 30],
		[80, 24],
		[60, 20],
	] as const)('at %i×%i the first screen is the same, cell for cell, as after clear', async (columns, rows) => {
		const busy = start([], {columns, rows, before: 'seq 40'});
		const clean = start([], {columns, rows, before: 'clear'});
		const [afterSeq, afterClear] = await Promise.all([firstScreen(busy, rows), firstScreen(clean, rows)]);
		expect(afterSeq).toEqual(afterClear);
		expect(busy.text()).toContain('Hiring MLEs at early stage companies');
		// Nothing the shell printed shows through.
		expect(busy.screen().some((line) => /^\s*(3[0-9]|40)\s*$/.test(line))).toBe(false);
	});
});

/** Makes a saved place by reading to it, then quitting. */
async function saveProgress(stateHome: string, args: readonly string[], steps: (session: PtySession) => Promise<void>): Promise<void> {
	const session = start(args, {stateHome});
	await session.waitFor('? help');
	await steps(session);
	session.write('q');
	expect((await session.exited()).code).toBe(0);
}

const resumedAt: ReadonlyArray<readonly [string, readonly string[], (session: PtySession) => Promise<void>]> = [
	['the cover', [], async () => undefined],
	['a section', ['--section', '3'], async () => undefined],
	[
		'a question',
		['--section', '2'],
		async (session) => {
			session.write(keys.right);
			await session.waitFor('Question 1 of 3');
		},
	],
	[
		'a question’s feedback',
		['--section', '2'],
		async (session) => {
			session.write(keys.right);
			await session.waitFor('Question 1 of 3');
			session.write('1');
			await session.waitFor(/✓|✗/);
		},
	],
	[
		'the summary',
		['--section', '3'],
		async (session) => {
			session.write(keys.right);
			await session.waitFor('Question 1 of');
			session.write('s');
			await session.waitFor('That is the whole essay');
		},
	],
];

describe("the first paint is Ink's first frame, cell for cell", () => {
	it.each(resumedAt)('when the reader opens on %s', async (_name, args, steps) => {
		const stateHome = newStateHome();
		await saveProgress(stateHome, args, steps);
		const columns = 90;
		const rows = 26;
		const session = start([], {stateHome, columns, rows});
		await firstScreen(session, rows);
		const output = session.output();
		const inkStart = output.indexOf(HIDE, output.indexOf(HIDE) + 1);
		// The terminal as it was the moment before Ink wrote anything, and after Ink's first frame.
		const painted = await replay(output.slice(0, inkStart), columns, rows);
		const drawn = await replay(output, columns, rows);
		expect(painted).toEqual(drawn);
		expect(painted.join('')).not.toMatch(/^(\{[^}]*\} *)*$/);
	});
});

describe('the first screens of the bundled essay', () => {
	it('need no Intl.Segmenter, whose first use costs ~17 ms between the first paint and the first key answered', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-segmenter-'));
		const marker = path.join(folder, 'created');
		// Counts the segmenters the program creates, in a file: stderr would be on the screen.
		const counter = `data:text/javascript,import {appendFileSync} from 'node:fs'; const Original = Intl.Segmenter; Intl.Segmenter = class extends Original { constructor(...options) { super(...options); appendFileSync(${JSON.stringify(marker)}, 'x'); } };`;
		const session = start([], {nodeArgs: ['--import', counter], columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		const before = session.screen().join('\n');
		session.write('j');
		await session.waitFor(() => session.screen().join('\n') !== before);
		session.write('/');
		await session.waitFor('/▏');
		session.write('e');
		await session.waitFor('/e▏');
		expect(existsSync(marker)).toBe(false);
		// And the counter counts: an emoji's width needs one.
		session.write(keys.escape);
		await session.waitFor(() => !session.text().includes('/e▏'));
		session.write('q');
		await session.exited();
		const check = spawnSync(process.execPath, ['--import', counter, '-e', '[...new Intl.Segmenter().segment("👍🏽")]']);
		expect(check.status).toBe(0);
		expect(readFileSync(marker, 'utf8')).toBe('x');
	});

	it('load no Node module that only a rare case of Ink needs (child_process, assert)', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-modules-'));
		const list = path.join(folder, 'modules');
		const recorder = `data:text/javascript,import {writeFileSync} from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`;
		const session = start([], {nodeArgs: ['--import', recorder], columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		session.write('q');
		expect((await session.exited()).code).toBe(0);
		const loaded = readFileSync(list, 'utf8').split('\n');
		// The recorder sees what the program loads: Ink's own modules are there.
		expect(loaded).toContain('NativeModule tty');
		expect(loaded).not.toContain('NativeModule child_process');
		expect(loaded).not.toContain('NativeModule assert');
	});
});

describe('keys typed while the reader starts', () => {
	it('are answered as soon as the first screen is up, not once Ink is, and Ink then draws that same screen', async () => {
		const columns = 90;
		const rows = 26;
		const session = start([], {columns, rows});
		// Typed as the shell starts the program: they wait in the terminal until the program reads input.
		await session.waitFor('[[mle-essay-test-started]]');
		session.write(keys.right + 'j');
		await firstScreen(session, rows);
		await session.waitFor('section 2 of 3');
		const output = session.output();
		const inkStart = output.indexOf(HIDE, output.indexOf(HIDE) + 1);
		// The screen the moment before Ink wrote anything, and after Ink's first frame.
		const early = await replay(output.slice(0, inkStart), columns, rows);
		const drawn = await replay(output, columns, rows);
		// Both keys: → opened the section and j moved it a line down from its top.
		expect(early.join('\n')).toMatch(/section 2 of 3 +\d+% ↓/);
		expect(early).toEqual(drawn);
		// And Ink reads on from there.
		session.write('k');
		await session.waitFor('section 2 of 3  top ↓');
	});
});
