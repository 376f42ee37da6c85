import {Chalk, type ChalkInstance} from 'chalk';
import {theme} from '../theme.js';

/**
 * Styling functions for rendered text. Without colour, text keeps its attributes (bold, underline,
 * reverse video) where the terminal shows them (the reader, as NO_COLOR asks), and has no escape
 * codes at all where it is plain text (a pipe, --print).
 */
export interface Styles {
	readonly chalk: ChalkInstance;
	readonly isColor: boolean;
	/** Whether the terminal takes OSC 8 hyperlinks; addresses are shown as text either way. */
	readonly hasLinks: boolean;
	/** The lines that draw callouts, tables, rules and quote bars: box drawing, or ASCII. */
	readonly box: Box;
}

/** Characters that draw frames and rules. */
export interface Box {
	readonly horizontal: string;
	readonly vertical: string;
	/** Rounded corners of a callout: top left, top right, bottom left, bottom right. */
	readonly round: readonly [string, string, string, string];
	/** Corners and joints of a table, by row (top, middle, bottom) and column (left, middle, right). */
	readonly grid: readonly [readonly [string, string, string], readonly [string, string, string], readonly [string, string, string]];
	/** The bar before each line of a block quote. */
	readonly quote: string;
	/** A task list's boxes. */
	readonly checked: string;
	readonly unchecked: string;
}

/** Box drawing: what the build renders the bundled cover with. */
export const UNICODE_BOX: Box = {
	horizontal: '─',
	vertical: '│',
	round: ['╭', '╮', '╰', '╯'],
	grid: [
		['┌', '┬', '┐'],
		['├', '┼', '┤'],
		['└', '┴', '┘'],
	],
	quote: '│ ',
	checked: '☑',
	unchecked: '☐',
};

const ASCII_BOX: Box = {
	horizontal: '-',
	vertical: '|',
	round: ['+', '+', '+', '+'],
	grid: [
		['+', '+', '+'],
		['+', '+', '+'],
		['+', '+', '+'],
	],
	quote: '| ',
	checked: '[x]',
	unchecked: '[ ]',
};

/**
 * Whether the terminal's locale can show box drawing: its character set (LC_ALL, else LC_CTYPE,
 * else LANG) is UTF-8. With none set, most terminals today are: assume so.
 */
export function isUnicodeLocale(env: NodeJS.ProcessEnv): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
	return !locale || /utf-?8/i.test(locale);
}

let isUnicode = true;

/** Draws frames in ASCII from now on, or in box drawing again (the command line decides once). */
export function drawBoxesInUnicode(unicode: boolean): void {
	isUnicode = unicode;
	cache.clear();
}

/** Whether frames are drawn in box drawing (else ASCII), as the command line decided. */
export function isDrawingBoxesInUnicode(): boolean {
	return isUnicode;
}

const cache = new Map<string, Styles>();

/** Styles with colour, attributes and hyperlinks on or off, independent of what chalk detects for this process. */
export function stylesFor(isColor: boolean, hasAttributes = isColor, hasLinks = false): Styles {
	const key = `${isColor}:${hasAttributes}:${hasLinks}`;
	let styles = cache.get(key);
	if (!styles) {
		styles = {chalk: new Chalk({level: isColor || hasAttributes ? 2 : 0}), isColor, hasLinks, box: isUnicode ? UNICODE_BOX : ASCII_BOX};
		cache.set(key, styles);
	}

	return styles;
}

/** The chalk style of a theme colour name (for example `theme.accent`); without colour, attributes only. */
export function paint(styles: Styles, color: string): ChalkInstance {
	if (!styles.isColor) return styles.chalk;
	const style = (styles.chalk as unknown as Record<string, ChalkInstance | undefined>)[color];
	return style ?? styles.chalk;
}

export {theme};

/** An address as the terminal shows it: the text itself, a hyperlink too where the terminal takes them. */
export function linkText(styles: Styles, url: string, text: string): string {
	// Only addresses made of printable ASCII go into the escape sequence; anything else stays text.
	if (!styles.hasLinks || !/^https?:\/\/[\x21-\x7E]+$/.test(url)) return text;
	return `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;
}
