// How MkDocs reads markdown where it differs from plain markdown: attribute lists and titles.
/**
 * An attribute list (`{ .md-button }`, `{ #anchor }`, `{ loading=lazy }`, `{: style="…" }`): markup
 * for the page's HTML, never shown. Prose in braces without a class, id or `key=value` is left alone.
 */
export const ATTRIBUTE_LIST = /[ \t]?\{:?[ \t]*(?:(?:[.#][\w:-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))[ \t]*)+\}/g;

/** Text with its attribute lists taken out. */
export function stripAttributeLists(text: string): string {
	return text.replace(ATTRIBUTE_LIST, '');
}

/**
 * A title from a file name, as MkDocs derives one: `migrating-to-uv.md` → `Migrating to uv`
 * (hyphens and underscores become spaces, the first letter a capital).
 */
export function titleFromFileName(name: string): string {
	const words = name.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
