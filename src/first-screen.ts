// The screen a reading left, painted by the next start before the program is loaded. A start spends
// ~25 ms reading the program and its code cache, running its modules and laying out the first screen,
// and the screen it then paints is, for the same reader in the same terminal, the one this reading
// already knew it would be: the place it left, at the size it left. So the reader keeps it at exit
// (src/session.ts), with what it was drawn from: the command line, the folder, the environment, the
// terminal's size and the status of every file it was made of (the program, the essay and its quiz
// file, the saved progress, what was kept of a post). The command (src/bin.ts) paints it only when all
// of these are as they were; the program then draws its own first screen and paints it only if it
// differs (another input changed: it is corrected in a few tens of milliseconds). Kept in the user's
// cache folder: a missing, broken or foreign file only means starting as usual.
import {mkdirSync, readFileSync, statSync, writeSync} from 'node:fs';
import {constants} from 'node:os';
import path from 'node:path';
import {BUNDLED_SOURCE} from './bundled.js';
import {replaceFile, statusStamp, userCacheDir} from './files.js';
import {cleanRendered} from './safe-text.js';
import {CLEAR_AND_HOME, endingSignals, ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, HOME, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, terminalSize} from './terminal.js';

/** Bumped whenever what the file holds, or how a screen is painted from it, changes. */
const FORMAT = 2;
/** Screens kept, the latest reading's first: one for each of a few essays, terminals or sizes a reader goes between. */
const MAX_SCREENS = 8;
/** The one hyperlink a first screen may hold: the bundled essay's cover links its original post. */
const LINKS: ReadonlySet<string> = new Set([BUNDLED_SOURCE.url]);

/** A screen kept for a next start. */
interface Kept {
	/** The command line, folder, environment and terminal size it was drawn for (screenKey). */
	readonly key: string;
	/** Each file it was drawn from, with its status then (files.ts statusStamp), or `absent`. */
	readonly files: ReadonlyArray<readonly [string, string]>;
	/** The screen's lines, as src/ui/first-frame.ts draws them. */
	readonly frame: string;
}

function keptFile(): string {
	return path.join(userCacheDir(), 'first-screen.json');
}

/**
 * Variables that name a session, window, pane or terminal device, or the shell's own bookkeeping:
 * another window of the same terminal differs in them and in nothing a screen is drawn from. Of
 * these only whether each is set counts (Windows Terminal, say, is known by WT_SESSION being set).
 */
const SESSION_VARIABLES = new Set([
	'_',
	'OLDPWD',
	'SHLVL',
	'WINDOWID',
	'WINDOW',
	'STY',
	'TMUX',
	'TMUX_PANE',
	'TERM_SESSION_ID',
	'ITERM_SESSION_ID',
	'SHELL_SESSION_ID',
	'KITTY_WINDOW_ID',
	'KITTY_PID',
	'WEZTERM_PANE',
	'ALACRITTY_WINDOW_ID',
	'GNOME_TERMINAL_SCREEN',
	'KONSOLE_DBUS_SESSION',
	'KONSOLE_DBUS_WINDOW',
	'WT_SESSION',
	'GPG_TTY',
	'SSH_TTY',
	'SSH_CLIENT',
	'SSH_CONNECTION',
	'SSH_AUTH_SOCK',
	'SSH_AGENT_PID',
	'XDG_SESSION_ID',
	'INVOCATION_ID',
	'JOURNAL_STREAM',
	'ALACRITTY_SOCKET',
	'ALACRITTY_LOG',
	'WEZTERM_UNIX_SOCKET',
	'VSCODE_GIT_IPC_HANDLE',
	'VSCODE_IPC_HOOK_CLI',
]);

/**
 * Everything but files a first screen is drawn from: the command line, the folder, the environment
 * (every variable, those that only name a session by whether they are set) and the terminal's size.
 */
function screenKey(size: {columns: number; rows: number}): string {
	const environment = Object.entries(process.env)
		.map(([name, value]) => [name, SESSION_VARIABLES.has(name) ? '' : value])
		.sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify([process.argv.slice(2), process.cwd(), size.columns, size.rows, environment]);
}

function fileStamp(file: string): string {
	try {
		return statusStamp(statSync(file, {bigint: true}));
	} catch {
		return 'absent';
	}
}

