import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.{ts,tsx}'],
		// The real-terminal tests run the built bundle: build it once before any test file runs.
		globalSetup: ['tests/helpers/build-once.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Real-terminal tests each start a Node process; two cores, so keep the pool small.
		maxWorkers: 2,
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		// What the program caches (src/files.ts, userCacheDir) goes to a folder of the run's own, not the user's.
		env: {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'mle-essay-test-cache-'))},
	},
});
