// A Node other than the one that built the package refuses the code cache beside the bundle: it
// makes its own, in the user's cache folder, and the next start uses it. A broken, foreign or
// unwritable cache costs only the compile it would have saved.
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, keys, ptySessions} from './helpers/pty.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const start = ptySessions();

/** The built package as another Node would find it: no code cache of its own that fits. */
function packageWithoutCache(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-nocache-'));
	for (const entry of ['dist', 'content', 'package.json']) cpSync(path.join(root, entry), path.join(folder, entry), {recursive: true});
	rmSync(path.join(folder, 'dist', 'app.js.cache'));
	rmSync(path.join(folder, 'dist', 'ui.js.cache'));
	return folder;
}

function print(folder: string, env: Record<string, string>, cwd = folder) {
	return spawnSync(process.execPath, [path.join(folder, 'dist', 'cli.js'), '--print'], {cwd, encoding: 'utf8', env: {...process.env, ...env}});
}

describe('the code cache in the user’s cache folder', () => {
	it('is written by the first start, used by the next, and a broken one is replaced', () => {
		const folder = packageWithoutCache();
		const cacheHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'));
		const first = print(folder, {XDG_CACHE_HOME: cacheHome});
		expect(first.status).toBe(0);
		const [name] = readdirSync(path.join(cacheHome, 'mle-essay'));
		expect(name).toMatch(new RegExp(`^app-${process.version.replace(/\./g, '\\.')}-${process.arch}-\\d+-\\d+\\.cache$`));
		const file = path.join(cacheHome, 'mle-essay', name ?? '');
		const written = statSync(file);
		expect(written.size).toBeGreaterThan(100_000);

		// Taken as it is: not written again.
		const second = print(folder, {XDG_CACHE_HOME: cacheHome});
		expect(second.stdout).toBe(first.stdout);
		expect(statSync(file).mtimeMs).toBe(written.mtimeMs);

		// Broken (truncated, or garbage): the program runs as before and writes a good one.
		writeFileSync(file, readFileSync(file).subarray(0, 1000));
		const third = print(folder, {XDG_CACHE_HOME: cacheHome});
		expect(third.status).toBe(0);
		expect(third.stdout).toBe(first.stdout);
		expect(statSync(file).size).toBeGreaterThan(100_000);
	});

	it('keeps only the latest three, so updates of the program or of Node do not pile them up', () => {
		const folder = packageWithoutCache();
		const cacheHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'));
		const caches = path.join(cacheHome, 'mle-essay');
		mkdirSync(caches);
		// Five left by earlier builds, a day apart, and a file that is not a code cache.
		const earlier = [1, 2, 3, 4, 5].map((day) => {
			const name = `app-v22.0.0-${process.arch}-100${day}-1.cache`;
			writeFileSync(path.join(caches, name), 'old');
			const time = new Date(Date.UTC(2026, 0, day));
			utimesSync(path.join(caches, name), time, time);
			return name;
		});
		writeFileSync(path.join(caches, 'known-ids.json'), '{}');
		expect(print(folder, {XDG_CACHE_HOME: cacheHome}).status).toBe(0);
		const left = readdirSync(caches);
		expect(left.filter((name) => name.endsWith('.cache') && !earlier.includes(name))).toHaveLength(1);
		expect(left.filter((name) => earlier.includes(name)).sort()).toEqual(earlier.slice(3));
		expect(left).toContain('known-ids.json');
	});

	it('is written by a reading in the terminal too, for the program and its Ink runtime, and taken by the next one', async () => {
		// The reader changes a V8 flag once it is up (src/heap.ts); a cache made under it would be refused.
		const folder = packageWithoutCache();
		const cacheHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'));
		const read = async (): Promise<void> => {
			const session = start([], {cli: path.join(folder, 'dist', 'cli.js'), env: {XDG_CACHE_HOME: cacheHome}});
			await session.waitFor('Hiring MLEs at early stage companies');
			session.write(keys.right);
			await session.waitFor(/section 2 of 3/);
			session.write('q');
			expect((await session.exited(5000)).code).toBe(0);
		};

		await read();
		const caches = path.join(cacheHome, 'mle-essay');
		const names = readdirSync(caches).filter((name) => name.endsWith('.cache')).sort();
		// One for each script: Ink's is opened once the first screen is up, and cached as the program's is.
		expect(names).toEqual([expect.stringMatching(/^app-v[\d.]+-/), expect.stringMatching(/^ui-v[\d.]+-/)]);
		const written = names.map((name) => statSync(path.join(caches, name)).mtimeMs);
		await read();
		expect(names.map((name) => statSync(path.join(caches, name)).mtimeMs)).toEqual(written);
	});

	it('costs nothing but the compile when it cannot be written, and a relative XDG_CACHE_HOME is ignored', () => {
		const folder = packageWithoutCache();
		const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-')), 'file');
		writeFileSync(notAFolder, '');
		const result = print(folder, {XDG_CACHE_HOME: notAFolder});
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('Hiring MLEs at early stage companies');

		const home = mkdtempSync(path.join(tmpdir(), 'mle-essay-home-'));
		const cwd = mkdtempSync(path.join(tmpdir(), 'mle-essay-cwd-'));
		expect(print(folder, {XDG_CACHE_HOME: 'relative-cache', HOME: home}, cwd).status).toBe(0);
		expect(readdirSync(cwd)).toEqual([]);
		expect(readdirSync(path.join(home, '.cache', 'mle-essay'))).toHaveLength(1);
	});
});

describe("Ink's runtime, a script of its own (dist/ui.js)", () => {
	it('is not read to print, nor before the first screen is painted', async () => {
		const folder = packageWithoutCache();
		// Broken where it would run: a program that read it first would fail before printing or painting anything.
		writeFileSync(path.join(folder, 'dist', 'ui.js'), "(function () { throw new Error('ui.js was run'); })");
		const printed = print(folder, {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'))});
		expect(printed.status).toBe(0);
		expect(printed.stdout).toContain('Hiring MLEs at early stage companies');

		const session = start([], {cli: path.join(folder, 'dist', 'cli.js'), env: {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'))}});
		// The first screen is painted; then the reader needs Ink, and ends as any failure does: one
		// line, the terminal as it was. (Read from what was written: the screen may be gone by now.)
		const {code, stty} = await session.exited(5000);
		expect(code).toBe(1);
		const output = session.output();
		const failed = output.indexOf('mle-essay: ui.js was run');
		expect(failed).toBeGreaterThan(-1);
		expect(output.lastIndexOf('section 1 of 3', failed)).toBeGreaterThan(output.indexOf('\u001B[?1049h'));
		expect(output.lastIndexOf('Hiring MLEs at early stage companies', failed)).toBeGreaterThan(output.indexOf('\u001B[?1049h'));
		expectTerminalRestored(session, stty);
	});
});
