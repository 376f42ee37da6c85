// Starts the program from V8's code cache. Compiling the bundle's JavaScript on every start was about
// a fifth of the time to the first frame; the build (esbuild.config.mjs) runs the program once, with
// nothing on screen, and saves the compiled code beside the bundle. Node checks that the cache fits
// its own V8 version and flags and otherwise compiles as usual, so a stale or foreign cache only
// costs the time it saves.
//
// Node 20 offers a code cache only to scripts (`vm.Script`), not to ES modules, so the bundle,
// dist/app.js, is one script that evaluates to a function taking `require` and its own path.
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {Script} from 'node:vm';

/** What dist/app.js returns: src/cli.tsx's exports. */
export interface App {
	main(argv: readonly string[]): Promise<void>;
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
	const script = new Script(readFileSync(APP, 'utf8'), {filename: APP, cachedData: useCache ? readCache() : undefined});
	const start = script.runInThisContext() as (require: NodeJS.Require, filename: string) => App;
	return {app: start(createRequire(APP), APP), script};
}

/** Whether this Node accepts the code cache beside the bundle (false when there is none). */
export function isCodeCacheUsable(): boolean {
	if (readCache() === undefined) return false;
	return !openApp().script.cachedDataRejected;
}

/** Build step: runs the program's start-up path once without a terminal, then saves the compiled code. */
export async function writeCodeCache(): Promise<void> {
	const {app, script} = openApp(false);
	await app.warmUp();
	writeFileSync(CACHE, script.createCachedData());
}
