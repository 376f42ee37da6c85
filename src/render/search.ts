import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {Styles} from './styles.js';

/** A match: where it starts in a section's searchable text, and the rendered line that shows it. */
export interface LineMatch {
	readonly section: number;
	readonly line: number;
	/** Where the match starts in the section's searchable text; the same at every width. */
	readonly offset: number;
}

/**
 * A section's rendered text as one searchable string: lines joined by a space, every run of white
 * space one space, case folded, and the frames drawn around callouts and tables left out, so that
 * a phrase is found where the wrap or a callout's border falls inside it. Where each line's characters
 * start in it says which line a match is on; where in that line is worked out again for the few
 * lines drawn with a match on them (a position per character would take 8 bytes a character: 160 MB
 * for the index of a 20 MB essay).
 */
export interface SearchText {
	readonly text: string;
	/** Where each line's characters start in `text` (one more entry than lines, for the end). */
	readonly lineStart: Int32Array<ArrayBuffer>;
}

/** White space and the box-drawing frame of callouts and tables, trimmed from both ends of a line. */
const FRAME = /[\s\u2500-\u259F]/u;

/**
 * What the searchable text reads as a space: white space, and what the renderer draws between words
 * rather than writes (box drawing inside tables and callouts, list bullets). Besides letting a phrase
 * run on past them, this keeps the text of a section in plain ASCII prose one byte a character:
 * V8 stores a string in two bytes a character once it holds one character past U+00FF, and the
 * borders and bullets were all there was (the index of a 20 MB essay: ~36 MB of text).
 */
const SPACE_LIKE = /[\s\u2500-\u259F\u2022]/u;

/** Folds case one character at a time, keeping positions (a fold that changes length keeps the character). */
function fold(character: string): string {
	const lower = character.toLowerCase();
	return lower.length === character.length ? lower : character;
}

/** Normalises a query the way `searchText` normalises the text. */
function normalizeQuery(query: string): string {
	let normalized = '';
	for (const character of query.trim()) {
		if (!SPACE_LIKE.test(character)) normalized += fold(character);
		else if (normalized !== '' && !normalized.endsWith(' ')) normalized += ' ';
	}

	return normalized.trimEnd();
}

/**
 * What one rendered line adds to the searchable text, as `visit(character, column)` for each of its
 * characters, with the column in the line's plain text it came from. Every line starts after a space
 * (the one its line break reads as), so lines are walked alike whether indexed or drawn.
 */
function walkLine(rendered: string, visit: (character: string, column: number) => void): void {
	const plain = stripAnsi(rendered);
	let from = 0;
	let to = plain.length;
	while (from < to && FRAME.test(plain[from] ?? '')) from++;
	while (to > from && FRAME.test(plain[to - 1] ?? '')) to--;
	let isAfterSpace = true;
	for (let column = from; column < to; column++) {
		const character = plain[column] ?? '';
		const isSpace = SPACE_LIKE.test(character);
		if (isSpace && isAfterSpace) continue;
		visit(isSpace ? ' ' : fold(character), column);
		isAfterSpace = isSpace;
	}

	// The line break reads as a space, and belongs to the end of this line.
	if (!isAfterSpace) visit(' ', to);
}

/** A section's rendered lines as one searchable string (see SearchText). */
export function searchText(lines: readonly string[]): SearchText {
	const parts: string[] = [];
	const lineStart = new Int32Array(lines.length + 1);
	let length = 0;
	lines.forEach((rendered, line) => {
		lineStart[line] = length;
		let part = '';
		walkLine(rendered, (character) => {
			part += character;
		});
		parts.push(part);
		length += part.length;
	});
	lineStart[lines.length] = length;
	return {text: parts.join(''), lineStart};
}

/** The line a character of the searchable text came from: the last line starting at or before it. */
function lineAt(searchable: SearchText, offset: number): number {
	const {lineStart} = searchable;
	let low = 0;
	let high = lineStart.length - 2;
	while (low < high) {
		const middle = (low + high + 1) >>> 1;
		if ((lineStart[middle] ?? 0) <= offset) low = middle;
		else high = middle - 1;
	}

	return low;
}

/** The part of one rendered line a match covers: positions in the line's plain text. */
export interface LineRange {
	readonly start: number;
	readonly end: number;
	readonly isCurrent: boolean;
}

