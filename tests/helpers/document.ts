import type {Page} from '../../src/reader/page.js';
import {readingPath} from '../../src/reader/path.js';
import type {DocumentShape, MatchPlace} from '../../src/reader/state.js';

/** Section heights at 100 columns; twice as tall at half the width. */
export const SECTION_HEIGHTS = [100, 10, 50];

/**
 * A document shaped like the bundled essay: a cover and two patterns, a three-question quiz after
 * each pattern, and a summary. Pages have fixed heights; `matches` are what a search finds.
 */
export function fakeDocument(
	options: {
		readonly withQuizzes?: boolean;
		readonly matches?: readonly MatchPlace[];
		readonly isIndexing?: boolean;
		/** A section being drawn in the background (3 lines saying so) until `isDrawn` says it is there. */
		readonly drawing?: {readonly section: number; readonly isDrawn: () => boolean};
	} = {},
): DocumentShape {
	const quizSections = options.withQuizzes === false ? [] : [1, 2];
	const isDrawing = (page: Page): boolean => page.kind === 'section' && page.section === options.drawing?.section && !options.drawing.isDrawn();
	const heights: Record<Page['kind'], number> = {section: 0, question: 5, feedback: 20, recap: 30, summary: 40};
	return {
		stops: readingPath(3, quizSections),
		sectionCount: 3,
		questionCounts: [3, 3],
		choiceCounts: [
			[4, 4, 4],
			[4, 4, 4],
		],
		lineCount: (page, columns) => {
			if (page.kind !== 'section') return heights[page.kind];
			if (isDrawing(page)) return 3;
			return Math.ceil(((SECTION_HEIGHTS[page.section] ?? 0) * 100) / columns);
		},
		isDrawing,
		// The cover has two collapsible callouts, their title bars on lines 30 and 80.
		callouts: (page) => (page.section === 0 ? [{index: 0, line: 30}, {index: 1, line: 80}] : []),
		focusLine: (page) => (page.kind === 'feedback' ? 15 : 0),
		// While indexing, only the cover has been searched.
		search: (query) => {
			const matches = query === 'none' ? [] : (options.matches ?? []);
			return options.isIndexing
				? {matches: matches.filter((match) => match.section === 0), isComplete: false, indexed: 1, total: 3}
				: {matches, isComplete: true, indexed: 3, total: 3};
		},
	};
}
