import type {Action} from './actions.js';
import {bodyRows, isTooSmall, pageRows} from './geometry.js';
import {helpLineCount, resolveKey, type KeyContext} from './key-bindings.js';
import type {ReaderState} from './state.js';

/** Which key table is live for a state: the overlay's, the reader's, or only quitting when too small. */
export function keyContext(state: ReaderState): KeyContext {
	if (isTooSmall(state.screen)) return 'tooSmall';
	return state.overlay === 'none' ? 'reader' : state.overlay;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}

/** The furthest a section can scroll: its last line at the bottom of the screen. */
export function maxScroll(state: ReaderState, section = state.section): number {
	return Math.max(0, state.document.lineCount(section, state.screen.columns) - bodyRows(state.screen.rows));
}

function maxHelpScroll(state: ReaderState): number {
	return Math.max(0, helpLineCount() - bodyRows(state.screen.rows));
}

function goTo(state: ReaderState, index: number): ReaderState {
	const count = state.document.sectionCount;
	if (index < 0 || index >= count) {
		return {...state, notice: `There is no section ${index + 1}: the essay has ${count}.`};
	}

	return {...state, section: index, scroll: 0, overlay: 'none', tocCursor: index};
}

function next(state: ReaderState): ReaderState {
	if (state.section >= state.document.sectionCount - 1) return {...state, notice: 'This is the end of the essay.'};
	return goTo(state, state.section + 1);
}

function scrollTo(state: ReaderState, scroll: number): ReaderState {
	return {...state, scroll: clamp(scroll, 0, maxScroll(state))};
}

/** Keeps the reader on the same part of the text when the width changes how many lines it takes. */
function resize(state: ReaderState, screen: ReaderState['screen']): ReaderState {
	const before = state.document.lineCount(state.section, state.screen.columns);
	const after = state.document.lineCount(state.section, screen.columns);
	const scroll = before > 0 ? Math.round((state.scroll / before) * after) : 0;
	const resized = {...state, screen};
	return {...resized, scroll: clamp(scroll, 0, maxScroll(resized)), helpScroll: clamp(state.helpScroll, 0, maxHelpScroll(resized))};
}

/**
 * The reader's one reducer: `(state, action) => state`, pure. Every bound is enforced here: the section
 * stays within the essay and the scroll within the section, whatever actions arrive.
 */
export function reducer(previous: ReaderState, action: Action): ReaderState {
	const state = previous.notice === undefined ? previous : {...previous, notice: undefined};
	switch (action.type) {
		case 'key': {
			// Keys are resolved here, against the latest state, so keys typed faster than frames are
			// drawn still go to the screen they were meant for.
			const resolved = resolveKey(keyContext(previous), action.key);
			return resolved ? reducer(previous, resolved) : previous;
		}

		case 'resize':
			return resize(state, action.screen);
		case 'scroll':
			return scrollTo(state, state.scroll + action.lines);
		case 'page':
			return scrollTo(state, state.scroll + action.direction * pageRows(state.screen.rows));
		case 'top':
			return scrollTo(state, 0);
		case 'bottom':
			return scrollTo(state, maxScroll(state));
		case 'advance':
			return state.scroll < maxScroll(state) ? scrollTo(state, state.scroll + pageRows(state.screen.rows)) : next(state);
		case 'nextSection':
			return next(state);
		case 'previousSection':
			return state.section === 0 ? {...state, notice: 'This is the cover: the essay starts here.'} : goTo(state, state.section - 1);
		case 'goToSection':
			return goTo(state, action.index);
		case 'openHelp':
			return {...state, overlay: 'help', helpScroll: 0};
		case 'openToc':
			return {...state, overlay: 'toc', tocCursor: state.section};
		case 'closeOverlay':
			return {...state, overlay: 'none'};
		case 'tocMove': {
			const last = state.document.sectionCount - 1;
			const target = Number.isFinite(action.by) ? state.tocCursor + action.by : action.by > 0 ? last : 0;
			return {...state, tocCursor: clamp(target, 0, last)};
		}
		case 'tocSelect':
			return goTo(state, state.tocCursor);
		case 'helpScroll':
			return {...state, helpScroll: clamp(state.helpScroll + action.lines, 0, maxHelpScroll(state))};
		case 'quit':
			return {...state, exitCode: action.code};
	}
}
