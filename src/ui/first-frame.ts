import {numberedChoices} from '../essay/quiz.js';
import type {Essay} from '../essay/types.js';
import {bodyRows, isTooSmall} from '../reader/geometry.js';
import {currentPage} from '../reader/reducer.js';
import type {ReaderState} from '../reader/state.js';
import {columnLayout} from '../render/layout.js';
import type {PageLines} from '../render/pages.js';
import {stylesFor} from '../render/styles.js';
import {statusLine, statusParts} from './status.js';
import {tooSmallLines} from './too-small.js';

/**
 * The reader's first screen as the terminal should show it, drawn from the same pure pieces the Ink
 * screens use. It is written while Ink and React are still loading; Ink's first frame then draws the
 * same text over it, so the reader sees the essay at once and no flash after.
 */
export function firstFrame(state: ReaderState, essay: Essay, pages: PageLines, isColor: boolean): string {
	const styles = stylesFor(isColor, true);
	const {chalk} = styles;
	const {screen} = state;
	if (isTooSmall(screen)) return tooSmallLines(screen, styles).join('\n');

	const layout = columnLayout(screen.columns);
	const height = bodyRows(screen.rows);
	const indent = ' '.repeat(layout.margin);
	const page = currentPage(state);
	let body: readonly string[];
	if (page.kind === 'question') {
		const fitted = pages.fitQuestion(page, layout.width, height);
		const question = essay.quizzes[page.quiz]?.questions[page.question];
		// The select input opens with its first choice highlighted and the first `limit` in view.
		const labels = question ? numberedChoices(question) : [];
		const shown = labels.slice(0, fitted.limit ?? labels.length);
		body = [...fitted.lines, ...shown.flatMap((label, index) => pages.choice(label, index === 0, layout.width))];
	} else {
		body = pages.linesOf(page, layout.width).slice(state.scroll, state.scroll + height);
	}

	const lines = Array.from({length: height}, (_, row) => {
		const line = body[row] ?? '';
		return line === '' ? '' : indent + line;
	});
	const {left, right} = statusLine(statusParts(state, essay), screen.columns);
	lines.push(chalk.inverse(chalk.bold(left) + right));
	return lines.join('\n');
}
