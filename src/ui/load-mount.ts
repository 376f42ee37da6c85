import type * as Mount from './mount.js';

/** A turn of the event loop: input and resizes that arrived meanwhile are handled before going on. */
function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Loads the Ink reader in the steps it can be cut into (on this machine: Ink and React ~15 ms, the
 * reader's screens ~1, then the mount ~20), with a turn of the event loop before each, so a key
 * typed meanwhile is answered (src/ui/early-keys.ts) within one step instead of after all of them.
 * It is all in the bundle (one script, src/launch.ts): each import only evaluates what it needs.
 */
export async function loadMount(): Promise<typeof Mount> {
	await nextTurn();
	await import('ink');
	await nextTurn();
	const loaded = await import('./mount.js');
	await nextTurn();
	return loaded;
}
