// The thread that draws long sections (src/draw-worker.ts), started from the same bundle as the command.
import {openApp} from './launch.js';

await openApp().app.serveDrawing();
