// Saves progress in a tight loop until killed: the parent test kills it at random moments to prove
// that an interrupted save never leaves an unreadable file.
import {openProgressStore} from '../../src/progress/store.js';

const [essayId = 'loop', folder = '.'] = process.argv.slice(2);
const store = openProgressStore(essayId, folder);
for (let round = 0; ; round++) {
	// Large enough that a write is not one tiny syscall.
	const answers = Array.from({length: 200}, (_, quiz) => Array.from({length: 50}, (_, question) => (quiz + question + round) % 4));
	store.save({place: {kind: 'quiz', quiz: round % 2, question: round % 3}, answers});
	// Reports progress so the test can kill it after a number of saves rather than after a sleep.
	if (round % 10 === 0) process.stdout.write(`${round}\n`);
}
