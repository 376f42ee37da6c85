// Starts the program from V8's code cache. Compiling the bundle's JavaScript on every start was about
// a fifth of the time to the first frame; the build (esbuild.config.mjs) runs the program once, with
// nothing on screen, and saves the compiled code beside the bundle. V8 checks that the cache fits its
// own version, its flags and the length of the source, and otherwise compiles as usual, so a cache
// from another Node only costs the time it would have saved. (It cannot tell an edit that keeps the
// bundle's length: after editing dist/app.js by hand, run `npm run build`.)
//
// V8's code cache is offered here through scripts (`vm.Script`) rather than ES modules, so the bundle,
// dist/app.js, is one script that evaluates to a function taking `require` and its own path.
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';
import {replaceFile, userCacheDir} from './files.js';
import {releaseYoungGeneration} from './heap.js';

// V8 first runs a regular expression in its interpreter and compiles it only once it is used again.
// marked's expressions are large and backtrack a lot, and the first screen runs most of them once or
// twice: interpreted, lexing the cover took ~25 ms; compiled at once, ~7. Set before the bundle is
// compiled, here as at build time, so the code cache (made under the same flags) still fits.
setFlagsFromString('--no-regexp-tier-up');

/** What dist/app.js returns: src/app.ts's exports. */
export interface App {
	main(argv: readonly string[]): Promise<void>;
	serveDrawing(): void;
	saveEssaySnapshot(): Promise<void>;
	warmUp(): Promise<void>;
}

const APP = fileURLToPath(new URL('app.js', import.meta.url));
const CACHE = `${APP}.cache`;

function readCache(file: string | undefined): Buffer | undefined {
	if (file === undefined) return undefined;
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

/**
 * This Node's own code cache of the bundle, in the user's cache folder (userCacheDir): for a Node
 * other than the one that built the package, which refuses the cache beside the bundle. Named by the
 * Node's version and the bundle's size and time, so another Node or another build never takes it; V8
 * checks it against its version, its flags and the source as well, and compiles as usual when it
 * does not fit.
 */
function userCacheFile(): string | undefined {
	try {
		const stats = statSync(APP);
		return path.join(userCacheDir(), `app-${process.version}-${process.arch}-${stats.size}-${Math.floor(stats.mtimeMs)}.cache`);
	} catch {
		return undefined;
	}
}

/** Code caches kept in the user's folder: one is written for each build and Node that meet, so the latest few. */
const KEPT_CODE_CACHES = 3;
const CODE_CACHE_NAME = /^app-.+\.cache$/;

/** Deletes all but the latest code caches in `folder`: after an update of the program or of Node, the older ones only take room (~1 MB each). */
function pruneCodeCaches(folder: string): void {
	const caches = readdirSync(folder)
		.filter((name) => CODE_CACHE_NAME.test(name))
		.map((name) => ({file: path.join(folder, name), time: statSync(path.join(folder, name)).mtimeMs}))
		.sort((a, b) => b.time - a.time);
	for (const {file} of caches.slice(KEPT_CODE_CACHES)) rmSync(file, {force: true});
}

/** The program, compiled, and what keeps its compiled code for the next start. */
export interface Opened {
	readonly app: App;
	readonly script: Script;
	/** Saves the compiled code for this Node when no cache fitted (at exit: by then the code that ran is compiled too). */
	readonly saveCodeCache: () => void;
}

/** Compiles dist/app.js (from a code cache when one fits) and runs its top level. */
export function openApp(useCache = true): Opened {
	const userFile = useCache ? userCacheFile() : undefined;
	// This Node's own cache first: made by it, it fits; else the build's.
	const cachedData = useCache ? (readCache(userFile) ?? readCache(CACHE)) : undefined;
	// The build checks that the bundle is ASCII, so Latin-1 reads it as it is, and faster than UTF-8.
	const script = new Script(readFileSync(APP, 'latin1'), {filename: APP, cachedData});
	// Only whether one fitted is kept: the cache itself (1.3 MB) is garbage once V8 has read it.
	const hasFittingCache = cachedData !== undefined && !script.cachedDataRejected;
	const start = script.runInThisContext() as (require: NodeJS.Require, filename: string) => App;
	const saveCodeCache = (): void => {
		if (userFile === undefined || hasFittingCache) return;
		try {
			releaseYoungGeneration();
			mkdirSync(path.dirname(userFile), {recursive: true, mode: 0o700});
			replaceFile(userFile, script.createCachedData(), 0o600);
			pruneCodeCaches(path.dirname(userFile));
		} catch {
			// No cache this time: the next start compiles, as this one did.
		}
	};

	return {app: start(createRequire(APP), APP), script, saveCodeCache};
}

/** Whether this Node accepts the code cache beside the bundle (false when there is none). */
export function isCodeCacheUsable(): boolean {
	const cachedData = readCache(CACHE);
	if (cachedData === undefined) return false;
	return !new Script(readFileSync(APP, 'latin1'), {filename: APP, cachedData}).cachedDataRejected;
}

/**
 * Build step: saves the bundled essay as parsed (dist/essay.json), runs the program's start-up path
 * once without a terminal, then saves the compiled code (dist/app.js.cache).
 */
export async function prepareStart(): Promise<void> {
	const {app, script} = openApp(false);
	await app.saveEssaySnapshot();
	await app.warmUp();
	writeFileSync(CACHE, script.createCachedData());
}
