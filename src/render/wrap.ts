import {ansiCodesToString, reduceAnsiCodes, tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

// What repeats on every wrapped line (indentation, block-quote bars) and what hangs (a list bullet,
// whose continuation lines are indented by its width instead). \u2502 is the quote bar │ (| in
// ASCII) and \u2022 the bullet •, escaped so that the bundle stays ASCII (src/launch.ts reads it as such).
const PREFIX = /^((?:[ ]|\u2502 ?|\| )*)((?:[*\u2022+-]|\d+[.)])[ ]+(?:\[[ xX]\][ ]+)?)?/;

// An escape sequence at `index` (CSI like colours, or OSC ended by BEL or ST).
const ESCAPE_AT = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?)/y;

/**
 * Splits a styled line after its first `columns` visible characters, keeping escape codes in place.
 * Only for the indentation and bullet at the start of a line, where every character is one column
 * wide; slice-ansi does this for any text but segments the whole line each time, which is slow on
 * long paragraphs.
 */
function splitPrefix(text: string, columns: number): [string, string] {
	let index = 0;
	let seen = 0;
	while (index < text.length && seen < columns) {
		ESCAPE_AT.lastIndex = index;
		const escape = ESCAPE_AT.exec(text);
		if (escape) {
			index += escape[0].length;
			continue;
		}

		const codePoint = text.codePointAt(index) ?? 0;
		index += codePoint > 0xffff ? 2 : 1;
		seen += 1;
	}

	return [text.slice(0, index), text.slice(index)];
}

/** The style codes still in effect at the end of `text`, reduced to the fewest that set them. */
function stylesOpenAfter(text: string): string {
	const codes = tokenize(text).filter((token) => token.type === 'ansi');
	return ansiCodesToString(reduceAnsiCodes(codes));
}

/** How much of a narrow screen indentation may take before it is trimmed from the left. */
function maxPrefix(width: number): number {
	return Math.floor(width / 2);
}

/**
 * Wraps one rendered line (ANSI styled) to `width` display columns, measuring with string-width so
 * CJK and emoji fit. Continuation lines repeat the line's indentation and quote bars and hang under a
 * list bullet. Words longer than the width are broken. No returned line is wider than `width`.
 */
export function wrapLine(line: string, width: number): string[] {
	let text = line.replace(/\t/g, '    ');
	if (stringWidth(text) <= width) return [text];

	let plain = stripAnsi(text);
	let match = PREFIX.exec(plain);
	let repeatWidth = stringWidth(match?.[1] ?? '');
	let hangWidth = stringWidth(match?.[2] ?? '');
	if (repeatWidth + hangWidth > maxPrefix(width)) {
		// Deeply nested content: drop outer indentation so the words still get most of the width,
		// keeping the styles it had opened (the italics of an outer quote, say).
		const [dropped, kept] = splitPrefix(text, Math.min(repeatWidth, repeatWidth + hangWidth - maxPrefix(width)));
		text = stylesOpenAfter(dropped) + kept;
		plain = stripAnsi(text);
		match = PREFIX.exec(plain);
		repeatWidth = stringWidth(match?.[1] ?? '');
		hangWidth = stringWidth(match?.[2] ?? '');
		if (repeatWidth + hangWidth > maxPrefix(width)) {
			repeatWidth = 0;
			hangWidth = 0;
		}
	}

	const prefixWidth = repeatWidth + hangWidth;
	const [first, content] = splitPrefix(text, prefixWidth);
	const continuation = splitPrefix(text, repeatWidth)[0] + ' '.repeat(hangWidth);
	const wrapped = wrapAnsi(content, width - prefixWidth, {hard: true, trim: true}).split('\n');
	return wrapped.map((part, index) => (index === 0 ? first : continuation) + part);
}

/**
 * Starts a line of code in rendered text (after any quote bars): such a line is code, kept exactly,
 * not prose to rewrap. A private-use character, which wrapText always removes.
 */
export const CODE_LINE = '\uE000';

/** What becomes of a line of code longer than the width. */
export type CodeLines =
	/** Kept whole, wider than the width (print: a pager or the terminal wraps it, `cat` does not change it). */
	| 'whole'
	/** Broken at the width, each continuation marked so that it cannot pass for a line of its own (the reader). */
	| 'marked';

/** Marks where a long line of code goes on. */
const CONTINUATION = '\u21AA ';

function codeLines(prefix: string, code: string, width: number, mode: CodeLines, mark: (text: string) => string): string[] {
	const line = prefix + code.replace(/\s+$/, '');
	if (mode === 'whole' || stringWidth(line) <= width) return [line];
	const indent = /^ */.exec(stripAnsi(code))?.[0].length ?? 0;
	const room = Math.max(1, width - stringWidth(prefix) - indent - stringWidth(CONTINUATION));
	const [head = '', ...rest] = wrapAnsi(code, width - stringWidth(prefix), {hard: true, trim: false, wordWrap: false}).split('\n');
	const tail = wrapAnsi(rest.join(''), room, {hard: true, trim: false, wordWrap: false}).split('\n');
	return [prefix + head, ...tail.filter((part) => part !== '').map((part) => prefix + ' '.repeat(indent) + mark(CONTINUATION) + part)];
}

/**
 * Wraps a block of rendered text into lines no wider than `width`, with blank-looking lines made
 * empty, runs of blank lines collapsed to one, and no blank lines at either end. Lines of code
 * (CODE_LINE) are kept as they are, blank ones too, and long ones as `code` says.
 */
export function wrapText(text: string, width: number, code: CodeLines = 'marked', mark: (text: string) => string = (text) => text): string[] {
	const lines: string[] = [];
	for (const raw of text.split('\n')) {
		const codeAt = raw.indexOf(CODE_LINE);
		if (codeAt !== -1) {
			for (const line of codeLines(raw.slice(0, codeAt), raw.slice(codeAt + CODE_LINE.length), width, code, mark)) lines.push(line);
			continue;
		}

		const isBlank = stripAnsi(raw).trim() === '';
		if (isBlank) {
			if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
			continue;
		}

		for (const line of wrapLine(raw.replace(/\s+$/, ''), width)) lines.push(line);
	}

	while (lines.at(-1) === '') lines.pop();
	return lines;
}
