import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {defaultStateDir, openProgressStore, PLACE_SAVE_MS, progressSaver} from '../src/progress/store.js';
import {isWorthResuming, progressOf, startPlaceOf, type Progress} from '../src/reader/progress.js';
import {reducer} from '../src/reader/reducer.js';
import {initialState} from '../src/reader/state.js';
import {fakeDocument} from './helpers/document.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'mle-essay-store-'));
const progress: Progress = {
	place: {kind: 'quiz', quiz: 0, question: 1},
	answers: [
		[1, undefined, undefined],
		[undefined, undefined, undefined],
	],
};

/** Resolves once a save loop reports at least `rounds` saves. */
function savedAtLeast(child: ChildProcessWithoutNullStreams | ReturnType<typeof spawn>, rounds: number): Promise<void> {
	return new Promise((resolve) => {
		const onData = (chunk: Buffer) => {
			const last = Number(chunk.toString().trim().split('\n').at(-1));
			if (last >= rounds) {
				child.stdout?.off('data', onData);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
	});
}

describe('the progress store', () => {
	it('round-trips the place and every answer', () => {
		const store = openProgressStore('abc123', dir());
		expect(store.load()).toEqual({progress: undefined, warning: undefined});
		expect(store.save(progress)).toBeUndefined();
		expect(openProgressStore('abc123', path.dirname(store.file)).load()).toEqual({progress, warning: undefined});
	});

	it('keeps essays apart by content', () => {
		const folder = dir();
		openProgressStore('one', folder).save(progress);
		expect(openProgressStore('two', folder).load().progress).toBeUndefined();
	});

	it('moves a corrupt file aside with one warning, and reading goes on', () => {
		const store = openProgressStore('abc123', dir());
		writeFileSync(store.file, '{"version": 1, "essay": "abc123", "pla');
		const {progress: loaded, warning} = store.load();
		expect(loaded).toBeUndefined();
		expect(warning).toMatch(/^Saved progress was unreadable; moved it to .*\.corrupt-\d+ and started from the cover\.$/);
		expect(existsSync(store.file)).toBe(false);
		expect(readdirSync(path.dirname(store.file)).some((name) => name.includes('.corrupt-'))).toBe(true);
		expect(store.load()).toEqual({progress: undefined, warning: undefined});
	});

	it('treats a well-formed file with impossible values as corrupt', () => {
		const store = openProgressStore('abc123', dir());
		writeFileSync(store.file, JSON.stringify({version: 1, essay: 'abc123', place: {kind: 'section', section: -4, scrollFraction: 9}, answers: []}));
		expect(store.load().warning).toMatch(/unreadable/);
	});

	it('leaves a readable file when a save is killed half-way, again and again', async () => {
		const folder = dir();
		const store = openProgressStore('loop', folder);
		const script = fileURLToPath(new URL('helpers/save-loop.ts', import.meta.url));
		for (let run = 0; run < 4; run++) {
			// tsx as a loader inside this one process (its CLI would run the script in a grandchild
			// that outlives the kill).
			const child = spawn(process.execPath, ['--import', 'tsx', script, 'loop', folder], {stdio: ['ignore', 'pipe', 'inherit']});
			// Let it overwrite the file many times, then kill it wherever it is.
			await savedAtLeast(child, 10 + run * 17);
			child.kill('SIGKILL');
			await new Promise((resolve) => child.once('exit', resolve));
			const {progress: loaded, warning} = store.load();
			expect(warning).toBeUndefined();
			expect(loaded?.answers).toHaveLength(200);
		}
	});

	it('keeps the previous save when a save dies half-way through writing', () => {
		const folder = dir();
		const script = fileURLToPath(new URL('helpers/crash-mid-save.ts', import.meta.url));
		const result = spawnSync(process.execPath, ['--import', 'tsx', script, 'crash', folder], {encoding: 'utf8'});
		expect(result.status).toBe(137);
		expect(result.stdout).toBe('');
		const {progress: loaded, warning} = openProgressStore('crash', folder).load();
		expect(warning).toBeUndefined();
		expect(loaded?.place).toEqual({kind: 'section', section: 1, scrollFraction: 0.5});
	});

	it('two copies saving at once never leave an invalid file', async () => {
		const folder = dir();
		const store = openProgressStore('loop', folder);
		const script = fileURLToPath(new URL('helpers/save-loop.ts', import.meta.url));
		for (let run = 0; run < 3; run++) {
			const children = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', script, 'loop', folder], {stdio: ['ignore', 'pipe', 'inherit']}));
			await Promise.all(children.map((child) => savedAtLeast(child, 10 + run * 13)));
			for (const child of children) child.kill('SIGKILL');
			await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
			const {progress: loaded, warning} = store.load();
			expect(warning).toBeUndefined();
			expect(loaded?.answers).toHaveLength(200);
		}
	});

	it('warns once, and keeps reading, when the state folder cannot be written', () => {
		const parent = dir();
		const blocked = path.join(parent, 'not-a-folder');
		writeFileSync(blocked, 'a file where the folder should be');
		const store = openProgressStore('abc123', blocked);
		expect(store.load()).toEqual({progress: undefined, warning: undefined});
		expect(store.save(progress)).toMatch(/^Progress will not be saved: cannot write .*not-a-folder/);
		expect(store.save(progress)).toBeUndefined();
	});

	it('clears saved progress for --fresh', () => {
		const store = openProgressStore('abc123', dir());
		store.save(progress);
		store.clear();
		expect(store.load().progress).toBeUndefined();
	});
});

describe('saving as the reader goes', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	const at = (section: number, answer?: number): Progress => ({place: {kind: 'section', section, scrollFraction: 0}, answers: [[answer, undefined, undefined]]});
	const savedPlace = (store: ReturnType<typeof openProgressStore>) => store.load().progress?.place;

	it('saves a change of place once it has stayed put a moment, and the last of many; an answer at once', () => {
		vi.useFakeTimers();
		const store = openProgressStore('abc123', dir());
		const saver = progressSaver(store);
		// Where the reading starts, at once: a folder that cannot be written is told then.
		saver.save(at(0));
		expect(savedPlace(store)).toEqual({kind: 'section', section: 0, scrollFraction: 0});
		const written = statSync(store.file).mtimeMs;
		for (let section = 1; section <= 30; section++) saver.save(at(section));
		expect(statSync(store.file).mtimeMs).toBe(written);
		expect(savedPlace(store)).toEqual({kind: 'section', section: 0, scrollFraction: 0});
		vi.advanceTimersByTime(PLACE_SAVE_MS);
		expect(savedPlace(store)).toEqual({kind: 'section', section: 30, scrollFraction: 0});
		saver.save(at(31));
		saver.save(at(31, 2));
		expect(store.load().progress).toEqual(at(31, 2));
	});

	it('saves the place still waiting when flushed (the program ending or stopping)', () => {
		vi.useFakeTimers();
		const store = openProgressStore('abc123', dir());
		const saver = progressSaver(store);
		saver.save(at(0));
		saver.save(at(4));
		saver.flush();
		expect(savedPlace(store)).toEqual({kind: 'section', section: 4, scrollFraction: 0});
	});

	it('tells once, at the start, that the state folder cannot be written', () => {
		vi.useFakeTimers();
		const blocked = path.join(dir(), 'not-a-folder');
		writeFileSync(blocked, 'a file where the folder should be');
		const saver = progressSaver(openProgressStore('abc123', blocked));
		expect(saver.save(at(0))).toMatch(/^Progress will not be saved/);
		expect(saver.save(at(1))).toBeUndefined();
		vi.advanceTimersByTime(PLACE_SAVE_MS);
		expect(saver.save(at(2))).toBeUndefined();
	});
});

describe('the state folder', () => {
	const saved = process.env['XDG_STATE_HOME'];
	afterEach(() => {
		if (saved === undefined) delete process.env['XDG_STATE_HOME'];
		else process.env['XDG_STATE_HOME'] = saved;
	});

	it('is $XDG_STATE_HOME/mle-essay on Linux', () => {
		process.env['XDG_STATE_HOME'] = '/tmp/somewhere';
		if (process.platform === 'linux') expect(defaultStateDir()).toBe('/tmp/somewhere/mle-essay');
	});
});

describe('saving and restoring a place', () => {
	const screen = {columns: 100, rows: 30};

	it('saves a section place as a fraction, so another width opens at the same text', () => {
		let state = initialState(fakeDocument(), screen);
		for (let step = 0; step < 35; step++) state = reducer(state, {type: 'scroll', lines: 1});
		const saved = progressOf(state);
		expect(saved.place).toEqual({kind: 'section', section: 0, scrollFraction: 0.35});
		const narrow = fakeDocument();
		const place = startPlaceOf(saved, narrow, [1, 2]);
		expect(initialState(narrow, {columns: 50, rows: 30}, {place}).scroll).toBe(70);
	});

	it('restores a quiz question, or the bottom of its section without quizzes', () => {
		expect(startPlaceOf(progress, fakeDocument(), [1, 2])).toEqual({stop: 2, question: 1});
		expect(startPlaceOf(progress, fakeDocument({withQuizzes: false}), [1, 2])).toEqual({stop: 1, scrollFraction: 1});
		expect(startPlaceOf({place: {kind: 'summary', scrollFraction: 0}, answers: []}, fakeDocument({withQuizzes: false}), [1, 2])).toEqual({
			stop: 2,
			scrollFraction: 1,
		});
	});

	it('does not announce a resume for a reader who only opened the cover', () => {
		expect(isWorthResuming({place: {kind: 'section', section: 0, scrollFraction: 0}, answers: [[undefined]]})).toBe(false);
		expect(isWorthResuming({place: {kind: 'section', section: 0, scrollFraction: 0}, answers: [[2]]})).toBe(true);
		expect(isWorthResuming(progress)).toBe(true);
	});
});
