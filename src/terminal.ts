import {writeSync} from 'node:fs';

export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
// Entering the alternate screen keeps the cursor where the shell left it, and some terminals keep
// what an earlier program drew there: the reader draws from the top-left of a clear screen.
export const CLEAR_AND_HOME = '\u001B[H\u001B[2J';
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
export const HOME = '\u001B[H';

/**
 * Signals whose default is to end the process and that Node lets a program handle: each ends the
 * reader with the terminal put back, and the exit code a shell expects (128 + the signal's number).
 * Not SIGUSR1, which starts Node's debugger, nor SIGPIPE, which Node ignores.
 */
const ENDING_SIGNALS = [
	'SIGHUP',
	'SIGINT',
	'SIGQUIT',
	'SIGTERM',
	'SIGUSR2',
	'SIGALRM',
	'SIGVTALRM',
	'SIGPROF',
	'SIGXCPU',
	'SIGXFSZ',
	'SIGPWR',
	'SIGSYS',
	'SIGTRAP',
	'SIGIO',
	'SIGSTKFLT',
] as const satisfies readonly NodeJS.Signals[];

/** Whether Node's sampling profiler runs in this process (`--cpu-prof`, on the command line or in NODE_OPTIONS). */
function isProfiled(): boolean {
	return [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((arg) => /^--cpu-prof(?:$|[=-])/.test(arg));
}

/** The signals a program owning the terminal ends on, putting it back first (Node's profiler samples with SIGPROF: then it is the profiler's). */
export function endingSignals(): readonly NodeJS.Signals[] {
	return isProfiled() ? ENDING_SIGNALS.filter((signal) => signal !== 'SIGPROF') : ENDING_SIGNALS;
}

/** The terminal's size, as the reader lays out its screens (80×24 where it says none). */
export function terminalSize(stdout: NodeJS.WriteStream): {columns: number; rows: number} {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** Output and input streams the reader takes over. */
export interface TerminalStreams {
	readonly stdout: NodeJS.WriteStream;
	readonly stdin: NodeJS.ReadStream;
}

/**
 * Owns the terminal while the reader runs: switches to the alternate screen and puts everything back
 * exactly once, however the program ends (quit, Ctrl+C, a signal, an error).
 */
export class FullScreen {
	private isActive = false;

	constructor(private readonly streams: TerminalStreams) {}

	/** Switches to a clear alternate screen with the cursor at the top, so the reader's shell history is untouched when it leaves. */
	enter(): void {
		this.write(ENTER_ALTERNATE_SCREEN + CLEAR_AND_HOME);
		this.isActive = true;
	}

	/**
	 * Takes over a terminal already switched (src/first-screen.ts painted the first screen before the
	 * program was loaded): entering again would save the cursor a second time, over the shell's.
	 */
	adopt(): void {
		this.isActive = true;
	}

	/** Leaves raw mode (echo and line editing back), the alternate screen, and shows the cursor. Safe to call twice. */
	restore(): void {
		if (!this.isActive) return;
		this.isActive = false;
		try {
			if (this.streams.stdin.isTTY) this.streams.stdin.setRawMode(false);
		} catch {
			// stdin may already be closed; the terminal driver restores line mode when we exit anyway.
		}

		this.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
	}

	private write(text: string): void {
		// Synchronous, so it lands even when the process exits right after.
		const fd = (this.streams.stdout as NodeJS.WriteStream & {fd?: number}).fd;
		if (typeof fd === 'number') {
			try {
				writeSync(fd, text);
				return;
			} catch {
				// Fall back to the stream below.
			}
		}

		this.streams.stdout.write(text);
	}
}
