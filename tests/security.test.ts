// Files written to attack the terminal or the machine, run through the built program: in print mode
// (plain and coloured) and in the reader, with the raw bytes it wrote checked, not only the screen.
import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, newStateHome, ptySessions, type PtySession} from './helpers/pty.js';
import {CLI, ESSAY} from './helpers/paths.js';

const start = ptySessions();
const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-security-'));
const quizSource = readFileSync(ESSAY.replace(/\.md$/, '.quiz.yaml'), 'utf8');
const essaySource = readFileSync(ESSAY, 'utf8');

function file(name: string, content: string | Uint8Array): string {
	const target = path.join(dir, name);
	writeFileSync(target, content);
	return target;
}

/** Runs the built program without a terminal; returns what it wrote and its exit code. */
function run(args: readonly string[], env: Record<string, string> = {}) {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR'));
	const result = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...inherited, ...env}, timeout: 20_000, maxBuffer: 256 * 1024 * 1024});
	return {stdout: result.stdout, stderr: result.stderr, code: result.status};
}

/** Attacks written as character references, which the markdown reader decodes. */
const REFERENCES = ['&#27;]52;c;SEVMTE8=&#7;', '&#x9b;31m', '&#155;6n', '&#27;[6n', '&#x1B;[c', '&#0027;]0;PWNED&#x07;', '&#27;]0;unterminated'];
const attack = (where: string) => REFERENCES.map((reference) => `${where} ${reference}`).join(' ');

const entitiesEssay = () =>
	file(
		'entities.md',
		[
			`# Title ${attack('h1')}`,
			'',
			attack('Body'),
			'',
			`## Heading ${attack('h2')}`,
			'',
			`[link ${attack('text')}](https://example.com) and ![alt ${attack('alt')}](x.png)`,
			'',
			'| a | b |',
			'| - | - |',
			`| ${attack('cell')} | x |`,
			'',
			`- item ${attack('list')}`,
			`- [ ] task ${attack('task')}`,
			'',
			`> quote ${attack('quote')}`,
			'',
			`<span>${attack('html')}</span>`,
			'',
			'```',
			'code &#27;]0;stays literal in code',
			'```',
		].join('\n'),
	);

/** Everything the program writes in print mode, less its own SGR styling. */
const withoutStyling = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');
/** Control characters a terminal would act on (tab and newline aside). */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * The reader's output less its own screen control: styling, the alternate screen, the cursor,
 * synchronised output, clearing and moving within its frame, and a link to the original post.
 */
