import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {afterEach, expect} from 'vitest';
import {cellRows} from './cells.js';
import {CLI} from './paths.js';

const {Terminal} = xterm;

/** The wrapper shell prints these around the program's run; the typed command line spells them in two parts, so its echo never matches. */
const STARTED = '[[mle-essay-test-started]]';
const DONE = '[[mle-essay-test-done]]';
/** The interactive shell's prompt. */
const PROMPT = 'test$ ';

/** A shell `printf` that prints `marker` on a line of its own without the marker appearing in the command's own text. */
function printMarker(marker: string): string {
	const half = Math.floor(marker.length / 2);
	return `printf '%s%s\\n' '${marker.slice(0, half)}' '${marker.slice(half)}'`;
}

/** A run of the built CLI in a real pseudo-terminal, read through a headless xterm. */
export interface PtySession {
	/** The screen as text, one string per row, trailing spaces removed. */
	screen(): string[];
	/** The screen joined with newlines. */
	text(): string;
	/** The screen cell by cell, characters and attributes (see cells.ts). */
	cells(): string[];
	/** Sends raw input (keys are escape sequences: see `keys`). */
	write(data: string): void;
	/** Sends raw input; resolves with the milliseconds until the program writes anything back. */
	answerTime(data: string): Promise<number>;
	/** Resizes the pseudo-terminal and the emulator together. */
	resize(columns: number, rows: number): void;
	/** Waits until the screen satisfies `predicate` (or contains the string), polling; throws with the screen on timeout. */
	waitFor(predicate: string | RegExp | ((text: string) => boolean), timeoutMs?: number): Promise<void>;
	/** Waits for the program to exit; resolves with its exit code and the wrapper's `stty -a`. */
	exited(timeoutMs?: number): Promise<{readonly code: number; readonly stty: string}>;
	/** Sends a signal to the program itself (not the wrapper shell). */
	signal(name: NodeJS.Signals): void;
	/** Whether the emulator is showing the alternate screen. */
	isAlternateScreen(): boolean;
	/** Whether the last cursor-visibility change showed the cursor (true if there was none). */
	isCursorVisible(): boolean;
	/** Everything the program wrote (from its start; the shell's own output before it is left out). */
	output(): string;
	/** Types a line into the interactive shell the program was started from (for `fg`, say). */
	typeLine(line: string): void;
	dispose(): void;
	/** The emulator itself, for reading cells (colours, bold) rather than text. */
	readonly terminal: InstanceType<typeof Terminal>;
}

/** Escape sequences a terminal sends for keys. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	escape: '\u001B',
	enter: '\r',
	ctrlC: '\u0003',
} as const;

/** Options for a run. */
export interface SpawnOptions {
	readonly columns?: number;
	readonly rows?: number;
	readonly env?: Record<string, string | undefined>;
	readonly cwd?: string;
	/** Arguments for node itself, before the script (for example `--import` of a fault injector). */
	readonly nodeArgs?: readonly string[];
	/** Where progress is saved (XDG_STATE_HOME); a new empty folder when not given. */
	readonly stateHome?: string;
	/** The program to run instead of the built dist/cli.js (an installed copy, say). */
	readonly cli?: string;
	/** `null` runs the program with stdin from /dev/null instead of the terminal. */
	readonly stdin?: 'terminal' | 'null';
	/**
	 * Shell commands typed before the program on the same line, as a person's shell has printed
	 * things before they launch it: the cursor is part-way down the screen. `seq 5` when not given.
	 */
	readonly before?: string;
}

/** A new empty folder for saved progress, so runs never see each other's (or the developer's) progress. */
export function newStateHome(): string {
	return mkdtempSync(path.join(tmpdir(), 'mle-essay-state-'));
}

