import type * as Crypto from 'node:crypto';
import {createRequire} from 'node:module';
import {Lexer, Marked, type MarkedOptions, type Token, type Tokens} from 'marked';
import {decodeCharacterReferences} from './entities.js';
import {admonitionExtension, contentTabExtension, type AdmonitionToken, type ContentTabToken} from './admonition.js';
import {FENCE, FOOTNOTE_REFERENCE, passLines, stripAttributeLists} from './mkdocs.js';
import {bylineOf, splitFrontMatter} from './front-matter.js';
import {outline, type Outline} from './outline.js';
import type {Block, Essay, Section, SectionBody} from './types.js';

// Made when first lexing: the bundle evaluates marked only then (esbuild.replacements.mjs), and the
// bundled essay's first screen, drawn at build time, needs none of it.
let lexerOptions: MarkedOptions | undefined;
function markedOptions(): MarkedOptions {
	lexerOptions ??= new Marked({gfm: true, extensions: [admonitionExtension, contentTabExtension]}).defaults;
	return lexerOptions;
}

/**
 * Splits markdown into block tokens (paragraphs, headings, lists...) without lexing their inline
 * text, which is two thirds of marked's work: blocks are kept as source and lexed again when rendered.
 * `inline` lexes a heading's text, with the document's link definitions.
 */
function lexBlocks(markdown: string): {tokens: Token[]; inline: (text: string) => Token[]} {
	const lexer = new Lexer(markedOptions());
	const tokens = lexer.blockTokens(markdown, lexer.tokens);
	return {tokens, inline: (text) => lexer.inlineTokens(text)};
}

// C0 and C1 control characters other than tab and newline: dropped on load so no escape sequence
// written in the content (clipboard writes, title changes, screen clears) can reach the terminal.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Line endings to LF, no byte-order mark, no control characters.
 * CRLF and a BOM must parse exactly like plain LF text.
 */
export function normalizeText(text: string): string {
	// Each pass copies the text only when it has something to change: an essay can be megabytes.
	let normalized = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (normalized.includes('\r')) normalized = normalized.replace(/\r\n?/g, '\n');
	CONTROL_CHARACTERS.lastIndex = 0;
	if (CONTROL_CHARACTERS.test(normalized)) normalized = normalized.replace(CONTROL_CHARACTERS, '');
	return normalized;
}

/** `Lack of Dedicated Research Teams` → `lack-of-dedicated-research-teams`. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/['\u2019]/g, '') // ' and ’
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

/** The text a reader sees in inline markdown, without its markup, attribute lists or character references. */
function plainText(tokens: readonly Token[] | undefined, fallback: string): string {
	if (!tokens) return fallback;
	return tokens
		.map((token) => {
			if ('tokens' in token && token.tokens) return plainText(token.tokens, '');
			if (token.type === 'br') return ' ';
			return 'text' in token && typeof token.text === 'string' ? decodeCharacterReferences(stripAttributeLists(token.text)) : '';
		})
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
}

function isExcerptMarker(token: Token): boolean {
	return token.type === 'html' && /^<!--\s*more\s*-->$/i.test(token.raw.trim());
}

/**
 * Footnote references in a section's text (not its code) become superscript numbers, numbered in the
 * order they first appear in the essay, and the notes they point to follow the section, as Material
 * puts them at the bottom of the page.
 */
function numberFootnotes(tokens: readonly Token[], footnotes: ReadonlyMap<string, string>, numbers: Map<string, number>): {tokens: Token[]; notes: Block[]} {
	if (footnotes.size === 0) return {tokens: [...tokens], notes: []};
	const here: number[] = [];
	const renumber = (text: string): string =>
		text.replace(FOOTNOTE_REFERENCE, (reference, id: string) => {
			if (!footnotes.has(id)) return reference;
			let number = numbers.get(id);
			if (number === undefined) {
				number = numbers.size + 1;
				numbers.set(id, number);
			}

			if (!here.includes(number)) here.push(number);
			return `^${number}^`;
		});
	const numbered = tokens.map((token): Token => {
		if (token.type === 'code') return token;
		const withBody = token as Token & {body?: string};
		return typeof withBody.body === 'string' ? {...token, raw: renumber(token.raw), body: renumber(withBody.body)} as Token : {...token, raw: renumber(token.raw)};
	});
	const ids = new Map([...numbers].map(([id, number]) => [number, id]));
	const notes = here.map((number) => `- ^${number}^ ${footnotes.get(ids.get(number) ?? '') ?? ''}`);
	return {tokens: numbered, notes: notes.length === 0 ? [] : [{kind: 'markdown', source: `**Notes**\n\n${notes.join('\n')}`}]};
}

/**
 * An HTML block with the `markdown` attribute (`<div markdown>…</div>`): MkDocs reads what is inside
 * as markdown, and blank lines around it make marked do the same.
 */
function withMarkdownInside(token: Token): string {
	if (token.type !== 'html') return token.raw;
	return token.raw.replace(/^(\s*<([A-Za-z][\w-]*)\b[^>]*\bmarkdown\b[^>]*>)([\s\S]*?)(<\/\2\s*>\s*)$/, (_match, open: string, _tag: string, inner: string, close: string) => `${open}\n\n${inner.trim()}\n\n${close}`);
}

