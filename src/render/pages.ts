import type {Essay} from '../essay/types.js';
import {cleanRendered} from '../safe-text.js';
import type {Page} from '../reader/page.js';
import {fitQuestion, renderChoice, renderFeedback, renderRecap, renderSummary, type QuestionScreen} from './quiz.js';
import {createSearchIndex, highlightRanges, type LineMatch, type SearchResult} from './search.js';
import {renderSectionWithCallouts, type CalloutPlace} from './section.js';
import {stylesFor, UNICODE_BOX} from './styles.js';

/** Rendered lines of every text page of one essay, computed once per (page, width) and reused. */
export interface PageLines {
	/** Whether pages are drawn in colour (without it, they keep bold, underline and reverse video). */
	readonly isColor: boolean;
	/** The lines of a page wrapped to `width` columns; for a question, the text above its choices. */
	readonly linesOf: (page: Page, width: number) => readonly string[];
	/** Every match of `query` in the sections indexed so far, in reading order (across line breaks too). */
	readonly search: (query: string, width: number) => SearchResult;
	/** Indexes a few more sections for search, for about `budgetMs`; says how far the index is. */
	readonly indexStep: (width: number, budgetMs: number) => {readonly indexed: number; readonly total: number};
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
}

/** A section's lines and where its collapsible callouts are. */
interface RenderedLines {
	readonly lines: readonly string[];
	readonly callouts: readonly CalloutPlace[];
}

/** A section already rendered, for example by the build (dist/essay.json). */
export interface RenderedSection {
	readonly section: number;
	readonly width: number;
	readonly isColor: boolean;
	readonly lines: readonly string[];
}

/** How the pages should look. */
export interface PageOptions {
	readonly isColor: boolean;
	/** The summary's last line: the keys to review or quit, from the key table. */
	readonly summaryFooter: string;
	/** Sections rendered before, used as they are when their width and colour fit (and they hold no hyperlinks). */
	readonly rendered?: readonly RenderedSection[];
	/** Whether the terminal takes OSC 8 hyperlinks. */
	readonly hasLinks?: boolean;
}

/** Keeps the cache of quiz and summary pages from growing without bound across many resizes. */
const MAX_CACHED_PAGES = 256;
/** Widths whose rendered sections are kept. */
const MAX_WIDTHS = 2;

/** Creates the page renderer for an essay, with colour on or off. */
export function createPages(essay: Essay, options: PageOptions): PageLines {
	// The reader draws on a terminal: bold, underline and reverse video stay without colour.
	const hasLinks = options.hasLinks ?? false;
	const styles = stylesFor(options.isColor, true, hasLinks);
	// Sections by width, for the widths in use: the current one and the one before (a resize back
	// and forth, the build's two). Older widths are dropped, so resizing never grows memory.
	// Within a width, by section and which of its collapsible callouts were toggled.
	const sections = new Map<number, Map<string, RenderedLines>>();
	const sectionsAt = (width: number): Map<string, RenderedLines> => {
		let atWidth = sections.get(width);
		if (!atWidth) {
			atWidth = new Map();
			sections.set(width, atWidth);
			for (const old of [...sections.keys()].slice(0, -MAX_WIDTHS)) sections.delete(old);
		}

		return atWidth;
	};

	const others = new Map<string, {readonly lines: readonly string[]; readonly focus: number}>();
	// The build's sections have no links and are drawn in box drawing.
	for (const rendered of hasLinks || styles.box !== UNICODE_BOX ? [] : (options.rendered ?? [])) {
		// The build renders the bundled essay's first sections, which have no collapsible callouts.
		if (rendered.isColor === options.isColor) sectionsAt(rendered.width).set(String(rendered.section), {lines: rendered.lines, callouts: []});
	}

	// Every line leaves here made safe for the terminal (src/safe-text.ts): the text in it came from
	// files, after the markdown and YAML parsers decoded it. Only the original post's address may be a link.
	const links = new Set(hasLinks && essay.source ? [essay.source.url] : []);
	const safe = (lines: readonly string[]): string[] => lines.map((line) => cleanRendered(line, links));

	const sectionRendered = (section: number, width: number, toggled: readonly number[] = []): RenderedLines => {
		const atWidth = sectionsAt(width);
		const key = toggled.length === 0 ? String(section) : `${section}:${[...toggled].sort((a, b) => a - b).join(',')}`;
		let entry = atWidth.get(key);
		if (!entry) {
			const {lines, callouts} = renderSectionWithCallouts(essay, section, width, styles, {folds: {toggled}});
			entry = {lines: safe(lines), callouts};
			atWidth.set(key, entry);
		}

		return entry;
	};
	const sectionLines = (section: number, width: number): readonly string[] => sectionRendered(section, width).lines;

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

	const index = createSearchIndex(essay.sections.length, sectionLines);
	return {
		isColor: options.isColor,
		linesOf: (page, width) => (page.kind === 'section' ? sectionRendered(page.section, width, page.toggled).lines : rendered(page, width).lines),
		callouts: (page, width) => sectionRendered(page.section, width, page.toggled).callouts,
		focusLine: (page, width) => (page.kind === 'section' ? 0 : rendered(page, width).focus),
		search: (query, width) => index.find(query, width),
		indexStep: (width, budgetMs) => index.step(width, budgetMs),
		highlight: (section, line, width, query, current) =>
			highlightRanges(sectionLines(section, width)[line] ?? '', index.rangesOn(query, width, section, line, current), styles),
		fitQuestion(page, width, height) {
			const quiz = essay.quizzes[page.quiz];
			if (!quiz) return {lines: [], limit: undefined};
			const fitted = fitQuestion(quiz, page.question, width, height, styles);
			return {...fitted, lines: safe(fitted.lines)};
		},
		choice: (label, isSelected, width) => safe(renderChoice(label, isSelected, width, styles)),
	};
}
