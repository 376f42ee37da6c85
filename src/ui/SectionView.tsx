import {Box, Text} from 'ink';

/** Props of the section view. */
export interface SectionViewProps {
	/** The section's rendered lines, already wrapped to the text column. */
	readonly lines: readonly string[];
	readonly scroll: number;
	readonly height: number;
	/** Blank columns left of the text column. */
	readonly margin: number;
}

/** The visible slice of a section: only `height` lines are drawn, however long the section. */
export function SectionView({lines, scroll, height, margin}: SectionViewProps) {
	const indent = ' '.repeat(margin);
	const visible = lines.slice(scroll, scroll + height).map((line) => (line === '' ? '' : indent + line));
	return (
		<Box height={height} flexDirection="column" overflow="hidden">
			<Text>{visible.join('\n')}</Text>
		</Box>
	);
}
