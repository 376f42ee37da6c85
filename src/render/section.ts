import stringWidth from 'string-width';
import type {Block, Essay, Section} from '../essay/types.js';
import {calloutColor} from '../theme.js';
import {renderMarkdown} from './markdown.js';
import {paint, theme, type Styles} from './styles.js';
import {wrapText} from './wrap.js';

/** Narrowest body a callout box can hold. */
const MIN_BOX_BODY = 6;

function pad(line: string, width: number): string {
	return line + ' '.repeat(Math.max(0, width - stringWidth(line)));
}

/** Draws an MkDocs admonition as a bordered callout `width` columns wide, its body rendered as markdown. */
export function renderCallout(block: Extract<Block, {kind: 'admonition'}>, width: number, styles: Styles, links: string): string[] {
	const border = paint(styles, calloutColor(block.type));
	const inner = Math.max(MIN_BOX_BODY, width - 4);
	const label = block.type.charAt(0).toUpperCase() + block.type.slice(1);
	const marker = block.form === 'collapsed' ? '▸ ' : block.form === 'expanded' ? '▾ ' : '';
	const labelText = ` ${marker}${label} `;
	const topRule = '─'.repeat(Math.max(0, inner + 2 - 1 - stringWidth(labelText)));
	const top = border('╭─') + border.bold(labelText) + border(topRule + '╮');

	const titleLines = block.title === '' || block.title === label ? [] : wrapText(border.bold(block.title), inner);
	const bodyLines = renderBlocks(block.body, inner, styles, links);
	const content = titleLines.length > 0 && bodyLines.length > 0 ? [...titleLines, '', ...bodyLines] : [...titleLines, ...bodyLines];

	const side = border('│');
	const middle = content.map((line) => `${side} ${pad(line, inner)} ${side}`);
	const bottom = border('╰' + '─'.repeat(inner + 2) + '╯');
	return [top, ...middle, bottom];
}

/** Renders a list of blocks to lines at `width`, one blank line between blocks. */
export function renderBlocks(blocks: readonly Block[], width: number, styles: Styles, links: string): string[] {
	const lines: string[] = [];
	for (const block of blocks) {
		const rendered =
			block.kind === 'markdown'
				? renderMarkdown(links === '' ? block.source : `${block.source}\n\n${links}`, width, styles)
				: renderCallout(block, width, styles, links);
		if (rendered.length === 0) continue;
		if (lines.length > 0) lines.push('');
		lines.push(...rendered);
	}

	return lines;
}

function renderHeader(essay: Essay, section: Section, width: number, styles: Styles): string[] {
	if (section.kind === 'cover') {
		const title = wrapText(paint(styles, theme.title).bold(essay.title), width);
		const byline = essay.byline === '' ? [] : wrapText(paint(styles, theme.muted)(essay.byline), width);
		return [...title, ...byline];
	}

	const heading = wrapText(paint(styles, theme.heading).bold(section.title), width);
	const rule = paint(styles, theme.muted)('─'.repeat(Math.min(width, Math.max(1, ...heading.map((line) => stringWidth(line))))));
	return [...heading, rule];
}

/**
 * Renders one section of the essay to ANSI lines no wider than `width`: its header (title and byline
 * on the cover, the heading on a chapter), a blank line, then its blocks.
 */
export function renderSection(essay: Essay, index: number, width: number, styles: Styles): string[] {
	const section = essay.sections[index];
	if (!section) return [];
	const header = renderHeader(essay, section, width, styles);
	const body = renderBlocks(section.blocks, width, styles, essay.linkDefinitions);
	return body.length === 0 ? header : [...header, '', ...body];
}
