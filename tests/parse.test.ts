import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {normalizeText, parseEssay, sectionBlocks, slugify} from '../src/essay/parse.js';
import type {Block, Essay} from '../src/essay/types.js';
import {ESSAY} from './helpers/paths.js';

const essayText = readFileSync(ESSAY, 'utf8');
const parse = (text: string) => parseEssay(text, {fallbackTitle: 'file-name'});

/** The blocks of section `index`, as drawn. */
function blocksAt(essay: Essay, index: number): readonly Block[] {
	const section = essay.sections[index];
	return section ? sectionBlocks(section) : [];
}

function markdownOf(blocks: readonly Block[]): string {
	return blocks.map((block) => (block.kind === 'markdown' ? block.source : markdownOf(block.body))).join('\n\n');
}

describe('the bundled essay', () => {
	const essay = parse(essayText);

	it('has exactly a cover and one section per pattern, titled as in the source', () => {
		expect(essay.sections.map((section) => [section.kind, section.title])).toEqual([
			['cover', 'Hiring MLEs at early stage companies'],
			['chapter', "Machine learning engineers are hired too early in a company's life cycle"],
			['chapter', 'Lack of Dedicated Research Teams Hinders AI Progress'],
		]);
	});

	it('reads the front matter into a byline instead of showing it', () => {
		expect(essay.byline).toBe('jxnl · April 8, 2024 · hiring');
		expect(essay.frontMatter).toMatchObject({date: '2024-04-08', authors: ['jxnl'], categories: ['hiring'], draft: false});
		expect(JSON.stringify(essay.sections)).not.toContain('draft: False');
	});

	it('turns the !!! note into an admonition on the cover, with a markdown body', () => {
		const [note, opening] = blocksAt(essay, 0);
		expect(note).toMatchObject({kind: 'admonition', type: 'note', title: 'A voice memo turned essay.', form: 'fixed'});
		expect(note?.kind === 'admonition' && markdownOf(note.body)).toMatch(/^Most of this is actually a short voice memoir/);
		expect(opening?.kind === 'markdown' && opening.source).toMatch(/^As a consultant/);
	});

	it('keeps the last paragraph of a file without a final newline, in full', () => {
		expect(essayText.endsWith('\n')).toBe(false);
		const last = blocksAt(essay, essay.sections.length - 1).at(-1);
		expect(last?.kind === 'markdown' && last.source).toMatch(/lay the foundation for sustained AI innovation and growth\.$/);
	});
});

describe('admonitions', () => {
	it('reads the type, the title, and the collapsible forms', () => {
		const essay = parse('!!! warning "Careful"\n    body one\n\n??? tip\n    body two\n\n???+ danger ""\n    body three\n');
		expect(blocksAt(essay, 0).map((block) => block.kind === 'admonition' && [block.type, block.title, block.form])).toEqual([
			['warning', 'Careful', 'fixed'],
			['tip', 'Tip', 'collapsed'],
			['danger', '', 'expanded'],
		]);
	});

	it('keeps a multi-paragraph body with lists as markdown, not a code block', () => {
		const essay = parse('!!! note\n\n    First **bold** paragraph.\n\n    - item one\n    - item two\n\nAfter.');
		const [note, after] = blocksAt(essay, 0);
		expect(note?.kind === 'admonition' && markdownOf(note.body)).toBe('First **bold** paragraph.\n\n- item one\n- item two');
		expect(after).toEqual({kind: 'markdown', source: 'After.'});
	});

	it('is not recognised inside a fenced code block', () => {
		const essay = parse('```\n!!! note "not a callout"\n    indented\n```');
		expect(blocksAt(essay, 0)).toEqual([{kind: 'markdown', source: '```\n!!! note "not a callout"\n    indented\n```'}]);
	});

	it('ignores MkDocs extra classes after the type', () => {
		const essay = parse('!!! note inline end "Side"\n    text');
		expect(blocksAt(essay, 0)[0]).toMatchObject({type: 'note', title: 'Side'});
	});
});

describe('sections', () => {
	it('puts H3 and deeper inside their H2', () => {
		const essay = parse('# T\n\nintro\n\n## One\n\na\n\n### Deeper\n\nb\n\n## Two\n\nc');
		expect(essay.sections.map((section) => section.title)).toEqual(['T', 'One', 'Two']);
		expect(markdownOf(blocksAt(essay, 1))).toContain('### Deeper');
	});

	it('names an empty ## heading by its position, so it can still be shown', () => {
		const essay = parse('# T\n\n##\n\n| A | 0 |\n| --- | --- |');
		expect(essay.sections.map((section) => section.title)).toEqual(['T', 'Section 2']);
	});

	it('titles sections with the text of their headings, markup and reference links read as text', () => {
		const essay = parse('# The *whole* `essay`\n\n## **Bold** and `code` in a [link][ref]\n\nText.\n\nSetext &amp; more\n---\n\n[ref]: https://example.com');
		expect(essay.title).toBe('The whole essay');
		expect(essay.sections.map((section) => section.title)).toEqual(['The whole essay', 'Bold and code in a link', 'Setext & more']);
	});

	it('makes a file with no H2 a single section', () => {
		const essay = parse('# Only a title\n\nOne paragraph.\n\n### A small heading\n\nMore.');
		expect(essay.sections).toHaveLength(1);
		expect(essay.sections[0]?.kind).toBe('cover');
	});

	it('does not split on ## inside a code block', () => {
		const essay = parse('# T\n\n```md\n## not a section\n```');
		expect(essay.sections).toHaveLength(1);
	});

	it('takes the title from the first H1, then front matter, then the file name', () => {
		expect(parse('---\ntitle: From YAML\n---\n# From H1\n\ntext').title).toBe('From H1');
		expect(parse('---\ntitle: From YAML\n---\ntext').title).toBe('From YAML');
		expect(parse('just text').title).toBe('file-name');
		expect(parse('just text').titleSource).toBe('file-name');
	});

	it('drops the <!-- more --> excerpt marker', () => {
		const essay = parse('# T\n\nExcerpt.\n\n<!-- more -->\n\nRest.');
		expect(markdownOf(blocksAt(essay, 0))).not.toContain('more -->');
		expect(markdownOf(blocksAt(essay, 0))).toContain('Rest.');
	});

	it('makes slugs from titles', () => {
		expect(slugify("Machine learning engineers are hired too early in a company's life cycle")).toBe(
			'machine-learning-engineers-are-hired-too-early-in-a-companys-life-cycle',
		);
	});
});

describe('line endings and encodings', () => {
	it('parses CRLF and a BOM exactly like LF', () => {
		const crlf = '\uFEFF' + essayText.replace(/\n/g, '\r\n');
		expect(parse(crlf)).toEqual(parse(essayText));
	});

	it('strips control characters so escape sequences never reach the terminal', () => {
		expect(normalizeText('a\u001B]52;c;aGk=\u0007b\u009Bc\td\n')).toBe('a]52;c;aGk=b' + 'c\td\n');
	});
});
