import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {numberedChoices, type Question} from '../essay/quiz.js';
import {theme} from '../theme.js';
import {copy} from './copy.js';

/** Props of a quiz question. */
export interface QuizViewProps {
	readonly question: Question;
	/** Identifies the question, so the highlight starts on the first choice for each new one. */
	readonly id: string;
	/** Title, position and prompt, rendered to the text column and fitted to the height. */
	readonly header: readonly string[];
	/** How many choices to show at once, when they do not all fit. */
	readonly limit: number | undefined;
	readonly height: number;
	readonly margin: number;
	readonly width: number;
	readonly onAnswer: (choice: number) => void;
}

/** The highlight pointer: never squeezed, so choices stay aligned on narrow screens. */
function Pointer({isSelected = false}: {readonly isSelected?: boolean}) {
	return (
		<Box marginRight={1} flexShrink={0}>
			<Text color={theme.accent}>{isSelected ? copy.cursorMarker : ' '}</Text>
		</Box>
	);
}

/** A choice: highlighted in the accent colour and bold, so it reads without colour too (with the pointer). */
function Choice({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return (
		<Text color={isSelected ? theme.accent : undefined} bold={isSelected}>
			{label}
		</Text>
	);
}

/**
 * A question waiting for an answer. Its select input owns ↑/↓, j/k, digits and Enter; the reader's
 * key table for questions gives those keys no action, so no key does two things.
 */
export function QuizView({question, id, header, limit, height, margin, width, onAnswer}: QuizViewProps) {
	const items = numberedChoices(question).map((label, index) => ({key: String(index), label, value: index}));
	return (
		<Box height={height} flexDirection="column" overflow="hidden" paddingLeft={margin} width={margin + width}>
			<Box flexShrink={0}>
				<Text>{header.join('\n')}</Text>
			</Box>
			<Box flexShrink={0}>
				<SelectInput
					key={id}
					items={items}
					limit={limit}
					indicatorComponent={Pointer}
					itemComponent={Choice}
					onSelect={(item) => onAnswer(item.value)}
				/>
			</Box>
		</Box>
	);
}
