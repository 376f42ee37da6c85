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

const counted = new WeakMap<Essay, number>();

/** How many words a reader reads in the essay: its title, headings and the text of every section as written (counted once per essay). */
export function wordCount(essay: Essay): number {
	let count = counted.get(essay);
	if (count === undefined) {
		count = essay.sections.reduce((sum, section) => sum + words(section.title) + words(sectionSource(section)), 0);
		counted.set(essay, count);
	}

	return count;
}

/** Minutes it takes to read the essay at WORDS_PER_MINUTE, rounded, at least one. */
export function readingMinutes(essay: Essay): number {
	return Math.max(1, Math.round(wordCount(essay) / WORDS_PER_MINUTE));
}

/** `about 4 min read`, as the cover and the contents say it. */
export function readingTimeLabel(essay: Essay): string {
	return `about ${readingMinutes(essay)} min read`;
}
