// Measures what a reader feels: time to the first frame that shows the title, the first response to
// a key, key-to-frame latency with presses spaced as a person's (back and forth, and reading forward
// through a long post), the first search and print mode on
// generated essays of 50 KB, 5 MB and 20 MB (mixed content) and print of a 300 KB one, with marked's
// lexer alone on the same files (print cannot be faster), memory, the start with and without a code
// cache, and what `npx` downloads; and `less`, `mdp` and `patat` on the same files where they are
// installed (less also searches: it is the physical limit, a pager that reads only what it shows). Every figure
// is printed next to a baseline measured in the same run on the same machine (these machines are
// shared and noisy): read the ratios, not the milliseconds. This informs; it never fails.
//
//   npm run bench            (builds first)
//   node bench/run.mjs --quick
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {mixedEssay} from './essays.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const STARTS = quick ? 3 : 15;
const PRESSES = quick ? 10 : 40;
const TITLE = 'Hiring MLEs at early stage companies';
const KEYS = {right: '\u001B[C', left: '\u001B[D', pageDown: '\u001B[6~', pageUp: '\u001B[5~', escape: '\u001B'};
/** A person's pause between keys: the frame is drawn and settled before the next press. */
const PAUSE_MS = 40;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The word the generated essays hold once, in their last section. */
const NEEDLE = 'zebrafish';
const BENCH_TITLE = 'Bench essay';
/** @type {ReadonlyArray<readonly [string, number]>} */
const SIZES = quick ? [['50 KB', 50 * 1024], ['5 MB', 5 * 1024 * 1024]] : [['50 KB', 50 * 1024], ['5 MB', 5 * 1024 * 1024], ['20 MB', 20 * 1024 * 1024]];
const isInstalled = (command) => spawnSync(command, ['--version'], {stdio: 'ignore'}).status === 0;
const hasLess = isInstalled('less');
/** Other terminal markdown readers to start on the same files, where installed. */
const READERS = ['mdp', 'patat'].filter(isInstalled);

/**
 * What the program caches for the user as it runs (src/files.ts: its own code cache for another Node,
 * the ids of files opened before) goes to the bench's own folder, not the user's: empty for each
 * start where a figure is of a first open, else shared by the run.
 */
const benchCache = mkdtempSync(path.join(tmpdir(), 'mle-essay-bench-cache-'));
const emptyCache = () => ({XDG_CACHE_HOME: mkdtempSync(path.join(benchCache, 'empty-'))});
/**
 * One reader starting the program again and again in the same terminal: the same folders for
 * progress and the cache at each start (the others get a new progress folder each), so each start
 * after the first paints the screen the last one left before the program is loaded (src/first-screen.ts).
 */
const sameReader = () => {
	const folders = {XDG_STATE_HOME: mkdtempSync(path.join(benchCache, 'reader-state-')), XDG_CACHE_HOME: mkdtempSync(path.join(benchCache, 'reader-cache-'))};
	return () => folders;
};

/** Runs a command in a pseudo-terminal read by a headless xterm; resolves waits on the exact chunk that satisfies them. */
function open(command, args, {columns = 100, rows = 30, env = {}, cwd = root} = {}) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const stateHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-bench-'));
	// Ink prints only its last frame when CI is set.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI'));
	const childEnv = {...inherited, TERM: 'xterm-256color', XDG_STATE_HOME: stateHome, XDG_CACHE_HOME: benchCache, ...env};
	const child = pty.spawn(command, args, {name: 'xterm-256color', cols: columns, rows, cwd, env: childEnv});
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
	const exit = new Promise((resolve) => {
		child.onExit(() => {
			exited = true;
			resolve(undefined);
		});
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
			// It saves its progress as it ends: the folder goes once it has.
			await Promise.race([exit, pause(2000)]);
			terminal.dispose();
			rmSync(stateHome, {recursive: true, force: true, maxRetries: 3});
		},
	};
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const includes = (text) => (lines) => lines.some((line) => line.includes(text));
const matches = (pattern) => (lines) => lines.some((line) => pattern.test(line));

