import {eastAsianWidth} from 'get-east-asian-width';

// Characters that are always a grapheme of their own (they never combine with a neighbour), are
// never emoji on their own and are never invisible: Latin, Greek and Cyrillic letters, general
// punctuation (dashes, curly quotes, ellipsis), currency, arrows, box drawing and geometric shapes,
// the check marks the reader draws, CJK, kana, Hangul syllables and fullwidth forms. For text made
// only of these, string-width's answer is the East Asian Width of each character, which is what
// `simpleTextWidth` sums. tests/text-width.test.ts checks every character in this class against
// string-width itself.
const SIMPLE_TEXT =
	/^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u20A0-\u20C0\u2190-\u2193\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u2713\u2715\u2717\u3000-\u3029\u3041-\u3096\u309B-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF60]*$/;

/**
 * The display width of `text` when every character is in the simple class above (no escape codes),
 * else undefined. The bundle puts this in front of string-width's full algorithm, which needs an
 * Intl.Segmenter and an emoji regular expression that together take ~25 ms to create at start-up
 * (esbuild.patches.mjs); for prose that is almost always enough.
 */
export function simpleTextWidth(text: string, ambiguousIsNarrow = true): number | undefined {
	if (!SIMPLE_TEXT.test(text)) return undefined;
	const options = {ambiguousAsWide: !ambiguousIsNarrow};
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		width += code < 0x7f ? 1 : eastAsianWidth(code, options);
	}

	return width;
}
