// Builds dist/: the whole program bundled into one script (no runtime dependencies), so `npx
// mle-essay` installs a single package and starts without resolving hundreds of modules, plus the
// V8 code cache and the parsed bundled essay that make its start fast (see src/launch.ts).
import {execFileSync} from 'node:child_process';
import {chmod, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
import {patches} from './esbuild.patches.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

// Modules replaced at build time. marked-terminal imports all of highlight.js through cli-highlight
// and every emoji through node-emoji at load time; our code-block renderer never highlights, and
// emoji shortcodes are looked up lazily (src/render/emoji.ts) only when a document has one. It asks
// supports-hyperlinks whether to write OSC 8 links for the essay's links, which are always plain
// `text (url)` here (src/render/markdown.ts); the reader asks it for the cover's link to the original post.
const STUBS = {
	'cli-highlight': 'export function highlight(code) { return code; }',
	'node-emoji': 'export function get() { return undefined; }',
	'supports-hyperlinks': 'export default {stdout: false, stderr: false};',
};

const stubs = {
	name: 'stubs',
	setup(build) {
		build.onResolve({filter: /^(cli-highlight|node-emoji|supports-hyperlinks)$/}, (args) => {
			// Our own imports (node-emoji lazily, supports-hyperlinks for the cover) get the real modules.
			if (args.path !== 'cli-highlight' && !args.importer.includes('marked-terminal')) return undefined;
			return {path: args.path, namespace: 'stub'};
		});
		build.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({contents: STUBS[args.path], loader: 'js'}));
	},
};

// Modules replaced for Ink. Its start lies between the first paint and the first key answered:
// terminal-size is asked only when stdout reports no columns, never on the terminal the reader runs
// on, and loading it loaded node:child_process (~4 ms): it is evaluated when first called, unchanged.
// signal-exit 3 (Ink's, and cli-cursor's restore-cursor's) loads node:assert (~4 ms) to check its
// argument: signal-exit 4, the maintained release, does the same under a named export. And every
// frame, Ink cleans the text of every <Text> of escape sequences other than styles, tokenizing it
// whole (~0.25 ms a key, for lines it cleaned in the frame before): its answers are kept, by text,
// up to a megabyte of it.
const FOR_INK = {
	'terminal-size': {importers: ['ink'], contents: (real) => `export default function terminalSize(...args) {\n\treturn require(${JSON.stringify(real)}).default(...args);\n}\n`},
	'signal-exit': {importers: ['ink', 'restore-cursor'], contents: () => "import {onExit} from 'signal-exit';\nexport default function signalExit(callback, options) {\n\treturn onExit(callback, options);\n}\n"},
	'./sanitize-ansi.js': {
		importers: ['ink'],
		contents: (real) =>
			`import sanitizeAnsi from ${JSON.stringify(real)};\n` +
			'const cleaned = new Map();\n' +
			'let cachedLength = 0;\n' +
			'export default function cachedSanitizeAnsi(text) {\n' +
			'\tlet clean = cleaned.get(text);\n' +
			'\tif (clean === undefined) {\n' +
			'\t\tif (cachedLength > 1_000_000) {\n' +
			'\t\t\tcleaned.clear();\n' +
			'\t\t\tcachedLength = 0;\n' +
			'\t\t}\n' +
			'\t\tclean = sanitizeAnsi(text);\n' +
			'\t\tcleaned.set(text, clean);\n' +
			'\t\tcachedLength += text.length + clean.length;\n' +
			'\t}\n' +
			'\treturn clean;\n' +
			'}\n',
	},
};