/** Time from spawn to the first frame that shows `title`. */
async function firstFrame(command, args, title, env = {}) {
	const started = performance.now();
	const session = open(command, args, {env});
	try {
		return (await session.until(includes(title))) - started;
	} finally {
		await session.close();
	}
}

/**
 * First response: spawn, press → the moment the first frame shows, and wait until the screen shows
 * the next section. What a reader feels when they start typing at once.
 */
async function firstResponse(args, title, env = {}) {
	const started = performance.now();
	const session = open(process.execPath, [cli, ...args], {env});
	await session.until(includes(title));
	session.write(KEYS.right);
	const answered = await session.until(matches(/ section 2 of \d+ /));
	await session.close();
	return answered - started;
}

/**
 * Median first-frame times of the program and of the floor, alternating runs so both see the same
 * noise; with `env`, the program's too (a terminal that takes hyperlinks, say), made for each start.
 */
async function startup(args, title, env = () => ({})) {
	const floor = [];
	const app = [];
	const floorScript = `process.stdout.write(${JSON.stringify(title)} + '\\n')`;
	for (let run = 0; run < STARTS; run++) {
		floor.push(await firstFrame(process.execPath, ['-e', floorScript], title));
		app.push(await firstFrame(process.execPath, [cli, ...args], title, env()));
	}

	return {floor: median(floor), app: median(app)};
}

/** The title shows from the first paint, before Ink has started: Ink has taken over once it hides the cursor a second time. */
async function untilInk(session) {
	const HIDE = '\u001B[?25l';
	await session.until(() => session.output().split(HIDE).length > 2 && (session.output().split(HIDE).at(-1) ?? '').includes('help'));
}

/**
 * Reading forward through a long post, as a reader does: each press shows text not shown before (the
 * keys above go back and forth over the same two screens). From the second section, where the post
 * is drawn; presses spaced as above.
 */
async function forwardLatency(file) {
	const session = open(process.execPath, [cli, '--section', '2', file]);
	await session.until(matches(/ section 2 of \d+ /));
	await untilInk(session);
	const results = {};
	for (const [name, key] of [['line scroll forward (j), a 300 KB post', 'j'], ['page forward (PgDn), a 300 KB post', KEYS.pageDown]]) {
		const times = [];
		for (let press = 0; press < PRESSES; press++) {
			const before = session.screen()[0];
			const sent = performance.now();
			session.write(key);
			times.push((await session.until((lines) => lines[0] !== before)) - sent);
			await pause(PAUSE_MS);
		}

		results[name] = {median: median(times), p95: p95(times)};
	}

	await session.close();
	return results;
}

/** Key-to-frame latency, presses spaced as a person's: press, wait for the frame that shows the change, pause. */
async function latency(args, title) {
	const session = open(process.execPath, [cli, ...args]);
	await session.until(includes(title));
	await untilInk(session);
	const results = {};
	/** Presses each step's key in turn; a step's own name, when it has one, gets a row of its own. */
	const measure = async (name, steps) => {
		const times = new Map();
		for (let press = 0; press < PRESSES; press++) {
			const [key, predicate, stepName = name] = steps[press % steps.length];
			const sent = performance.now();
			session.write(key);
			const time = (await session.until(predicate)) - sent;
			times.set(stepName, [...(times.get(stepName) ?? []), time]);
			await pause(PAUSE_MS);
		}

		for (const [stepName, stepTimes] of times) results[stepName] = {median: median(stepTimes), p95: p95(stepTimes)};
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
			await pause(PAUSE_MS);
		}

		results[name] = {median: median(times), p95: p95(times)};
	};

	session.write(KEYS.right);
	await session.until(matches(/ section 2 of \d+ /));
	await measureScroll('line scroll (j k)', 'j', 'k');
	await measureScroll('page scroll (PgDn PgUp)', KEYS.pageDown, KEYS.pageUp);
	// Ink holds a lone Esc 20 ms before passing it on, in case it starts a key's escape sequence.
	await measure('table of contents', [
		['t', includes('Contents'), 'table of contents opens (t)'],
		[KEYS.escape, (lines) => !lines.some((line) => line.includes('Contents')), 'table of contents closes (Esc)'],
	]);
	const peak = peakMiB(session.pid);
	await session.close();
	return {results, peakMiB: peak};
}

