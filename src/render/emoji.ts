import {sectionSource} from '../essay/parse.js';
import type {Essay} from '../essay/types.js';

type Lookup = (name: string) => string | undefined;

const SHORTCODE = /:([a-z0-9_+-]+):/gi;
let lookup: Lookup | undefined;

/**
 * Loads the emoji table (node-emoji, about 50 ms) only when the essay has a `:shortcode:` in it, so
 * essays without one never pay for it. Call before rendering.
 */
export async function prepareEmoji(essay: Essay): Promise<void> {
	if (lookup || !essay.sections.some((section) => /:[a-z0-9_+-]+:/i.test(sectionSource(section)))) return;
	const emoji = await import('node-emoji');
	lookup = (name) => emoji.get(name);
}

/** `:coffee:` → ☕ once the table is loaded; unknown shortcodes, and all of them before, stay as written. */
export function replaceShortcodes(text: string): string {
	const find = lookup;
	return find ? text.replace(SHORTCODE, (match, name: string) => find(name) ?? match) : text;
}
