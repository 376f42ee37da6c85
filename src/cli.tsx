#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import chalk from 'chalk';
import {render} from 'ink';
import {isColorWanted, parseCliArgs, USAGE, UsageError} from './args.js';
import {ContentError} from './essay/errors.js';
import {loadEssay} from './essay/load.js';
import {printEssay} from './print.js';
import {columnLayout, MEASURE} from './render/layout.js';
import {createSectionLines} from './render/section-lines.js';
import {FullScreen} from './terminal.js';
import {App} from './ui/App.js';

// cli.tsx sits one folder below the package root both as source (src/) and built (dist/).
const BUNDLED_ESSAY = fileURLToPath(new URL('../content/hiring-mle-at-early-stage-companies.md', import.meta.url));

function fail(message: string, code: number): never {
	process.stderr.write(`mle-essay: ${message}\n`);
	process.exit(code);
}

function version(): string {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	return manifest.version;
}

async function main(): Promise<void> {
	const options = parseCliArgs(process.argv.slice(2));
	if (options.help) {
		process.stdout.write(USAGE + '\n');
		return;
	}

	if (options.version) {
		process.stdout.write(version() + '\n');
		return;
	}

	const essay = loadEssay(options.file ?? BUNDLED_ESSAY);
	if (options.section !== undefined && options.section > essay.sections.length) {
		throw new UsageError(`--section ${options.section} is past the end: the essay has ${essay.sections.length} sections`);
	}

	const section = options.section === undefined ? undefined : options.section - 1;
	const isInteractive = !options.print && process.stdout.isTTY && process.stdin.isTTY;
	const isColor = isColorWanted(process.env, Boolean(process.stdout.isTTY));

	if (!isInteractive) {
		// A reader closing the pipe early (`| head`) is not an error.
		process.stdout.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(0);
			throw error;
		});
		const width = options.width ?? Math.min(process.stdout.columns || 80, MEASURE);
		process.stdout.write(printEssay(essay, {width, isColor, section}));
		return;
	}

	if (!isColor) chalk.level = 0;
	const sectionLines = createSectionLines(essay, {isColor});
	const screen = new FullScreen({stdout: process.stdout, stdin: process.stdin});
	// Filled in once Ink starts; signals can arrive before that.
	const ink: {instance?: ReturnType<typeof render>} = {};
	const finish = (code: number, message?: string): never => {
		try {
			ink.instance?.unmount();
		} catch {
			// Already unmounted; restoring the terminal below is what matters.
		}

		screen.restore();
		if (message !== undefined) process.stderr.write(`mle-essay: ${message}\n`);
		process.exit(code);
	};

	process.on('SIGTERM', () => finish(143));
	process.on('SIGHUP', () => finish(129));
	process.on('SIGINT', () => finish(130));
	process.on('uncaughtException', (error) => finish(1, error.message));
	process.on('unhandledRejection', (error) => finish(1, error instanceof Error ? error.message : String(error)));

	// Warm the first screen's lines before taking over the terminal.
	sectionLines.linesOf(section ?? 0, columnLayout(process.stdout.columns || 80).width);
	screen.enter();
	let resolveExit: (code: number) => void = () => undefined;
	const exited = new Promise<number>((resolve) => {
		resolveExit = resolve;
	});
	const instance = render(<App essay={essay} sectionLines={sectionLines} initialSection={section} onExit={resolveExit} />, {
		exitOnCtrlC: false,
		patchConsole: false,
	});
	ink.instance = instance;
	try {
		const code = await Promise.race([exited, instance.waitUntilExit().then(() => 0)]);
		finish(code);
	} catch (error) {
		finish(1, error instanceof Error ? error.message : String(error));
	}
}

main().catch((error: unknown) => {
	if (error instanceof UsageError) fail(`${error.message} (see mle-essay --help)`, 2);
	if (error instanceof ContentError) fail(error.message, 1);
	fail(error instanceof Error ? error.message : String(error), 1);
});
