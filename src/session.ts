import path from 'node:path';
import {constants} from 'node:os';
import {fileURLToPath} from 'node:url';
import supportsHyperlinks from 'supports-hyperlinks';
import {BUNDLED_ESSAY} from './bundled.js';
import {quizFileFor, unchangedTextBytes} from './essay/load.js';
import {keepFirstScreen, type EarlyScreen} from './first-screen.js';
import {isCountedAfterFirstScreen} from './essay/reading-time.js';
import type {Essay} from './essay/types.js';
import {keepPostSnapshot, postSnapshotFile, type KeptText} from './post-snapshots.js';
import {openProgressStore, progressSaver} from './progress/store.js';
import {stopOfSection} from './reader/path.js';
import {isWorthResuming, progressOf, startPlaceOf, type Progress} from './reader/progress.js';
import {currentPage, reducer} from './reader/reducer.js';
import {initialState, type ReaderState} from './reader/state.js';
import {createPages, type RenderedSection} from './render/pages.js';
import {columnLayout} from './render/layout.js';
import {cleanLine} from './safe-text.js';
import {CLEAR_AND_HOME, endingSignals, FullScreen, HIDE_CURSOR, HOME, terminalSize} from './terminal.js';
import {summaryFooter} from './ui/copy.js';
import {documentShape} from './ui/document.js';
import {answerKeysEarly, type EarlyKeys} from './ui/early-keys.js';
import {firstFrame} from './ui/first-frame.js';
import {loadMount} from './ui/load-mount.js';
import type {AppStart, ExportOutcome} from './ui/App.js';
import type {Answers} from './essay/score.js';
import {backgroundDrawing} from './draw-worker.js';
import {writeSummary} from './export.js';
import {holdYoungGeneration} from './heap.js';
import {summaryMarkdown} from './render/summary-markdown.js';
import type {ScreenSize} from './reader/geometry.js';

const RESUMED = 'Resumed where you left off (--fresh starts over)';
/** How long after asking to stop the reader takes it that it was not stopped (its timers freeze while it is). */
const NOT_STOPPED_MS = 300;

/** What was kept of a post read before: the sections it opens on as drawn, and where a long one's sections are in its file. */
export interface KeptPost {
	readonly rendered: readonly RenderedSection[];
	readonly text?: KeptText | undefined;
}

/** How the reader was asked to start. */
export interface ReadOptions {
	/** The essay's file, when it is not the bundled one: a long post is kept as where its sections are in it (src/post-snapshots.ts). */
	readonly file?: string | undefined;
	/** 0-based section from `--section`. */
	readonly section: number | undefined;
	readonly withQuizzes: boolean;
	readonly fresh: boolean;
	readonly isColor: boolean;
	/** Sections the build rendered (dist/essay.json), when the essay is the one it rendered them from. */
	readonly rendered?: readonly RenderedSection[];
	/** What was kept of this post at an earlier reading (src/post-snapshots.ts), when it is the same post. */
	readonly kept?: KeptPost;
	/** Where `e` on the summary writes it (`--export`, else a file named after the essay in the current folder). */
	readonly exportFile: string;
	/** The first screen, when the command painted it before the program was loaded (src/first-screen.ts). */
	readonly early?: EarlyScreen | undefined;
}

/** The widths the build renders the bundled essay at: a terminal of 100 columns (or more) and one of 80. */
const BUILD_WIDTHS = [columnLayout(100).width, columnLayout(80).width];

/**
 * The bundled essay's sections rendered as the reader shows them, in colour and without, with
 * hyperlinks and without, at the usual widths.
 */
export function renderSections(essay: Essay): RenderedSection[] {
	// Every section (the essay has three): a reader who opens, resumes or moves anywhere in it gets
	// it from here, and the markdown renderer is not loaded at all, nor run cold (~100 ms colder the
	// first time in a process than any later one) while a key waits. With hyperlinks too: most
	// terminals people use take them (VTE's, iTerm2, Windows Terminal…), and without a drawing of its
	// own their first screen waited for the renderer to load and run. A section with a collapsible
	// callout is left to the reader, which draws it again as the callout opens and closes.
	return [true, false].flatMap((isColor) =>
		[false, true].flatMap((hasLinks) => {
			const pages = createPages(essay, {isColor, hasLinks, summaryFooter: summaryFooter()});
			return essay.sections.flatMap((_, section) => {
				const page = {kind: 'section', section} as const;
				return BUILD_WIDTHS.filter((width) => pages.callouts(page, width).length === 0).map((width) => ({section, width, isColor, hasLinks, lines: pages.linesOf(page, width)}));
			});
		}),
	);
}

