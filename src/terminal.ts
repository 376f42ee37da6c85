import {writeSync} from 'node:fs';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
// Entering the alternate screen keeps the cursor where the shell left it, and some terminals keep
// what an earlier program drew there: the reader draws from the top-left of a clear screen.
const CLEAR_AND_HOME = '\u001B[H\u001B[2J';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

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
