// Builds dist/: the whole program bundled into ESM files (no runtime dependencies), so `npx
// mle-essay` installs a single package and starts without resolving hundreds of modules.
// dist/cli.js holds what the first screen needs; Ink and React load in a second chunk while that
// screen is already showing.
import {chmod, readFile, rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

// Modules replaced at build time. react-devtools-core is only imported by Ink when DEV is set
// (marking it external is not enough). marked-terminal imports all of highlight.js through
// cli-highlight and every emoji through node-emoji at load time; our code-block renderer never
// highlights, and emoji shortcodes are looked up lazily (src/render/emoji.ts) only when a document
// has one.
const STUBS = {
	'react-devtools-core': 'export default undefined;',
	'cli-highlight': 'export function highlight(code) { return code; }',
	'node-emoji': 'export function get() { return undefined; }',
};

// Ink 6.8's useInput reads `keypress.name` for Ctrl sequences it cannot name (ESC [ 5 G, say) and
// then calls `.startsWith` on undefined: the reader would crash on an odd key. Until Ink fixes it, the
// bundle treats such a key as no input. The build fails if the line it patches changes.
const INK_INPUT = /ink[\\/]build[\\/]hooks[\\/]use-input\.js$/;
const INK_ANCHOR = "if (input.startsWith('\\u001B')) {";
const inkUnnamedKeys = {
	name: 'ink-unnamed-keys',
	setup(build) {
		build.onLoad({filter: INK_INPUT}, async (args) => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(INK_ANCHOR)) throw new Error(`ink-unnamed-keys: ${args.path} changed; review the patch`);
			return {contents: source.replace(INK_ANCHOR, `input ??= '';\n            ${INK_ANCHOR}`), loader: 'js'};
		});
	},
};

const stubs = {
	name: 'stubs',
	setup(build) {
		build.onResolve({filter: /^(react-devtools-core|cli-highlight|node-emoji)$/}, (args) => {
			// Our own lazy import of node-emoji must get the real module.
			if (args.path === 'node-emoji' && !args.importer.includes('marked-terminal')) return undefined;
			return {path: args.path, namespace: 'stub'};
		});
		build.onLoad({filter: /.*/, namespace: 'stub'}, (args) => ({contents: STUBS[args.path], loader: 'js'}));
	},
};

/** Bundles src/cli.tsx into dist/. */
export async function build() {
	await rm(`${root}dist`, {recursive: true, force: true});
	await esbuild.build({
		entryPoints: {cli: `${root}src/cli.tsx`},
		outdir: `${root}dist`,
		bundle: true,
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		minify: process.env.MLE_NO_MINIFY !== "1",
		legalComments: 'none',
		logLevel: 'warning',
		plugins: [stubs, inkUnnamedKeys],
		define: {'process.env.NODE_ENV': '"production"'},
		// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname.
		banner: {
			js: [
				"import {createRequire as __mleCreateRequire} from 'node:module';",
				"import {fileURLToPath as __mleFileURLToPath} from 'node:url';",
				"import {dirname as __mleDirname} from 'node:path';",
				'const require = __mleCreateRequire(import.meta.url);',
				'const __filename = __mleFileURLToPath(import.meta.url);',
				'const __dirname = __mleDirname(__filename);',
			].join('\n'),
		},
	});
	await chmod(`${root}dist/cli.js`, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await build();
}
