// Interruptions on every screen, resize storms, and streams that are not terminals: the terminal is
// always put back, the exit code says what happened, and saved progress stays readable.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, fixture} from './helpers/paths.js';
import {expectTerminalRestored, keys, newStateHome, ptySessions, type PtySession} from './helpers/pty.js';

const start = ptySessions();

/** How to reach each screen from a fresh start, and the saved place it leaves behind. */
const screens: ReadonlyArray<readonly [string, string[], (session: PtySession) => Promise<void>, string]> = [
	['the reader', [], async (session) => session.waitFor('section 1 of 3'), 'section'],
	['help', [], async (session) => {
		await session.waitFor('section 1 of 3');
		session.write('?');
		await session.waitFor('jump to section N');
	}, 'section'],
	['the table of contents', [], async (session) => {
		await session.waitFor('section 1 of 3');
		session.write('t');
		await session.waitFor('Contents');
	}, 'section'],
	['the search prompt', [], async (session) => {
		await session.waitFor('section 1 of 3');
		session.write('/');
		await session.waitFor('/▏');
		session.write('data');
		await session.waitFor('/data▏');
	}, 'section'],
	['a quiz question', ['--section', '2'], async (session) => {
		await session.waitFor('section 2 of 3');
		session.write(keys.right);
		await session.waitFor('Question 1 of 3');
	}, 'quiz'],
	['the summary', [], async (session) => {
		await session.waitFor('section 1 of 3');
		session.write('t');
		await session.waitFor('Contents');
		session.write('G' + keys.enter);
		await session.waitFor('In total:');
	}, 'summary'],
];

const interruptions: ReadonlyArray<readonly [string, (session: PtySession) => void, number]> = [
	['Ctrl+C', (session) => session.write(keys.ctrlC), 130],
	['SIGTERM', (session) => session.signal('SIGTERM'), 143],
	['SIGHUP', (session) => session.signal('SIGHUP'), 129],
];

const cases = screens.flatMap(([screen, args, reach, place]) => interruptions.map(([how, interrupt, code]) => [`${how} on ${screen}`, args, reach, place, interrupt, code] as const));

function savedPlace(stateHome: string): string {
	const folder = path.join(stateHome, 'mle-essay');
	const file = readdirSync(folder).find((name) => name.endsWith('.json'));
	if (!file) throw new Error('nothing saved');
	return (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {place: {kind: string}}).place.kind;
}

describe('interrupted on every screen', () => {
	it.each(cases)('%s', async (_name, args, reach, place, interrupt, code) => {
		const stateHome = newStateHome();
		const session = start(args, {stateHome});
		await reach(session);
		interrupt(session);
		const result = await session.exited();
		expect(result.code).toBe(code);
		expectTerminalRestored(session, result.stty);
		expect(savedPlace(stateHome)).toBe(place);
	});
});

describe('resize storms', () => {
	it('survive dozens of resizes in a second, from 20×5 to 300 columns, and end in the right layout', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		let seed = 11;
		for (let step = 0; step < 60; step++) {
			seed = (seed * 48271) % 2147483647;
			session.resize(20 + (seed % 281), 5 + (seed % 56));
		}

		session.resize(90, 26);
		const fresh = start([], {columns: 90, rows: 26});
		await fresh.waitFor('section 1 of 3');
		// No garbage left: the same screen a reader who opened at this size sees.
		await session.waitFor(() => session.text() === fresh.text(), 10_000);
		session.write('q');
		expect((await session.exited()).code).toBe(0);
	});
});

describe('streams that are not a terminal', () => {
	it('with stdin not a terminal, prints the essay and exits 0 without taking over the screen', async () => {
		const session = start(['--width', '60'], {stdin: 'null'});
		const result = await session.exited();
		expect(result.code).toBe(0);
		expect(session.output()).not.toContain('\u001B[?1049h');
		const text = session.output().replace(/\s+/g, ' ');
		expect(text).toContain('Hiring MLEs at early stage companies');
		expect(text).toContain('sustained AI innovation and growth.');
	});

	it('with stdin closed, still prints and exits 0', () => {
		const output = execFileSync('/bin/sh', ['-c', `"${process.execPath}" "${CLI}" --section 3 <&-`], {encoding: 'utf8'});
		expect(output.replace(/\s+/g, ' ')).toContain('sustained AI innovation and growth.');
	});

	it('reads on, with one warning, when the home folder cannot exist', async () => {
		// Under /dev/null nothing can be created, not even by root.
		const session = start([], {env: {HOME: '/dev/null/home', XDG_STATE_HOME: undefined}});
		await session.waitFor('Progress will not be saved');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		session.write('q');
		expect((await session.exited()).code).toBe(0);
	});
});

describe('links', () => {
	it('are shown, never opened: no browser or opener is ever started', async () => {
		const bin = mkdtempSync(path.join(tmpdir(), 'mle-essay-openers-'));
		const log = path.join(bin, 'opened.log');
		for (const opener of ['xdg-open', 'open', 'gio', 'sensible-browser', 'x-www-browser', 'www-browser', 'firefox', 'chromium']) {
			writeFileSync(path.join(bin, opener), `#!/bin/sh\necho "${opener} $*" >> "${log}"\n`, {mode: 0o755});
		}

		const session = start([fixture('kitchen-sink.md')], {env: {PATH: `${bin}:${process.env['PATH'] ?? ''}`, BROWSER: path.join(bin, 'firefox')}});
		await session.waitFor('link (https://example.com)');
		for (const key of ['\r', 'o', 'O', 'x', keys.right, '\r', keys.left]) session.write(key);
		session.write('q');
		expect((await session.exited()).code).toBe(0);
		expect(existsSync(log)).toBe(false);
	});
});
