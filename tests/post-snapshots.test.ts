// A post read before opens from what was kept of it (src/post-snapshots.ts): as parsed, with the
// sections it opens on as drawn. What was kept is used only for the same post, unchanged, and by the
// program that kept it; anything else is parsed and drawn as usual.
import {appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, newStateHome, ptySessions} from './helpers/pty.js';
import {ESSAY} from './helpers/paths.js';

const start = ptySessions();

/** A post (the bundled essay's text, without its quiz file) and the folders a reader of it has. */
function reader() {
	const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-post-'));
	const post = path.join(folder, 'post.md');
	copyFileSync(ESSAY, post);
	return {post, cacheHome: mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-')), stateHome: newStateHome()};
}

type Reader = ReturnType<typeof reader>;

/** Reads the post: opens it, optionally goes to its second section, and leaves with q. Resolves with the screen it opened on. */
async function read({post, cacheHome, stateHome}: Reader, toSecond = false): Promise<string> {
	const session = start([post], {stateHome, env: {XDG_CACHE_HOME: cacheHome}});
	await session.waitFor(/section \d+ of \d+/);
	await session.waitFor(() => (session.screen()[29] ?? '').includes('help'));
	const opened = session.screen().slice(0, 29).join('\n');
	if (toSecond) {
		session.write(keys.right);
		await session.waitFor(/section 2 of \d+/);
	}

	session.write('q');
	expect((await session.exited(5000)).code).toBe(0);
	return opened;
}

function kept({cacheHome}: Reader): string {
	const folder = path.join(cacheHome, 'mle-essay', 'posts');
	const files = readdirSync(folder);
	expect(files).toHaveLength(1);
	return path.join(folder, files[0] ?? '');
}

/** Changes a word in every line kept of the post's second section, so a screen drawn from them shows it. */
function markKeptLines(file: string, change: (snapshot: {build: string; rendered: Array<{section: number; lines: string[]}>}) => void = () => undefined): void {
	const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {build: string; rendered: Array<{section: number; lines: string[]}>};
	for (const rendered of snapshot.rendered) if (rendered.section === 1) rendered.lines = rendered.lines.map((line) => line.replaceAll('startups', 'KEPTLINES'));
	change(snapshot);
	writeFileSync(file, JSON.stringify(snapshot));
}

describe('a post read before', () => {
	it('opens where the reader left it from what was kept, the same screen, without drawing it again', async () => {
		const one = reader();
		await read(one, true);
		const file = kept(one);
		const again = await read(one);
		expect(again).toContain('Many startups make the mistake');
		// Drawn from what was kept: a change there shows.
		markKeptLines(file);
		expect(await read(one)).toBe(again.replaceAll('startups', 'KEPTLINES'));
	});

	it('is parsed and drawn again once the post is edited, or by another build, or when what was kept is broken', async () => {
		const one = reader();
		await read(one, true);
		const file = kept(one);
		markKeptLines(file, (snapshot) => {
			snapshot.build = 'another build';
		});
		expect(await read(one)).not.toContain('KEPTLINES');

		markKeptLines(kept(one));
		appendFileSync(one.post, '\nOne more line.\n');
		expect(await read(one)).not.toContain('KEPTLINES');

		const two = reader();
		await read(two, true);
		writeFileSync(kept(two), '{"format": 1, "build": ');
		expect(await read(two)).toContain('Many startups make the mistake');
	});

	it('never writes an escape sequence that was put in what was kept', async () => {
		const one = reader();
		await read(one, true);
		const file = kept(one);
		const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {rendered: Array<{section: number; lines: string[]}>};
		for (const rendered of snapshot.rendered) rendered.lines = rendered.lines.map((line) => line.replaceAll('startups', 'startups\u001B]52;c;SGVsbG8=\u0007\u001B]0;owned\u0007'));
		writeFileSync(file, JSON.stringify(snapshot));
		const session = start([one.post], {stateHome: one.stateHome, env: {XDG_CACHE_HOME: one.cacheHome}});
		await session.waitFor('Many startups');
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);
		expect(session.output()).toContain('Many startups]52;c;SGVsbG8=]0;owned make');
		expect(session.output()).not.toContain('\u001B]52');
		expect(session.output()).not.toContain('\u001B]0;');
	});

	it('is not kept when it has a quiz file', async () => {
		const one = reader();
		copyFileSync(ESSAY.replace(/\.md$/, '.quiz.yaml'), one.post.replace(/\.md$/, '.quiz.yaml'));
		await read(one, true);
		expect(readdirSync(path.join(one.cacheHome, 'mle-essay'))).not.toContain('posts');
	});

	it('is kept without its text when it is long, and opens from what was kept; not when its text needed mending', async () => {
		// The essay, then sections enough for over a million characters.
		const paragraph = 'Words of a long post, one after another, in a section of its own. '.repeat(20);
		const long = readFileSync(ESSAY, 'utf8') + Array.from({length: 420}, (_, part) => `\n## Part ${part}\n\n${paragraph}\n\n${paragraph}\n`).join('') + '\n## The end\n\nA zebrafish, once.\n';
		expect(long.length).toBeGreaterThan(1_100_000);
		const one = reader();
		writeFileSync(one.post, long);
		const opened = await read(one, true);
		const file = kept(one);
		expect(readFileSync(file, 'utf8').length).toBeLessThan(100_000);
		const again = await read(one);
		expect(again).toContain('Many startups make the mistake');
		markKeptLines(file);
		expect(await read(one)).toBe(again.replaceAll('startups', 'KEPTLINES'));
		expect(opened).not.toContain('KEPTLINES');

		// Its sections are read from its file as they are wanted: a search finds the last one's words.
		const session = start([one.post], {stateHome: one.stateHome, env: {XDG_CACHE_HOME: one.cacheHome}});
		await session.waitFor('KEPTLINES');
		session.write('/zebrafish\r');
		await session.waitFor(/A zebrafish, once\.[\s\S]*match 1 of 1/, 20_000);
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);

		// With Windows line endings its text is mended as it is read: kept by lengths, it would not cut right.
		const crlf = reader();
		writeFileSync(crlf.post, long.replaceAll('\n', '\r\n'));
		await read(crlf, true);
		expect(readdirSync(path.join(crlf.cacheHome, 'mle-essay'))).not.toContain('posts');
	});
});
