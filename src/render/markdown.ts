import {Marked, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {decodeCharacterReferences} from '../essay/entities.js';
import {cleanText} from '../safe-text.js';
import {replaceShortcodes} from './emoji.js';
import {postPath} from '../essay/mkdocs.js';
import {materialExtension, showAnnotation} from './material.js';
import {renderTable} from './table.js';
import {paint, theme, type Styles} from './styles.js';
import {CODE_LINE, wrapText, type CodeLines} from './wrap.js';

/** The other posts a document links to, by address (Essay.postTitles): set for each document drawn. */
interface LinkedPosts {
	titles: Readonly<Record<string, string>>;
}

/** Where a link to another post goes, as a reader of the blog would follow it: that post, by its title when known. */
function postLabel(href: string, posts: LinkedPosts): string | undefined {
	let address: string;
	try {
		address = decodeURIComponent(href);
	} catch {
		return undefined;
	}

	const post = postPath(address);
	if (!post) return undefined;
	const {path, part} = post;
	const title = posts.titles[path];
	return title === undefined ? `post ${path.replace(/^\.\//, '')}${part}` : `post “${title}”${part === '' ? '' : ` ${part}`}`;
}

function createMarked(styles: Styles, width: number, posts: LinkedPosts): Marked {
	const c = styles.chalk;
	const marked = new Marked(
		markedTerminal({
			code: paint(styles, theme.code),
			blockquote: c.italic,
			html: paint(styles, theme.muted),
			heading: paint(styles, theme.subheading).bold,
			firstHeading: paint(styles, theme.title).bold,
			hr: paint(styles, theme.muted),
			listitem: (text) => text,
			table: (text) => text,
			paragraph: (text) => text,
			strong: c.bold,
			em: c.italic,
			codespan: paint(styles, theme.code),
			del: c.dim.strikethrough,
			link: paint(styles, theme.link),
			href: paint(styles, theme.link).underline,
			// Shortcodes are ours (emoji.ts), so the emoji table loads only for essays that use one.
			emoji: false,
			// Character references are decoded once, below, before the text is made safe.
			unescape: false,
			width,
			reflowText: false,
			showSectionPrefix: false,
			tab: 2,
		}),
	);

	let listDepth = 0;
	let quoteDepth = 0;
	marked.use(materialExtension(styles));
	marked.use({
		// The lexer decodes numeric character references (`&#27;`, `&#x9b;`) and leaves named ones
		// (`&mdash;`) to HTML: both are decoded here, outside code, and what they decoded is text like
		// any other, in which no control character may reach the terminal.
		walkTokens(token) {
			const fields = token as unknown as Record<string, unknown>;
			const isCode = token.type === 'code' || token.type === 'codespan';
			for (const field of ['text', 'raw', 'href', 'title', 'lang']) {
				const value = fields[field];
				if (typeof value !== 'string') continue;
				fields[field] = cleanText(isCode || field === 'raw' || field === 'href' ? value : decodeCharacterReferences(value));
			}
		},
		renderer: {
			// marked-terminal renumbers nested bullets as part of their ordered parent and emits stray
			// reset-only lines; lists are drawn here, each item's lines hanging under its bullet.
			list(token: Tokens.List) {
				listDepth += 1;
				try {
					const start = typeof token.start === 'number' ? token.start : 1;
					const lines: string[] = [];
					token.items.forEach((item, index) => {
						// A task item shows its box where the bullet would be, as Material draws it.
						const bullet = item.task ? `${item.checked ? styles.box.checked : styles.box.unchecked} ` : token.ordered ? `${start + index}. ` : '• ';
						const body = item.tokens
							.map((child) =>
								child.type === 'text'
									? this.parser.parseInline((child as Tokens.Text).tokens ?? [child]) + '\n'
									: this.parser.parse([child]),
							)
							.join('')
							.replace(/\n+$/, '')
							.split('\n');
						body.forEach((line, lineIndex) => {
							lines.push(lineIndex === 0 ? bullet + line : line === '' ? '' : ' '.repeat(bullet.length) + line);
						});
						if (item.loose && index < token.items.length - 1) lines.push('');
					});
					const indent = listDepth === 1 ? '  ' : '';
					return lines.map((line) => (line === '' ? '' : indent + line)).join('\n') + '\n\n';
				} finally {
					listDepth -= 1;
				}
			},
			// marked-terminal leaves inline markup literal in tight list items (`**foo**`) and keeps the
			// source's soft line breaks; both are fixed here, before our own wrapping.
			text(token: Tokens.Text | Tokens.Escape) {
				if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
				return replaceShortcodes(token.text.replace(/\n/g, ' '));
			},
			// marked-terminal draws rules as wide as process.stdout, not the width asked for.
			hr() {
				return paint(styles, theme.muted)(styles.box.horizontal.repeat(width)) + '\n\n';
			},
			// Code blocks: indented, one style, tabs expanded, every line kept as written (CODE_LINE:
			// never rewrapped, blank lines kept), under the block's title and language when it names them.
			code(token: Tokens.Code) {
				const style = paint(styles, theme.code);
				const info = (token.lang ?? '').trim();
				const language = /^[^\s{]+/.exec(info)?.[0] ?? '';
				const title = /title="([^"]*)"/.exec(info)?.[1] ?? '';
				// A Mermaid diagram cannot be drawn here: its source is shown, labelled as a diagram.
				const kind = language === 'mermaid' ? 'diagram (mermaid)' : language;
				const label = [title, kind].filter((part) => part !== '').join(' · ');
				const header = label === '' ? '' : `    ${paint(styles, theme.muted)(label)}\n`;
				const body = token.text
					.replace(/\t/g, '    ')
					.split('\n')
					.map((line) => CODE_LINE + '    ' + style(showAnnotation(line)))
					.join('\n');
				return header + body + '\n\n';
			},
			blockquote(token: Tokens.Blockquote) {
				const bar = paint(styles, theme.muted)(styles.box.quote);
				quoteDepth += 1;
				let body: string;
				try {
					body = this.parser.parse(token.tokens).replace(/\n+$/, '');
				} finally {
					quoteDepth -= 1;
				}

				// Only the outermost quote sets italics: styling each nested level again would repeat every
				// inner style code once per level (400 levels made a line of 80,000 codes).
				const style = quoteDepth === 0 ? c.italic : (line: string) => line;
				return (
					body
						.split('\n')
						.map((line) => bar + style(line))
						.join('\n') + '\n\n'
				);
			},
			// Plain `text (url)`: OSC 8 hyperlinks confuse width measurement and some terminals.
			link(token: Tokens.Link & {isButton?: boolean}) {
				const text = this.parser.parseInline(token.tokens);
				const href = paint(styles, theme.link).underline(token.href);
				// A Material button (`{ .md-button }`): the label as a key cap, then where it goes.
				if (token.isButton) return `${c.inverse(` ${text} `)} (${href})`;
				// A link to another post of the blog: where it goes, not an address a terminal cannot open.
				const post = postLabel(token.href, posts);
				if (post !== undefined) return `${paint(styles, theme.link)(text)} (${paint(styles, theme.muted)(post)})`;
				const plain = token.text.trim();
				if (plain === '' || plain === token.href || `mailto:${plain}` === token.href) return href;
				return `${paint(styles, theme.link)(text)} (${href})`;
			},
			image(token: Tokens.Image) {
				const alt = token.text.trim() || 'image';
				return paint(styles, theme.muted)(`[image: ${alt}] (${token.href})`);
			},
			// marked-terminal's tables ignore the width: drawn here, fitted to it (src/render/table.ts).
			table(token: Tokens.Table) {
				const head = token.header.map((cell) => this.parser.parseInline(cell.tokens));
				const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
				return renderTable(head, rows, token.align, width, styles).join('\n') + '\n\n';
			},
		},
	});
	return marked;
}

const instances = new Map<string, {readonly marked: Marked; readonly posts: LinkedPosts}>();

/**
 * Renders markdown to terminal lines at most `width` display columns wide, styled with marked and
 * marked-terminal; links to other posts (`./other.md`) name them by `postTitles` (Essay.postTitles).
 * Pure for a given input; marked instances are reused per (colour, width).
 */
export function renderMarkdown(markdown: string, width: number, styles: Styles, code: CodeLines = 'marked', postTitles: Readonly<Record<string, string>> = {}): string[] {
	const key = `${styles.isColor}:${styles.chalk.level}:${width}`;
	let instance = instances.get(key);
	if (!instance) {
		const posts: LinkedPosts = {titles: {}};
		instance = {marked: createMarked(styles, width, posts), posts};
		// One instance per width in use; a run of resizes starts afresh rather than keep them all.
		if (instances.size >= 8) instances.clear();
		instances.set(key, instance);
	}

	// Drawing is synchronous: these titles are the ones in use until it returns.
	instance.posts.titles = postTitles;
	const output = instance.marked.parse(markdown, {async: false});
	return wrapText(output, width, code, paint(styles, theme.muted));
}
