import {Box, useInput, useWindowSize, type Key} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useReducer, useRef, useSyncExternalStore} from 'react';
import {knownReadingTimeLabel} from '../essay/reading-time.js';
import {isQuizDone} from '../essay/score.js';
import type {Essay} from '../essay/types.js';
import {bodyRows, isTooSmall} from '../reader/geometry.js';
import {keyPresses} from '../reader/keys.js';
import type {Stop} from '../reader/path.js';
import {progressOf, type Progress} from '../reader/progress.js';
import {currentPage, reducer} from '../reader/reducer.js';
import {initialState, type DocumentShape, type ReaderState, type StartPlace} from '../reader/state.js';
import {columnLayout} from '../render/layout.js';
import {stylesFor} from '../render/styles.js';
import type {PageLines} from '../render/pages.js';
import type {Answers} from '../essay/score.js';
import {cleanLine} from '../safe-text.js';
import {copy} from './copy.js';
import {Help} from './Help.js';
import {PageView} from './PageView.js';
import {QuizView} from './QuizView.js';
import {StatusBar} from './StatusBar.js';
import {Toc, type TocEntry} from './Toc.js';
import {TooSmall} from './TooSmall.js';
import {PaletteContext, paletteFor} from './palette.js';

/** How long the search index waits after a start or a resize, and how long each of its steps may take. */
const INDEX_START_MS = 100;
const INDEX_SLICE_MS = 8;

/** How long a status-bar notice stays when no key is pressed. */
const NOTICE_MS = 5000;

/** Where and how the reader starts. */
export interface AppStart {
	readonly place?: StartPlace;
	readonly answers?: Answers;
	/** A first status-bar message: resumed, or a warning about saved progress. */
	readonly notice?: string;
}

/** What came of an export, for the status bar: a message, or the file that is already there. */
export type ExportOutcome = {readonly notice: string} | {readonly exists: string};

/** Props of the reader application. */
export interface AppProps {
	readonly essay: Essay;
	readonly pages: PageLines;
	readonly document: DocumentShape;
	readonly start?: AppStart;
	/** Where the reader already is, when keys were answered before Ink was up (src/ui/early-keys.ts); else `start` says. */
	readonly state?: ReaderState;
	/** Called once when the reader asks to leave, with the exit code (0 for q, 130 for Ctrl+C). */
	readonly onExit: (code: number) => void;
	/** Called each time the reader asks to suspend to the shell (Ctrl+Z). */
	readonly onSuspend?: () => void;
	/** Writes the summary as Markdown (`e` on the summary); says what came of it for the status bar. */
	readonly onExport?: (answers: Answers, overwrite: boolean) => ExportOutcome;
	/** Called on every change of place or answers; returns a warning to show when saving failed. */
	readonly onProgress?: (progress: Progress) => string | undefined;
}

function tocEntries(essay: Essay, stops: readonly Stop[], state: ReaderState): TocEntry[] {
	return stops.map((stop) => {
		if (stop.kind === 'section') {
			const title = essay.sections[stop.section]?.title ?? '';
			return {label: cleanLine(stop.section === 0 ? `${title} (${copy.coverLabel})` : title), number: String(stop.section + 1), mark: ''};
		}

		if (stop.kind === 'quiz') {
			const done = isQuizDone(state.answers, stop.quiz);
			return {label: cleanLine(essay.quizzes[stop.quiz]?.title ?? ''), number: '', mark: done ? copy.doneMarker : copy.openMarker};
		}

		const allDone = essay.quizzes.every((_, quiz) => isQuizDone(state.answers, quiz));
		return {label: copy.summaryTitle, number: '', mark: allDone ? copy.doneMarker : copy.openMarker};
	});
}

