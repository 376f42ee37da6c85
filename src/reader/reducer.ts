import type {Answers} from '../essay/score.js';
import type {Action} from './actions.js';
import {bodyRows, halfPageRows, isTooSmall, pageRows, type ScreenSize} from './geometry.js';
import {helpLineCount, resolveKey, type KeyContext} from './key-bindings.js';
import type {Page} from './page.js';
import {stopOfSection, type Stop} from './path.js';
import {scrollAt, type MatchPlace, type ReaderState, type SearchFound, type SearchState} from './state.js';

const MAX_QUERY = 200;

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}

/** The stop being shown. */
export function currentStop(state: ReaderState): Stop {
	return state.document.stops[state.stop] ?? {kind: 'section', section: 0};
}

/** The page a state shows, as data: the UI draws it and the reducer measures it. */
export function currentPage(state: ReaderState): Page {
	const stop = currentStop(state);
	switch (stop.kind) {
		case 'section': {
			const toggled = state.folds[stop.section];
			return toggled && toggled.length > 0 ? {kind: 'section', section: stop.section, toggled} : {kind: 'section', section: stop.section};
		}

		case 'summary':
			return {kind: 'summary', answers: state.answers};
		case 'quiz': {
			const answers = state.answers[stop.quiz] ?? [];
			if (state.question >= answers.length) return {kind: 'recap', quiz: stop.quiz, answers};
			const choice = answers[state.question];
			return choice === undefined
				? {kind: 'question', quiz: stop.quiz, question: state.question}
				: {kind: 'feedback', quiz: stop.quiz, question: state.question, choice};
		}
	}
}

/** Which key table is live: an overlay's, the search prompt's, or the one for the page shown. */
export function keyContext(state: ReaderState): KeyContext {
	if (isTooSmall(state.screen)) return 'tooSmall';
	if (state.overlay !== 'none') return state.overlay;
	if (state.prompt !== undefined) return 'searchPrompt';
	const page = currentPage(state);
	switch (page.kind) {
		case 'section':
			return state.search ? 'searching' : 'reader';
		default:
			return page.kind;
	}
}

/** The furthest the page can scroll: its last line at the bottom of the screen. */
export function maxScroll(state: ReaderState): number {
	return Math.max(0, state.document.lineCount(currentPage(state), state.screen.columns) - bodyRows(state.screen.rows));
}

function maxHelpScroll(state: ReaderState): number {
	return Math.max(0, helpLineCount() - bodyRows(state.screen.rows));
}

function firstUnanswered(answers: Answers, quiz: number): number {
	const questions = answers[quiz] ?? [];
	const index = questions.findIndex((answer) => answer === undefined);
	return index === -1 ? questions.length : index;
}

function enterStop(state: ReaderState, index: number, options: {readonly atBottom?: boolean} = {}): ReaderState {
	const stop = state.document.stops[index];
	if (!stop) return state;
	const question = stop.kind === 'quiz' ? firstUnanswered(state.answers, stop.quiz) : 0;
	const entered: ReaderState = {...state, stop: index, question, scroll: 0, overlay: 'none', tocCursor: index};
	return options.atBottom ? {...entered, scroll: maxScroll(entered)} : entered;
}

function next(state: ReaderState): ReaderState {
	if (state.stop >= state.document.stops.length - 1) return {...state, notice: 'This is the end of the essay.'};
	return enterStop(state, state.stop + 1);
}

function previous(state: ReaderState): ReaderState {
	if (state.stop === 0) return {...state, notice: 'This is the cover: the essay starts here.'};
	// Back from a quiz lands where the reader left its section: at the bottom.
	return enterStop(state, state.stop - 1, {atBottom: currentStop(state).kind === 'quiz'});
}

function goToSection(state: ReaderState, index: number): ReaderState {
	const count = state.document.sectionCount;
	const stop = stopOfSection(state.document.stops, index);
	if (index < 0 || index >= count || stop < 0) return {...state, notice: `There is no section ${index + 1}: the essay has ${count}.`};
	return enterStop(state, stop);
}

function scrollTo(state: ReaderState, scroll: number): ReaderState {
	return {...state, scroll: clamp(scroll, 0, maxScroll(state))};
}

function setAnswers(state: ReaderState, quiz: number, answers: ReadonlyArray<number | undefined>): ReaderState {
	return {...state, answers: state.answers.map((existing, index) => (index === quiz ? answers : existing))};
}

