import stringWidth from 'string-width';
import {readingTimeLabel} from '../essay/reading-time.js';
import type {Block, Essay, EssaySource, Section} from '../essay/types.js';
import {calloutColor} from '../theme.js';
import {renderMarkdown} from './markdown.js';
import {linkText, paint, theme, type Styles} from './styles.js';
import {wrapText, type CodeLines} from './wrap.js';

/** Narrowest body a callout box can hold. */
const MIN_BOX_BODY = 6;

function pad(line: string, width: number): string {
	return line + ' '.repeat(Math.max(0, width - stringWidth(line)));
}

/**
 * Draws an MkDocs admonition as a bordered callout `width` columns wide, as Material draws it: its
 * title in the title bar (the type's name when it has none, no bar at all for `""`), its body
 * rendered as markdown. A title too long for the bar goes on inside the box.
 */
export function renderCallout(block: Extract<Block, {kind: 'admonition'}>, width: number, styles: Styles, links: string, code: CodeLines = 'marked'): string[] {
	const border = paint(styles, calloutColor(block.type));
	const inner = Math.max(MIN_BOX_BODY, width - 4);
	const marker = block.form === 'collapsed' ? '▸ ' : block.form === 'expanded' ? '▾ ' : '';
	// The title is markdown too (`!!! warning "Beware of [this](…)"`), on as many lines as it needs.
	const titleLines = block.title === '' ? [] : renderMarkdown(block.title, Math.max(1, inner - 2 - stringWidth(marker)), styles);
	const [barTitle, ...moreTitle] = titleLines;
	const labelText = barTitle === undefined ? '' : ` ${marker}${barTitle} `;
	const {horizontal, vertical, round} = styles.box;
	const [topLeft, topRight, bottomLeft, bottomRight] = round;
	const topRule = horizontal.repeat(Math.max(0, inner + 1 - stringWidth(labelText)));
	const top = border(topLeft + horizontal) + border.bold(labelText) + border(topRule + topRight);

	const bodyLines = renderBlocks(block.body, inner, styles, links, code);
	const more = moreTitle.map((line) => border.bold(line));
	const content = more.length > 0 && bodyLines.length > 0 ? [...more, '', ...bodyLines] : [...more, ...bodyLines];

	const side = border(vertical);
	const middle = content.map((line) => `${side} ${pad(line, inner)} ${side}`);
	const bottom = border(bottomLeft + horizontal.repeat(inner + 2) + bottomRight);
	return [top, ...middle, bottom];
}

/**
 * Draws a Material content tab as a terminal can: every tab in order, each a rule carrying its label
 * over its content, indented under it (a tab holding one code block shows the code as it is).
 */
export function renderTab(block: Extract<Block, {kind: 'tab'}>, width: number, styles: Styles, links: string, code: CodeLines = 'marked'): string[] {
	const {horizontal} = styles.box;
	const label = ` ${block.label} `;
	const rule = paint(styles, theme.muted)(horizontal.repeat(2)) + paint(styles, theme.accent).bold(label) + paint(styles, theme.muted)(horizontal.repeat(Math.max(0, Math.min(width, 40) - 2 - stringWidth(label))));
	const body = renderBlocks(block.body, Math.max(MIN_BOX_BODY, width - 2), styles, links, code).map((line) => (line === '' ? '' : `  ${line}`));
	return [rule, ...body];
}

/** Renders a list of blocks to lines at `width`, one blank line between blocks; long code lines as `code` says. */
export function renderBlocks(blocks: readonly Block[], width: number, styles: Styles, links: string, code: CodeLines = 'marked'): string[] {
	const lines: string[] = [];
	for (const block of blocks) {
		const rendered =
			block.kind === 'markdown'
				? renderMarkdown(links === '' ? block.source : `${block.source}\n\n${links}`, width, styles, code)
				: block.kind === 'tab'
					? renderTab(block, width, styles, links, code)
					: renderCallout(block, width, styles, links, code);
		if (rendered.length === 0) continue;
		if (lines.length > 0) lines.push('');
		// One block can be 100,000 lines: appended one by one, not spread into arguments.
		for (const line of rendered) lines.push(line);
	}

	return lines;
}

/** The original post's address, cut into lines of `width` (never wrapped at a word: it is one), each a link. */
function sourceLines(source: EssaySource, width: number, styles: Styles): string[] {
	const muted = paint(styles, theme.muted);
	const lines = wrapText(muted(`First published on the author's blog (${source.licence} licence):`), width);
	const link = paint(styles, theme.link).underline;
	for (let start = 0; start < source.url.length; start += width) {
		const part = source.url.slice(start, start + width);
		lines.push(link(linkText(styles, source.url, part)));
	}

	return lines;
}

function renderHeader(essay: Essay, section: Section, width: number, styles: Styles): string[] {
	if (section.kind === 'cover') {
		const title = wrapText(paint(styles, theme.title).bold(essay.title), width);
		const about = [essay.byline, readingTimeLabel(essay)].filter((part) => part !== '').join(' · ');
		const byline = wrapText(paint(styles, theme.muted)(about), width);
		const source = essay.source ? sourceLines(essay.source, width, styles) : [];
		return [...title, ...byline, ...source];
	}

	const heading = wrapText(paint(styles, theme.heading).bold(section.title), width);
	const rule = paint(styles, theme.muted)(styles.box.horizontal.repeat(Math.min(width, Math.max(1, ...heading.map((line) => stringWidth(line))))));
	return [...heading, rule];
}

/**
 * Renders one section of the essay to ANSI lines no wider than `width` (but code lines kept whole,
 * when `code` says so): its header (title and byline on the cover, the heading on a chapter), a
 * blank line, then its blocks.
 */
export function renderSection(essay: Essay, index: number, width: number, styles: Styles, code: CodeLines = 'marked'): string[] {
	const section = essay.sections[index];
	if (!section) return [];
	const header = renderHeader(essay, section, width, styles);
	const body = renderBlocks(section.blocks, width, styles, essay.linkDefinitions, code);
	return body.length === 0 ? header : [...header, '', ...body];
}
