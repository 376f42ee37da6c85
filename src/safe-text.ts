// Text from outside the program (files, YAML, argv, the environment) reaches the terminal only
// through these functions, after every decoding step (HTML entities, YAML escapes), so that the only
// escape sequences the program writes are its own.

/**
 * Characters a terminal acts on rather than shows: C0 controls but tab and newline (ESC among them),
 * DEL, the C1 controls (U+009B is a CSI in xterm.js and others), and the bidirectional embeddings,
 * overrides and isolates that would reorder the reader's own interface around the text.
 */
const UNSAFE_CLASS = '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]';
const UNSAFE = new RegExp(UNSAFE_CLASS, 'gu');
const HAS_UNSAFE = new RegExp(UNSAFE_CLASS, 'u');

/** Plain text made safe to write to a terminal: every control character removed. */
export function cleanText(text: string): string {
	return text.replace(UNSAFE, '');
}

/** The same for one line of a message (stderr, the status bar): tabs and newlines become spaces too. */
export function cleanLine(text: string): string {
	return cleanText(text).replace(/[\t\n]+/g, ' ');
}

/** The program's own styling: SGR sequences (colours, bold, underline, reverse video). */
const SGR = /\u001B\[[0-9;]*m/y;
/** An OSC 8 hyperlink's opening or closing sequence, with the address it names. */
const OSC8 = /\u001B\]8;;([\x21-\x7E]*)\u001B\\/y;

/**
 * A rendered line made safe to write: its SGR styling kept, hyperlinks kept only to `links` (the
 * addresses the program itself links, never one taken from the text), and every other control
 * character removed, so an escape sequence in the text shows as harmless characters.
 */
export function cleanRendered(line: string, links: ReadonlySet<string> = NO_LINKS): string {
	if (!HAS_UNSAFE.test(line)) return line;
	let out = '';
	let index = 0;
	while (index < line.length) {
		const escape = line.indexOf('\u001B', index);
		const end = escape === -1 ? line.length : escape;
		out += cleanText(line.slice(index, end));
		if (escape === -1) break;
		SGR.lastIndex = escape;
		OSC8.lastIndex = escape;
		const style = SGR.exec(line);
		const link = style ? null : OSC8.exec(line);
		if (style) {
			out += style[0];
			index = escape + style[0].length;
		} else if (link && (link[1] === '' || links.has(link[1] ?? ''))) {
			out += link[0];
			index = escape + link[0].length;
		} else {
			index = escape + 1;
		}
	}

	return out;
}

const NO_LINKS: ReadonlySet<string> = new Set();
