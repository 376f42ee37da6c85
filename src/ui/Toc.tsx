import {Box, Text} from 'ink';
import {theme} from '../theme.js';
import {copy} from './copy.js';

/** Props of the table of contents. */
export interface TocProps {
	readonly titles: readonly string[];
	/** The section being read. */
	readonly current: number;
	/** The highlighted entry. */
	readonly cursor: number;
	readonly height: number;
	readonly margin: number;
}

/** The sections of the essay, numbered as the digit keys number them, scrolled to keep the cursor in view. */
export function Toc({titles, current, cursor, height, margin}: TocProps) {
	const rows = Math.max(1, height - 2);
	const start = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), Math.max(0, titles.length - rows));
	const numberWidth = String(titles.length).length;
	return (
		<Box height={height} flexDirection="column" overflow="hidden" paddingLeft={margin}>
			<Text bold color={theme.heading}>
				{copy.tocTitle}
			</Text>
			<Text> </Text>
			{titles.slice(start, start + rows).map((title, offset) => {
				const index = start + offset;
				const isCursor = index === cursor;
				const marker = isCursor ? copy.cursorMarker : ' ';
				const here = index === current ? ` ${copy.currentMarker}` : '';
				const label = index === 0 ? `${title} (${copy.coverLabel})` : title;
				return (
					<Text key={index} wrap="truncate-end" inverse={isCursor} color={isCursor ? theme.accent : undefined}>
						{`${marker} ${String(index + 1).padStart(numberWidth)}  ${label}${here}`}
					</Text>
				);
			})}
		</Box>
	);
}
