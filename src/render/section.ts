import stringWidth from 'string-width';
import {sectionBlocks, sectionSource} from '../essay/parse.js';
import {knownReadingTimeLabel} from '../essay/reading-time.js';
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

/** Which collapsible callouts (`???`, `???+`) are open: all of them (print), or each as its form says but those toggled. */
export type Folds = 'all-open' | {readonly toggled: readonly number[]};

/** Where a collapsible callout's title bar is in a section's lines, and its number in the section. */
export interface CalloutPlace {
	readonly index: number;
	readonly line: number;
}

/** Lines, and where the collapsible callouts among them start. */
interface Rendered {
	readonly lines: string[];
	readonly callouts: CalloutPlace[];
}

/** What every block of a section is drawn with, and the count of its collapsible callouts so far. */
interface BlockContext {
	readonly styles: Styles;
	readonly links: string;
	/** Titles of the other posts the essay links to (Essay.postTitles). */
	readonly posts: Readonly<Record<string, string>>;
	readonly code: CodeLines;
	readonly folds: Folds;
	next: number;
}

function isOpen(block: Extract<Block, {kind: 'admonition'}>, index: number, folds: Folds): boolean {
	if (block.form === 'fixed' || folds === 'all-open') return true;
	const isToggled = folds.toggled.includes(index);
	return block.form === 'expanded' ? !isToggled : isToggled;
}

/** How many collapsible callouts `blocks` hold, at any depth: the numbers a closed callout's body takes up. */
function collapsibleIn(blocks: readonly Block[]): number {
	let count = 0;
	for (const block of blocks) {
		if (block.kind === 'markdown') continue;
		if (block.kind === 'admonition' && block.form !== 'fixed') count++;
		count += collapsibleIn(block.body);
	}

	return count;
}

function shifted(callouts: readonly CalloutPlace[], by: number): CalloutPlace[] {
	return callouts.map((place) => ({index: place.index, line: place.line + by}));
}

/**
 * Draws an MkDocs admonition as a bordered callout `width` columns wide, as Material draws it: its
 * title in the title bar (the type's name when it has none, no bar at all for `""`), its body
 * rendered as markdown. A title too long for the bar goes on inside the box. A collapsible one that is
 * closed shows its title bar only, marked ▸ (open: ▾).
 */
function renderCallout(block: Extract<Block, {kind: 'admonition'}>, width: number, context: BlockContext): Rendered {
	const {styles} = context;
	const index = block.form === 'fixed' ? undefined : context.next++;
	const isShown = index === undefined || isOpen(block, index, context.folds);
	const border = paint(styles, calloutColor(block.type));
	const inner = Math.max(MIN_BOX_BODY, width - 4);
	const marker = block.form === 'fixed' ? '' : isShown ? '▾ ' : '▸ ';
	// The title is markdown too (`!!! warning "Beware of [this](…)"`), on as many lines as it needs.
	const titleLines = block.title === '' ? [] : renderMarkdown(block.title, Math.max(1, inner - 2 - stringWidth(marker)), styles, 'marked', context.posts);
	const [barTitle, ...moreTitle] = titleLines;
	const labelText = barTitle === undefined ? (marker === '' ? '' : ` ${marker}`) : ` ${marker}${barTitle} `;
	const {horizontal, vertical, round} = styles.box;
	const [topLeft, topRight, bottomLeft, bottomRight] = round;
	const topRule = horizontal.repeat(Math.max(0, inner + 1 - stringWidth(labelText)));
	const top = border(topLeft + horizontal) + border.bold(labelText) + border(topRule + topRight);
	const bottom = border(bottomLeft + horizontal.repeat(inner + 2) + bottomRight);
	const own = index === undefined ? [] : [{index, line: 0}];
	if (!isShown) {
		// Closed: its inner callouts are numbered all the same, so the numbers do not depend on what is open.
		context.next += collapsibleIn(block.body);
		return {lines: [top, bottom], callouts: own};
	}

	const body = renderBlocks(block.body, inner, context);
	const more = moreTitle.map((line) => border.bold(line));
	const gap = more.length > 0 && body.lines.length > 0 ? [''] : [];
	const content = [...more, ...gap, ...body.lines];
	const side = border(vertical);
	const middle = content.map((line) => `${side} ${pad(line, inner)} ${side}`);
	return {lines: [top, ...middle, bottom], callouts: [...own, ...shifted(body.callouts, 1 + more.length + gap.length)]};
}

/**
 * Draws a Material content tab as a terminal can: every tab in order, each a rule carrying its label
 * over its content, indented under it (a tab holding one code block shows the code as it is).
 */
