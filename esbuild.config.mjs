// Builds dist/cli.js: the whole program in one ESM file, so `npx mle-essay` installs a single package
// and starts without resolving hundreds of modules.
import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Bundles src/cli.tsx into dist/cli.js. */
export async function build() {
	await mkdir(`${root}dist`, {recursive: true});
	// Ink imports react-devtools-core only when DEV is set; marking it external is not enough.
	const emptyModule = `${root}dist/.empty.js`;
	await writeFile(emptyModule, 'export default undefined;\n');
	await esbuild.build({
		entryPoints: [`${root}src/cli.tsx`],
		outfile: `${root}dist/cli.js`,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		minify: false,
		legalComments: 'none',
		logLevel: 'warning',
		alias: {'react-devtools-core': emptyModule},
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
