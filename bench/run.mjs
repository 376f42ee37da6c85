// Measures what a reader feels: time to the first frame that shows the title, key-to-frame latency,
// memory, and what `npx` downloads. Every figure is printed next to a baseline measured in the same
// run on the same machine (these machines are shared and noisy): read the ratios, not the
// milliseconds. This informs; it never fails.
//
//   npm run bench            (builds first)
//   node bench/run.mjs --quick
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const STARTS = quick ? 3 : 15;
const PRESSES = quick ? 10 : 40;
const TITLE = 'Hiring MLEs at early stage companies';
const KEYS = {right: '\u001B[C', left: '\u001B[D', pageDown: '\u001B[6~', pageUp: '\u001B[5~', escape: '\u001B'};

/** Runs a command in a pseudo-terminal read by a headless xterm; resolves waits on the exact chunk that satisfies them. */
function open(command, args, {columns = 100, rows = 30, env = {}} = {}) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const stateHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-bench-'));
	// Ink prints only its last frame when CI is set.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI'));
	const childEnv = {...inherited, TERM: 'xterm-256color', XDG_STATE_HOME: stateHome, ...env};
	const child = pty.spawn(command, args, {name: 'xterm-256color', cols: columns, rows, cwd: root, env: childEnv});
	let waiter;
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines = [];
		for (let row = 0; row < rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines;
	};

	const check = () => {
		if (waiter && waiter.predicate(screen())) {
			const {resolve} = waiter;
			waiter = undefined;
			resolve(performance.now());
		}
	};

	let raw = '';
	child.onData((data) => {
		raw += data;
		terminal.write(data, check);
	});
	let exited = false;
	child.onExit(() => {
		exited = true;
	});
	return {
		pid: child.pid,
		screen,
		output: () => raw,
		write: (data) => child.write(data),
		/** Resolves with the time the screen first satisfied `predicate`. */
		until(predicate, timeoutMs = 20_000) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`timed out; screen:\n${screen().join('\n')}`)), timeoutMs);
				waiter = {
					predicate,
					resolve: (time) => {
						clearTimeout(timer);
						resolve(time);
					},
				};
				check();
			});
		},
		async close() {
			if (!exited) child.kill();
			terminal.dispose();
			rmSync(stateHome, {recursive: true, force: true});
		},
	};
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const includes = (text) => (lines) => lines.some((line) => line.includes(text));
const matches = (pattern) => (lines) => lines.some((line) => pattern.test(line));

/** Time from spawn to the first frame that shows `title`. */
async function firstFrame(command, args, title) {
	const started = performance.now();
	const session = open(command, args);
	const shown = await session.until(includes(title));
	await session.close();
	return shown - started;
}

/**
 * First response: spawn, press → the moment the first frame shows, and wait until the screen shows
 * the next section. What a reader feels when they start typing at once.
 */
async function firstResponse(args, title) {
	const started = performance.now();
	const session = open(process.execPath, [cli, ...args]);
	await session.until(includes(title));
	session.write(KEYS.right);
	const answered = await session.until(matches(/ section 2 of \d+ /));
	await session.close();
	return answered - started;
}

/** Median first-frame times of the program and of the floor, alternating runs so both see the same noise. */
async function startup(args, title) {
	const floor = [];
	const app = [];
	const floorScript = `process.stdout.write(${JSON.stringify(title)} + '\\n')`;
	for (let run = 0; run < STARTS; run++) {
		floor.push(await firstFrame(process.execPath, ['-e', floorScript], title));
		app.push(await firstFrame(process.execPath, [cli, ...args], title));
	}

	return {floor: median(floor), app: median(app)};
}

/** Key-to-frame latency: press, then wait for the frame that shows the change. */
async function latency(args, title) {
	const session = open(process.execPath, [cli, ...args]);
	await session.until(includes(title));
	// The title shows from the first paint, before Ink has started; key latency is measured once Ink
	// has taken over (it hides the cursor a second time as it draws its first frame).
	const HIDE = '\u001B[?25l';
	await session.until(() => session.output().split(HIDE).length > 2 && (session.output().split(HIDE).at(-1) ?? '').includes('help'));
	const results = {};
	const measure = async (name, steps) => {
		const times = [];
		for (let press = 0; press < PRESSES; press++) {
			const [key, predicate] = steps[press % steps.length];
			const sent = performance.now();
			session.write(key);
			times.push((await session.until(predicate)) - sent);
		}

		results[name] = {median: median(times), p95: p95(times)};
	};

	const top = () => session.screen()[0];
	await measure('section change (→ ←)', [
		[KEYS.right, matches(/ section 2 of \d+ /)],
		[KEYS.left, matches(/ section 1 of \d+ /)],
	]);
	// Scroll keys: wait until the first line changes.
	const scrolled = (key) => {
		const before = top();
		return [key, (lines) => lines[0] !== before];
	};
	const measureScroll = async (name, down, up) => {
		const times = [];
		for (let press = 0; press < PRESSES; press++) {
			const [key, predicate] = scrolled(press % 2 === 0 ? down : up);
			const sent = performance.now();
			session.write(key);
			times.push((await session.until(predicate)) - sent);
		}

		results[name] = {median: median(times), p95: p95(times)};
	};

	session.write(KEYS.right);
	await session.until(matches(/ section 2 of \d+ /));
	await measureScroll('line scroll (j k)', 'j', 'k');
	await measureScroll('page scroll (PgDn PgUp)', KEYS.pageDown, KEYS.pageUp);
	await measure('table of contents (t Esc)', [
		['t', includes('Contents')],
		[KEYS.escape, (lines) => !lines.some((line) => line.includes('Contents'))],
	]);
	const status = readFileSync(`/proc/${session.pid}/status`, 'utf8');
	const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
	await session.close();
	return {results, peakMiB: peakKiB / 1024};
}

