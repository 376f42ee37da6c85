// A long post opened again from what was kept of it (src/post-snapshots.ts) is not read whole before
// its first screen: each section is read from the post's file when it is first asked for, from the
// file as it was opened, and never from a file written since.
import {appendFileSync, mkdtempSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadEssay, unchangedTextBytes, type FileText} from '../src/essay/load.js';
import {sectionSource} from '../src/essay/parse.js';
import {knownReadingTimeLabel, readingTimeLabel} from '../src/essay/reading-time.js';
import type {Essay} from '../src/essay/types.js';
import {forWorker} from '../src/draw-worker.js';
import {keepPostSnapshot, postEssay, readPostSnapshot} from '../src/post-snapshots.js';

const PARAGRAPH = 'Words of a long post, one after another, in a section of its own. '.repeat(20);
/** Over a million characters: kept by where its sections are. Its last section alone has an emoji shortcode. */
const LONG =
	'---\ndate: 2024-04-08\n---\n\n# A long post\n\nIts cover, with café and naïve words.\n' +
	Array.from({length: 420}, (_, part) => `\n## Part ${part}\n\nPart ${part} begins. ${PARAGRAPH}\n\n${PARAGRAPH}\n`).join('') +
	'\n## The end\n\nA zebrafish, once. :coffee:\n';

let folder: string;
const cacheHome = process.env['XDG_CACHE_HOME'];
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'mle-essay-long-'));
	process.env['XDG_CACHE_HOME'] = path.join(folder, 'cache');
});
afterEach(() => {
	if (cacheHome === undefined) delete process.env['XDG_CACHE_HOME'];
	else process.env['XDG_CACHE_HOME'] = cacheHome;
});

/** Reads the post as a reader's first reading does, and keeps it as its exit does. */
function readAndKeep(file: string): Essay {
	const essay = loadEssay(file, {withQuizzes: false});
	keepPostSnapshot(essay, () => [{section: 0, width: 80, isColor: false, hasLinks: false, lines: ['the cover']}], () => unchangedTextBytes(file, essay.id));
	return essay;
}

/** Opens the post again as the reader does, counting the parts of its file read. */
function openAgain(file: string): {essay: Essay; reads: () => number} {
	let reads = 0;
	const essay = loadEssay(file, {
		withQuizzes: false,
		parsedBefore: (id, text) => {
			const snapshot = readPostSnapshot(id);
			const counted: FileText = {...text, part: (start, end) => (reads++, text.part(start, end)), close: () => text.close()};
			return snapshot && postEssay(snapshot, counted);
		},
	});
	return {essay, reads: () => reads};
}

describe('a long post opened again', () => {
	it('reads a section from its file only when it is asked for, and each the same as the first reading', () => {
		const file = path.join(folder, 'long.md');
		writeFileSync(file, LONG);
		const first = readAndKeep(file);
		const snapshot = readPostSnapshot(first.id);
		expect(snapshot?.text?.sections).toHaveLength(first.sections.length);
		expect(snapshot?.text?.hasShortcode).toBe(true);

		const {essay, reads} = openAgain(file);
		expect(essay.id).toBe(first.id);
		expect(essay.sections.map((section) => section.title)).toEqual(first.sections.map((section) => section.title));
		// Its reading time is known without reading it.
		expect(knownReadingTimeLabel(essay)).toBe(readingTimeLabel(first));
		expect(reads()).toBe(0);

		for (const section of [0, 1, 200, 421]) expect(sectionSource(essay.sections[section] ?? first.sections[0]!)).toBe(sectionSource(first.sections[section]!));
		expect(reads()).toBe(4);
		expect(sectionSource(essay.sections[200]!)).toContain('Part 199 begins.');
		expect(reads()).toBe(4);
	});

	it('gives the thread that draws long sections only the sections it draws', () => {
		const file = path.join(folder, 'long.md');
		writeFileSync(file, LONG);
		const first = readAndKeep(file);
		const {essay, reads} = openAgain(file);
		const shaped = forWorker(essay);
		// The thread starts with a copy of the essay.
		structuredClone(shaped.essay);
		expect(reads()).toBe(0);
		const job = shaped.job({section: 7, width: 80, toggled: []});
		expect(job.markdown).toBe(`## Part 6\n${sectionSource(first.sections[7]!)}`);
		expect(reads()).toBe(1);
	});

	it('goes on reading the file it opened when another is saved in its place, and never a file written since', () => {
		const file = path.join(folder, 'long.md');
		writeFileSync(file, LONG);
		const first = readAndKeep(file);
		const {essay} = openAgain(file);
		expect(sectionSource(essay.sections[3]!)).toContain('Part 2 begins.');

		// Saved as editors save: a new file renamed over the old one.
		writeFileSync(`${file}.new`, LONG.replace('Part 100 begins.', 'Part 100 was rewritten.'));
		renameSync(`${file}.new`, file);
		expect(sectionSource(essay.sections[101]!)).toBe(sectionSource(first.sections[101]!));

		// Written in place: what was not read yet is not shown, and the reader is told why.
		readAndKeep(file);
		const {essay: again} = openAgain(file);
		expect(sectionSource(again.sections[101]!)).toContain('Part 100 was rewritten.');
		expect(sectionSource(again.sections[5]!)).toContain('Part 4 begins.');
		appendFileSync(file, '\nOne more line.\n');
		expect(sectionSource(again.sections[5]!)).toContain('Part 4 begins.');
		expect(sectionSource(again.sections[300]!)).toBe("*This part of the post is not shown: the post's file changed after it was opened. Open the post again to read it as it is now.*");

		// Opened once more, it is the file as it is now.
		expect(sectionSource(openAgain(file).essay.sections.at(-1)!)).toContain('One more line.');
	});
});
