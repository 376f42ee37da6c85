/** Rows the status bar takes at the bottom of the screen. */
export const STATUS_ROWS = 1;
/** Below this size the reader shows a notice instead of the essay. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** Terminal size in character cells. */
export interface ScreenSize {
	readonly columns: number;
	readonly rows: number;
}

/** Rows available for text above the status bar. */
export function bodyRows(rows: number): number {
	return Math.max(1, rows - STATUS_ROWS);
}

/** Whether the terminal is too small to read in. */
export function isTooSmall(size: ScreenSize): boolean {
	return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/** How far a page key moves: a screen, less two lines kept for context. */
export function pageRows(rows: number): number {
	return Math.max(1, bodyRows(rows) - 2);
}

/** How far a half-page key moves (d, u, Ctrl+D, Ctrl+U), as in less. */
export function halfPageRows(rows: number): number {
	return Math.max(1, Math.floor(bodyRows(rows) / 2));
}
