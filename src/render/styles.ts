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
}

const cache = new Map<string, Styles>();

/** Styles with colour on or off, and attributes on or off, independent of what chalk detects for this process. */
export function stylesFor(isColor: boolean, hasAttributes = isColor): Styles {
	const key = `${isColor}:${hasAttributes}`;
	let styles = cache.get(key);
	if (!styles) {
		styles = {chalk: new Chalk({level: isColor || hasAttributes ? 2 : 0}), isColor};
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
