// Saves progress once, completely; then starts a second save and dies half-way through writing it,
// as a crash or a kill -9 would. The test then checks the first save is still readable.
import {syncBuiltinESMExports} from 'node:module';
import nodeFs from 'node:fs';
import {openProgressStore} from '../../src/progress/store.js';

const [essayId = 'crash', folder = '.'] = process.argv.slice(2);
const store = openProgressStore(essayId, folder);
const answers = (choice: number) => Array.from({length: 200}, () => Array.from({length: 50}, () => choice));
store.save({place: {kind: 'section', section: 1, scrollFraction: 0.5}, answers: answers(1)});

// From here on, any write stops half-way and the process dies: whichever way the store writes.
const {openSync, writeSync} = nodeFs;
nodeFs.writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView) => {
	const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	writeSync(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
	process.exit(137);
}) as typeof nodeFs.writeSync;
nodeFs.writeFileSync = ((file: nodeFs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
	const fd = typeof file === 'number' ? file : openSync(file, 'w');
	nodeFs.writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
}) as typeof nodeFs.writeFileSync;
syncBuiltinESMExports();
store.save({place: {kind: 'quiz', quiz: 1, question: 2}, answers: answers(2)});
process.stdout.write('the second save finished: the crash did not happen\n');
