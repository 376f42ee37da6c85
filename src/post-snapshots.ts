// Posts read before, as parsed and as the screens they open on were drawn, so that opening one again
// starts as the bundled essay does (dist/essay.json): its front matter is not parsed again, and
// marked is neither loaded nor run cold to draw the first screen (~30 ms of a 50 KB post's start
// here), and its file is not read. A long post is kept by where its sections are in its file, each
// read when first asked for: the start of a 20 MB post reads only the sections it shows.
// Kept in the user's cache folder, a file a post named by its id (its content hash), and used only
// when the post's id is known without hashing it again (src/essay/known-ids.ts: its status is
// unchanged since) and by the program that wrote it. Everything here is a cache: a missing, broken,
// foreign or unwritable file only means parsing and drawing as usual.
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {FileText} from './essay/load.js';
import {countedBefore, wordCount} from './essay/reading-time.js';
import type {Essay, Section, SectionBody} from './essay/types.js';
import {keepLatest, replaceFile, userCacheDir} from './files.js';
import {essayHasShortcode} from './render/emoji.js';
import type {RenderedSection} from './render/pages.js';

/** A section of a long post, kept as how long it is (in bytes of its file) rather than as its text. */
type KeptSection = Omit<Section, 'body'> & {readonly bytes: number; readonly holdsTitle: boolean};

/** Where a long post's sections are in its file: its end, one after the other, the front matter before them. */
export interface KeptText {
	/** How long the file is, in bytes. */
	readonly bytes: number;
	readonly sections: readonly KeptSection[];
	/** Whether a section holds something shaped like an emoji shortcode (emoji.ts): known without reading them all. */
	readonly hasShortcode: boolean;
	/** Its words, as the cover counts them (reading-time.ts): known without reading them all. */
	readonly words: number;
}

/** What a post's file holds. */
export interface PostSnapshot {
	readonly format: number;
	/** The program that parsed and drew it (buildStamp): another build may parse or draw otherwise. */
	readonly build: string;
	/** The post as parsed; a long one without its sections, which `text` says where to read. */
	readonly essay: Essay;
	readonly text?: KeptText;
	readonly rendered: readonly RenderedSection[];
}

/** Bumped whenever what a snapshot holds changes shape. */
const FORMAT = 3;
/** Posts kept, the latest read first. */
const MAX_POSTS = 20;
/** A longer post is kept without its text: the next start reads only the sections it shows, from the post's file. */
const MAX_POST_CHARS = 1_000_000;
const ID = /^[0-9a-f]{24}$/;

function folder(): string {
	return path.join(userCacheDir(), 'posts');
}

/** This program, as built: the size and time of the script running it. */
function buildStamp(): string | undefined {
	try {
		const stats = statSync(fileURLToPath(import.meta.url));
		return `${stats.size}:${Math.floor(stats.mtimeMs)}`;
	} catch {
		return undefined;
	}
}

/** Where the post whose id is `id` is kept. */
export function postSnapshotFile(id: string): string {
	return path.join(folder(), `${id}.json`);
}

/** The snapshot of the post whose id is `id`, when this program kept one. */
export function readPostSnapshot(id: string): PostSnapshot | undefined {
	if (!ID.test(id)) return undefined;
	try {
		const snapshot = JSON.parse(readFileSync(postSnapshotFile(id), 'utf8')) as Partial<PostSnapshot> | null;
		const build = buildStamp();
		if (snapshot?.format !== FORMAT || build === undefined || snapshot.build !== build || snapshot.essay?.id !== id || !Array.isArray(snapshot.rendered)) return undefined;
		if (snapshot.text !== undefined && (typeof snapshot.text.bytes !== 'number' || typeof snapshot.text.hasShortcode !== 'boolean' || typeof snapshot.text.words !== 'number' || !Array.isArray(snapshot.text.sections))) return undefined;
		return snapshot as PostSnapshot;
	} catch {
		return undefined;
	}
}

/** What a section whose file changed since the post was opened shows instead of its text (a chapter's starts with its heading line). */
const CHANGED = "*This part of the post is not shown: the post's file changed after it was opened. Open the post again to read it as it is now.*";

