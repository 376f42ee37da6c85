import {spawn, spawnSync} from 'node:child_process';
import pty from '@lydell/node-pty';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {printEssay} from '../src/print.js';
import {CLI, ESSAY, fixture} from './helpers/paths.js';

/** Runs the built CLI with pipes for stdin and stdout: never a terminal. */
function run(args: readonly string[], env: Record<string, string | undefined> = {}) {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env},
		timeout: 20_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const collapse = (text: string) => text.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ').trim();

/** The essay's paragraphs as a reader would read them: no front matter, no markup. */
function sourceParagraphs(): string[] {
	const body = readFileSync(ESSAY, 'utf8').split(/^---$/m).slice(2).join('---');
	return body
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.replace(/^#+ /, '').replace(/^!!! note "(.*)"$/, '$1').trim())
		.filter((paragraph) => paragraph !== '')
		.map((paragraph) => collapse(paragraph));
}

describe('not a terminal: the whole essay as text', () => {
	const {code, stdout, stderr} = run([]);

	it('exits 0 with nothing on stderr', () => {
		expect(code).toBe(0);
		expect(stderr).toBe('');
	});

	it('contains every paragraph of the essay, word for word', () => {
		const printed = collapse(stdout);
		const paragraphs = sourceParagraphs();
		expect(paragraphs.length).toBeGreaterThanOrEqual(12);
		for (const paragraph of paragraphs) expect(printed).toContain(paragraph);
	});

	it('has no escape codes, no !!!, no front matter', () => {
		expect(stdout).not.toContain('\u001B');
		expect(stdout).not.toContain('!!!');
		expect(stdout).not.toContain('slug:');
		expect(stdout).not.toContain('draft');
		expect(stdout.startsWith('Hiring MLEs at early stage companies\njxnl · April 8, 2024 · hiring · about 4 min read\n')).toBe(true);
	});

	it('draws the callout as a text box', () => {
		expect(stdout).toMatch(/╭─ A voice memo turned essay\. ─+╮/);
		expect(stdout).toContain('about 4 min read');
		expect(stdout).toContain('hiring-mle-at-early-stage-companies/');
	});

	it('wraps at --width, 80 by default', () => {
		const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
		expect(widest(stdout)).toBeLessThanOrEqual(80);
		expect(widest(stdout)).toBeGreaterThan(70);
		expect(widest(run(['--width', '40']).stdout)).toBeLessThanOrEqual(40);
	});

	it('piped to a pager in a terminal narrower than 80 columns, fits that terminal (which stderr is)', async () => {
		// `mle-essay | cat` in a 60-column terminal: stdout is the pipe, stderr the terminal.
		const child = pty.spawn('bash', ['--norc', '--noprofile', '-c', `'${process.execPath}' '${CLI}' --section 2 | cat`], {cols: 60, rows: 30, env: {...process.env, NO_COLOR: '1'}});
		let output = '';
		child.onData((data) => {
			output += data;
		});
		await new Promise((resolve) => child.onExit(resolve));
		const lines = output.split(/\r?\n/);
		expect(output).toContain('Machine learning engineers are hired too early');
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(60);
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeGreaterThan(50);
	});

	it('prints one section with --section', () => {
		const {stdout: one} = run(['--print', '--section', '3']);
		expect(one.startsWith('Lack of Dedicated Research Teams Hinders AI Progress\n')).toBe(true);
		expect(one).not.toContain('As a consultant');
	});

	it('prints colour only when FORCE_COLOR asks, and never with NO_COLOR', () => {
		expect(run(['--print'], {FORCE_COLOR: '1'}).stdout).toContain('\u001B[');
		expect(run(['--print'], {FORCE_COLOR: '1', NO_COLOR: '1'}).stdout).not.toContain('\u001B');
	});

	it('reads another markdown file under the same rules', () => {
		const {code: sinkCode, stdout: sink} = run([fixture('kitchen-sink.md')]);
		expect(sinkCode).toBe(0);
		expect(sink).toContain('A kitchen sink post\nada, grace · November 2, 2023 · craft, tools');
		expect(sink).toContain('The last paragraph has no final newline.');
		expect(sink).not.toContain('<!-- more -->');
	});
});

describe('quizzes in print', () => {
	it('follow each pattern, with questions and choices but no answers', () => {
		const {stdout} = run(['--print']);
		const quiz = stdout.indexOf('Quiz · Machine learning engineers are hired too early');
		const nextSection = stdout.indexOf('Lack of Dedicated Research Teams Hinders AI Progress\n───');
		expect(quiz).toBeGreaterThan(stdout.indexOf('flex into traditional machine learning.'));
		expect(quiz).toBeLessThan(nextSection);
		expect(stdout).toContain('    c) App development and integration work');
		expect(stdout).toContain('Quiz · Lack of Dedicated Research Teams Hinders AI Progress');
		// The answers come only in the answer key, after the whole essay.
		const key = stdout.indexOf('Answer key');
		expect(key).toBeGreaterThan(stdout.indexOf('sustained AI innovation and growth.'));
		expect(stdout.slice(0, key)).not.toMatch(/✓|✗|Takeaway|The essay says/);
		expect(stdout.slice(key)).toContain('1. c) App development and integration work');
	});

	it('are left out with --no-quiz, answer key and all', () => {
		const {stdout} = run(['--print', '--no-quiz']);
		expect(stdout).not.toContain('Quiz ·');
		expect(stdout).not.toContain('Answer key');
	});

	it('a bad quiz file beside an essay stops with one line naming it', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-badquiz-'));
		const essay = path.join(dir, 'post.md');
		writeFileSync(essay, '# Post\n\n## One\n\nText.');
		writeFileSync(path.join(dir, 'post.quiz.yaml'), 'quizzes:\n  - after: Two\n    questions: []\n');
		const {code, stdout, stderr} = run([essay]);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toBe(`mle-essay: ${dir}/post.quiz.yaml: quizzes[0].questions: needs at least one question\n`);
	});
});

