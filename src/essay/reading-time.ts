import {sectionSource} from './parse.js';
import type {Essay} from './types.js';

/** An adult's silent reading speed for non-fiction, in words a minute. */
const WORDS_PER_MINUTE = 230;

/**
 * Words in text: runs of characters between white space that hold a letter or a digit (markup such
 * as `##`, `-` or `|` on its own is not a word). One pass over the characters: the count is on the
 * way to the first screen, and an essay can be megabytes.
 */
function words(text: string): number {
	let count = 0;
	let inRun = false;
	let hasWord = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code <= 32) {
			if (inRun && hasWord) count += 1;
			inRun = false;
			hasWord = false;
			continue;
		}

		inRun = true;
		if (!hasWord) hasWord = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
	}

	return inRun && hasWord ? count + 1 : count;
}

/**
 * Essays with more markdown than this (characters) have their words counted after their first screen,
 * a few sections at a time between keys: counting a 20 MB essay takes ~140 ms, more than the rest of
 * its start. Shorter ones are counted at once (1 MB: ~5 ms).
 */
export const COUNT_AT_ONCE = 1024 * 1024;

/** How far an essay's words are counted: the sections before `next`, `words` in all. */
interface Count {
	next: number;
	words: number;
	readonly length: number;
}

const counts = new WeakMap<Essay, Count>();

function countOf(essay: Essay): Count {
	let count = counts.get(essay);
	if (!count) {
		count = {next: 0, words: 0, length: essay.sections.reduce((sum, section) => sum + sectionSource(section).length, 0)};
		counts.set(essay, count);
	}

	return count;
}

/** Counts the words of more sections, for about `budgetMs` (all of them without one); whether every section is counted. */
export function countWords(essay: Essay, budgetMs = Number.POSITIVE_INFINITY): boolean {
	const count = countOf(essay);
	// Without a budget the clock is not read: reading it first loads Node's performance timers, which
	// nothing else needs before a short essay's first screen (counted before it); React's scheduler
	// loads them with Ink, after the paint.
	const until = budgetMs === Number.POSITIVE_INFINITY ? budgetMs : performance.now() + budgetMs;
	while (count.next < essay.sections.length) {
		const section = essay.sections[count.next];
		count.next += 1;
		if (section) count.words += words(section.title) + words(sectionSource(section));
		if (until !== Number.POSITIVE_INFINITY && performance.now() > until) break;
	}

	return count.next >= essay.sections.length;
}

/** Takes `words` as the essay's count, as counted at an earlier reading of the same text: its sections are not read to count them again. */
export function countedBefore(essay: Essay, words: number): void {
	counts.set(essay, {next: essay.sections.length, words, length: 0});
}

/** How many words a reader reads in the essay: its title, headings and the text of every section as written. */
export function wordCount(essay: Essay): number {
	countWords(essay);
	return countOf(essay).words;
}

/** Minutes it takes to read the essay at WORDS_PER_MINUTE, rounded, at least one. */
export function readingMinutes(essay: Essay): number {
	return Math.max(1, Math.round(wordCount(essay) / WORDS_PER_MINUTE));
}

/** `about 4 min read`, as the cover and the contents say it. */
export function readingTimeLabel(essay: Essay): string {
	return `about ${readingMinutes(essay)} min read`;
}

/** The essay's words once all are counted (or were before: countedBefore), else undefined. */
export function knownWordCount(essay: Essay): number | undefined {
	const count = countOf(essay);
	return count.next >= essay.sections.length ? count.words : undefined;
}

/** Whether a start that loads this essay as it was loaded now draws its first screen before its words are counted (a long essay not counted before). */
export function isCountedAfterFirstScreen(essay: Essay): boolean {
	return countOf(essay).length > COUNT_AT_ONCE;
}

/** The reading time where it is known without holding up a first screen: nothing for a long essay until countWords has counted it all. */
export function knownReadingTimeLabel(essay: Essay): string | undefined {
	return knownWordCount(essay) === undefined && isCountedAfterFirstScreen(essay) ? undefined : readingTimeLabel(essay);
}
