import {hintsFor} from '../reader/key-bindings.js';

/** Words the screens show, kept together so they read as one voice. */
export const copy = {
	helpTitle: 'Keys',
	tocTitle: 'Contents',
	summaryTitle: 'Summary',
	coverLabel: 'cover',
	/** In place of a long essay's reading time until its words are counted. */
	countingWords: 'counting its words…',
	currentMarker: '●',
	cursorMarker: '›',
	doneMarker: '✓',
	openMarker: '○',
	quizDone: 'quiz done',
	sectionPosition: (section: number, count: number) => `section ${section} of ${count}`,
	questionPosition: (question: number, count: number) => `question ${question} of ${count}`,
	essayProgress: 'essay',
	top: 'top',
	end: 'end',
	caret: '▏',
	more: '↓',
	tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) =>
		`Needs at least ${minColumns}×${minRows} to read; the terminal is ${columns}×${rows}. Enlarge it, or q quits.`,
	attribution: (title: string, byline: string) => `“${title}”${byline === '' ? '' : ` — ${byline}`}`,
	summaryFooter: (keys: string) => `That is the whole essay. ${keys}.`,
} as const;

/** The summary's closing line, from the key table. */
export function summaryFooter(): string {
	return copy.summaryFooter(hintsFor('summary').replace(/  /g, ' · '));
}
