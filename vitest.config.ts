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
	},
});