/** A long essay: 200 sections, about 5 MB. */
function bigEssay() {
	const paragraph = 'The quick brown fox jumps over the lazy dog while the team ships another demo. '.repeat(12);
	const section = (index) => `## Part ${index + 1}\n\n${Array.from({length: 26}, () => paragraph).join('\n\n')}\n`;
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-big-')), 'big.md');
	writeFileSync(file, `# A very long essay\n\nIntro.\n\n${Array.from({length: 200}, (_, index) => section(index)).join('\n')}`);
	return file;
}

function pack() {
	const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'}));
	const folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-pack-'));
	execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', folder], {cwd: root, stdio: 'ignore'});
	const tarball = path.join(folder, info.filename);
	const target = mkdtempSync(path.join(tmpdir(), 'mle-essay-install-'));
	writeFileSync(path.join(target, 'package.json'), '{"name":"bench-install","private":true}');
	const started = performance.now();
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], {cwd: target, stdio: 'ignore'});
	const installMs = performance.now() - started;
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	rmSync(folder, {recursive: true, force: true});
	rmSync(target, {recursive: true, force: true});
	return {packedKiB: info.size / 1024, unpackedKiB: info.unpackedSize / 1024, files: info.entryCount, installMs, runtimeDependencies: Object.keys(manifest.dependencies ?? {}).length};
}

const format = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
const row = (cells) => console.log(cells.map((cell, index) => (index === 0 ? String(cell).padEnd(46) : String(cell).padStart(16))).join(''));

console.log(`mle-essay benchmark · node ${process.version} · ${quick ? 'quick' : 'full'} run\n`);
const small = await startup([], TITLE);
const responses = [];
for (let run = 0; run < STARTS; run++) responses.push(await firstResponse([], TITLE));
const response = median(responses);
const big = bigEssay();
const large = await startup([big], "A very long essay");
const smallKeys = await latency([], TITLE);
const largeKeys = await latency([big], 'A very long essay');
const packed = pack();

row(['what', 'measured', 'baseline', 'ratio', 'target']);
row(['first frame, bundled essay', format(small.app), format(small.floor) + ' floor', `${(small.app / small.floor).toFixed(2)}×`, '≤ 1.5×']);
row(['first response (→ at the first frame), bundled', format(response), format(small.floor) + ' floor', `${(response / small.floor).toFixed(2)}×`, '≤ 3×']);
row(['first frame, 5 MB essay (200 sections)', format(large.app), format(large.floor) + ' floor', `${(large.app / large.floor).toFixed(2)}×`, '≤ 3×']);
for (const [name, value] of Object.entries(smallKeys.results)) {
	row([`${name}: median / p95`, `${value.median.toFixed(1)} / ${value.p95.toFixed(1)} ms`, '', '', '≤ 16 / 33 ms']);
}

for (const [name, value] of Object.entries(largeKeys.results)) {
	const base = smallKeys.results[name];
	row([`5 MB: ${name}: median`, `${value.median.toFixed(1)} ms`, `${base.median.toFixed(1)} ms small`, `${(value.median / base.median).toFixed(2)}×`, '≤ 2×']);
}

row(['peak memory (RSS), bundled essay', `${smallKeys.peakMiB.toFixed(0)} MiB`, '', '', '≤ 120 MiB']);
row(['peak memory (RSS), 5 MB essay', `${largeKeys.peakMiB.toFixed(0)} MiB`, '', '', '']);
row(['npm package: packed / unpacked', `${packed.packedKiB.toFixed(0)} / ${packed.unpackedKiB.toFixed(0)} KiB`, `${packed.files} files`, '', '']);
row(['npm package: runtime dependencies', String(packed.runtimeDependencies), '', '', '0']);
row(['npm install of the tarball (offline)', format(packed.installMs), '', '', '']);
rmSync(path.dirname(big), {recursive: true, force: true});
