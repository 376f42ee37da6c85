import {lstatSync, mkdirSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {FileProblem, readRegularFile, replaceFile, systemErrorWords, xdgDir} from '../files.js';
import * as z from 'zod/mini';
import type {Progress} from '../reader/progress.js';

/**
 * The folder for saved progress: `$XDG_STATE_HOME/mle-essay` on Linux (`~/.local/state/mle-essay`
 * when it is unset, or relative, which the XDG spec says to ignore), the platform's data folder elsewhere.
 */
export function defaultStateDir(): string {
	if (process.platform !== 'linux') return envPaths('mle-essay', {suffix: ''}).data;
	return xdgDir('XDG_STATE_HOME', '.local', 'state');
}

/** A saved progress file is a few kilobytes; anything far larger is not one. */
const MAX_PROGRESS_BYTES = 1024 * 1024;

// Made when a saved file is first read: building it runs ~3 ms of zod's code cold, before the first
// screen, and an essay opened for the first time has nothing saved to check.
function savedFileSchema() {
	const fraction = z.number().check(z.gte(0), z.lte(1));
	const index = z.int().check(z.gte(0));
	return z.object({
		version: z.literal(1),
		essay: z.string(),
		place: z.discriminatedUnion('kind', [
			z.object({kind: z.literal('section'), section: index, scrollFraction: fraction}),
			z.object({kind: z.literal('quiz'), quiz: index, question: index}),
			z.object({kind: z.literal('summary'), scrollFraction: fraction}),
		]),
		answers: z.array(z.array(z.nullable(index))),
	});
}

let savedFile: ReturnType<typeof savedFileSchema> | undefined;

const LEFT_ALONE: Readonly<Record<FileProblem['kind'], string>> = {
	directory: 'is a folder',
	'not-regular': 'is not a regular file',
	'too-large': 'is too large to be progress',
	link: 'is a symbolic link',
};

/** What loading found: the progress, if any, and a warning to show the reader once, if something was wrong. */
export interface LoadResult {
	readonly progress: Progress | undefined;
	readonly warning: string | undefined;
}

/** Saved progress for one essay. The only module that reads or writes it. */
export interface ProgressStore {
	readonly file: string;
	load(): LoadResult;
	/** Saves atomically; returns a warning the first time saving fails, and nothing after. */
	save(progress: Progress): string | undefined;
	/** Forgets the saved place and answers (`--fresh`). */
	clear(): void;
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return systemErrorWords(error) ?? code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Opens the store for the essay whose content hashes to `essayId`, in `stateDir`. Reading never
 * throws. A file that holds no valid progress is moved aside with a warning; one that could not be
 * read at all (a link, a FIFO, no permission, far too large) is left exactly as it is, with a warning,
 * and nothing is saved over it. Nothing is ever written outside `stateDir`.
 */
export function openProgressStore(essayId: string, stateDir = defaultStateDir()): ProgressStore {
	const file = path.join(stateDir, `${essayId}.json`);
	let hasWarned = false;
	let isLeftAlone = false;

	return {
		file,
		load() {
			let text: string;
			try {
				text = readRegularFile(file, MAX_PROGRESS_BYTES, {followLinks: false}).toString('utf8');
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'ENOENT' || code === 'ENOTDIR') return {progress: undefined, warning: undefined};
				isLeftAlone = true;
				const why = error instanceof FileProblem ? LEFT_ALONE[error.kind] : `could not be read (${reason(error)})`;
				return {progress: undefined, warning: `Saved progress ${why}, left as it is: this reading is not saved.`};
			}

			let parsed: z.infer<ReturnType<typeof savedFileSchema>> | undefined;
			try {
				savedFile ??= savedFileSchema();
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
				isLeftAlone = true;
				return {progress: undefined, warning: `Saved progress was unreadable and could not be moved aside (${reason(error)}).`};
			}
		},
		save(progress) {
			if (isLeftAlone) return undefined;
			const data = {
				version: 1,
				essay: essayId,
				place: progress.place,
				answers: progress.answers.map((quiz) => quiz.map((answer) => answer ?? null)),
				savedAt: new Date().toISOString(),
			};
			try {
				mkdirSync(stateDir, {recursive: true, mode: 0o700});
				// Only inside the state folder itself: not through a link that leads elsewhere.
				if (!lstatSync(stateDir).isDirectory()) throw Object.assign(new Error('not a folder'), {code: 'ENOTDIR'});
				// A new file and a rename: a crash mid-write leaves the previous one whole, and a link at
				// the file's place is replaced, never written through.
				replaceFile(file, JSON.stringify(data, null, '\t') + '\n', 0o600);
				return undefined;
			} catch (error) {
				if (hasWarned) return undefined;
				hasWarned = true;
				return `Progress will not be saved: cannot write ${stateDir} (${reason(error)}).`;
			}
		},
		clear() {
			try {
				// rm removes a link itself, never what it points to.
				rmSync(file, {force: true});
			} catch {
				// Nothing saved, or not removable: the fresh start below overwrites it on the first save.
			}
		},
	};
}

/** How long a change of place waits to be saved: a held key moves the reader dozens of times a second. */
export const PLACE_SAVE_MS = 500;

/** Saves a reading's progress as it changes (ProgressSaver.save), and what is still waiting on the way out (flush). */
export interface ProgressSaver {
	/** Saves answers at once, a change of place within PLACE_SAVE_MS; returns a warning the first time saving fails. */
	save(progress: Progress): string | undefined;
	/** Saves a change of place still waiting: before the program ends or stops. */
	flush(): void;
}

/**
 * Saves progress into `store` as a reader changes it. Every save replaces the file (a new file and a
 * rename, ~2 ms here), and saving each line a held key scrolled was most of the work of a key: the
 * first progress and a change of answers are saved at once, a change of place at most every
 * PLACE_SAVE_MS, and the last one on flush. A failure found by a later save is told by the next call.
 */
export function progressSaver(store: ProgressStore): ProgressSaver {
	let savedAnswers: string | undefined;
	let waiting: Progress | undefined;
	let timer: NodeJS.Timeout | undefined;
	let untold: string | undefined;
	const write = (progress: Progress, answers: string): string | undefined => {
		savedAnswers = answers;
		return store.save(progress);
	};

	const flush = (): void => {
		clearTimeout(timer);
		timer = undefined;
		if (waiting === undefined) return;
		const progress = waiting;
		waiting = undefined;
		untold ??= write(progress, JSON.stringify(progress.answers));
	};

	return {
		save(progress) {
			const answers = JSON.stringify(progress.answers);
			// The first (where the reading starts) is saved at once too: a folder that cannot be written is told then.
			if (answers !== savedAnswers) {
				waiting = undefined;
				clearTimeout(timer);
				timer = undefined;
				return write(progress, answers) ?? takeUntold();
			}

			waiting = progress;
			// Not a reason to keep running: every way out flushes.
			timer ??= setTimeout(flush, PLACE_SAVE_MS).unref();
			return takeUntold();
		},
		flush,
	};

	function takeUntold(): string | undefined {
		const told = untold;
		untold = undefined;
		return told;
	}
}
