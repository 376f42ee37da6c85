import type {ScreenSize} from './geometry.js';
import type {KeyName} from './keys.js';

/** Everything that can move the reader. Key handlers dispatch these; nothing else changes state. */
export type Action =
	| {readonly type: 'key'; readonly key: KeyName}
	| {readonly type: 'resize'; readonly screen: ScreenSize}
	| {readonly type: 'scroll'; readonly lines: number}
	| {readonly type: 'page'; readonly direction: 1 | -1}
	| {readonly type: 'top'}
	| {readonly type: 'bottom'}
	| {readonly type: 'advance'}
	| {readonly type: 'nextSection'}
	| {readonly type: 'previousSection'}
	| {readonly type: 'goToSection'; readonly index: number}
	| {readonly type: 'openHelp'}
	| {readonly type: 'openToc'}
	| {readonly type: 'closeOverlay'}
	| {readonly type: 'tocMove'; readonly by: number}
	| {readonly type: 'tocSelect'}
	| {readonly type: 'helpScroll'; readonly lines: number}
	| {readonly type: 'quit'; readonly code: number};

/** The `type` of an action. */
export type ActionType = Action['type'];
