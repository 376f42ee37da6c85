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

/** A fence that opens or closes a code block (``` or ~~~, indented up to three spaces). */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The path of another post a link leads to (`other.md` of `./other.md#part`): an address relative to
 * the post that names a markdown file; nothing for a web address, an absolute path or anything else.
 */
export function postPath(address: string): {readonly path: string; readonly part: string} | undefined {
	const match = /^([^#]+\.(?:md|markdown))(#.*)?$/i.exec(address);
	const path = match?.[1];
	if (path === undefined || /^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('/')) return undefined;
	return {path, part: match?.[2] ?? ''};
}
/** `[^id]: text`, a footnote's content (its following indented lines belong to it). */
const FOOTNOTE = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
/** `*[HTML]: Hyper Text Markup Language`, an abbreviation: a tooltip on the page, nothing to read here. */
const ABBREVIATION = /^ {0,3}\*\[[^\]]+\]:.*$/;
/** `:   A definition`, under the term on the line above it. */
const DEFINITION = /^:[ \t]{1,4}(\S.*)$/;
/** A line that is itself a definition, as converted. */
const DEFINED = /^- /;

/** `--8<-- "file.md"`, a snippet to include (one that load.ts could not find beside the post). */
const SNIPPET = /^([ \t]*);?--8<--[ \t]+"([^"]+)"[ \t]*$/;

/** What the MkDocs extensions that work on whole lines leave to the markdown reader. */
export interface LinePass {
	/** The markdown without footnote contents and abbreviations, snippets as placeholders. */
	readonly markdown: string;
	/** Footnote contents by identifier. */
	readonly footnotes: ReadonlyMap<string, string>;
}

/**
 * Takes out what MkDocs' line-based extensions own, outside code blocks: footnote contents (kept, to
 * be shown as notes), abbreviations (tooltips, nothing to read in a terminal), and snippet includes
 * (a placeholder naming the file).
 */
export function passLines(markdown: string): LinePass {
	const footnotes = new Map<string, string>();
	const kept: string[] = [];
	let fence: string | undefined;
	let footnote: string | undefined;
	const lines = markdown.split('\n');
	for (const line of lines) {
		const fenceMatch = FENCE.exec(line);
		if (fence !== undefined) {
			if (fenceMatch && fenceMatch[1]?.startsWith(fence)) fence = undefined;
			kept.push(line);
			continue;
		}

		if (footnote !== undefined && (/^(?: {4}|\t)/.test(line) || (line.trim() === '' && footnotes.get(footnote) === ''))) {
			footnotes.set(footnote, `${footnotes.get(footnote) ?? ''} ${line.trim()}`.trim());
			continue;
		}

		footnote = undefined;
		if (fenceMatch) fence = fenceMatch[1]?.charAt(0).repeat(fenceMatch[1].length);
		const note = FOOTNOTE.exec(line);
		if (note && fence === undefined) {
			footnote = note[1] ?? '';
			footnotes.set(footnote, (note[2] ?? '').trim());
			continue;
		}

		if (fence === undefined && ABBREVIATION.test(line)) continue;
		// A block of critic highlighting (`{==` and `==}` on lines of their own): its content, as is.
		if (fence === undefined && /^[ \t]*(?:\{==|==\})[ \t]*$/.test(line)) continue;
		// A definition list (`Term` then `:   Definition`): the term in bold, each definition under it.
		const definition = fence === undefined ? DEFINITION.exec(line) : null;
		if (definition) {
			const term = kept.findLastIndex((candidate) => candidate.trim() !== '');
			const termLine = kept[term];
			if (termLine !== undefined && !termLine.startsWith('**') && !DEFINED.test(termLine)) kept[term] = `**${termLine.trim()}**`;
			while (kept.at(-1)?.trim() === '' && kept.length - 1 > term) kept.pop();
			kept.push('', `- ${definition[1] ?? ''}`);
			continue;
		}

		const snippet = fence === undefined ? SNIPPET.exec(line) : null;
		kept.push(snippet ? `${snippet[1] ?? ''}*[snippet: ${snippet[2] ?? ''}]*` : line);
	}

	// Most posts have none of these: then the markdown is returned as it came, not copied.
	const isUnchanged = kept.length === lines.length && kept.every((line, index) => line === lines[index]);
	return {markdown: isUnchanged ? markdown : kept.join('\n'), footnotes};
}

/** A footnote reference, `[^id]`. */
export const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/g;
