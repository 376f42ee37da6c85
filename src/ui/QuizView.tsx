import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {numberedChoices, type Question} from '../essay/quiz.js';

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
	/** Draws one choice: the same lines the first paint shows (src/render/quiz.ts). */
	readonly renderChoice: (label: string, isSelected: boolean, width: number) => readonly string[];
	readonly onAnswer: (choice: number) => void;
}

function NoIndicator() {
	return null;
}

/**
 * A question waiting for an answer. Its select input owns ↑/↓, j/k, digits and Enter; the reader's
 * key table for questions gives those keys no action, so no key does two things.
 */
export function QuizView({question, id, header, limit, height, margin, width, renderChoice, onAnswer}: QuizViewProps) {
	// The pointer is part of each choice's lines, so the select input's own indicator draws nothing.
	const Choice = ({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) => <Text>{renderChoice(label, isSelected, width).join('\n')}</Text>;
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
					indicatorComponent={NoIndicator}
					itemComponent={Choice}
					onSelect={(item) => onAnswer(item.value)}
				/>
			</Box>
		</Box>
	);
}
