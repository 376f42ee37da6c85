import type {Essay} from './essay/types.js';
import {renderSection} from './render/section.js';
import {stylesFor} from './render/styles.js';

/** What to print and how. */
export interface PrintOptions {
	readonly width: number;
	readonly isColor: boolean;
	/** Only this section (0-based), when given. */
	readonly section?: number;
}

/**
 * The essay as plain text for a pipe or `--print`: title, byline, then every section, callouts drawn as
 * text boxes. Without colour it holds no escape codes at all.
 */
export function printEssay(essay: Essay, options: PrintOptions): string {
	const styles = stylesFor(options.isColor);
	const indexes = options.section === undefined ? essay.sections.map((_, index) => index) : [options.section];
	return indexes.map((index) => renderSection(essay, index, options.width, styles).join('\n')).join('\n\n\n') + '\n';
}
