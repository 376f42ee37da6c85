import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {bodyRows} from '../reader/geometry.js';
import {helpLineCount, keyFor} from '../reader/key-bindings.js';
import type {ReaderState} from '../reader/state.js';
import {copy} from './copy.js';

/** Cells in the progress bar. */
const PROGRESS_CELLS = 10;

/** The pieces of the status bar, before colour. */
export interface StatusParts {
	readonly left: string;
	readonly position: string;
	readonly progress: string;
	readonly scroll: string;
	readonly hint: string;
}

/** How far through the essay the reader is, from 0 to 1: sections passed plus the part of this one seen. */
export function readingProgress(state: ReaderState): number {
	const lines = state.document.lineCount(state.section, state.screen.columns);
	const seen = lines === 0 ? 1 : Math.min(1, (state.scroll + bodyRows(state.screen.rows)) / lines);
	return (state.section + seen) / Math.max(1, state.document.sectionCount);
}

/** `▰▰▰▱▱▱▱▱▱▱` for a fraction. */
export function progressBar(fraction: number, cells = PROGRESS_CELLS): string {
	const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
	return '▰'.repeat(filled) + '▱'.repeat(cells - filled);
}

/** `45% ↓` while text continues below the screen, `100%` at its bottom, empty when it all fits. */
export function scrollIndicator(lines: number, scroll: number, visible: number): string {
	if (lines <= visible) return '';
	const percent = Math.round((Math.min(lines, scroll + visible) / lines) * 100);
	return scroll + visible < lines ? `${percent}% ${copy.more}` : `${percent}%`;
}

function scrollOf(state: ReaderState): string {
	const visible = bodyRows(state.screen.rows);
	if (state.overlay === 'help') return scrollIndicator(helpLineCount(), state.helpScroll, visible);
	if (state.overlay === 'toc') return '';
	return scrollIndicator(state.document.lineCount(state.section, state.screen.columns), state.scroll, visible);
}

/** The status bar's text for a state and the title of the section shown. */
export function statusParts(state: ReaderState, sectionTitle: string): StatusParts {
	const helpKey = keyFor('reader', 'openHelp') ?? '?';
	const closeKey = keyFor(state.overlay === 'toc' ? 'toc' : 'help', 'closeOverlay') ?? 'Esc';
	const left =
		state.notice ??
		(state.overlay === 'help' ? copy.helpTitle : state.overlay === 'toc' ? copy.tocTitle : sectionTitle);
	return {
		left,
		position: `${state.section + 1}/${state.document.sectionCount}`,
		progress: progressBar(readingProgress(state)),
		scroll: scrollOf(state),
		hint: state.overlay === 'none' ? `${helpKey} ${copy.helpHint}` : `${closeKey} ${copy.closeHint}`,
	};
}

/**
 * Lays the parts out in exactly `columns` cells: the title on the left (truncated with `…`), the rest
 * on the right. Drops the progress bar, then the position, when the terminal is too narrow.
 */
export function statusLine(parts: StatusParts, columns: number): {readonly left: string; readonly right: string} {
	const candidates = [
		[parts.position, parts.progress, parts.scroll, parts.hint],
		[parts.position, parts.scroll, parts.hint],
		[parts.scroll, parts.hint],
		[parts.hint],
	];
	for (const candidate of candidates) {
		const right = ' ' + candidate.filter((part) => part !== '').join('  ') + ' ';
		const room = columns - stringWidth(right) - 1;
		if (room >= 12 || candidate.length === 1) {
			const left = ' ' + cliTruncate(parts.left, Math.max(1, room), {position: 'end'});
			const padding = ' '.repeat(Math.max(0, columns - stringWidth(left) - stringWidth(right)));
			return {left: left + padding, right: cliTruncate(right, Math.max(0, columns - stringWidth(left)))};
		}
	}

	return {left: '', right: ''};
}