const forInk = {
	name: 'for-ink',
	setup(build) {
		const replaced = new Set();
		build.onStart(() => replaced.clear());
		build.onResolve({filter: new RegExp(`^(${Object.keys(FOR_INK).map((name) => name.replaceAll('.', '\\.')).join('|')})$`)}, async (args) => {
			const {importers} = FOR_INK[args.path];
			if (args.pluginData?.real || args.namespace === 'for-ink' || !importers.some((name) => args.importer.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`))) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			replaced.add(args.path);
			return {path: real.path, namespace: 'for-ink', pluginData: {name: args.path}};
		});
		build.onLoad({filter: /.*/, namespace: 'for-ink'}, (args) => ({contents: FOR_INK[args.pluginData.name].contents(args.path), loader: 'js', resolveDir: root}));
		build.onEnd((result) => {
			const unused = Object.keys(FOR_INK).filter((name) => !replaced.has(name));
			if (result.errors.length > 0 || unused.length === 0) return undefined;
			return {errors: unused.map((name) => ({text: `${name} is no longer imported by ${FOR_INK[name].importers.join(' or ')}: review its replacement (esbuild.config.mjs)`}))};
		});
	},
};

// React is CommonJS, and esbuild gives every module that imports it its own copy of React's
// namespace, a getter per export: forty copies of 46 getters, ~3 ms as Ink loads (between the first
// paint and the first key answered). Every import of 'react' now gets one ES module that holds the
// package's exports, named as the package names them (read here, at build time).
const oneReact = {
	name: 'one-react',
	setup(build) {
		build.onResolve({filter: /^react$/}, async (args) => {
			if (args.pluginData?.real) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: 'one-react'};
		});
		build.onLoad({filter: /.*/, namespace: 'one-react'}, (args) => {
			const names = Object.keys(createRequire(args.path)(args.path)).filter((name) => name !== 'default');
			return {
				contents: `import React from ${JSON.stringify(args.path)};\nexport default React;\nexport const {${names.join(', ')}} = React;\n`,
				loader: 'js',
				resolveDir: path.dirname(args.path),
				pluginData: {real: true},
			};
		});
	},
};

// Packages our code imports that the bundled essay's first screen does not use (the build drew it,
// dist/essay.json): the bundle evaluates each when it is first used. Evaluating marked builds its
// grammar (~7-10 ms), entities its decoding tables (~2-5 ms), marked-terminal what it imports. Each
// stands in as what our code uses of it; a name our code imports that is not here fails the build.
const LAZY_FOR_OURS = {
	marked:
		'export class Lexer {\n\tconstructor(...args) {\n\t\treturn new (load().Lexer)(...args);\n\t}\n\n\tstatic get rules() {\n\t\treturn load().Lexer.rules;\n\t}\n}\n' +
		'export class Marked {\n\tconstructor(...args) {\n\t\treturn new (load().Marked)(...args);\n\t}\n}\n',
	'marked-terminal': 'export function markedTerminal(...args) {\n\treturn load().markedTerminal(...args);\n}\n',
	entities: 'export function decodeHTML(...args) {\n\treturn load().decodeHTML(...args);\n}\n',
	yaml:
		'export function parse(...args) {\n\treturn load().parse(...args);\n}\n' +
		'export class YAMLError {\n\tstatic [Symbol.hasInstance](value) {\n\t\treturn value instanceof load().YAMLError;\n\t}\n}\n',
};

const lazyForOurs = {
	name: 'lazy-for-ours',
	setup(build) {
		const source = `${path.join(root, 'src')}${path.sep}`;
		build.onResolve({filter: new RegExp(`^(${Object.keys(LAZY_FOR_OURS).join('|')})$`)}, async (args) => {
			if (args.pluginData?.real || !args.importer.startsWith(source)) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: 'lazy-for-ours', pluginData: {name: args.path}};
		});
		build.onLoad({filter: /.*/, namespace: 'lazy-for-ours'}, (args) => ({
			contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n${LAZY_FOR_OURS[args.pluginData.name]}`,
			loader: 'js',
			resolveDir: root,
		}));
	},
};

// The command and its loader are ES modules, and Node gives an ES module importing one of its own
// modules a copy of every export, reading each getter on the way (node:fs's load its streams and
// promises): ~2 ms more than requiring the same modules. Their imports of Node's modules are
// required instead; a name that is a getter (read only when asked) is not offered, so importing one
// fails the build.
const requiredBuiltins = {
	name: 'required-builtins',
	setup(build) {
		build.onResolve({filter: /^node:/}, (args) => (args.importer.startsWith(`${path.join(root, 'src')}${path.sep}`) ? {path: args.path, namespace: 'required-builtin'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'required-builtin'}, (args) => {
			const builtin = createRequire(import.meta.url)(args.path);
			const names = Object.keys(builtin).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && 'value' in (Object.getOwnPropertyDescriptor(builtin, name) ?? {}));
			return {
				contents: `import {createRequire as requireFrom} from 'module';\nconst builtin = requireFrom(import.meta.url)(${JSON.stringify(args.path)});\nexport default builtin;\nexport const {${names.join(', ')}} = builtin;\n`,
				loader: 'js',
			};
		});
	},
};

const dist = path.join(root, 'dist');
const minify = process.env.MLE_NO_MINIFY !== '1';
const app = path.join(dist, 'app.js');

/** The program as one script (see src/launch.ts): a function of `require` and the script's own path. */
async function bundleApp() {
	await esbuild.build({
		entryPoints: [path.join(root, 'src', 'app.ts')],
		outfile: app,
		bundle: true,
		platform: 'node',
		format: 'iife',
		globalName: '__mleApp',
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
		plugins: [stubs, forInk, oneReact, lazyForOurs, patches],
		define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': '__mleUrl'},
		banner: {
			js: [
				'(function (require, __filename) {',
				"const __dirname = require('node:path').dirname(__filename);",
				"const __mleUrl = require('node:url').pathToFileURL(__filename).href;",
			].join('\n'),
		},
		footer: {js: 'return __mleApp;\n})'},
	});
	// A script run by vm.Script cannot import(); every import must have been bundled.
	const code = await readFile(app, 'utf8');
	if (/\bimport\(/.test(code)) throw new Error('dist/app.js still calls import(): bundle that module');
	// src/launch.ts reads the bundle as Latin-1, which is quicker than decoding UTF-8. (Comments, kept
	// when not minifying, may hold other characters; Latin-1 only garbles them.)
	if (minify && /[^\u0000-\u007F]/.test(code)) throw new Error('dist/app.js is not ASCII: escape the non-ASCII characters in regular expressions');
	if (/(?<!\?\?=\s*)new Intl\.Segmenter\(/.test(code)) throw new Error('dist/app.js creates an Intl.Segmenter at load time: extend the lazy-segmenter patch');
}

/** Builds dist/: cli.js (the command), launch.js (its loader), worker.js (the drawing thread), app.js (the program), app.js.cache and essay.json. */
export async function build() {
	await rm(dist, {recursive: true, force: true});
	// The command and its loader stay two small modules (the loader with the little it imports), so
	// starting reads nothing else.
	await esbuild.build({
		entryPoints: {cli: path.join(root, 'src', 'bin.ts'), launch: path.join(root, 'src', 'launch.ts'), worker: path.join(root, 'src', 'worker.ts')},
		outdir: dist,
		bundle: true,
		external: ['./launch.js'],
		platform: 'node',
		format: 'esm',
		target: 'node22',
		logLevel: 'warning',
		plugins: [requiredBuiltins],
	});
	await bundleApp();
	// The essay snapshot and code cache are written by a plain `node`, as the command runs: V8
	// refuses a cache made under other flags.
	const launch = pathToFileURL(path.join(dist, 'launch.js')).href;
	execFileSync(process.execPath, ['--input-type=module', '-e', `await (await import(${JSON.stringify(launch)})).prepareStart();`], {
		env: {...process.env, NODE_OPTIONS: ''},
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	await chmod(path.join(dist, 'cli.js'), 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await build();
}
