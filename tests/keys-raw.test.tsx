import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import {keyPresses, rawKeyAt, type KeyPress} from '../src/reader/keys.js';
import {waitForFrame} from './helpers/ink.js';

/** Shows every key press Ink reports, as the reader names them. */
function Presses() {
	const [presses, setPresses] = useState<KeyPress[]>([]);
	useInput((input, key) => setPresses((before) => [...before, ...keyPresses(input, key)]));
	return <Text>{JSON.stringify(presses)}</Text>;
}

/** What Ink makes of `input`, through the reader's own naming (src/ui/App.tsx does the same). */
async function inkPresses(input: string): Promise<KeyPress[]> {
	const {stdin, lastFrame, unmount} = render(<Presses />);
	await waitForFrame(lastFrame, '[]');
	stdin.write(input);
	const frame = await waitForFrame(lastFrame, (shown) => shown !== '[]');
	unmount();
	return JSON.parse(frame) as KeyPress[];
}

/** What the reader makes of `input` before Ink reads input: every press it knows, in order. */
function rawPresses(input: string): {presses: KeyPress[]; rest: string} {
	const presses: KeyPress[] = [];
	let index = 0;
	for (let found = rawKeyAt(input, 0); found; found = rawKeyAt(input, index)) {
		presses.push(found.press);
		index = found.end;
	}

	return {presses, rest: input.slice(index)};
}

describe('keys read before Ink (src/ui/early-keys.ts) are the keys Ink reads', () => {
	const known = [
		...['\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u001BOA', '\u001BOB', '\u001BOC', '\u001BOD'],
		...['\u001B[5~', '\u001B[6~', '\u001B[H', '\u001B[F', '\u001B[1~', '\u001B[4~'],
		...['j', 'k', ' ', 'g', 'G', 'q', 't', '/', '?', 'n', 'N', '1', '\r', '\t', '\u0003', '\u001A', '\u0006', '\u0002', '\u0004', '\u0015'],
	];
	it.each(known)('%j', async (input) => {
		const raw = rawPresses(input);
		expect(raw.rest).toBe('');
		expect(raw.presses).toHaveLength(1);
		expect(raw.presses).toEqual(await inkPresses(input));
	});

	it('reads a run of keys one by one, as Ink names them together', async () => {
		expect(rawPresses('jj k').presses).toEqual(await inkPresses('jj k'));
	});

	it.each([
		['a lone Esc, which may begin a sequence', '\u001B', '\u001B'],
		['a sequence it does not know, and what follows', 'j\u001B[1;5Cj', '\u001B[1;5Cj'],
		['text beyond ASCII', 'jé', 'é'],
		['Backspace', '\u007F', '\u007F'],
	])('leaves to Ink %s', (_name, input, rest) => {
		expect(rawPresses(input).rest).toBe(rest);
	});
});
