// The bundle's entry (dist/app.js, one script: see src/launch.ts): the command, the thread that draws
// long sections, and the build's steps, which must run the bundle itself for its code to be cached.
export {main} from './cli.js';
export {serveDrawing} from './draw-worker.js';
export {saveEssaySnapshot, warmUp} from './build-steps.js';
