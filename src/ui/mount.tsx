import {render, renderToString, useApp} from 'ink';
import type {ReactNode} from 'react';
import {App, type AppProps} from './App.js';

/** A running Ink reader. */
export interface Mounted {
	/** Resolves with the exit code when the reader leaves (q, Ctrl+C), or rejects with a render error. */
	readonly exited: Promise<number>;
	readonly unmount: () => void;
	/** Hands the terminal to the shell (Ctrl+Z, or SIGTSTP from outside) until the process is continued. */
	readonly suspend: () => Promise<void>;
}

/** What the terminal's owner (src/session.ts) does while Ink has let go of it: stop, and come back. */
export type StopProcess = () => Promise<void>;

type SuspendTerminal = ReturnType<typeof useApp>['suspendTerminal'];

/** Keeps Ink's suspendTerminal where code outside React can call it. */
function WithSuspend({onReady, children}: {readonly onReady: (suspendTerminal: SuspendTerminal) => void; readonly children: ReactNode}) {
	onReady(useApp().suspendTerminal);
	return children;
}

/**
 * Starts Ink with the reader. Loaded on demand, after the first screen is already painted, so
 * Ink, React and the layout engine load while the reader is reading.
 */
export function mount(props: Omit<AppProps, 'onExit' | 'onSuspend'>, stopProcess: StopProcess): Mounted {
	let resolveExit: (code: number) => void = () => undefined;
	const chosen = new Promise<number>((resolve) => {
		resolveExit = resolve;
	});
	let suspendTerminal: SuspendTerminal | undefined;
	let isSuspending = false;
	const suspend = async (): Promise<void> => {
		if (isSuspending || !suspendTerminal) return;
		isSuspending = true;
		try {
			// Ink lets go of input (raw mode off) and forgets its frame; it redraws all of it on resume.
			const suspension = await suspendTerminal();
			await stopProcess();
			await suspension.resume();
		} finally {
			isSuspending = false;
		}
	};

	const instance = render(
		<WithSuspend
			onReady={(ready) => {
				suspendTerminal = ready;
			}}
		>
			<App {...props} onExit={resolveExit} onSuspend={suspend} />
		</WithSuspend>,
		{
			exitOnCtrlC: false,
			patchConsole: false,
			// Ink's default of 30 frames a second holds a key's frame back up to 33 ms after the last one;
			// a frame here takes a few milliseconds, so allow 120.
			maxFps: 120,
			// Not incrementalRendering: tried, and it left stale lines and stacked status bars on screen
			// after a search jump (tests/cli-quiz.test.ts caught it).
		},
	);
	return {
		exited: Promise.race([chosen, instance.waitUntilExit().then(() => 0)]),
		unmount: () => instance.unmount(),
		suspend,
	};
}

/**
 * Build step (src/launch.ts): draws the reader once into a string, so that the code cache holds Ink,
 * React and the layout engine compiled, not only the code before the first paint. Without it, Ink's
 * first frame came ~100 ms after the paint, and a key pressed at once waited for it.
 */
export function warmUpInk(props: Omit<AppProps, 'onExit' | 'onSuspend'>, columns: number): string {
	return renderToString(<App {...props} onExit={() => undefined} />, {columns});
}
