// Edits to third-party modules as esbuild.config.mjs bundles them, each for a reason given beside it.
// Each names the package versions it was written for, and package.json pins exactly those (overrides
// for the ones Ink brings). The build fails, naming the patch, when a file it edits comes from another
// version, when an edit's anchor is missing (the module changed), or when a patch edited nothing at all
// (the module is laid out or resolved otherwise: a symlink, pnpm, `npm link`, a moved file).
// tests/cli-print.test.ts checks that the bundle prints exactly what the source renders.
import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

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

const SEGMENTER = 'new Intl.Segmenter(';
/**
 * @typedef {object} Patch
 * @property {RegExp} file Files it edits.
 * @property {Record<string, readonly string[]>} versions For each package it edits, the versions it was written for.
 * @property {Array<[string, string]>} edits Anchors and what replaces them.
 * @property {string} [prepend]
 * @property {string} [append]
 * @property {string} [ifIncludes] Only files that include this are edited.
 * @property {string} [only] The one file it edits among those `file` matches.
 */

/** @type {Patch[]} */
const PATCHES = [
	{
		// Ink's reconciler awaits React DevTools and its own package.json at the top level, only when
		// DEV=true. The bundle is a script (src/launch.ts), where top-level await cannot be; DevTools
		// are not shipped.
		file: /ink[\\/]build[\\/]reconciler\.js$/,
		versions: {ink: ['8.0.0']},
		edits: [
			["await import('./devtools.js');", 'void 0;'],
			['const loaded = await loadPackageJson();', 'const loaded = {name: undefined, version: undefined};'],
		],
	},
	{
		// yoga-layout (Ink's layout engine) awaits its WebAssembly at the top level and fetches it from a
		// data: URL, which loads Node's whole fetch implementation. The module is small: compile it
		// synchronously from the same bytes, which also lets the bundle be a script.
		file: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
		versions: {'yoga-layout': ['3.2.1']},
		edits: [['const Yoga = wrapAssembly(await loadYoga());', 'const yogaModule = {};\nloadYoga(yogaModule);\nif (!yogaModule.asm) throw new Error(\'yoga-layout did not start synchronously\');\nconst Yoga = wrapAssembly(yogaModule);']],
	},
	{
		// The same change in yoga's Emscripten loader: instantiate from the embedded bytes at once,
		// decoded by Buffer (~0.1 ms) rather than its loader's atob and a loop (~4.5 ms), and compiled
		// whole (~3 ms) rather than function by function during the first layout (~6 ms). The flag is
		// put back at once: V8 checks the code cache against its flags.
		file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		versions: {'yoga-layout': ['3.2.1']},
		edits: [
			[
				'(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b):fetch(H,{credentials:"same-origin"}).then(function(e){return WebAssembly.instantiateStreaming(e,d).then(b,function(f){v("wasm streaming compile failed: "+f);v("falling back to ArrayBuffer instantiation");return c(b)})})})().catch(ca);',
				'b({instance: new WebAssembly.Instance(__eagerWasmModule(Buffer.from(H.slice(H.indexOf(",") + 1), "base64")), d)});',
			],
		],
		prepend: "import {setFlagsFromString as __setFlags} from 'node:v8';\nconst __eagerWasmModule = (bytes) => {\n\t__setFlags('--no-wasm-lazy-compilation');\n\ttry {\n\t\treturn new WebAssembly.Module(bytes);\n\t} finally {\n\t\t__setFlags('--wasm-lazy-compilation');\n\t}\n};\n",
	},
	{
		// Ink holds an escape byte back 20 ms in case the rest of a key's sequence (an arrow's `[C`) is
		// still to come, so Esc, which closes the contents, help, search and questions, came 20 ms after
		// every other key. A terminal writes a key's sequence at once, so an escape read alone is the Esc
		// key: it is answered at once, as Bubble Tea and crossterm do. An escape that ends a longer read
		// still waits for the rest.
		file: /ink[\\/]build[\\/]components[\\/]App\.js$/,
		versions: {ink: ['8.0.0']},
		edits: [
			[
				'        let chunk;\n        // eslint-disable-next-line @typescript-eslint/no-restricted-types\n        while ((chunk = stdin.read()) !== null) {\n',
				'        let chunk;\n        let lastChunk;\n        // eslint-disable-next-line @typescript-eslint/no-restricted-types\n        while ((chunk = stdin.read()) !== null) {\n            lastChunk = chunk;\n',
			],
			[
				'        if (inputParserRef.current.hasPendingEscape()) {\n            schedulePendingInputFlush();\n        }',
				"        if (lastChunk === '\\u001B' && inputParserRef.current.hasPendingEscape()) {\n            emitInput(inputParserRef.current.flushPendingEscape());\n        }\n        else if (inputParserRef.current.hasPendingEscape()) {\n            schedulePendingInputFlush();\n        }",
			],
		],
	},
	{
		// Ink's Output (one per frame) starts from a fresh object for every blank cell of the screen and
		// forgets, after each frame, the lines it has already turned into styled characters. Blank
		// cells now share one frozen object (nothing writes into a cell; it is replaced), and the
		// caches live across frames, started afresh once they hold 500 lines.
		file: /ink[\\/]build[\\/]output\.js$/,
		versions: {ink: ['8.0.0']},
		edits: [
			["row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });", 'row.push(BLANK_CELL);'],
			['    caches = new OutputCaches();', '    caches = sharedCaches();'],
		],
		append:
			"const BLANK_CELL = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\n" +
			'let sharedOutputCaches;\n' +
			'function sharedCaches() {\n' +
			'\tconst caches = sharedOutputCaches;\n' +
			'\tif (caches === undefined || caches.styledChars.size > 500 || caches.widths.size > 500 || caches.blockWidths.size > 500) sharedOutputCaches = new OutputCaches();\n' +
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
		versions: {'@alcalzone/ansi-tokenize': ['0.2.5', '0.3.2']},
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
		versions: {marked: ['18.2.1']},
		edits: [['\\p{P}\\p{S}', punctuationRanges()]],
	},
	{
		// The first Intl.Segmenter a process creates costs ~10 ms (ICU loads its break rules). These
		// modules each create one when they are imported; create it when text first needs segmenting.
		file: /node_modules[\\/](string-width|wrap-ansi|slice-ansi|cli-truncate|ink[\\/]build[\\/]line-update|@alcalzone[\\/]ansi-tokenize)([\\/].*)?\.js$/,
		versions: {
			'string-width': ['8.3.0'],
			'wrap-ansi': ['10.0.2'],
			'slice-ansi': ['8.0.0', '10.0.1'],
			'cli-truncate': ['5.2.0', '6.2.0'],
			ink: ['8.0.0'],
			'@alcalzone/ansi-tokenize': ['0.2.5', '0.3.2'],
		},
		edits: [[SEGMENTER, '__lazySegmenter(']],
		prepend:
			'const __lazySegmenter = (...options) => {\n' +
			'\tlet segmenter;\n' +
			`\treturn {segment: (text) => (segmenter ??= ${SEGMENTER}...options)).segment(text)};\n` +
			'};\n',
		ifIncludes: SEGMENTER,
	},
	{
		// ansi-tokenize splits every line Ink draws into graphemes with an Intl.Segmenter, whose first
		// use costs ~17 ms in the middle of Ink's first frame. Text whose characters are each a grapheme
		// (src/render/text-width.ts) is split without one.
		file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
		versions: {'@alcalzone/ansi-tokenize': ['0.2.5', '0.3.2']},
		edits: [['of segmenter.segment(str)) {', 'of (simpleGraphemes(str) ?? segmenter.segment(str))) {']],
		prepend: `import {simpleGraphemes} from ${JSON.stringify(path.join(root, 'src', 'render', 'text-width.ts'))};\n`,
	},
	{
		// string-width 8 (ours and wrap-ansi's): its RGI emoji expression takes ~15 ms to create, so
		// create it on first use; and text made only of simple characters (src/render/text-width.ts)
		// is measured without segmenting at all.
		file: /node_modules[\\/]string-width[\\/]index\.js$/,
		versions: {'string-width': ['8.3.0']},
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

/** The package a file belongs to: the nearest package.json above it that names one. */
function packageOf(file) {
	for (let folder = path.dirname(file); folder !== path.dirname(folder); folder = path.dirname(folder)) {
		let manifest;
		try {
			manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
		} catch {
			continue;
		}

		if (typeof manifest.name === 'string') return {name: manifest.name, version: String(manifest.version)};
	}

	return {name: '(no package)', version: '(none)'};
}

/**
 * The esbuild plugin that applies PATCHES, for builds that together bundle every patched module
 * (the program and its Ink runtime are two scripts: esbuild.config.mjs); `unapplied()`, asked once the
 * last has ended, names the patches that edited no file in any of them.
 */
export function sharedPatches() {
	const applied = new Set();
	/** @type {import('esbuild').Plugin} */
	const plugin = {
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
					const {name, version} = packageOf(args.path);
					const written = patch.versions[name];
					if (!written?.includes(version)) {
						throw new Error(`${args.path} is ${name} ${version}; its build patch (esbuild.patches.mjs) was written for ${written ? `${name} ${written.join(' or ')}` : Object.keys(patch.versions).join(', ')}: pin that version or review the patch`);
					}

					for (const [anchor, replacement] of patch.edits) {
						if (!source.includes(anchor)) throw new Error(`${args.path} changed: review the build patch for ${JSON.stringify(anchor)}`);
						source = source.replaceAll(anchor, replacement);
					}

					prepend += patch.prepend ?? '';
					append += patch.append ?? '';
					applied.add(patch);
				}

				return {contents: prepend + source + '\n' + append, loader: 'js', resolveDir: path.dirname(args.path)};
			});
		},
	};
	/** One error per patch that edited no file, in the words the build fails with. */
	const unapplied = () =>
		PATCHES.filter((patch) => !applied.has(patch)).map((patch) => ({text: `the build patch for ${patch.file.source} edited no file: the module is laid out or resolved otherwise than it was written for (esbuild.patches.mjs)`}));
	return {plugin, unapplied};
}

/** The same for one build that bundles every patched module: it fails at its end for a patch that could not be applied as written. */
export const patches = {
	name: 'patches',
	setup(build) {
		const {plugin, unapplied} = sharedPatches();
		plugin.setup(build);
		build.onEnd((result) => {
			if (result.errors.length > 0) return undefined;
			const errors = unapplied();
			return errors.length > 0 ? {errors} : undefined;
		});
	},
};
