import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {Question} from '../essay/quiz.js';

/** Props of a quiz question. */
export interface QuizViewProps {
	readonly question: Question;
	/** Identifies the question, so the highlight starts on the first choice for each new one. */
	readonly id: string;
	/** Title, position and prompt, rendered to the text column. */
	readonly header: readonly string[];
	readonly height: number;
	readonly margin: number;
	readonly width: number;
	readonly onAnswer: (choice: number) => void;
}

/**
 * A question waiting for an answer. Its select input owns ↑/↓, j/k, digits and Enter; the reader's
 * key table for questions gives those keys no action, so no key does two things.
 */
export function QuizView({question, id, header, height, margin, width, onAnswer}: QuizViewProps) {
	const items = question.choices.map((choice, index) => ({
		key: String(index),
		label: `${index + 1}. ${typeof choice === 'string' ? choice : choice.text}`,
		value: index,
	}));
	return (
		<Box height={height} flexDirection="column" overflow="hidden" paddingLeft={margin} width={margin + width}>
			<Text>{header.join('\n')}</Text>
			<Text> </Text>
			<SelectInput key={id} items={items} onSelect={(item) => onAnswer(item.value)} />
		</Box>
	);
}
