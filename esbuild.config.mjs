// Builds dist/: the whole program bundled into one script (no runtime dependencies), so `npx
// mle-essay` installs a single package and starts without resolving hundreds of modules, plus the
// V8 code cache and the parsed bundled essay that make its start fast (see src/launch.ts).
import {execFileSync} from 'node:child_process';
import {chmod, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
import {sharedPatches} from './esbuild.patches.mjs';
import {forInk, lazyForOurs, oneReact, requiredBuiltins, stubs, UI_ENTRY, uiFromScript} from './esbuild.replacements.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

const dist = path.join(root, 'dist');
const minify = process.env.MLE_NO_MINIFY !== '1';

/**
 * A script as src/launch.ts runs it: a function of `require`, the script's own path and the function
 * that opens another script beside it. What both scripts are bundled with.
 */
const SCRIPT_OPTIONS = /** @satisfies {esbuild.BuildOptions} */ ({
	bundle: true,
	platform: 'node',
	format: 'iife',
	target: 'node22',
	// esbuild turns every regular expression with a Unicode property (\\p{…}) or the v flag into
	// `new RegExp(…)`, in case an older engine lacks the property. Every Node this supports has them
	// all, and a literal is compiled once where `new RegExp` in a callback is built again on every
	// call: Ink's output tested each character of each new line with a new one (~0.5 µs each).
	supported: {'regexp-unicode-property-escapes': true, 'regexp-set-notation': true},
	jsx: 'automatic',
	minify,
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': '__mleUrl'},
	banner: {
		js: [
			'(function (require, __filename, __mleOpenScript) {',
			"const __dirname = require('node:path').dirname(__filename);",
			"const __mleUrl = require('node:url').pathToFileURL(__filename).href;",
		].join('\n'),
	},
});

/** Checks a script the way src/launch.ts runs it. */
async function checkScript(file) {
	const name = path.relative(root, file);
	// A script run by vm.Script cannot import(); every import must have been bundled.
	const code = await readFile(file, 'utf8');
	if (/\bimport\(/.test(code)) throw new Error(`${name} still calls import(): bundle that module`);
	// src/launch.ts reads a script as Latin-1, which is quicker than decoding UTF-8. (Comments, kept
	// when not minifying, may hold other characters; Latin-1 only garbles them.)
	if (minify && /[^\u0000-\u007F]/.test(code)) throw new Error(`${name} is not ASCII: escape the non-ASCII characters in regular expressions`);
	if (/(?<!\?\?=\s*)new Intl\.Segmenter\(/.test(code)) throw new Error(`${name} creates an Intl.Segmenter at load time: extend the lazy-segmenter patch`);
}

/**
 * The program (dist/app.js) and the Ink runtime it opens once the first screen is painted
 * (dist/ui.js: Ink, React, yoga and the select input; see esbuild.replacements.mjs, uiFromScript).
 */
async function bundleScripts() {
	const patches = sharedPatches();
	const app = path.join(dist, 'app.js');
	const ui = path.join(dist, 'ui.js');
	const built = await esbuild.build({
		...SCRIPT_OPTIONS,
		entryPoints: [path.join(root, 'src', 'app.ts')],
		outfile: app,
		globalName: '__mleApp',
		plugins: [uiFromScript, stubs, lazyForOurs, patches.plugin],
		footer: {js: 'return __mleApp;\n})'},
		metafile: true,
	});
	const inApp = Object.keys(built.metafile.inputs).filter((input) => /node_modules[\\/](ink|react|react-reconciler|yoga-layout|ink-select-input)[\\/]/.test(input));
	if (inApp.length > 0) throw new Error(`dist/app.js bundles ${inApp[0]}: the Ink runtime belongs in dist/ui.js`);
	await esbuild.build({
		...SCRIPT_OPTIONS,
		stdin: {contents: UI_ENTRY, resolveDir: root, sourcefile: 'ui-entry.js'},
		outfile: ui,
		globalName: '__mleUi',
		plugins: [forInk, oneReact, patches.plugin],
		footer: {js: 'return __mleUi;\n})'},
	});
	const unapplied = patches.unapplied();
	if (unapplied.length > 0) throw new Error(unapplied.map((error) => error.text).join('\n'));
	await checkScript(app);
	await checkScript(ui);
}

/**
 * Builds dist/: cli.js (the command), first-screen.js (what it paints before the program is loaded),
 * launch.js (its loader), worker.js (the drawing thread), app.js (the program), ui.js (its Ink
 * runtime), their code caches and essay.json.
 */
export async function build() {
	await rm(dist, {recursive: true, force: true});
	try {
		await buildInto();
	} catch (error) {
		// A build that failed half way leaves no dist/: a program missing its patches or its Ink
		// runtime must not be there for `npx mle-essay` to start.
		await rm(dist, {recursive: true, force: true});
		throw error;
	}
}

/** The steps of build(), writing into dist/. */
async function buildInto() {
	// The command, its first screen and its loader stay small modules (each with the little it
	// imports), so starting reads nothing else.
	await esbuild.build({
		entryPoints: {
			cli: path.join(root, 'src', 'bin.ts'),
			'first-screen': path.join(root, 'src', 'first-screen.ts'),
			launch: path.join(root, 'src', 'launch.ts'),
			worker: path.join(root, 'src', 'worker.ts'),
		},
		outdir: dist,
		bundle: true,
		external: ['./first-screen.js', './launch.js'],
		platform: 'node',
		format: 'esm',
		target: 'node22',
		logLevel: 'warning',
		plugins: [requiredBuiltins],
	});
	await bundleScripts();
	// The essay snapshot and code cache are written by a plain `node`, as the command runs: V8
	// refuses a cache made under other flags. What the program caches for the user as it runs
	// (src/files.ts, userCacheDir) goes to a folder of the build's own, thrown away: a build writes
	// nothing in the user's folders.
	const launch = pathToFileURL(path.join(dist, 'launch.js')).href;
	const cacheHome = await mkdtemp(path.join(tmpdir(), 'mle-essay-build-cache-'));
	try {
		execFileSync(process.execPath, ['--input-type=module', '-e', `await (await import(${JSON.stringify(launch)})).prepareStart();`], {
			env: {...process.env, NODE_OPTIONS: '', XDG_CACHE_HOME: cacheHome},
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	} finally {
		await rm(cacheHome, {recursive: true, force: true});
	}
	await chmod(path.join(dist, 'cli.js'), 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await build();
}
