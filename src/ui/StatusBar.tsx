import {Box, Text} from 'ink';
import type {Essay} from '../essay/types.js';
import type {ReaderState} from '../reader/state.js';
import {statusLine, statusParts} from './status.js';

/** Props of the status bar. */
export interface StatusBarProps {
	readonly state: ReaderState;
	readonly essay: Essay;
}

/** One inverse line: where the reader is, how far through, and the keys that matter here. */
export function StatusBar({state, essay}: StatusBarProps) {
	const {left, right} = statusLine(statusParts(state, essay), state.screen.columns);
	return (
		<Box height={1} width={state.screen.columns}>
			<Text inverse wrap="truncate-end">
				<Text bold>{left}</Text>
				{right}
			</Text>
		</Box>
	);
}
