import type {Answers} from '../essay/score.js';

/**
 * What fills the screen above the status bar, described as data. Text pages are drawn from rendered
 * lines and scroll; a `question` is drawn by the quiz's select input and does not scroll.
 */
export type Page =
	/** `toggled`: the collapsible callouts (`???`) opened or closed from how they start, by number. */
	| {readonly kind: 'section'; readonly section: number; readonly toggled?: readonly number[]}
	| {readonly kind: 'question'; readonly quiz: number; readonly question: number}
	| {readonly kind: 'feedback'; readonly quiz: number; readonly question: number; readonly choice: number}
	| {readonly kind: 'recap'; readonly quiz: number; readonly answers: ReadonlyArray<number | undefined>}
	| {readonly kind: 'summary'; readonly answers: Answers};
