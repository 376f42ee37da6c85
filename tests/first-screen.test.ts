// The screen a reading leaves is painted by the next start in the same terminal before the program is
// loaded (src/first-screen.ts), only when nothing it was drawn from has changed; the program then
// takes the terminal over, and corrects the screen if it differs from its own.
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, keys, newStateHome, ptySessions, type SpawnOptions} from './helpers/pty.js';
import {ESSAY} from './helpers/paths.js';

const start = ptySessions();

/** A reader's own folders: where progress is saved and the cache. */
function reader(): {readonly stateHome: string; readonly env: Record<string, string>} {
	return {stateHome: newStateHome(), env: {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'))}};
}

type Reader = ReturnType<typeof reader>;

function keptFile(one: Reader): string {
	return path.join(one.env['XDG_CACHE_HOME'] ?? '', 'mle-essay', 'first-screen.json');
}

/** Reads: opens, optionally goes to the second section, and leaves with q. Resolves with the screen, cell by cell, once the program is up. */
async function read(one: Reader, args: readonly string[] = [], options: SpawnOptions & {toSecond?: boolean} = {}): Promise<{cells: string[]; output: string}> {
	const session = start(args, {...one, ...options, env: {...one.env, ...options.env}});
	await session.waitFor(/section \d+ of \d+/);
	// Ink is up once a key is answered: the screen is the program's own.
	session.write('?');
	await session.waitFor('Keys');
	session.write(keys.escape);
	await session.waitFor((text) => !text.includes('Keys'));
	const cells = session.cells();
	if (options.toSecond) {
		session.write(keys.right);
		await session.waitFor(/section 2 of \d+/);
	}

	session.write('q');
	expect((await session.exited(5000)).code).toBe(0);
	return {cells, output: session.output()};
}

/** Changes a word in the screens kept for next starts, so a screen painted from one shows the change. */
function markKept(one: Reader, from: string, to: string): void {
	const kept = JSON.parse(readFileSync(keptFile(one), 'utf8')) as {screens: Array<{frame: string}>};
	expect(kept.screens[0]?.frame).toContain(from);
	const screens = kept.screens.map((screen) => ({...screen, frame: screen.frame.replaceAll(from, to)}));
	writeFileSync(keptFile(one), JSON.stringify({...kept, screens}));
}

describe('the next start in the same terminal', () => {
	it('paints the screen the reading left before the program is loaded, the same cells as the program draws', async () => {
		const one = reader();
		await read(one, [], {toSecond: true});
		expect(readdirSync(path.dirname(keptFile(one)))).toContain('first-screen.json');
		const resumed = await read(one);
		expect(resumed.output).toContain('Resumed where you left off');

		// Painted from what was kept: a change there shows first, and the program then paints its own.
		markKept(one, 'Resumed where you left off', 'Painted from what was kept');
		const marked = await read(one);
		expect(marked.output).toContain('Painted from what was kept');
		expect(marked.cells).toEqual(resumed.cells);

		// Without anything kept, the same screen.
		rmSync(keptFile(one));
		expect((await read(one)).cells).toEqual(resumed.cells);
	});

	it('keeps a screen for each of the last essays read', async () => {
		const one = reader();
		const post = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-post-')), 'post.md');
		writeFileSync(post, '# A post of its own\n\nIts first words.\n\n## Its one part\n\nMore words.\n');
		await read(one);
		await read(one, [post]);
		markKept(one, 'Its first words.', 'Words from what was kept.');
		markKept(one, 'section 1 of', 'part 1 of');
		expect((await read(one)).output).toContain('part 1 of 3');
		expect((await read(one, [post])).output).toContain('Words from what was kept.');
	});

	it('paints nothing early for a long post that opens on its cover before its words are counted', async () => {
		// Not kept (it names another post), so each start counts its words after the first screen.
		const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-post-'));
		const paragraph = 'Words of a long post, one after another, in a section of its own. '.repeat(20);
		writeFileSync(path.join(folder, 'other.md'), '# The other post\n\nHi.\n');
		const long = path.join(folder, 'long.md');
		writeFileSync(long, `# A long post\n\nSee [the other](other.md).\n${Array.from({length: 420}, (_, part) => `\n## Part ${part}\n\n${paragraph}\n\n${paragraph}\n`).join('')}`);
		const one = reader();
		// Read until its words are counted and the cover says so.
		const counting = start([long], one);
		await counting.waitFor(/about [\d,]+ min read/, 20_000);
		counting.write('q');
		expect((await counting.exited(5000)).code).toBe(0);
		const {output} = await read(one, [long]);
		// One paint of the cover, without its reading time, which comes once counted: no screen painted early and then corrected.
		const painted = output.split('\u001B[H\u001B[2J');
		expect(painted).toHaveLength(2);
		// The first screen is what comes after the clear, until the cursor goes home.
		const first = painted[1] ?? '';
		expect(first.slice(0, first.indexOf('\u001B[H'))).toContain('A long post');
		expect(first.slice(0, first.indexOf('\u001B[H'))).not.toContain('min read');
	});

	it('paints it in another window of the same terminal', async () => {
		const one = reader();
		await read(one, [], {env: {WINDOWID: '41943047', TERM_SESSION_ID: 'w0t0p0:one', SSH_AUTH_SOCK: '/tmp/ssh-one/agent.1'}});
		markKept(one, 'section 1 of 3', 'section 1 OF KEPT');
		expect((await read(one, [], {env: {WINDOWID: '41943090', TERM_SESSION_ID: 'w0t1p0:two', SSH_AUTH_SOCK: '/tmp/ssh-two/agent.2'}})).output).toContain('section 1 OF KEPT');
	});

	it('paints nothing early once anything it was drawn from changed', async () => {
		const one = reader();
		const marked = async (change: () => SpawnOptions = () => ({})): Promise<string> => {
			await read(one);
			markKept(one, 'section 1 of 3', 'section 1 OF KEPT');
			return (await read(one, [], change())).output;
		};

		expect(await marked()).toContain('section 1 OF KEPT');
		expect(await marked(() => ({columns: 80, rows: 24}))).not.toContain('OF KEPT');
		expect(await marked(() => ({env: {NO_COLOR: '1'}}))).not.toContain('OF KEPT');
		// Windows Terminal draws links: its session's name is set.
		expect(await marked(() => ({env: {WT_SESSION: 'a-session'}}))).not.toContain('OF KEPT');
		// The saved progress was written (by another reading, say).
		expect(
			await marked(() => {
				const saved = readdirSync(path.join(one.stateHome, 'mle-essay')).find((name) => name.endsWith('.json')) ?? '';
				utimesSync(path.join(one.stateHome, 'mle-essay', saved), new Date(), new Date());
				return {};
			}),
		).not.toContain('OF KEPT');

		// A post edited since.
		const post = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-post-')), 'post.md');
		copyFileSync(ESSAY, post);
		await read(one, [post]);
		markKept(one, 'section 1 of 3', 'section 1 OF KEPT');
		writeFileSync(post, readFileSync(post, 'utf8').replace('Many startups', 'Many a startup'));
		expect((await read(one, [post])).output).not.toContain('OF KEPT');
	});

	it('never writes an escape sequence or a link that was put in what was kept', async () => {
		const one = reader();
		await read(one);
		markKept(one, 'section 1 of 3', 'section 1 of 3\u001B]52;c;SGVsbG8=\u0007\u001B]8;;https://example.com/elsewhere\u001B\\here\u001B]8;;\u001B\\');
		const {output} = await read(one);
		expect(output).toContain('section 1 of 3]52;c;SGVsbG8=');
		expect(output).not.toContain('\u001B]52');
		expect(output).not.toContain('\u001B]8;;https://example.com');
	});

	it('gives the terminal back when it ends before the program is up', async () => {
		const one = reader();
		await read(one);
		markKept(one, 'section 1 of 3', 'section 1 OF KEPT');
		// The program's loader never comes: the screen painted early is all there is.
		const injector = `data:text/javascript,import {register} from 'node:module'; register('data:text/javascript,export async function resolve(specifier, context, next) { if (specifier === "./launch.js") await new Promise(() => {}); return next(specifier, context); }'); setInterval(() => {}, 1000);`;
		const session = start([], {...one, nodeArgs: ['--import', injector]});
		await session.waitFor('section 1 OF KEPT');
		session.signal('SIGTERM');
		const {code, stty} = await session.exited(5000);
		expect(code).toBe(143);
		expectTerminalRestored(session, stty);
	});
});
