import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {keys, newStateHome, ptySessions, type PtySession} from './helpers/pty.js';

const start = ptySessions();

/** The answers saved in a state folder, per quiz. */
function savedAnswers(stateHome: string): Array<Array<number | null>> {
	const folder = path.join(stateHome, 'mle-essay');
	const file = readdirSync(folder).find((name) => name.endsWith('.json'));
	if (!file) throw new Error('nothing saved');
	return (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {answers: Array<Array<number | null>>}).answers;
}

/** Answers the question on screen with a digit and waits for its feedback. */
async function answer(session: PtySession, question: string, digit: string, feedback: string): Promise<void> {
	await session.waitFor(question);
	session.write(digit);
	await session.waitFor(feedback);
}

describe('from the cover to the summary by keyboard', () => {
	it('reads pattern 1, answers its quiz with feedback, goes through pattern 2 and its quiz to the right score', async () => {
		const session = start([], {columns: 100, rows: 32});
		await session.waitFor('section 1 of 3');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
		session.write('G');
		await session.waitFor('traditional machine learning.');
		session.write(keys.right);
		await session.waitFor('Quiz · Machine learning engineers are hired too early');
		await answer(session, 'Comprehension · Question 1 of 3', '3', '✓ Right.');
		session.write(keys.enter);
		await answer(session, 'Comprehension · Question 2 of 3', '1', '✗ Not quite: the answer is 2.');
		session.write(keys.enter);
		await answer(session, 'Reflection · Question 3 of 3', '1', '→ Takeaway: The author thinks');
		session.write(keys.enter);
		await session.waitFor('section 3 of 3');
		session.write(keys.right);
		await session.waitFor('Quiz · Lack of Dedicated Research Teams');
		await answer(session, 'Question 1 of 3', '4', '✓ Right.');
		session.write(keys.enter);
		await answer(session, 'Question 2 of 3', '1', '✓ Right.');
		session.write(keys.enter);
		await answer(session, 'Question 3 of 3', '2', '→ Takeaway: The author thinks');
		session.write(keys.enter);
		await session.waitFor('In total: 3 of 4');
		const summary = session.text();
		expect(summary).toMatch(/Machine learning engineers are hired too early in a company's life cycle: 1\/2/);
		expect(summary).toContain('Lack of Dedicated Research Teams Hinders AI Progress: 2/2');
		expect(summary).toContain('Your answer: The compute budget is too small for training');
		expect(summary).toContain('The answer: There is no data, no objectives and no model');
		session.write('t');
		// A frame may come in more than one chunk: wait for the last entry, not only the heading.
		await session.waitFor((text) => text.includes('Contents') && text.includes('✓ Summary'));
		expect(session.text()).toContain('✓ Quiz · Lack of Dedicated Research Teams');
	});

	it('goes straight from pattern to pattern with --no-quiz', async () => {
		const session = start(['--no-quiz']);
		await session.waitFor('section 1 of 3');
		session.write(keys.right + keys.right);
		await session.waitFor('section 3 of 3');
		expect(session.text()).not.toContain('Reflection');
	});
});

describe('progress survives quitting and interruption', () => {
	it('q and relaunch resume at the same place, with a notice that says how to start over', async () => {
		const stateHome = newStateHome();
		const first = start([], {stateHome, columns: 90, rows: 24});
		await first.waitFor('section 1 of 3');
		first.write(keys.right);
		await first.waitFor('section 2 of 3');
		const heading = first.screen()[0];
		first.write(keys.pageDown);
		await first.waitFor(() => first.screen()[0] !== heading);
		const topLine = first.screen()[0];
		expect(topLine).not.toBe('');
		first.write('q');
		expect((await first.exited()).code).toBe(0);

		const second = start([], {stateHome, columns: 90, rows: 24});
		await second.waitFor('Resumed where you left off');
		expect(second.text()).toContain('--fresh');
		expect(second.screen()[0]).toBe(topLine);
		expect(second.text()).toContain('section 2 of 3');
		// The notice leaves the key hint in view, and goes by itself after a few seconds.
		expect(second.screen().at(-1)).toContain('? help');
		await second.waitFor(() => !second.text().includes('Resumed where you left off'), 10_000);
		expect(second.screen().at(-1)).toContain('Machine learning engineers');
	});

	it('Ctrl+C in the middle of a quiz, then relaunch, resumes at that question with earlier answers kept', async () => {
		const stateHome = newStateHome();
		const first = start(['--section', '2'], {stateHome});
		await first.waitFor('section 2 of 3');
		first.write(keys.right);
		await answer(first, 'Question 1 of 3', '3', '✓ Right.');
		first.write(keys.enter);
		await first.waitFor('Question 2 of 3');
		first.write(keys.ctrlC);
		expect((await first.exited()).code).toBe(130);
		expect(savedAnswers(stateHome)[0]).toEqual([2, null, null]);

		const second = start([], {stateHome});
		await second.waitFor((text) => text.includes('Question 2 of 3') && text.includes('Resumed where you left off'));
		await answer(second, 'Question 2 of 3', '2', '✓ Right.');
		second.write(keys.enter);
		await answer(second, 'Question 3 of 3', '4', '→ Takeaway');
		second.write(keys.left);
		await second.waitFor('section 2 of 3');
		second.write(keys.right);
		await second.waitFor('All 3 questions answered · 2 of 2 right');
	});

	it('--fresh starts from the cover and forgets the answers', async () => {
		const stateHome = newStateHome();
		const first = start(['--section', '2'], {stateHome});
		await first.waitFor('section 2 of 3');
		first.write(keys.right);
		await answer(first, 'Question 1 of 3', '1', '✗ Not quite');
		first.write('q');
		await first.exited();

		const fresh = start(['--fresh'], {stateHome});
		await fresh.waitFor('section 1 of 3');
		expect(fresh.text()).not.toContain('Resumed');
		fresh.write('q');
		await fresh.exited();
		expect(savedAnswers(stateHome)[0]).toEqual([null, null, null]);
	});

	it('reading goes on, with one warning, when progress cannot be saved', async () => {
		const session = start([], {stateHome: '/dev/null/nowhere'});
		await session.waitFor('Progress will not be saved');
		session.write(keys.right);
		await session.waitFor('section 2 of 3');
	});
});

describe('search', () => {
	it('finds a word in another section, highlights it, and n wraps with a notice', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write('/');
		await session.waitFor('/▏');
		session.write('typescript');
		await session.waitFor('/typescript▏');
		session.write(keys.enter);
		await session.waitFor('“typescript”: match 1 of 1');
		expect(session.text()).toContain('section 2 of 3');
		expect(session.text()).toContain('debugging TypeScript build errors');
		// The current match: reverse video, bold and underlined.
		expect(session.cells().join('\n')).toMatch(/\/bur\}TypeScript/);
		session.write('n');
		await session.waitFor('search wrapped to the top');
		session.write(keys.escape);
		await session.waitFor((text) => !text.includes('match 1 of 1'));
		session.write('n');
		await session.waitFor('Question 1 of 3');
	});

	it('finds a phrase where the wrap falls inside it, marks the current match apart, and / Enter repeats', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write('/two dozen engineers');
		await session.waitFor('/two dozen engineers▏');
		session.write(keys.enter);
		await session.waitFor('“two dozen engineers”: match 1 of 1');
		// At 100 columns the line ends after "dozen": both parts are marked as the current match.
		const lines = session.cells().filter((row) => row.includes('bur}'));
		expect(lines.length).toBeGreaterThanOrEqual(1);
		expect(session.cells().join('\n')).toMatch(/bur\}(two )?dozen/);
		session.write(keys.escape);
		await session.waitFor((text) => !text.includes('match 1 of 1'));
		expect(session.cells().join('\n')).not.toMatch(/\/bur\}/);
		session.write('/');
		await session.waitFor('/▏');
		session.write(keys.enter);
		await session.waitFor('“two dozen engineers”: match 1 of 1');
	});

	it('after a search that found nothing, n says so again and Esc does not quit', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write('/zebra');
		await session.waitFor('/zebra▏');
		session.write(keys.enter);
		await session.waitFor('No match for “zebra”');
		session.write('j');
		await session.waitFor((text) => !text.includes('No match'));
		session.write('n');
		await session.waitFor('No match for “zebra”');
		expect(session.text()).toContain('section 1 of 3');
		session.write(keys.escape);
		session.write(keys.escape);
		session.write('t');
		await session.waitFor('Contents');
		expect(session.isAlternateScreen()).toBe(true);
	});
});

