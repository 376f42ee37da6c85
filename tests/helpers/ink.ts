import stripAnsi from 'strip-ansi';
/** Polls `lastFrame` until `predicate` holds: never a fixed sleep. Throws with the last frame on timeout. */
export async function waitForFrame(
	lastFrame: () => string | undefined,
	predicate: string | ((frame: string) => boolean),
	timeoutMs = 5000,
): Promise<string> {
	// A string is text the frame shows, whatever its styles.
	const test = typeof predicate === 'string' ? (frame: string) => stripAnsi(frame).includes(predicate) : predicate;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (test(frame)) {
			// A frame is drawn before React runs its effects, and input handlers (ours and the
			// select input's) subscribe in effects: let them catch up before the next key is sent.
			await new Promise((resolve) => setTimeout(resolve, 0));
			return frame;
		}

		if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(predicate)}\n--- frame ---\n${frame}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
