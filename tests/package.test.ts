// The package as users get it: packed, installed into an empty folder, and run.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/paths.js';
import {ptySessions} from './helpers/pty.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const start = ptySessions();
let installed = '';
let files: string[] = [];

/** Every file below a folder, relative to it. */
function walk(folder: string, prefix = ''): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? walk(full, `${prefix}${name}/`) : [`${prefix}${name}`];
	});
}

beforeAll(() => {
	const packDir = mkdtempSync(path.join(tmpdir(), 'mle-essay-pack-'));
	// dist/ is already built by the test setup; --ignore-scripts skips building it again.
	const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {cwd: root, encoding: 'utf8'})) as Array<{
		filename: string;
		files: Array<{path: string}>;
	}>;
	if (!info) throw new Error('npm pack said nothing');
	files = info.files.map((entry) => entry.path).sort();
	const project = mkdtempSync(path.join(tmpdir(), 'mle-essay-install-'));
	writeFileSync(path.join(project, 'package.json'), '{"name": "someone-else", "private": true}');
	execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(packDir, info.filename)], {cwd: project, stdio: 'ignore'});
	installed = path.join(project, 'node_modules', 'mle-essay', 'dist', 'cli.js');
}, 120_000);

describe('the packed tarball', () => {
	it('holds only what runs: the bundle, the content, the manifest and the README', () => {
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('dist/app.js');
		expect(files).toContain('dist/app.js.cache');
		expect(files).toContain('dist/ui.js');
		expect(files).toContain('dist/ui.js.cache');
		expect(files).toContain('dist/essay.json');
		expect(files).toContain('dist/worker.js');
		expect(files).toContain('content/hiring-mle-at-early-stage-companies.md');
		expect(files).toContain('content/hiring-mle-at-early-stage-companies.quiz.yaml');
		expect(files).toContain('package.json');
		expect(files).toContain('README.md');
		const unexpected = files.filter((file) => !/^(dist\/[\w.-]+\.js|dist\/(?:app|ui)\.js\.cache|dist\/essay\.json|content\/[^/]+|package\.json|README\.md|LICENSE)$/.test(file));
		expect(unexpected).toEqual([]);
	});

	it('installs with no dependencies and prints the essay', () => {
		const output = execFileSync(process.execPath, [installed, '--print', '--width', '100'], {encoding: 'utf8'});
		expect(output).toContain('Hiring MLEs at early stage companies\njxnl · April 8, 2024 · hiring');
		expect(output.replace(/\s+/g, ' ')).toContain('sustained AI innovation and growth.');
		// One package: nothing else was installed beside it.
		expect(readdirSync(path.join(installed, '..', '..', '..')).filter((name) => !name.startsWith('.'))).toEqual(['mle-essay']);
	});

	it('starts from the compiled-code cache shipped beside the bundle (this Node accepts it)', () => {
		const launch = pathToFileURL(path.join(installed, '..', 'launch.js')).href;
		const script = `const {isCodeCacheUsable} = await import(${JSON.stringify(launch)}); process.stdout.write(String(isCodeCacheUsable()));`;
		expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})).toBe('true');
	});

	it('runs the reader in a terminal, and writes nothing outside its state folder', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'mle-essay-home-'));
		const work = path.join(home, 'work');
		mkdirSync(work);
		const stateHome = path.join(home, 'state');
		const session = start([], {cli: installed, cwd: work, stateHome, env: {HOME: home}});
		await session.waitFor('section 1 of 3');
		session.write('\u001B[C');
		await session.waitFor('section 2 of 3');
		session.write('q');
		expect((await session.exited()).code).toBe(0);
		const written = walk(home);
		expect(written.length).toBeGreaterThan(0);
		expect(written.every((file) => file.startsWith('state/mle-essay/'))).toBe(true);
	});
});

describe('the installed package draws a long section in its own thread', () => {
	it('shows it once drawn, by the thread shipped in the package (dist/worker.js)', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'mle-essay-home-'));
		const file = path.join(home, 'long.md');
		const rows = Array.from({length: 5000}, (_, row) => `| r${row} | cell ${row} |`).join('\n');
		writeFileSync(file, `# Long\n\nCover.\n\n## Table\n\n| a | b |\n|---|---|\n${rows}\n`);
		const session = start([file, '--section', '2'], {cli: installed, env: {HOME: home}});
		await session.waitFor(/Drawing this long section|r0 /, 10_000);
		await session.waitFor('r0 ', 20_000);
		expect(session.text()).not.toContain('could not be drawn');
		session.write('q');
		expect((await session.exited()).code).toBe(0);
	});
});

describe('an unsupported Node', () => {
	// The machine's own Node, when it is older than the releases supported upstream (this image has 20).
	const old = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
		const version = spawnSync(candidate, ['--version'], {encoding: 'utf8'}).stdout ?? '';
		return /^v(1\d|2[01])\./.test(version);
	});

	it.skipIf(old === undefined)('gets one line saying which Node is needed, not a stack trace', () => {
		const result = spawnSync(old ?? 'node', [CLI, '--print'], {encoding: 'utf8'});
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^mle-essay: needs Node\.js 22 or newer \(this is v\d+\.\d+\.\d+\); see https:\/\/nodejs\.org\n$/);
	});
});
