#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import chalk from 'chalk';
import {render} from 'ink';
import {isColorWanted, parseCliArgs, USAGE, UsageError} from './args.js';
import {ContentError} from './essay/errors.js';
import {loadEssay} from './essay/load.js';
import type {Essay} from './essay/types.js';
import {printEssay} from './print.js';
import {openProgressStore} from './progress/store.js';
import {stopOfSection} from './reader/path.js';
import {isWorthResuming, startPlaceOf} from './reader/progress.js';
import {MEASURE} from './render/layout.js';
import {createPages} from './render/pages.js';
import {FullScreen} from './terminal.js';
import {App, summaryFooter, type AppStart} from './ui/App.js';
import {documentShape} from './ui/document.js';

// cli.tsx sits one folder below the package root both as source (src/) and built (dist/).
const BUNDLED_ESSAY = fileURLToPath(new URL('../content/hiring-mle-at-early-stage-companies.md', import.meta.url));
const RESUMED = 'Resumed where you left off · start over with mle-essay --fresh';

function fail(message: string, code: number): never {
	process.stderr.write(`mle-essay: ${message}\n`);
	process.exit(code);
}

function version(): string {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	return manifest.version;
}

/** Runs the full-screen reader until the reader leaves; never returns. */
async function read(essay: Essay, options: {section?: number; withQuizzes: boolean; fresh: boolean; isColor: boolean}): Promise<never> {
	if (!options.isColor) chalk.level = 0;
	const pages = createPages(essay, {isColor: options.isColor, summaryFooter: summaryFooter()});
	const document = documentShape(essay, pages, {withQuizzes: options.withQuizzes});
	const store = openProgressStore(essay.id);
	if (options.fresh) store.clear();
	const saved = options.fresh ? {progress: undefined, warning: undefined} : store.load();
	const quizSections = essay.quizzes.map((quiz) => quiz.section);
	let start: AppStart = {answers: saved.progress?.answers, notice: saved.warning};
	if (options.section !== undefined) {
		start = {...start, place: {stop: stopOfSection(document.stops, options.section)}};
	} else if (saved.progress && isWorthResuming(saved.progress)) {
		start = {...start, place: startPlaceOf(saved.progress, document, quizSections), notice: saved.warning ?? RESUMED};
	}

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

	screen.enter();
	let resolveExit: (code: number) => void = () => undefined;
	const exited = new Promise<number>((resolve) => {
		resolveExit = resolve;
	});
	const instance = render(
		<App essay={essay} pages={pages} document={document} start={start} onExit={resolveExit} onProgress={(progress) => store.save(progress)} />,
		{exitOnCtrlC: false, patchConsole: false},
	);
	ink.instance = instance;
	try {
		return finish(await Promise.race([exited, instance.waitUntilExit().then(() => 0)]));
	} catch (error) {
		return finish(1, error instanceof Error ? error.message : String(error));
	}
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

	// Everything that can be wrong with the input is found here, before the terminal is touched.
	const essay = loadEssay(options.file ?? BUNDLED_ESSAY);
	if (options.section !== undefined && options.section > essay.sections.length) {
		throw new UsageError(`--section ${options.section} is past the end: the essay has ${essay.sections.length} sections`);
	}

	const section = options.section === undefined ? undefined : options.section - 1;
	const isInteractive = !options.print && process.stdout.isTTY && process.stdin.isTTY;
	const isColor = isColorWanted(process.env, Boolean(process.stdout.isTTY));
	if (isInteractive) {
		await read(essay, {section, withQuizzes: !options.noQuiz, fresh: options.fresh, isColor});
		return;
	}

	// A reader closing the pipe early (`| head`) is not an error.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
	const width = options.width ?? Math.min(process.stdout.columns || 80, MEASURE);
	process.stdout.write(printEssay(essay, {width, isColor, section, withQuizzes: !options.noQuiz}));
}

main().catch((error: unknown) => {
	if (error instanceof UsageError) fail(`${error.message} (see mle-essay --help)`, 2);
	if (error instanceof ContentError) fail(error.message, 1);
	fail(error instanceof Error ? error.message : String(error), 1);
});