function answer(state: ReaderState, choice: number, quiz?: number, question?: number): ReaderState {
	const page = currentPage(state);
	if (page.kind !== 'question') return state;
	// An answer meant for another question (a select input that was still listening as its question
	// went away) must not land on this one.
	if ((quiz !== undefined && quiz !== page.quiz) || (question !== undefined && question !== page.question)) return state;
	const choices = state.document.choiceCounts[page.quiz]?.[page.question] ?? 0;
	if (!Number.isInteger(choice) || choice < 0 || choice >= choices) return state;
	const questions = state.answers[page.quiz] ?? [];
	const updated = questions.map((existing, index) => (index === page.question ? choice : existing));
	return showFocus({...setAnswers(state, page.quiz, updated), scroll: 0});
}

/** Lines of the focus kept in view below it: a verdict and the start of its explanation. */
const FOCUS_ROWS = 3;

/** Scrolls a page that does not fit so that its focus (the verdict after an answer) is in view. */
function showFocus(state: ReaderState): ReaderState {
	const focus = state.document.focusLine(currentPage(state), state.screen.columns);
	return scrollTo(state, focus + FOCUS_ROWS - bodyRows(state.screen.rows));
}

function continueQuiz(state: ReaderState): ReaderState {
	const stop = currentStop(state);
	if (stop.kind !== 'quiz') return state;
	const count = state.document.questionCounts[stop.quiz] ?? 0;
	// After the last question the path goes on to the next section.
	if (state.question >= count - 1) return next(state);
	return {...state, question: state.question + 1, scroll: 0};
}

function retake(state: ReaderState): ReaderState {
	const stop = currentStop(state);
	if (stop.kind !== 'quiz') return state;
	const answers = state.answers[stop.quiz] ?? [];
	if (answers.some((entry) => entry === undefined)) return {...state, notice: 'Answer every question first; then r retakes the quiz.'};
	return {...setAnswers(state, stop.quiz, answers.map(() => undefined)), question: 0, scroll: 0};
}

/** Opens or closes the first collapsible callout whose title bar is on screen. */
function toggleCallout(state: ReaderState): ReaderState {
	const page = currentPage(state);
	if (page.kind !== 'section') return state;
	const rows = bodyRows(state.screen.rows);
	const shown = state.document.callouts(page, state.screen.columns).find((place) => place.line >= state.scroll && place.line < state.scroll + rows);
	if (!shown) return {...state, notice: 'No collapsible callout (???) on this screen.'};
	const toggled = page.toggled ?? [];
	const next = toggled.includes(shown.index) ? toggled.filter((index) => index !== shown.index) : [...toggled, shown.index];
	return scrollTo({...state, folds: {...state.folds, [page.section]: next}}, state.scroll);
}

function retreat(state: ReaderState): ReaderState {
	if (state.scroll > 0) return scrollTo(state, state.scroll - pageRows(state.screen.rows));
	if (state.stop === 0) return {...state, notice: 'This is the cover: the essay starts here.'};
	return enterStop(state, state.stop - 1, {atBottom: true});
}

function advance(state: ReaderState): ReaderState {
	if (state.scroll < maxScroll(state)) return scrollTo(state, state.scroll + pageRows(state.screen.rows));
	const page = currentPage(state);
	return page.kind === 'feedback' || page.kind === 'recap' ? continueQuiz(state) : next(state);
}

/** Orders matches in reading order. */
function compare(a: MatchPlace, b: MatchPlace): number {
	return a.section - b.section || a.offset - b.offset;
}

/** Whether a match is at or after the top of the screen (on a section), or after the stop shown. */
function isFromHere(state: ReaderState, match: MatchPlace): boolean {
	const stop = currentStop(state);
	if (stop.kind === 'section') return match.section > stop.section || (match.section === stop.section && match.line >= state.scroll);
	if (stop.kind === 'quiz') return match.section > stop.section;
	return false;
}

function noMatch(state: ReaderState, query: string): ReaderState {
	return {...state, search: {query, match: undefined}, lastQuery: query, notice: `No match for “${query}”.`};
}

function showMatch(state: ReaderState, query: string, matches: readonly MatchPlace[], match: MatchPlace, wrapped?: string): ReaderState {
	const entered = enterStop(state, stopOfSection(state.document.stops, match.section));
	const position = matches.findIndex((candidate) => compare(candidate, match) === 0) + 1;
	const notice = `“${query}”: match ${position} of ${matches.length}${wrapped ? ` · ${wrapped}` : ''}`;
	return {...scrollTo(entered, match.line - 2), search: {query, match}, lastQuery: query, notice};
}

