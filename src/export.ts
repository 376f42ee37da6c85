import {createFile, replaceFile, systemErrorWords} from './files.js';

/** What came of writing the summary: written, refused because a file is there, or failed. */
export type ExportResult =
	| {readonly kind: 'written'; readonly file: string}
	| {readonly kind: 'exists'; readonly file: string}
	| {readonly kind: 'failed'; readonly file: string; readonly reason: string};

/** What a failed write means to someone who named the file the summary goes to. */
const WRITE_WORDS = {ENOENT: 'no such folder', EISDIR: 'is a folder'};

function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	return systemErrorWords(error, WRITE_WORDS) ?? code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Writes the summary to `file`, the one file the reader asked for. An existing file is never
 * replaced unless `overwrite` says the reader agreed; then it is replaced whole, so a failure leaves
 * the old one as it was.
 */
export function writeSummary(file: string, text: string, overwrite: boolean): ExportResult {
	try {
		if (overwrite) replaceFile(file, text, 0o644);
		else createFile(file, text, 0o644);
		return {kind: 'written', file};
	} catch (error) {
		if (!overwrite && (error as NodeJS.ErrnoException).code === 'EEXIST') return {kind: 'exists', file};
		return {kind: 'failed', file, reason: reasonOf(error)};
	}
}
