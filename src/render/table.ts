import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';
import {fitColumns, widestOf} from './columns.js';
import {paint, theme, type Styles} from './styles.js';
import {wrapText} from './wrap.js';

/** How a column's cells sit in it, as the table's delimiter row says (`:--`, `:-:`, `--:`). */
export type Alignment = 'left' | 'center' | 'right' | null;

function place(text: string, width: number, alignment: Alignment): string {
	const room = Math.max(0, width - stringWidth(text));
	if (alignment === 'right') return ' '.repeat(room) + text;
	if (alignment === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
	return text + ' '.repeat(room);
}

/** A table as records: for each row, every cell on its own line after its header, rows apart by a rule. */
function renderRecords(head: readonly string[], rows: ReadonlyArray<readonly string[]>, width: number, styles: Styles): string[] {
	const rule = paint(styles, theme.muted)(styles.box.horizontal.repeat(Math.min(width, 40)));
	const lines: string[] = [];
	rows.forEach((row, rowIndex) => {
		if (rowIndex > 0) lines.push(rule);
		row.forEach((cell, column) => {
			const label = stripAnsi(head[column] ?? '').trim();
			lines.push(...wrapText(`${styles.chalk.bold(label === '' ? `${column + 1}` : label)}: ${cell}`, width));
		});
	});
	return lines;
}

/**
 * Draws a table no wider than `width`: the header in bold, then every row, each cell wrapped inside
 * its column (no text is cut) and placed as its column is aligned. Columns share the width as
 * fitColumns says. Linear in the table's size, however many rows or columns it has.
 */
export function renderTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>, alignments: readonly Alignment[], width: number, styles: Styles): string[] {
	const columns = Math.max(head.length, widestOf(rows.map((row) => row.length)));
	const all = [head.map((cell) => styles.chalk.bold(cell)), ...rows];
	const natural = Array.from({length: columns}, (_, index) =>
		Math.max(1, widestOf(all.map((row) => widestOf((row[index] ?? '').split('\n').map((line) => stringWidth(line)))))),
	);
	// Each width includes a space of padding on either side.
	const inner = fitColumns(natural, width).map((columnWidth) => Math.max(1, columnWidth - 2));
	// A word longer than its column (an address, say) would be cut in two: then each row is drawn as
	// a record of its own, every cell under its header, so nothing is cut.
	const isCut = all.some((row) => row.some((cell, column) => widestOf(stripAnsi(cell).split(/\s+/).map((word) => stringWidth(word))) > (inner[column] ?? 1)));
	if (isCut) return renderRecords(head, rows, width, styles);
	const border = paint(styles, theme.muted);
	const {horizontal, vertical, grid} = styles.box;
	const rule = ([left, middle, right]: readonly [string, string, string]) => border(left + inner.map((cellWidth) => horizontal.repeat(cellWidth + 2)).join(middle) + right);

	const lines = [rule(grid[0])];
	all.forEach((row, rowIndex) => {
		if (rowIndex > 0) lines.push(rule(grid[1]));
		const cells = inner.map((cellWidth, column) => wrapAnsi(row[column] ?? '', cellWidth, {hard: true, trim: true}).split('\n'));
		const height = widestOf(cells.map((cell) => cell.length));
		for (let line = 0; line < height; line++) {
			const parts = cells.map((cell, column) => place(cell[line] ?? '', inner[column] ?? 1, alignments[column] ?? null));
			lines.push(border(vertical) + parts.map((part) => ` ${part} `).join(border(vertical)) + border(vertical));
		}
	});
	lines.push(rule(grid[2]));
	return lines;
}
