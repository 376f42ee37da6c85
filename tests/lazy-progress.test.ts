// Saved progress is checked with a zod schema, and building it runs ~3 ms of zod's code cold, before
// the first screen: an essay opened for the first time has nothing saved, and builds none.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type * as ZodMini from 'zod/mini';
import {describe, expect, it, vi} from 'vitest';

const built = vi.hoisted(() => ({objects: 0}));

vi.mock('zod/mini', async (importOriginal) => {
	const real = await importOriginal<typeof ZodMini>();
	const object: typeof real.object = (...args) => {
		built.objects++;
		return real.object(...args);
	};
	return {...real, object};
});

describe('the progress store', () => {
	it('builds no schema for an essay with nothing saved, and checks what is saved with one', async () => {
		const {openProgressStore} = await import('../src/progress/store.js');
		const stateDir = mkdtempSync(path.join(tmpdir(), 'mle-essay-lazy-progress-'));
		const store = openProgressStore('a'.repeat(24), stateDir);
		expect(store.load().progress).toBeUndefined();
		expect(built.objects).toBe(0);
		store.save({place: {kind: 'section', section: 1, scrollFraction: 0.5}, answers: [[0, undefined]]});
		expect(store.load().progress).toEqual({place: {kind: 'section', section: 1, scrollFraction: 0.5}, answers: [[0, undefined]]});
		expect(built.objects).toBeGreaterThan(0);
	});
});