describe('emoji shortcodes', () => {
	it('are drawn as emoji by the built program (the table is loaded only when needed)', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-emoji-'));
		const essay = path.join(dir, 'cafe.md');
		writeFileSync(essay, '# Cafe\n\nTime for :coffee: now.');
		expect(run([essay]).stdout).toContain('Time for ☕ now.');
	});
});

describe('a pipe closed early', () => {
	it('ends quietly with exit code 0', async () => {
		const big = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-pipe-')), 'long.md');
		writeFileSync(big, '# Long\n\n' + Array.from({length: 3000}, (_, index) => `## Part ${index}\n\nParagraph ${index}.`).join('\n\n'));
		const child = spawn(process.execPath, [CLI, '--print', big], {stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});
});

describe('a long essay in print', () => {
	it('is written as it is drawn: the cover comes long before a slow section further on is done', async () => {
		// The last section, a table of 30,000 rows, takes most of the time to draw.
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-stream-')), 'slow-end.md');
		const rows = Array.from({length: 30_000}, (_, row) => `| r${row} | cell ${row} |`).join('\n');
		writeFileSync(file, `# Slow end\n\nThe cover comes first.\n\n## Table\n\n| a | b |\n|---|---|\n${rows}\n`);
		const started = performance.now();
		const child = spawn(process.execPath, [CLI, '--print', file], {stdio: ['ignore', 'pipe', 'inherit']});
		let output = '';
		let firstAt: number | undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			firstAt ??= performance.now() - started;
			output += chunk.toString();
		});
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const total = performance.now() - started;
		expect(code).toBe(0);
		expect(output).toMatch(/^Slow end\n[\s\S]*The cover comes first\.[\s\S]*r29999/);
		// Both times from the same run: the cover arrives in a small part of the whole, however fast the machine.
		expect(firstAt).toBeLessThan(total / 3);
	});
});

describe('errors', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-cli-'));

	it.each([
		['--frobnicate', 'mle-essay: unknown flag --frobnicate (see mle-essay --help)'],
		['--width=abc', 'mle-essay: --width must be a whole number from 20 to 1000 (got "abc") (see mle-essay --help)'],
		['--section=9', 'mle-essay: --section 9 is past the end: the essay has 3 sections (see mle-essay --help)'],
	])('a usage error (%s) exits 2 with one line naming the flag', (flag, message) => {
		const {code, stdout, stderr} = run([flag]);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(message + '\n');
	});

	it('a missing file, a directory and an empty file exit 1 with one line naming the file', () => {
		const empty = path.join(dir, 'empty.md');
		writeFileSync(empty, '');
		for (const [target, problem] of [
			[path.join(dir, 'nope.md'), 'no such file'],
			[dir, 'is a directory, not a markdown file'],
			[empty, 'is empty'],
		] as const) {
			const {code, stderr} = run([target]);
			expect(code).toBe(1);
			expect(stderr).toBe(`mle-essay: ${target}: ${problem}\n`);
		}
	});

	it('prints help and version', () => {
		expect(run(['--help']).stdout).toContain('Usage: mle-essay [file] [options]');
		expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
	});
});

describe('the bundle', () => {
	it('prints exactly what the source renders: its build patches change nothing a reader sees', () => {
		// Emphasis beside Unicode punctuation (marked's punctuation class is spelled out at build time),
		// and text string-width measures by its fast path or its full one, wrapped at a narrow width.
		const tricky = [
			'# Tricky “text”',
			'',
			'*“quoted”* and **bold**—dash, _under_score_ and snake_case_word, ~~gone~~! *¡Hola!* 2*3*4 **a**b',
			'',
			'> *nested* quote with «guillemets» … and ‘single’ marks; 100 % ½ → ✓ ✗ │ ─, [a link](https://example.com/a+b) and <https://example.com>',
			'',
			'- 日本語のテキストが長く続く行は、幅に合わせて折り返されます。한국어 문장도 마찬가지입니다。',
			'- emoji 👍🏽 and 👨‍👩‍👧 and ❤️ and café vs cafe\u0301 and a\u200bzero-width space',
			'',
			'| Left | Right |',
			'| --- | --- |',
			'| *α* | **β**, γ |',
		].join('\n');
		const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-bundle-'));
		const file = path.join(folder, 'tricky.md');
		writeFileSync(file, tricky);
		const bundled = run(['--print', '--width', '40', file], {NO_COLOR: '1'});
		expect(bundled.code).toBe(0);
		expect(bundled.stdout).toBe(printEssay(loadEssay(file), {width: 40, isColor: false, section: undefined, withQuizzes: true}));
		expect(bundled.stdout).toContain('“quoted”');
		expect(bundled.stdout).not.toContain('*“quoted”*');
	});
});
