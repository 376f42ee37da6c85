import {rawKeyAt} from '../reader/keys.js';
import {currentPage, reducer} from '../reader/reducer.js';
import type {ReaderState} from '../reader/state.js';
import {CLEAR_AND_HOME, HOME} from '../terminal.js';

/** Keys answered while Ink loads; `stop` hands input over to Ink. */
export interface EarlyKeys {
	/** The state the screen shows now. */
	readonly state: () => ReaderState;
	/** Stops reading: input not answered stays for Ink, in order. Returns the state the screen shows. */
	readonly stop: () => ReaderState;
}

/**
 * Whether a key that leads from `before` to `after` can be answered without Ink: reading a section,
 * which the first paint draws as Ink would (src/ui/first-frame.ts), with nothing for Ink to do (no
 * overlay, prompt or search, no question, whose choices are Ink's select input's, no leaving,
 * suspending or exporting).
 */
function isPlainReading(before: ReaderState, after: ReaderState): boolean {
	return [before, after].every(
		(state) =>
			state.overlay === 'none' &&
			state.prompt === undefined &&
			state.search === undefined &&
			state.exitCode === undefined &&
			state.exportRequest === undefined &&
			currentPage(state).kind === 'section',
	) && after.suspensions === before.suspensions;
}

/**
 * Answers the keys a reader types while Ink loads (tens of milliseconds after the first paint, in
 * steps: src/ui/load-mount.ts), through the same reducer, drawn by the first paint's `paint`. Only
 * moving through sections is answered here; at the first key that needs more (a question, the
 * contents, a search, q), that key and all after it are left unread for Ink, which answers them once
 * it is up. A resize meanwhile is drawn at the new size.
 */
export function answerKeysEarly(
	streams: {readonly stdin: NodeJS.ReadStream; readonly stdout: NodeJS.WriteStream},
	start: ReaderState,
	paint: (state: ReaderState) => string,
): EarlyKeys {
	const {stdin, stdout} = streams;
	let state = start;
	let isReading = true;
	const draw = (): void => {
		stdout.write(CLEAR_AND_HOME + paint(state) + HOME);
	};

	const release = (): void => {
		if (!isReading) return;
		isReading = false;
		stdin.off('readable', onReadable);
		stdout.off('resize', onResize);
	};

	function onReadable(): void {
		while (isReading) {
			const chunk: unknown = stdin.read();
			if (chunk === null) return;
			// Byte for byte (only ASCII is answered here), so what is left goes back exactly as it came.
			const input = Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk);
			const before = state;
			let index = 0;
			for (let found = rawKeyAt(input, 0); found; found = rawKeyAt(input, index)) {
				const after = reducer(state, {type: 'key', ...found.press});
				if (!isPlainReading(state, after)) break;
				state = after;
				index = found.end;
			}

			if (state !== before) draw();
			if (index < input.length) {
				release();
				stdin.unshift(Buffer.from(input.slice(index), 'latin1'));
			}
		}
	}

	function onResize(): void {
		state = reducer(state, {type: 'resize', screen: {columns: stdout.columns || state.screen.columns, rows: stdout.rows || state.screen.rows}});
		draw();
	}

	stdin.on('readable', onReadable);
	stdout.on('resize', onResize);
	return {
		state: () => state,
		stop: () => {
			release();
			return state;
		},
	};
}
