import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {initialState, type ReaderState} from '../src/reader/state.js';
import {answerKeysEarly} from '../src/ui/early-keys.js';
import {fakeDocument} from './helpers/document.js';

/** A terminal before Ink reads it: input to type into, and what was drawn. */
function terminal(columns = 100, rows = 30) {
	const stdin = new PassThrough();
	const drawn: string[] = [];
	const stdout = Object.assign(new EventEmitter(), {columns, rows, write: (text: string) => drawn.push(text)});
	return {stdin: stdin as unknown as NodeJS.ReadStream & PassThrough, stdout: stdout as unknown as NodeJS.WriteStream & typeof stdout, drawn};
}

/** A turn of the event loop: typed input has been read. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

const paint = (state: ReaderState) => `stop ${state.stop} scroll ${state.scroll} at ${state.screen.columns}×${state.screen.rows}`;

describe('keys answered before Ink is up (src/ui/early-keys.ts)', () => {
	it('moves through the sections with the reducer, drawn by the first paint', async () => {
		const {stdin, stdout, drawn} = terminal();
		const early = answerKeysEarly({stdin, stdout}, initialState(fakeDocument(), {columns: 100, rows: 30}), paint);
		stdin.write('jj');
		await turn();
		expect(drawn.at(-1)).toContain('stop 0 scroll 2 at 100×30');
		stdin.write('\u001B[C');
		await turn();
		expect(drawn.at(-1)).toContain('stop 1 scroll 0');
		expect(early.stop()).toMatchObject({stop: 1, scroll: 0});
	});

	it('leaves the first key it cannot answer, and every byte after it, for Ink, in order', async () => {
		const {stdin, stdout, drawn} = terminal();
		const early = answerKeysEarly({stdin, stdout}, initialState(fakeDocument(), {columns: 100, rows: 30}), paint);
		// j scrolls; t opens the contents, which is Ink's to draw; what follows is Ink's too.
		const typed = Buffer.from('jtj\u001B[Cé', 'utf8');
		stdin.write(typed);
		await turn();
		expect(drawn).toHaveLength(1);
		expect(early.stop()).toMatchObject({stop: 0, scroll: 1, overlay: 'none'});
		expect(stdin.read()).toEqual(typed.subarray(1));
		// Input after the hand-over is not read here at all.
		stdin.write('j');
		await turn();
		expect(drawn).toHaveLength(1);
		expect(String(stdin.read())).toBe('j');
	});

	it('leaves keys on a question to Ink, whose select input holds its choices', async () => {
		const {stdin, stdout, drawn} = terminal();
		const document = fakeDocument();
		const question = document.stops.findIndex((stop) => stop.kind === 'quiz');
		const early = answerKeysEarly({stdin, stdout}, initialState(document, {columns: 100, rows: 30}, {place: {stop: question}}), paint);
		stdin.write('j');
		await turn();
		expect(drawn).toHaveLength(0);
		expect(early.stop().stop).toBe(question);
		expect(String(stdin.read())).toBe('j');
	});

	it('draws a resize at the new size, and hands Ink the resized state', async () => {
		const {stdin, stdout, drawn} = terminal();
		const early = answerKeysEarly({stdin, stdout}, initialState(fakeDocument(), {columns: 100, rows: 30}), paint);
		Object.assign(stdout, {columns: 50, rows: 20});
		stdout.emit('resize');
		expect(drawn.at(-1)).toContain('at 50×20');
		expect(early.stop().screen).toEqual({columns: 50, rows: 20});
		// And no longer after the hand-over: Ink redraws on resizes itself.
		stdout.emit('resize');
		expect(drawn).toHaveLength(1);
	});
});
