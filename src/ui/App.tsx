import {Box, useInput} from 'ink';
import {useEffect, useMemo, useReducer} from 'react';
import type {Essay} from '../essay/types.js';
import {bodyRows, isTooSmall} from '../reader/geometry.js';
import {keyName} from '../reader/keys.js';
import {reducer} from '../reader/reducer.js';
import {initialState, type DocumentShape} from '../reader/state.js';
import {columnLayout} from '../render/layout.js';
import type {SectionLines} from '../render/section-lines.js';
import {copy} from './copy.js';
import {Help} from './Help.js';
import {SectionView} from './SectionView.js';
import {StatusBar} from './StatusBar.js';
import {Toc} from './Toc.js';
import {TooSmall} from './TooSmall.js';
import {useTerminalSize} from './use-terminal-size.js';

/** Props of the reader application. */
export interface AppProps {
	readonly essay: Essay;
	readonly sectionLines: SectionLines;
	/** Section to open at (0 is the cover). */
	readonly initialSection?: number;
	/** Called once when the reader asks to leave, with the exit code (0 for q, 130 for Ctrl+C). */
	readonly onExit: (code: number) => void;
}

/** The interactive reader: picks the screen for the state; all logic lives in the reducer. */
export function App({essay, sectionLines, initialSection = 0, onExit}: AppProps) {
	const size = useTerminalSize();
	const document = useMemo<DocumentShape>(
		() => ({
			sectionCount: essay.sections.length,
			lineCount: (index, columns) => sectionLines.linesOf(index, columnLayout(columns).width).length,
		}),
		[essay, sectionLines],
	);
	const [state, dispatch] = useReducer(reducer, undefined, () => initialState(document, size, initialSection));

	useEffect(() => {
		if (size.columns !== state.screen.columns || size.rows !== state.screen.rows) dispatch({type: 'resize', screen: size});
	}, [size, state.screen]);

	useEffect(() => {
		if (state.exitCode !== undefined) onExit(state.exitCode);
	}, [state.exitCode, onExit]);

	useInput((input, key) => {
		const name = keyName(input, key);
		if (name !== undefined) dispatch({type: 'key', key: name});
	});

	const {screen} = state;
	if (isTooSmall(screen)) {
		return (
			<Box width={screen.columns} height={1}>
				<TooSmall size={screen} />
			</Box>
		);
	}

	const layout = columnLayout(screen.columns);
	const height = bodyRows(screen.rows);
	const section = essay.sections[state.section];
	let body;
	if (state.overlay === 'help') {
		body = <Help scroll={state.helpScroll} height={height} margin={layout.margin} attribution={copy.attribution(essay.title, essay.byline)} />;
	} else if (state.overlay === 'toc') {
		body = (
			<Toc
				titles={essay.sections.map((entry) => entry.title)}
				current={state.section}
				cursor={state.tocCursor}
				height={height}
				margin={layout.margin}
			/>
		);
	} else {
		body = <SectionView lines={sectionLines.linesOf(state.section, layout.width)} scroll={state.scroll} height={height} margin={layout.margin} />;
	}

	return (
		<Box flexDirection="column" width={screen.columns} height={height + 1}>
			{body}
			<StatusBar state={state} sectionTitle={section?.title ?? essay.title} />
		</Box>
	);
}
