// What Material for MkDocs adds to markdown (../shared/material-reference/), as a terminal can show
// it: marked extensions for its inline syntax, and what to make of HTML and attribute lists.
import {decodeCharacterReferences} from '../essay/entities.js';
import type {MarkedExtension, Tokens} from 'marked';
import {ATTRIBUTE_LIST, stripAttributeLists} from '../essay/mkdocs.js';
import {cleanText} from '../safe-text.js';
import {paint, theme, type Styles} from './styles.js';

/** An icon shortcode (`:material-account:`, `:octicons-heart-16:`): a picture on the page, nothing in a terminal. */
const ICON = /:(?:material|octicons|fontawesome|simple)-[\w-]+:/g;

/** A code annotation marker (`# (1)!`): the comment becomes the annotation's number. */
const ANNOTATION = /[ \t]*(?:#|\/\/|--|;|%|<!--|\/\*)[ \t]*\((\d+)\)![ \t]*(?:-->|\*\/)?[ \t]*$/;

/** A line of code with an annotation marker shown as its number, `(1)`, as Material draws it. */
export function showAnnotation(line: string): string {
	return line.replace(ANNOTATION, ' ($1)');
}

/** Whether text starts with an attribute list that makes the link before it a button. */
function isButtonAttributes(text: string): boolean {
	ATTRIBUTE_LIST.lastIndex = 0;
	const match = ATTRIBUTE_LIST.exec(text);
	return match !== null && match.index === 0 && /\.md-button\b/.test(match[0]);
}

/** Names of keys as Material writes them (`++ctrl+alt+del++`): the common ones spelled as on the keycap. */
const KEY_NAMES: Readonly<Record<string, string>> = {
	ctrl: 'Ctrl',
	alt: 'Alt',
	shift: 'Shift',
	cmd: 'Cmd',
	del: 'Del',
	enter: 'Enter',
	esc: 'Esc',
	tab: 'Tab',
	space: 'Space',
	backspace: 'Backspace',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
};

function keyCap(name: string): string {
	return KEY_NAMES[name.toLowerCase()] ?? (name.length === 1 ? name.toUpperCase() : name.charAt(0).toUpperCase() + name.slice(1));
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Digits as sub- or superscript characters; anything else stays as it is. */
function scriptDigits(text: string, digits: string): string {
	return /^\d+$/.test(text) ? [...text].map((digit) => digits[Number(digit)] ?? digit).join('') : text;
}

interface InlineToken extends Tokens.Generic {
	readonly text: string;
}

/** An inline extension for a run of text between two delimiters, drawn by `draw`. */
function delimited(name: string, open: string, close: string, draw: (text: string) => string): NonNullable<MarkedExtension['extensions']>[number] {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	// Not the start of a longer delimiter (`^` of `^^`), and no white space just inside.
	const pattern = new RegExp(`^${escape(open)}(?!${escape(open.charAt(0))})(?=\\S)([^\\n]*?\\S)${escape(close)}`);
	return {
		name,
		level: 'inline',
		start: (source: string) => {
			const index = source.indexOf(open);
			return index === -1 ? undefined : index;
		},
		tokenizer(source: string): InlineToken | undefined {
			const match = pattern.exec(source);
			return match ? {type: name, raw: match[0], text: match[1] ?? ''} : undefined;
		},
		renderer: (token) => draw(cleanText(decodeCharacterReferences((token as InlineToken).text))),
	};
}

/** Readable text of HTML written in a post: tags removed, what they mean kept in words. */
function htmlToText(html: string, styles: Styles): string {
	const muted = paint(styles, theme.muted);
	return cleanText(
		decodeCharacterReferences(
			html
				.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
				.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
				.replace(/<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>(?:[\s\S]*?<\/iframe\s*>)?/gi, (_match, src: string) => muted(`[embedded: ${src}]`))
				.replace(/<img\b[^>]*>/gi, (tag) => {
					const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
					const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
					return muted(`[image: ${alt.trim() || 'image'}]${src ? ` (${src})` : ''}`);
				})
				.replace(/<br\s*\/?>/gi, '\n')
				.replace(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption\s*>/gi, (_match, caption: string) => styles.chalk.italic(caption.trim()))
				.replace(/<kbd\b[^>]*>([\s\S]*?)<\/kbd\s*>/gi, (_match, key: string) => styles.chalk.inverse(` ${key.trim()} `))
				// What follows a block's closing tag is a paragraph of its own, not glued to it.
				.replace(/<\/(?:figure|div|p|section|article|aside|details|summary|center|blockquote|table|ul|ol)\s*>/gi, '\n\n')
				.replace(/<\/?[A-Za-z][^>]*>/g, ''),
		),
	).trim();
}

/**
 * Material's inline syntax (keys, marks, insertions, sub- and superscripts), attribute lists, HTML,
 * task lists and character references, for a marked instance drawing with `styles`.
 */
export function materialExtension(styles: Styles): MarkedExtension {
	const c = styles.chalk;
	return {
		extensions: [
			{
				// `$$` … `$$`: a block of math, shown line for line as its source.
				name: 'math',
				level: 'block',
				tokenizer(source: string): Tokens.Code | undefined {
					const match = /^ {0,3}\$\$[ \t]*\n([\s\S]*?)\n {0,3}\$\$[ \t]*(?:\n|$)/.exec(source);
					return match ? {type: 'code', raw: match[0], lang: 'math', text: match[1] ?? ''} : undefined;
				},
			},
			{
				name: 'keys',
				level: 'inline',
				start: (source: string) => {
					const index = source.indexOf('++');
					return index === -1 ? undefined : index;
				},
				tokenizer(source: string): InlineToken | undefined {
					const match = /^\+\+([\w-]+(?:\+[\w-]+)*)\+\+/.exec(source);
					return match ? {type: 'keys', raw: match[0], text: match[1] ?? ''} : undefined;
				},
				renderer: (token) =>
					(token as InlineToken).text
						.split('+')
						.map((key) => c.inverse(` ${keyCap(key)} `))
						.join('+'),
			},
			// Critic markup: suggested changes and comments (`{--x--}`, `{++x++}`, `{~~a~>b~~}`, `{==x==}`, `{>>x<<}`).
			delimited('criticDelete', '{--', '--}', (text) => c.strikethrough(text)),
			delimited('criticAdd', '{++', '++}', (text) => c.underline(text)),
			delimited('criticSubstitute', '{~~', '~~}', (text) => {
				const [before = '', after = ''] = text.split('~>');
				return c.strikethrough(before) + c.underline(after);
			}),
			delimited('criticMark', '{==', '==}', (text) => c.inverse(text)),
			delimited('criticComment', '{>>', '<<}', (text) => paint(styles, theme.muted).italic(text)),
			delimited('mark', '==', '==', (text) => c.inverse(text)),
			delimited('insert', '^^', '^^', (text) => c.underline(text)),
			delimited('superscript', '^', '^', (text) => scriptDigits(text, SUPERSCRIPTS)),
		],
		walkTokens(token) {
			// An attribute list after a link or image, or at the end of a text, is never shown; after a
			// link it may say the link is a button.
			const children = (token as {tokens?: Tokens.Generic[]}).tokens;
			if (!children) return;
			children.forEach((child, index) => {
				if (child.type !== 'text' || typeof child['text'] !== 'string') return;
				const previous = children[index - 1];
				if (previous?.type === 'link' && isButtonAttributes(child['text'] as string)) previous['isButton'] = true;
				child['text'] = stripAttributeLists(child['text'] as string).replace(ICON, '');
				child.raw = stripAttributeLists(child.raw).replace(ICON, '');
			});
		},
		renderer: {
			html(token: Tokens.HTML | Tokens.Tag) {
				const text = htmlToText(token.text, styles);
				return 'block' in token && token.block ? (text === '' ? '' : `${text}\n\n`) : text;
			},
			checkbox() {
				return '';
			},
			// Single tildes are Material's subscript (`H~2~O`); two are a deletion.
			del(token: Tokens.Del) {
				const text = this.parser.parseInline(token.tokens);
				return token.raw.startsWith('~~') ? c.dim.strikethrough(text) : scriptDigits(text, SUBSCRIPTS);
			},
		},
	};
}
