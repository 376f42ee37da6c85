// The bundled essay's first screen was drawn at build time, and the bundle evaluates marked only when
// something is first lexed (esbuild.replacements.mjs): loading the program must not build anything of it.
import type * as EntitiesDecode from 'entities/decode';
import type * as MarkedModule from 'marked';
import {describe, expect, it, vi} from 'vitest';

const used = vi.hoisted(() => ({count: 0}));

vi.mock('marked', async (importOriginal) => {
	const real = await importOriginal<typeof MarkedModule>();
	class Lexer extends real.Lexer {
		constructor(options?: ConstructorParameters<typeof real.Lexer>[0]) {
			used.count++;
			super(options as never);
		}

		static override get rules() {
			used.count++;
			return real.Lexer.rules;
		}
	}

	class Marked extends real.Marked {
		constructor(...extensions: ConstructorParameters<typeof real.Marked>) {
			used.count++;
			super(...(extensions as never[]));
		}
	}

	return {...real, Lexer, Marked};
});

describe('loading the parser and the renderer', () => {
	it('builds nothing of marked until an essay is lexed', async () => {
		const {parseEssay} = await import('../src/essay/parse.js');
		await import('../src/essay/outline.js');
		await import('../src/render/markdown.js');
		await import('../src/render/pages.js');
		expect(used.count).toBe(0);
		const essay = parseEssay('# Title\n\nThe cover.\n\n## One\n\nText with [a link].\n\n[a link]: https://example.com\n', {fallbackTitle: 'x'});
		expect(essay.sections.length).toBeGreaterThan(0);
		expect(used.count).toBeGreaterThan(0);
	});
});

const decoded = vi.hoisted(() => ({count: 0}));

vi.mock('entities/decode', async (importOriginal) => {
	const real = await importOriginal<typeof EntitiesDecode>();
	return {
		...real,
		decodeHTML: (text: string) => {
			decoded.count++;
			return real.decodeHTML(text);
		},
	};
});

describe('character references', () => {
	it('loads no decoder for a post without an ampersand, and decodes those of a post with them', async () => {
		const {parseEssay} = await import('../src/essay/parse.js');
		const {renderMarkdown} = await import('../src/render/markdown.js');
		const {stylesFor} = await import('../src/render/styles.js');
		const styles = stylesFor(false);
		const plain = parseEssay('# Plain *title*\n\nText with **no** references, ==marked== and [a link](https://example.com).\n', {fallbackTitle: 'x'});
		const plainLines = renderMarkdown('Text with **no** references, ==marked==, ++ctrl+c++ and [a link](https://example.com).\n\n<div>html</div>', 60, styles);
		expect(plain.title).toBe('Plain title');
		expect(plainLines.join('\n')).toContain('Text with no references');
		expect(decoded.count).toBe(0);

		const titled = parseEssay('# Tom &amp; Jerry&hellip;\n\nText.\n', {fallbackTitle: 'x'});
		const lines = renderMarkdown('Wait &mdash; R&amp;D &#x41;.\n\n<p>Fish &amp; chips</p>', 60, styles);
		expect(titled.title).toBe('Tom & Jerry…');
		expect(lines.join('\n')).toContain('Wait — R&D A.');
		expect(lines.join('\n')).toContain('Fish & chips');
		expect(decoded.count).toBeGreaterThan(0);
	});
});
