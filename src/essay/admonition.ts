import type {TokenizerExtension, Tokens} from 'marked';

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

		let raw = opener[0];
		let body = '';
		for (;;) {
			const line = BODY_LINE.exec(source.slice(raw.length));
			if (!line) break;
			raw += line[0];
			body += line[0];
		}

		const marker = opener[1] ?? '!!!';
		const type = (opener[2] ?? 'note').toLowerCase();
		const quoted = opener[4];
		return {
			type: 'admonition',
			raw,
			admonitionType: type,
			title: quoted ?? defaultTitle(type),
			form: marker === '!!!' ? 'fixed' : marker === '???' ? 'collapsed' : 'expanded',
			body: dedent(body).replace(/^\n+/, '').replace(/\s+$/, ''),
		};
	},
};
