// Modules the build replaces whole as it resolves them, rather than editing their text (for edits,
// see esbuild.patches.mjs): stubs for what marked-terminal loads and we never use, stand-ins that
// load a module when first used, and wrappers. Each says why; those that depend on how another
// package imports a module fail the build when that changes.
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Our own modules' folder: what they import is ours to replace. */
const SOURCE = `${path.join(root, 'src')}${path.sep}`;

/**
 * Where `args.path` resolves without the plugins' replacements (the module a replacement stands
 * for), or the errors of resolving it.
 */
async function resolveReal(build, args) {
	const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: {real: true}});
	return real.errors.length > 0 ? {errors: real.errors} : {path: real.path};
}

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

export const stubs = {
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

export const forInk = {
	name: 'for-ink',
	setup(build) {
		const replaced = new Set();
		build.onStart(() => replaced.clear());
		build.onResolve({filter: new RegExp(`^(${Object.keys(FOR_INK).map((name) => name.replaceAll('.', '\\.')).join('|')})$`)}, async (args) => {
			const {importers} = FOR_INK[args.path];
			if (args.pluginData?.real || args.namespace === 'for-ink' || !importers.some((name) => args.importer.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`))) return undefined;
			const real = await resolveReal(build, args);
			if (real.errors) return real;
			replaced.add(args.path);
			return {path: real.path, namespace: 'for-ink', pluginData: {name: args.path}};
		});
		build.onLoad({filter: /.*/, namespace: 'for-ink'}, (args) => ({contents: FOR_INK[args.pluginData.name].contents(args.path), loader: 'js', resolveDir: root}));
		build.onEnd((result) => {
			const unused = Object.keys(FOR_INK).filter((name) => !replaced.has(name));
			if (result.errors.length > 0 || unused.length === 0) return undefined;
			return {errors: unused.map((name) => ({text: `${name} is no longer imported by ${FOR_INK[name].importers.join(' or ')}: review its replacement (esbuild.replacements.mjs)`}))};
		});
	},
};

// React is CommonJS, and esbuild gives every module that imports it its own copy of React's
// namespace, a getter per export: forty copies of 46 getters, ~3 ms as Ink loads (between the first
// paint and the first key answered). Every import of 'react' now gets one ES module that holds the
// package's exports, named as the package names them (read here, at build time).
export const oneReact = {
	name: 'one-react',
	setup(build) {
		build.onResolve({filter: /^react$/}, async (args) => {
			if (args.pluginData?.real) return undefined;
			const real = await resolveReal(build, args);
			return real.errors ? real : {path: real.path, namespace: 'one-react'};
		});
		build.onLoad({filter: /.*/, namespace: 'one-react'}, (args) => {
			const names = Object.keys(createRequire(args.path)(args.path)).filter((name) => name !== 'default');
			return {
				contents: `import React from ${JSON.stringify(args.path)};\nexport default React;\nexport const {${names.join(', ')}} = React;\n`,
				loader: 'js',
				resolveDir: path.dirname(args.path),
			};
		});
	},
};

/** A stand-in for a class: `new`, static members and `instanceof` all reach the real one, loaded then (over a plain function, whose `prototype` a proxy may answer for). */
const lazyClass = (name) => `export const ${name} = new Proxy(function () {}, {\n\tconstruct: (_, args) => new (load().${name})(...args),\n\tget: (_, key) => load().${name}[key],\n});\n`;

// Packages our code imports that the bundled essay's first screen does not use (the build drew it,
// dist/essay.json): the bundle evaluates each when it is first used. Evaluating marked builds its
// grammar (~7-10 ms), entities its decoding tables (~2-3 ms), marked-terminal and yaml ~80 modules. Each
// stands in as what our code imports of it; a name our code imports that is not here fails the build.
const LAZY_FOR_OURS = {
	marked: lazyClass('Lexer') + lazyClass('Marked'),
	'marked-terminal': 'export function markedTerminal(...args) {\n\treturn load().markedTerminal(...args);\n}\n',
	'entities/decode': 'export function decodeHTML(...args) {\n\treturn load().decodeHTML(...args);\n}\n',
	yaml: 'export function parse(...args) {\n\treturn load().parse(...args);\n}\n' + lazyClass('YAMLError'),
};

export const lazyForOurs = {
	name: 'lazy-for-ours',
	setup(build) {
		build.onResolve({filter: new RegExp(`^(${Object.keys(LAZY_FOR_OURS).join('|')})$`)}, async (args) => {
			if (args.pluginData?.real || !args.importer.startsWith(SOURCE)) return undefined;
			const real = await resolveReal(build, args);
			return real.errors ? real : {path: real.path, namespace: 'lazy-for-ours', pluginData: {name: args.path}};
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
export const requiredBuiltins = {
	name: 'required-builtins',
	setup(build) {
		build.onResolve({filter: /^node:/}, (args) => (args.importer.startsWith(SOURCE) ? {path: args.path, namespace: 'required-builtin'} : undefined));
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

// Ink, React, the layout engine and the select input are a script of their own (dist/ui.js, whose
// entry is UI_ENTRY), compiled from a code cache of its own after the first screen is painted: V8
// reads a whole code cache before running anything, and in the program's theirs would be ~40% of
// what is read before the first paint (~4 ms). Every import of them in the program gets what that
// script exports, under the names the package gives them (read here, at build time); the program
// opens the script (src/launch.ts) the first time one is evaluated.
/** Each package the Ink runtime script holds, by the name it goes by in that script's exports, and whether it is CommonJS (its names are read by requiring it). */
const UI_PACKAGES = {
	ink: {key: 'ink', isCommonJs: false},
	react: {key: 'react', isCommonJs: true},
	'react/jsx-runtime': {key: 'jsxRuntime', isCommonJs: true},
	'ink-select-input': {key: 'inkSelectInput', isCommonJs: false},
};

/** The Ink runtime script's entry: a namespace for each package. */
export const UI_ENTRY = `${Object.entries(UI_PACKAGES)
	.map(([name, {key}]) => `import * as ${key} from ${JSON.stringify(name)};`)
	.join('\n')}\nexport {${Object.values(UI_PACKAGES)
	.map(({key}) => key)
	.join(', ')}};\n`;

/** The names a package exports, as Node loads it. */
async function exportedNames(name, isCommonJs) {
	const loaded = isCommonJs ? createRequire(import.meta.url)(name) : await import(name);
	return Object.keys(loaded).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
}

export const uiFromScript = {
	name: 'ui-from-script',
	setup(build) {
		const filter = new RegExp(`^(${Object.keys(UI_PACKAGES).map((name) => name.replaceAll('/', '\\/')).join('|')})$`);
		build.onResolve({filter}, (args) => ({path: args.path, namespace: 'ui-from-script'}));
		build.onResolve({filter: /^mle-ui-script$/}, () => ({path: 'ui.js', namespace: 'ui-script'}));
		// `__mleOpenScript` is the program's third parameter (esbuild.config.mjs), given by src/launch.ts.
		build.onLoad({filter: /.*/, namespace: 'ui-script'}, () => ({contents: "let ui;\nexport const uiScript = () => (ui ??= __mleOpenScript('ui.js'));\n", loader: 'js'}));
		build.onLoad({filter: /.*/, namespace: 'ui-from-script'}, async (args) => {
			const {key, isCommonJs} = UI_PACKAGES[args.path];
			const names = await exportedNames(args.path, isCommonJs);
			return {
				contents: `import {uiScript} from 'mle-ui-script';\nconst loaded = uiScript().${key};\nexport default loaded.default;\nexport const {${names.join(', ')}} = loaded;\n`,
				loader: 'js',
				resolveDir: root,
			};
		});
	},
};
