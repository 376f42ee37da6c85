// Starts the program from V8's code cache. Compiling the bundle's JavaScript on every start was about
// a fifth of the time to the first frame; the build (esbuild.config.mjs) runs the program once, with
// nothing on screen, and saves the compiled code beside the bundle. V8 checks that the cache fits its
// own version, its flags and the length of the source, and otherwise compiles as usual, so a cache
// from another Node only costs the time it would have saved. (It cannot tell an edit that keeps the
// bundle's length: after editing dist/app.js by hand, run `npm run build`.)
//
// V8's code cache is offered here through scripts (`vm.Script`) rather than ES modules, so the bundle,
// dist/app.js, is one script that evaluates to a function taking `require` and its own path.
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';

// V8 first runs a regular expression in its interpreter and compiles it only once it is used again.
// marked's expressions are large and backtrack a lot, and the first screen runs most of them once or
// twice: interpreted, lexing the cover took ~25 ms; compiled at once, ~7. Set before the bundle is
// compiled, here as at build time, so the code cache (made under the same flags) still fits.
setFlagsFromString('--no-regexp-tier-up');

/** What dist/app.js returns: src/cli.tsx's exports. */
export interface App {
	main(argv: readonly string[]): Promise<void>;
	saveEssaySnapshot(): Promise<void>;
	warmUp(): Promise<void>;
}

const APP = fileURLToPath(new URL('app.js', import.meta.url));
const CACHE = `${APP}.cache`;

function readCache(): Buffer | undefined {
	try {
		return readFileSync(CACHE);
	} catch {
		return undefined;
	}
}

/** Compiles dist/app.js (from the code cache when it fits) and runs its top level. */
export function openApp(useCache = true): {app: App; script: Script} {
	// The build checks that the bundle is ASCII, so Latin-1 reads it as it is, and faster than UTF-8.
	const script = new Script(readFileSync(APP, 'latin1'), {filename: APP, cachedData: useCache ? readCache() : undefined});
	const start = script.runInThisContext() as (require: NodeJS.Require, filename: string) => App;
	return {app: start(createRequire(APP), APP), script};
}

/** Whether this Node accepts the code cache beside the bundle (false when there is none). */
export function isCodeCacheUsable(): boolean {
	if (readCache() === undefined) return false;
	return !openApp().script.cachedDataRejected;
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
