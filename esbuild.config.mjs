// Builds dist/: the whole program bundled into one script (no runtime dependencies), so `npx
// mle-essay` installs a single package and starts without resolving hundreds of modules, plus the
// V8 code cache and the parsed bundled essay that make its start fast (see src/launch.ts).
import {execFileSync} from 'node:child_process';
import {chmod, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

// Modules replaced at build time. marked-terminal imports all of highlight.js through cli-highlight
// and every emoji through node-emoji at load time; our code-block renderer never highlights, and
// emoji shortcodes are looked up lazily (src/render/emoji.ts) only when a document has one.
const STUBS = {
	'cli-highlight': 'export function highlight(code) { return code; }',
	'node-emoji': 'export function get() { return undefined; }',
};

/** Every code point of \p{P} and \p{S}, as ranges for a regular-expression class with the u flag. */
function punctuationRanges() {
	const punctuation = /[\p{P}\p{S}]/u;
	const escape = (code) => (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`);
	const ranges = [];
	let start = -1;
	for (let code = 0; code <= 0x110000; code++) {
		const isIn = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && punctuation.test(String.fromCodePoint(code));
		if (isIn && start < 0) start = code;
		if (!isIn && start >= 0) {
			ranges.push(start === code - 1 ? escape(start) : `${escape(start)}-${escape(code - 1)}`);
			start = -1;
		}
	}

	return ranges.join('');
}

// Edits to third-party modules as they are bundled, each for a reason given beside it. An edit whose
// anchor is missing fails the build: the module changed and the edit needs a fresh look.
const SEGMENTER = 'new Intl.Segmenter(';
const PATCHES = [
	{
		// Ink 6.8's useInput reads `keypress.name` for Ctrl sequences it cannot name (ESC [ 5 G, say)
		// and then calls `.startsWith` on undefined: the reader would crash on an odd key. Until Ink
		// fixes it, such a key is no input.
		file: /ink[\\/]build[\\/]hooks[\\/]use-input\.js$/,
		edits: [["if (input.startsWith('\\u001B')) {", "input ??= '';\n            if (input.startsWith('\\u001B')) {"]],
	},
	{
		// Ink's reconciler awaits React DevTools and its own package.json at the top level, only when
		// DEV=true. The bundle is a script (src/launch.ts), where top-level await cannot be; DevTools
		// are not shipped.
		file: /ink[\\/]build[\\/]reconciler\.js$/,
		edits: [
			["await import('./devtools.js');", 'void 0;'],
			['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
		],
	},
	{
		// yoga-layout (Ink's layout engine) awaits its WebAssembly at the top level and fetches it from a
		// data: URL, which loads Node's whole fetch implementation. The module is small: compile it
		// synchronously from the same bytes, which also lets the bundle be a script.
		file: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
		edits: [['const Yoga = wrapAssembly(await loadYoga());', 'const yogaModule = {};\nloadYoga(yogaModule);\nif (!yogaModule.asm) throw new Error(\'yoga-layout did not start synchronously\');\nconst Yoga = wrapAssembly(yogaModule);']],
	},
	{
		file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		edits: [
			[
				'(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b):fetch(H,{credentials:"same-origin"}).then(function(e){return WebAssembly.instantiateStreaming(e,d).then(b,function(f){v("wasm streaming compile failed: "+f);v("falling back to ArrayBuffer instantiation");return c(b)})})})().catch(ca);',
				'b({instance: new WebAssembly.Instance(new WebAssembly.Module(wa()), d)});',
			],
		],
	},
	{
		// Ink's Output (one per frame) starts from a fresh object for every blank cell of the screen and
		// forgets, after each frame, the lines it has already turned into styled characters. Blank
		// cells now share one frozen object (nothing writes into a cell; it is replaced), and the
		// caches live across frames, started afresh once they hold 500 lines.
		file: /ink[\\/]build[\\/]output\.js$/,
		edits: [
			["row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });", 'row.push(BLANK_CELL);'],
			['    caches = new OutputCaches();', '    caches = sharedCaches();'],
		],
		append:
			"const BLANK_CELL = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\n" +
			'let sharedOutputCaches;\n' +
			'function sharedCaches() {\n' +
			'\tif (sharedOutputCaches === undefined || sharedOutputCaches.styledChars.size > 500 || sharedOutputCaches.widths.size > 500) sharedOutputCaches = new OutputCaches();\n' +
			'\treturn sharedOutputCaches;\n' +
			'}\n',
	},
	{
		// Ink turns every line of every frame into styled characters and back. ansi-tokenize gives each
		// character its own copy of the active styles and compares neighbours with three new Sets, a few
		// megabytes of garbage per key press (and a heap that grows to match). Characters now share the
		// styles array they were written with, and neighbours with the same styles (the same array, or
		// both unstyled) skip the comparison, whose answer would be "no change".
		file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
		edits: [
			['                styles: [...codes],', '                styles: codes,'],
			[
				'            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				'            const previous = chars[i - 1].styles;\n            if (previous !== char.styles && (previous.length > 0 || char.styles.length > 0)) ret += ansiCodesToString(diffAnsiCodes(previous, char.styles));',
			],
		],
	},
	{
		// marked splices its punctuation class [\p{P}\p{S}] into a dozen expressions built when it loads,
		// and V8 looks the Unicode properties up again for each (~0.6 ms every time). The same class,
		// spelled out as the ranges this Node's V8 gives for it, parses three times faster.
		file: /marked[\\/]lib[\\/]marked\.esm\.js$/,
		edits: [['\\p{P}\\p{S}', punctuationRanges()]],
	},
	{
		// The first Intl.Segmenter a process creates costs ~10 ms (ICU loads its break rules). These
		// modules each create one when they are imported; create it when text first needs segmenting.
		file: /node_modules[\\/](string-width|wrap-ansi|slice-ansi|@alcalzone[\\/]ansi-tokenize)[\\/].*\.js$/,
		edits: [[SEGMENTER, '__lazySegmenter(']],
		prepend:
			'const __lazySegmenter = (...options) => {\n' +
			'\tlet segmenter;\n' +
			`\treturn {segment: (text) => (segmenter ??= ${SEGMENTER}...options)).segment(text)};\n` +
			'};\n',
		ifIncludes: SEGMENTER,
	},
	{
		// string-width 8 (ours and wrap-ansi's): its RGI emoji expression takes ~15 ms to create, so
		// create it on first use; and text made only of simple characters (src/render/text-width.ts)
		// is measured without segmenting at all.
		file: /node_modules[\\/]string-width[\\/]index\.js$/,
		only: path.join(root, 'node_modules', 'string-width', 'index.js'),
		edits: [
			['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegexOnce;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiRegexOnce ??= /^\\p{RGI_Emoji}$/v).test(text)};'],
			[
				'\tlet width = 0;\n\tconst eastAsianWidthOptions',
				'\tconst simpleWidth = simpleTextWidth(string, ambiguousIsNarrow);\n\tif (simpleWidth !== undefined) {\n\t\treturn simpleWidth;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions',
			],
		],
		prepend: `import {simpleTextWidth} from ${JSON.stringify(path.join(root, 'src', 'render', 'text-width.ts'))};\n`,
	},
];

const patches = {
	name: 'patches',
	setup(build) {
		const filter = new RegExp(PATCHES.map((patch) => patch.file.source).join('|'));
		build.onLoad({filter}, async (args) => {
			const applying = PATCHES.filter((patch) => patch.file.test(args.path) && (!patch.only || patch.only === args.path));
			let source = await readFile(args.path, 'utf8');
			let prepend = '';
			let append = '';
			for (const patch of applying) {
				if (patch.ifIncludes && !source.includes(patch.ifIncludes)) continue;
				for (const [anchor, replacement] of patch.edits) {
					if (!source.includes(anchor)) throw new Error(`${args.path} changed: review the build patch for ${JSON.stringify(anchor)}`);
					source = source.replaceAll(anchor, replacement);
				}

				prepend += patch.prepend ?? '';
				append += patch.append ?? '';
			}

			return {contents: prepend + source + '\n' + append, loader: 'js', resolveDir: path.dirname(args.path)};
		});
	},
};

const stubs = {
	name: 'stubs',
	setup(build) {
		build.onResolve({filter: /^(cli-highlight|node-emoji)$/}, (args) => {
			// Our own lazy import of node-emoji must get the real module.
			if (args.path === 'node-emoji' && !args.importer.includes('marked-terminal')) return undefined;
			return {path: args.path, namespace: 'stub'};
		});
		build.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({contents: STUBS[args.path], loader: 'js'}));
	},
};

const dist = path.join(root, 'dist');
const minify = process.env.MLE_NO_MINIFY !== '1';
const app = path.join(dist, 'app.js');

/** The program as one script (see src/launch.ts): a function of `require` and the script's own path. */
async function bundleApp() {
	await esbuild.build({
		entryPoints: [path.join(root, 'src', 'cli.tsx')],
		outfile: app,
		bundle: true,
		platform: 'node',
		format: 'iife',
		globalName: '__mleApp',
		target: 'node20',
		jsx: 'automatic',
		minify,
		legalComments: 'none',
		logLevel: 'warning',
		plugins: [stubs, patches],
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

/** Builds dist/: cli.js (the command), launch.js (its loader), app.js (the program), app.js.cache and essay.json. */
export async function build() {
	await rm(dist, {recursive: true, force: true});
	// The command and its loader stay two small modules, so starting reads nothing else.
	await esbuild.build({
		entryPoints: {cli: path.join(root, 'src', 'bin.ts'), launch: path.join(root, 'src', 'launch.ts')},
		outdir: dist,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'warning',
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
