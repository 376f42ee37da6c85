#!/usr/bin/env node
// The `mle-essay` command. Everything happens in src/cli.tsx; src/launch.ts loads it fast.
// This file is kept to syntax every Node can parse, so an old Node hears why in one line.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(`mle-essay: needs Node.js 22 or newer (this is ${process.version}); see https://nodejs.org\n`);
	process.exit(1);
}

// NO_COLOR wins over FORCE_COLOR (src/args.ts). With both set, Node itself warns on stderr, over the
// reader, the first time a module of its own checks colours: drop the one that lost first. An empty
// NO_COLOR means nothing (no-color.org), so then FORCE_COLOR stays.
if (process.env['FORCE_COLOR'] !== undefined && process.env['NO_COLOR'] !== undefined) {
	if (process.env['NO_COLOR'] === '') delete process.env['NO_COLOR'];
	else delete process.env['FORCE_COLOR'];
}

// The screen the last reading left for this start, painted before the program is loaded when nothing
// it was drawn from has changed (src/first-screen.ts).
const {paintFirstScreen} = await import('./first-screen.js');
const early = paintFirstScreen();
const {openApp} = await import('./launch.js');
const {app, saveCodeCache} = openApp();
process.once('exit', saveCodeCache);
await app.main(process.argv.slice(2), early);