/** Writes to the terminal at once (the process may end right after), through the stream when the terminal is not ready for that. */
function write(text: string): void {
	try {
		writeSync(process.stdout.fd, text);
	} catch {
		process.stdout.write(text);
	}
}

/** A first screen painted before the program was loaded, which the program takes over. */
export interface EarlyScreen {
	/** What was painted, as src/ui/first-frame.ts draws it: the program paints its own only when it differs. */
	readonly frame: string;
	/** The program owns the terminal from now on (its own handlers are in place): whether a stop (SIGTSTP) came meanwhile. */
	adopt(): {readonly isStopWanted: boolean};
	/** Gives the terminal back as it was, unless the program took it over: before a message on the way out. */
	restore(): void;
}

function isKept(value: unknown): value is Kept {
	const kept = value as Partial<Kept> | null;
	return typeof kept?.key === 'string' && typeof kept.frame === 'string' && Array.isArray(kept.files) && kept.files.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string');
}

/** The screens kept, the latest first. */
function readKept(): Kept[] {
	try {
		const file = JSON.parse(readFileSync(keptFile(), 'utf8')) as {format?: unknown; screens?: unknown} | null;
		return file?.format === FORMAT && Array.isArray(file.screens) ? file.screens.filter((screen) => isKept(screen)) : [];
	} catch {
		return [];
	}
}

/**
 * Paints the screen the last reading left for this start, when it was drawn from exactly what this
 * start has, and puts the terminal in the reader's modes (alternate screen, raw input, no cursor).
 * Until the program takes over, a signal that ends it gives the terminal back first.
 */
export function paintFirstScreen(): EarlyScreen | undefined {
	const {stdout, stdin} = process;
	if (!stdout.isTTY || !stdin.isTTY) return undefined;
	const key = screenKey(terminalSize(stdout));
	const kept = readKept().find((screen) => screen.key === key);
	if (kept === undefined || !kept.files.every(([file, stamp]) => fileStamp(file) === stamp)) return undefined;
	// Only the program's own styling and link reach the terminal, whatever the file was made to hold.
	const frame = kept.frame
		.split('\n')
		.map((line) => cleanRendered(line, LINKS))
		.join('\n');

	let isOwned = false;
	let isStopWanted = false;
	const onStop = (): void => {
		isStopWanted = true;
	};
	const onEnd = (signal: NodeJS.Signals): void => {
		restore();
		process.exit(128 + constants.signals[signal]);
	};
	const signals = endingSignals();
	const letGo = (): void => {
		isOwned = true;
		process.off('exit', restore);
		process.off('SIGTSTP', onStop);
		for (const signal of signals) process.off(signal, onEnd);
	};
	function restore(): void {
		if (isOwned) return;
		letGo();
		try {
			stdin.setRawMode(false);
		} catch {
			// The terminal is gone: nothing to give back.
		}

		write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
	}

	process.on('exit', restore);
	process.on('SIGTSTP', onStop);
	for (const signal of signals) process.on(signal, onEnd);
	try {
		// Raw before the paint, as the reader does: keys typed from now on wait unechoed for the program.
		stdin.setRawMode(true);
	} catch {
		// A terminal that refuses: the program starts as usual.
		letGo();
		return undefined;
	}

	write(ENTER_ALTERNATE_SCREEN + CLEAR_AND_HOME + HIDE_CURSOR + frame + HOME);
	return {
		frame,
		adopt() {
			letGo();
			return {isStopWanted};
		},
		restore,
	};
}

/**
 * Keeps the first screen the next start will show (`frame`, drawn for the terminal's size now) with
 * what it is drawn from, `files` among them (read after every write of this reading), for
 * paintFirstScreen, in place of any kept for the same command line, folder, environment and size.
 */
export function keepFirstScreen(frame: string, files: readonly string[]): void {
	const key = screenKey(terminalSize(process.stdout));
	const kept: Kept = {key, files: files.map((file) => [file, fileStamp(file)] as const), frame};
	try {
		const screens = [kept, ...readKept().filter((screen) => screen.key !== key)].slice(0, MAX_SCREENS);
		mkdirSync(userCacheDir(), {recursive: true, mode: 0o700});
		replaceFile(keptFile(), JSON.stringify({format: FORMAT, screens}), 0o600);
	} catch {
		// The next start paints once the program is loaded, as usual.
	}
}