/**
 * Starts `node dist/cli.js …args` the way a person does: types it into an interactive shell (`bash
 * -i` in a pseudo-terminal) after commands that print something, so the program starts with the
 * cursor part-way down a screen that already shows text. After the program, the same line reports
 * the exit code and the terminal's line settings (`stty -a`); the shell then waits at its prompt.
 */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): PtySession {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 1000});
	const env: Record<string, string> = {};
	const stateHome = options.stateHome ?? newStateHome();
	const shellEnv = {PS1: PROMPT, PS2: '', HISTFILE: '', PROMPT_COMMAND: ''};
	for (const [name, value] of Object.entries({...process.env, TERM: 'xterm-256color', XDG_STATE_HOME: stateHome, ...shellEnv, ...options.env})) {
		// Ink prints only the last frame when CI is set.
		if (value !== undefined && name !== 'CI' && !name.startsWith('VITEST')) env[name] = value;
	}

	const quoted = [JSON.stringify(process.execPath), ...[...(options.nodeArgs ?? []), options.cli ?? CLI, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)].join(' ');
	const redirect = options.stdin === 'null' ? ' < /dev/null' : '';
	const before = options.before ?? 'seq 5';
	const line = `${before}; ${printMarker(STARTED)}; ${quoted}${redirect}; printf '\\n[exit %s]\\n' "$?"; stty -a; ${printMarker(DONE)}`;
	const child = pty.spawn('bash', ['--norc', '--noprofile', '-i'], {name: env['TERM'] ?? 'xterm-256color', cols: columns, rows, cwd: options.cwd ?? process.cwd(), env});
	let raw = '';
	let pending = Promise.resolve();
	let hasTyped = false;
	let onAnswer: (() => void) | undefined;
	child.onData((data) => {
		raw += data;
		onAnswer?.();
		pending = pending.then(() => new Promise<void>((resolve) => terminal.write(data, resolve)));
		// Typed once the shell shows its first prompt, as a person would.
		if (!hasTyped && raw.includes(PROMPT)) {
			hasTyped = true;
			child.write(line + '\r');
		}
	});
	let closed = false;
	child.onExit(() => {
		closed = true;
	});
	const programOutput = (): string => {
		const start = raw.indexOf(STARTED + '\r\n');
		return start < 0 ? '' : raw.slice(start + STARTED.length + 2);
	};

	const screen = (): string[] => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true, 0, terminal.cols) ?? '');
		}

		return lines;
	};

	const poll = async (check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await pending;
			if (check()) return;
			if (Date.now() > deadline) throw new Error(`${describe()}\n--- screen ---\n${screen().join('\n')}`);
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
	};

	return {
		screen,
		text: () => screen().join('\n'),
		cells: () => cellRows(terminal),
		write(data) {
			child.write(data);
		},
		answerTime(data) {
			return new Promise((resolve) => {
				const sent = performance.now();
				onAnswer = () => {
					onAnswer = undefined;
					resolve(performance.now() - sent);
				};
				child.write(data);
			});
		},
		resize(newColumns, newRows) {
			terminal.resize(newColumns, newRows);
			child.resize(newColumns, newRows);
		},
		async waitFor(predicate, timeoutMs = 10_000) {
			const test =
				typeof predicate === 'function'
					? predicate
					: typeof predicate === 'string'
						? (text: string) => text.includes(predicate)
						: (text: string) => predicate.test(text);
			await poll(() => test(screen().join('\n')), timeoutMs, () => `timed out waiting for ${String(predicate)}`);
		},
		async exited(timeoutMs = 10_000) {
			// The wrapper shell prints DONE last, after `stty -a`: wait for it even when the pty has
			// already reported the exit, so no output is cut short.
			await poll(() => raw.includes(DONE + '\r\n'), timeoutMs, () => `timed out waiting for the program to exit (pty closed: ${closed})`);
			// The emulator has the report on screen too.
			await pending;
			const output = programOutput();
			const match = /\[exit (\d+)\]/.exec(output);
			const stty = output.slice(match?.index ?? 0);
			return {code: match ? Number(match[1]) : -1, stty};
		},
		signal(name) {
			const pids = execFileSync('pgrep', ['-P', String(child.pid)], {encoding: 'utf8'}).trim().split('\n').filter(Boolean);
			for (const pid of pids) process.kill(Number(pid), name);
		},
		isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
		isCursorVisible: () => raw.lastIndexOf('\u001B[?25l') <= raw.lastIndexOf('\u001B[?25h'),
		output: programOutput,
		typeLine(text) {
			child.write(text + '\r');
		},
		terminal,
		dispose() {
			try {
				child.kill();
			} catch {
				// Already gone.
			}

			terminal.dispose();
		},
	};
}

/**
 * For a test file: a `start` that runs the CLI in a pseudo-terminal, with every session it started
 * disposed after each test.
 */
export function ptySessions(): (args?: readonly string[], options?: SpawnOptions) => PtySession {
	const sessions: PtySession[] = [];
	afterEach(() => {
		for (const session of sessions.splice(0)) session.dispose();
	});
	return (args = [], options = {}) => {
		const session = spawnCli(args, options);
		sessions.push(session);
		return session;
	};
}

/**
 * Asserts the terminal is as the program found it: main screen, cursor shown, and (from `stty -a`
 * after the program ended) echo and canonical line editing on.
 */
export function expectTerminalRestored(session: PtySession, stty: string): void {
	expect(session.isAlternateScreen()).toBe(false);
	expect(session.isCursorVisible()).toBe(true);
	expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
	expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
}
