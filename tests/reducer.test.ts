import {describe, expect, it} from 'vitest';
import type {Action} from '../src/reader/actions.js';
import {bodyRows, pageRows} from '../src/reader/geometry.js';
import {helpLineCount} from '../src/reader/key-bindings.js';
import {keyContext, maxScroll, reducer} from '../src/reader/reducer.js';
import {initialState, type DocumentShape, type ReaderState} from '../src/reader/state.js';

// Three sections: 100, 10 and 50 lines at 100 columns; twice as many at half the width.
const heights = [100, 10, 50];
const document: DocumentShape = {
	sectionCount: heights.length,
	lineCount: (index, columns) => Math.ceil(((heights[index] ?? 0) * 100) / columns),
};
const screen = {columns: 100, rows: 30};
const start = (section = 0) => initialState(document, screen, section);
const run = (state: ReaderState, ...actions: Action[]) => actions.reduce(reducer, state);
const press = (state: ReaderState, ...keys: string[]) => run(state, ...keys.map((key): Action => ({type: 'key', key})));
const body = bodyRows(30);

describe('moving between sections', () => {
	it('goes forward and back and stops at both ends with a notice', () => {
		const last = press(start(), 'right', 'l', 'n');
		expect(last.section).toBe(2);
		expect(last.notice).toMatch(/end of the essay/);
		const first = press(start(1), 'left', 'h');
		expect(first.section).toBe(0);
		expect(first.notice).toMatch(/cover/);
		expect(press(start(2), 'p').section).toBe(1);
	});

	it('opens a new section at its top', () => {
		const state = press(start(), 'G', 'right', 'left');
		expect(state.scroll).toBe(0);
	});

	it('jumps with digits, the cover being 1, and refuses sections that do not exist', () => {
		expect(press(start(), '3').section).toBe(2);
		expect(press(start(), '1').section).toBe(0);
		const refused = press(start(1), '9');
		expect(refused.section).toBe(1);
		expect(refused.notice).toMatch(/no section 9: the essay has 3/);
	});

	it('clears a notice on the next key', () => {
		expect(press(start(), 'left', 'j').notice).toBeUndefined();
	});
});

describe('scrolling', () => {
	it('scrolls by lines and pages within the section', () => {
		expect(press(start(), 'j', 'down', 'down').scroll).toBe(3);
		expect(press(start(), 'j', 'k', 'up').scroll).toBe(0);
		expect(press(start(), 'pagedown').scroll).toBe(pageRows(30));
		expect(press(start(), 'pagedown', 'pagedown', 'b').scroll).toBe(pageRows(30));
		expect(press(start(), 'pagedown', 'pageup', 'pageup').scroll).toBe(0);
	});

	it('goes to the bottom so the last line is on screen, and back to the top', () => {
		const bottom = press(start(), 'G');
		expect(bottom.scroll).toBe(100 - body);
		expect(press(start(), 'end').scroll).toBe(100 - body);
		expect(press(bottom, 'g').scroll).toBe(0);
		expect(press(bottom, 'home').scroll).toBe(0);
	});

	it('never scrolls past the last screen, nor a section shorter than the screen', () => {
		expect(press(start(), ...Array<string>(200).fill('j')).scroll).toBe(100 - body);
		expect(press(start(1), 'j', 'pagedown', 'G').scroll).toBe(0);
	});

	it('moves on with Space at the bottom, so one key reads the whole essay', () => {
		let state = start();
		const visited = new Set<number>();
		for (let presses = 0; presses < 50 && !(state.section === 2 && state.scroll === maxScroll(state)); presses++) {
			state = press(state, 'space');
			visited.add(state.section);
		}

		expect([...visited]).toEqual([0, 1, 2]);
		expect(state.scroll).toBe(maxScroll(state));
		expect(press(state, 'space').notice).toMatch(/end of the essay/);
	});
});

