import {build} from '../../esbuild.config.mjs';

/** Vitest global setup: the tests that drive the real program need a fresh dist/cli.js. */
export default async function setup(): Promise<void> {
	await build();
}
