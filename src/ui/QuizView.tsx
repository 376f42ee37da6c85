import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import type {Question} from '../essay/quiz.js';
import type {Action} from '../reader/actions.js';
import {resolveKey} from '../reader/key-bindings.js';
import {keyName} from '../reader/keys.js';

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
	readonly onAction: (action: Action) => void;
}

/**
 * A question waiting for an answer. The select input owns ↑/↓, j/k, digits and Enter; the reader's
 * key handler is off, and this one passes on only the keys the question table gives an action
 * (back, skip, contents, help, quit), so no key does two things.
 */
export function QuizView({question, id, header, height, margin, width, onAnswer, onAction}: QuizViewProps) {
	useInput((input, key) => {
		const action = resolveKey('question', keyName(input, key));
		if (action) onAction(action);
	});
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
