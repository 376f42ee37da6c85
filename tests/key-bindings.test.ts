import {describe, expect, it} from 'vitest';
import {helpLines, hintsFor, keyBindings, resolveKey} from '../src/reader/key-bindings.js';
import {keyLabel, keyName, keyPresses} from '../src/reader/keys.js';

describe('key names', () => {
	it('names Ink keys', () => {
		expect(keyName('', {rightArrow: true})).toBe('right');
		expect(keyName('', {pageDown: true})).toBe('pagedown');
		expect(keyName('', {escape: true, meta: true})).toBe('escape');
		expect(keyName('c', {ctrl: true})).toBe('ctrl+c');
		expect(keyName(' ', {})).toBe('space');
		expect(keyName('G', {})).toBe('G');
	});

	it('splits characters that arrive together into key presses', () => {
		expect(keyPresses('j\r', {})).toEqual([
			{key: 'j', text: 'j'},
			{key: 'enter', text: '\r'},
		]);
		expect(keyPresses('\u001B[A', {upArrow: true})).toEqual([{key: 'up', text: '\u001B[A'}]);
		expect(keyPresses('a b', {}).map((press) => press.key)).toEqual(['a', 'space', 'b']);
	});

	it('reads an escape and a character that came together as Esc and then that key (Esc then t typed fast, or Alt+t)', () => {
		expect(keyPresses('t', {meta: true})).toEqual([
			{key: 'escape', text: ''},
			{key: 't', text: 't'},
		]);
		expect(keyPresses(' ', {meta: true}).map((press) => press.key)).toEqual(['escape', 'space']);
		expect(keyPresses('', {escape: true, meta: true})).toEqual([{key: 'escape', text: ''}]);
		expect(keyPresses('', {rightArrow: true, meta: true})).toEqual([{key: 'right', text: ''}]);
	});

	it('ignores modified letters', () => {
		expect(keyName('hello', {})).toBeUndefined();
		expect(keyName('x', {meta: true})).toBeUndefined();
		expect(keyName('x', {ctrl: true})).toBeUndefined();
	});
});

describe('the key table', () => {
	it('binds each key to at most one command per screen', () => {
		for (const [context, bindings] of Object.entries(keyBindings)) {
			const keys = bindings.flatMap((binding) => binding.keys);
			expect(new Set(keys).size, context).toBe(keys.length);
		}
	});

	it('hints the keys that matter on each screen, from the table', () => {
		expect(hintsFor('reader')).toBe('? help');
		expect(hintsFor('question')).toBe('↑ choose  Enter answer  ← back  s skip  ? help');
		expect(hintsFor('feedback')).toBe('Enter continue  ← back  s skip  ? help');
		expect(hintsFor('searching')).toBe('n next match  Esc clear  ? help');
	});

	it('binds the keys the reader expects', () => {
		expect(resolveKey('reader', 'right')).toEqual({type: 'next'});
		expect(resolveKey('reader', 'n')).toEqual({type: 'next'});
		expect(resolveKey('searching', 'n')).toEqual({type: 'searchNext', direction: 1});
		expect(resolveKey('searching', 'right')).toEqual({type: 'next'});
		expect(resolveKey('reader', 'h')).toEqual({type: 'previous'});
		expect(resolveKey('feedback', 'enter')).toEqual({type: 'continue'});
		expect(resolveKey('question', 's')).toEqual({type: 'skipQuiz'});
		expect(resolveKey('reader', '4')).toEqual({type: 'goToSection', index: 3});
		expect(resolveKey('reader', 'x')).toBeUndefined();
	});

	it('generates the help screen from the table, so every binding is listed', () => {
		const lines = helpLines('by someone');
		const listed = lines.filter((line) => line.kind === 'key').map((line) => line.kind === 'key' && line.keys);
		expect(listed).toContain('→ l n');
		expect(listed).toContain('1–9');
		expect(listed).toContain('b PgUp Ctrl+B');
		expect(listed).toContain('/');
		expect(listed).toContain('s');
		expect(listed).toContain('r');
		// Every key any screen binds is on the help screen.
		const described = new Set(lines.flatMap((line) => (line.kind === 'key' ? line.keys.split(' ') : [])));
		for (const bindings of Object.values(keyBindings)) {
			for (const binding of bindings) {
				if (binding.label === undefined) for (const key of binding.keys) expect(described, key).toContain(keyLabel(key));
			}
		}
		expect(lines.at(-1)).toEqual({kind: 'text', text: 'by someone'});
		expect(keyLabel('pagedown')).toBe('PgDn');
	});
});

describe('README', () => {
	it('lists exactly the keys of the key table (npm run readme writes them)', async () => {
		const {readFileSync} = await import('node:fs');
		const {README, withKeys} = await import('../scripts/readme-keys.js');
		const readme = readFileSync(README, 'utf8');
		expect(readme).toBe(withKeys(readme));
		for (const key of ['`Ctrl+Z`', '`Ctrl+F`', '`d`', '`u`', '`q`']) expect(readme).toContain(key);
	});
});
