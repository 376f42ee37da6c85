#!/usr/bin/env node
// The `mle-essay` command. Everything happens in src/cli.tsx; src/launch.ts loads it fast.
import {openApp} from './launch.js';

await openApp().app.main(process.argv.slice(2));