/**
 * A search still waiting for the index: it runs again each time the index grows (`searchIndexed`),
 * from where the reader is, or (n/N) past the match it went on from.
 */
function pending(state: ReaderState, query: string, found: SearchFound, waitsFrom?: SearchState['waitsFrom']): ReaderState {
	const search: SearchState = waitsFrom ? {query, match: undefined, isPending: true, waitsFrom} : {query, match: undefined, isPending: true};
	return {...state, search, lastQuery: query, notice: `Searching for “${query}”… (${found.indexed} of ${found.total} sections so far)`};
}

function runSearch(state: ReaderState, query: string): ReaderState {
	const found = state.document.search(query, state.screen.columns);
	const {matches} = found;
	const after = matches.find((match) => isFromHere(state, match));
	if (after) return showMatch(state, query, matches, after);
	// Before wrapping to the top, the sections not yet indexed must have been searched.
	if (!found.isComplete) return pending(state, query, found);
	const first = matches[0];
	return first ? showMatch(state, query, matches, first, 'search wrapped to the top') : noMatch(state, query);
}

function submitSearch(state: ReaderState): ReaderState {
	// An empty pattern repeats the last search, as in less.
	const query = (state.prompt ?? '').trim() || state.lastQuery;
	const closed = {...state, prompt: undefined};
	if (query === undefined) return {...closed, search: undefined};
	return runSearch(closed, query);
}

/** The match past `from` going `direction`, wrapping round once the whole essay has been searched. */
function matchPast(state: ReaderState, query: string, from: MatchPlace, direction: 1 | -1): ReaderState {
	const found = state.document.search(query, state.screen.columns);
	const {matches} = found;
	const next = direction === 1 ? matches.find((match) => compare(match, from) > 0) : matches.findLast((match) => compare(match, from) < 0);
	if (next) return showMatch(state, query, matches, next);
	// Before wrapping round, the sections not yet indexed must have been searched.
	if (!found.isComplete) return pending(state, query, found, {match: from, direction});
	const wrapped = direction === 1 ? matches[0] : matches.at(-1);
	return wrapped ? showMatch(state, query, matches, wrapped, `search wrapped to the ${direction === 1 ? 'top' : 'bottom'}`) : noMatch(state, query);
}

function searchNext(state: ReaderState, direction: 1 | -1): ReaderState {
	if (!state.search) return state;
	const {query, match: from, waitsFrom} = state.search;
	if (state.search.isPending) return pending(state, query, state.document.search(query, state.screen.columns), waitsFrom);
	if (!from) return runSearch(state, query);
	return matchPast(state, query, from, direction);
}

/** The index has grown: a search waiting for it looks again. */
function searchAgain(state: ReaderState): ReaderState {
	const {search} = state;
	if (!search?.isPending) return state;
	return search.waitsFrom ? matchPast(state, search.query, search.waitsFrom.match, search.waitsFrom.direction) : runSearch(state, search.query);
}

/** Opens the page the reader resumed on at their place, once it is drawn. */
function resumeDrawn(state: ReaderState): ReaderState {
	const fraction = state.resumeFraction;
	const page = currentPage(state);
	if (fraction === undefined || state.document.isDrawing(page, state.screen.columns)) return state;
	return {...state, resumeFraction: undefined, scroll: scrollAt(state.document, page, state.screen, fraction)};
}

/** Keeps the reader on the same part of the text when the width changes how many lines it takes. */
function resize(state: ReaderState, screen: ScreenSize): ReaderState {
	const page = currentPage(state);
	const before = state.document.lineCount(page, state.screen.columns);
	const after = state.document.lineCount(page, screen.columns);
	const scroll = before > 0 ? Math.round((state.scroll / before) * after) : 0;
	const resized = {...state, screen};
	let search = state.search;
	const match = search?.match;
	if (search && match) {
		// A match starts at the same place in the text at every width; only its line moves.
		const moved = state.document.search(search.query, screen.columns).matches.find((candidate) => compare(candidate, match) === 0);
		search = {...search, match: moved ?? match};
	}

	return {
		...resized,
		search,
		scroll: clamp(scroll, 0, maxScroll(resized)),
		helpScroll: clamp(state.helpScroll, 0, maxHelpScroll(resized)),
	};
}

