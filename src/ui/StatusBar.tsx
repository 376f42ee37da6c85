import {Box, Text} from 'ink';
import type {ReaderState} from '../reader/state.js';
import {statusLine, statusParts} from './status.js';

/** Props of the status bar. */
export interface StatusBarProps {
	readonly state: ReaderState;
	readonly sectionTitle: string;
}

/** One inverse line: where the reader is, how far through, and how to get help. */
export function StatusBar({state, sectionTitle}: StatusBarProps) {
	const {left, right} = statusLine(statusParts(state, sectionTitle), state.screen.columns);
	return (
		<Box height={1} width={state.screen.columns}>
			<Text inverse wrap="truncate-end">
				<Text bold>{left}</Text>
				{right}
			</Text>
		</Box>
	);
}