describe('a quiz on the smallest screen', () => {
	it('at 40×12 shows the choices that fit, and keeps the verdict in view after answering', async () => {
		const session = start(['--section', '2'], {columns: 40, rows: 12});
		await session.waitFor('Many startups make the mistake');
		session.write(keys.right);
		await session.waitFor('Question 1 of 3');
		const choices = () => session.screen().filter((line) => /^\s*(›\s)?\s*\d\. /.test(line));
		await session.waitFor(() => choices().length >= 3);
		// No empty rows left between the last choice shown and the status bar.
		expect(session.screen().slice(0, -1).at(-1)?.trim()).not.toBe('');
		session.write('1');
		await session.waitFor(/✗ Not quite|✓ Right/);
	});
});

describe('search on a long essay', () => {
	/** A 5 MB essay of 200 sections of the same prose, and `end` after them. */
	const longEssay = async (end = ''): Promise<string> => {
		const {mkdtempSync, writeFileSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const path = await import('node:path');
		const paragraph = 'The quick brown fox jumps over the lazy dog while the team ships another demo. '.repeat(12);
		const sections = Array.from({length: 200}, (_, index) => `## Part ${index + 1}\n\n${Array.from({length: 26}, () => paragraph).join('\n\n')}\n`);
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-long-')), 'long.md');
		writeFileSync(file, `# A very long essay\n\nIntro.\n\n${sections.join('\n')}${end}`);
		return file;
	};

	it('answers at once while the index is built, says how far it got, and finishes the search when it is done', async () => {
		const file = await longEssay();
		const session = start([file], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 201');
		session.write('/zebra');
		await session.waitFor('/zebra▏');
		session.write(keys.enter);
		await session.waitFor(/Searching for “zebra”… \(\d+ of 201 sections so far\)/);
		await session.waitFor('No match for “zebra”.', 20_000);
	});

	it('finds a word in the last section without waiting for the sections before it to be indexed', async () => {
		const file = await longEssay('\n## The end\n\nA zebrafish, once.\n');
		const session = start([file], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 202');
		session.write('/zebrafish\r');
		await session.waitFor(/A zebrafish, once\.[\s\S]*match 1 of 1/, 20_000);
		// The index is still being built: a next match may yet be found, so n waits rather than wrap,
		// and wraps once every section has been searched.
		session.write('n');
		await session.waitFor(/Searching for “zebrafish”… \((\d+) of 202 sections so far\)/);
		const indexed = Number(/\((\d+) of 202 sections so far\)/.exec(session.text())?.[1]);
		expect(indexed).toBeLessThan(202);
		await session.waitFor('match 1 of 1 · search wrapped to the top', 20_000);
	});
});
