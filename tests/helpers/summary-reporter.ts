import type {Reporter, TestModule} from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that CI systems read without
 * knowing vitest's own summary format.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const testModule of testModules) {
			for (const test of testModule.children.allTests()) {
				const {state} = test.result();
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
		}

		// Modules that failed to load hold no tests but are failures all the same.
		failed += testModules.filter((testModule) => testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0).length;
		process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
	}
}