/** A section's text, read from the post's file when first asked for. */
function bodyFrom(text: FileText, start: number, end: number, kind: Section['kind'], holdsTitle: boolean): SectionBody {
	let markdown: string | undefined;
	return {
		holdsTitle,
		get markdown(): string {
			markdown ??= text.part(start, end) ?? (kind === 'cover' ? CHANGED : `##\n${CHANGED}`);
			return markdown;
		},
	};
}

/**
 * The post a snapshot holds, a long one's sections read from its file (`text`) as they are asked for:
 * undefined when that file is not as long as it was.
 */
export function postEssay(snapshot: PostSnapshot, text: FileText): Essay | undefined {
	if (snapshot.text === undefined) {
		text.close();
		return snapshot.essay;
	}

	if (text.bytes !== snapshot.text.bytes) return undefined;
	let start = text.bytes - snapshot.text.sections.reduce((sum, section) => sum + section.bytes, 0);
	if (start < 0) return undefined;
	const sections = snapshot.text.sections.map(({bytes, holdsTitle, ...section}): Section => {
		const body = bodyFrom(text, start, start + bytes, section.kind, holdsTitle);
		start += bytes;
		return {...section, body};
	});
	const essay = {...snapshot.essay, sections};
	countedBefore(essay, snapshot.text.words);
	return essay;
}

/**
 * A long post's sections as kept: where each is in its file, when each was cut from its text as it is
 * (`textBytes`: the file's length, undefined when its text needed mending, or changed), else undefined.
 */
function keptText(essay: Essay, textBytes: () => number | undefined): KeptText | undefined {
	const sections: KeptSection[] = [];
	for (const {body, ...section} of essay.sections) {
		if (!('markdown' in body)) return undefined;
		sections.push({...section, bytes: Buffer.byteLength(body.markdown), holdsTitle: body.holdsTitle});
	}

	const bytes = textBytes();
	return bytes === undefined ? undefined : {bytes, sections, hasShortcode: essayHasShortcode(essay), words: wordCount(essay)};
}

/**
 * Keeps a post as parsed and the sections it would open on as drawn (`drawn`, asked only for a post
 * that is kept), for the next time it is read; a long one by where its sections are in its file
 * (`kept`, when it was opened from what was kept, else found from its sections and `textBytes`, the
 * file's length as it is now, asked only for a long one). Not the bundled essay, nor a post with
 * quizzes (its id joins the quiz file's text), nor one that names other posts by their titles (they
 * may change without this one changing). Whether it was kept.
 */
export function keepPostSnapshot(essay: Essay, drawn: () => readonly RenderedSection[], textBytes: () => number | undefined, kept?: KeptText): boolean {
	if (essay.quizzes.length > 0 || essay.postTitles !== undefined || essay.source !== undefined) return false;
	// A post opened from what was kept is not read whole to be kept again: its sections are where they were.
	const long = kept !== undefined || isLong(essay);
	// Counted first (a long post's words are kept): the cover is drawn with its reading time.
	const text = kept ?? (long ? keptText(essay, textBytes) : undefined);
	if (long && text === undefined) return false;
	const rendered = drawn();
	const build = buildStamp();
	if (build === undefined || rendered.length === 0) return false;
	const snapshot: PostSnapshot = {format: FORMAT, build, essay: text ? {...essay, sections: []} : essay, ...(text && {text}), rendered};
	try {
		mkdirSync(folder(), {recursive: true, mode: 0o700});
		replaceFile(postSnapshotFile(essay.id), JSON.stringify(snapshot), 0o600);
		keepLatest(folder(), (name) => name.endsWith('.json'), MAX_POSTS);
		return true;
	} catch {
		// Next time the post is parsed and drawn as usual.
		return false;
	}
}

/** Whether a post is long: kept without its text. */
function isLong(essay: Essay): boolean {
	let length = 0;
	for (const section of essay.sections) {
		length += 'markdown' in section.body ? section.body.markdown.length : JSON.stringify(section.body).length;
		if (length > MAX_POST_CHARS) return true;
	}

	return false;
}
