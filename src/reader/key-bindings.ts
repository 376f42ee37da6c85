import type {Action} from './actions.js';
import {keyLabel, type KeyName} from './keys.js';

/** Which key table is live: one at a time, so a key never does two things. */
export type KeyContext = 'reader' | 'toc' | 'help' | 'tooSmall';

/** One command: the keys that trigger it, what it does, and how the help screen describes it. */
export interface KeyBinding {
	readonly keys: readonly KeyName[];
	/** The action to dispatch; a function when it depends on which key was pressed. */
	readonly action: Action | ((key: KeyName) => Action);
	readonly description: string;
	/** Shown as `1–9` instead of listing every key. */
	readonly label?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

const quit: KeyBinding = {keys: ['q'], action: {type: 'quit', code: 0}, description: 'quit'};
const interrupt: KeyBinding = {keys: ['ctrl+c'], action: {type: 'quit', code: 130}, description: 'quit from anywhere'};

/**
 * Every key the reader understands, by context. The help screen and status-bar hints are generated
 * from this table, so they always match what the keys do.
 */
export const keyBindings: Readonly<Record<KeyContext, readonly KeyBinding[]>> = {
	reader: [
		{keys: ['right', 'l', 'n'], action: {type: 'nextSection'}, description: 'next section'},
		{keys: ['left', 'h', 'p'], action: {type: 'previousSection'}, description: 'previous section'},
		{keys: ['down', 'j'], action: {type: 'scroll', lines: 1}, description: 'scroll down a line'},
		{keys: ['up', 'k'], action: {type: 'scroll', lines: -1}, description: 'scroll up a line'},
		{keys: ['space'], action: {type: 'advance'}, description: 'page down; at the bottom, next section'},
		{keys: ['pagedown'], action: {type: 'page', direction: 1}, description: 'page down'},
		{keys: ['pageup', 'b'], action: {type: 'page', direction: -1}, description: 'page up'},
		{keys: ['g', 'home'], action: {type: 'top'}, description: 'top of the section'},
		{keys: ['G', 'end'], action: {type: 'bottom'}, description: 'bottom of the section'},
		{
			keys: DIGITS,
			label: '1–9',
			action: (key) => ({type: 'goToSection', index: Number(key) - 1}),
			description: 'jump to section N (the cover is 1)',
		},
		{keys: ['t'], action: {type: 'openToc'}, description: 'table of contents'},
		{keys: ['?'], action: {type: 'openHelp'}, description: 'this help'},
		{keys: ['q', 'escape'], action: {type: 'quit', code: 0}, description: 'quit'},
		interrupt,
	],
	toc: [
		{keys: ['down', 'j'], action: {type: 'tocMove', by: 1}, description: 'next entry'},
		{keys: ['up', 'k'], action: {type: 'tocMove', by: -1}, description: 'previous entry'},
		{keys: ['home', 'g'], action: {type: 'tocMove', by: -Infinity}, description: 'first entry'},
		{keys: ['end', 'G'], action: {type: 'tocMove', by: Infinity}, description: 'last entry'},
		{keys: ['enter', 'right', 'l'], action: {type: 'tocSelect'}, description: 'open the entry'},
		{
			keys: DIGITS,
			label: '1–9',
			action: (key) => ({type: 'goToSection', index: Number(key) - 1}),
			description: 'open section N',
		},
		{keys: ['escape', 't'], action: {type: 'closeOverlay'}, description: 'close'},
		quit,
		interrupt,
	],
	help: [
		{keys: ['down', 'j'], action: {type: 'helpScroll', lines: 1}, description: 'scroll down'},
		{keys: ['up', 'k'], action: {type: 'helpScroll', lines: -1}, description: 'scroll up'},
		{keys: ['escape', '?'], action: {type: 'closeOverlay'}, description: 'close'},
		quit,
		interrupt,
	],
	tooSmall: [quit, interrupt],
};

/** The action a key triggers in a context, or undefined when the key means nothing there. */
export function resolveKey(context: KeyContext, key: KeyName | undefined): Action | undefined {
	if (key === undefined) return undefined;
	const binding = keyBindings[context].find((candidate) => candidate.keys.includes(key));
	if (!binding) return undefined;
	return typeof binding.action === 'function' ? binding.action(key) : binding.action;
}

/** The keys of a binding as the help screen writes them: `→ l n`. */
export function bindingLabel(binding: KeyBinding): string {
	return binding.label ?? binding.keys.map((key) => keyLabel(key)).join(' ');
}

/** The first key bound to an action type in a context, for hints like `? help`. */
export function keyFor(context: KeyContext, type: Action['type']): string | undefined {
	const binding = keyBindings[context].find((candidate) => typeof candidate.action !== 'function' && candidate.action.type === type);
	const key = binding?.keys[0];
	return key === undefined ? undefined : keyLabel(key);
}

/** One line of the help screen: a group title, a key and what it does, free text, or a blank. */
export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'key'; readonly keys: string; readonly description: string}
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'blank'};

const HELP_TITLES: ReadonlyArray<[KeyContext, string]> = [
	['reader', 'Reading'],
	['toc', 'Table of contents'],
	['help', 'This screen'],
];

/** The help screen, line by line, generated from the key table; `attribution` closes it. */
export function helpLines(attribution: string): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const [context, title] of HELP_TITLES) {
		if (lines.length > 0) lines.push({kind: 'blank'});
		lines.push({kind: 'title', text: title});
		for (const binding of keyBindings[context]) {
			lines.push({kind: 'key', keys: bindingLabel(binding), description: binding.description});
		}
	}

	lines.push({kind: 'blank'}, {kind: 'text', text: attribution});
	return lines;
}

/** How many lines the help screen has (its attribution is always one line). */
export function helpLineCount(): number {
	return helpLines('').length;
}
