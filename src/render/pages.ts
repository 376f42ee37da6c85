import {sectionSource} from '../essay/parse.js';
import {countWords, knownReadingTimeLabel} from '../essay/reading-time.js';
import type {Essay} from '../essay/types.js';
import {cleanRendered} from '../safe-text.js';
import type {Page} from '../reader/page.js';
import {fitQuestion, renderChoice, renderFeedback, renderRecap, renderSummary, type QuestionScreen} from './quiz.js';
import {createSearchIndex, highlightRanges, searchText, type LineMatch, type SearchResult, type SearchText} from './search.js';
import {drawingCost, renderSectionNote, renderSectionWithCallouts, type CalloutPlace} from './section.js';
import {stylesFor, UNICODE_BOX} from './styles.js';

/** Rendered lines of every text page of one essay, computed once per (page, width) and reused. */
export interface PageLines {
	/** Whether pages are drawn in colour (without it, they keep bold, underline and reverse video). */
	readonly isColor: boolean;
	/** The lines of a page wrapped to `width` columns; for a question, the text above its choices. */
	readonly linesOf: (page: Page, width: number) => readonly string[];
	/** Every match of `query` in the sections indexed so far, in reading order (across line breaks too). */
	readonly search: (query: string, width: number) => SearchResult;
	/** Indexes a few more sections for search (counting a long essay's words first), for about `budgetMs`; says how far the index is. */
	readonly indexStep: (width: number, budgetMs: number, query?: string) => {readonly indexed: number; readonly total: number};
	/** Line `line` of a section with the matches of `query` on it drawn as matches, `current` apart. */
	readonly highlight: (section: number, line: number, width: number, query: string, current: LineMatch | undefined) => string;
	/** A question's text fitted to `height` rows, and how many choices fit at once. */
	readonly fitQuestion: (page: Extract<Page, {kind: 'question'}>, width: number, height: number) => QuestionScreen;
	/** Where a section's collapsible callouts (`???`) have their title bars, as the page is drawn. */
	readonly callouts: (page: Extract<Page, {kind: 'section'}>, width: number) => readonly CalloutPlace[];
	/** The line a page should keep in view when it opens and does not fit (a verdict after an answer); 0 for its top. */
	readonly focusLine: (page: Page, width: number) => number;
	/** One numbered choice of a question, highlighted or not, wrapped to `width`. */
	readonly choice: (label: string, isSelected: boolean, width: number) => readonly string[];
	/** Whether a page is still being drawn in the background (a long section): its lines say so meanwhile. */
	readonly isDrawing: (page: Page, width: number) => boolean;
	/** Calls `listener` each time a section drawn in the background arrives (or the cover changes, its reading time counted); returns how to stop. */
	readonly subscribe: (listener: () => void) => () => void;
	/** How many sections have arrived from the background so far: changes when the pages do. */
	readonly drawnCount: () => number;
}

/** A section to draw: which, how wide, and which of its collapsible callouts were toggled. */
export interface SectionJob {
	readonly section: number;
	readonly width: number;
	readonly toggled: readonly number[];
}

/** A section drawn: its lines, made safe, where its collapsible callouts are, and its searchable text when asked for. */
export interface DrawnSection {
	readonly lines: readonly string[];
	readonly callouts: readonly CalloutPlace[];
	readonly search?: SearchText;
}

/** How sections look: the same in the reader and wherever it has them drawn. */
export interface Look {
	readonly isColor: boolean;
	/** Whether the terminal takes OSC 8 hyperlinks. */
	readonly hasLinks: boolean;
}

/** The reader draws on a terminal: bold, underline and reverse video stay without colour. */
function stylesOf(look: Look) {
	return stylesFor(look.isColor, true, look.hasLinks);
}

/** The only address a page may link to: the original post's, where the terminal takes links. */
function linksOf(essay: Essay, look: Look): ReadonlySet<string> {
	return new Set(look.hasLinks && essay.source ? [essay.source.url] : []);
}

/**
 * Draws one section as the reader shows it. Every line leaves here made safe for the terminal
 * (src/safe-text.ts): the text in it came from files, after the markdown and YAML parsers decoded it.
 * Only the original post's address may be a link.
 */
