import type {TokenizerExtension, Tokens} from 'marked';

/** The token the lexer produces for a content tab, `=== "Label"`, and its indented body. */
export interface ContentTabToken extends Tokens.Generic {
	readonly type: 'contentTab';
	readonly raw: string;
	readonly label: string;
	/** The body with its four-space indent removed: markdown to be parsed again. */
	readonly body: string;
}

/** The token the lexer produces for `!!! type "Title"` and its indented body. */
export interface AdmonitionToken extends Tokens.Generic {
	readonly type: 'admonition';
	readonly raw: string;
	readonly admonitionType: string;
	readonly title: string;
	readonly form: 'fixed' | 'collapsed' | 'expanded';
	/** The body with its four-space indent removed: markdown to be parsed again. */
	readonly body: string;
}

// `!!! note "Title"`, `??? tip`, `???+ warning ""`, and MkDocs' extra classes (`!!! note inline end`).
const OPENER = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)((?:[ \t]+[A-Za-z][\w-]*)*)(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;
// A content tab: `=== "Python"` (`===+` selects it, `===!` starts a new group).
const TAB_OPENER = /^(===[+!]?)[ \t]+"([^"\n]*)"[ \t]*(?:\n|$)/;
// The body: indented lines, with blank lines allowed between them (not after the last one).
const BODY_LINE = /^(?:[ \t]*\n)*(?: {4}|\t)[^\n]*(?:\n|$)/;

/** MkDocs' title when none is given: the type, capitalised. */
function defaultTitle(type: string): string {
	return type.charAt(0).toUpperCase() + type.slice(1);
}

/** Removes one level of indentation (four spaces or a tab) from every line of an admonition body. */
function dedent(body: string): string {
	return body
		.split('\n')
		.map((line) => line.replace(/^(?: {4}|\t)/, ''))
		.join('\n');
}

/** The indented lines after an opener: what they span in the source, and their text without the indent. */
function indentedBody(source: string, from: number): {readonly raw: string; readonly body: string} {
	let raw = '';
	let body = '';
	for (;;) {
		const line = BODY_LINE.exec(source.slice(from + raw.length));
		if (!line) break;
		raw += line[0];
		body += line[0];
	}

	return {raw, body: dedent(body).replace(/^\n+/, '').replace(/\s+$/, '')};
}

/** A marked block extension for Material's content tabs (`=== "Label"` and an indented body). */
export const contentTabExtension: TokenizerExtension = {
	name: 'contentTab',
	level: 'block',
	tokenizer(source: string): ContentTabToken | undefined {
		const opener = TAB_OPENER.exec(source);
		if (!opener) return undefined;
		const {raw, body} = indentedBody(source, opener[0].length);
		return {type: 'contentTab', raw: opener[0] + raw, label: opener[2] ?? '', body};
	},
};

/**
 * A marked block extension that recognises MkDocs admonitions (`!!!`, `???`, `???+`).
 * It has no `start` hook on purpose: marked calls `start` with the whole rest of the document before
 * every paragraph, which made a 5 MB essay take 40 s to lex. Without it an admonition is found at
 * the start of a block, which is where MkDocs requires it (after a blank line).
 */
export const admonitionExtension: TokenizerExtension = {
	name: 'admonition',
	level: 'block',
	tokenizer(source: string): AdmonitionToken | undefined {
		const opener = OPENER.exec(source);
		if (!opener) return undefined;

		const {raw, body} = indentedBody(source, opener[0].length);
		const marker = opener[1] ?? '!!!';
		const type = (opener[2] ?? 'note').toLowerCase();
		const quoted = opener[4];
		return {
			type: 'admonition',
			raw: opener[0] + raw,
			admonitionType: type,
			title: quoted ?? defaultTitle(type),
			form: marker === '!!!' ? 'fixed' : marker === '???' ? 'collapsed' : 'expanded',
			body,
		};
	},
};
