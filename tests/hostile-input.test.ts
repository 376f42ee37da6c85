// Every row runs the built program in a pseudo-terminal and checks what a user would notice: the exit
// code, one clear line naming the file or flag (no stack trace), a finish within a few seconds, and
// the terminal put back. Rows that open the essay also prove the reader works on them.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, ptySessions, type PtySession} from './helpers/pty.js';
import {ESSAY} from './helpers/paths.js';

const start = ptySessions();
const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-hostile-'));
const essaySource = readFileSync(ESSAY);
const quizSource = readFileSync(ESSAY.replace(/\.md$/, '.quiz.yaml'), 'utf8');

function file(name: string, content: string | Uint8Array): string {
	const target = path.join(dir, name);
	writeFileSync(target, content);
	return target;
}

/** An essay beside a quiz file, for the rows about quiz files. */
function essayWithQuiz(name: string, quiz: string): string {
	writeFileSync(path.join(dir, `${name}.quiz.yaml`), quiz);
	return file(`${name}.md`, essaySource);
}

function bigEssay(): string {
	const paragraph = 'The quick brown fox jumps over the lazy dog while the team ships another demo. '.repeat(12);
	const sections = Array.from({length: 200}, (_, index) => `## Part ${index + 1}\n\n${Array.from({length: 26}, () => paragraph).join('\n\n')}\n`);
	return file('big.md', `# A very long essay\n\nIntro.\n\n${sections.join('\n')}`);
}

const ESC = '\u001B';

