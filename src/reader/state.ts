import type {ScreenSize} from './geometry.js';

/** What the reducer needs to know about the document: how many sections, and how tall each is at a width. */
export interface DocumentShape {
	readonly sectionCount: number;
	/** Lines section `index` takes in a terminal `columns` wide (pure and cached by the caller). */
	readonly lineCount: (index: number, columns: number) => number;
}

/** Which screen is over the text, if any. */
export type Overlay = 'none' | 'help' | 'toc';

/** Everything about where the reader is; owned by the reducer alone. */
export interface ReaderState {
	readonly document: DocumentShape;
	readonly screen: ScreenSize;
	/** Index of the section shown (0 is the cover). */
	readonly section: number;
	/** First visible line of the section. */
	readonly scroll: number;
	readonly overlay: Overlay;
	/** Highlighted entry in the table of contents. */
	readonly tocCursor: number;
	/** First visible line of the help screen. */
	readonly helpScroll: number;
	/** A one-line message for the status bar, cleared by the next key. */
	readonly notice: string | undefined;
	/** Set when the reader asked to leave: the process exit code. */
	readonly exitCode: number | undefined;
}

/** The state a reader starts in: section `section` (clamped), scrolled to the top. */
export function initialState(document: DocumentShape, screen: ScreenSize, section = 0, notice?: string): ReaderState {
	const clamped = Math.min(Math.max(0, section), Math.max(0, document.sectionCount - 1));
	return {
		document,
		screen,
		section: clamped,
		scroll: 0,
		overlay: 'none',
		tocCursor: clamped,
		helpScroll: 0,
		notice,
		exitCode: undefined,
	};
}
