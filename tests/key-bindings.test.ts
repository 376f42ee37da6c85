import {describe, expect, it} from 'vitest';
import {helpLines, keyBindings, resolveKey} from '../src/reader/key-bindings.js';
import {keyLabel, keyName} from '../src/reader/keys.js';

describe('key names', () => {
	it('names Ink keys', () => {
		expect(keyName('', {rightArrow: true})).toBe('right');
		expect(keyName('', {pageDown: true})).toBe('pagedown');
		expect(keyName('', {escape: true, meta: true})).toBe('escape');
		expect(keyName('c', {ctrl: true})).toBe('ctrl+c');
		expect(keyName(' ', {})).toBe('space');
		expect(keyName('G', {})).toBe('G');
	});

	it('ignores pasted text and modified letters', () => {
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

	it('binds the keys the reader expects', () => {
		expect(resolveKey('reader', 'right')).toEqual({type: 'nextSection'});
		expect(resolveKey('reader', 'n')).toEqual({type: 'nextSection'});
		expect(resolveKey('reader', 'h')).toEqual({type: 'previousSection'});
		expect(resolveKey('reader', '4')).toEqual({type: 'goToSection', index: 3});
		expect(resolveKey('reader', 'x')).toBeUndefined();
	});

	it('generates the help screen from the table, so every binding is listed', () => {
		const lines = helpLines('by someone');
		const listed = lines.filter((line) => line.kind === 'key').map((line) => line.kind === 'key' && line.keys);
		expect(listed).toContain('→ l n');
		expect(listed).toContain('1–9');
		expect(listed).toContain('PgUp b');
		const total = keyBindings.reader.length + keyBindings.toc.length + keyBindings.help.length;
		expect(listed).toHaveLength(total);
		expect(lines.at(-1)).toEqual({kind: 'text', text: 'by someone'});
		expect(keyLabel('pagedown')).toBe('PgDn');
	});
});

describe('README', () => {
	it('documents every key the reader binds', async () => {
		const {readFileSync} = await import('node:fs');
		const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
		const keysSection = readme.slice(readme.indexOf('## Keys'), readme.indexOf('## Command line'));
		for (const binding of keyBindings.reader) {
			const labels = binding.label ? binding.label.split('–').map((digit) => `\`${digit}\``) : binding.keys.map((key) => `\`${keyLabel(key)}\``);
			for (const label of labels) expect(keysSection, binding.description).toContain(label);
		}
	});
});
