import {Text} from 'ink';
import type {ScreenSize} from '../reader/geometry.js';
import type {Styles} from '../render/styles.js';
import {tooSmallLines} from './too-small.js';

/** Shown instead of the essay while the terminal is smaller than the reader needs. */
export function TooSmall({size, styles}: {readonly size: ScreenSize; readonly styles: Styles}) {
	return <Text>{tooSmallLines(size, styles).join('\n')}</Text>;
}