/** Peak resident memory of a running process, in MiB. */
function peakMiB(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The first search: open, wait until the reader is up, type `/needle` Enter, and time until the
 * match is on screen. With `less` (the raw file), the same keys.
 */
async function firstSearch(command, args, title, found) {
	const session = open(command, args);
	await session.until(includes(title), 60_000);
	if (command === process.execPath) await untilInk(session);
	const sent = performance.now();
	session.write(`/${NEEDLE}\r`);
	const shown = await session.until(found, 120_000);
	if (command === process.execPath) {
		// The peak of a whole reading: `n` waits for every section to be indexed, then wraps round.
		session.write('n');
		await session.until(includes('search wrapped to the top'), 600_000);
	}

	const peak = peakMiB(session.pid);
	await session.close();
	return {ms: shown - sent, peakMiB: peak};
}

/** Print mode to a pipe: time to its first bytes and to its end. */
function printTimes(file) {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, [cli, '--print', '--width', '80', file], {env: {...process.env, ...emptyCache()}, stdio: ['ignore', 'pipe', 'ignore']});
		let first;
		child.stdout.on('data', () => {
			first ??= performance.now() - started;
		});
		child.on('close', () => resolve({first: first ?? Number.NaN, total: performance.now() - started}));
	});
}

/**
 * What print mode cannot beat while marked is its base: a Node that only lexes the file with marked
 * (as the reader's flags have it), in one go, and exits.
 */
function lexTime(file) {
	return new Promise((resolve) => {
		const started = performance.now();
		const code = `import {Lexer} from 'marked'; import {readFileSync} from 'node:fs'; Lexer.lex(readFileSync(${JSON.stringify(file)}, 'utf8'), {gfm: true});`;
		const child = spawn(process.execPath, ['--no-regexp-tier-up', '--input-type=module', '-e', code], {cwd: root, stdio: 'ignore'});
		child.on('close', () => resolve(performance.now() - started));
	});
}

/** The floor for print: a Node that prints one line to the same pipe. */
function printFloor() {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['-e', 'process.stdout.write("x\\n")'], {stdio: ['ignore', 'pipe', 'ignore']});
		child.stdout.resume();
		child.on('close', () => resolve(performance.now() - started));
	});
}

/**
 * The start of a Node whose code cache is refused (any Node but the one that built the package):
 * the package copied without the build's cache, then started with an empty user cache (it compiles,
 * and saves its own at exit) and again with the cache it saved.
 */
