import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ContentError} from '../src/essay/errors.js';
import {loadEssay} from '../src/essay/load.js';
import {ESSAY} from './helpers/paths.js';

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
		expect(loadEssay(file('my-post.md', 'Just a paragraph.')).title).toBe('my-post');
	});
});
