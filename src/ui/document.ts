import type {Essay} from '../essay/types.js';
import {readingPath} from '../reader/path.js';
import type {DocumentShape} from '../reader/state.js';
import {columnLayout} from '../render/layout.js';
import type {PageLines} from '../render/pages.js';

/** The reducer's view of an essay: its reading path and how tall each page is, measured by the renderer. */
export function documentShape(essay: Essay, pages: PageLines, options: {readonly withQuizzes: boolean}): DocumentShape {
	const quizzes = options.withQuizzes ? essay.quizzes : [];
	return {
		stops: readingPath(
			essay.sections.length,
			quizzes.map((quiz) => quiz.section),
		),
		sectionCount: essay.sections.length,
		// Answers are kept for every quiz even with --no-quiz, so saving never drops them.
		questionCounts: essay.quizzes.map((quiz) => quiz.questions.length),
		choiceCounts: essay.quizzes.map((quiz) => quiz.questions.map((question) => question.choices.length)),
		lineCount: (page, columns) => pages.linesOf(page, columnLayout(columns).width).length,
		isDrawing: (page, columns) => pages.isDrawing(page, columnLayout(columns).width),
		focusLine: (page, columns) => pages.focusLine(page, columnLayout(columns).width),
		search: (query, columns) => pages.search(query, columnLayout(columns).width),
		callouts: (page, columns) => pages.callouts(page, columnLayout(columns).width),
	};
}
