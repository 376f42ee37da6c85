import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {Lexer} from 'marked';
import {splitFrontMatter} from '../src/essay/front-matter.js';
import {outline} from '../src/essay/outline.js';
import {normalizeText, parseEssay, sectionBlocks} from '../src/essay/parse.js';
import type {Essay} from '../src/essay/types.js';
import {hasShortcode} from '../src/render/emoji.js';
import {ESSAY} from './helpers/paths.js';

/** Everything a reader is shown of an essay, its sections' blocks lexed. */
function shown(essay: Essay) {
	const {sections, ...rest} = essay;
	return {...rest, sections: sections.map((section) => ({kind: section.kind, title: section.title, slug: section.slug, blocks: sectionBlocks(section)}))};
}

const both = (text: string) => ({outlined: parseEssay(text, {fallbackTitle: 'f'}), lexed: parseEssay(text, {fallbackTitle: 'f', lexWhole: true})});
const isOutlined = (text: string): boolean => outline(splitFrontMatter(normalizeText(text)).body) !== undefined;

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const posts = [ESSAY, ...readdirSync(FIXTURES, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md')).map((name) => path.join(FIXTURES, name))];

describe('sections found from the outline, lexed when drawn', () => {
	it.each(posts)('give %s exactly as lexing it whole does', (file) => {
		const {outlined, lexed} = both(readFileSync(file, 'utf8'));
		expect(shown(outlined)).toEqual(shown(lexed));
	});

	it('are how the bundled essay and a plain long post are read (the outline is trusted there)', () => {
		expect(isOutlined(readFileSync(ESSAY, 'utf8'))).toBe(true);
		expect(isOutlined('# T\n\nIntro [a][r].\n\n## One\n\n```python\n## not a section\n```\n\n[r]: https://example.com\n\n## Two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n')).toBe(true);
	});

	it('lex nothing but the first screen when the essay opens: the rest waits until drawn', () => {
		const chapter = (index: number) => `## Part ${index}\n\n${'Text with **bold** and `code`. '.repeat(40)}\n\n\`\`\`python\nx = ${index}\n\`\`\`\n`;
		const text = `# Long\n\nIntro.\n\n${Array.from({length: 400}, (_, index) => chapter(index)).join('\n')}`;
		const lexed = vi.spyOn(Lexer.prototype, 'blockTokens');
		const essay = parseEssay(text, {fallbackTitle: 'f'});
		const lexedChars = lexed.mock.calls.reduce((sum, [source]) => sum + source.length, 0);
		sectionBlocks(essay.sections[0]!);
		lexed.mockRestore();
		expect(essay.sections).toHaveLength(401);
		// Parsing lexed the headings' link definitions only (none here): no section's text.
		expect(lexedChars).toBe(0);
		expect(essay.sections[400]?.title).toBe('Part 399');
	});

	// Lines that read differently by where they are: each is a way for the outline to split wrongly.
	const line = fc.constantFrom(
		'# Title', '# ', '## Part [a][ref]', '## Part ##', '##', '## Two #', '  ## indented', '### Sub', '#hashtag', '####### seven',
		'Some text with **bold**.', 'More text', '', '', '', '   ', '```', '```python', '````', '~~~', '  ```', '``` `x`', '```python title="a.py"',
		'<div markdown>', '</div>', '<!-- more -->', '<!--', '-->', '<script>', '</script>', '<span>', '<pre>', '</pre>', '<?php', '?>',
		'---', '===', '-', '- item', '  - nested', '1. one', '> quote', '> ## quoted', '>', '***',
		'[ref]: https://example.com', '[ref]: https://example.com "T"', '[a]: /a', '  [ref2]: /x', '  "title on next line"', '[not a definition]',
		'!!! note "Title"', '??? tip', '    body in note', '    ## in note', '=== "Tab"', '    tab body', '    ```', '    # code',
		'| a | b |', '| --- | ---: |', 'a | b', '--- | ---', '    indented code', '\t# tab code', 'Term', ':   definition', '*[HTML]: abbr',
		'[^1]: footnote', 'text[^1]', '--8<-- "x.md"', '{==', '==}', '        {==',
		'- ```', '> ```', '   ```', '  ~~~', '<div>', '<details>', '</details>', 'text <!-- x', '# Title {#id}', '## Part { .x }', '1.  Step', '    ```bash',
	);
	it('give any text they trust exactly as lexing it whole does', () => {
		let trusted = 0;
		fc.assert(
			fc.property(fc.array(line, {minLength: 1, maxLength: 40}), (lines) => {
				const text = `Intro.\n\n${lines.join('\n')}`;
				if (!isOutlined(text)) return;
				trusted++;
				const {outlined, lexed} = both(text);
				expect(shown(outlined)).toEqual(shown(lexed));
			}),
			{numRuns: 3000},
		);
		// Most of these texts are trusted: the comparison is not vacuous.
		expect(trusted).toBeGreaterThan(500);
	});
});

describe('looking for emoji shortcodes without a pattern over every character', () => {
	it('finds one exactly where the pattern does', () => {
		const piece = fc.constantFrom(':', 'smile', 'a', 'Z', '9', '_', '+', '-', ' ', 'é', ':::', 'https://x', '\n');
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
				const text = pieces.join('');
				expect(hasShortcode(text)).toBe(/:[a-z0-9_+-]+:/i.test(text));
			}),
			{numRuns: 2000},
		);
	});
});
