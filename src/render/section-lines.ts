import type {Essay} from '../essay/types.js';
import {renderSection} from './section.js';
import {stylesFor} from './styles.js';

/** Rendered lines of each section, computed once per (section, width) and then reused. */
export interface SectionLines {
	/** The lines of section `index` wrapped to `width` columns. */
	readonly linesOf: (index: number, width: number) => readonly string[];
}

/** Caches rendered sections of one essay, with colour on or off. */
export function createSectionLines(essay: Essay, options: {readonly isColor: boolean}): SectionLines {
	const styles = stylesFor(options.isColor);
	const cache = new Map<string, readonly string[]>();
	return {
		linesOf(index, width) {
			const key = `${index}:${width}`;
			let lines = cache.get(key);
			if (!lines) {
				lines = renderSection(essay, index, width, styles);
				cache.set(key, lines);
			}

			return lines;
		},
	};
}