/** What a search found so far: its matches, and whether every section was searched. */
export interface SearchResult {
	readonly matches: readonly LineMatch[];
	/** False while the index is still being built: later sections may hold more matches. */
	readonly isComplete: boolean;
	/** Sections searched, of how many. */
	readonly indexed: number;
	readonly total: number;
}

/**
 * Searches the rendered text of every section (what the reader sees, not the markdown source),
 * case-insensitively and across line breaks. The index (each section's searchable text at one width)
 * is built a few sections at a time by `step`, between key presses, so a search never holds the
 * reader up: until it is complete, a search answers from the sections indexed so far and says so.
 * `textOf` gives a section's searchable text, or nothing while the section is still being drawn
 * elsewhere (a long one, in the background): the index takes it on a later step.
 * One width's index is kept: after a change of width, each section keeps its text from the width
 * before until it is indexed again, and a search meanwhile draws again only the sections whose old
 * text holds the query (a section whose old text does not hold it is taken not to: its words are
 * the same, only their lines differ), so a resize does not send a search back to the start. The last
 * query's result is kept while the index stays as it is, so n/N and drawing the matches do not scan again.
 */
export function createSearchIndex(
	sectionCount: number,
	textOf: (section: number, width: number) => SearchText | undefined,
	/** A section's source text (its markdown): where a search looks first for what it waits for. */
	sourceOf: (section: number) => string = () => '',
) {
	let width = -1;
	/** Each section's text, at the width it was indexed at: this one, or (until indexed again) the one before. */
	const texts: Array<{readonly width: number; readonly text: SearchText} | undefined> = Array.from({length: sectionCount}, () => undefined);
	let indexed = 0;
	/** Changes whenever a text does: a kept result is good while it stays the same. */
	let version = 0;
	let last: {key: string; version: number; result: SearchResult} | undefined;

	const at = (wanted: number): void => {
		if (wanted === width) return;
		width = wanted;
		indexed = texts.filter((entry) => entry?.width === wanted).length;
		last = undefined;
	};

	const indexedText = (section: number, wanted: number): SearchText | undefined => {
		at(wanted);
		const entry = texts[section];
		if (entry?.width === wanted) return entry.text;
		const text = textOf(section, wanted);
		if (!text) return undefined;
		texts[section] = {width: wanted, text};
		indexed += 1;
		version += 1;
		return text;
	};

	/** How long a search may spend drawing again the sections whose text from the width before holds it. */
	const REFRESH_MS = 8;

	const find = (query: string, wanted: number): SearchResult => {
		at(wanted);
		const needle = normalizeQuery(query);
		if (needle === '' || needle === ' ') return {matches: [], isComplete: indexed === sectionCount, indexed, total: sectionCount};
		const key = `${wanted}\u0000${needle}`;
		// Until the index changes, the same query finds the same matches: every line drawn asks.
		if (last?.key === key && last.version === version) return last.result;
		const until = performance.now() + REFRESH_MS;
		const matches: LineMatch[] = [];
		let searched = 0;
		for (let section = 0; section < sectionCount; section++) {
			const entry = texts[section];
			if (!entry) continue;
			let searchable: SearchText | undefined = entry.text;
			if (entry.width !== wanted) {
				if (!entry.text.text.includes(needle)) {
					searched += 1;
					continue;
				}

				searchable = performance.now() < until ? indexedText(section, wanted) : undefined;
				if (!searchable) continue;
			}

			searched += 1;
			for (let offset = searchable.text.indexOf(needle); offset !== -1; offset = searchable.text.indexOf(needle, offset + 1)) {
				matches.push({section, line: lineAt(searchable, offset), offset});
			}
		}

		const result = {matches, isComplete: searched === sectionCount, indexed: searched, total: sectionCount};
		last = {key, version, result};
		return result;
	};

	// The sections whose source holds the longest word of the query waited for: its matches are almost
	// always there, so they are indexed first, and the first search of a long essay is answered after
	// drawing the few sections that hold it rather than all of them. (A match made only by what the
	// source writes otherwise, `&#97;` for `a`, is found when the index reaches its section in order.)
	let likely: {readonly query: string; readonly sections: readonly number[]} | undefined;
	const likelySections = (query: string): readonly number[] => {
		if (likely?.query === query) return likely.sections;
		const word = normalizeQuery(query)
			.split(/[^\p{L}\p{N}]+/u)
			.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
		// Letters and digits only: nothing in it to escape.
		const pattern = word.length >= 3 ? new RegExp(word, 'iu') : undefined;
		const sections = pattern ? Array.from({length: sectionCount}, (_, section) => section).filter((section) => pattern.test(sourceOf(section))) : [];
		likely = {query, sections};
		return sections;
	};

	return {
		find,
		/** Drops a section's text (its page changed): it is indexed again on a later step. */
		forget(section: number): void {
			if (texts[section]?.width === width) indexed -= 1;
			texts[section] = undefined;
			version += 1;
		},
		/**
		 * Indexes sections for about `budgetMs` (at least one section), in reading order, or only those
		 * likely to hold `query` (a search waiting for the index) while any of them is not indexed, and
		 * says how far the index is. Called between key presses until it is complete.
		 */
		step(wanted: number, budgetMs: number, query?: string): {readonly indexed: number; readonly total: number} {
			at(wanted);
			const until = performance.now() + budgetMs;
			// While some of them wait, a step draws only those: the search is answered as soon as they
			// are in, not after whatever else fits in the step (a section drawn cold took ~25 ms here).
			const likelyWaiting = (query === undefined ? [] : likelySections(query)).filter((section) => texts[section]?.width !== wanted);
			for (const section of likelyWaiting.length > 0 ? likelyWaiting : Array.from({length: sectionCount}, (_, index) => index)) {
				if (texts[section]?.width === wanted) continue;
				indexedText(section, wanted);
				if (performance.now() > until) break;
			}

			return {indexed, total: sectionCount};
		},
		/**
		 * The parts of a rendered line that matches of `query` cover; `current` is the match shown last.
		 * `rendered` is the line itself, line `line` of the section at this width.
		 */
		rangesOn(query: string, wanted: number, section: number, line: number, rendered: string, current: LineMatch | undefined): LineRange[] {
			const searchable = indexedText(section, wanted);
			if (!searchable) return [];
			const length = normalizeQuery(query).length;
			const lineFrom = searchable.lineStart[line] ?? 0;
			const lineTo = searchable.lineStart[line + 1] ?? lineFrom;
			const {matches} = find(query, wanted);
			// Matches are in reading order: start at the first that ends after this line starts, and stop
			// at the first that starts after it ends, so drawing a line does not go through every match.
			let low = 0;
			let high = matches.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				const match = matches[middle];
				if (match && (match.section < section || (match.section === section && match.offset + length <= lineFrom))) low = middle + 1;
				else high = middle;
			}

			const ranges: LineRange[] = [];
			let columns: number[] | undefined;
			for (let index = low; index < matches.length; index++) {
				const match = matches[index];
				if (!match || match.section !== section || match.offset >= lineTo) break;
				if (!columns) {
					const found: number[] = [];
					walkLine(rendered, (_character, column) => found.push(column));
					columns = found;
				}

				const first = Math.max(match.offset, lineFrom) - lineFrom;
				const last = Math.min(match.offset + length, lineTo) - 1 - lineFrom;
				const start = columns[first] ?? 0;
				const end = (columns[last] ?? start) + 1;
				const isCurrent = current !== undefined && current.section === section && current.offset === match.offset;
				if (end > start) ranges.push({start, end, isCurrent});
			}

			return ranges;
		},
	};
}

/**
 * Draws the matches on a rendered line: every match in reverse video, the current one also bold and
 * underlined, so it stands out with or without colour.
 */
export function highlightRanges(line: string, ranges: readonly LineRange[], styles: Styles): string {
	if (ranges.length === 0) return line;
	const plain = stripAnsi(line);
	let out = '';
	let column = 0;
	for (const range of ranges) {
		const start = stringWidth(plain.slice(0, range.start));
		if (start < column) continue;
		const text = plain.slice(range.start, range.end);
		const style = range.isCurrent ? styles.chalk.inverse.bold.underline : styles.chalk.inverse;
		out += sliceAnsi(line, column, start) + style(text);
		column = start + stringWidth(text);
	}

	return out + sliceAnsi(line, column);
}
