import type {Answers} from '../essay/score.js';
import type {Page} from './page.js';
import {stopOfSection, type Stop} from './path.js';
import {currentStop} from './reducer.js';
import type {DocumentShape, ReaderState, StartPlace} from './state.js';

/** Where the reader was, in terms that survive a change of terminal width or of `--no-quiz`. */
export type SavedPlace =
	| {readonly kind: 'section'; readonly section: number; readonly scrollFraction: number}
	| {readonly kind: 'quiz'; readonly quiz: number; readonly question: number}
	| {readonly kind: 'summary'; readonly scrollFraction: number};

/** What is saved between runs: the place and every answer. */
export interface Progress {
	readonly place: SavedPlace;
	readonly answers: Answers;
}

function fraction(state: ReaderState, page: Page): number {
	if (state.resumeFraction !== undefined) return state.resumeFraction;
	const lines = state.document.lineCount(page, state.screen.columns);
	return lines > 0 ? Math.min(1, state.scroll / lines) : 0;
}

/** The progress to save for a state. */
export function progressOf(state: ReaderState): Progress {
	const stop = currentStop(state);
	let place: SavedPlace;
	if (stop.kind === 'section') {
		place = {kind: 'section', section: stop.section, scrollFraction: fraction(state, {kind: 'section', section: stop.section})};
	} else if (stop.kind === 'quiz') {
		place = {kind: 'quiz', quiz: stop.quiz, question: state.question};
	} else {
		place = {kind: 'summary', scrollFraction: fraction(state, {kind: 'summary', answers: state.answers})};
	}

	return {place, answers: state.answers};
}

/** Whether saved progress is anything more than a reader who opened the cover and left. */
export function isWorthResuming(progress: Progress): boolean {
	const {place} = progress;
	const atStart = place.kind === 'section' && place.section === 0 && place.scrollFraction === 0;
	return !atStart || progress.answers.some((quiz) => quiz.some((answer) => answer !== undefined));
}

function findStop(stops: readonly Stop[], predicate: (stop: Stop) => boolean): number {
	return stops.findIndex(predicate);
}

/**
 * Turns saved progress into a place on this run's path. A quiz place without quizzes (`--no-quiz`)
 * becomes the bottom of the section the quiz follows; a summary without one, the last stop.
 */
export function startPlaceOf(progress: Progress, document: DocumentShape, quizSections: readonly number[]): StartPlace {
	const {place} = progress;
	const {stops} = document;
	if (place.kind === 'section') {
		const stop = stopOfSection(stops, place.section);
		return stop < 0 ? {stop: 0} : {stop, scrollFraction: place.scrollFraction};
	}

	if (place.kind === 'quiz') {
		const stop = findStop(stops, (candidate) => candidate.kind === 'quiz' && candidate.quiz === place.quiz);
		if (stop >= 0) return {stop, question: place.question};
		const section = stopOfSection(stops, quizSections[place.quiz] ?? 0);
		return {stop: Math.max(0, section), scrollFraction: 1};
	}

	const summary = findStop(stops, (candidate) => candidate.kind === 'summary');
	return summary >= 0 ? {stop: summary, scrollFraction: place.scrollFraction} : {stop: stops.length - 1, scrollFraction: 1};
}
