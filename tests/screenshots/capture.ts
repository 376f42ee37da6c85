// Drives the built program in a pseudo-terminal and saves what the terminal shows as SVG images for
// the README: the cover, a pattern, a quiz with its feedback, and the summary. Run `npm run
// screenshots` after changing how anything looks; the images are never drawn by hand.
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Terminal} from '@xterm/headless';
import {keys, spawnCli, type PtySession} from '../helpers/pty.js';

const COLUMNS = 92;
const ROWS = 26;
const CELL_WIDTH = 8.4;
const CELL_HEIGHT = 18;
const DEFAULT_FG = '#d4d4d4';
const DEFAULT_BG = '#1e1e1e';
// The xterm default palette for the 16 standard colours.
const BASE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

function palette(index: number): string {
	if (index < 16) return BASE[index] ?? DEFAULT_FG;
	if (index < 232) {
		const value = index - 16;
		const level = (step: number) => (step === 0 ? 0 : 55 + step * 40);
		const [r, g, b] = [Math.floor(value / 36), Math.floor(value / 6) % 6, value % 6].map(level);
		return `rgb(${r},${g},${b})`;
	}

	const gray = 8 + (index - 232) * 10;
	return `rgb(${gray},${gray},${gray})`;
}

function rgb(value: number): string {
	return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The visible screen of a headless xterm as an SVG document. */
function toSvg(terminal: Terminal, title: string): string {
	const buffer = terminal.buffer.active;
	const cell = buffer.getNullCell();
	const rects: string[] = [];
	const texts: string[] = [];
	for (let row = 0; row < terminal.rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		if (!line) continue;
		// Backgrounds are drawn as one rectangle per run of cells, so no seams show between cells.
		let run: {start: number; end: number; color: string} | undefined;
		const flush = () => {
			if (run && run.color !== DEFAULT_BG) {
				rects.push(`<rect x="${(run.start * CELL_WIDTH).toFixed(1)}" y="${row * CELL_HEIGHT}" width="${((run.end - run.start) * CELL_WIDTH).toFixed(1)}" height="${CELL_HEIGHT}" fill="${run.color}"/>`);
			}

			run = undefined;
		};

		for (let column = 0; column < terminal.cols; column++) {
			line.getCell(column, cell);
			const chars = cell.getChars();
			const width = cell.getWidth();
			if (width === 0) continue;
			let fg = cell.isFgDefault() ? DEFAULT_FG : cell.isFgRGB() ? rgb(cell.getFgColor()) : palette(cell.getFgColor());
			let bg = cell.isBgDefault() ? DEFAULT_BG : cell.isBgRGB() ? rgb(cell.getBgColor()) : palette(cell.getBgColor());
			if (cell.isInverse()) [fg, bg] = [bg, fg];
			const x = (column * CELL_WIDTH).toFixed(1);
			const y = row * CELL_HEIGHT;
			if (run?.color === bg && run.end === column) {
				run.end = column + width;
			} else {
				flush();
				run = {start: column, end: column + width, color: bg};
			}

			if (chars.trim() === '') continue;
			const style = [cell.isBold() ? 'font-weight="bold"' : '', cell.isItalic() ? 'font-style="italic"' : '', cell.isUnderline() ? 'text-decoration="underline"' : '', cell.isDim() ? 'opacity="0.6"' : '']
				.filter(Boolean)
				.join(' ');
			texts.push(`<text x="${x}" y="${y + 13}" fill="${fg}" ${style}>${escapeXml(chars)}</text>`);
		}

		flush();
	}

	const width = (terminal.cols * CELL_WIDTH).toFixed(0);
	const height = terminal.rows * CELL_HEIGHT;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
		`<rect width="100%" height="100%" fill="${DEFAULT_BG}"/>`,
		`<g shape-rendering="crispEdges">`,
		...rects,
		'</g>',
		`<g font-family="'DejaVu Sans Mono','Menlo','Consolas',monospace" font-size="14" xml:space="preserve">`,
		...texts,
		'</g>',
		'</svg>',
		'',
	].join('\n');
}

const folder = fileURLToPath(new URL('.', import.meta.url));

async function shoot(session: PtySession & {terminal?: Terminal}, name: string, title: string): Promise<void> {
	const terminal = session.terminal;
	if (!terminal) throw new Error('the session has no terminal to read');
	writeFileSync(`${folder}${name}.svg`, toSvg(terminal, title));
	process.stdout.write(`tests/screenshots/${name}.svg\n`);
}

const session = spawnCli([], {columns: COLUMNS, rows: ROWS, env: {FORCE_COLOR: '3'}});
await session.waitFor('1/3');
await shoot(session, 'cover', 'The cover: title, byline and the callout');
session.write(keys.right);
await session.waitFor('2/3');
await shoot(session, 'pattern', 'The first pattern');
session.write('G' + keys.right);
await session.waitFor('Question 1 of 3');
session.write('1');
await session.waitFor('Not quite');
await shoot(session, 'quiz', 'A quiz question with its feedback');
for (const [answer, shown] of [['2', 'Question 2 of 3'], ['3', 'Question 3 of 3']] as const) {
	session.write(keys.enter);
	await session.waitFor(shown);
	session.write(answer);
	await session.waitFor(answer === '2' ? 'Not quite' : 'Takeaway');
}

session.write(keys.enter);
await session.waitFor('3/3');
session.write(keys.right);
await session.waitFor('Question 1 of 3');
for (const [answer, next] of [['4', 'Question 2 of 3'], ['1', 'Question 3 of 3'], ['2', '']] as const) {
	session.write(answer);
	await session.waitFor(answer === '2' ? 'Takeaway' : 'Right.');
	session.write(keys.enter);
	if (next !== '') await session.waitFor(next);
}

await session.waitFor('Your reflections');
await shoot(session, 'summary', 'The summary: scores and the takeaways chosen');
session.write('q');
await session.exited();
session.dispose();
