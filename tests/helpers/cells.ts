import xterm, {type IBufferCell} from '@xterm/headless';

const {Terminal} = xterm;

type Emulator = InstanceType<typeof Terminal>;

/** The attributes of a cell a reader can see: colours and every text attribute. */
function attributes(cell: IBufferCell): string {
	const flags = [
		cell.isBold() ? 'b' : '',
		cell.isDim() ? 'd' : '',
		cell.isItalic() ? 'i' : '',
		cell.isUnderline() ? 'u' : '',
		cell.isInverse() ? 'r' : '',
		cell.isStrikethrough() ? 's' : '',
	].join('');
	return `${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}/${flags}`;
}

/**
 * The visible screen cell by cell, one string per row: runs of text each preceded by their attributes
 * in braces, so two screens compare equal only when they show the same characters in the same styles.
 */
export function cellRows(terminal: Emulator): string[] {
	const buffer = terminal.buffer.active;
	const rows: string[] = [];
	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		let row = '';
		let previous = '';
		for (let x = 0; x < terminal.cols; x++) {
			const cell = line?.getCell(x);
			if (!cell) break;
			if (cell.getWidth() === 0) continue;
			const style = attributes(cell);
			if (style !== previous) row += `{${style}}`;
			previous = style;
			row += cell.getChars() || ' ';
		}

		rows.push(row);
	}

	return rows;
}

/** The screen a terminal of this size shows after `data` (a program's output) is written to it. */
export async function replay(data: string, columns: number, rows: number): Promise<string[]> {
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
	try {
		await new Promise<void>((resolve) => terminal.write(data, resolve));
		return cellRows(terminal);
	} finally {
		terminal.dispose();
	}
}
