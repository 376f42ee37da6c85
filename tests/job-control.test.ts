import {describe, expect, it} from 'vitest';
import {expectTerminalRestored, newStateHome, ptySessions, type PtySession} from './helpers/pty.js';

const start = ptySessions();

const CTRL_Z = '\u001A';

/** Stops the reader one way or another, and checks the shell has its terminal back as it was. */
async function expectStopped(session: PtySession): Promise<void> {
	// The shell goes on with the rest of the command line once the job has stopped: that reports.
	const {code, stty} = await session.exited();
	expect(code).toBe(148);
	expect(session.text()).toMatch(/Stopped/);
	expectTerminalRestored(session, stty);
}

async function expectResumedAt(session: PtySession, columns: number): Promise<void> {
	session.typeLine('fg');
	await session.waitFor(() => session.isAlternateScreen() && (session.screen().at(-1) ?? '').includes('section 1 of 3'));
	// Drawn again, whole, at the size the terminal has now.
	await session.waitFor((text) => text.includes('Hiring MLEs at early stage companies') && text.includes('As a consultant'));
	expect(session.screen().every((line) => line.length <= columns)).toBe(true);
	expect(session.screen()[0]).toContain('Hiring MLEs at early stage companies');
	// And it answers keys at once.
	session.write('j');
	await session.waitFor(() => !(session.screen()[0] ?? '').includes('Hiring MLEs'));
	session.write('q');
	await session.waitFor(() => !session.isAlternateScreen());
	expect(session.isCursorVisible()).toBe(true);
}

describe('job control, as less and vim do it', () => {
	it('Ctrl+Z hands the shell its screen, cursor and line editing; fg redraws at the new size and answers keys', async () => {
		const session = start([], {columns: 100, rows: 30});
		await session.waitFor('section 1 of 3');
		session.write(CTRL_Z);
		await expectStopped(session);
		session.resize(70, 16);
		await expectResumedAt(session, 70);
	});

	it('Ctrl+Z works on a quiz question too, where the select input has the keys', async () => {
		const session = start(['--section', '2'], {columns: 100, rows: 30});
		await session.waitFor('section 2 of 3');
		session.write('\u001B[C');
		await session.waitFor('Question 1 of 3');
		session.write(CTRL_Z);
		await expectStopped(session);
		session.typeLine('fg');
		await session.waitFor(() => session.isAlternateScreen() && session.text().includes('Question 1 of 3'));
		session.write('2');
		await session.waitFor(/✓|✗/);
	});

	it('a reader stopped and then killed keeps the place it had: it is saved before stopping', async () => {
		const stateHome = newStateHome();
		const session = start([], {columns: 100, rows: 30, stateHome});
		await session.waitFor('section 1 of 3');
		session.write('\u001B[C');
		await session.waitFor('section 2 of 3');
		session.write(CTRL_Z);
		await expectStopped(session);
		session.signal('SIGKILL');
		const again = start([], {columns: 100, rows: 30, stateHome});
		await again.waitFor((text) => text.includes('section 2 of 3') && text.includes('Resumed where you left off'));
		again.write('q');
		expect((await again.exited()).code).toBe(0);
	});

	it('a SIGTSTP from outside (kill -TSTP) stops it the same way', async () => {
		const session = start([], {columns: 90, rows: 16});
		await session.waitFor('section 1 of 3');
		session.signal('SIGTSTP');
		await expectStopped(session);
		await expectResumedAt(session, 90);
	});
});

describe('without job control', () => {
	it('Ctrl+Z cannot stop the reader, so it comes straight back and goes on', async () => {
		const session = start([], {columns: 90, rows: 16, before: 'set +m; seq 3'});
		await session.waitFor('section 1 of 3');
		session.write(CTRL_Z);
		await session.waitFor(() => session.isAlternateScreen() && (session.screen().at(-1) ?? '').includes('section 1 of 3'));
		session.write('\u001B[C');
		await session.waitFor('section 2 of 3');
		session.write('q');
		const {code, stty} = await session.exited();
		expect(code).toBe(0);
		expectTerminalRestored(session, stty);
	});
});
