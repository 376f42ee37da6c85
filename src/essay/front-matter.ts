import {loadYaml} from './yaml.js';
import type {FrontMatter} from './types.js';

/** The front matter block and the markdown after it. */
export interface SplitFrontMatter {
	readonly frontMatter: FrontMatter;
	readonly body: string;
}

/** A reason the front matter cannot be read; the loader prefixes the file name. */
export class FrontMatterError extends Error {
	override readonly name = 'FrontMatterError';
}

const EMPTY: FrontMatter = {authors: [], categories: []};

/**
 * Splits `---`-fenced YAML front matter from the top of a normalised (LF, no BOM) document and reads it.
 * Throws FrontMatterError when the block is not closed, is not valid YAML, or is not a mapping.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
	if (!/^---[ \t]*\n/.test(text)) return {frontMatter: EMPTY, body: text};

	const close = /^(?:---|\.\.\.)[ \t]*$/m;
	const afterOpen = text.indexOf('\n') + 1;
	const rest = text.slice(afterOpen);
	const match = close.exec(rest);
	if (!match) throw new FrontMatterError('front matter starts with --- but is never closed');

	const yamlText = rest.slice(0, match.index);
	const body = rest.slice(match.index + match[0].length).replace(/^\n/, '');
	return {frontMatter: readYaml(yamlText), body};
}

function readYaml(yamlText: string): FrontMatter {
	if (yamlText.trim() === '') return EMPTY;
	const loaded = loadYaml(yamlText);
	if (!loaded.ok) throw new FrontMatterError(`invalid YAML front matter: ${loaded.problem}`);
	const data = loaded.value;
	if (data === null || data === undefined) return EMPTY;
	if (typeof data !== 'object' || Array.isArray(data)) {
		throw new FrontMatterError('front matter must be a YAML mapping of keys to values');
	}

	const record = data as Record<string, unknown>;
	return {
		title: optionalText(record['title']),
		// The blog plugin also takes `date: {created: …, updated: …}`; the post is dated when created.
		date: optionalText(isRecord(record['date']) ? record['date']['created'] : record['date']),
		authors: textList(record['authors'] ?? record['author']),
		categories: textList(record['categories'] ?? record['tags']),
		slug: optionalText(record['slug']),
		draft: typeof record['draft'] === 'boolean' ? record['draft'] : undefined,
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

function textList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [value];
	return items.map((item) => optionalText(item)).filter((item): item is string => item !== undefined);
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** `2024-04-08` → `April 8, 2024`; anything that is not an ISO date is returned as written. */
export function formatDate(date: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
	if (!match) return date;
	const month = MONTHS[Number(match[2]) - 1];
	const day = Number(match[3]);
	if (!month || day < 1 || day > 31) return date;
	return `${month} ${day}, ${match[1]}`;
}

/** `jxnl · April 8, 2024 · hiring`: authors, date and categories, whichever are present. */
export function bylineOf(frontMatter: FrontMatter): string {
	return [
		frontMatter.authors.join(', '),
		frontMatter.date === undefined ? '' : formatDate(frontMatter.date),
		frontMatter.categories.join(', '),
	]
		.filter((part) => part !== '')
		.join(' · ');
}
