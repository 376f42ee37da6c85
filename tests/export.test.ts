import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {summaryMarkdown} from '../src/render/summary-markdown.js';
import {BUNDLED_SOURCE, CLI, ESSAY} from './helpers/paths.js';
import {keys, newStateHome, ptySessions} from './helpers/pty.js';

const start = ptySessions();
const essay = loadEssay(ESSAY, {source: BUNDLED_SOURCE});

describe('the summary as Markdown', () => {
	it('holds the title and link, the date, scores or skipped, each miss with the essay’s sentence, and the reflections', () => {
		const text = summaryMarkdown(essay, [[2, 0, 1], [undefined, undefined, undefined]], new Date('2026-11-26T12:00:00Z'));
		expect(text).toMatch(/^# Summary: Hiring MLEs at early stage companies\n/);
		expect(text).toContain('<https://jxnl.co/writing/2024/04/08/hiring-mle-at-early-stage-companies/> (MIT licence)');
		expect(text).toContain('Read on 2026-11-26.');
		expect(text).toContain("## Machine learning engineers are hired too early in a company's life cycle: 1/2");
		expect(text).toContain('## Lack of Dedicated Research Teams Hinders AI Progress: skipped');
		expect(text).toContain('  - Your answer: The compute budget is too small for training');
		expect(text).toContain('  - The answer: There is no data, no objectives and no model');
		expect(text).toContain('  - The essay: “For me to even consider joining a company at an early stage');
		expect(text).toContain('  - Your answer: We want to hire an MLE now, mainly to strengthen our AI story');
		expect(text).toContain('  - Takeaway: The author only wonders about this');
	});
});

describe('exporting from the reader', () => {
	async function summaryIn(cwd: string, args: readonly string[] = []) {
		const session = start(['--section', '3', ...args], {cwd, stateHome: newStateHome()});
		await session.waitFor('section 3 of 3');
		session.write(keys.right);
		await session.waitFor('Question 1 of 3');
		session.write('s');
		await session.waitFor('In total:');
		return session;
	}

	it('e writes the summary into the current folder and says where; again asks before replacing it', async () => {
		const cwd = mkdtempSync(path.join(tmpdir(), 'mle-essay-export-'));
		const session = await summaryIn(cwd);
		// The terminal may read a frame in more than one chunk: its status bar, the last row, comes last.
		await session.waitFor(() => (session.screen().at(-1) ?? '').includes('e export'));
		session.write('e');
		await session.waitFor('Summary written to');
		const file = path.join(cwd, 'hiring-mle-at-early-stage-companies-summary.md');
		expect(readFileSync(file, 'utf8')).toContain('# Summary: Hiring MLEs at early stage companies');
		writeFileSync(file, 'my notes');
		session.write('e');
		await session.waitFor('exists: press e again to replace it');
		expect(readFileSync(file, 'utf8')).toBe('my notes');
		// Any other key first, and the offer is gone.
		session.write('j');
		await session.waitFor((text) => !text.includes('exists: press e again'));
		session.write('e');
		await session.waitFor('exists: press e again to replace it');
		expect(readFileSync(file, 'utf8')).toBe('my notes');
		session.write('e');
		await session.waitFor('Summary written to');
		expect(readFileSync(file, 'utf8')).toContain('# Summary:');
	});

	it('a write that fails is one line in the status bar, and the reader goes on', async () => {
		const cwd = mkdtempSync(path.join(tmpdir(), 'mle-essay-export-'));
		const session = await summaryIn(cwd, ['--export', '/nonexistent-folder/summary.md']);
		session.write('e');
		await session.waitFor('Could not write /nonexistent-folder/summary.md: no such folder');
		session.write('t');
		await session.waitFor('Contents');
	});
});

describe('mle-essay --export without a terminal', () => {
	it('writes the saved answers’ summary and exits; never over an existing file', async () => {
		const stateHome = newStateHome();
		const first = start(['--section', '2'], {stateHome});
		await first.waitFor('section 2 of 3');
		first.write(keys.right);
		await first.waitFor('Question 1 of 3');
		first.write('1');
		await first.waitFor('✗ Not quite');
		first.write('q');
		await first.exited();

		const dir = mkdtempSync(path.join(tmpdir(), 'mle-essay-export-'));
		const file = path.join(dir, 'summary.md');
		const run = () => spawnSync(process.execPath, [CLI, '--export', file], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, XDG_STATE_HOME: stateHome}});
		const result = run();
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`Summary written to ${file}\n`);
		expect(readFileSync(file, 'utf8')).toContain('  - Your answer: Collecting and cleaning its training data');
		const again = run();
		expect(again.status).toBe(1);
		expect(again.stderr).toBe(`mle-essay: ${file}: already exists: not replaced (remove it, or name another file)\n`);
		expect(existsSync(file)).toBe(true);
	});
});
