import {parseArgs} from 'node:util';

/** What the command line asked for. */
export interface CliOptions {
	/** A markdown file to read instead of the bundled essay. */
	readonly file: string | undefined;
	readonly print: boolean;
	/** Print width from `--width`, if given. */
	readonly width: number | undefined;
	/** 1-based section from `--section`, if given. */
	readonly section: number | undefined;
	/** Read without the reflection quizzes. */
	readonly noQuiz: boolean;
	/** Start from the cover and forget saved answers. */
	readonly fresh: boolean;
	/** Check the essay's quiz file for fairness and faithful quotations, and exit. */
	readonly checkQuiz: boolean;
	/** Where the summary is written as Markdown (`--export PATH`). */
	readonly exportFile: string | undefined;
	readonly help: boolean;
	readonly version: boolean;
}

/** A command line the program cannot act on: exit code 2, one line naming the flag. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;

/** The text of `--help`. */
export const USAGE = `Usage: mle-essay [file] [options]

Reads "Hiring MLEs at early stage companies" (jxnl, 2024) in the terminal,
with a reflection quiz after each of its two patterns, or another markdown
essay in the same format when a file is given (its quizzes, if any, live
beside it in FILE.quiz.yaml). Progress is saved and resumed.

Options
  --print        print the whole essay as text instead of opening the reader
                 (also what happens when output is not a terminal)
  --width N      width of printed text, ${MIN_WIDTH}–${MAX_WIDTH} columns (print mode only; the
                 reader always fits the terminal; default: the terminal's, else 80)
  --section N    open at section N (the cover is 1)
  --no-quiz      read without the reflection quizzes
  --fresh        start from the cover and forget saved progress and answers
  --export PATH  where e on the summary writes it as Markdown (default: a file named after
                 the essay in this folder); without a terminal, write the saved answers'
                 summary there and exit
  --check-quiz   check FILE.quiz.yaml against its essay: quotations word for word,
                 answers that cannot be guessed by length or position (exit 1 with
                 one line per problem)
  -h, --help     show this help
  -v, --version  show the version

Keys: press ? in the reader for the full list. Ctrl+Z suspends; fg returns.
NO_COLOR=1 removes colour only; FORCE_COLOR=1 colours a pipe.`;

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
		const range = Number.isFinite(max) ? `from ${min} to ${max}` : `of at least ${min}`;
		throw new UsageError(`${flag} must be a whole number ${range} (got "${value}")`);
	}

	return Number(value);
}

function nonEmpty(flag: string, value: string): string {
	if (value.trim() === '') throw new UsageError(`${flag} needs a file name`);
	return value;
}

function explain(error: unknown): string {
	const code = (error as {code?: string}).code;
	const message = error instanceof Error ? error.message : String(error);
	const option = /'([^']+)'/.exec(message)?.[1]?.split(' ')[0];
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${option ?? message}`;
	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option ?? 'a flag'} ${/needs an argument|argument missing/i.test(message) ? 'needs a value' : 'does not take a value'}`;
	return message;
}

/** Every flag the command takes (README's synopsis and --help list each; a test checks). */
export const FLAGS = {
	print: {type: 'boolean'},
	width: {type: 'string'},
	section: {type: 'string'},
	'no-quiz': {type: 'boolean'},
	fresh: {type: 'boolean'},
	'check-quiz': {type: 'boolean'},
	export: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** Parses argv (without `node` and the script). Throws UsageError for anything it does not understand. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: FLAGS,
		});
	} catch (error) {
		throw new UsageError(explain(error));
	}

	const {values, positionals} = parsed;
	if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}: ${positionals.join(' ')}`);
	return {
		file: positionals[0],
		print: values.print ?? false,
		width: wholeNumber('--width', values.width, MIN_WIDTH, MAX_WIDTH),
		section: wholeNumber('--section', values.section, 1, Number.POSITIVE_INFINITY),
		noQuiz: values['no-quiz'] ?? false,
		fresh: values.fresh ?? false,
		checkQuiz: values['check-quiz'] ?? false,
		exportFile: values.export === undefined ? undefined : nonEmpty('--export', values.export),
		help: values.help ?? false,
		version: values.version ?? false,
	};
}

/** Whether output should be coloured: NO_COLOR wins, then FORCE_COLOR, then whether it is a terminal (a dumb one is not). */
export function isColorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
	return isTTY && env['TERM'] !== 'dumb';
}

/** Whether a terminal can take the full-screen reader: a dumb one (TERM=dumb) moves no cursor. */
export function isTerminalCapable(env: NodeJS.ProcessEnv): boolean {
	return env['TERM'] !== 'dumb';
}
