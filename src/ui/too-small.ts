import {MIN_COLUMNS, MIN_ROWS, type ScreenSize} from '../reader/geometry.js';
import {paint, theme, type Styles} from '../render/styles.js';
import {wrapText} from '../render/wrap.js';
import {copy} from './copy.js';

/**
 * The notice shown instead of the essay while the terminal is too small, wrapped to it and cut to
 * its height. It says the size needed first, so that part shows however small the terminal is.
 */
export function tooSmallLines(size: ScreenSize, styles: Styles): string[] {
	const text = copy.tooSmall(size.columns, size.rows, MIN_COLUMNS, MIN_ROWS);
	return wrapText(text, Math.max(1, size.columns))
		.slice(0, Math.max(1, size.rows))
		.map((line) => paint(styles, theme.warning)(line));
}
