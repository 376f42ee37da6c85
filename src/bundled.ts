// The essay that ships with the program, and what the build saved of it beside the bundle.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {EssaySnapshot} from './essay/load.js';
import type {RenderedSection} from './render/pages.js';

// This module sits one folder below the package root both as source (src/) and built (dist/).
export const BUNDLED_ESSAY = fileURLToPath(new URL('../content/hiring-mle-at-early-stage-companies.md', import.meta.url));
/** The bundled essay as its author published it: the cover links there (the blog is MIT licensed). */
export const BUNDLED_SOURCE = {url: 'https://jxnl.co/writing/2024/04/08/hiring-mle-at-early-stage-companies/', licence: 'MIT'} as const;
/** Beside the bundle, the bundled essay as the build parsed it (EssaySnapshot in essay/load.ts), and its sections as the build rendered them. */
export const ESSAY_SNAPSHOT = new URL('essay.json', import.meta.url);

/** What dist/essay.json holds. */
export interface BundledSnapshot extends EssaySnapshot {
	readonly rendered: readonly RenderedSection[];
}

/** The build's snapshot of the bundled essay, or nothing when there is none (running from source). */
export function readEssaySnapshot(): BundledSnapshot | undefined {
	try {
		return JSON.parse(readFileSync(ESSAY_SNAPSHOT, 'utf8')) as BundledSnapshot;
	} catch {
		return undefined;
	}
}
