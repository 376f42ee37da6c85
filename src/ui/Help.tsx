import {Box, Text} from 'ink';
import {helpLines} from '../reader/key-bindings.js';
import {usePalette} from './palette.js';

/** Props of the help screen. */
export interface HelpProps {
	readonly scroll: number;
	readonly height: number;
	readonly margin: number;
	/** Who wrote the essay, shown under the keys. */
	readonly attribution: string;
}

/** Width of the key column: the longest keys, indented, and two spaces. */
const KEY_COLUMN = Math.max(...helpLines('').map((line) => (line.kind === 'key' ? line.keys.length : 0))) + 4;

/** Every key binding, generated from the key table, scrolled to `scroll`. */
export function Help({scroll, height, margin, attribution}: HelpProps) {
	const palette = usePalette();
	const lines = helpLines(attribution).slice(scroll, scroll + height);
	return (
		<Box height={height} flexDirection="column" overflow="hidden" paddingLeft={margin}>
			{lines.map((line, index) => {
				const key = `${scroll + index}`;
				switch (line.kind) {
					case 'title':
						return (
							<Text key={key} bold color={palette.heading}>
								{line.text}
							</Text>
						);
					case 'key':
						return (
							<Text key={key} wrap="truncate-end">
								<Text color={palette.accent}>{`  ${line.keys}`.padEnd(KEY_COLUMN)}</Text>
								{line.description}
							</Text>
						);
					case 'text':
						return (
							<Text key={key} color={palette.muted} wrap="truncate-end">
								{line.text}
							</Text>
						);
					case 'blank':
						return <Text key={key}> </Text>;
				}
			})}
		</Box>
	);
}
