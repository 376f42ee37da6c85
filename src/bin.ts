#!/usr/bin/env node
// The `mle-essay` command. Everything happens in src/cli.tsx; src/launch.ts loads it fast.
// This file is kept to syntax every Node can parse, so an old Node hears why in one line.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(`mle-essay: needs Node.js 22 or newer (this is ${process.version}); see https://nodejs.org\n`);
	process.exit(1);
}

const {openApp} = await import('./launch.js');
await openApp().app.main(process.argv.slice(2));
