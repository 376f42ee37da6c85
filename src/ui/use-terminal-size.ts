import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {ScreenSize} from '../reader/geometry.js';

function read(stdout: NodeJS.WriteStream): ScreenSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, updated on every resize (Ink re-lays out on resize but does not re-render). */
export function useTerminalSize(): ScreenSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = (): void => {
			setSize(read(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
