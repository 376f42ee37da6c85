import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import cliTruncate from 'cli-truncate';
import {simpleGraphemes, simpleTextWidth, truncateEnd} from '../src/render/text-width.js';

// The bundle answers string-width's question with simpleTextWidth whenever it can (esbuild.patches.mjs);
// these check that the answer is always string-width's own.
const simpleCharacters: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
	const character = String.fromCharCode(code);
	if (simpleTextWidth(character) !== undefined) simpleCharacters.push(character);
}

describe('simpleTextWidth', () => {
	it('covers prose: Latin, punctuation, box drawing, the check marks and CJK', () => {
		const prose = 'Hiring MLEs — “janitorial work”… café ½ → ✓ ✗ │ ─ ▰▱ 日本語 한국어 Ａ';
		expect(simpleTextWidth(prose)).toBe(stringWidth(prose));
		expect(simpleCharacters.length).toBeGreaterThan(30_000);
	});

	it('gives string-width’s width for every character it accepts, ambiguous ones either way', () => {
		const wrong = simpleCharacters.filter(
			(character) =>
				simpleTextWidth(character) !== stringWidth(character) ||
				simpleTextWidth(character, false) !== stringWidth(character, {ambiguousIsNarrow: false}),
		);
		expect(wrong.map((character) => character.codePointAt(0)?.toString(16))).toEqual([]);
	});

	it('never joins characters: any string of them measures as string-width measures it', () => {
		const text = fc.string({unit: fc.constantFrom(...simpleCharacters), maxLength: 40});
		fc.assert(
			fc.property(text, (value) => {
				expect(simpleTextWidth(value)).toBe(stringWidth(value));
			}),
			{numRuns: 2000},
		);
	});

	it('leaves emoji, combining marks, joiners, variation selectors, controls and escape codes to string-width', () => {
		for (const text of ['👍', 'e\u0301', 'a\u200db', '❤\ufe0f', '☀', 'tab\there', '\u001b[1mbold', '\u00ad', '🇫🇷', 'ᄀ', '\ud83d']) {
			expect(simpleTextWidth(text), JSON.stringify(text)).toBeUndefined();
		}
	});
});

describe('truncateEnd', () => {
	it('cuts simple text exactly as cli-truncate does, and leaves the rest to it', () => {
		const pieces = ['a', 'Z', ' ', '—', '“', '…', '漢', 'ｱ', 'é', '├', '✓', 'e\u0301', '👍', '\u001B[1m', '\t'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), fc.integer({min: 0, max: 40}), (parts, columns) => {
				const text = parts.join('');
				const cut = truncateEnd(text, columns);
				if (cut !== undefined) expect(cut).toBe(cliTruncate(text, columns, {position: 'end'}));
				else expect(simpleTextWidth(text)).not.toBe(text.length);
			}),
			{numRuns: 3000},
		);
	});
});

describe('simpleGraphemes', () => {
	it('splits text as Intl.Segmenter does whenever it answers', () => {
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const pieces = ['a', ' ', '—', '漢', '├', '\n', '\r', '\r\n', '\u001B[31m', '\u001B]8;;https://x.y/\u0007', 'e\u0301', '👍', '🇫🇷', '\u200D', '\uFE0F', '각', '\u11A8'];
		let answered = 0;
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 20}), (parts) => {
				const text = parts.join('');
				const graphemes = simpleGraphemes(text);
				if (graphemes === undefined) return;
				answered++;
				expect(graphemes).toEqual([...segmenter.segment(text)].map(({segment, index}) => ({segment, index})));
			}),
			{numRuns: 3000},
		);
		expect(answered).toBeGreaterThan(100);
	});

	it('answers for the lines Ink writes: styles, links and line feeds around prose', () => {
		expect(simpleGraphemes('\u001B[1mHiring MLEs\u001B[22m — “early”\n\u001B]8;;https://jxnl.co\u0007link\u001B]8;;\u0007')).toBeDefined();
	});
});