describe('resizing', () => {
	it('keeps the same part of the text in view when the width changes', () => {
		const state = press(start(), 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
		const narrow = run(state, {type: 'resize', screen: {columns: 50, rows: 30}});
		expect(narrow.scroll).toBe(20);
		expect(narrow.screen.columns).toBe(50);
	});

	it('clamps the scroll when the screen grows taller', () => {
		const state = press(start(), 'G');
		const tall = run(state, {type: 'resize', screen: {columns: 100, rows: 200}});
		expect(tall.scroll).toBe(0);
	});

	it('accepts only quitting while the terminal is too small', () => {
		const small = run(start(), {type: 'resize', screen: {columns: 30, rows: 10}});
		expect(keyContext(small)).toBe('tooSmall');
		expect(press(small, 'right', 'j', 't').section).toBe(0);
		expect(press(small, 'q').exitCode).toBe(0);
	});
});

describe('table of contents', () => {
	it('opens on the current section, moves within bounds and jumps on Enter', () => {
		const open = press(start(1), 't');
		expect(open.overlay).toBe('toc');
		expect(open.tocCursor).toBe(1);
		expect(press(open, 'down', 'down', 'down').tocCursor).toBe(2);
		expect(press(open, 'up', 'k', 'k').tocCursor).toBe(0);
		expect(press(open, 'G').tocCursor).toBe(2);
		expect(press(open, 'g').tocCursor).toBe(0);
		const jumped = press(open, 'down', 'enter');
		expect(jumped).toMatchObject({overlay: 'none', section: 2, scroll: 0});
	});

	it('closes with Esc or t without moving', () => {
		expect(press(start(1), 't', 'down', 'escape')).toMatchObject({overlay: 'none', section: 1});
		expect(press(start(1), 't', 't').overlay).toBe('none');
	});

	it('gives keys to the open screen only', () => {
		const state = press(start(), 't', 'j');
		expect(state.scroll).toBe(0);
		expect(state.tocCursor).toBe(1);
	});
});

describe('help', () => {
	it('opens with ? and closes with ? or Esc', () => {
		expect(press(start(), '?').overlay).toBe('help');
		expect(press(start(), '?', '?').overlay).toBe('none');
		expect(press(start(), '?', 'escape').overlay).toBe('none');
	});

	it('scrolls within the help text when the screen is short', () => {
		const short = initialState(document, {columns: 80, rows: 12});
		const scrolled = press(short, '?', ...Array<string>(100).fill('j'));
		expect(scrolled.helpScroll).toBe(helpLineCount() - bodyRows(12));
		expect(press(scrolled, ...Array<string>(100).fill('k')).helpScroll).toBe(0);
	});
});

describe('quitting', () => {
	it('quits with q or Esc, and with code 130 on Ctrl+C from any screen', () => {
		expect(press(start(), 'q').exitCode).toBe(0);
		expect(press(start(), 'escape').exitCode).toBe(0);
		expect(press(start(), 'ctrl+c').exitCode).toBe(130);
		expect(press(start(), '?', 'ctrl+c').exitCode).toBe(130);
		expect(press(start(), 't', 'ctrl+c').exitCode).toBe(130);
		expect(press(start(), 't', 'q').exitCode).toBe(0);
	});

	it('does not quit on Esc when a screen is open; it closes it', () => {
		expect(press(start(), 't', 'escape').exitCode).toBeUndefined();
	});
});

describe('bounds', () => {
	it('keeps section and scroll in range through any sequence of keys', () => {
		const allKeys = ['right', 'left', 'up', 'down', 'pageup', 'pagedown', 'space', 'g', 'G', 'home', 'end', '1', '2', '3', '9', 't', 'enter', 'escape', '?', 'j', 'k', 'x', 'b', 'n', 'p'];
		let state = start();
		let seed = 7;
		for (let step = 0; step < 5000; step++) {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			const key = allKeys[seed % allKeys.length] ?? 'j';
			if (key === 'escape' && state.overlay === 'none') continue;
			state = press(state, key);
			expect(state.section).toBeGreaterThanOrEqual(0);
			expect(state.section).toBeLessThan(3);
			expect(state.scroll).toBeGreaterThanOrEqual(0);
			expect(state.scroll).toBeLessThanOrEqual(maxScroll(state));
			expect(state.tocCursor).toBeLessThan(3);
		}
	});

	it('clamps the opening section', () => {
		expect(start(99).section).toBe(2);
		expect(start(-1).section).toBe(0);
	});
});