/** Turns a run of lexer tokens into blocks: markdown runs kept as source, admonitions parsed again. */
function toBlocks(tokens: readonly Token[]): Block[] {
	const blocks: Block[] = [];
	let markdown = '';
	const flush = (): void => {
		// The excerpt marker is dropped as a token (below), so the same text inside code stays.
		const source = markdown.trim();
		if (source !== '') blocks.push({kind: 'markdown', source});
		markdown = '';
	};

	for (const token of tokens) {
		if (token.type === 'admonition') {
			flush();
			const admonition = token as AdmonitionToken;
			blocks.push({
				kind: 'admonition',
				type: admonition.admonitionType,
				title: admonition.title.trim(),
				form: admonition.form,
				body: parseBlocks(admonition.body),
			});
		} else if (token.type === 'contentTab') {
			flush();
			const tab = token as ContentTabToken;
			blocks.push({kind: 'tab', label: tab.label.trim(), body: parseBlocks(tab.body)});
		} else if (token.type !== 'def' && !isExcerptMarker(token)) {
			markdown += withMarkdownInside(token);
		}
	}

	flush();
	return blocks;
}

/** Parses markdown (for example an admonition's body) into blocks. */
export function parseBlocks(markdown: string): Block[] {
	return toBlocks(lexBlocks(markdown).tokens);
}

function linkDefinitionsOf(tokens: readonly Token[]): string {
	return tokens
		.filter((token): token is Tokens.Def => token.type === 'def')
		.map((token) => token.raw.trim())
		.join('\n');
}

// node:crypto takes a few milliseconds to load, and a start from the essay snapshot (load.ts) hashes
// nothing, so it is loaded on first use.
const requireBuiltin = createRequire(import.meta.url);
let crypto: typeof Crypto | undefined;

/**
 * A short, stable hash of content, to key saved progress by what was read. `parts` may be a text's own
 * UTF-8 bytes. Saved progress is found by these ids, and src/essay/known-ids.ts keeps them: what is
 * hashed, and how, must not change without bumping its FORMAT (and a way to find older saves).
 */
export function contentId(...parts: ReadonlyArray<string | Uint8Array>): string {
	crypto ??= requireBuiltin('node:crypto') as typeof Crypto;
	const hash = crypto.createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.digest('hex').slice(0, 24);
}

/** An ATX heading of level one, `# Title`, as a line. */
const H1_LINE = /^ {0,3}# +(.*?)(?: +#+)? *$/;

/**
 * The title another post is known by, as parseEssay would name it, without parsing all of it: its
 * first H1 outside code, else its front matter's title, else `fallbackTitle` (from its file name).
 * Throws FrontMatterError for unreadable front matter.
 */
export function postTitle(text: string, fallbackTitle: string): string {
	const {frontMatter, body} = splitFrontMatter(normalizeText(text));
	let fence: string | undefined;
	for (const line of body.split('\n')) {
		const fenceMatch = FENCE.exec(line)?.[1];
		if (fence !== undefined) {
			if (fenceMatch?.startsWith(fence)) fence = undefined;
			continue;
		}

		if (fenceMatch !== undefined) {
			fence = fenceMatch;
			continue;
		}

		const heading = H1_LINE.exec(line)?.[1];
		if (heading !== undefined && heading.trim() !== '') return plainText(lexBlocks('').inline(heading), heading) || fallbackTitle;
	}

	return frontMatter.title ?? fallbackTitle;
}

/** What the caller must know about the file to name the essay when it has no title of its own. */
export interface ParseOptions {
	/** Used as the title when the file has neither an H1 nor a front-matter title. */
	readonly fallbackTitle: string;
	/** Lex the whole text even where its outline can be trusted (the way taken where it cannot): false by default. */
	readonly lexWhole?: boolean;
	/** The text's own UTF-8 bytes, when the caller has them: hashed as they are, not encoded again (~15 ms for 20 MB). */
	readonly bytes?: Uint8Array;
	/** The text's id when it is known already (src/essay/known-ids.ts): then nothing is hashed. */
	readonly id?: string | undefined;
}

/** A section as found: its heading's text (none for the cover) and its content. */
interface Part {
	readonly heading: string | undefined;
	readonly body: SectionBody;
}

/** What splitting the body found: the title heading's text, the sections, the link definitions. */
interface Split {
	readonly title: string | undefined;
	readonly parts: readonly Part[];
	readonly linkDefinitions: string;
}

