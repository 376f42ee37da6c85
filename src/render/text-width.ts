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

/**
 * cli-truncate's `{position: 'end'}` for text of simple characters one cell wide each: at most
 * `columns` cells, ending in `…` when cut. Else undefined. cli-truncate slices with slice-ansi, which
 * creates an Intl.Segmenter (~17 ms the first time a process does), and the status bar of the first
 * frame cuts the title.
 */
export function truncateEnd(text: string, columns: number): string | undefined {
	if (simpleTextWidth(text) !== text.length) return undefined;
	if (columns < 1) return '';
	if (text.length <= columns) return text;
	return columns === 1 ? '…' : text.slice(0, columns - 1) + '…';
}

// The simple class with line feeds and the two controls that start and end Ink's escape sequences
// (ESC, BEL): each is a grapheme of its own (a carriage return is not: it joins a line feed after it),
// and the rest of a sequence is ASCII.
const SIMPLE_STYLED_TEXT = new RegExp(SIMPLE_TEXT.source.replace('^[', '^[\\u0007\\u000A\\u001B'));

/** One grapheme of a text, as Intl.Segmenter gives it. */
export interface Grapheme {
	readonly segment: string;
	readonly index: number;
}

/**
 * The graphemes of `text` when each of its characters is one (simple characters and escape
 * sequences), else undefined. ansi-tokenize splits every line Ink draws into graphemes with an
 * Intl.Segmenter, and the first one a process creates costs ~17 ms (ICU loads its break rules), in the
 * middle of Ink's first frame: the bundle asks this first (esbuild.patches.mjs).
 */
export function simpleGraphemes(text: string): Grapheme[] | undefined {
	if (!SIMPLE_STYLED_TEXT.test(text)) return undefined;
	const graphemes: Grapheme[] = [];
	for (let index = 0; index < text.length; index++) graphemes.push({segment: text.charAt(index), index});
	return graphemes;
}
