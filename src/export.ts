import {closeSync, openSync, renameSync, unlinkSync, writeSync} from 'node:fs';
import path from 'node:path';

/** What came of writing the summary: written, refused because a file is there, or failed. */
export type ExportResult =
	| {readonly kind: 'written'; readonly file: string}
	| {readonly kind: 'exists'; readonly file: string}
	| {readonly kind: 'failed'; readonly file: string; readonly reason: string};

function writeAll(fd: number, text: string): void {
	const bytes = Buffer.from(text);
	for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return 'no such folder';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EISDIR') return 'is a folder';
	if (code === 'ENOSPC') return 'no space left on device';
	return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Writes the summary to `file`, the one file the reader asked for. An existing file is never
 * replaced unless `overwrite` says the reader agreed; then it is replaced whole, by a new file and
 * a rename, so a failure leaves the old one as it was.
 */
export function writeSummary(file: string, text: string, overwrite: boolean): ExportResult {
	try {
		if (!overwrite) {
			const fd = openSync(file, 'wx', 0o644);
			try {
				writeAll(fd, text);
			} finally {
				closeSync(fd);
			}

			return {kind: 'written', file};
		}

		const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
		const fd = openSync(temporary, 'wx', 0o644);
		try {
			writeAll(fd, text);
		} finally {
			closeSync(fd);
		}

		try {
			renameSync(temporary, file);
		} catch (error) {
			unlinkSync(temporary);
			throw error;
		}

		return {kind: 'written', file};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return {kind: 'exists', file};
		return {kind: 'failed', file, reason: reasonOf(error)};
	}
}
