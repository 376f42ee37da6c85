import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {ContentError} from '../src/essay/errors.js';
import {loadEssay, quizFileFor, snapshotEssay, type EssaySnapshot} from '../src/essay/load.js';
import {parseEssay} from '../src/essay/parse.js';
import {BUNDLED_SOURCE, ESSAY} from './helpers/paths.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-load-'));
function file(name: string, content: string | Uint8Array): string {
	const target = path.join(dir, name);
	writeFileSync(target, content);
	return target;
}

function problem(target: string): string {
	try {
		loadEssay(target);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		expect((error as Error).message.startsWith(`${target}: `)).toBe(true);
		return (error as ContentError).problem;
	}

	return 'loaded';
}

describe('loading an essay file', () => {
	it('loads the bundled essay', () => {
		expect(loadEssay(ESSAY).sections).toHaveLength(3);
	});

	it('names the file and the problem for each kind of bad file', () => {
		expect(problem(path.join(dir, 'missing.md'))).toBe('no such file');
		expect(problem(dir)).toBe('is a directory, not a markdown file');
		expect(problem(file('empty.md', ''))).toBe('is empty');
		expect(problem(file('blank.md', '\n\n  \n'))).toBe('is empty');
		expect(problem(file('binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])))).toMatch(/binary/);
		expect(problem(file('latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])))).toBe('is not valid UTF-8 text');
		expect(problem(file('open.md', '---\ntitle: x\n# body'))).toMatch(/never closed/);
		expect(problem(file('yaml.md', '---\ntitle: "unclosed\n---\n# T'))).toMatch(/^invalid YAML front matter/);
		expect(problem(file('only-front-matter.md', '---\ntitle: Nothing else\n---\n'))).toMatch(/no essay text/);
	});

	it('opens a file with no H1 under its front-matter title or file name', () => {
		// As MkDocs derives a title from a file name.
		expect(loadEssay(file('my-post.md', 'Just a paragraph.')).title).toBe('My post');
		expect(loadEssay(file('migrating-to-uv.md', 'Just a paragraph.')).title).toBe('Migrating to uv');
		expect(loadEssay(file('titled.md', '---\ntitle: From front matter\n---\nJust a paragraph.')).title).toBe('From front matter');
	});
});

describe('saved progress keyed by content', () => {
	it('keys a file by its text however it was written (a byte-order mark, CRLF, an included snippet)', () => {
		const text = '# Keyed\n\nSome text, café.\n\n## One\n\nMore.\n';
		const {id} = parseEssay(text, {fallbackTitle: 'x'});
		expect(loadEssay(file('keyed.md', text), {withQuizzes: false}).id).toBe(id);
		expect(loadEssay(file('keyed-bom.md', `\uFEFF${text}`), {withQuizzes: false}).id).toBe(id);
		expect(loadEssay(file('keyed-crlf.md', text.replaceAll('\n', '\r\n')), {withQuizzes: false}).id).toBe(id);
		file('part.md', 'More.');
		expect(loadEssay(file('keyed-snippet.md', text.replace('More.', '--8<-- "part.md"')), {withQuizzes: false}).id).toBe(id);
		expect(loadEssay(file('other.md', text.replace('café', 'cafe')), {withQuizzes: false}).id).not.toBe(id);
	});
});

describe('the essay snapshot (dist/essay.json)', () => {
	const quiz = 'quizzes:\n  - after: One\n    questions:\n      - kind: reflection\n        prompt: Which?\n        choices:\n          - text: This\n            takeaway: So this.\n          - text: That\n            takeaway: So that.\n';

	it('is used for exactly the texts it was made from, and for nothing else', () => {
		const essayFile = file('snap.md', '# Snap\n\n## One\n\nText.\n');
		const quizFile = file('snap.quiz.yaml', quiz);
		const made = snapshotEssay(essayFile);
		const snapshot = {...made, essay: {...made.essay, title: 'from the snapshot'}};
		expect(loadEssay(essayFile, {snapshot}).title).toBe('from the snapshot');

		writeFileSync(essayFile, '# Snap\n\n## One\n\nText, edited.\n');
		expect(loadEssay(essayFile, {snapshot}).title).toBe('Snap');
		writeFileSync(essayFile, '# Snap\n\n## One\n\nText.\n');
		writeFileSync(quizFile, quiz.replace('So this.', 'So, this.'));
		expect(loadEssay(essayFile, {snapshot}).title).toBe('Snap');
		rmSync(quizFile);
		expect(loadEssay(essayFile, {snapshot}).title).toBe('Snap');
	});

	it('is still checked: a snapshot never hides a quiz file that went bad', () => {
		const essayFile = file('snap-bad.md', '# Snap\n\n## One\n\nText.\n');
		file('snap-bad.quiz.yaml', quiz);
		const snapshot = snapshotEssay(essayFile);
		writeFileSync(quizFileFor(essayFile), 'quizzes: [');
		expect(() => loadEssay(essayFile, {snapshot})).toThrow(/snap-bad\.quiz\.yaml: not valid YAML/);
	});

	it('the build made it from the bundled essay as it is now', () => {
		const built = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/essay.json', import.meta.url)), 'utf8')) as EssaySnapshot;
		expect(built.essayText).toBe(readFileSync(ESSAY, 'utf8'));
		expect(built.essay).toEqual(JSON.parse(JSON.stringify(loadEssay(ESSAY, {source: BUNDLED_SOURCE}))));
	});
});
