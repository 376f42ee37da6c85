import {closeSync, fstatSync, readSync, type BigIntStats} from 'node:fs';
import path from 'node:path';
import {FileProblem, openRegularFile, readOpenFile, readRegularFile, readRegularFileAndStats, statusStamp, systemErrorWords} from '../files.js';
import {knownId, rememberId} from './known-ids.js';
import {postPath, titleFromFileName} from './mkdocs.js';
import {ContentError} from './errors.js';
import {FrontMatterError} from './front-matter.js';
import {contentId, normalizeText, parseEssay, postTitle, sectionBlocks} from './parse.js';
import {parseQuizFile, QuizError} from './quiz.js';
import type {Essay, EssaySource} from './types.js';

/** Larger files are refused rather than read into memory: no essay is this long. */
export const MAX_ESSAY_BYTES = 50 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', {fatal: true});
const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;

/** What a failed read means to someone who asked for this file as an essay. */
const READ_WORDS = {ENOENT: 'no such file', EISDIR: 'is a directory, not a markdown file'};

function describe(error: unknown): string {
	return systemErrorWords(error, READ_WORDS) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Decodes the bytes of a markdown file, refusing what is not text.
 * Throws ContentError naming `file` for empty, binary and non-UTF-8 content.
 */
export function decodeEssayBytes(bytes: Uint8Array, file: string): string {
	if (bytes.length === 0) throw new ContentError(file, 'is empty');
	if (bytes.includes(0)) throw new ContentError(file, 'is a binary file, not markdown text (it contains NUL bytes)');
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		throw new ContentError(file, 'is not valid UTF-8 text');
	}

	if (text.replace(/^\uFEFF/, '').trim() === '') throw new ContentError(file, 'is empty');
	return text;
}

/** The title a post without one takes from its file's name, as MkDocs gives it. */
function fileTitle(file: string): string {
	return titleFromFileName(path.basename(file).replace(MARKDOWN_EXTENSION, ''));
}

/**
 * Parses decoded text (`bytes`: the file it was decoded from; `read`: its status before it was read),
 * turning front-matter problems and an empty body into ContentErrors.
 */
export function parseEssayText(text: string, file: string, bytes?: Uint8Array, read?: BigIntStats): Essay {
	let essay: Essay;
	try {
		const included = includeSnippets(text, file);
		const isFileAlone = included === text;
		// The bytes are the text's own only when nothing was put in and no byte-order mark was dropped.
		const isSameText = bytes !== undefined && isFileAlone && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
		// With nothing put in, the id is the file's alone: kept by its status (`read`), it need not be hashed again.
		const known = read && isFileAlone ? knownId(file, read) : undefined;
		essay = parseEssay(included, {fallbackTitle: fileTitle(file), bytes: isSameText ? bytes : undefined, id: known});
		if (read && isFileAlone && known === undefined) rememberId(file, read, essay.id);
	} catch (error) {
		if (error instanceof FrontMatterError) throw new ContentError(file, error.message);
		throw error;
	}

	const isEmpty = essay.sections.length === 1 && essay.sections[0] !== undefined && sectionBlocks(essay.sections[0]).length === 0 && essay.titleSource !== 'heading';
	if (isEmpty) throw new ContentError(file, 'has no essay text to show (only front matter or comments)');
	const postTitles = titlesOfLinkedPosts(text, file);
	return Object.keys(postTitles).length === 0 ? essay : {...essay, postTitles};
}

const PROBLEMS: Readonly<Record<FileProblem['kind'], string>> = {
	directory: 'is a directory, not a markdown file',
	'not-regular': 'is not a regular file',
	'too-large': `is too large (over ${MAX_ESSAY_BYTES / 1024 / 1024} MB)`,
	link: 'is a symbolic link',
};

function contentError(file: string, error: unknown): ContentError {
	return new ContentError(file, error instanceof FileProblem ? PROBLEMS[error.kind] : describe(error));
}

function openFile(file: string): {fd: number; stats: BigIntStats} {
	try {
		return openRegularFile(file, MAX_ESSAY_BYTES, {followLinks: true});
	} catch (error) {
		throw contentError(file, error);
	}
}

function readBytes(file: string): {bytes: Buffer; stats: BigIntStats} {
	try {
		return readRegularFileAndStats(file, MAX_ESSAY_BYTES, {followLinks: true});
	} catch (error) {
		throw contentError(file, error);
	}
}

/** Parts of a file's text, read when asked while the file is as it was: a post kept by where its sections are (src/post-snapshots.ts). */
export interface FileText {
	/** How long the file is, in bytes. */
	readonly bytes: number;
	/** The text of bytes `start` to `end`, or undefined when the file is no longer as it was (it was written since). */
	part(start: number, end: number): string | undefined;
	/** Closes the file, for a caller that will read no part of it. */
	close(): void;
}

/**
 * The text of an open file (`fd`) as it was when its status was `opened`, a part at a time, for as
 * long as the program runs. A part is taken only while the file's status is that one before and after
 * reading it: any write changes it (files.ts statusStamp). A file put in its place (as editors save)
 * is another file: this one is still read, its change time set by its name going (it has none now,
 * so nothing can open it to write it).
 */
