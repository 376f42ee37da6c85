import {Box, Text} from 'ink';

/** Props of a text page. */
export interface PageViewProps {
	/** The page's rendered lines, already wrapped to the text column. */
	readonly lines: readonly string[];
	readonly scroll: number;
	readonly height: number;
	/** Blank columns left of the text column. */
	readonly margin: number;
	/** Line `index` of the page with its search matches marked. */
	readonly highlight?: (index: number) => string;
}

/** The visible slice of a page: only `height` lines are drawn, however long the page. */
export function PageView({lines, scroll, height, margin, highlight}: PageViewProps) {
	const indent = ' '.repeat(margin);
	const visible = lines
		.slice(scroll, scroll + height)
		.map((line, row) => (line === '' ? '' : indent + (highlight ? highlight(scroll + row) : line)));
	// No overflow="hidden": every line already fits the column (src/render/wrap.ts) and only `height`
	// of them are drawn, and clipping would cut each line again on every frame.
	return (
		<Box height={height} flexDirection="column">
			<Text>{visible.join('\n')}</Text>
		</Box>
	);
}
