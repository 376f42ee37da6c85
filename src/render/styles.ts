import {Chalk, type ChalkInstance} from 'chalk';
import {theme} from '../theme.js';

/** Styling functions for rendered text; all identity functions when colour is off. */
export interface Styles {
	readonly chalk: ChalkInstance;
	readonly isColor: boolean;
}

const cache = new Map<boolean, Styles>();

/** Styles with colour on or off, independent of what chalk detects for this process. */
export function stylesFor(isColor: boolean): Styles {
	let styles = cache.get(isColor);
	if (!styles) {
		styles = {chalk: new Chalk({level: isColor ? 2 : 0}), isColor};
		cache.set(isColor, styles);
	}

	return styles;
}

/** The chalk style of a theme colour name (for example `theme.accent`). */
export function paint(styles: Styles, color: string): ChalkInstance {
	const style = (styles.chalk as unknown as Record<string, ChalkInstance | undefined>)[color];
	return style ?? styles.chalk;
}

export {theme};
