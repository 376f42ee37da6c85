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
	const instance = render(<App {...props} onExit={resolveExit} />, {exitOnCtrlC: false, patchConsole: false});
	return {
		exited: Promise.race([chosen, instance.waitUntilExit().then(() => 0)]),
		unmount: () => instance.unmount(),
	};
}
