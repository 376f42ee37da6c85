/** The subset of Ink's `Key` the reader looks at. */
export interface InkKey {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
}

/** Ctrl+letter keys the reader binds: interrupt, suspend, and less's paging keys. */
const CTRL_KEYS = new Set(['c', 'z', 'f', 'b', 'd', 'u']);

/** A key as the bindings name it: `right`, `pagedown`, `space`, `ctrl+c`, or the character typed (`q`, `G`, `?`). */
export type KeyName = string;

/**
 * Names the key Ink reported. Returns undefined for input that is not one key (pasted text, unknown
 * escape sequences, modified letters), so stray input never triggers a command.
 */
export function keyName(input: string, key: InkKey): KeyName | undefined {
	if (key.ctrl && CTRL_KEYS.has(input)) return `ctrl+${input}`;
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl || key.meta) return undefined;
	if (input === ' ') return 'space';
	if ([...input].length === 1 && input >= ' ') return input;
	return undefined;
}

const CONTROL_NAMES: Readonly<Record<string, KeyName>> = {
	'\r': 'enter',
	'\n': 'enter',
	' ': 'space',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u0003': 'ctrl+c',
	'\u001A': 'ctrl+z',
	'\u0006': 'ctrl+f',
	'\u0002': 'ctrl+b',
	'\u0004': 'ctrl+d',
	'\u0015': 'ctrl+u',
};

/** One key press out of a chunk of input: its name (if it is a key the reader knows) and its text. */
export interface KeyPress {
	readonly key: KeyName | undefined;
	readonly text: string;
}

/**
 * The key presses in one input event. Ink delivers plain characters that arrive together (a held
 * key outrunning the screen, `j` then Enter typed fast, a paste) as one string; each character is a
 * key press, as in any terminal program. An escape and a character read together are what a
 * terminal sends for Alt and the character, and also Esc then that key typed fast (read in one go
 * when the reader is busy): the reader binds no Alt key, so they are Esc and then the key, as vim
 * reads them.
 */
export function keyPresses(input: string, key: InkKey): KeyPress[] {
	const characters = [...input];
	if (key.meta && !key.ctrl && !key.escape && characters.length === 1 && input >= ' ') {
		return [
			{key: 'escape', text: ''},
			{key: keyName(input, {}), text: input},
		];
	}

	const isPlainRun = characters.length > 1 && !input.startsWith('\u001B') && !key.ctrl && !key.meta;
	if (!isPlainRun) return [{key: keyName(input, key), text: input}];
	return characters.map((character) => ({key: CONTROL_NAMES[character] ?? keyName(character, {}), text: character}));
}

/** The escape sequences of the moving keys, as terminals send them (application cursor mode too). */
const SEQUENCES: ReadonlyArray<readonly [string, KeyName]> = [
	['\u001B[A', 'up'],
	['\u001B[B', 'down'],
	['\u001B[C', 'right'],
	['\u001B[D', 'left'],
	['\u001BOA', 'up'],
	['\u001BOB', 'down'],
	['\u001BOC', 'right'],
	['\u001BOD', 'left'],
	['\u001B[5~', 'pageup'],
	['\u001B[6~', 'pagedown'],
	['\u001B[H', 'home'],
	['\u001B[F', 'end'],
	['\u001B[1~', 'home'],
	['\u001B[4~', 'end'],
];

/**
 * The key press that raw terminal input holds at `index`, named as Ink names it (tests/keys-raw.test.tsx
 * checks each against Ink's own parser), and where the next starts. For the moments before Ink reads
 * input (src/ui/early-keys.ts), so it knows only the moving keys' sequences and single ASCII
 * characters: anything else (a lone Esc, which may begin a sequence; other sequences; text beyond
 * ASCII) gives undefined, and Ink reads it from there.
 */
export function rawKeyAt(input: string, index: number): {readonly press: KeyPress; readonly end: number} | undefined {
	const character = input[index];
	if (character === undefined || character > '\u007E') return undefined;
	if (character === '\u001B') {
		const sequence = SEQUENCES.find(([bytes]) => input.startsWith(bytes, index));
		return sequence && {press: {key: sequence[1], text: ''}, end: index + sequence[0].length};
	}

	if (character >= ' ') return {press: {key: keyName(character, {}), text: character}, end: index + 1};
	const key = CONTROL_NAMES[character];
	if (key === undefined) return undefined;
	// Ink's text for Ctrl+letter is the letter; for Tab, none.
	const text = key.startsWith('ctrl+') ? key.slice('ctrl+'.length) : key === 'tab' ? '' : character;
	return {press: {key, text}, end: index + 1};
}

const LABELS: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	tab: 'Tab',
	backspace: 'Backspace',
	'ctrl+c': 'Ctrl+C',
	'ctrl+z': 'Ctrl+Z',
	'ctrl+f': 'Ctrl+F',
	'ctrl+b': 'Ctrl+B',
	'ctrl+d': 'Ctrl+D',
	'ctrl+u': 'Ctrl+U',
};

/** How a key is written on the help screen and in the status bar. */
export function keyLabel(name: KeyName): string {
	return LABELS[name] ?? name;
}
