// The ids (content hashes, parse.ts's contentId) of essay files opened before, so that opening one
// again hashes nothing: hashing needs node:crypto, whose loading was 10-18 ms of a file essay's start
// here (the hash of a 50 KB post itself, 0.2 ms). Kept in the user's cache folder, and only while the
// file's device, inode, size and modification and change times are what they were when it was read:
// any write to a file sets its change time, which no tool can set back. Everything here is a cache:
// a missing, broken or unwritable file only means hashing again.
import {mkdirSync, readFileSync, type BigIntStats} from 'node:fs';
import path from 'node:path';
import {replaceFile, statusStamp, userCacheDir} from '../files.js';

/** What is kept of a file's status, as text (the times are nanoseconds). */
interface Known {
	readonly file: string;
	readonly stamp: string;
	readonly id: string;
}

/**
 * Bumped whenever contentId, or what parseEssay hashes, changes: an id kept by an older program must
 * not stand for the id this one computes.
 */
const FORMAT = 1;
/** Files remembered, the latest first; a list this long reads in well under a millisecond. */
const MAX_KNOWN = 100;
const ID = /^[0-9a-f]{24}$/;

let known: Known[] | undefined;
let isSaveWaiting = false;

function cacheFile(): string {
	return path.join(userCacheDir(), 'known-ids.json');
}

function isKnown(value: unknown): value is Known {
	const entry = value as Partial<Known> | null;
	return typeof entry?.file === 'string' && typeof entry.stamp === 'string' && typeof entry.id === 'string' && ID.test(entry.id);
}

function read(): Known[] {
	try {
		const data = JSON.parse(readFileSync(cacheFile(), 'utf8')) as {format?: unknown; known?: unknown};
		return data.format === FORMAT && Array.isArray(data.known) ? data.known.filter(isKnown).slice(0, MAX_KNOWN) : [];
	} catch {
		return [];
	}
}

function save(): void {
	try {
		mkdirSync(userCacheDir(), {recursive: true, mode: 0o700});
		replaceFile(cacheFile(), JSON.stringify({format: FORMAT, known}), 0o600);
	} catch {
		// Next time the file is hashed again.
	}
}

/** The id `file` had when it was last read with exactly these `stats`, if it was. */
export function knownId(file: string, stats: BigIntStats): string | undefined {
	known ??= read();
	const absolute = path.resolve(file);
	const stamp = statusStamp(stats);
	return known.find((entry) => entry.file === absolute && entry.stamp === stamp)?.id;
}

/** Keeps `id` for `file` as `stats` describe it (read before its bytes were); written when the program exits. */
export function rememberId(file: string, stats: BigIntStats, id: string): void {
	known ??= read();
	const absolute = path.resolve(file);
	known = [{file: absolute, stamp: statusStamp(stats), id}, ...known.filter((entry) => entry.file !== absolute)].slice(0, MAX_KNOWN);
	if (isSaveWaiting) return;
	isSaveWaiting = true;
	// At exit, not now: the reader is on screen sooner, and a session writes it once.
	process.once('exit', save);
}