/** The interactive reader: picks the screen for the state; all logic lives in the reducer. */
export function App({essay, pages, document, start = {}, state: reached, onExit, onSuspend, onExport, onProgress}: AppProps) {
	const size = useWindowSize();
	const [state, dispatch] = useReducer(reducer, undefined, () => reached ?? initialState(document, size, start));

	useEffect(() => {
		if (size.columns !== state.screen.columns || size.rows !== state.screen.rows) dispatch({type: 'resize', screen: size});
	}, [size, state.screen]);

	useEffect(() => {
		if (state.exitCode !== undefined) onExit(state.exitCode);
	}, [state.exitCode, onExit]);

	useEffect(() => {
		if (state.suspensions > 0) onSuspend?.();
	}, [state.suspensions, onSuspend]);

	const {exportRequest} = state;
	useEffect(() => {
		if (!exportRequest || !onExport) return;
		const outcome = onExport(exportRequest.answers, exportRequest.overwrite);
		dispatch('exists' in outcome ? {type: 'exportExists', file: outcome.exists} : {type: 'notify', text: outcome.notice});
	}, [exportRequest, onExport]);

	const {notice} = state;
	useEffect(() => {
		if (notice === undefined) return;
		const timer = setTimeout(() => dispatch({type: 'expireNotice', text: notice}), NOTICE_MS);
		return () => clearTimeout(timer);
	}, [notice]);

	// The search index is built a few sections at a time between key presses, from shortly after the
	// start, so a search never holds the reader up; a search that waited for it runs again when done.
	const width = columnLayout(state.screen.columns).width;
	// A search waiting for the index has it look first where the source holds its words, and looks
	// again each time the index grows, so it is answered as soon as a match is indexed.
	const waitingQuery = state.search?.isPending ? state.search.query : undefined;
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		let before = -1;
		const step = (): void => {
			const {indexed, total} = pages.indexStep(width, INDEX_SLICE_MS, waitingQuery);
			if (indexed === total || (waitingQuery !== undefined && indexed > before)) dispatch({type: 'searchIndexed'});
			if (indexed === total) return;
			// What is left is being drawn in the background: go on when a section arrives, not before.
			if (indexed > before) timer = setTimeout(step, 0);
			before = indexed;
		};
		const onDrawn = (): void => {
			clearTimeout(timer);
			timer = setTimeout(step, 0);
		};

		const unsubscribe = pages.subscribe(onDrawn);
		timer = setTimeout(step, waitingQuery === undefined ? INDEX_START_MS : 0);
		return () => {
			clearTimeout(timer);
			unsubscribe();
		};
	}, [pages, width, waitingQuery]);

	// A long section drawn in the background has arrived: the page shows it (this render), and a reader
	// who resumed in it is put back at their place.
	const drawnCount = useSyncExternalStore(pages.subscribe, pages.drawnCount);
	useEffect(() => {
		if (drawnCount > 0) dispatch({type: 'sectionDrawn'});
	}, [drawnCount]);

	// While the reader reads, render the sections on either side, so the next → draws from the cache.
	useEffect(() => {
		const stop = document.stops[state.stop];
		const section = stop?.kind === 'section' || stop?.kind === 'quiz' ? stop.section : document.sectionCount - 1;
		const timer = setTimeout(() => {
			for (const neighbour of [section + 1, section - 1]) {
				if (neighbour >= 0 && neighbour < document.sectionCount) pages.linesOf({kind: 'section', section: neighbour}, width);
			}
		}, 50);
		return () => clearTimeout(timer);
	}, [state.stop, width, document, pages]);

	useEffect(() => {
		const warning = onProgress?.(progressOf(state));
		if (warning) dispatch({type: 'notify', text: warning});
		// Saved on every change of place or answers, not on every frame.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.stop, state.scroll, state.question, state.answers, onProgress]);

	// The key that answers a question reaches the select input and this handler in the same event;
	// once the select input has answered with it, it must not also act on the feedback that follows.
	// And a select input keeps listening for a moment after its question has gone (React unsubscribes
	// it after the frame is drawn): only the question on screen may answer.
	const isAnswering = useRef(false);
	const liveQuestion = useRef<string | undefined>(undefined);
	const page = currentPage(state);
	const pageQuestion = page.kind === 'question' ? `${page.quiz}:${page.question}` : undefined;
	useLayoutEffect(() => {
		liveQuestion.current = pageQuestion;
	}, [pageQuestion]);
	const onAnswer = useCallback((quiz: number, question: number, choice: number) => {
		if (liveQuestion.current !== `${quiz}:${question}`) return;
		isAnswering.current = true;
		setImmediate(() => {
			isAnswering.current = false;
		});
		dispatch({type: 'answer', choice, quiz, question});
	}, []);
	// One handler, stable and always subscribed, so no key is lost while screens change. While a
	// question is shown its select input owns ↑/↓, j/k and Enter (the question's key table gives
	// them no action); digits answer from either, and a second identical answer changes nothing.
	const onInput = useCallback((input: string, key: Key) => {
		if (isAnswering.current) return;
		for (const press of keyPresses(input, key)) dispatch({type: 'key', ...press});
	}, []);
	useInput(onInput);

	const {screen} = state;
	if (isTooSmall(screen)) {
		return (
			<Box width={screen.columns} height={screen.rows} flexDirection="column">
				<TooSmall size={screen} styles={stylesFor(pages.isColor, true)} />
			</Box>
		);
	}

	const layout = columnLayout(screen.columns);
	const height = bodyRows(screen.rows);
	let body;
	if (state.overlay === 'help') {
		body = <Help scroll={state.helpScroll} height={height} margin={layout.margin} attribution={cleanLine(copy.attribution(essay.title, essay.byline))} />;
	} else if (state.overlay === 'toc') {
		body = (
			<Toc
				entries={tocEntries(essay, document.stops, state)}
				current={state.stop}
				cursor={state.tocCursor}
				height={height}
				margin={layout.margin}
				// A long essay's words are counted between keys (pages.ts): the contents do not wait for them.
				readingTime={knownReadingTimeLabel(essay) ?? copy.countingWords}
			/>
		);
	} else if (page.kind === 'question') {
		const question = essay.quizzes[page.quiz]?.questions[page.question];
		const fitted = pages.fitQuestion(page, layout.width, height);
		body = question ? (
			<QuizView
				id={`${page.quiz}:${page.question}`}
				question={question}
				header={fitted.lines}
				limit={fitted.limit}
				height={height}
				margin={layout.margin}
				width={layout.width}
				renderChoice={pages.choice}
				onAnswer={(choice) => onAnswer(page.quiz, page.question, choice)}
			/>
		) : undefined;
	} else {
		const {search} = state;
		const highlight =
			// Matches are found in the section as it opens; with a callout opened or closed the lines differ.
			page.kind === 'section' && search?.match && !page.toggled
				? (line: number) => pages.highlight(page.section, line, layout.width, search.query, search.match)
				: undefined;
		body = <PageView lines={pages.linesOf(page, layout.width)} scroll={state.scroll} height={height} margin={layout.margin} highlight={highlight} />;
	}

	return (
		<PaletteContext.Provider value={paletteFor(pages.isColor)}>
			<Box flexDirection="column" width={screen.columns} height={height + 1}>
				{body}
				<StatusBar state={state} essay={essay} />
			</Box>
		</PaletteContext.Provider>
	);
}
