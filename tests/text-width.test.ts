import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {simpleTextWidth} from '../src/render/text-width.js';

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
