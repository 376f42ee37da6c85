/**
 * Semantic colours, shared by the markdown renderer (through chalk) and the Ink screens.
 * Each value is a colour name both chalk and Ink understand; components never name colours themselves.
 */
export const theme = {
	accent: 'cyan',
	title: 'magentaBright',
	heading: 'green',
	subheading: 'greenBright',
	muted: 'gray',
	code: 'yellow',
	link: 'blue',
	correct: 'green',
	wrong: 'red',
	warning: 'yellow',
} as const;

/** A colour name from the theme. */
export type ThemeColor = (typeof theme)[keyof typeof theme];

/** Callout colours by MkDocs admonition type; anything unknown looks like a note. */
const calloutColors: Readonly<Record<string, ThemeColor | 'blue' | 'red' | 'magenta'>> = {
	note: 'blue',
	info: 'blue',
	abstract: 'cyan',
	summary: 'cyan',
	tldr: 'cyan',
	todo: 'cyan',
	tip: 'green',
	hint: 'green',
	important: 'green',
	success: 'green',
	check: 'green',
	done: 'green',
	question: 'green',
	help: 'green',
	faq: 'green',
	warning: 'yellow',
	caution: 'yellow',
	attention: 'yellow',
	failure: 'red',
	fail: 'red',
	missing: 'red',
	danger: 'red',
	error: 'red',
	bug: 'red',
	example: 'magenta',
	quote: 'gray',
	cite: 'gray',
};

/** The border colour of a callout of the given admonition type. */
export function calloutColor(type: string): string {
	return calloutColors[type] ?? 'blue';
}
