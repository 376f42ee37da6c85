import {Box, Text} from 'ink';
import {usePalette} from './palette.js';
import {copy} from './copy.js';

/** One line of the table of contents: a stop on the reading path. */
export interface TocEntry {
	readonly label: string;
	/** `1`–`9` for sections (what the digit keys jump to), empty for quizzes and the summary. */
	readonly number: string;
	/** ✓ done, ○ still open, or nothing for sections. */
	readonly mark: string;
}

/** Props of the table of contents. */
export interface TocProps {
	readonly entries: readonly TocEntry[];
	/** The stop being read. */
	readonly current: number;
	/** The highlighted entry. */
	readonly cursor: number;
	readonly height: number;
	readonly margin: number;
	/** Beside the title: how long the essay takes to read. */
	readonly readingTime: string;
}

/** Every stop on the reading path, numbered as the digit keys number sections, scrolled to keep the cursor in view. */
export function Toc({entries, current, cursor, height, margin, readingTime}: TocProps) {
	const palette = usePalette();
	const rows = Math.max(1, height - 2);
	const start = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), Math.max(0, entries.length - rows));
	const numberWidth = entries.reduce((widest, entry) => Math.max(widest, entry.number.length), 1);
	return (
		<Box height={height} flexDirection="column" overflow="hidden" paddingLeft={margin}>
			<Text wrap="truncate-end">
				<Text bold color={palette.heading}>
					{copy.tocTitle}
				</Text>
				<Text color={palette.muted}>{` · ${readingTime}`}</Text>
			</Text>
			<Text> </Text>
			{entries.slice(start, start + rows).map((entry, offset) => {
				const index = start + offset;
				const isCursor = index === cursor;
				const marker = isCursor ? copy.cursorMarker : ' ';
				const here = index === current ? ` ${copy.currentMarker}` : '';
				const mark = entry.mark === '' ? '' : `${entry.mark} `;
				return (
					<Text key={index} wrap="truncate-end" inverse={isCursor} color={isCursor ? palette.accent : undefined}>
						{`${marker} ${entry.number.padStart(numberWidth)}  ${mark}${entry.label}${here}`}
					</Text>
				);
			})}
		</Box>
	);
}
