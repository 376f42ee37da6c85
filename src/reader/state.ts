import type {Answers} from '../essay/score.js';
import {bodyRows, type ScreenSize} from './geometry.js';
import type {Page} from './page.js';
import type {Stop} from './path.js';

/** Where a search match is: a line of a section's rendered text at the current width. */
export interface MatchPlace {
	readonly section: number;
	readonly line: number;
	/** Where the match starts in the section's searchable text: the same at every width. */
	readonly offset: number;
}

/** What the reducer needs to know about the document, independent of Ink and of how text is drawn. */
export interface DocumentShape {
	/** The reading path: sections, quizzes and the summary, in order. */
	readonly stops: readonly Stop[];
	readonly sectionCount: number;
	/** How many questions each quiz has. */
	readonly questionCounts: readonly number[];
	/** How many choices each question of each quiz has. */
	readonly choiceCounts: ReadonlyArray<readonly number[]>;
	/** Lines a text page takes in a terminal `columns` wide (0 for a question, which does not scroll). */
	readonly lineCount: (page: Page, columns: number) => number;
	/** Whether a page is still being drawn (a long section, in the background): its lines only say so. */
	readonly isDrawing: (page: Page, columns: number) => boolean;
	/** The line of a page to keep in view when it opens (a verdict after an answer); 0 for its top. */
	readonly focusLine: (page: Page, columns: number) => number;
	/** Every place `query` appears in the sections indexed so far at `columns`, in reading order. */
	readonly search: (query: string, columns: number) => SearchFound;
	/** Where a section page's collapsible callouts (`???`) have their title bars, with their numbers. */
	readonly callouts: (page: Extract<Page, {kind: 'section'}>, columns: number) => ReadonlyArray<{readonly index: number; readonly line: number}>;
}

/** Which screen is over the text, if any. */
export type Overlay = 'none' | 'help' | 'toc';

/** What a search found so far; until the index is complete, later sections may hold more. */
export interface SearchFound {
	readonly matches: readonly MatchPlace[];
	readonly isComplete: boolean;
	readonly indexed: number;
	readonly total: number;
}

/** An active search: what was searched and the match last shown (none when nothing matched). */
export interface SearchState {
	readonly query: string;
	readonly match: MatchPlace | undefined;
	/** Set while the answer waits for the index: the search runs again each time the index grows. */
	readonly isPending?: boolean;
	/** For n/N waiting for the index: the match they go on from, and which way; the answer is past it. */
	readonly waitsFrom?: {readonly match: MatchPlace; readonly direction: 1 | -1};
}

/** Everything about where the reader is; owned by the reducer alone. */
export interface ReaderState {
	readonly document: DocumentShape;
	readonly screen: ScreenSize;
	/** Index into `document.stops`. */
	readonly stop: number;
	/** First visible line of the page. */
	readonly scroll: number;
	/** Where in its page the reader resumes, as a fraction, while that page is still being drawn. */
	readonly resumeFraction: number | undefined;
	/** On a quiz stop: the question shown, or the question count for the quiz's recap. */
	readonly question: number;
	readonly answers: Answers;
	readonly overlay: Overlay;
	/** Highlighted entry (a stop) in the table of contents. */
	readonly tocCursor: number;
	/** First visible line of the help screen. */
	readonly helpScroll: number;
	/** The search prompt's text while it is open. */
	readonly prompt: string | undefined;
	readonly search: SearchState | undefined;
	/** The last query searched for, kept after the search is cleared: `/` then Enter repeats it. */
	readonly lastQuery: string | undefined;
	/** A one-line message for the status bar, cleared by the next key or after a few seconds. */
	readonly notice: string | undefined;
	/** By section, the collapsible callouts the reader opened or closed (`o`), by number. */
	readonly folds: Readonly<Record<number, readonly number[]>>;
	/** Set when the reader asked to leave: the process exit code. */
	readonly exitCode: number | undefined;
	/** How many times the reader has asked to suspend (Ctrl+Z); each new one hands the terminal to the shell. */
	readonly suspensions: number;
	/** The last request to write the summary as Markdown, numbered; `overwrite` once the reader agreed to replace the file. */
	readonly exportRequest: {readonly id: number; readonly overwrite: boolean; readonly answers: Answers} | undefined;
	/** Set right after the reader was told the summary's file exists: the next export replaces it. */
	readonly isExportConfirming: boolean;
}

/** Where to open: a stop, how far down it, which question. */
export interface StartPlace {
	readonly stop: number;
	/** Fraction of the page scrolled past, 0 to 1, so a different width opens at the same text. */
	readonly scrollFraction?: number;
	readonly question?: number;
}

/** The first line to show to open a page `fraction` of the way down it. */
export function scrollAt(document: DocumentShape, page: Page, screen: ScreenSize, fraction: number): number {
	const lines = document.lineCount(page, screen.columns);
	const max = Math.max(0, lines - bodyRows(screen.rows));
	return Math.min(max, Math.max(0, Math.round(fraction * lines)));
}

/** The state a reader starts in, with the place and answers clamped to the document. */
export function initialState(
	document: DocumentShape,
	screen: ScreenSize,
	options: {readonly place?: StartPlace; readonly answers?: Answers; readonly notice?: string} = {},
): ReaderState {
	const stop = Math.min(Math.max(0, options.place?.stop ?? 0), Math.max(0, document.stops.length - 1));
	const answers = document.questionCounts.map((count, quiz) =>
		Array.from({length: count}, (_, question) => {
			const answer = options.answers?.[quiz]?.[question];
			return typeof answer === 'number' && Number.isInteger(answer) && answer >= 0 ? answer : undefined;
		}),
	);
	const here = document.stops[stop];
	const questions = here?.kind === 'quiz' ? (document.questionCounts[here.quiz] ?? 0) : 0;
	const question = Math.min(Math.max(0, options.place?.question ?? 0), questions);
	let scroll = 0;
	let resumeFraction: number | undefined;
	if (options.place?.scrollFraction && here && here.kind !== 'quiz') {
		const page: Page = here.kind === 'section' ? {kind: 'section', section: here.section} : {kind: 'summary', answers};
		if (document.isDrawing(page, screen.columns)) resumeFraction = options.place.scrollFraction;
		else scroll = scrollAt(document, page, screen, options.place.scrollFraction);
	}

	return {
		document,
		screen,
		stop,
		scroll,
		resumeFraction,
		question,
		answers,
		overlay: 'none',
		tocCursor: stop,
		helpScroll: 0,
		prompt: undefined,
		search: undefined,
		lastQuery: undefined,
		notice: options.notice,
		folds: {},
		exitCode: undefined,
		suspensions: 0,
		exportRequest: undefined,
		isExportConfirming: false,
	};
}
