import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {FLAGS, isColorWanted, parseCliArgs, USAGE, UsageError} from '../src/args.js';

describe('command line', () => {
	it('reads a file and the flags', () => {
		expect(parseCliArgs(['post.md', '--print', '--width', '72', '--section', '2'])).toEqual({
			file: 'post.md',
			print: true,
			width: 72,
			section: 2,
			noQuiz: false,
			fresh: false,
			checkQuiz: false,
			help: false,
			version: false,
		});
		expect(parseCliArgs(['--width=40']).width).toBe(40);
		expect(parseCliArgs(['-h']).help).toBe(true);
		expect(parseCliArgs(['--no-quiz', '--fresh'])).toMatchObject({noQuiz: true, fresh: true});
	});

	it('names the flag and the problem for bad input', () => {
		const message = (argv: string[]) => {
			try {
				parseCliArgs(argv);
			} catch (error) {
				expect(error).toBeInstanceOf(UsageError);
				return (error as Error).message;
			}

			return 'no error';
		};

		expect(message(['--frobnicate'])).toBe('unknown flag --frobnicate');
		expect(message(['-x'])).toBe('unknown flag -x');
		expect(message(['--width'])).toBe('--width needs a value');
		expect(message(['--print=yes'])).toBe('--print does not take a value');
		expect(message(['--width', 'wide'])).toBe('--width must be a whole number from 20 to 1000 (got "wide")');
		expect(message(['--width', '5'])).toMatch(/^--width must be/);
		expect(message(['--section', '0'])).toBe('--section must be a whole number of at least 1 (got "0")');
		expect(message(['--section', '1.5'])).toMatch(/^--section must be/);
		expect(message(['a.md', 'b.md'])).toBe('expected at most one file, got 2: a.md b.md');
	});
});

describe('colour', () => {
	it('is off with NO_COLOR, forced by FORCE_COLOR, else follows the terminal', () => {
		expect(isColorWanted({NO_COLOR: '1'}, true)).toBe(false);
		expect(isColorWanted({NO_COLOR: '1', FORCE_COLOR: '1'}, true)).toBe(false);
		expect(isColorWanted({FORCE_COLOR: '1'}, false)).toBe(true);
		expect(isColorWanted({FORCE_COLOR: '0'}, true)).toBe(false);
		expect(isColorWanted({NO_COLOR: ''}, true)).toBe(true);
		expect(isColorWanted({}, false)).toBe(false);
	});
});

describe('README and --help', () => {
	it('list every flag the command takes, in the synopsis too', () => {
		const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
		const synopsis = /## Command line\n\n```\n(.*)\n```/.exec(readme)?.[1] ?? '';
		for (const flag of Object.keys(FLAGS)) {
			expect(synopsis, flag).toContain(`--${flag}`);
			expect(USAGE, flag).toContain(`--${flag}`);
		}

		expect(readme).toMatch(/`--width N` \| print mode only/);
	});
});