/** The cover as the reader first paints it, and then as Ink draws it, on a terminal of `size`: the build's warm-up (src/launch.ts). */
export async function firstScreen(essay: Essay, size: ScreenSize): Promise<string> {
	const pages = createPages(essay, {isColor: true, summaryFooter: summaryFooter()});
	const document = documentShape(essay, pages, {withQuizzes: true});
	const {warmUpInk} = await import('./ui/mount.js');
	warmUpInk({essay, pages, document}, size.columns);
	// The keys a reader presses first, through the reducer, and the screen they lead to.
	const moved = ['right', 'j', 'left'].reduce((state, key) => reducer(state, {type: 'key', key, text: ''}), initialState(document, size, {}));
	warmUpInk({essay, pages, document, start: {place: {stop: moved.stop}}}, size.columns);
	return firstFrame(initialState(document, size, {}), essay, pages, true);
}

/**
 * Runs the full-screen reader until the reader leaves, then exits the process with its code. Owns the
 * terminal for that time: alternate screen, raw mode, and their restoration on every way out.
 */
export async function readInteractively(essay: Essay, options: ReadOptions): Promise<never> {
	const look = {isColor: options.isColor, hasLinks: supportsHyperlinks.stdout};
	const pages = createPages(essay, {
		...look,
		summaryFooter: summaryFooter(),
		rendered: options.rendered,
		kept: options.kept?.rendered,
		// Beside the bundle (dist/worker.js), as this module is bundled into dist/app.js.
		background: backgroundDrawing(essay, look, new URL('worker.js', import.meta.url)),
	});
	const document = documentShape(essay, pages, {withQuizzes: options.withQuizzes});
	const store = openProgressStore(essay.id);
	if (options.fresh) store.clear();
	// Where a start with these options opens, given what is saved: this one, and the next (keepScreen).
	const startFromSaved = (): AppStart => {
		const saved = options.fresh ? {progress: undefined, warning: undefined} : store.load();
		const start: AppStart = {answers: saved.progress?.answers, notice: saved.warning};
		if (options.section !== undefined) return {...start, place: {stop: stopOfSection(document.stops, options.section)}};
		if (!saved.progress || !isWorthResuming(saved.progress)) return start;
		const quizSections = essay.quizzes.map((quiz) => quiz.section);
		return {...start, place: startPlaceOf(saved.progress, document, quizSections), notice: saved.warning ?? RESUMED};
	};
	const start = startFromSaved();
	const saver = progressSaver(store);
	// Where the reader is, as last saved: the section a post read again opens on (keepPost).
	let lastPlace: Progress['place'] | undefined;

	const {stdout, stdin} = process;
	const screen = new FullScreen({stdout, stdin});
	const running: {unmount?: () => void; suspend?: () => Promise<void>; early?: EarlyKeys} = {};
	// A post from a file is kept as parsed, with the cover and the section the reader leaves in as
	// drawn, so that reading it again opens without parsing or drawing (src/post-snapshots.ts).
	const keepPost = (): boolean => {
		const width = columnLayout(terminalSize(stdout).columns).width;
		const drawn = (): RenderedSection[] =>
			[...new Set([0, ...(lastPlace?.kind === 'section' ? [lastPlace.section] : [])])].flatMap((section): RenderedSection[] => {
				const page = {kind: 'section', section} as const;
				if (pages.isDrawing(page, width) || pages.callouts(page, width).length > 0) return [];
				return [{section, width, ...look, lines: pages.linesOf(page, width)}];
			});
		try {
			const textBytes = (): number | undefined => (options.file === undefined ? undefined : unchangedTextBytes(options.file, essay.id));
			return keepPostSnapshot(essay, drawn, textBytes, options.kept?.text);
		} catch {
			// Next time the post is parsed and drawn as usual.
			return false;
		}
	};

	// The first screen the next start opens on, painted before the program is loaded when nothing it
	// is drawn from has changed (src/first-screen.ts): after every write of this reading.
	// `isPostKept`: the post was kept (keepPost) and opens from that next time.
	const keepScreen = (isPostKept: boolean): void => {
		const state = initialState(document, terminalSize(stdout), startFromSaved());
		const page = currentPage(state);
		if (page.kind === 'section' && pages.isDrawing(page, columnLayout(state.screen.columns).width)) return;
		// A long essay's cover shows its reading time once its words are counted: the next start knows
		// it at once only when it opens the post from what was kept of it (its words kept with it).
		const isCover = page.kind === 'section' && page.section === 0;
		if (isCover && isCountedAfterFirstScreen(essay) && !isPostKept) return;
		const essayFile = path.resolve(options.file ?? BUNDLED_ESSAY);
		const files = [fileURLToPath(import.meta.url), essayFile, quizFileFor(essayFile), store.file, ...(options.file === undefined ? [] : [postSnapshotFile(essay.id)])];
		keepFirstScreen(firstFrame(state, essay, pages, options.isColor), files);
	};

	const finish = (code: number, message?: string): never => {
		try {
			running.unmount?.();
		} catch {
			// Already unmounted; restoring the terminal below is what matters.
		}

		screen.restore();
		// Ended before Ink was up (a signal): the place the first paint or the keys answered since show.
		if (running.early) {
			const progress = progressOf(running.early.state());
			saver.save(progress);
			lastPlace = progress.place;
		}

		// The last change of place, if it has not been saved yet.
		saver.flush();
		if (code === 0 || code > 128) {
			const isPostKept = keepPost();
			try {
				keepScreen(isPostKept);
			} catch {
				// The next start paints once the program is loaded, as usual.
			}
		}

		if (message !== undefined) process.stderr.write(`mle-essay: ${cleanLine(message)}\n`);
		process.exit(code);
	};

	// Ctrl+Z (a key in raw mode) and a SIGTSTP from outside both suspend as less does: the terminal
	// goes back to the shell as it was, the whole job stops, and `fg` brings the reader back at the
	// terminal's size now.
	let isStopWaiting = false;
	const onStopSignal = (): void => {
		if (running.suspend) void running.suspend();
		// In the tens of milliseconds before Ink is up: as soon as it is.
		else isStopWaiting = true;
	};
	const stopProcess = async (): Promise<void> => {
		screen.restore();
		// A stopped job may never be continued: its place is saved first.
		saver.flush();
		// Back on SIGCONT (`fg`). The timer does two things: Ink has let go of stdin and a signal
		// listener does not keep Node running, so without it the process would end as soon as it is
		// continued; and with no job control (a terminal without a shell that has it), the kernel
		// drops the stop and nobody will send SIGCONT, so the reader simply comes back.
		await new Promise<void>((resolve) => {
			const onContinue = (): void => {
				clearTimeout(timer);
				resolve();
			};
			const timer = setTimeout(() => {
				process.off('SIGCONT', onContinue);
				resolve();
			}, NOT_STOPPED_MS);
			process.once('SIGCONT', onContinue);
			// Without a listener SIGTSTP stops this process too; the signal goes to the whole job (npx
			// and its shell among them), so the shell sees it stop.
			process.off('SIGTSTP', onStopSignal);
			process.kill(0, 'SIGTSTP');
		});
		process.on('SIGTSTP', onStopSignal);
		screen.enter();
		// Node learns of a resize from SIGWINCH, which goes to the job in the foreground: a resize
		// while the reader was stopped reached the shell. Ask again, as the terminal would.
		process.kill(process.pid, 'SIGWINCH');
	};

	process.on('SIGTSTP', onStopSignal);
	for (const signal of endingSignals()) process.on(signal, () => finish(128 + constants.signals[signal]));
	process.on('uncaughtException', (error) => finish(1, error.message));
	process.on('unhandledRejection', (error) => finish(1, error instanceof Error ? error.message : String(error)));

	// Painted before the program was loaded (src/first-screen.ts), the screen is the reader's from now
	// on; a stop asked for meanwhile is taken as soon as Ink is up.
	const painted = options.early?.adopt();
	if (painted?.isStopWanted) isStopWaiting = true;
	if (painted) screen.adopt();
	else screen.enter();
	try {
		// Keys typed from now on wait in the terminal (not echoed over the screen) until they are read.
		if (stdin.isTTY) stdin.setRawMode(true);
		const paint = (state: ReaderState): string => firstFrame(state, essay, pages, options.isColor);
		const first = initialState(document, terminalSize(stdout), start);
		const frame = paint(first);
		// What was painted early is this screen unless something it is drawn from changed since.
		if (frame !== options.early?.frame) stdout.write((painted ? CLEAR_AND_HOME : '') + HIDE_CURSOR + frame + HOME);

		// Ink loads now, after the first paint, in steps: a key typed meanwhile is answered between
		// them, drawn as the first paint was, instead of waiting the ~40 ms Ink takes to be up.
		const early = answerKeysEarly({stdin, stdout}, first, paint);
		running.early = early;
		const {mount} = await loadMount();
		const onExport = (answers: Answers, overwrite: boolean): ExportOutcome => {
			const result = writeSummary(options.exportFile, summaryMarkdown(essay, answers, new Date()), overwrite);
			// The status bar is one line: a file in the current folder goes by its name there.
			const relative = path.relative(process.cwd(), result.file);
			const shown = relative.startsWith('..') || path.isAbsolute(relative) ? result.file : relative;
			if (result.kind === 'exists') return {exists: shown};
			return {notice: result.kind === 'written' ? `Summary written to ${shown}` : `Could not write ${shown}: ${result.reason}`};
		};
		// Ink draws the state the screen shows over it, in the same turn of the event loop: no resize can come between.
		running.early = undefined;
		const onProgress = (progress: Progress): string | undefined => {
			lastPlace = progress.place;
			return saver.save(progress);
		};
		const mounted = mount({essay, pages, document, state: early.stop(), onExport, onProgress}, stopProcess);
		running.unmount = mounted.unmount;
		running.suspend = mounted.suspend;
		if (isStopWaiting) void mounted.suspend();
		holdYoungGeneration();
		return finish(await mounted.exited);
	} catch (error) {
		return finish(1, error instanceof Error ? error.message : String(error));
	}
}
