import {closeSync, constants, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeSync, type BigIntStats} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/** Why a file could not be read as the program's input: it is not what it seems. */
export type FileProblemKind = 'directory' | 'not-regular' | 'too-large' | 'link';

/** A file that is not a regular file of a readable size (or is a link where none is allowed). */
export class FileProblem extends Error {
	override readonly name = 'FileProblem';

	constructor(readonly kind: FileProblemKind) {
		super(kind);
	}
}

type CodeWords = Readonly<Partial<Record<string, string>>>;

/** Codes that read the same wherever a file was being read or written. */
const SYSTEM_WORDS: CodeWords = {
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ELOOP: 'too many symbolic links',
	ENOSPC: 'no space left on device',
};

/**
 * A reader's words for why a file operation failed, or undefined when its code has none. `words`
 * adds what a code means where it happened: a missing path is "no such file" to someone opening an
 * essay and "no such folder" to someone saving a summary.
 */
export function systemErrorWords(error: unknown, words: CodeWords = {}): string | undefined {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === undefined ? undefined : (words[code] ?? SYSTEM_WORDS[code]);
}

const CHUNK = 64 * 1024;

/**
 * Reads a regular file of at most `cap` bytes. The file is opened once and everything is checked on
 * the open file, so a file swapped for another between a check and the read cannot slip past; what
 * is read is capped, not what `stat` says (files in /proc say they are empty). It never waits on a
 * FIFO or a device: they are refused before reading. Throws FileProblem, or the system's error.
 */
export function readRegularFile(file: string, cap: number, options: {readonly followLinks: boolean}): Buffer {
	return readRegularFileAndStats(file, cap, options).bytes;
}

/** readRegularFile, with the file's status as it was before anything was read (so a later write always shows in it). */
export function readRegularFileAndStats(file: string, cap: number, options: {readonly followLinks: boolean}): {bytes: Buffer; stats: BigIntStats} {
	const {fd, stats} = openRegularFile(file, cap, options);
	try {
		return {bytes: readOpenFile(fd, stats, cap), stats};
	} finally {
		closeSync(fd);
	}
}

/**
 * Opens a regular file of at most `cap` bytes for reading, as readRegularFile checks it, with its
 * status before anything is read. The caller closes it. Throws FileProblem, or the system's error.
 */
export function openRegularFile(file: string, cap: number, options: {readonly followLinks: boolean}): {fd: number; stats: BigIntStats} {
	const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW);
	let fd: number;
	try {
		fd = openSync(file, flags);
	} catch (error) {
		if (!options.followLinks && (error as NodeJS.ErrnoException).code === 'ELOOP') throw new FileProblem('link');
		throw error;
	}

	try {
		const stats = fstatSync(fd, {bigint: true});
		if (stats.isDirectory()) throw new FileProblem('directory');
		if (!stats.isFile()) throw new FileProblem('not-regular');
		if (Number(stats.size) > cap) throw new FileProblem('too-large');
		return {fd, stats};
	} catch (error) {
		closeSync(fd);
		throw error;
	}
}

/** All of a file opened by openRegularFile, from where it was left, at most `cap` bytes. */
export function readOpenFile(fd: number, stats: BigIntStats, cap: number): Buffer {
	// Read into one buffer of the size stat gives, not chunks then a copy of them all (an essay can be
	// megabytes); whatever a file holds beyond that size (it grew, or is in /proc and says 0) is read
	// in chunks after it, and all of it is capped.
	const whole = Buffer.allocUnsafe(Number(stats.size));
	let total = 0;
	while (total < whole.length) {
		const read = readSync(fd, whole, total, whole.length - total, null);
		if (read === 0) break;
		total += read;
	}

	const chunks: Buffer[] = [whole.subarray(0, total)];
	if (total === whole.length) {
		const buffer = Buffer.allocUnsafe(CHUNK);
		for (;;) {
			const read = readSync(fd, buffer, 0, CHUNK, null);
			if (read === 0) break;
			total += read;
			if (total > cap) throw new FileProblem('too-large');
			chunks.push(Buffer.from(buffer.subarray(0, read)));
		}
	}

	return chunks.length === 1 ? (chunks[0] ?? whole) : Buffer.concat(chunks, total);
}

/**
 * A file's status as text: device, inode, size, and modification and change times (nanoseconds).
 * Any write to a file sets its change time, which no tool can set back: the same stamp is the same
 * content.
 */
export function statusStamp(stats: BigIntStats): string {
	return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
}

/** Writes all of `text` to an open file. */
function writeAll(fd: number, text: string | Buffer): void {
	const bytes = typeof text === 'string' ? Buffer.from(text) : text;
	for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

/** Creates `file` with `text`; fails with EEXIST rather than open a file (or a link) that is there. */
export function createFile(file: string, text: string | Buffer, mode: number): void {
	const fd = openSync(file, 'wx', mode);
	try {
		writeAll(fd, text);
	} finally {
		closeSync(fd);
	}
}

let temporaryCount = 0;

/**
 * Replaces `file` with `text` the way that never writes through a link and never leaves a half-written
 * file: a new file beside it (created, never opened if it exists), then a rename over the old one. A
 * link at `file` is replaced by the rename, not followed.
 */
export function replaceFile(file: string, text: string | Buffer, mode: number): void {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${temporaryCount++}.tmp`);
	try {
		createFile(temporary, text, mode);
		renameSync(temporary, file);
	} catch (error) {
		try {
			unlinkSync(temporary);
		} catch {
			// Never created, or already renamed.
		}

		throw error;
	}
}

/**
 * The program's folder in an XDG base folder: `$variable/mle-essay` when the variable holds an
 * absolute path (a relative one is ignored, as the XDG spec says), else under `~/fallback`.
 */
export function xdgDir(variable: 'XDG_CACHE_HOME' | 'XDG_STATE_HOME', ...fallback: readonly string[]): string {
	const base = process.env[variable];
	return path.join(base && path.isAbsolute(base) ? base : path.join(homedir(), ...fallback), 'mle-essay');
}

/**
 * The program's folder in the user's cache folder: `$XDG_CACHE_HOME/mle-essay`, else
 * `~/.cache/mle-essay`. What is kept there can be deleted at any time: it only saves work.
 */
export function userCacheDir(): string {
	return xdgDir('XDG_CACHE_HOME', '.cache');
}

/** Deletes all but the `count` latest written of the files in `folder` whose names `isOne` takes: what a cache keeps of one kind. */
export function keepLatest(folder: string, isOne: (name: string) => boolean, count: number): void {
	const files = readdirSync(folder)
		.filter((name) => isOne(name))
		.map((name) => ({file: path.join(folder, name), time: statSync(path.join(folder, name)).mtimeMs}))
		.sort((a, b) => b.time - a.time);
	for (const {file} of files.slice(count)) rmSync(file, {force: true});
}