export function drawSection(essay: Essay, job: SectionJob, look: Look, withSearch: boolean): DrawnSection {
	const {lines, callouts} = renderSectionWithCallouts(essay, job.section, job.width, stylesOf(look), {folds: {toggled: job.toggled}});
	const links = linksOf(essay, look);
	const safe = lines.map((line) => cleanRendered(line, links));
	return withSearch ? {lines: safe, callouts, search: searchText(safe)} : {lines: safe, callouts};
}

/** What became of a section sent to be drawn in the background. */
export type Drawing = {readonly kind: 'drawn'; readonly drawn: DrawnSection} | {readonly kind: 'failed'; readonly reason: string} | {readonly kind: 'dropped'};

/**
 * Draws sections away from the reader (src/draw-worker.ts: a worker thread), so a section that takes
 * seconds to draw never holds up a key. `isUrgent`: the reader is looking at it (else it is for the
 * search index); `isWanted` is asked before it starts, so one no longer needed is dropped.
 */
export interface BackgroundDrawing {
	readonly draw: (job: SectionJob, isUrgent: boolean, isWanted: () => boolean, done: (drawing: Drawing) => void) => void;
}

/**
 * The drawing cost (characters of prose, see drawingCost) above which a section is drawn in the
 * background when the reader has a background to draw in: about two frames' work (marked, wrapping
 * and cleaning draw 1–2 MB of prose a second here).
 */
export const HEAVY_SECTION_COST = 32 * 1024;

/** What a long section's page says while it is drawn in the background. */
const DRAWING_NOTE = 'Drawing this long section… (the keys work meanwhile)';

/** A section already rendered, for example by the build (dist/essay.json). */
export interface RenderedSection {
	readonly section: number;
	readonly width: number;
	readonly isColor: boolean;
	/** Drawn for a terminal that takes OSC 8 hyperlinks (the cover's link to the original post is one). */
	readonly hasLinks: boolean;
	readonly lines: readonly string[];
}

/** How the pages should look. */
export interface PageOptions {
	readonly isColor: boolean;
	/** The summary's last line: the keys to review or quit, from the key table. */
	readonly summaryFooter: string;
	/** Sections rendered before, used as they are when their width, colour and hyperlinks fit. */
	readonly rendered?: readonly RenderedSection[];
	/**
	 * The same, kept from an earlier reading (src/post-snapshots.ts): read from a file in the user's
	 * cache, they are made safe as anything drawn here is (`rendered` are the build's own).
	 */
	readonly kept?: readonly RenderedSection[];
	/** Whether the terminal takes OSC 8 hyperlinks. */
	readonly hasLinks?: boolean;
	/** Where long sections are drawn, so that drawing them never holds up the reader; without it, here. */
	readonly background?: BackgroundDrawing;
}

/** Keeps the cache of quiz and summary pages from growing without bound across many resizes. */
const MAX_CACHED_PAGES = 256;
/** Widths whose rendered sections are kept. */
const MAX_WIDTHS = 2;
/**
 * Sections kept drawn at a width, the most recently used: a long essay read or searched through is
 * not held drawn whole (the search index keeps only their text: 20 MB of markdown drawn took ~250 MiB).
 */
const MAX_CACHED_SECTIONS = 64;