/** Inputs that must stop with an error, before the terminal is touched. */
const errors: ReadonlyArray<readonly [string, () => string[], number, RegExp]> = [
	['a missing file', () => [path.join(dir, 'missing.md')], 1, /^mle-essay: .*missing\.md: no such file$/],
	['a directory', () => [dir], 1, /: is a directory, not a markdown file$/],
	['an empty file', () => [file('empty.md', '')], 1, /empty\.md: is empty$/],
	['front matter only', () => [file('front-only.md', '---\ntitle: Only\n---\n')], 1, /front-only\.md: has no essay text to show/],
	['unterminated front matter', () => [file('open.md', '---\ntitle: x\n\n# Body')], 1, /open\.md: front matter starts with --- but is never closed$/],
	// The parser's own first line, where it is, without the colon that introduced the text around it.
	['invalid YAML front matter', () => [file('bad-yaml.md', '---\ntitle: [unclosed\n---\n# T')], 1, /bad-yaml\.md: invalid YAML front matter: .* at line 2, column 1$/],
	['a binary file', () => [file('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))], 1, /image\.md: is a binary file/],
	['NUL bytes in text', () => [file('nul.md', '# Title\n\nText\u0000more')], 1, /nul\.md: is a binary file/],
	['invalid UTF-8', () => [file('latin1.md', new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]))], 1, /latin1\.md: is not valid UTF-8 text$/],
	['a quiz file that is not YAML', () => [essayWithQuiz('q-yaml', 'quizzes: [unclosed')], 1, /q-yaml\.quiz\.yaml: not valid YAML: .* at line 1, column \d+$/],
	['a quiz file of the wrong shape', () => [essayWithQuiz('q-shape', 'quizzes:\n  - after: lack-of-dedicated-research-teams-hinders-ai-progress\n    questions: "three"\n')], 1, /q-shape\.quiz\.yaml: quizzes\[0\]\.questions: expected array$/],
	['a quiz naming a section the essay lacks', () => [essayWithQuiz('q-section', quizSource.replace('lack-of-dedicated-research-teams-hinders-ai-progress', 'a-section-nobody-wrote'))], 1, /q-section\.quiz\.yaml: quizzes\[1\]\.after: the essay has no section "a-section-nobody-wrote"/],
	['a quiz answer that is not a choice', () => [essayWithQuiz('q-answer', quizSource.replace('answer: Engineers already there who caught the AI bug', 'answer: Nobody'))], 1, /q-answer\.quiz\.yaml: quizzes\[1\]\.questions\[1\]\.answer: "Nobody" is not one of its choices$/],
	['a quiz question of an unknown kind', () => [essayWithQuiz('q-kind', quizSource.replace('kind: reflection', 'kind: essay'))], 1, /q-kind\.quiz\.yaml: quizzes\[0\]\.questions\[2\]\.kind: /],
	['an unknown flag', () => ['--colour'], 2, /^mle-essay: unknown flag --colour \(see mle-essay --help\)$/],
	['a flag without its value', () => ['--section'], 2, /^mle-essay: --section needs a value/],
	['a bad --width', () => ['--width', 'wide'], 2, /^mle-essay: --width must be a whole number from 20 to 1000 \(got "wide"\)/],
	['a --section past the end', () => ['--section', '4'], 2, /^mle-essay: --section 4 is past the end: the essay has 3 sections/],
	['two files', () => ['a.md', 'b.md'], 2, /^mle-essay: expected at most one file, got 2: a\.md b\.md/],
];

/** Inputs that open: what must be on the first screen. */
const opens: ReadonlyArray<readonly [string, () => string[], string]> = [
	['a 5 MB essay with 200 sections', () => [bigEssay()], 'A very long essay'],
	['a 100,000-character line with no spaces', () => [file('long-line.md', '# Long line\n\n' + 'x'.repeat(100_000))], 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
	['hundreds of levels of nested lists', () => [file('deep-list.md', '# Deep list\n\n' + Array.from({length: 300}, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n'))], 'level 0'],
	['hundreds of levels of block quotes', () => [file('deep-quote.md', '# Deep quote\n\n' + '> '.repeat(400) + 'the bottom of the well')], 'the bottom of the well'],
	[
		'escape sequences inside the markdown',
		() => [file('escapes.md', `# Escapes\n\nclipboard ${ESC}]52;c;SEVMTE8=\u0007 title ${ESC}]0;PWNED\u0007 clear ${ESC}[2J${ESC}[H reset ${ESC}c end\n\n\`\`\`\n${ESC}]0;CODE\u0007\n\`\`\``)],
		'clipboard',
	],
];

async function expectClosedCleanly(session: PtySession, code: number): Promise<string> {
	const started = Date.now();
	const result = await session.exited(5000);
	expect(result.code).toBe(code);
	expect(Date.now() - started).toBeLessThan(5000);
	expectTerminalRestored(session, result.stty);
	return session.text();
}

describe('bad input stops with one clear line, exit code, and the terminal untouched', () => {
	it.each(errors)('%s', async (_name, args, code, message) => {
		// Wide enough that the one line never wraps on screen.
		const session = start(args(), {columns: 300});
		const text = await expectClosedCleanly(session, code);
		expect(session.output()).not.toContain(`${ESC}[?1049h`);
		const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('[exit') && !/^\S+ = |^speed |^-?\w+ -?\w+/.test(line));
		const errorLines = lines.filter((line) => line.startsWith('mle-essay:'));
		expect(errorLines).toHaveLength(1);
		expect(errorLines[0]).toMatch(message);
		expect(text).not.toMatch(/\n\s+at /);
	});
});

describe('hostile content opens, and is read safely', () => {
	it.each(opens)('%s', async (_name, args, visible) => {
		const session = start(args(), {columns: 80, rows: 24});
		const opened = Date.now();
		// The text and the status bar under it: the whole first screen is there.
		await session.waitFor((text) => text.includes(visible) && (session.screen().at(-1) ?? '').includes('? help'), 5000);
		expect(Date.now() - opened).toBeLessThan(5000);
		expect(session.screen().every((line) => line.length <= 80)).toBe(true);
		session.write('q');
		await expectClosedCleanly(session, 0);
		const output = session.output();
		expect(output).not.toContain(`${ESC}]52`);
		expect(output).not.toContain(`${ESC}]0;PWNED`);
		expect(output).not.toContain(`${ESC}]0;CODE`);
		expect(output).not.toContain(`${ESC}c`);
	});
});