function fileText(fd: number, opened: BigIntStats): FileText {
	const stamp = statusStamp(opened);
	const isAsOpened = (): boolean => {
		const now = fstatSync(fd, {bigint: true});
		return statusStamp(now.nlink === 0n ? {...now, ctimeNs: opened.ctimeNs} : now) === stamp;
	};
	return {
		bytes: Number(opened.size),
		part(start, end) {
			try {
				if (!isAsOpened()) return undefined;
				const bytes = Buffer.allocUnsafe(end - start);
				for (let total = 0; total < bytes.length; ) {
					const read = readSync(fd, bytes, total, bytes.length - total, start + total);
					if (read === 0) return undefined;
					total += read;
				}

				return isAsOpened() ? decoder.decode(bytes) : undefined;
			} catch {
				return undefined;
			}
		},
		close: () => closeSync(fd),
	};
}

/** A snippet include, `--8<-- "file"`, alone on its line (MkDocs' pymdownx.snippets). */
const SNIPPET_LINE = /^([ \t]*);?--8<--[ \t]+"([^"]+)"[ \t]*$/gm;
/** A snippet is a fragment: far smaller than an essay. */
const MAX_SNIPPET_BYTES = 1024 * 1024;

/**
 * Puts the text of each snippet a post includes in its place, as MkDocs does, when the file is beside
 * the post (in its folder or below it, never outside). Others stay as they are, for the parser to show
 * as a placeholder naming the file.
 */
function includeSnippets(text: string, file: string): string {
	if (!text.includes('--8<--')) return text;
	const folder = path.dirname(path.resolve(file));
	return text.replace(SNIPPET_LINE, (line, indent: string, name: string) => {
		const target = path.resolve(folder, name);
		if (!target.startsWith(folder + path.sep)) return line;
		try {
			const included = decoder.decode(readRegularFile(target, MAX_SNIPPET_BYTES, {followLinks: false})).replace(/\r\n?/g, '\n').replace(/\n$/, '');
			return included
				.split('\n')
				.map((includedLine) => (includedLine === '' ? '' : indent + includedLine))
				.join('\n');
		} catch {
			return line;
		}
	});
}

/** A link's address to a markdown file, inline (`](other.md#part)`) or defined (`]: other.md`). */
const POST_LINK = /\]\(\s*<?([^\s()<>#]+\.(?:md|markdown))(?:#[^\s()<>]*)?>?|^ {0,3}\[[^\]]+\]:\s*<?([^\s<>#]+\.(?:md|markdown))(?:#\S*)?>?/gim;
/** A post read for its title is read only as far as that: its first 256 KB. */
const MAX_LINKED_POST_BYTES = 256 * 1024;
/** Posts read for their titles, at most: a long list of links costs no more than this. */
const MAX_LINKED_POSTS = 200;

/** Whether a `.` is followed by `m` or `M` anywhere: found from dot to dot, faster than a pattern. */
function hasDotM(text: string): boolean {
	for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
		if ((text.charCodeAt(dot + 1) | 32) === 109) return true;
	}

	return false;
}

/**
 * The titles of the other posts a post links to, as MkDocs turns such a link into one to that page:
 * for each address to a markdown file beside the post (in its folder or below, never outside nor
 * through a link), the file's title. Others are left out, to be shown by their address.
 */
function titlesOfLinkedPosts(text: string, file: string): Record<string, string> {
	// Most posts link to none: a quick look for `.m` saves going through a long one with the full pattern.
	if (!hasDotM(text)) return {};
	const folder = path.dirname(path.resolve(file));
	const addresses = new Set<string>();
	for (const match of text.matchAll(POST_LINK)) {
		const address = match[1] ?? match[2];
		if (address !== undefined && postPath(address)) addresses.add(address);
		if (addresses.size >= MAX_LINKED_POSTS) break;
	}

	const titles: Record<string, string> = {};
	for (const address of addresses) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(address);
		} catch {
			continue;
		}

		const target = path.resolve(folder, decoded);

		if (!target.startsWith(folder + path.sep) || target === path.resolve(file)) continue;
		try {
			const bytes = readRegularFile(target, MAX_LINKED_POST_BYTES, {followLinks: false});
			titles[decoded] = postTitle(decoder.decode(bytes), fileTitle(target));
		} catch {
			// Not there, not text, too long to be a post, a link: shown by its address.
		}
	}

	return titles;
}

/** The quiz file that belongs to an essay: `X.md` → `X.quiz.yaml` in the same folder. */
export function quizFileFor(essayFile: string): string {
	return essayFile.replace(MARKDOWN_EXTENSION, '') + '.quiz.yaml';
}

function readQuizText(quizFile: string): string | undefined {
	let bytes: Buffer;
	try {
		bytes = readRegularFile(quizFile, MAX_ESSAY_BYTES, {followLinks: true});
	} catch (error) {
		// An essay needs no quiz file: only one that is there and cannot be read is a problem.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw contentError(quizFile, error);
	}

	return decodeEssayBytes(bytes, quizFile);
}

