// The command line: flags, reading the essay, and choosing between the full-screen reader and plain
// text. Everything that can be wrong with the input is found here, before the terminal is touched.
// src/bin.ts starts it (through src/launch.ts, which explains why the bundle is a script).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {isColorWanted, isTerminalCapable, parseCliArgs, USAGE, UsageError} from './args.js';
import {ContentError} from './essay/errors.js';
import {BUNDLED_ESSAY, BUNDLED_SOURCE, readEssaySnapshot} from './bundled.js';
import {loadEssay, quizFileFor, type FileText} from './essay/load.js';
import {slugify} from './essay/parse.js';
import {checkQuizzes} from './essay/quiz-check.js';
import type {Essay} from './essay/types.js';
import type {KeptPost} from './session.js';
import {writeSummary} from './export.js';
import {systemErrorWords} from './files.js';
import {openProgressStore} from './progress/store.js';
import {summaryMarkdown} from './render/summary-markdown.js';
import {postEssay, readPostSnapshot} from './post-snapshots.js';
import {printParts} from './print.js';
import type {EarlyScreen} from './first-screen.js';
import {cleanLine} from './safe-text.js';
import {prepareEmoji} from './render/emoji.js';
import {MEASURE} from './render/layout.js';
import {isUnicodeLocale, drawBoxesInUnicode} from './render/styles.js';

function fail(message: string, code: number): never {
	// The message may quote a file name, a flag or a field from a file: one safe line.
	process.stderr.write(`mle-essay: ${cleanLine(message)}\n`);
	process.exit(code);
}

function version(): string {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	return manifest.version;
}

async function run(argv: readonly string[], early: EarlyScreen | undefined): Promise<void> {
	const options = parseCliArgs(argv);
	// A terminal whose locale is not UTF-8 (LANG=C) gets frames and rules in ASCII.
	drawBoxesInUnicode(isUnicodeLocale(process.env));
	if (options.help) {
		process.stdout.write(USAGE + '\n');
		return;
	}

	if (options.version) {
		process.stdout.write(version() + '\n');
		return;
	}

	if (options.checkQuiz) {
		checkQuizFile(options.file ?? BUNDLED_ESSAY);
		return;
	}

	const snapshot = options.file === undefined ? readEssaySnapshot() : undefined;
	// A post read before may have been kept as parsed and drawn (src/post-snapshots.ts).
	let post: {readonly essay: Essay; readonly kept: KeptPost} | undefined;
	const parsedBefore = (id: string, text: FileText): Essay | undefined => {
		const found = readPostSnapshot(id);
		const essay = found && postEssay(found, text);
		post = essay && found ? {essay, kept: {rendered: found.rendered, text: found.text}} : undefined;
		return essay;
	};
	// With --no-quiz the quiz file is not read at all: a broken one cannot stop the essay opening.
	const essay = loadEssay(options.file ?? BUNDLED_ESSAY, {
		snapshot,
		source: options.file === undefined ? BUNDLED_SOURCE : undefined,
		withQuizzes: !options.noQuiz,
		parsedBefore,
	});
	// A rendering fits only the essay it was made from: loadEssay returns the snapshot's own.
	const rendered = snapshot && essay === snapshot.essay ? snapshot.rendered : undefined;
	const kept = post && essay === post.essay ? post.kept : undefined;
	if (options.section !== undefined && options.section > essay.sections.length) {
		throw new UsageError(`--section ${options.section} is past the end: the essay has ${essay.sections.length} sections`);
	}

	// A long post opened from what was kept says whether it needs the emoji table without reading it all.
	const keptText = kept?.text;
	await prepareEmoji(essay, keptText && (() => keptText.hasShortcode));
	const section = options.section === undefined ? undefined : options.section - 1;
	const isColor = isColorWanted(process.env, Boolean(process.stdout.isTTY));
	const exportFile = path.resolve(options.exportFile ?? `${essay.frontMatter.slug ?? slugify(essay.title)}-summary.md`);
	// Anything but a capable terminal on both ends gets the essay as text, as a pipe does.
	const isInteractive = !options.print && process.stdout.isTTY && process.stdin.isTTY && isTerminalCapable(process.env);
	if (isInteractive) {
		const {readInteractively} = await import('./session.js');
		await readInteractively(essay, {file: options.file, section, withQuizzes: !options.noQuiz, fresh: options.fresh, isColor, rendered, kept, exportFile, early});
		return;
	}

	early?.restore();

	if (options.exportFile !== undefined && !options.print) {
		exportSavedSummary(essay, exportFile);
		return;
	}

	// A reader closing the pipe early (`| head`) is not an error; any other failure to write is.
	const onWriteError = (error: NodeJS.ErrnoException): never => {
		if (error.code === 'EPIPE') process.exit(0);
		return fail(`cannot write the essay to standard output: ${systemErrorWords(error) ?? error.message}`, 1);
	};
	process.stdout.on('error', onWriteError);
	// Piped to a pager in a terminal (`| less`, `| head`), the text fits that terminal, which stderr
	// still is: wider lines would be wrapped a second time by it.
	const width = options.width ?? Math.min(process.stdout.columns || process.stderr.columns || 80, MEASURE);
	try {
		// Written as each section is drawn, so a pager shows the start of a long essay at once. A write
		// that fails (a pipe closed early) is told between parts, and ends the program there.
		for (const part of printParts(essay, {width, isColor, section, withQuizzes: !options.noQuiz})) {
			process.stdout.write(part);
			await new Promise(setImmediate);
		}
	} catch (error) {
		onWriteError(error as NodeJS.ErrnoException);
	}
}

/** `--export PATH` without a terminal: the saved answers' summary as Markdown, never over an existing file. */
function exportSavedSummary(essay: Essay, file: string): void {
	const {progress} = openProgressStore(essay.id).load();
	const result = writeSummary(file, summaryMarkdown(essay, progress?.answers ?? [], new Date()), false);
	if (result.kind === 'exists') throw new ContentError(file, 'already exists: not replaced (remove it, or name another file)');
	if (result.kind === 'failed') throw new ContentError(file, `cannot write it: ${result.reason}`);
	process.stdout.write(`Summary written to ${cleanLine(file)}\n`);
}

/** `--check-quiz`: one line per problem of the essay's quiz file and exit 1, or one line saying it is fine. */
function checkQuizFile(file: string): void {
	const quizFile = quizFileFor(file);
	const essay = loadEssay(file);
	if (essay.quizzes.length === 0) throw new ContentError(quizFile, 'no such file (an essay X.md has its quizzes in X.quiz.yaml)');
	const problems = checkQuizzes(essay.quizzes, essay);
	if (problems.length > 0) {
		process.stderr.write(problems.map((problem) => `mle-essay: ${cleanLine(`${quizFile}: ${problem}`)}\n`).join(''));
		process.exit(1);
	}

	const questions = essay.quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0);
	process.stdout.write(`${cleanLine(quizFile)}: ${questions} questions in ${essay.quizzes.length} quizzes, no problems\n`);
}

/**
 * Runs the command line `mle-essay ...argv`; bad input ends the process with a one-line message.
 * `early`: the first screen, when the command painted it before the program was loaded.
 */
export async function main(argv: readonly string[], early?: EarlyScreen): Promise<void> {
	try {
		await run(argv, early);
	} catch (error) {
		// The message goes to the shell's screen.
		early?.restore();
		if (error instanceof UsageError) fail(`${error.message} (see mle-essay --help)`, 2);
		if (error instanceof ContentError) fail(error.message, 1);
		fail(error instanceof Error ? error.message : String(error), 1);
	}
}
