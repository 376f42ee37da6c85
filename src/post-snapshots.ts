// Posts read before, as parsed and as the screens they open on were drawn, so that opening one again
// starts as the bundled essay does (dist/essay.json): its front matter is not parsed again, and
// marked is neither loaded nor run cold to draw the first screen (~30 ms of a 50 KB post's start
// here). Kept in the user's cache folder, a file a post named by its id (its content hash), and used
// only when the post's id is known without reading it again (src/essay/known-ids.ts: its status is
// unchanged since) and by the program that wrote it. Everything here is a cache: a missing, broken,
// foreign or unwritable file only means parsing and drawing as usual.
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Essay} from './essay/types.js';
import {replaceFile, userCacheDir} from './files.js';
import type {RenderedSection} from './render/pages.js';

/** What a post's file holds. */
export interface PostSnapshot {
	readonly format: number;
	/** The program that parsed and drew it (buildStamp): another build may parse or draw otherwise. */
	readonly build: string;
	readonly essay: Essay;
	readonly rendered: readonly RenderedSection[];
}

/** Bumped whenever what a snapshot holds changes shape. */
const FORMAT = 1;
/** Posts kept, the latest read first. */
const MAX_POSTS = 20;
/** Longer posts are not kept: reading their snapshot would cost what it saves. */
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
		return snapshot as PostSnapshot;
	} catch {
		return undefined;
	}
}

/**
 * Keeps a post as parsed and the sections it would open on as drawn (`drawn`, asked only for a post
 * that is kept), for the next time it is read. Not the bundled essay, nor a post with quizzes (its id
 * joins the quiz file's text), nor one that names other posts by their titles (they may change
 * without this one changing), nor a long one.
 */
export function keepPostSnapshot(essay: Essay, drawn: () => readonly RenderedSection[]): void {
	if (essay.quizzes.length > 0 || essay.postTitles !== undefined || essay.source !== undefined || isLong(essay)) return;
	const rendered = drawn();
	const build = buildStamp();
	if (build === undefined || rendered.length === 0) return;
	const snapshot: PostSnapshot = {format: FORMAT, build, essay, rendered};
	const text = JSON.stringify(snapshot);
	if (text.length > MAX_POST_CHARS) return;
	try {
		mkdirSync(folder(), {recursive: true, mode: 0o700});
		replaceFile(path.join(folder(), `${essay.id}.json`), text, 0o600);
		prune();
	} catch {
		// Next time the post is parsed and drawn as usual.
	}
}

/** Whether a post is too long to keep, known before writing it out (a 20 MB one would be written whole, then dropped). */
function isLong(essay: Essay): boolean {
	let length = 0;
	for (const section of essay.sections) {
		length += 'markdown' in section.body ? section.body.markdown.length : JSON.stringify(section.body).length;
		if (length > MAX_POST_CHARS) return true;
	}

	return false;
}

/** Deletes all but the latest MAX_POSTS snapshots. */
function prune(): void {
	const posts = readdirSync(folder())
		.filter((name) => name.endsWith('.json'))
		.map((name) => ({file: path.join(folder(), name), time: statSync(path.join(folder(), name)).mtimeMs}))
		.sort((a, b) => b.time - a.time);
	for (const {file} of posts.slice(MAX_POSTS)) rmSync(file, {force: true});
}
