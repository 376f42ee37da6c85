import type {Action} from './actions.js';
import {keyLabel, type KeyName} from './keys.js';

/** Which key table is live: one at a time, so a key never does two things. */
export type KeyContext =
	| 'reader'
	| 'searching'
	| 'searchPrompt'
	| 'question'
	| 'feedback'
	| 'recap'
	| 'summary'
	| 'toc'
	| 'help'
	| 'tooSmall';

/** One command: the keys that trigger it, what it does, and how help and the status bar describe it. */
export interface KeyBinding {
	readonly keys: readonly KeyName[];
	/**
	 * The action to dispatch; a function when it depends on the key. Absent for keys another component
	 * owns (the quiz's select input): listed for help, never dispatched by the reader.
	 */
	readonly action?: Action | ((key: KeyName) => Action);
	readonly description: string;
	/** Shown as `1–9` instead of listing every key. */
	readonly label?: string;
	/** A one-word status-bar hint (`help`, `continue`); bindings without one stay out of the status bar. */
	readonly hint?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

const interrupt: KeyBinding = {keys: ['ctrl+c'], action: {type: 'quit', code: 130}, description: 'quit from anywhere'};
const suspend: KeyBinding = {keys: ['ctrl+z'], action: {type: 'suspend'}, description: 'suspend to the shell (fg comes back)'};
// Esc never quits (less and vim users press it to back out of things): it closes what is open.
const quit: KeyBinding = {keys: ['q'], action: {type: 'quit', code: 0}, description: 'quit (in help or the contents: close them)'};
const help: KeyBinding = {keys: ['?'], action: {type: 'openHelp'}, description: 'help', hint: 'help'};
const toc: KeyBinding = {keys: ['t'], action: {type: 'openToc'}, description: 'table of contents'};
const next: KeyBinding = {keys: ['right', 'l', 'n'], action: {type: 'next'}, description: 'next section (or the quiz after a pattern)'};
const previous: KeyBinding = {keys: ['left', 'h', 'p'], action: {type: 'previous'}, description: 'previous section'};
const backFromQuiz: KeyBinding = {keys: ['left', 'h', 'p'], action: {type: 'previous'}, description: 'back to the section', hint: 'back'};
const lineDown: KeyBinding = {keys: ['down', 'j'], action: {type: 'scroll', lines: 1}, description: 'scroll down a line'};
const lineUp: KeyBinding = {keys: ['up', 'k'], action: {type: 'scroll', lines: -1}, description: 'scroll up a line'};
const jump: KeyBinding = {
	keys: DIGITS,
	label: '1–9',
	action: (key) => ({type: 'goToSection', index: Number(key) - 1}),
	description: 'jump to section N (the cover is 1)',
};
const scrolling: readonly KeyBinding[] = [
	lineDown,
	lineUp,
	{keys: ['space', 'pagedown', 'ctrl+f'], action: {type: 'advance'}, description: 'page down; at the bottom of a section, go on to what follows'},
	{keys: ['b', 'pageup', 'ctrl+b'], action: {type: 'retreat'}, description: 'page up; at the top of a section, back to the end of what came before'},
	{keys: ['d', 'ctrl+d'], action: {type: 'halfPage', direction: 1}, description: 'half a page down'},
	{keys: ['u', 'ctrl+u'], action: {type: 'halfPage', direction: -1}, description: 'half a page up'},
	{keys: ['g', 'home'], action: {type: 'top'}, description: 'top'},
	{keys: ['G', 'end'], action: {type: 'bottom'}, description: 'bottom'},
];
const fold: KeyBinding = {keys: ['o'], action: {type: 'toggleCallout'}, description: 'open or close the collapsible callout (???) on screen'};
const search: KeyBinding = {keys: ['/'], action: {type: 'openSearch'}, description: 'search the essay (Enter alone repeats the last search)'};
const searchBindings: readonly KeyBinding[] = [
	{keys: ['n'], action: {type: 'searchNext', direction: 1}, description: 'next match (while searching)', hint: 'next match'},
	{keys: ['N'], action: {type: 'searchNext', direction: -1}, description: 'previous match (while searching)'},
	{keys: ['escape'], action: {type: 'searchClear'}, description: 'clear the search', hint: 'clear'},
];
const promptBindings: readonly KeyBinding[] = [
	{keys: ['enter'], action: {type: 'searchSubmit'}, description: 'search for what you typed', hint: 'search'},
	{keys: ['backspace'], action: {type: 'searchErase'}, description: 'delete a character'},
	{keys: ['escape'], action: {type: 'searchCancel'}, description: 'cancel', hint: 'cancel'},
	interrupt,
	suspend,
];
const cont: KeyBinding = {keys: ['enter', 'right', 'l', 'n'], action: {type: 'continue'}, description: 'continue', hint: 'continue'};
const advance: KeyBinding = {keys: ['space'], action: {type: 'advance'}, description: 'page down; at the bottom, continue'};
const skip: KeyBinding = {keys: ['s'], action: {type: 'skipQuiz'}, description: 'skip the quiz (it stays open in the contents)', hint: 'skip'};
const retake: KeyBinding = {keys: ['r'], action: {type: 'retakeQuiz'}, description: 'retake a finished quiz'};
const choose: KeyBinding = {keys: ['up', 'down', 'j', 'k'], description: 'choose an answer', hint: 'choose'};
const answer: KeyBinding = {keys: ['enter'], description: 'answer with the highlighted choice', hint: 'answer'};
// The select input answers on a digit too. Handling digits here as well means a digit pressed the
// moment a question appears (before the select input is listening) still answers; answering twice
// with the same choice changes nothing.
const answerDirectly: KeyBinding = {
	keys: DIGITS,
	label: '1–9',
	action: (key) => ({type: 'answer', choice: Number(key) - 1}),
	description: 'answer with choice N',
};
const always: readonly KeyBinding[] = [quit, interrupt, suspend];
const exportSummary: KeyBinding = {keys: ['e'], action: {type: 'export'}, description: 'export the summary as a Markdown file', hint: 'export'};

const reader: readonly KeyBinding[] = [next, previous, ...scrolling, jump, fold, toc, search, help, ...always];
const close = (keys: readonly KeyName[]): KeyBinding => ({keys, action: {type: 'closeOverlay'}, description: 'close', hint: 'close'});

/** `base` without the keys `overrides` take, then the overrides first. */
function withOverrides(overrides: readonly KeyBinding[], base: readonly KeyBinding[]): KeyBinding[] {
	const taken = new Set(overrides.flatMap((binding) => binding.keys));
	const rest = base
		.map((binding) => ({...binding, keys: binding.keys.filter((key) => !taken.has(key))}))
		.filter((binding) => binding.keys.length > 0);
	return [...overrides, ...rest];
}

/**
 * Every key the reader understands, by context. The help screen and the status-bar hints are
 * generated from this table, so they always match what the keys do.
 */
export const keyBindings: Readonly<Record<KeyContext, readonly KeyBinding[]>> = {
	reader,
	searching: withOverrides(searchBindings, reader),
	searchPrompt: promptBindings,
	question: [choose, answer, answerDirectly, backFromQuiz, skip, toc, help, ...always],
	feedback: [cont, advance, backFromQuiz, lineDown, lineUp, skip, retake, jump, toc, help, ...always],
	recap: [cont, advance, backFromQuiz, lineDown, lineUp, {...retake, hint: 'retake'}, jump, toc, help, ...always],
	summary: [
		next,
		{...previous, hint: 'back'},
		...scrolling,
		jump,
		{...toc, hint: 'contents'},
		exportSummary,
		help,
		{...quit, hint: 'quit'},
		interrupt,
		suspend,
	],
	toc: [
		{keys: ['down', 'j'], action: {type: 'tocMove', by: 1}, description: 'next entry'},
		{keys: ['up', 'k'], action: {type: 'tocMove', by: -1}, description: 'previous entry'},
		{keys: ['home', 'g'], action: {type: 'tocMove', by: -Infinity}, description: 'first entry'},
		{keys: ['end', 'G'], action: {type: 'tocMove', by: Infinity}, description: 'last entry'},
		{keys: ['enter', 'right', 'l'], action: {type: 'tocSelect'}, description: 'open the entry', hint: 'open'},
		{...jump, description: 'open section N'},
		close(['escape', 't', 'q']),
		interrupt,
		suspend,
	],
	help: [
		{keys: ['down', 'j'], action: {type: 'helpScroll', lines: 1}, description: 'scroll down a line'},
		{keys: ['up', 'k'], action: {type: 'helpScroll', lines: -1}, description: 'scroll up a line'},
		{keys: ['space', 'pagedown', 'ctrl+f'], action: {type: 'helpPage', direction: 1}, description: 'page down'},
		{keys: ['b', 'pageup', 'ctrl+b'], action: {type: 'helpPage', direction: -1}, description: 'page up'},
		{keys: ['g', 'home'], action: {type: 'helpScroll', lines: -Infinity}, description: 'top'},
		{keys: ['G', 'end'], action: {type: 'helpScroll', lines: Infinity}, description: 'bottom'},
		close(['escape', '?', 'q']),
		interrupt,
		suspend,
	],
	tooSmall: [...always],
};

/** The action a key triggers in a context, or undefined when the key means nothing there. */
export function resolveKey(context: KeyContext, key: KeyName | undefined): Action | undefined {
	if (key === undefined) return undefined;
	const binding = keyBindings[context].find((candidate) => candidate.keys.includes(key));
	if (!binding?.action) return undefined;
	return typeof binding.action === 'function' ? binding.action(key) : binding.action;
}

/** The keys of a binding as the help screen writes them: `→ l n`. */
export function bindingLabel(binding: KeyBinding): string {
	return binding.label ?? binding.keys.map((key) => keyLabel(key)).join(' ');
}

/** Status-bar hints for a context, generated from the table: `Enter continue  s skip  ? help`. */
export function hintsFor(context: KeyContext): string {
	return keyBindings[context]
		.filter((binding) => binding.hint !== undefined)
		.map((binding) => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint ?? ''}`)
		.join('  ');
}

/** One line of the help screen: a group title, a key and what it does, free text, or a blank. */
export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'key'; readonly keys: string; readonly description: string}
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'blank'};

const notAlways = (bindings: readonly KeyBinding[]): KeyBinding[] => bindings.filter((binding) => !always.includes(binding));

/**
 * The key table grouped as the help screen and README present it: every key of every context, once
 * per group. (`This screen` is help itself.)
 */
export const keyGroups: ReadonlyArray<readonly [string, readonly KeyBinding[]]> = [
	['Reading', notAlways(reader)],
	['Search (/ opens the prompt in the status bar)', [...searchBindings, ...notAlways(promptBindings)]],
	['Quiz', [choose, answer, answerDirectly, cont, advance, backFromQuiz, skip, retake, {...jump, description: 'after answering: jump to section N'}]],
	['Summary', [exportSummary]],
	['Table of contents', notAlways(keyBindings.toc)],
	['This screen', notAlways(keyBindings.help)],
	['Anywhere', always],
];

/** The help screen, line by line, generated from the key table; `attribution` closes it. */
export function helpLines(attribution: string): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const [title, bindings] of keyGroups) {
		if (lines.length > 0) lines.push({kind: 'blank'});
		lines.push({kind: 'title', text: title});
		for (const binding of bindings) {
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
