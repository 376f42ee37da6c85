import {sectionSource} from '../essay/parse.js';
import type {Essay} from '../essay/types.js';

type Lookup = (name: string) => string | undefined;

const SHORTCODE = /:([a-z0-9_+-]+):/gi;
let lookup: Lookup | undefined;

/** A character a shortcode's name may hold: `[a-z0-9_+-]`, either case. */
function isNameCharacter(code: number): boolean {
	const lower = code | 32;
	return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 43 || code === 45;
}

/**
 * Whether text holds something shaped like a shortcode (SHORTCODE), found from colon to colon: a
 * pattern run over every character of a 20 MB essay took ~25 ms of its start, this ~5.
 */
export function hasShortcode(text: string): boolean {
	for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
		let end = colon + 1;
		while (end < text.length && isNameCharacter(text.charCodeAt(end))) end++;
		if (end > colon + 1 && text.charCodeAt(end) === 58) return true;
	}

	return false;
}

/** Whether any of an essay's sections holds something shaped like a shortcode. */
export function essayHasShortcode(essay: Essay): boolean {
	return essay.sections.some((section) => hasShortcode(sectionSource(section)));
}

/**
 * Loads the emoji table (node-emoji, about 50 ms) only when the essay has a `:shortcode:` in it
 * (`hasShortcode`, when that is known without reading every section), so essays without one never
 * pay for it. Call before rendering.
 */
export async function prepareEmoji(essay: Essay, hasShortcode = (): boolean => essayHasShortcode(essay)): Promise<void> {
	if (lookup || !hasShortcode()) return;
	const emoji = await import('node-emoji');
	lookup = (name) => emoji.get(name);
}

/** Whether prepareEmoji loaded the table. */
export function isEmojiLoaded(): boolean {
	return lookup !== undefined;
}

/** `:coffee:` → ☕ once the table is loaded; unknown shortcodes, and all of them before, stay as written. */
export function replaceShortcodes(text: string): string {
	const find = lookup;
	return find ? text.replace(SHORTCODE, (match, name: string) => find(name) ?? match) : text;
}
