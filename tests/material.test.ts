// Material for MkDocs features (../shared/material-reference/) as the reader and print mode show them:
// never as raw syntax, nothing lost, code exact.
import {readFileSync} from 'node:fs';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {parseEssay} from '../src/essay/parse.js';
import {renderSection, renderSectionWithCallouts} from '../src/render/section.js';
import {stylesFor} from '../src/render/styles.js';
import {fixture} from './helpers/paths.js';

const plain = stylesFor(false);
const render = (markdown: string, width = 80) =>
	renderSection(parseEssay(`# T\n\n${markdown}\n`, {fallbackTitle: 't'}), 0, width, plain)
		.slice(3)
		.map((line) => stripAnsi(line))
		.join('\n');

describe('Material syntax is rendered, never shown raw', () => {
	it('keys, marks, insertions, deletions, sub- and superscripts and named entities', () => {
		const text = render('Press ++ctrl+alt+del++ to ==mark== and ^^insert^^, ~~delete~~, H~2~O, x^2^ &mdash; done&hellip; A&nbsp;B &amp; C');
		expect(text).toBe('Press  Ctrl + Alt + Del  to mark and insert, delete, H₂O, x² — done… A\u00A0B & C');
	});

	it('attribute lists are never shown; a .md-button link reads as a button', () => {
		const text = render('[Get started](https://example.com){ .md-button } and ![Logo](logo.png){ loading=lazy } and {: style="x" } and a {brace} kept', 120);
		expect(text).toBe(' Get started  (https://example.com) and [image: Logo] (logo.png) and and a {brace} kept');
		const essay = parseEssay('# T\n\n## Heading with id { #custom-id }\n\nText.\n', {fallbackTitle: 't'});
		expect(essay.sections[1]?.title).toBe('Heading with id');
	});

	it('task lists show one box per item', () => {
		expect(render('- [x] Done item\n- [ ] Open item')).toBe('  ☑ Done item\n  ☐ Open item');
	});

	it('HTML: figures with their captions, markdown inside <div markdown>, iframes as their address, scripts and styles gone', () => {
		const text = render(
			[
				'<figure markdown>',
				'',
				'![Image](pic.png){ width="300" }',
				'',
				'<figcaption>Image caption</figcaption>',
				'</figure>',
				'After figure.',
				'',
				'<div class="result" markdown>',
				'Inside a **div** with markdown.',
				'</div>',
				'',
				'<iframe src="https://www.youtube.com/embed/xyz" width="560"></iframe>',
				'',
				'<script>alert(1)</script>',
				'<style>.x{}</style>',
				'',
				'Text with <span class="x">inline html</span> and <kbd>Enter</kbd>.',
			].join('\n'),
		);
		expect(text).toContain('[image: Image] (pic.png)');
		expect(text).toContain('Image caption');
		expect(text).toMatch(/Image caption\n\nAfter figure\./);
		expect(text).toContain('Inside a div with markdown.');
		expect(text).toContain('[embedded: https://www.youtube.com/embed/xyz]');
		expect(text).toContain('Text with inline html and Enter.');
		expect(text).not.toMatch(/<\/?[a-z]|alert|\.x\{/);
	});

	it('content tabs: each a labelled block with its content, code exact, in order', () => {
		const text = render(['=== "C"', '', '    ``` c', '    int main(void) {', '      return 0;', '    }', '    ```', '', '=== "List"', '', '    * One', '    * Two'].join('\n'));
		expect(text).not.toContain('===');
		const c = text.indexOf('── C ');
		const list = text.indexOf('── List ');
		expect(c).toBeGreaterThanOrEqual(0);
		expect(list).toBeGreaterThan(c);
		expect(text).toContain('      int main(void) {\n        return 0;\n      }');
		expect(text.slice(list)).toContain('• One');
	});

	it('the fixture post: no Material syntax left, every prose word there, in order', () => {
		const source = readFileSync(fixture('material/features.md'), 'utf8');
		const text = renderSection(loadEssay(fixture('material/features.md')), 0, 80, plain)
			.concat(...[1, 2].map((index) => renderSection(loadEssay(fixture('material/features.md')), index, 80, plain)))
			.map((line) => stripAnsi(line))
			.join('\n');
		expect(text).not.toMatch(/\+\+|==|\^\^|\{ ?[.#:]|<\/?(?:div|figure|script|style|span|iframe)|^=== /m);
		for (const word of ['Press', 'highlight', 'insert', 'delete', 'Done', 'Open', 'caption', 'Inside', 'Hello', 'Sed']) expect(text).toContain(word);
		expect(source).toContain('++ctrl+alt+del++');
	});
});

describe('more of Material', () => {
	const more = loadEssay(fixture('material/more.md'));
	const text = (section: number) =>
		renderSection(more, section, 80, plain, 'whole')
			.map((line) => stripAnsi(line))
			.join('\n');

	it('footnotes: superscript numbers in order of first use, the notes at the end of each section that cites them', () => {
		expect(text(0)).toContain('Lorem ipsum¹ dolor sit amet.²');
		expect(text(0)).toMatch(/Notes\n\n {2}• ¹ First note\.\n {2}• ² A second note on two lines\.$/);
		expect(text(1)).toContain('Another¹ reference and a new one³.');
		expect(text(1)).toMatch(/• ¹ First note\.\n {2}• ³ Third\.$/);
		expect(text(0) + text(1)).not.toMatch(/\[\^|\]:/);
	});

	it('abbreviations are not shown, snippets name their file, icons are dropped', () => {
		expect(text(0)).not.toContain('Hyper Text Markup Language');
		expect(text(0)).toContain('[snippet: includes/abbreviations.md]');
		expect(text(0)).not.toContain(':material-account:');
	});

	it('code annotations show their number in the code; the notes follow the block', () => {
		expect(text(0)).toContain('    import os (1)\n    print("x")  # plain comment');
		expect(text(0)).toContain('1. The annotation.');
	});

	it('math blocks keep their lines; Mermaid shows its source, labelled as a diagram', () => {
		expect(text(0)).toContain('    math\n    \\cos x=\\sum_{k=0}^{\\infty}\\frac{(-1)^k}{(2k)!}x^{2k}');
		expect(text(0)).toContain('    diagram (mermaid)\n    graph LR\n      A --> B');
	});

	it('a callout title is markdown: links and emphasis rendered, not raw', () => {
		expect(text(0)).toMatch(/╭─ Beware of this \(https:\/\/example\.com\) and that ─+╮/);
	});
});

describe('tables', () => {
	const tables = loadEssay(fixture('material/code-and-tables.md'));
	const text = (width: number) =>
		renderSection(tables, 0, width, plain)
			.map((line) => stripAnsi(line))
			.join('\n');

	it('honour column alignment and wrap cells instead of cutting them', () => {
		const narrow = loadEssay(fixture('kitchen-sink.md'));
		const lines = renderSection(narrow, 0, 60, plain).map((line) => stripAnsi(line));
		expect(lines.join('\n')).not.toContain('…');
		const essay = parseEssay('# T\n\n| Name | Count |\n| :--- | ----: |\n| apples | 3 |\n| kiwis | 12 |\n', {fallbackTitle: 't'});
		const table = renderSection(essay, 0, 60, plain).map((line) => stripAnsi(line));
		expect(table).toContain('│ apples │     3 │');
		expect(table).toContain('│ kiwis  │    12 │');
	});

	it('keep an address whole: a row whose word is wider than its column is drawn as a record', () => {
		expect(text(80)).toContain('https://example.com/a/very/long/address/that/should/never/be/cut/in/the/middle');
		expect(text(80)).toContain('Setting: url');
	});

	it('the blog plugin’s created date dates the post', () => {
		expect(tables.byline).toBe('someone · May 1, 2024');
	});
});

describe('definition lists and snippets', () => {
	it('a definition list: the term in bold, each definition under it', () => {
		const text = render('Term one\n\n:   The first definition.\n\n:   Another one.\n\nTerm two\n:   Short.');
		expect(text).not.toMatch(/^:/m);
		expect(text).toMatch(/Term one\n\n {2}• The first definition\.\n\n {2}• Another one\.\n\nTerm two\n\n {2}• Short\./);
	});

	it('a snippet beside the post is included where it is named, in code too; one elsewhere is named, never read', async () => {
		const {mkdtempSync, mkdirSync, writeFileSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const path = await import('node:path');
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-snippets-'));
		mkdirSync(path.join(dir, 'includes'));
		writeFileSync(path.join(dir, 'includes', 'note.md'), 'Included **paragraph** text.\n');
		writeFileSync(path.join(dir, 'includes', 'example.py'), 'def included():\n    return 1\n');
		writeFileSync(path.join(dir, 'secret.txt'), 'outside');
		const post = path.join(dir, 'posts', 'post.md');
		mkdirSync(path.dirname(post));
		writeFileSync(post, '# Post\n\n--8<-- "../includes/note.md"\n\n--8<-- "missing.md"\n');
		const beside = path.join(dir, 'post.md');
		writeFileSync(beside, '# Post\n\n--8<-- "includes/note.md"\n\n```python\n--8<-- "includes/example.py"\n```\n');
		const shown = renderSection(loadEssay(beside), 0, 80, plain, 'whole').map((line) => stripAnsi(line)).join('\n');
		expect(shown).toContain('Included paragraph text.');
		expect(shown).toContain('    def included():\n        return 1');
		const outside = renderSection(loadEssay(post), 0, 80, plain).map((line) => stripAnsi(line)).join('\n');
		expect(outside).toContain('[snippet: ../includes/note.md]');
		expect(outside).toContain('[snippet: missing.md]');
		expect(outside).not.toContain('Included');
	});
});

describe('links to other posts', () => {
	it('name the post they lead to by its title, or by its file when it cannot be read; never read outside the folder', async () => {
		const {mkdtempSync, mkdirSync, symlinkSync, writeFileSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const path = await import('node:path');
		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-links-'));
		const posts = path.join(dir, 'posts');
		mkdirSync(path.join(posts, 'older'), {recursive: true});
		writeFileSync(path.join(posts, 'migrating.md'), '---\ntitle: Front matter loses\n---\n\n```\n# Not a title\n```\n\n# Migrating to *uv*\n\nText.\n');
		writeFileSync(path.join(posts, 'older', 'first-steps.md'), '---\ntitle: First steps with RAG\n---\n\nNo heading.\n');
		writeFileSync(path.join(posts, 'no-title-at-all.md'), 'Just text.\n');
		writeFileSync(path.join(dir, 'outside.md'), '# Secret title\n');
		symlinkSync(path.join(dir, 'outside.md'), path.join(posts, 'linked.md'));
		const post = path.join(posts, 'post.md');
		writeFileSync(
			post,
			[
				'# Post',
				'',
				'See [the migration](./migrating.md#why), [the first one][first], [plain](no-title-at-all.md),',
				'[gone](missing.md), [up](../outside.md), [through a link](linked.md) and [the web](https://example.com/a.md).',
				'',
				'[first]: older/first-steps.md',
			].join('\n'),
		);
		const text = renderSection(loadEssay(post), 0, 200, plain)
			.map((line) => stripAnsi(line))
			.join(' ');
		expect(text).toContain('the migration (post “Migrating to uv” #why)');
		expect(text).toContain('the first one (post “First steps with RAG”)');
		expect(text).toContain('plain (post “No title at all”)');
		expect(text).toContain('gone (post missing.md)');
		expect(text).toContain('up (post ../outside.md)');
		expect(text).toContain('through a link (post linked.md)');
		expect(text).toContain('the web (https://example.com/a.md)');
		expect(text).not.toContain('Secret title');
	});
});

describe('collapsible callouts', () => {
	const essay = parseEssay(
		['# T', '', 'Intro.', '', '??? note "Closed at first"', '', '    Hidden body.', '', '???+ tip "Open at first"', '', '    Shown body.', '', '!!! warning', '', '    Always shown.'].join('\n'),
		{fallbackTitle: 't'},
	);
	const shown = (folds: {toggled: readonly number[]} | 'all-open') => {
		const {lines, callouts} = renderSectionWithCallouts(essay, 0, 60, plain, {folds});
		return {text: lines.map((line) => stripAnsi(line)).join('\n'), lines: lines.map((line) => stripAnsi(line)), callouts};
	};

	it('??? starts closed (its title bar only, ▸) and ???+ open (▾); the reader says where each title bar is', () => {
		const {text, lines, callouts} = shown({toggled: []});
		expect(text).toMatch(/╭─ ▸ Closed at first ─+╮\n╰─+╯/);
		expect(text).not.toContain('Hidden body.');
		expect(text).toMatch(/╭─ ▾ Open at first ─+╮\n│ Shown body\./);
		expect(text).toContain('Always shown.');
		expect(callouts.map((place) => place.index)).toEqual([0, 1]);
		for (const place of callouts) expect(lines[place.line]).toMatch(/^╭─ [▸▾] /);
	});

	it('toggling opens the closed one and closes the open one; print shows them all open', () => {
		expect(shown({toggled: [0, 1]}).text).toContain('Hidden body.');
		expect(shown({toggled: [0, 1]}).text).not.toContain('Shown body.');
		const printed = renderSection(essay, 0, 60, plain, 'whole').map((line) => stripAnsi(line)).join('\n');
		expect(printed).toContain('Hidden body.');
		expect(printed).toContain('Shown body.');
	});

	it('numbers a callout the same whether the ones around it are open: one inside a closed one keeps its number', () => {
		const nested = parseEssay(
			['# T', '', '??? note "Outer"', '', '    Outer body.', '', '    ??? tip "Inner"', '', '        Inner body.', '', '??? warning "After"', '', '    After body.'].join('\n'),
			{fallbackTitle: 't'},
		);
		const open = (toggled: readonly number[]) => {
			const {lines, callouts} = renderSectionWithCallouts(nested, 0, 60, plain, {folds: {toggled}});
			return {text: lines.map((line) => stripAnsi(line)).join('\n'), indexes: callouts.map((place) => place.index)};
		};

		// Outer closed: the inner one is hidden but still 1, so "After" is 2 either way.
		expect(open([]).indexes).toEqual([0, 2]);
		expect(open([2]).text).toContain('After body.');
		expect(open([2]).text).not.toContain('Inner body.');
		expect(open([0, 1]).indexes).toEqual([0, 1, 2]);
		expect(open([0, 1]).text).toContain('Inner body.');
		expect(open([0, 1]).text).not.toContain('After body.');
	});
});

describe('critic markup', () => {
	it('shows suggested changes as changes (struck, underlined, marked) and comments apart, never the braces', () => {
		const markdown = [
			'Text can be {--deleted--} and replacement text {++added++}. This can also be',
			'combined into {~~one~>a single~~} operation. {==Highlighting==} is also',
			'possible {>>and comments can be added inline<<}.',
			'',
			'{==',
			'',
			'Formatting can also be applied to blocks.',
			'',
			'==}',
		].join('\n');
		const text = render(markdown, 200);
		expect(text).toContain('Text can be deleted and replacement text added. This can also be combined into onea single operation. Highlighting is also possible and comments can be added inline.');
		expect(text).toContain('Formatting can also be applied to blocks.');
		expect(text).not.toMatch(/\{--|--\}|\{\+\+|\+\+\}|\{~~|~>|\{==|==\}|\{>>|<<\}/);
		const styled = renderSection(parseEssay(`# T\n\n${markdown}\n`, {fallbackTitle: 't'}), 0, 120, stylesFor(true, true)).join('\n');
		expect(styled).toContain('\u001B[9mdeleted');
		expect(styled).toContain('\u001B[4madded');
	});
});
