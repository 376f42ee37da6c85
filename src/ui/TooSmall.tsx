import {Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS, type ScreenSize} from '../reader/geometry.js';
import {theme} from '../theme.js';
import {copy} from './copy.js';

/** The one line shown instead of the essay while the terminal is smaller than the reader needs. */
export function TooSmall({size}: {readonly size: ScreenSize}) {
	return (
		<Text color={theme.warning} wrap="truncate-end">
			{copy.tooSmall(size.columns, size.rows, MIN_COLUMNS, MIN_ROWS)}
		</Text>
	);
}
