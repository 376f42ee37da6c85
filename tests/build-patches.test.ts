// The build's edits to third-party modules (esbuild.patches.mjs) apply only to the versions they were
// written for, and a build where one edits nothing fails: each case bundles a small entry with the
// same plugin the build uses.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {describe, expect, it} from 'vitest';
import {patches} from '../esbuild.patches.mjs';
import {forInk} from '../esbuild.replacements.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `entry` with the build's patches, its imports resolved from `folder` (the project, or a new
 * folder holding `files`); resolves with the errors.
 */
async function bundle(entry: string, files?: Record<string, string>, plugins: esbuild.Plugin[] = [patches]): Promise<string[]> {
	let folder = root;
	if (files) {
		folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-patches-'));
		for (const [name, text] of Object.entries(files)) {
			mkdirSync(path.dirname(path.join(folder, name)), {recursive: true});
			writeFileSync(path.join(folder, name), text);
		}
	}

	try {
		await esbuild.build({stdin: {contents: entry, resolveDir: folder}, bundle: true, write: false, platform: 'node', format: 'esm', logLevel: 'silent', plugins});
		return [];
	} catch (error) {
		return ((error as {errors?: Array<{text: string}>}).errors ?? []).map((message) => message.text);
	}
}

describe('build patches', () => {
	it('refuse a version of a module other than the one they were written for', async () => {
		const marked = readFileSync(path.join(root, 'node_modules', 'marked', 'lib', 'marked.esm.js'), 'utf8');
		const errors = await bundle("import {marked} from 'marked'; console.log(marked);", {
			'node_modules/marked/package.json': JSON.stringify({name: 'marked', version: '99.0.0', module: './lib/marked.esm.js', type: 'module'}),
			'node_modules/marked/lib/marked.esm.js': marked,
		});
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/marked\.esm\.js is marked 99\.0\.0; its build patch \(esbuild\.patches\.mjs\) was written for marked 18\.2\.1: pin that version or review the patch/);
	});

	it('fail the build when one edits no file at all', async () => {
		const errors = await bundle('console.log(1);');
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.every((error) => / edited no file: /.test(error))).toBe(true);
	});

	it('apply, every one of them, to the modules this project installs', async () => {
		const entry = [
			"import {render} from 'ink';",
			"import {marked} from 'marked';",
			"import stringWidth from 'string-width';",
			"import wrapAnsi from 'wrap-ansi';",
			"import sliceAnsi from 'slice-ansi';",
			"import cliTruncate from 'cli-truncate';",
			"import {tokenize} from '@alcalzone/ansi-tokenize';",
			'console.log(render, marked, stringWidth, wrapAnsi, sliceAnsi, cliTruncate, tokenize);',
		].join('\n');
		expect(await bundle(entry)).toEqual([]);
		expect(await bundle(entry, undefined, [forInk, patches])).toEqual([]);
	});

	it('fail the build when a module replaced for Ink is no longer imported by it', async () => {
		const errors = await bundle('console.log(1);', undefined, [forInk]);
		expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^terminal-size is no longer imported by ink: review its replacement/), expect.stringMatching(/^signal-exit is no longer imported by ink or restore-cursor/)]));
	});
});

describe('a build that fails', () => {
	it('leaves no program behind: with node_modules linked from elsewhere, the patches apply to nothing and dist/ is not there', () => {
		const copy = mkdtempSync(path.join(tmpdir(), 'mle-essay-linked-'));
		for (const entry of ['src', 'content', 'package.json', 'esbuild.config.mjs', 'esbuild.patches.mjs', 'esbuild.replacements.mjs']) cpSync(path.join(root, entry), path.join(copy, entry), {recursive: true});
		symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
		const result = spawnSync(process.execPath, [path.join(copy, 'esbuild.config.mjs')], {cwd: copy, encoding: 'utf8'});
		expect(result.status).not.toBe(0);
		expect(result.stderr).toMatch(/the build patch for .* edited no file: the module is laid out or resolved otherwise/);
		expect(existsSync(path.join(copy, 'dist'))).toBe(false);
	});
});