function typed(state: ReaderState, text: string): ReaderState {
	const clean = text.replace(/[\r\n\t]+/g, ' ').replace(/\p{Cc}/gu, '');
	if (clean === '') return state;
	return {...state, prompt: ((state.prompt ?? '') + clean).slice(0, MAX_QUERY)};
}

/**
 * The reader's one reducer: `(state, action) => state`, pure. Every bound is enforced here: the stop
 * stays on the path, the scroll within the page, the question within the quiz, whatever arrives.
 */
export function reducer(previousState: ReaderState, action: Action): ReaderState {
	// A notice, and an offer to replace the summary's file, last until the next action.
	const state =
		previousState.notice === undefined && !previousState.isExportConfirming ? previousState : {...previousState, notice: undefined, isExportConfirming: false};
	switch (action.type) {
		case 'key': {
			// Keys are resolved here, against the latest state, so keys typed faster than frames are
			// drawn still go to the screen they were meant for.
			const context = keyContext(previousState);
			const resolved = resolveKey(context, action.key);
			if (!resolved) return context === 'searchPrompt' ? typed(state, action.text) : previousState;
			const next = reducer(previousState, resolved);
			// A reader who moves before the page they resumed on is drawn has chosen another place.
			const hasMoved = next.stop !== previousState.stop || next.scroll !== previousState.scroll;
			return hasMoved && next.resumeFraction !== undefined ? {...next, resumeFraction: undefined} : next;
		}

		case 'resize':
			return resize(state, action.screen);
		case 'scroll':
			return scrollTo(state, state.scroll + action.lines);
		case 'page':
			return scrollTo(state, state.scroll + action.direction * pageRows(state.screen.rows));
		case 'halfPage':
			return scrollTo(state, state.scroll + action.direction * halfPageRows(state.screen.rows));
		case 'retreat':
			return retreat(state);
		case 'toggleCallout':
			return toggleCallout(state);
		case 'top':
			return scrollTo(state, 0);
		case 'bottom':
			return scrollTo(state, maxScroll(state));
		case 'advance':
			return advance(state);
		case 'next':
			return next(state);
		case 'previous':
			return previous(state);
		case 'goToSection':
			return goToSection(state, action.index);
		case 'answer':
			return answer(state, action.choice, action.quiz, action.question);
		case 'continue':
			return continueQuiz(state);
		case 'skipQuiz':
			return currentStop(state).kind === 'quiz' ? next(state) : state;
		case 'retakeQuiz':
			return retake(state);
		case 'openHelp':
			return {...state, overlay: 'help', helpScroll: 0};
		case 'openToc':
			return {...state, overlay: 'toc', tocCursor: state.stop};
		case 'closeOverlay':
			return {...state, overlay: 'none'};
		case 'tocMove': {
			const last = state.document.stops.length - 1;
			const target = Number.isFinite(action.by) ? state.tocCursor + action.by : action.by > 0 ? last : 0;
			return {...state, tocCursor: clamp(target, 0, last)};
		}

		case 'tocSelect':
			return enterStop(state, state.tocCursor);
		case 'helpScroll':
			return {...state, helpScroll: clamp(state.helpScroll + action.lines, 0, maxHelpScroll(state))};
		case 'helpPage':
			return {...state, helpScroll: clamp(state.helpScroll + action.direction * pageRows(state.screen.rows), 0, maxHelpScroll(state))};
		case 'openSearch':
			return {...state, prompt: ''};
		case 'searchType':
			return typed(state, action.text);
		case 'searchErase':
			return {...state, prompt: [...(state.prompt ?? '')].slice(0, -1).join('')};
		case 'searchCancel':
			return {...state, prompt: undefined};
		case 'searchSubmit':
			return submitSearch(state);
		case 'searchNext':
			return searchNext(state, action.direction);
		case 'searchClear':
			return {...state, search: undefined};
		case 'sectionDrawn':
			return resumeDrawn(previousState);
		case 'searchIndexed':
			return state.search?.isPending ? searchAgain(state) : previousState;
		case 'notify':
			return {...state, notice: action.text};
		case 'expireNotice':
			return previousState.notice === action.text ? state : previousState;
		case 'quit':
			return {...state, exitCode: action.code};
		case 'suspend':
			return {...state, suspensions: state.suspensions + 1};
		case 'export':
			return {...state, exportRequest: {id: (state.exportRequest?.id ?? 0) + 1, overwrite: previousState.isExportConfirming, answers: state.answers}};
		case 'exportExists':
			return {...state, isExportConfirming: true, notice: `${action.file} exists: press e again to replace it`};
	}
}
