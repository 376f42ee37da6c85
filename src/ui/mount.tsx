import {render} from 'ink';
import {App, type AppProps} from './App.js';

/** A running Ink reader. */
export interface Mounted {
	/** Resolves with the exit code when the reader leaves (q, Ctrl+C), or rejects with a render error. */
	readonly exited: Promise<number>;
	readonly unmount: () => void;
}

/**
 * Starts Ink with the reader. Loaded on demand, after the first screen is already painted, so
 * Ink, React and the layout engine load while the reader is reading.
 */
export function mount(props: Omit<AppProps, 'onExit'>): Mounted {
	let resolveExit: (code: number) => void = () => undefined;
	const chosen = new Promise<number>((resolve) => {
		resolveExit = resolve;
	});
	const instance = render(<App {...props} onExit={resolveExit} />, {
		exitOnCtrlC: false,
		patchConsole: false,
		// Ink's default of 30 frames a second holds a key's frame back up to 33 ms after the last one;
		// a frame here takes a few milliseconds, so allow 120.
		maxFps: 120,
		// Not incrementalRendering: tried, and it left stale lines and stacked status bars on screen
		// after a search jump (tests/cli-quiz.test.ts caught it).
	});
	return {
		exited: Promise.race([chosen, instance.waitUntilExit().then(() => 0)]),
		unmount: () => instance.unmount(),
	};
}