async function cacheStarts() {
	const copy = mkdtempSync(path.join(tmpdir(), 'mle-essay-nocache-'));
	mkdirSync(path.join(copy, 'dist'));
	// Every file of the build but its code caches.
	for (const name of readdirSync(path.join(root, 'dist')).filter((entry) => !entry.endsWith('.cache'))) copyFileSync(path.join(root, 'dist', name), path.join(copy, 'dist', name));
	cpSync(path.join(root, 'content'), path.join(copy, 'content'), {recursive: true});
	copyFileSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
	const copied = path.join(copy, 'dist', 'cli.js');
	const cold = [];
	const warm = [];
	for (let run = 0; run < STARTS; run++) {
		const cacheHome = mkdtempSync(path.join(tmpdir(), 'mle-essay-cache-'));
		cold.push(await firstFrame(process.execPath, [copied], TITLE, {XDG_CACHE_HOME: cacheHome}));
		warm.push(await firstFrame(process.execPath, [copied], TITLE, {XDG_CACHE_HOME: cacheHome}));
		rmSync(cacheHome, {recursive: true, force: true});
	}

	rmSync(copy, {recursive: true, force: true});
	return {cold: median(cold), warm: median(warm)};
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

const references = [...(hasLess ? ['less'] : []), ...READERS];
console.log(`mle-essay benchmark · node ${process.version} · ${quick ? 'quick' : 'full'} run${references.length > 0 ? ` · ${references.join(', ')} on the same files` : ''}\n`);
const small = await startup([], TITLE);
// Most terminals people use take OSC 8 hyperlinks and say so (VTE's set VTE_VERSION): the cover's
// link to the original post is then drawn as one.
const linked = await startup([], TITLE, () => ({VTE_VERSION: '7200'}));
const again = await startup([], TITLE, sameReader());
const responses = [];
for (let run = 0; run < STARTS; run++) responses.push(await firstResponse([], TITLE));
const response = median(responses);
// The same reader again: the first screen is painted before the program is loaded, and the key waits
// for it. From the first section each time (`--section 1`), so → always leads to the second.
const againReader = sameReader();
const againResponses = [];
for (let run = 0; run < STARTS; run++) againResponses.push(await firstResponse(['--section', '1'], TITLE, againReader()));
const againResponse = median(againResponses);
const smallKeys = await latency([], TITLE);
const cache = await cacheStarts();

/** Per generated essay: first frame, first search, print, peak memory; and less on the same file. */
const sized = [];
for (const [label, bytes] of SIZES) {
	const file = mixedEssay(bytes, BENCH_TITLE, NEEDLE);
	const size = statSync(file).size;
	// Opened for the first time at each start (nothing kept of it), and opened again.
	const start = await startup([file], BENCH_TITLE, emptyCache);
	const again = await startup([file], BENCH_TITLE);
	const reader = await startup([file], BENCH_TITLE, sameReader());
	const search = await firstSearch(process.execPath, [cli, file], BENCH_TITLE, matches(/match 1 of 1/));
	const less = hasLess ? await firstSearch('less', [file], BENCH_TITLE, includes(`The ${NEEDLE} is here`)) : undefined;
	/** First frames of the other readers: median of five, or nothing where one never showed the title. */
	const readerStarts = [];
	for (const reader of [...(hasLess ? ['less'] : []), ...READERS]) {
		const times = [];
		try {
			for (let run = 0; run < Math.min(STARTS, 5); run++) times.push(await firstFrame(reader, [file], BENCH_TITLE));
			readerStarts.push({reader, ms: median(times)});
		} catch {
			readerStarts.push({reader, ms: Number.NaN});
		}
	}
	const prints = [];
	const floors = [];
	const lexes = [];
	for (let run = 0; run < (quick ? 1 : 3); run++) {
		floors.push(await printFloor());
		prints.push(await printTimes(file));
		lexes.push(await lexTime(file));
	}

	sized.push({label, size, start, again, reader, search, less, readerStarts, print: {first: median(prints.map((one) => one.first)), total: median(prints.map((one) => one.total))}, printFloor: median(floors), lex: median(lexes)});
	rmSync(path.dirname(file), {recursive: true, force: true});
}

/** Print mode of a long blog post: the whole of it against the floor, and marked's lexer alone on it. */
const post = mixedEssay(300 * 1024, BENCH_TITLE, NEEDLE);
const postRuns = [];
for (let run = 0; run < (quick ? 1 : 5); run++) postRuns.push({floor: await printFloor(), print: (await printTimes(post)).total, lex: await lexTime(post)});
const postPrint = {floor: median(postRuns.map((one) => one.floor)), print: median(postRuns.map((one) => one.print)), lex: median(postRuns.map((one) => one.lex))};
const forwardKeys = await forwardLatency(post);
rmSync(path.dirname(post), {recursive: true, force: true});

const packed = pack();
const ratio = (value, base) => `${(value / base).toFixed(2)}×`;

row(['what', 'measured', 'baseline', 'ratio', 'target']);
row(['first frame, bundled essay', format(small.app), format(small.floor) + ' floor', ratio(small.app, small.floor), '≤ 1.5×']);
row(['first response (→ at the first frame), bundled', format(response), format(small.floor) + ' floor', ratio(response, small.floor), '≤ 3×']);
row(['first frame, bundled, terminal with hyperlinks', format(linked.app), format(linked.floor) + ' floor', ratio(linked.app, linked.floor), '≤ 1.5×']);
row(['first frame, bundled, the same reader again', format(again.app), format(again.floor) + ' floor', ratio(again.app, again.floor), '≤ 1.5×']);
row(['first response, the same reader again', format(againResponse), format(small.floor) + ' floor', ratio(againResponse, small.floor), '≤ 3×']);
row(['first frame, no code cache (another Node)', format(cache.cold), format(small.floor) + ' floor', ratio(cache.cold, small.floor), '']);
row(['first frame, its own cache (second start)', format(cache.warm), format(small.floor) + ' floor', ratio(cache.warm, small.floor), '≤ 1.5×']);
for (const [name, value] of Object.entries({...smallKeys.results, ...forwardKeys})) {
	row([`${name}, spaced: median / p95`, `${value.median.toFixed(1)} / ${value.p95.toFixed(1)} ms`, '', '', '≤ 3 / 8 ms']);
}

row(['peak memory (RSS), bundled essay', `${smallKeys.peakMiB.toFixed(0)} MiB`, '', '', '≤ 64 MiB']);
for (const one of sized) {
	const name = `${one.label} essay`;
	row([`first frame, ${name}`, format(one.start.app), format(one.start.floor) + ' floor', ratio(one.start.app, one.start.floor), '≤ 1.5×']);
	row([`  opened before`, format(one.again.app), format(one.again.floor) + ' floor', ratio(one.again.app, one.again.floor), '≤ 1.5×']);
	row([`  the same reader again`, format(one.reader.app), format(one.reader.floor) + ' floor', ratio(one.reader.app, one.reader.floor), '≤ 1.5×']);
	for (const {reader, ms} of one.readerStarts) row([`  ${reader}, first frame`, Number.isNaN(ms) ? 'no title shown' : format(ms), format(one.start.floor) + ' floor', ratio(ms, one.start.floor), '']);
	row([`first search, ${name}`, format(one.search.ms), one.less ? format(one.less.ms) + ' less' : '', one.less ? ratio(one.search.ms, one.less.ms) : '', '≤ 1× less']);
	row([`print, ${name}: first bytes`, format(one.print.first), format(one.printFloor) + ' floor', ratio(one.print.first, one.printFloor), '≤ 1.5×']);
	const rate = (ms) => `${(one.size / 1024 / 1024 / ((ms - one.printFloor) / 1000)).toFixed(1)} MB/s`;
	row([`print, ${name}: all`, format(one.print.total), rate(one.print.total), ratio(one.print.total, one.printFloor), '≥ 20 MB/s']);
	row([`  marked's lexer alone, same file`, format(one.lex), rate(one.lex), ratio(one.lex, one.printFloor), '']);
	row([`peak memory (RSS), ${name}`, `${one.search.peakMiB.toFixed(0)} MiB`, one.less ? `${one.less.peakMiB.toFixed(0)} MiB less` : '', ratio(one.search.peakMiB, smallKeys.peakMiB) + ' bundled', '≤ 2× bundled']);
}

row(['print, 300 KB post: all', format(postPrint.print), format(postPrint.floor) + ' floor', ratio(postPrint.print, postPrint.floor), '≤ 2×']);
row([`  marked's lexer alone, same file`, format(postPrint.lex), format(postPrint.floor) + ' floor', ratio(postPrint.lex, postPrint.floor), '']);
row(['npm package: packed / unpacked', `${packed.packedKiB.toFixed(0)} / ${packed.unpackedKiB.toFixed(0)} KiB`, `${packed.files} files`, '', '']);
row(['npm package: runtime dependencies', String(packed.runtimeDependencies), '', '', '0']);
row(['npm install of the tarball (offline)', format(packed.installMs), '', '', '']);
rmSync(benchCache, {recursive: true, force: true});
