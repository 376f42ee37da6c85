// The bundled essay's first screen was drawn at build time, and the bundle evaluates marked only when
// something is first lexed (esbuild.replacements.mjs): loading the program must not build anything of it.
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
