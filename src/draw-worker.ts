// Long sections are drawn in a worker thread, so that a section which takes seconds to draw (a table
// of 150,000 rows, a code block of a megabyte) never holds up a key, Ctrl+C included. The worker runs
// the same bundle as the reader (dist/worker.js loads dist/app.js, see src/launch.ts) and draws with
// the same function, drawSection; it starts the first time a long section is wanted.
import type * as WorkerThreads from 'node:worker_threads';
import {createRequire} from 'node:module';
import {countedBefore, countWords, knownWordCount} from './essay/reading-time.js';
import type {Essay, Section} from './essay/types.js';
import {isEmojiLoaded, prepareEmoji} from './render/emoji.js';
import {drawSection, type BackgroundDrawing, type Drawing, type DrawnSection, type Look, type SectionJob} from './render/pages.js';
import {drawBoxesInUnicode, isDrawingBoxesInUnicode} from './render/styles.js';

// node:worker_threads is loaded only by a reader that meets a long section.
const requireBuiltin = createRequire(import.meta.url);
const workerThreads = (): typeof WorkerThreads => requireBuiltin('node:worker_threads') as typeof WorkerThreads;

/**
 * What the worker is started with: the essay and how to draw it. Once the essay's words are counted
 * (`words`), its sections go without their markdown, each job bringing its own section's: a long
 * post opened from what was kept reads a section from its file only when it is wanted
 * (src/post-snapshots.ts), and the thread holds no second copy of the whole text. `emoji`: the reader
 * loaded the emoji table (src/render/emoji.ts), so the thread draws `:coffee:` as ☕ too.
 */
interface WorkerSetup {
	readonly essay: Essay;
	readonly words: number | undefined;
	readonly look: Look;
	readonly isUnicode: boolean;
	readonly emoji: boolean;
}

/** A job as the worker gets it: with its section's markdown when the setup's sections go without. */
type WorkerJob = SectionJob & {readonly markdown?: string};

/** The essay for the worker, and how a job goes to it (see WorkerSetup). */
export function forWorker(essay: Essay): {readonly essay: Essay; readonly words: number | undefined; readonly job: (job: SectionJob) => WorkerJob} {
	const words = knownWordCount(essay);
	if (words === undefined) return {essay, words, job: (job) => job};
	const sections = essay.sections.map((section): Section => ('markdown' in section.body ? {...section, body: {markdown: '', holdsTitle: section.body.holdsTitle}} : section));
	return {
		essay: {...essay, sections},
		words,
		job(job) {
			const body = essay.sections[job.section]?.body;
			return body && 'markdown' in body ? {...job, markdown: body.markdown} : job;
		},
	};
}

/**
 * What the worker sends back for a job: its lines in parts, then the rest of the section (or why it
 * failed). Each message is taken in its own turn of the event loop, so keys are read between parts:
 * sent at once, the 300,000 lines of a long table hold the reader up ~150 ms as they arrive.
 */
type Reply = {readonly part: string} | {readonly drawn: Omit<DrawnSection, 'lines'>} | {readonly failure: string};

/** Lines per part: a part arrives in a few milliseconds. */
const LINES_PER_PART = 10_000;

interface Waiting {
	readonly job: SectionJob;
	readonly isWanted: () => boolean;
	readonly done: (drawing: Drawing) => void;
}

/**
 * Draws sections of `essay` in a worker thread started from `workerFile`, one at a time: those the
 * reader is looking at first, then those the search index asked for, each dropped if no longer wanted
 * when its turn comes. If the worker cannot start or dies, every section waiting and every later one
 * fails with the reason, which the reader shows in place of the section.
 */
