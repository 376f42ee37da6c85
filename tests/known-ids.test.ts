import {spawnSync} from 'node:child_process';
import {appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import type * as Load from '../src/essay/load.js';
import {CLI} from './helpers/paths.js';

const POST = '---\ndate: 2024-04-08\n---\n# A post\n\nSome text.\n\n## One\n\nMore text.\n';

function folder(prefix: string): string {
	return mkdtempSync(path.join(tmpdir(), `mle-essay-${prefix}-`));
}

/** The loader as a new program run has it: nothing read from the cache yet. */
async function freshLoad(): Promise<typeof Load> {
	vi.resetModules();
	return import('../src/essay/load.js');
}

describe('ids of files opened before (src/essay/known-ids.ts)', () => {
	let cacheHome: string;
	beforeEach(() => {
		cacheHome = folder('ids-cache');
		vi.stubEnv('XDG_CACHE_HOME', cacheHome);
		return () => {
			vi.unstubAllEnvs();
		};
	});

	/** A kept id for `file` as it is now: what the program would have written at exit. */
	function keep(file: string, id: string): void {
		const stats = statSync(file, {bigint: true});
		const stamp = [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
		mkdirSync(path.join(cacheHome, 'mle-essay'), {recursive: true});
		writeFileSync(path.join(cacheHome, 'mle-essay', 'known-ids.json'), JSON.stringify({format: 1, known: [{file: path.resolve(file), stamp, id}]}));
	}

	it('uses the id kept for a file whose status is unchanged, instead of hashing it', async () => {
		const file = path.join(folder('ids-post'), 'post.md');
		writeFileSync(file, POST);
		const hashed = (await freshLoad()).loadEssay(file, {withQuizzes: false}).id;
		keep(file, 'a'.repeat(24));
		expect((await freshLoad()).loadEssay(file, {withQuizzes: false}).id).toBe('a'.repeat(24));
		expect(hashed).not.toBe('a'.repeat(24));
	});

	it('hashes again once the file was written, even to the same size and time', async () => {
		const file = path.join(folder('ids-post'), 'post.md');
		writeFileSync(file, POST);
		const {mtime} = statSync(file);
		keep(file, 'a'.repeat(24));
		// Same length, same modification time: only the change time tells.
		writeFileSync(file, POST.replace('Some', 'Same'));
		utimesSync(file, mtime, mtime);
		const {loadEssay} = await freshLoad();
		const {parseEssay} = await import('../src/essay/parse.js');
		expect(loadEssay(file, {withQuizzes: false}).id).toBe(parseEssay(POST.replace('Some', 'Same'), {fallbackTitle: 'x'}).id);
	});

	it('keeps none for a post that includes other files, whose changes its own status does not show', async () => {
		const dir = folder('ids-snippet');
		writeFileSync(path.join(dir, 'part.md'), 'More text.');
		const file = path.join(dir, 'post.md');
		writeFileSync(file, POST.replace('More text.', '--8<-- "part.md"'));
		keep(file, 'a'.repeat(24));
		expect((await freshLoad()).loadEssay(file, {withQuizzes: false}).id).not.toBe('a'.repeat(24));
	});

	it('ignores a kept file that is not its own (broken, another format, ids of the wrong shape)', async () => {
		const file = path.join(folder('ids-post'), 'post.md');
		writeFileSync(file, POST);
		const hashed = (await freshLoad()).loadEssay(file, {withQuizzes: false}).id;
		keep(file, 'not an id');
		expect((await freshLoad()).loadEssay(file, {withQuizzes: false}).id).toBe(hashed);
		writeFileSync(path.join(cacheHome, 'mle-essay', 'known-ids.json'), '{"format": 1, "known": [');
		expect((await freshLoad()).loadEssay(file, {withQuizzes: false}).id).toBe(hashed);
	});
});

describe('opening a post again', () => {
	/** Prints `file` with an empty or given cache, recording the Node modules the run loaded. */
	function printRecording(file: string, cacheHome: string): string[] {
		const list = path.join(folder('ids-modules'), 'modules');
		const recorder = `data:text/javascript,import {writeFileSync} from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`;
		const result = spawnSync(process.execPath, ['--import', recorder, CLI, '--print', file], {env: {...process.env, XDG_CACHE_HOME: cacheHome}, encoding: 'utf8'});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('More text.');
		return readFileSync(list, 'utf8').split('\n');
	}

	it('does not load node:crypto to hash it (10-18 ms of its start here), and does once it was written', () => {
		const file = path.join(folder('ids-again'), 'post.md');
		writeFileSync(file, POST);
		const cacheHome = folder('ids-again-cache');
		expect(printRecording(file, cacheHome)).toContain('NativeModule crypto');
		expect(existsSync(path.join(cacheHome, 'mle-essay', 'known-ids.json'))).toBe(true);
		expect(printRecording(file, cacheHome)).not.toContain('NativeModule crypto');
		appendFileSync(file, '\nAn edit.\n');
		expect(printRecording(file, cacheHome)).toContain('NativeModule crypto');
	});
});
