// Posts read before, as parsed and as the screens they open on were drawn, so that opening one again
// starts as the bundled essay does (dist/essay.json): its front matter is not parsed again, and
// marked is neither loaded nor run cold to draw the first screen (~30 ms of a 50 KB post's start
// here). A long post is kept by where its sections are in its text, which is cut again, unscanned:
// its control characters are not looked for nor its sections found again (~70 ms of a 20 MB one's).
// Kept in the user's cache folder, a file a post named by its id (its content hash), and used only
// when the post's id is known without hashing it again (src/essay/known-ids.ts: its status is
// unchanged since) and by the program that wrote it. Everything here is a cache: a missing, broken,
// foreign or unwritable file only means parsing and drawing as usual.
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Essay, Section} from './essay/types.js';
import {keepLatest, replaceFile, userCacheDir} from './files.js';
import type {RenderedSection} from './render/pages.js';

/** A section of a long post, kept as how long it is rather than as its text. */
type KeptSection = Omit<Section, 'body'> & {readonly length: number; readonly holdsTitle: boolean};

/** What a post's file holds. */
export interface PostSnapshot {
	readonly format: number;
	/** The program that parsed and drew it (buildStamp): another build may parse or draw otherwise. */
	readonly build: string;
	/** The post as parsed; a long one without its sections, which `text` says how to cut from its text again. */
	readonly essay: Essay;
	readonly text?: {
		/** The text's length: the sections are its end, one after the other, the front matter before them. */
		readonly length: number;
		readonly sections: readonly KeptSection[];
	};
	readonly rendered: readonly RenderedSection[];
}

/** Bumped whenever what a snapshot holds changes shape. */
const FORMAT = 2;
/** Posts kept, the latest read first. */
const MAX_POSTS = 20;
/**
 * A longer post is kept without its text, which the next start reads anyway: reading it from the
 * snapshot as well would cost what it saves.
 */
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

/** The snapshot of the post whose id is `id`, when this program kept one. */
export function readPostSnapshot(id: string): PostSnapshot | undefined {
	if (!ID.test(id)) return undefined;
	try {
		const snapshot = JSON.parse(readFileSync(path.join(folder(), `${id}.json`), 'utf8')) as Partial<PostSnapshot> | null;
		const build = buildStamp();
		if (snapshot?.format !== FORMAT || build === undefined || snapshot.build !== build || snapshot.essay?.id !== id || !Array.isArray(snapshot.rendered)) return undefined;
		if (snapshot.text !== undefined && (typeof snapshot.text.length !== 'number' || !Array.isArray(snapshot.text.sections))) return undefined;
		return snapshot as PostSnapshot;
	} catch {
		return undefined;
	}
}

/** The post a snapshot holds, given its text as read again: undefined when that text does not cut as it was kept. */
export function postEssay(snapshot: PostSnapshot, text: string): Essay | undefined {
	if (snapshot.text === undefined) return snapshot.essay;
	if (text.length !== snapshot.text.length) return undefined;
	let start = text.length - snapshot.text.sections.reduce((sum, section) => sum + section.length, 0);
	if (start < 0) return undefined;
	const sections = snapshot.text.sections.map(({length, holdsTitle, ...section}): Section => {
		const markdown = text.slice(start, start + length);
		start += length;
		return {...section, body: {markdown, holdsTitle}};
	});
	return {...snapshot.essay, sections};
}

/**
 * A long post's sections as kept: how long each is, when each was cut from the text as it is
 * (`textLength`: undefined when the text needed mending, or changed), else undefined.
 */
function keptText(essay: Essay, textLength: () => number | undefined): PostSnapshot['text'] {
	const sections: KeptSection[] = [];
	for (const {body, ...section} of essay.sections) {
		if (!('markdown' in body)) return undefined;
		sections.push({...section, length: body.markdown.length, holdsTitle: body.holdsTitle});
	}

	const length = textLength();
	return length === undefined ? undefined : {length, sections};
}

/**
 * Keeps a post as parsed and the sections it would open on as drawn (`drawn`, asked only for a post
 * that is kept), for the next time it is read; a long one by where its sections are in its text
 * (`textLength`, the length of the text as it is now, asked only for a long one). Not the bundled
 * essay, nor a post with quizzes (its id joins the quiz file's text), nor one that names other posts
 * by their titles (they may change without this one changing).
 */
export function keepPostSnapshot(essay: Essay, drawn: () => readonly RenderedSection[], textLength: () => number | undefined): void {
	if (essay.quizzes.length > 0 || essay.postTitles !== undefined || essay.source !== undefined) return;
	const long = isLong(essay);
	const text = long ? keptText(essay, textLength) : undefined;
	if (long && text === undefined) return;
	const rendered = drawn();
	const build = buildStamp();
	if (build === undefined || rendered.length === 0) return;
	const snapshot: PostSnapshot = {format: FORMAT, build, essay: text ? {...essay, sections: []} : essay, ...(text && {text}), rendered};
	try {
		mkdirSync(folder(), {recursive: true, mode: 0o700});
		replaceFile(path.join(folder(), `${essay.id}.json`), JSON.stringify(snapshot), 0o600);
		keepLatest(folder(), (name) => name.endsWith('.json'), MAX_POSTS);
	} catch {
		// Next time the post is parsed and drawn as usual.
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
