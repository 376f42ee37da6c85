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
}

const cache = new Map<string, Styles>();

/** Styles with colour, attributes and hyperlinks on or off, independent of what chalk detects for this process. */
export function stylesFor(isColor: boolean, hasAttributes = isColor, hasLinks = false): Styles {
	const key = `${isColor}:${hasAttributes}:${hasLinks}`;
	let styles = cache.get(key);
	if (!styles) {
		styles = {chalk: new Chalk({level: isColor || hasAttributes ? 2 : 0}), isColor, hasLinks};
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