/** Splits the body by lexing all of it: for text the outline cannot be sure of (outline.ts). */
function lexedParts(body: string): Split {
	const {markdown, footnotes} = passLines(body);
	const {tokens, inline} = lexBlocks(markdown);
	const headingText = (heading: Tokens.Heading): string => plainText(inline(heading.text), heading.text);
	let title: string | undefined;
	const groups: Array<{heading: Tokens.Heading | undefined; tokens: Token[]}> = [{heading: undefined, tokens: []}];
	for (const token of tokens) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			if (heading.depth === 1 && title === undefined) {
				title = headingText(heading);
				continue;
			}

			if (heading.depth === 2) {
				groups.push({heading, tokens: []});
				continue;
			}
		}

		groups.at(-1)?.tokens.push(token);
	}

	const numbers = new Map<string, number>();
	const parts = groups.map(({heading, tokens: groupTokens}): Part => {
		const {tokens: numbered, notes} = numberFootnotes(groupTokens, footnotes, numbers);
		return {heading: heading ? headingText(heading) : undefined, body: {blocks: [...toBlocks(numbered), ...notes]}};
	});
	return {title, parts, linkDefinitions: linkDefinitionsOf(tokens)};
}

/** An ATX heading line's text as marked reads it: trimmed, without a closing run of `#`. */
function atxText(line: string): string {
	let text = (/^ {0,3}#{1,6}(?=\s|$)(.*)$/.exec(line)?.[1] ?? '').trim();
	if (text.endsWith('#')) {
		const trimmed = text.replace(/#+$/, '');
		if (trimmed === '' || trimmed.endsWith(' ')) text = trimmed.trim();
	}

	return text;
}

/** Splits the body where its outline says, lexing nothing but the headings' text. */
function outlinedParts(body: string, found: Outline): Split {
	const lexer = new Lexer(markedOptions());
	// The definitions first, so that a heading's links resolve as they do in the text.
	lexer.blockTokens(found.definitions, lexer.tokens);
	const headingAt = (start: number): string => {
		const newline = body.indexOf('\n', start);
		const text = atxText(body.slice(start, newline === -1 ? body.length : newline));
		return plainText(lexer.inlineTokens(text), text);
	};

	const starts = [0, ...found.chapters];
	const parts = starts.map((start, index): Part => {
		const end = starts[index + 1] ?? body.length;
		const holdsTitle = found.title !== undefined && found.title >= start && found.title < end;
		return {heading: index === 0 ? undefined : headingAt(start), body: {markdown: body.slice(start, end), holdsTitle}};
	});
	return {title: found.title === undefined ? undefined : headingAt(found.title), parts, linkDefinitions: found.definitions};
}

/** Whether a token is a heading of `depth`. */
function isHeading(token: Token | undefined, depth: number): boolean {
	return token?.type === 'heading' && (token as Tokens.Heading).depth === depth;
}

/** A section's blocks: as parsed, or lexed now from its markdown (not kept: a long essay would hold them twice). */
export function sectionBlocks(section: Section): readonly Block[] {
	const {body} = section;
	if ('blocks' in body) return body.blocks;
	let {tokens} = lexBlocks(passLines(body.markdown).markdown);
	if (section.kind === 'chapter' && isHeading(tokens[0], 2)) tokens = tokens.slice(1);
	const title = body.holdsTitle ? tokens.findIndex((token) => isHeading(token, 1)) : -1;
	return toBlocks(title === -1 ? tokens : tokens.toSpliced(title, 1));
}

/** The markdown of blocks, admonitions' and tabs' titles included. */
function blockSource(blocks: readonly Block[]): string {
	return blocks.map((block) => (block.kind === 'markdown' ? block.source : `${block.kind === 'tab' ? block.label : block.title}\n${blockSource(block.body)}`)).join('\n');
}

/** A section's text as written (markup and all), without its heading: to count and look for words without lexing it. */
export function sectionSource(section: Section): string {
	const {body} = section;
	if ('blocks' in body) return blockSource(body.blocks);
	if (section.kind === 'cover') return body.markdown;
	const newline = body.markdown.indexOf('\n');
	return newline === -1 ? '' : body.markdown.slice(newline + 1);
}

/**
 * Parses a whole markdown document into an Essay: front matter, a cover (title, byline and everything
 * before the first H2), and one section per H2. H3 and deeper stay inside their H2. Where the outline
 * can be trusted (outline.ts), sections keep their markdown, lexed when drawn.
 * Throws FrontMatterError for unreadable front matter.
 */
export function parseEssay(text: string, options: ParseOptions): Essay {
	const normalized = normalizeText(text);
	const {frontMatter, body} = splitFrontMatter(normalized);
	const found = options.lexWhole ? undefined : outline(body);
	const {title, parts, linkDefinitions} = found ? outlinedParts(body, found) : lexedParts(body);
	const essayTitle = title || frontMatter.title || options.fallbackTitle;
	const sections = parts.map(({heading, body: content}, index): Section => {
		// An empty `##` still starts a section; it needs a name for the status bar and contents.
		const sectionTitle = heading === undefined ? essayTitle : heading || `Section ${index + 1}`;
		return {kind: heading === undefined ? 'cover' : 'chapter', title: sectionTitle, slug: slugify(sectionTitle), body: content};
	});

	return {
		id: options.id ?? contentId(normalized === text && options.bytes ? options.bytes : normalized),
		title: essayTitle,
		titleSource: title ? 'heading' : frontMatter.title ? 'front-matter' : 'file-name',
		byline: bylineOf(frontMatter),
		frontMatter,
		sections,
		linkDefinitions,
		quizzes: [],
	};
}