function withQuizzes(essay: Essay, quizFile: string, source: string | undefined): Essay {
	if (source === undefined) return essay;
	try {
		return {...essay, id: contentId(essay.id, source), quizzes: parseQuizFile(source, essay)};
	} catch (error) {
		if (error instanceof QuizError) throw new ContentError(quizFile, error.message);
		throw error;
	}
}

/**
 * An essay and its quizzes as parsed from exactly these texts. The build saves one for the bundled
 * essay (dist/essay.json), so the reader's start skips parsing it; any other text is parsed as usual.
 */
export interface EssaySnapshot {
	readonly essayText: string;
	/** The quiz file's text, or null when the essay had none. */
	readonly quizText: string | null;
	readonly essay: Essay;
}

/** What to load besides the essay. */
export interface LoadOptions {
	/** Read the essay's `.quiz.yaml` too (default true). */
	readonly withQuizzes?: boolean;
	/** A snapshot to use instead of parsing, when the files hold exactly its texts. */
	readonly snapshot?: EssaySnapshot;
	/** Where the essay was first published, when the caller knows. */
	readonly source?: EssaySource | undefined;
	/**
	 * The essay parsed before from a file of id `id` (src/post-snapshots.ts), if it was kept: used
	 * instead of reading and parsing a file whose id is known from its status (unchanged since it was
	 * read). `text` reads parts of the file when they are asked for: an essay returned that never will
	 * closes it.
	 */
	readonly parsedBefore?: (id: string, text: FileText) => Essay | undefined;
}

/** An essay's file as read: its text, or the essay kept from an earlier reading of the same file. */
type Read = {readonly essay: Essay} | {readonly text: string; readonly bytes: Buffer; readonly stats: BigIntStats};

/**
 * Reads an essay's file, unless it was parsed before (`parsedBefore`, asked only for a file whose id
 * is known from its status): then none of it is read now, however long it is.
 */
function readEssayFile(file: string, parsedBefore: LoadOptions['parsedBefore']): Read {
	const {fd, stats} = openFile(file);
	let bytes: Buffer;
	try {
		const id = parsedBefore ? knownId(file, stats) : undefined;
		// The essay keeps the file open to read its sections from.
		const essay = id === undefined ? undefined : parsedBefore?.(id, fileText(fd, stats));
		if (essay !== undefined) return {essay};
		bytes = readOpenFile(fd, stats, MAX_ESSAY_BYTES);
		closeSync(fd);
	} catch (error) {
		closeSync(fd);
		throw contentError(file, error);
	}

	return {text: decodeEssayBytes(bytes, file), bytes, stats};
}

/**
 * Reads and parses a markdown essay and, beside it, its quiz file. The only module that reads content
 * from disk. Every failure is a ContentError whose message names the file and the problem in one line.
 */
export function loadEssay(file: string, options: LoadOptions = {}): Essay {
	const {snapshot} = options;
	const read = readEssayFile(file, snapshot === undefined ? options.parsedBefore : undefined);
	const parsed = (): Essay => ('essay' in read ? read.essay : parseEssayText(read.text, file, read.bytes, read.stats));
	const withSource = (essay: Essay): Essay => (options.source ? {...essay, source: options.source} : essay);
	if (options.withQuizzes === false) return withSource(parsed());
	const quizFile = quizFileFor(file);
	if ('text' in read && snapshot?.essayText === read.text && snapshot.quizText === (readQuizText(quizFile) ?? null) && snapshot.essay.source?.url === options.source?.url) {
		return snapshot.essay;
	}

	// The essay is parsed before its quiz file is read, so the essay's own problems are reported first.
	return withSource(withQuizzes(parsed(), quizFile, readQuizText(quizFile)));
}

/**
 * How many bytes `file` holds while it is still the post of id `id` (its status unchanged since it
 * was read) and its text needed no mending (no byte-order mark, carriage return or control character
 * taken out): a post kept by where its sections are reads them from that file again (src/post-snapshots.ts).
 */
export function unchangedTextBytes(file: string, id: string): number | undefined {
	try {
		const {bytes, stats} = readBytes(file);
		if (knownId(file, stats) !== id) return undefined;
		const text = decodeEssayBytes(bytes, file);
		return normalizeText(text) === text ? bytes.length : undefined;
	} catch {
		return undefined;
	}
}

/** Loads an essay with its quizzes (and where it was first published), and records the texts it came from. */
export function snapshotEssay(file: string, source?: EssaySource): EssaySnapshot {
	const essayText = decodeEssayBytes(readBytes(file).bytes, file);
	const quizFile = quizFileFor(file);
	const quizText = readQuizText(quizFile);
	const essay = withQuizzes(parseEssayText(essayText, file), quizFile, quizText);
	return {essayText, quizText: quizText ?? null, essay: source ? {...essay, source} : essay};
}