export function backgroundDrawing(essay: Essay, look: Look, workerFile: URL): BackgroundDrawing {
	const queue: Waiting[] = [];
	let worker: WorkerThreads.Worker | undefined;
	let current: Waiting | undefined;
	let received: string[] = [];
	let broken: string | undefined;

	const fail = (reason: string): void => {
		broken ??= reason;
		for (const waiting of [...(current ? [current] : []), ...queue.splice(0)]) waiting.done({kind: 'failed', reason: broken});
		current = undefined;
	};

	let jobFor = (job: SectionJob): WorkerJob => job;
	const start = (): WorkerThreads.Worker => {
		const shaped = forWorker(essay);
		jobFor = shaped.job;
		const setup: WorkerSetup = {essay: shaped.essay, words: shaped.words, look, isUnicode: isDrawingBoxesInUnicode(), emoji: isEmojiLoaded()};
		const started = new (workerThreads().Worker)(workerFile, {workerData: setup, stdout: true, stderr: true});
		// Not a reason to stay running: the reader ends when the reader says so.
		started.unref();
		started.on('message', (reply: Reply) => {
			if ('part' in reply) {
				for (const line of reply.part.split('\n')) received.push(line);
				return;
			}

			const [finished, lines] = [current, received];
			current = undefined;
			received = [];
			finished?.done('drawn' in reply ? {kind: 'drawn', drawn: {...reply.drawn, lines}} : {kind: 'failed', reason: reply.failure});
			next();
		});
		started.on('error', (error) => fail(error.message));
		started.on('exit', (code) => fail(`the drawing thread stopped (exit code ${code})`));
		return started;
	};

	const next = (): void => {
		if (current || broken !== undefined) return;
		let waiting = queue.shift();
		while (waiting && !waiting.isWanted()) {
			waiting.done({kind: 'dropped'});
			waiting = queue.shift();
		}

		if (!waiting) return;
		current = waiting;
		try {
			worker ??= start();
			worker.postMessage(jobFor(waiting.job));
		} catch (error) {
			fail(error instanceof Error ? error.message : String(error));
		}
	};

	return {
		draw(job, isUrgent, isWanted, done) {
			if (broken !== undefined) {
				done({kind: 'failed', reason: broken});
				return;
			}

			const waiting = {job, isWanted, done};
			if (isUrgent) queue.unshift(waiting);
			else queue.push(waiting);
			next();
		},
	};
}

/** The worker's side (dist/worker.js): draws each job it is sent and sends the section back. */
export async function serveDrawing(): Promise<void> {
	const {parentPort, workerData} = workerThreads();
	const setup = workerData as WorkerSetup;
	drawBoxesInUnicode(setup.isUnicode);
	const sections = [...setup.essay.sections];
	const essay = {...setup.essay, sections};
	if (setup.words !== undefined) countedBefore(essay, setup.words);
	// Jobs sent meanwhile wait in the port until there is a listener.
	if (setup.emoji) await prepareEmoji(essay, () => true);
	parentPort?.on('message', ({markdown, ...job}: WorkerJob) => {
		let section: DrawnSection;
		try {
			const found = sections[job.section];
			if (markdown !== undefined && found && 'markdown' in found.body) sections[job.section] = {...found, body: {markdown, holdsTitle: found.body.holdsTitle}};
			// A long essay's cover says how long it takes to read once its words are counted (pages.ts
			// counts them between the reader's keys); this thread holds up no key, so it counts them now.
			if (job.section === 0) countWords(essay);
			section = drawSection(essay, job, setup.look, job.toggled.length === 0);
		} catch (error) {
			parentPort.postMessage({failure: error instanceof Error ? error.message : String(error)} satisfies Reply);
			return;
		}

		const {lines, ...drawn} = section;
		for (let start = 0; start < lines.length; start += LINES_PER_PART) {
			parentPort.postMessage({part: lines.slice(start, start + LINES_PER_PART).join('\n')} satisfies Reply);
		}

		// The search text's line starts are handed over, not copied.
		const {search} = drawn;
		parentPort.postMessage({drawn} satisfies Reply, search ? [search.lineStart.buffer] : []);
	});
}
