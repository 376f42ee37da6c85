import {describe, expect, it} from 'vitest';
import type {Action} from '../src/reader/actions.js';
import {bodyRows, pageRows} from '../src/reader/geometry.js';
import {helpLineCount, resolveKey} from '../src/reader/key-bindings.js';
import {currentPage, currentStop, keyContext, maxScroll, reducer} from '../src/reader/reducer.js';
import {initialState, type ReaderState} from '../src/reader/state.js';
import {fakeDocument} from './helpers/document.js';
import {progressOf} from '../src/reader/progress.js';

const screen = {columns: 100, rows: 30};
const body = bodyRows(30);
// Stops: 0 cover, 1 pattern one, 2 quiz one, 3 pattern two, 4 quiz two, 5 summary.
const start = (stop = 0, document = fakeDocument()) => initialState(document, screen, {place: {stop}});
const run = (state: ReaderState, ...actions: Action[]) => actions.reduce(reducer, state);
const press = (state: ReaderState, ...keys: string[]) => run(state, ...keys.map((key): Action => ({type: 'key', key, text: key.length === 1 ? key : ''})));

describe('moving along the reading path', () => {
	it('goes from a pattern to its quiz and on, and stops at both ends with a notice', () => {
		expect(currentStop(press(start(), 'right', 'right'))).toEqual({kind: 'quiz', quiz: 0, section: 1});
		const end = press(start(5), 'right');
		expect(end.stop).toBe(5);
		expect(end.notice).toMatch(/end of the essay/);
		const first = press(start(1), 'left', 'h');
		expect(first.stop).toBe(0);
		expect(first.notice).toMatch(/cover/);
	});

	it('has no quizzes and no summary with --no-quiz', () => {
		const document = fakeDocument({withQuizzes: false});
		expect(document.stops.map((stop) => stop.kind)).toEqual(['section', 'section', 'section']);
		expect(currentStop(press(start(0, document), 'right', 'right'))).toEqual({kind: 'section', section: 2});
	});

	it('opens a new section at its top', () => {
		expect(press(start(), 'G', 'right', 'left').scroll).toBe(0);
	});

	it('jumps to sections with digits, the cover being 1, and refuses sections that do not exist', () => {
		expect(currentStop(press(start(), '3'))).toEqual({kind: 'section', section: 2});
		expect(press(start(3), '1').stop).toBe(0);
		const refused = press(start(1), '9');
		expect(refused.stop).toBe(1);
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

	it('never scrolls past the last screen, nor a page shorter than the screen', () => {
		expect(press(start(), ...Array<string>(200).fill('j')).scroll).toBe(100 - body);
		expect(press(start(1), 'j', 'pagedown', 'G').scroll).toBe(0);
	});

	it('moves on with Space at the bottom, so one key reads the whole essay', () => {
		let state = start(0, fakeDocument({withQuizzes: false}));
		const visited = new Set<number>();
		for (let presses = 0; presses < 50 && !(state.stop === 2 && state.scroll === maxScroll(state)); presses++) {
			state = press(state, 'space');
			visited.add(state.stop);
		}

		expect([...visited]).toEqual([0, 1, 2]);
		expect(press(state, 'space').notice).toMatch(/end of the essay/);
	});
});

describe('quizzes', () => {
	const quiz = () => press(start(1), 'right');

	it('asks the first question with only the question keys live', () => {
		const state = quiz();
		expect(keyContext(state)).toBe('question');
		expect(currentPage(state)).toEqual({kind: 'question', quiz: 0, question: 0});
		// j, k and Enter belong to the select input: the reader does nothing with them.
		expect(press(state, 'j', 'k', 'enter', 'G', 'down')).toEqual(state);
	});

	it('ignores an answer addressed to another question', () => {
		const state = quiz();
		expect(run(state, {type: 'answer', choice: 1, quiz: 0, question: 1})).toEqual(state);
		expect(run(state, {type: 'answer', choice: 1, quiz: 1, question: 0})).toEqual(state);
		expect(run(state, {type: 'answer', choice: 1, quiz: 0, question: 0}).answers[0]).toEqual([1, undefined, undefined]);
	});

	it('answers with a digit, once, and ignores digits past the last choice', () => {
		expect(press(quiz(), '9').answers[0]).toEqual([undefined, undefined, undefined]);
		const answered = press(quiz(), '3');
		expect(answered.answers[0]).toEqual([2, undefined, undefined]);
		// The select input reports the same digit: nothing more happens.
		expect(run(answered, {type: 'answer', choice: 2})).toEqual(answered);
	});


	it('shows feedback after an answer, then the next question, then goes on along the path', () => {
		let state = run(quiz(), {type: 'answer', choice: 2});
		expect(currentPage(state)).toEqual({kind: 'feedback', quiz: 0, question: 0, choice: 2});
		expect(keyContext(state)).toBe('feedback');
		state = press(state, 'enter');
		expect(currentPage(state)).toEqual({kind: 'question', quiz: 0, question: 1});
		state = press(run(state, {type: 'answer', choice: 0}), 'right');
		state = press(run(state, {type: 'answer', choice: 1}), 'enter');
		expect(currentStop(state)).toEqual({kind: 'section', section: 2});
		expect(state.answers[0]).toEqual([2, 0, 1]);
	});

	it('ignores an answer when no question is asked', () => {
		const state = run(quiz(), {type: 'answer', choice: 1});
		expect(run(state, {type: 'answer', choice: 3}).answers[0]).toEqual([1, undefined, undefined]);
		expect(run(start(), {type: 'answer', choice: 0}).answers[0]).toEqual([undefined, undefined, undefined]);
	});

	it('goes back to its section, at the bottom, with ←', () => {
		const state = press(quiz(), 'left');
		expect(currentStop(state)).toEqual({kind: 'section', section: 1});
		expect(state.scroll).toBe(maxScroll(state));
	});

	it('skips a quiz with s, leaving it unanswered', () => {
		const state = press(quiz(), 's');
		expect(currentStop(state)).toEqual({kind: 'section', section: 2});
		expect(state.answers[0]).toEqual([undefined, undefined, undefined]);
	});

	it('reopens a finished quiz on its recap, and r retakes it', () => {
		let state = quiz();
		for (const choice of [1, 2, 0]) state = press(run(state, {type: 'answer', choice}), 'enter');
		state = press(state, 'left');
		expect(currentPage(state)).toMatchObject({kind: 'recap', quiz: 0, answers: [1, 2, 0]});
		expect(keyContext(state)).toBe('recap');
		const retaken = press(state, 'r');
		expect(currentPage(retaken)).toEqual({kind: 'question', quiz: 0, question: 0});
		expect(retaken.answers[0]).toEqual([undefined, undefined, undefined]);
		expect(currentStop(press(state, 'enter'))).toEqual({kind: 'section', section: 2});
	});

	it('refuses to retake an unfinished quiz', () => {
		const state = press(run(quiz(), {type: 'answer', choice: 0}), 'r');
		expect(state.notice).toMatch(/Answer every question first/);
		expect(state.answers[0]).toEqual([0, undefined, undefined]);
	});

	it('reopens a half-done quiz at its first unanswered question', () => {
		const state = press(run(quiz(), {type: 'answer', choice: 0}), 'enter', 'left', 'right');
		expect(currentPage(state)).toEqual({kind: 'question', quiz: 0, question: 1});
	});

	it('ends the path in a summary that scrolls and goes back', () => {
		const summary = press(start(4), 's');
		expect(currentPage(summary).kind).toBe('summary');
		expect(keyContext(summary)).toBe('summary');
		expect(press(summary, 'G').scroll).toBe(40 - body);
		expect(currentStop(press(summary, 'left'))).toMatchObject({kind: 'quiz', quiz: 1});
	});
});

describe('search', () => {
	const matches = [
		{section: 0, line: 50, offset: 3000},
		{section: 1, line: 3, offset: 200},
		{section: 2, line: 40, offset: 2400},
	];
	const searching = (from = start()) => press(from, '/', 'd', 'a', 't', 'a', 'enter');
	const document = fakeDocument({matches});

	it('types into a prompt; Enter jumps to the first match at or after the current place', () => {
		const typing = press(start(0, document), '/', 'd', 'a', 'j', 'backspace', 't');
		expect(typing.prompt).toBe('dat');
		expect(keyContext(typing)).toBe('searchPrompt');
		const found = searching(press(start(0, document), 'pagedown'));
		expect(found.search).toEqual({query: 'data', match: matches[0]});
		expect(found.scroll).toBe(48);
		expect(found.notice).toBe('“data”: match 1 of 3');
		expect(keyContext(found)).toBe('searching');
	});

	it('n and N move between matches across sections, wrapping with a notice', () => {
		const found = searching(start(0, document));
		const second = press(found, 'n');
		expect(currentStop(second)).toEqual({kind: 'section', section: 1});
		expect(second.search?.match).toEqual(matches[1]);
		const third = press(second, 'n');
		expect(third.search?.match).toEqual(matches[2]);
		const wrapped = press(third, 'n');
		expect(wrapped.search?.match).toEqual(matches[0]);
		expect(wrapped.notice).toMatch(/search wrapped to the top/);
		const back = press(found, 'N');
		expect(back.search?.match).toEqual(matches[2]);
		expect(back.notice).toMatch(/search wrapped to the bottom/);
	});

	it('Esc clears the search, and n means next section again', () => {
		const cleared = press(searching(start(0, document)), 'escape');
		expect(cleared.search).toBeUndefined();
		expect(cleared.exitCode).toBeUndefined();
		expect(currentStop(press(cleared, 'n'))).toEqual({kind: 'section', section: 1});
	});

	it('says so when nothing matches, and Esc cancels the prompt', () => {
		expect(press(start(0, document), '/', 'n', 'o', 'n', 'e', 'enter').notice).toBe('No match for “none”.');
		expect(press(start(0, document), '/', 'x', 'escape').prompt).toBeUndefined();
	});

	it('after a search that found nothing, n and N say so again instead of moving on', () => {
		const failed = press(start(0, document), '/', 'n', 'o', 'n', 'e', 'enter');
		for (const key of ['n', 'N']) {
			const again = press(failed, key);
			expect(again.stop, key).toBe(0);
			expect(again.notice, key).toBe('No match for “none”.');
		}

		// Esc ends it; then n is the next section again.
		expect(press(failed, 'escape', 'n').stop).toBe(1);
	});

	it('/ then Enter with nothing typed repeats the last search, even after Esc cleared it', () => {
		const cleared = press(searching(start(0, document)), 'escape');
		const repeated = press(cleared, '/', 'enter');
		expect(repeated.search).toEqual({query: 'data', match: matches[0]});
		expect(press(start(0, document), '/', 'enter')).toMatchObject({search: undefined, prompt: undefined});
	});

	it('accepts pasted text and keeps control characters out of the prompt', () => {
		const state = run(start(0, document), {type: 'key', key: '/', text: '/'}, {type: 'key', key: undefined, text: 'data\u001B[31m science'});
		expect(state.prompt).toBe('data[31m science');
	});
});

describe('resizing', () => {
	it('keeps the same part of the text in view when the width changes', () => {
		const state = press(start(), ...Array<string>(10).fill('j'));
		const narrow = run(state, {type: 'resize', screen: {columns: 50, rows: 30}});
		expect(narrow.scroll).toBe(20);
	});

	it('clamps the scroll when the screen grows taller', () => {
		const tall = run(press(start(), 'G'), {type: 'resize', screen: {columns: 100, rows: 200}});
		expect(tall.scroll).toBe(0);
	});

	it('accepts only quitting while the terminal is too small', () => {
		const small = run(start(), {type: 'resize', screen: {columns: 30, rows: 10}});
		expect(keyContext(small)).toBe('tooSmall');
		expect(press(small, 'right', 'j', 't').stop).toBe(0);
		expect(press(small, 'q').exitCode).toBe(0);
	});
});

describe('table of contents', () => {
	it('lists every stop, opens on the current one and jumps on Enter', () => {
		const open = press(start(1), 't');
		expect(open.overlay).toBe('toc');
		expect(open.tocCursor).toBe(1);
		expect(press(open, 'G').tocCursor).toBe(5);
		expect(press(open, 'g').tocCursor).toBe(0);
		const jumped = press(open, 'down', 'enter');
		expect(jumped).toMatchObject({overlay: 'none', stop: 2, scroll: 0});
		expect(keyContext(jumped)).toBe('question');
	});

	it('closes with Esc or t without moving, and owns the keys while open', () => {
		expect(press(start(1), 't', 'down', 'escape')).toMatchObject({overlay: 'none', stop: 1});
		expect(press(start(1), 't', 't').overlay).toBe('none');
		expect(press(start(), 't', 'j').scroll).toBe(0);
	});
});

describe('help', () => {
	it('opens with ? and closes with ? or Esc', () => {
		expect(press(start(), '?').overlay).toBe('help');
		expect(press(start(), '?', '?').overlay).toBe('none');
		expect(press(start(), '?', 'escape').overlay).toBe('none');
		expect(press(start(2), '?').overlay).toBe('help');
	});

	it('scrolls within the help text when the screen is short', () => {
		const short = initialState(fakeDocument(), {columns: 80, rows: 12});
		const scrolled = press(short, '?', ...Array<string>(100).fill('j'));
		expect(scrolled.helpScroll).toBe(helpLineCount() - bodyRows(12));
		expect(press(scrolled, ...Array<string>(100).fill('k')).helpScroll).toBe(0);
	});
});

describe('quitting', () => {
	it('quits with q, and with code 130 on Ctrl+C from every screen', () => {
		expect(press(start(), 'q').exitCode).toBe(0);
		for (const keys of [[], ['?'], ['t'], ['/'], ['right', 'right'], ['5'], ['/', 'a', 'enter']]) {
			expect(press(start(0, fakeDocument({matches: [{section: 0, line: 1, offset: 10}]})), ...keys, 'ctrl+c').exitCode, keys.join(' ')).toBe(130);
		}

		// In the contents and help, q closes them, as in less.
		expect(press(start(), 't', 'q')).toMatchObject({exitCode: undefined, overlay: 'none'});
		expect(press(start(), '?', 'q')).toMatchObject({exitCode: undefined, overlay: 'none'});
	});

	it('never quits on Esc: not on the page, not on a question, not after a search that found nothing', () => {
		expect(press(start(), 'escape').exitCode).toBeUndefined();
		expect(press(start(2), 'escape').exitCode).toBeUndefined();
		expect(keyContext(start(2))).toBe('question');
		const failed = press(start(0, fakeDocument({matches: []})), '/', 'z', 'enter');
		expect(press(failed, 'escape', 'escape', 'escape').exitCode).toBeUndefined();
	});

	it('does not quit on Esc when a screen is open; it closes it', () => {
		expect(press(start(), 't', 'escape').exitCode).toBeUndefined();
	});
});

describe('starting', () => {
	it('clamps the place and keeps only valid answers', () => {
		expect(start(99).stop).toBe(5);
		expect(start(-1).stop).toBe(0);
		const state = initialState(fakeDocument(), screen, {answers: [[1, -1, 2.5], [0]], place: {stop: 2, question: 7}});
		expect(state.answers).toEqual([
			[1, undefined, undefined],
			[0, undefined, undefined],
		]);
		expect(state.question).toBe(3);
	});

	it('opens at the same part of a section from a saved fraction', () => {
		expect(initialState(fakeDocument(), screen, {place: {stop: 0, scrollFraction: 0.5}}).scroll).toBe(50);
		expect(initialState(fakeDocument(), screen, {place: {stop: 0, scrollFraction: 1}}).scroll).toBe(100 - body);
	});

	it('resumes in a section still being drawn at the saved place once it arrives, and saves that place meanwhile', () => {
		let isDrawn = false;
		const document = fakeDocument({drawing: {section: 0, isDrawn: () => isDrawn}});
		const state = initialState(document, screen, {place: {stop: 0, scrollFraction: 0.5}});
		expect(state.scroll).toBe(0);
		expect(progressOf(state).place).toEqual({kind: 'section', section: 0, scrollFraction: 0.5});
		expect(reducer(state, {type: 'sectionDrawn'})).toBe(state);
		isDrawn = true;
		const drawn = reducer(state, {type: 'sectionDrawn'});
		expect(drawn.scroll).toBe(50);
		expect(progressOf(drawn).place).toEqual({kind: 'section', section: 0, scrollFraction: 0.5});
	});

	it('forgets the saved place in a section still being drawn when the reader moves elsewhere', () => {
		let isDrawn = false;
		const document = fakeDocument({drawing: {section: 0, isDrawn: () => isDrawn}});
		const helped = reducer(initialState(document, screen, {place: {stop: 0, scrollFraction: 0.5}}), {type: 'key', key: '?', text: '?'});
		expect(helped.resumeFraction).toBe(0.5);
		const moved = reducer(reducer(helped, {type: 'key', key: 'escape', text: ''}), {type: 'key', key: 'right', text: ''});
		expect(moved.stop).toBe(1);
		isDrawn = true;
		expect(reducer(moved, {type: 'sectionDrawn'}).scroll).toBe(0);
	});
});

describe('bounds', () => {
	it('keeps stop, scroll and question in range through any sequence of keys and answers', () => {
		const keys = ['right', 'left', 'up', 'down', 'pageup', 'pagedown', 'space', 'g', 'G', 'home', 'end', '1', '2', '3', '9', 't', 'enter', '?', 'j', 'k', 'x', 'b', 'n', 'N', 'p', 's', 'r', '/', 'escape', 'backspace', 'd', 'u', 'ctrl+f', 'ctrl+b', 'ctrl+d', 'ctrl+u', 'ctrl+z', 'q'];
		let state = start(0, fakeDocument({matches: [{section: 1, line: 2, offset: 40}]}));
		let seed = 7;
		for (let step = 0; step < 5000; step++) {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			const key = keys[seed % keys.length] ?? 'j';
			state = resolveKey(keyContext(state), key)?.type === 'quit' ? state : press(state, key);
			if (seed % 5 === 0) state = run(state, {type: 'answer', choice: seed % 4});
			expect(state.stop).toBeGreaterThanOrEqual(0);
			expect(state.stop).toBeLessThan(6);
			expect(state.scroll).toBeGreaterThanOrEqual(0);
			expect(state.scroll).toBeLessThanOrEqual(maxScroll(state));
			expect(state.question).toBeGreaterThanOrEqual(0);
			expect(state.question).toBeLessThanOrEqual(3);
			expect(state.exitCode).toBeUndefined();
		}
	});
});

describe('paging as in less', () => {
	it('moves half a page with d and u, and with Ctrl+D and Ctrl+U', () => {
		const half = Math.floor(body / 2);
		expect(press(start(), 'd').scroll).toBe(half);
		expect(press(start(), 'ctrl+d', 'ctrl+d').scroll).toBe(2 * half);
		expect(press(start(), 'd', 'd', 'u').scroll).toBe(half);
		expect(press(start(), 'd', 'ctrl+u', 'ctrl+u').scroll).toBe(0);
	});

	it('pages with Ctrl+F and Ctrl+B as with Space and b', () => {
		expect(press(start(), 'ctrl+f').scroll).toBe(pageRows(30));
		expect(press(start(), 'ctrl+f', 'ctrl+f', 'ctrl+b').scroll).toBe(pageRows(30));
	});

	it('b and PgUp at the top of a section go to the end of what came before, as Space at the bottom goes on', () => {
		const back = press(start(3), 'b');
		expect(back.stop).toBe(2);
		const fromSection = press(start(1), 'pageup');
		expect(fromSection).toMatchObject({stop: 0, scroll: maxScroll(start(0))});
		expect(maxScroll(start(0))).toBeGreaterThan(0);
		expect(press(start(0), 'b').notice).toMatch(/cover/);
		// Space and b undo each other across the boundary.
		const atEnd = press(start(0), 'G');
		expect(press(atEnd, 'space', 'b')).toMatchObject({stop: 0, scroll: atEnd.scroll});
	});

	it('pages through help with Space, PgDn, PgUp, b, g and G, and q closes it', () => {
		const small = initialState(fakeDocument(), {columns: 80, rows: 14});
		const help = press(small, '?');
		const paged = press(help, 'space');
		expect(paged.helpScroll).toBe(pageRows(14));
		expect(press(help, 'pagedown', 'b').helpScroll).toBe(0);
		const bottom = press(help, 'G');
		expect(bottom.helpScroll).toBe(helpLineCount() - bodyRows(14));
		expect(press(bottom, 'g').helpScroll).toBe(0);
		expect(press(bottom, 'pageup').helpScroll).toBe(bottom.helpScroll - pageRows(14));
		expect(press(help, 'q')).toMatchObject({overlay: 'none', exitCode: undefined});
	});

	it('takes 1–9 wherever the reader can move: after answering, on a finished quiz, in the contents', () => {
		const answered = press(start(2), '1');
		expect(currentPage(answered).kind).toBe('feedback');
		expect(press(answered, '3').stop).toBe(3);
		// Answered to the end, on to the next section, and back: the finished quiz's review.
		const finished = press(start(2), '1', 'enter', '2', 'enter', '3', 'enter', 'left');
		expect(finished.stop).toBe(2);
		expect(currentPage(finished).kind).toBe('recap');
		expect(press(finished, '1').stop).toBe(0);
		expect(press(start(1), 't', '3')).toMatchObject({overlay: 'none', stop: 3});
	});

	it('Ctrl+Z asks to suspend from every screen, and changes nothing else', () => {
		for (const keys of [[], ['?'], ['t'], ['/'], ['right', 'right'], ['5']]) {
			const before = press(start(), ...keys);
			const after = press(before, 'ctrl+z');
			expect(after.suspensions, keys.join(' ')).toBe(before.suspensions + 1);
			expect({...after, suspensions: 0, notice: undefined}).toEqual({...before, suspensions: 0, notice: undefined});
		}
	});
});

describe('small screens', () => {
	it('keeps the verdict in view after answering when the feedback does not fit', () => {
		const short = initialState(fakeDocument(), {columns: 80, rows: 12}, {place: {stop: 2}});
		const answered = press(short, '1');
		expect(currentPage(answered).kind).toBe('feedback');
		// Fake feedback: 20 lines, the verdict on line 15; 11 rows above the status bar.
		expect(answered.scroll).toBe(15 + 3 - bodyRows(12));
		expect(press(start(2), '1').scroll).toBe(0);
	});
});

describe('notices', () => {
	it('expire only if still shown: a later notice stays', () => {
		const noticed = run(start(), {type: 'notify', text: 'first'});
		expect(run(noticed, {type: 'expireNotice', text: 'first'}).notice).toBeUndefined();
		const replaced = run(noticed, {type: 'notify', text: 'second'});
		expect(run(replaced, {type: 'expireNotice', text: 'first'}).notice).toBe('second');
	});
});

describe('exporting the summary', () => {
	it('e on the summary asks for an export; after being told the file exists, the next e replaces it, any other key first cancels', () => {
		const summary = start(5);
		const first = press(summary, 'e');
		expect(first.exportRequest).toMatchObject({id: 1, overwrite: false});
		const exists = run(first, {type: 'exportExists', file: 'x.md'});
		expect(exists.notice).toBe('x.md exists: press e again to replace it');
		expect(press(exists, 'e').exportRequest).toMatchObject({id: 2, overwrite: true});
		expect(press(exists, 'j', 'e').exportRequest).toMatchObject({id: 2, overwrite: false});
		expect(press(start(1), 'e').exportRequest).toBeUndefined();
	});
});

describe('collapsible callouts', () => {
	it('o opens or closes the one whose title bar is on screen, and says so when there is none', () => {
		// Body rows: 29. The cover's callouts are on lines 30 and 80.
		const top = press(start(), 'o');
		expect(top.notice).toBe('No collapsible callout (???) on this screen.');
		const scrolled = press(start(), ...Array<string>(5).fill('j'));
		const opened = press(scrolled, 'o');
		expect(opened.folds).toEqual({0: [0]});
		expect(currentPage(opened)).toEqual({kind: 'section', section: 0, toggled: [0]});
		expect(press(opened, 'o').folds).toEqual({0: []});
		expect(currentPage(press(opened, 'o'))).toEqual({kind: 'section', section: 0});
		expect(press(start(1), 'o').notice).toMatch(/No collapsible callout/);
	});
});

describe('searching while the index is built', () => {
	const matches = [
		{section: 0, line: 5, offset: 100},
		{section: 2, line: 10, offset: 300},
	];
	const indexing = fakeDocument({matches, isIndexing: true});
	const done = fakeDocument({matches});

	it('answers at once from what is indexed when a match is ahead', () => {
		const found = press(start(0, indexing), '/', 'x', 'enter');
		expect(found.search?.match).toEqual(matches[0]);
	});

	it('waits, saying how far it got, when nothing indexed lies ahead; runs again when the index is done', () => {
		const waiting = press(start(1, indexing), '/', 'x', 'enter');
		expect(waiting.search).toEqual({query: 'x', match: undefined, isPending: true});
		expect(waiting.notice).toBe('Searching for “x”… (1 of 3 sections so far)');
		expect(press(waiting, 'n').notice).toMatch(/^Searching for “x”/);
		// The index completes: the same search, now over every section, from where the reader is.
		const ready = run({...waiting, document: done}, {type: 'searchIndexed'});
		expect(ready.search?.match).toEqual(matches[1]);
		expect(ready.stop).toBe(3);
		// Nothing waiting: the index completing changes nothing.
		const idle = start(0, done);
		expect(run(idle, {type: 'searchIndexed'})).toBe(idle);
	});

	it('n waits for the index past the match it went on from, never showing that match again as the next', () => {
		const found = press(start(0, indexing), '/', 'x', 'enter');
		expect(found.search?.match).toEqual(matches[0]);
		const waiting = press(found, 'n');
		expect(waiting.notice).toBe('Searching for “x”… (1 of 3 sections so far)');
		// The index grows without anything past it: still waiting.
		const still = run(waiting, {type: 'searchIndexed'});
		expect(still.search).toMatchObject({isPending: true, waitsFrom: {match: matches[0], direction: 1}});
		expect(still.notice).toMatch(/^Searching for “x”/);
		// It grows to hold the next one: that one.
		expect(run({...waiting, document: done}, {type: 'searchIndexed'}).search?.match).toEqual(matches[1]);
		// Complete with nothing past it: round to the top, as n does on a complete index.
		const onlyFirst = fakeDocument({matches: [matches[0] as (typeof matches)[number]]});
		const wrapped = run({...waiting, document: onlyFirst}, {type: 'searchIndexed'});
		expect(wrapped.search?.match).toEqual(matches[0]);
		expect(wrapped.notice).toBe('“x”: match 1 of 1 · search wrapped to the top');
	});
});
