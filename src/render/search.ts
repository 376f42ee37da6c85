import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {Styles} from './styles.js';

/** A match: a line of a section's rendered text. */
export interface LineMatch {
	readonly section: number;
	readonly line: number;
}

/**
 * Searches the rendered text of every section (what the reader sees, not the markdown source),
 * case-insensitively. The plain lower-case text is built once per width; the last query's result is
 * kept, so repeated n/N presses do not scan again.
 */
export function createSearchIndex(sectionCount: number, linesOf: (section: number, width: number) => readonly string[]) {
	const plain = new Map<number, string[][]>();
	let last: {key: string; matches: LineMatch[]} | undefined;

	const plainAt = (width: number): string[][] => {
		let sections = plain.get(width);
		if (!sections) {
			sections = Array.from({length: sectionCount}, (_, section) => linesOf(section, width).map((line) => stripAnsi(line).toLowerCase()));
			plain.set(width, sections);
		}

		return sections;
	};

	return {
		/** Every line containing `query` at `width`, in reading order. */
		find(query: string, width: number): readonly LineMatch[] {
			const needle = query.trim().toLowerCase();
			if (needle === '') return [];
			const key = `${width}\u0000${needle}`;
			if (last?.key === key) return last.matches;
			const matches: LineMatch[] = [];
			plainAt(width).forEach((lines, section) => {
				lines.forEach((line, index) => {
					if (line.includes(needle)) matches.push({section, line: index});
				});
			});
			last = {key, matches};
			return matches;
		},
	};
}

/** Shows every case-insensitive occurrence of `query` in a rendered line in reverse video. */
export function highlightMatches(line: string, query: string, styles: Styles): string {
	const needle = query.trim().toLowerCase();
	if (needle === '') return line;
	const plain = stripAnsi(line);
	const lower = plain.toLowerCase();
	// Lower-casing that changes length (rare scripts) would misplace the highlight: leave such lines be.
	if (lower.length !== plain.length || !lower.includes(needle)) return line;

	let out = '';
	let column = 0;
	let from = 0;
	for (let index = lower.indexOf(needle); index !== -1; index = lower.indexOf(needle, from)) {
		const start = stringWidth(plain.slice(0, index));
		const end = start + stringWidth(plain.slice(index, index + needle.length));
		out += sliceAnsi(line, column, start) + styles.chalk.inverse(plain.slice(index, index + needle.length));
		column = end;
		from = index + needle.length;
	}

	return out + sliceAnsi(line, column);
}
