import type {Block, Essay} from './types.js';

/** An adult's silent reading speed for non-fiction, in words a minute. */
export const WORDS_PER_MINUTE = 230;

/** Markdown that is not read as words: link targets, code fences, HTML tags and comments. */
const NOT_WORDS = /\]\([^)]*\)|^\s*\[[^\]]+\]:.*$|```[^\n]*|<!--[\s\S]*?-->|<[^>]+>/gm;

function blockWords(block: Block): number {
	if (block.kind === 'admonition') return words(block.title) + block.body.reduce((sum, inner) => sum + blockWords(inner), 0);
	return words(block.source.replace(NOT_WORDS, ' '));
}

function words(text: string): number {
	return text.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu)?.length ?? 0;
}

/** How many words a reader reads in the essay: its title, headings and every block. */
export function wordCount(essay: Essay): number {
	return essay.sections.reduce((sum, section) => sum + words(section.title) + section.blocks.reduce((blocks, block) => blocks + blockWords(block), 0), 0);
}

/** Minutes it takes to read the essay at WORDS_PER_MINUTE, rounded, at least one. */
export function readingMinutes(essay: Essay): number {
	return Math.max(1, Math.round(wordCount(essay) / WORDS_PER_MINUTE));
}

/** `about 4 min read`, as the cover and the contents say it. */
export function readingTimeLabel(essay: Essay): string {
	return `about ${readingMinutes(essay)} min read`;
}
