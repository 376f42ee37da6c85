// What the build (esbuild.config.mjs, through src/launch.ts) runs inside the bundle: the bundled
// essay saved as parsed and rendered, and one run of the start-up path so its compiled code is cached.
import {writeFileSync} from 'node:fs';
import {BUNDLED_ESSAY, BUNDLED_SOURCE, ESSAY_SNAPSHOT, readEssaySnapshot, type BundledSnapshot} from './bundled.js';
import {loadEssay, snapshotEssay} from './essay/load.js';
import {printEssay} from './print.js';
import {prepareEmoji} from './render/emoji.js';
import {MEASURE} from './render/layout.js';

/** Saves the bundled essay as parsed and its sections as rendered, so that a start can skip both. */
export async function saveEssaySnapshot(): Promise<void> {
	const snapshot = snapshotEssay(BUNDLED_ESSAY, BUNDLED_SOURCE);
	const {renderSections} = await import('./session.js');
	const bundled: BundledSnapshot = {...snapshot, rendered: renderSections(snapshot.essay)};
	writeFileSync(ESSAY_SNAPSHOT, JSON.stringify(bundled));
}

/** The path to the first frame, run without a terminal so its compiled code can be cached. */
export async function warmUp(): Promise<void> {
	// Parsing as well as the snapshot: other essays are parsed, and their start gains as much.
	loadEssay(BUNDLED_ESSAY);
	const essay = loadEssay(BUNDLED_ESSAY, {snapshot: readEssaySnapshot(), source: BUNDLED_SOURCE});
	await prepareEmoji(essay);
	const {firstScreen} = await import('./session.js');
	await firstScreen(essay, {columns: 100, rows: 30});
	printEssay(essay, {width: MEASURE, isColor: true, section: undefined, withQuizzes: true});
}