/** Creates the page renderer for an essay, with colour on or off. */
export function createPages(essay: Essay, options: PageOptions): PageLines {
	const look: Look = {isColor: options.isColor, hasLinks: options.hasLinks ?? false};
	const styles = stylesOf(look);
	// Sections by width, for the widths in use: the current one and the one before (a resize back
	// and forth, the build's two). Older widths are dropped, so resizing never grows memory.
	// Within a width, by section and which of its collapsible callouts were toggled.
	const sections = new Map<number, Map<string, DrawnSection>>();
	const sectionsAt = (width: number): Map<string, DrawnSection> => {
		let atWidth = sections.get(width);
		if (!atWidth) {
			atWidth = new Map();
			sections.set(width, atWidth);
			for (const old of [...sections.keys()].slice(0, -MAX_WIDTHS)) sections.delete(old);
		}

		return atWidth;
	};
	const keep = (width: number, key: string, drawn: DrawnSection): void => {
		const atWidth = sectionsAt(width);
		atWidth.delete(key);
		atWidth.set(key, drawn);
		for (const old of atWidth.keys()) {
			if (atWidth.size <= MAX_CACHED_SECTIONS) break;
			atWidth.delete(old);
		}
	};
	const kept = (width: number, key: string): DrawnSection | undefined => {
		const drawn = sectionsAt(width).get(key);
		// Used again: the last to be dropped.
		if (drawn) keep(width, key, drawn);
		return drawn;
	};

	const others = new Map<string, {readonly lines: readonly string[]; readonly focus: number}>();
	const links = linksOf(essay, look);
	const safe = (lines: readonly string[]): string[] => lines.map((line) => cleanRendered(line, links));
	// Sections rendered before are drawn in box drawing, and only those without collapsible callouts (src/session.ts).
	const isLook = (rendered: RenderedSection): boolean => styles.box === UNICODE_BOX && rendered.isColor === look.isColor && rendered.hasLinks === look.hasLinks;
	for (const rendered of (options.rendered ?? []).filter(isLook)) keep(rendered.width, String(rendered.section), {lines: rendered.lines, callouts: []});
	for (const rendered of (options.kept ?? []).filter(isLook)) keep(rendered.width, String(rendered.section), {lines: safe(rendered.lines), callouts: []});

	// Long sections are drawn in the background, when there is one; meanwhile their page says so.
	const {background} = options;
	const heavy = new Map<number, boolean>();
	const isHeavy = (section: number): boolean => {
		// Without a background every section is drawn here: no need to weigh them.
		if (!background) return false;
		let isLong = heavy.get(section);
		if (isLong === undefined) {
			const found = essay.sections[section];
			isLong = found !== undefined && drawingCost(found) > HEAVY_SECTION_COST;
			heavy.set(section, isLong);
		}

		return isLong;
	};
	const requested = new Set<string>();
	const failures = new Map<number, string>();
	const notes = new Map<string, DrawnSection>();
	const listeners = new Set<() => void>();
	let drawnCount = 0;
	const keyOf = (section: number, toggled: readonly number[]): string => (toggled.length === 0 ? String(section) : `${section}:${[...toggled].sort((a, b) => a - b).join(',')}`);
	const noteFor = (section: number, width: number): DrawnSection => {
		const failure = failures.get(section);
		const key = `${width}:${section}:${failure ?? ''}`;
		let note = notes.get(key);
		if (!note) {
			const text = failure === undefined ? DRAWING_NOTE : `This section could not be drawn: ${failure}`;
			note = {lines: safe(renderSectionNote(essay, section, width, styles, text)), callouts: []};
			if (notes.size >= MAX_CACHED_PAGES) notes.clear();
			notes.set(key, note);
		}

		return note;
	};

	const drawElsewhere = (job: SectionJob, key: string, isUrgent: boolean): void => {
		const id = `${job.width}:${key}`;
		if (requested.has(id) || !background) return;
		requested.add(id);
		const isWanted = (): boolean => sections.has(job.width) && !sections.get(job.width)?.has(key);
		background.draw(job, isUrgent, isWanted, (drawing) => {
			requested.delete(id);
			if (drawing.kind === 'dropped') return;
			if (drawing.kind === 'failed') failures.set(job.section, drawing.reason);
			else if (sections.has(job.width)) keep(job.width, key, drawing.drawn);
			drawnCount += 1;
			for (const listener of listeners) listener();
		});
	};

	/**
	 * A section's lines, drawn here, taken from those drawn before, or (a long one) asked for and shown
	 * as being drawn. One drawn for the search index (`isUrgent` false) is not kept: the index keeps its text.
	 */
	const sectionRendered = (section: number, width: number, toggled: readonly number[] = [], isUrgent = true): DrawnSection | undefined => {
		if (section === 0) noticeCount();
		const key = keyOf(section, toggled);
		const cached = kept(width, key);
		if (cached) return cached;
		if (isHeavy(section)) {
			if (!failures.has(section)) drawElsewhere({section, width, toggled}, key, isUrgent);
			return undefined;
		}

		const drawn = drawSection(essay, {section, width, toggled}, look, !isUrgent);
		if (isUrgent) keep(width, key, drawn);
		return drawn;
	};
	const shown = (section: number, width: number, toggled?: readonly number[]): DrawnSection => sectionRendered(section, width, toggled) ?? noteFor(section, width);
	const sectionLines = (section: number, width: number): readonly string[] => shown(section, width).lines;
	const searchableOf = (section: number, width: number): SearchText | undefined => {
		const drawn = sectionRendered(section, width, [], false);
		if (!drawn) return failures.has(section) ? searchText(noteFor(section, width).lines) : undefined;
		return drawn.search ?? searchText(drawn.lines);
	};

	const render = (page: Exclude<Page, {kind: 'section'}>, width: number): {readonly lines: readonly string[]; readonly focus: number} => {
		const top = (lines: readonly string[]) => ({lines, focus: 0});
		switch (page.kind) {
			case 'question': {
				const quiz = essay.quizzes[page.quiz];
				// Unfitted: as tall as it would be on a screen with room for everything.
				return top(quiz ? fitQuestion(quiz, page.question, width, Number.POSITIVE_INFINITY, styles).lines : []);
			}

			case 'feedback': {
				const quiz = essay.quizzes[page.quiz];
				return quiz ? renderFeedback(quiz, page.question, page.choice, width, styles) : top([]);
			}

			case 'recap': {
				const quiz = essay.quizzes[page.quiz];
				return top(quiz ? renderRecap(quiz, page.answers, width, styles) : []);
			}

			case 'summary':
				return top(renderSummary(essay, page.answers, width, styles, options.summaryFooter));
		}
	};

	const rendered = (page: Exclude<Page, {kind: 'section'}>, width: number) => {
		const key = `${width}:${JSON.stringify(page)}`;
		let entry = others.get(key);
		if (!entry) {
			if (others.size >= MAX_CACHED_PAGES) others.clear();
			const {lines, focus} = render(page, width);
			entry = {lines: safe(lines), focus};
			others.set(key, entry);
		}

		return entry;
	};

	const index = createSearchIndex(essay.sections.length, searchableOf, (section) => {
		const found = essay.sections[section];
		return found ? `${found.title}\n${sectionSource(found)}` : '';
	});
	// A long essay's cover says how long it takes to read once its words are counted: a few sections
	// at a time, before each step of the index, and then the cover is drawn again.
	let isCounted = knownReadingTimeLabel(essay) !== undefined;
	const countStep = (budgetMs: number): void => {
		if (!isCounted && countWords(essay, budgetMs)) counted();
	};
	// The count may be finished elsewhere too (what is kept of a long post counts all of it at exit):
	// the cover is drawn again whenever it is next asked for.
	const noticeCount = (): void => {
		if (!isCounted && knownReadingTimeLabel(essay) !== undefined) counted();
	};
	function counted(): void {
		isCounted = true;
		for (const atWidth of sections.values()) {
			for (const key of [...atWidth.keys()]) if (key === '0' || key.startsWith('0:')) atWidth.delete(key);
		}

		index.forget(0);
		drawnCount += 1;
		// Told after the step that counted returns, as a drawing's arrival is.
		queueMicrotask(() => {
			for (const listener of listeners) listener();
		});
	}

	return {
		isColor: options.isColor,
		linesOf: (page, width) => (page.kind === 'section' ? shown(page.section, width, page.toggled).lines : rendered(page, width).lines),
		callouts: (page, width) => shown(page.section, width, page.toggled).callouts,
		focusLine: (page, width) => (page.kind === 'section' ? 0 : rendered(page, width).focus),
		search: (query, width) => index.find(query, width),
		indexStep(width, budgetMs, query) {
			const started = performance.now();
			countStep(budgetMs);
			return index.step(width, Math.max(0, budgetMs - (performance.now() - started)), query);
		},
		highlight(section, line, width, query, current) {
			const rendered = sectionLines(section, width)[line] ?? '';
			return highlightRanges(rendered, index.rangesOn(query, width, section, line, rendered, current), styles);
		},
		fitQuestion(page, width, height) {
			const quiz = essay.quizzes[page.quiz];
			if (!quiz) return {lines: [], limit: undefined};
			const fitted = fitQuestion(quiz, page.question, width, height, styles);
			return {...fitted, lines: safe(fitted.lines)};
		},
		choice: (label, isSelected, width) => safe(renderChoice(label, isSelected, width, styles)),
		isDrawing: (page, width) => page.kind === 'section' && isHeavy(page.section) && !failures.has(page.section) && !sections.get(width)?.has(keyOf(page.section, page.toggled ?? [])),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		drawnCount: () => drawnCount,
	};
}