function renderTab(block: Extract<Block, {kind: 'tab'}>, width: number, context: BlockContext): Rendered {
	const {styles} = context;
	const {horizontal} = styles.box;
	const label = ` ${block.label} `;
	const rule = paint(styles, theme.muted)(horizontal.repeat(2)) + paint(styles, theme.accent).bold(label) + paint(styles, theme.muted)(horizontal.repeat(Math.max(0, Math.min(width, 40) - 2 - stringWidth(label))));
	const body = renderBlocks(block.body, Math.max(MIN_BOX_BODY, width - 2), context);
	return {lines: [rule, ...body.lines.map((line) => (line === '' ? '' : `  ${line}`))], callouts: shifted(body.callouts, 1)};
}

/** Renders a list of blocks to lines at `width`, one blank line between blocks. */
function renderBlocks(blocks: readonly Block[], width: number, context: BlockContext): Rendered {
	const lines: string[] = [];
	const callouts: CalloutPlace[] = [];
	for (const block of blocks) {
		const rendered: Rendered =
			block.kind === 'markdown'
				? {lines: renderMarkdown(context.links === '' ? block.source : `${block.source}\n\n${context.links}`, width, context.styles, context.code, context.posts), callouts: []}
				: block.kind === 'tab'
					? renderTab(block, width, context)
					: renderCallout(block, width, context);
		if (rendered.lines.length === 0) continue;
		if (lines.length > 0) lines.push('');
		callouts.push(...shifted(rendered.callouts, lines.length));
		// One block can be 100,000 lines: appended one by one, not spread into arguments.
		for (const line of rendered.lines) lines.push(line);
	}

	return {lines, callouts};
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
		// A long essay's reading time shows once its words are counted (pages.ts counts them in steps).
		const about = [essay.byline, knownReadingTimeLabel(essay) ?? ''].filter((part) => part !== '').join(' · ');
		const byline = wrapText(paint(styles, theme.muted)(about), width);
		const source = essay.source ? sourceLines(essay.source, width, styles) : [];
		return [...title, ...byline, ...source];
	}

	const heading = wrapText(paint(styles, theme.heading).bold(section.title), width);
	const rule = paint(styles, theme.muted)(styles.box.horizontal.repeat(Math.min(width, Math.max(1, ...heading.map((line) => stringWidth(line))))));
	return [...heading, rule];
}

/** How a section is drawn: long code lines (whole for print), and which collapsible callouts are open. */
export interface SectionOptions {
	readonly code?: CodeLines;
	readonly folds?: Folds;
}

/**
 * Renders one section of the essay to ANSI lines no wider than `width` (but code lines kept whole,
 * when `code` says so): its header (title and byline on the cover, the heading on a chapter), a
 * blank line, then its blocks; and where its collapsible callouts are.
 */
export function renderSectionWithCallouts(essay: Essay, index: number, width: number, styles: Styles, options: SectionOptions = {}): Rendered {
	const section = essay.sections[index];
	if (!section) return {lines: [], callouts: []};
	const header = renderHeader(essay, section, width, styles);
	const context: BlockContext = {styles, links: essay.linkDefinitions, posts: essay.postTitles ?? {}, code: options.code ?? 'marked', folds: options.folds ?? {toggled: []}, next: 0};
	const body = renderBlocks(sectionBlocks(section), width, context);
	if (body.lines.length === 0) return {lines: header, callouts: []};
	return {lines: [...header, '', ...body.lines], callouts: shifted(body.callouts, header.length + 1)};
}

/** A section's lines (see renderSectionWithCallouts). */
export function renderSection(essay: Essay, index: number, width: number, styles: Styles, code: CodeLines = 'marked'): string[] {
	return renderSectionWithCallouts(essay, index, width, styles, {code, folds: code === 'whole' ? 'all-open' : {toggled: []}}).lines;
}

/**
 * A section whose body is not drawn yet (a long one, drawn in the background) or could not be: its
 * header, then `note` in place of the body.
 */
export function renderSectionNote(essay: Essay, index: number, width: number, styles: Styles, note: string): string[] {
	const section = essay.sections[index];
	if (!section) return [];
	return [...renderHeader(essay, section, width, styles), '', ...wrapText(paint(styles, theme.muted)(note), width)];
}

/**
 * What drawing a table cell costs beyond its characters, in characters of prose: fitting columns and
 * placing cells make a table several times dearer than prose of its size (a table of 1,000 columns in
 * 18 KB takes as long as ~80 KB of paragraphs).
 */
const CELL_COST = 16;

/** What drawing a section costs, in characters of prose: its markdown, each table cell (`|`) counted dearer. */
export function drawingCost(section: Section): number {
	const source = sectionSource(section);
	let cost = source.length;
	for (let bar = source.indexOf('|'); bar !== -1; bar = source.indexOf('|', bar + 1)) cost += CELL_COST;
	return cost;
}