function withoutScreenControl(output: string): string {
	// Up to the shell's report after the program; a carriage return moves within the frame.
	return output
		.slice(0, output.indexOf('\r\n[exit '))
		.replace(/\r/g, '')
		.replace(/\u001B\[[0-9;]*[mHJKABCDGf]/g, '')
		.replace(/\u001B\[\?(1049|25|2026|2004)[hl]/g, '')
		.replace(/\u001B\]8;;(https:\/\/jxnl\.co\/[^\u001B]*)?\u001B\\/g, '');
}

/** Opens the contents (titles from the file are drawn there), quits, and checks every byte written. */
async function expectOnlyScreenControl(session: PtySession): Promise<void> {
	session.write('t');
	await session.waitFor('Contents');
	session.write('q');
	session.write('q');
	const {code, stty} = await session.exited();
	expect(code).toBe(0);
	expectTerminalRestored(session, stty);
	expect(withoutScreenControl(session.output())).not.toMatch(CONTROLS);
}

describe('no escape sequence from a file reaches the terminal, however it was written', () => {
	it('character references in every part of the markdown, in print mode, plain and in colour', () => {
		const essay = entitiesEssay();
		for (const env of [{}, {FORCE_COLOR: '1'}] as Array<Record<string, string>>) {
			const {stdout, code} = run([essay], env);
			expect(code).toBe(0);
			expect(withoutStyling(stdout)).not.toMatch(CONTROLS);
			// The text around the attacks is all there, and code keeps what it says.
			for (const where of ['h1', 'Body', 'h2', 'text', 'alt', 'cell', 'list', 'task', 'quote', 'html']) expect(stdout).toContain(where);
			expect(stdout).toContain('code &#27;]0;stays literal in code');
		}
	});

	it('character references in the reader: the headings in the status bar and contents too', async () => {
		const session = start([entitiesEssay()], {columns: 120, rows: 40});
		await session.waitFor('Body');
		session.write('2');
		await session.waitFor('Heading');
		await expectOnlyScreenControl(session);
	});

	it('YAML escapes in front matter and quiz files, in print mode and in the reader', async () => {
		const essay = file('yaml-escapes.md', essaySource.replace('draft: False', 'draft: False\ntitle: "T \\e]0;X\\a \\x9b31m"\nauthors: ["A \\e]52;c;SEVMTE8=\\a"]'));
		const quiz = quizSource
			.replace(/prompt: When a startup hires .*\n/, 'prompt: "Q \\e[6n When a startup hires a machine learning engineer too early, what was its focus?"\n')
			.replace('- Collecting and cleaning its training data', '- "Collecting \\x9b31m cleaning its training data"');
		expect(quiz).toContain('\\e[6n');
		expect(quiz).toContain('\\x9b31m');
		writeFileSync(essay.replace(/\.md$/, '.quiz.yaml'), quiz);
		for (const env of [{}, {FORCE_COLOR: '1'}] as Array<Record<string, string>>) {
			const {stdout, stderr, code} = run([essay], env);
			expect(stderr).toBe('');
			expect(code).toBe(0);
			expect(withoutStyling(stdout)).not.toMatch(CONTROLS);
		}

		const session = start([essay, '--section', '2'], {columns: 120, rows: 40});
		await session.waitFor('section 2 of 3');
		session.write('\u001B[C');
		await session.waitFor('Question 1 of 3');
		await expectOnlyScreenControl(session);
	});

	it('error messages that quote a file name, a quiz field or a YAML tag', () => {
		const quizAnswer = path.join(dir, 'answer.md');
		writeFileSync(quizAnswer, essaySource);
		writeFileSync(quizAnswer.replace(/\.md$/, '.quiz.yaml'), quizSource.replace('answer: App development and integration work', 'answer: "C \\e]52;c;SEVMTE8=\\a"'));
		const tag = file('tag.md', '---\ntitle: !<x%1b]0;T%07> x\n---\n# T\n');
		const name = file('name-\u001B]0;PWNED\u0007.md', '');
		for (const args of [[quizAnswer], [name], ['--\u001B]0;flag\u0007']]) {
			const {stderr, code} = run(args);
			expect(code, args.join(' ')).not.toBe(0);
			expect(stderr).toMatch(/^mle-essay: .+\n$/);
			expect(stderr, args.join(' ')).not.toMatch(CONTROLS);
		}

		// An unknown tag is read as plain text, as the blog's YAML reader does: nothing to echo.
		const {stdout, stderr} = run([tag]);
		expect(withoutStyling(stdout + stderr)).not.toMatch(CONTROLS);
	});

	it('bidirectional overrides in a heading do not reorder the status bar', async () => {
		const essay = file('bidi.md', '# Title\n\nIntro.\n\n## Left \u202Eevil\u202C right\n\nText.\n');
		const {stdout} = run([essay]);
		expect(stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
		const session = start([essay, '--section', '2'], {columns: 100, rows: 20});
		await session.waitFor('section 2 of 2');
		expect(session.output()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
	});
});

describe('small files that would cost too much', () => {
	it('a YAML alias bomb in a quiz file: refused in one line, at once', () => {
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (let level = 1; level < 12; level++) {
			const name = String.fromCharCode(97 + level);
			const previous = String.fromCharCode(96 + level);
			levels.push(`${name}: &${name} [${Array.from({length: 9}, () => `*${previous}`).join(',')}]`);
		}

		const essay = path.join(dir, 'bomb.md');
		writeFileSync(essay, essaySource);
		writeFileSync(essay.replace(/\.md$/, '.quiz.yaml'), levels.join('\n') + '\nquizzes: []\n');
		const started = Date.now();
		const {stderr, code} = run([essay, '--print']);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(code).toBe(1);
		expect(stderr).toMatch(/^mle-essay: .*bomb\.quiz\.yaml: not valid YAML: too many aliases.*\n$/);
	});

	it('with --no-quiz a broken quiz file is not even read', () => {
		const essay = path.join(dir, 'broken-quiz.md');
		writeFileSync(essay, essaySource);
		writeFileSync(essay.replace(/\.md$/, '.quiz.yaml'), 'quizzes: [unclosed');
		expect(run([essay, '--print']).code).toBe(1);
		const {stdout, code} = run([essay, '--print', '--no-quiz']);
		expect(code).toBe(0);
		expect(stdout).toContain('Hiring MLEs at early stage companies');
	});

	it.each([
		['a 1.4 MB code block', () => `# Code\n\n\`\`\`\n${Array.from({length: 130_000}, (_, index) => `line ${index}`).join('\n')}\n\`\`\`\n`],
		['70,000 short paragraphs', () => `# Short\n\n${Array.from({length: 70_000}, () => 'a').join('\n\n')}\n`],
		['a 150,000-row table', () => `# Table\n\n| a | b |\n| - | - |\n${Array.from({length: 150_000}, (_, index) => `| ${index} | x |`).join('\n')}\n`],
	])('%s opens in the reader and prints, with the terminal put back', async (name, content) => {
		const essay = file(`${name.replace(/\W+/g, '-')}.md`, content());
		const printed = run([essay, '--print']);
		expect(printed.stderr).toBe('');
		expect(printed.code).toBe(0);
		const session = start([essay], {columns: 80, rows: 24});
		await session.waitFor(() => (session.screen().at(-1) ?? '').includes('? help'), 20_000);
		session.write('G');
		session.write('q');
		const {code, stty} = await session.exited(20_000);
		expect(code).toBe(0);
		expectTerminalRestored(session, stty);
	});

	it('a table 2,000 columns wide fits in a moment', () => {
		const columns = 2000;
		const row = (cell: (index: number) => string) => `| ${Array.from({length: columns}, (_, index) => cell(index)).join(' | ')} |`;
		const essay = file('wide-table.md', `# Wide\n\n${row((index) => `h${index}`)}\n${row(() => '-')}\n${row((index) => `cell ${index} text`)}\n`);
		const started = Date.now();
		const {code} = run([essay, '--print', '--width', '100']);
		expect(code).toBe(0);
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});

describe('files that are not what they seem', () => {
	it('never writes through a link in the state folder, and leaves what it could not read as it was', async () => {
		const stateHome = newStateHome();
		const outside = file('precious.txt', 'x'.repeat(3 * 1024 * 1024));
		// Find the progress file's name: read once, quit, see what was saved.
		const first = start(['--section', '2'], {stateHome});
		await first.waitFor('section 2 of 3');
		first.write('q');
		await first.exited();
		const folder = path.join(stateHome, 'mle-essay');
		const [saved] = readdirSync(folder).filter((entry) => entry.endsWith('.json'));
		if (!saved) throw new Error('no progress was saved');
		const progress = path.join(folder, saved);
		writeFileSync(progress, '');
		spawnSync('rm', [progress]);
		symlinkSync(outside, progress);

		const second = start([], {stateHome});
		await second.waitFor('is a symbolic link, left as it is');
		second.write('2');
		await second.waitFor('section 2 of 3');
		second.write('q');
		await second.exited();
		expect(statSync(outside).size).toBe(3 * 1024 * 1024);
		expect(readFileSync(outside, 'utf8').slice(0, 10)).toBe('xxxxxxxxxx');
	});

	it('a FIFO or a huge file as the progress file: no hang, nothing overwritten', async () => {
		for (const make of ['fifo', 'huge'] as const) {
			const stateHome = newStateHome();
			const seed = start(['--section', '2'], {stateHome});
			await seed.waitFor('section 2 of 3');
			seed.write('q');
			await seed.exited();
			const folder = path.join(stateHome, 'mle-essay');
			const progress = path.join(folder, readdirSync(folder).find((entry) => entry.endsWith('.json')) ?? 'none.json');
			spawnSync('rm', ['-f', progress]);
			if (make === 'fifo') spawnSync('mkfifo', [progress]);
			else writeFileSync(progress, '{' + ' '.repeat(2 * 1024 * 1024));
			const session = start([], {stateHome});
			await session.waitFor(make === 'fifo' ? 'is not a regular file, left as it is' : 'is too large to be progress, left as it is', 10_000);
			session.write('3');
			await session.waitFor('section 3 of 3');
			session.write('q');
			expect((await session.exited()).code).toBe(0);
			if (make === 'huge') expect(statSync(progress).size).toBeGreaterThan(2 * 1024 * 1024);
		}
	});

	it('an essay that is a FIFO, a device, or a link to one: one line, no hang', () => {
		const fifo = path.join(dir, 'fifo.md');
		spawnSync('mkfifo', [fifo]);
		const device = path.join(dir, 'zero.md');
		symlinkSync('/dev/zero', device);
		for (const essay of [fifo, device, '/dev/zero']) {
			const started = Date.now();
			const {stderr, code} = run([essay, '--print']);
			expect(Date.now() - started).toBeLessThan(10_000);
			expect(code).toBe(1);
			expect(stderr).toMatch(/: is not a regular file\n$/);
		}
	});

	it('a relative XDG_STATE_HOME is ignored, as the XDG spec says: nothing is written under the current folder', async () => {
		const cwd = mkdtempSync(path.join(tmpdir(), 'mle-essay-cwd-'));
		const home = mkdtempSync(path.join(tmpdir(), 'mle-essay-home-'));
		const session = start(['--section', '2'], {cwd, env: {HOME: home, XDG_STATE_HOME: 'relative-state'}});
		await session.waitFor('section 2 of 3');
		session.write('q');
		await session.exited();
		expect(readdirSync(cwd)).toEqual([]);
		expect(existsSync(path.join(home, '.local', 'state', 'mle-essay'))).toBe(true);
	});

	it('an unreadable essay says so in one line', () => {
		const locked = file('locked.md', '# Locked\n');
		chmodSync(locked, 0o000);
		// As root every file is readable: then there is nothing to check.
		if (process.getuid?.() === 0) return;
		expect(run([locked]).stderr).toMatch(/locked\.md: permission denied\n$/);
	});
});

describe('signals and output', () => {
	it.each(['SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGTERM'] as const)('%s leaves the terminal as it was', async (signal) => {
		const session = start();
		await session.waitFor('section 1 of 3');
		session.signal(signal);
		const {stty} = await session.exited();
		expectTerminalRestored(session, stty);
	});

	it('--print to a full disk: one line, exit 1', () => {
		const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --print > /dev/full`], {encoding: 'utf8'});
		expect(result.status).toBe(1);
		expect(result.stderr).toBe('mle-essay: cannot write the essay to standard output: no space left on device\n');
	});

	it('TERM=dumb gets the essay as text: no alternate screen, no cursor control', async () => {
		const session = start([], {env: {TERM: 'dumb'}});
		const {code} = await session.exited();
		expect(code).toBe(0);
		expect(session.output()).not.toContain('\u001B[?1049h');
		const output = session.output().slice(0, session.output().indexOf('\r\n[exit '));
		expect(output).not.toMatch(/\u001B/);
		expect(output).toContain('Hiring MLEs at early stage companies');
		expect(output).toContain('Lack of Dedicated Research Teams Hinders AI Progress');
	});
});

describe('the state folder', () => {
	it('is created inside XDG_STATE_HOME only', async () => {
		const stateHome = newStateHome();
		mkdirSync(path.join(stateHome, 'unrelated'));
		const session = start(['--section', '2'], {stateHome});
		await session.waitFor('section 2 of 3');
		session.write('q');
		await session.exited();
		expect(readdirSync(stateHome).sort()).toEqual(['mle-essay', 'unrelated']);
	});
});

describe('a terminal that is not UTF-8', () => {
	it('LANG=C draws callouts, tables and rules in ASCII, in print mode and in the reader', async () => {
		const {stdout} = run(['--print'], {LANG: 'C', LC_ALL: '', LC_CTYPE: ''});
		expect(stdout).toMatch(/\+- A voice memo turned essay\. -+\+/);
		expect(stdout).not.toMatch(/[\u2500-\u257F]/);
		const session = start([], {env: {LANG: 'C', LC_ALL: '', LC_CTYPE: ''}});
		await session.waitFor('section 1 of 3');
		expect(session.text()).toContain('+- A voice memo turned essay.');
		expect(session.text()).not.toMatch(/[\u2500-\u257F]/);
		const utf8 = run(['--print'], {LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: ''});
		expect(utf8.stdout).toContain('╭─ A voice memo turned essay.');
	});
});
