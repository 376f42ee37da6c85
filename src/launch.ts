// Starts the program from V8's code cache. Compiling the bundle's JavaScript on every start was about
// a fifth of the time to the first frame; the build (esbuild.config.mjs) runs the program once, with
// nothing on screen, and saves the compiled code beside the bundle. V8 checks that the cache fits its
// own version, its flags and the length of the source, and otherwise compiles as usual, so a cache
// from another Node only costs the time it would have saved. (It cannot tell an edit that keeps the
// bundle's length: after editing dist/app.js by hand, run `npm run build`.)
//
// V8's code cache is offered here through scripts (`vm.Script`) rather than ES modules, so the program
// is two scripts, each evaluating to a function of `require`, its own path and the function that opens
// the other: dist/app.js, and dist/ui.js (Ink, React and yoga), which the program opens after the
// first paint.
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';
import {keepLatest, replaceFile, userCacheDir} from './files.js';
import type {EarlyScreen} from './first-screen.js';
import {releaseYoungGeneration} from './heap.js';

// V8 first runs a regular expression in its interpreter and compiles it only once it is used again.
// marked's expressions are large and backtrack a lot, and the first screen runs most of them once or
// twice: interpreted, lexing the cover took ~25 ms; compiled at once, ~7. Set before the bundle is
// compiled, here as at build time, so the code cache (made under the same flags) still fits.
setFlagsFromString('--no-regexp-tier-up');

/** What dist/app.js returns: src/app.ts's exports. */
export interface App {
	main(argv: readonly string[], early?: EarlyScreen): Promise<void>;
	serveDrawing(): Promise<void>;
	saveEssaySnapshot(): Promise<void>;
	warmUp(): Promise<void>;
}

/** A script of the program, compiled: dist/app.js, or dist/ui.js (Ink, React and yoga), which the program opens itself. */
interface Compiled {
	readonly script: Script;
	/** Saves the compiled code for this Node when no cache fitted (at exit: by then the code that ran is compiled too). */
	readonly save: () => void;
	/** Runs the script: what its function returns, given `require`, its path and how to open another script. */
	readonly run: (openScript: (name: string) => unknown) => unknown;
}

const DIST = fileURLToPath(new URL('.', import.meta.url));

function readCache(file: string | undefined): Buffer | undefined {
	if (file === undefined) return undefined;
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

/**
 * This Node's own code cache of a script (`app` or `ui`), in the user's cache folder (userCacheDir):
 * for a Node other than the one that built the package, which refuses the cache beside the script.
 * Named by the Node's version and the script's size and time, so another Node or another build never
 * takes it; V8 checks it against its version, its flags and the source as well, and compiles as usual
 * when it does not fit.
 */
function userCacheFile(file: string, name: string): string | undefined {
	try {
		const stats = statSync(file);
		return path.join(userCacheDir(), `${name}-${process.version}-${process.arch}-${stats.size}-${Math.floor(stats.mtimeMs)}.cache`);
	} catch {
		return undefined;
	}
}

/** Code caches of each script kept in the user's folder: one is written for each build and Node that meet, so the latest few. */
const KEPT_CODE_CACHES = 3;

/** Compiles the script `dist/<fileName>`, from a code cache when one fits. */
function compile(fileName: string, useCache: boolean): Compiled {
	const file = path.join(DIST, fileName);
	const name = path.basename(fileName, '.js');
	const userFile = useCache ? userCacheFile(file, name) : undefined;
	// This Node's own cache first: made by it, it fits; else the build's.
	const cachedData = useCache ? (readCache(userFile) ?? readCache(`${file}.cache`)) : undefined;
	// The build checks that each script is ASCII, so Latin-1 reads it as it is, and faster than UTF-8.
	const script = new Script(readFileSync(file, 'latin1'), {filename: file, cachedData});
	// Only whether one fitted is kept: the cache itself (~1 MB) is garbage once V8 has read it.
	const hasFittingCache = cachedData !== undefined && !script.cachedDataRejected;
	const save = (): void => {
		if (userFile === undefined || hasFittingCache) return;
		try {
			releaseYoungGeneration();
			mkdirSync(path.dirname(userFile), {recursive: true, mode: 0o700});
			replaceFile(userFile, script.createCachedData(), 0o600);
			// After an update of the program or of Node, the older ones only take room (~1 MB each).
			const own = new RegExp(`^${name}-.+\\.cache$`);
			keepLatest(path.dirname(userFile), (entry) => own.test(entry), KEPT_CODE_CACHES);
		} catch {
			// No cache this time: the next start compiles, as this one did.
		}
	};

	const run = (openScript: (name: string) => unknown): unknown => {
		const start = script.runInThisContext() as (require: NodeJS.Require, filename: string, openScript: (name: string) => unknown) => unknown;
		return start(createRequire(file), file, openScript);
	};

	return {script, save, run};
}

/** The program, compiled, and what keeps its compiled code for the next start. */
export interface Opened {
	readonly app: App;
	/** The scripts compiled so far, as of when it is asked: the program's, and the Ink runtime's once the program has opened it. */
	readonly scripts: ReadonlyMap<string, Script>;
	/** Saves each script's compiled code for this Node when no cache fitted it (at exit). */
	readonly saveCodeCache: () => void;
}

/**
 * Compiles dist/app.js (from a code cache when one fits) and runs its top level. The program opens
 * dist/ui.js (Ink, React and yoga) the same way when it first needs them, after the first paint: V8
 * reads a whole code cache before running anything, and theirs is ~40% of the program's.
 */
export function openApp(useCache = true): Opened {
	const compiled = new Map<string, Compiled>();
	const open = (name: string): unknown => {
		const script = compile(name, useCache);
		compiled.set(name, script);
		return script.run(open);
	};

	const app = open('app.js') as App;
	const saveCodeCache = (): void => {
		for (const script of compiled.values()) script.save();
	};

	return {
		app,
		get scripts() {
			return new Map([...compiled].map(([name, script]) => [name, script.script]));
		},
		saveCodeCache,
	};
}

/** Whether this Node accepts the code caches beside the program's scripts (false when one is missing). */
export function isCodeCacheUsable(): boolean {
	return ['app.js', 'ui.js'].every((name) => {
		const file = path.join(DIST, name);
		const cachedData = readCache(`${file}.cache`);
		return cachedData !== undefined && !new Script(readFileSync(file, 'latin1'), {filename: file, cachedData}).cachedDataRejected;
	});
}

/**
 * Build step: saves the bundled essay as parsed (dist/essay.json), runs the program's start-up path
 * once without a terminal, the Ink runtime's included, then saves each script's compiled code
 * (dist/app.js.cache, dist/ui.js.cache).
 */
export async function prepareStart(): Promise<void> {
	const opened = openApp(false);
	await opened.app.saveEssaySnapshot();
	await opened.app.warmUp();
	// Asked for now: the warm-up opened dist/ui.js.
	const {scripts} = opened;
	if (!scripts.has('ui.js')) throw new Error('the warm-up did not open dist/ui.js: its code would not be cached');
	for (const [name, script] of scripts) writeFileSync(path.join(DIST, `${name}.cache`), script.createCachedData());
}
