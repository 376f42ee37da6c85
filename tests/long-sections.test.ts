// A section that takes seconds to draw (a table of 150,000 rows) is drawn away from the reader: its
// page says so meanwhile, every key is answered (Ctrl+C at once), and it then reads like any other.
// Each test drives the built program in a real terminal.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, keys, newStateHome, ptySessions} from './helpers/pty.js';

const start = ptySessions();
const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-long-'));

/** An essay whose second section is one table of `rows` rows, `r0` to `r<rows-1>`. */
function tableEssay(name: string, rows: number): string {
	const file = path.join(dir, name);
	const body = Array.from({length: rows}, (_, row) => `| r${row} | cell ${row} | x |`).join('\n');
	writeFileSync(file, `# Long table\n\nThe cover.\n\n## Table\n\n| a | b | c |\n|---|---|---|\n${body}\n\n## After\n\nThe end.\n`);
	return file;
}

const DRAWING = 'Drawing this long section';
/** Takes this machine seconds to draw: every key below is answered long before. */
const huge = tableEssay('huge.md', 150_000);
/** Drawn in about a second: for reading it once drawn. */
const long = tableEssay('long.md', 20_000);

describe('a section that takes seconds to draw', () => {
	it('shows that it is being drawn, and answers keys meanwhile', async () => {
		const session = start([huge, '--section', '2'], {columns: 80, rows: 24});
		await session.waitFor(DRAWING, 10_000);
		session.write('?');
		await session.waitFor('Keys');
		session.write('q');
		await session.waitFor((text) => text.includes(DRAWING) && !text.includes('Keys'));
		session.write(keys.right);
		await session.waitFor('The end.');
		session.write(keys.left);
		await session.waitFor((text) => text.includes('Table') && !text.includes('The end.'));
		// The screens above were drawn before any row of the table: the keys did not wait for it.
		const output = session.output();
		expect(output.indexOf('The end.')).toBeGreaterThan(-1);
		const firstRow = output.indexOf('r0 ');
		expect(firstRow === -1 || firstRow > output.indexOf('The end.')).toBe(true);
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);
	});

	it('lets Ctrl+C quit while it is drawn, with the terminal put back', async () => {
		const session = start([huge, '--section', '2'], {columns: 80, rows: 24});
		await session.waitFor(DRAWING, 10_000);
		session.write(keys.ctrlC);
		const result = await session.exited(5000);
		expectTerminalRestored(session, result.stty);
		expect(session.output()).not.toContain('r149999');
	});

	it('then reads like any other section: to its end, searched, and resumed where the reader left it', async () => {
		const stateHome = newStateHome();
		const session = start([long], {columns: 80, rows: 24, stateHome});
		await session.waitFor('The cover.', 10_000);
		session.write(keys.right);
		await session.waitFor('r0 ', 30_000);
		session.write('G');
		await session.waitFor('r19999');
		session.write('g/r10000\r');
		await session.waitFor((text) => /r10000 /.test(text) && /match 1 of 1/.test(text), 30_000);
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);

		const again = start([long], {columns: 80, rows: 24, stateHome});
		// Back in the middle of the table, once it is drawn, not at its top.
		await again.waitFor((text) => /r(9\d{3}|10\d{3}) /.test(text), 30_000);
		expect(again.text()).not.toContain('r0 ');
		again.write('q');
		expect((await again.exited(5000)).code).toBe(0);
	});
});

describe('a section drawn in its own thread', () => {
	it('looks exactly as it would drawn by the reader: cell for cell, emoji, tables, code, callouts and links', async () => {
		const rich = [
			'Some **bold**, *italic*, ~~struck~~ and `code` with a [link](https://example.com) and &amp; &eacute; &#x1F600;.',
			':coffee: and :material-check: and a footnote.[^1]',
			'!!! tip "A tip with **markdown**"\n\n    Inside the callout, a list:\n\n    - one\n    - two',
			'??? warning "Closed until opened"\n\n    Hidden text.',
			'| Column | Wide | Notes |\n| --- | :---: | ---: |\n| a | 日本語 | a long note that makes the table wider than the terminal shows at once |\n| b | 😀 | short |',
			'```python\ndef f(x):\n\treturn x  # a tab before return\n```',
			'1. First\n2. Second\n   - nested with a line long enough to wrap across the width of the terminal window\n3. Third\n\n- [x] done\n- [ ] to do',
			'> A quote that is long enough to wrap across more than one line of a narrow terminal.',
			'=== "Tab one"\n\n    In the first tab.\n\n=== "Tab two"\n\n    In the second tab.',
			'Term\n:   Its definition.',
			...Array.from({length: 8}, (_, index) => `Closing paragraph ${index} with words enough to take a line or two of the screen at this width.`),
		].join('\n\n');
		const padding = Array.from({length: 800}, (_, index) => `Padding paragraph ${index} of a section long enough for a thread of its own.`).join('\n\n');
		const file = path.join(dir, 'same-look.md');
		writeFileSync(file, `# Same look\n\nThe cover.\n\n## Rich\n\n${rich}\n\n## Rich\n\n${rich}\n\n${padding}\n\n[^1]: The footnote.\n`);
		const session = start([file, '--section', '2'], {columns: 80, rows: 60, env: {FORCE_HYPERLINK: '1'}});
		await session.waitFor('section 2 of 3');
		const short = session.cells().slice(0, -1);
		session.write(keys.right);
		await session.waitFor((text) => text.includes('section 3 of 3') && text.includes('Some bold') && !text.includes(DRAWING), 20_000);
		expect(session.output()).toContain(DRAWING);
		expect(session.cells().slice(0, -1)).toEqual(short);
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);
	});
});

describe('an essay of megabytes', () => {
	it('opens at its cover without waiting to count its words, and shows its reading time once they are counted', async () => {
		const file = path.join(dir, 'megabytes.md');
		const chapter = (index: number) => `## Part ${index}\n\n${'Words to read in this part of it. '.repeat(300)}\n`;
		writeFileSync(file, `# Megabytes of text\n\nThe cover.\n\n${Array.from({length: 300}, (_, index) => chapter(index)).join('\n')}`);
		const session = start([file], {columns: 80, rows: 24});
		await session.waitFor(/about [\d,]+ min read/, 20_000);
		// The first screen came before the count: the cover was drawn again with it.
		const output = session.output();
		expect(output.indexOf('The cover.')).toBeGreaterThan(-1);
		expect(output.indexOf('The cover.')).toBeLessThan(output.indexOf('min read'));
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);
	});
});

describe('an essay of megabytes whose cover is long', () => {
	it('shows the reading time on the cover drawn in the background', async () => {
		const file = path.join(dir, 'long-cover.md');
		const rows = Array.from({length: 3000}, (_, row) => `| c${row} | cell ${row} | x |`).join('\n');
		const chapter = (index: number) => `## Part ${index}\n\n${'Words to read in this part of it. '.repeat(300)}\n`;
		writeFileSync(file, `# A long cover\n\n| a | b | c |\n|---|---|---|\n${rows}\n\n${Array.from({length: 150}, (_, index) => chapter(index)).join('\n')}`);
		const session = start([file], {columns: 80, rows: 24});
		await session.waitFor((text) => text.includes('c0 ') && /about [\d,]+ min read/.test(text), 20_000);
		session.write('q');
		expect((await session.exited(5000)).code).toBe(0);
	});
});
