import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import type {Essay} from '../essay/types.js';
import {bodyRows} from '../reader/geometry.js';
import {helpLineCount, hintsFor} from '../reader/key-bindings.js';
import {currentPage, currentStop, keyContext} from '../reader/reducer.js';
import type {ReaderState} from '../reader/state.js';
import {truncateEnd} from '../render/text-width.js';
import {cleanLine} from '../safe-text.js';
import {copy} from './copy.js';

/** Cells in the progress bar. */
const PROGRESS_CELLS = 10;

/** The pieces of the status bar, before colour. */
export interface StatusParts {
	readonly left: string;
	/** The left side is a message the reader must be able to read whole (it gets room first). */
	readonly isNotice: boolean;
	readonly position: string;
	readonly progress: string;
	readonly scroll: string;
	readonly hint: string;
	/** The one hint kept on a narrow screen: how to get help. */
	readonly shortHint: string;
}

/** How far along the reading path the reader is, from 0 to 1: stops passed plus the part of this one seen. */
export function readingProgress(state: ReaderState): number {
	const lines = state.document.lineCount(currentPage(state), state.screen.columns);
	const seen = lines === 0 ? 1 : Math.min(1, (state.scroll + bodyRows(state.screen.rows)) / lines);
	return (state.stop + seen) / Math.max(1, state.document.stops.length);
}

/** `▰▰▰▱▱▱▱▱▱▱` for a fraction. */
export function progressBar(fraction: number, cells = PROGRESS_CELLS): string {
	const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
	return '▰'.repeat(filled) + '▱'.repeat(cells - filled);
}

/**
 * Where the screen is within the page, as a pager says it: `top ↓` at its start, `45% ↓` part-way
 * (the share scrolled through), `end` at its bottom, and nothing when the page fits on the screen.
 */
export function scrollIndicator(lines: number, scroll: number, visible: number): string {
	const furthest = lines - visible;
	if (furthest <= 0) return '';
	if (scroll <= 0) return `${copy.top} ${copy.more}`;
	if (scroll >= furthest) return copy.end;
	return `${Math.min(99, Math.max(1, Math.round((scroll / furthest) * 100)))}% ${copy.more}`;
}

function scrollOf(state: ReaderState): string {
	const visible = bodyRows(state.screen.rows);
	if (state.overlay === 'help') return scrollIndicator(helpLineCount(), state.helpScroll, visible);
	if (state.overlay === 'toc') return '';
	return scrollIndicator(state.document.lineCount(currentPage(state), state.screen.columns), state.scroll, visible);
}

/** The title of what is shown: a section's, a quiz's, or the summary's. */
export function pageTitle(state: ReaderState, essay: Essay): string {
	const stop = currentStop(state);
	if (stop.kind === 'section') return essay.sections[stop.section]?.title ?? essay.title;
	if (stop.kind === 'quiz') return essay.quizzes[stop.quiz]?.title ?? copy.summaryTitle;
	return copy.summaryTitle;
}

function position(state: ReaderState): string {
	const stop = currentStop(state);
	if (stop.kind === 'section') return copy.sectionPosition(stop.section + 1, state.document.sectionCount);
	if (stop.kind === 'quiz') {
		const count = state.document.questionCounts[stop.quiz] ?? 0;
		return state.question >= count ? copy.quizDone : copy.questionPosition(state.question + 1, count);
	}

	return '';
}

/** The status bar's text for a state. */
export function statusParts(state: ReaderState, essay: Essay): StatusParts {
	let left = state.notice ?? pageTitle(state, essay);
	if (state.overlay === 'help') left = copy.helpTitle;
	if (state.overlay === 'toc') left = copy.tocTitle;
	if (state.prompt !== undefined) left = `/${state.prompt}${copy.caret}`;
	const hint = hintsFor(keyContext(state));
	return {
		// Titles and notices hold text from the essay, its front matter and the search prompt.
		left: cleanLine(left),
		isNotice: state.notice !== undefined || state.prompt !== undefined,
		position: position(state),
		progress: `${copy.essayProgress} ${progressBar(readingProgress(state))}`,
		scroll: scrollOf(state),
		hint,
		shortHint: hint.split('  ').at(-1) ?? '',
	};
}

/** `text` in at most `columns` cells, ending in `…` when cut. */
function cut(text: string, columns: number): string {
	return truncateEnd(text, columns) ?? cliTruncate(text, columns, {position: 'end'});
}

/**
 * Lays the parts out in exactly `columns` cells: the title on the left (truncated with `…`), the rest
 * on the right. Drops the progress bar, then the position, then the scroll, when the terminal is too
 * narrow; the hints are truncated last.
 */
export function statusLine(parts: StatusParts, columns: number): {readonly left: string; readonly right: string} {
	const {position, progress, scroll, hint} = parts;
	// A notice (or the search prompt) is read whole before the hints, but keeps the one that says
	// how to get help while there is room; a title can be shortened.
	const candidates = parts.isNotice
		? [[position, scroll, progress, hint], [position, scroll, hint], [position, scroll, parts.shortHint], [scroll, parts.shortHint], [parts.shortHint], []]
		: [[position, scroll, progress, hint], [position, scroll, hint], [scroll, hint], [position, scroll, parts.shortHint], [parts.shortHint]];
	const needed = parts.isNotice ? stringWidth(parts.left) : 16;
	const layout = (candidate: readonly string[]) => {
		const shown = candidate.filter((part) => part !== '');
		const right = shown.length === 0 ? ' ' : ' ' + shown.join('  ') + ' ';
		return {right, room: columns - stringWidth(right) - 1};
	};

	const chosen = candidates.map((candidate) => layout(candidate)).find(({room}) => room >= needed) ?? layout(candidates.at(-1) ?? []);
	const left = ' ' + cut(parts.left, Math.max(1, chosen.room));
	const padding = ' '.repeat(Math.max(0, columns - stringWidth(left) - stringWidth(chosen.right)));
	return {left: left + padding, right: cut(chosen.right, Math.max(0, columns - stringWidth(left)))};
}
