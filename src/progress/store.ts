import {mkdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import * as z from 'zod/mini';
import type {Progress} from '../reader/progress.js';

/** The folder for saved progress: `$XDG_STATE_HOME/mle-essay` on Linux, the platform's data folder elsewhere. */
export function defaultStateDir(): string {
	const paths = envPaths('mle-essay', {suffix: ''});
	// env-paths calls XDG_STATE_HOME "log" on Linux; macOS and Windows have no state folder, so use data.
	return process.platform === 'linux' ? paths.log : paths.data;
}

const fraction = z.number().check(z.gte(0), z.lte(1));
const index = z.int().check(z.gte(0));
const savedFile = z.object({
	version: z.literal(1),
	essay: z.string(),
	place: z.discriminatedUnion('kind', [
		z.object({kind: z.literal('section'), section: index, scrollFraction: fraction}),
		z.object({kind: z.literal('quiz'), quiz: index, question: index}),
		z.object({kind: z.literal('summary'), scrollFraction: fraction}),
	]),
	answers: z.array(z.array(z.nullable(index))),
});

// write-file-atomic brings node:crypto and worker_threads with it, a few milliseconds that a start
// (which only reads) need not wait for: it is loaded by prepareSaving, once the first screen is up.
let writeAtomically: ((file: string, data: string, options: {mode: number; fsync: boolean}) => void) | undefined;

/** Loads what saving needs. The reader awaits it before anything can be saved; tests, before they save. */
export async function prepareSaving(): Promise<void> {
	writeAtomically ??= (await import('write-file-atomic')).default.sync;
}

/** What loading found: the progress, if any, and a warning to show the reader once, if something was wrong. */
export interface LoadResult {
	readonly progress: Progress | undefined;
	readonly warning: string | undefined;
}

/** Saved progress for one essay. The only module that reads or writes it. */
export interface ProgressStore {
	readonly file: string;
	load(): LoadResult;
	/** Saves atomically (after prepareSaving); returns a warning the first time saving fails, and nothing after. */
	save(progress: Progress): string | undefined;
	/** Forgets the saved place and answers (`--fresh`). */
	clear(): void;
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Opens the store for the essay whose content hashes to `essayId`, in `stateDir`. Reading never
 * throws: an unreadable file is moved aside with a warning, and reading goes on without it.
 */
export function openProgressStore(essayId: string, stateDir = defaultStateDir()): ProgressStore {
	const file = path.join(stateDir, `${essayId}.json`);
	let hasWarned = false;

	return {
		file,
		load() {
			let text: string;
			try {
				text = readFileSync(file, 'utf8');
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'ENOENT' || code === 'ENOTDIR') return {progress: undefined, warning: undefined};
				return {progress: undefined, warning: `Could not read saved progress (${reason(error)}): starting from the cover.`};
			}

			let parsed: z.infer<typeof savedFile> | undefined;
			try {
				const result = z.safeParse(savedFile, JSON.parse(text));
				if (result.success && result.data.essay === essayId) parsed = result.data;
			} catch {
				parsed = undefined;
			}

			if (parsed) {
				const answers = parsed.answers.map((quiz) => quiz.map((answer) => answer ?? undefined));
				return {progress: {place: parsed.place, answers}, warning: undefined};
			}

			const aside = `${file}.corrupt-${Date.now()}`;
			try {
				renameSync(file, aside);
				return {progress: undefined, warning: `Saved progress was unreadable; moved it to ${aside} and started from the cover.`};
			} catch (error) {
				return {progress: undefined, warning: `Saved progress was unreadable and could not be moved aside (${reason(error)}).`};
			}
		},
		save(progress) {
			const write = writeAtomically;
			if (write === undefined) throw new Error('saving before prepareSaving() finished');
			const data = {
				version: 1,
				essay: essayId,
				place: progress.place,
				answers: progress.answers.map((quiz) => quiz.map((answer) => answer ?? null)),
				savedAt: new Date().toISOString(),
			};
			try {
				mkdirSync(stateDir, {recursive: true});
				// Temporary file, then rename: a crash or Ctrl+C mid-write leaves the previous file whole.
				write(file, JSON.stringify(data, null, '\t') + '\n', {mode: 0o600, fsync: false});
				return undefined;
			} catch (error) {
				if (hasWarned) return undefined;
				hasWarned = true;
				return `Progress will not be saved: cannot write ${stateDir} (${reason(error)}).`;
			}
		},
		clear() {
			try {
				rmSync(file, {force: true});
			} catch {
				// Nothing saved, or not removable: the fresh start below overwrites it on the first save.
			}
		},
	};
}
