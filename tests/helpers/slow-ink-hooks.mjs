// Module hooks for a test: hold back the chunk that holds Ink, so the reader's first paint stays on
// screen long enough for the test to resize the terminal before Ink draws.
export async function resolve(specifier, context, nextResolve) {
	if (/mount-[\w-]+\.js$/.test(specifier)) await new Promise((done) => setTimeout(done, 800));
	return nextResolve(specifier, context);
}
