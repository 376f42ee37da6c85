// Generated essays for the benchmark: mixed content as real posts have it (paragraphs with inline
// markup and links, code, lists, tables, callouts), in sections, to any size. Deterministic: the same
// size gives the same file, so runs compare.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const WORDS = (
	'model data team engineer product launch evaluation latency prompt retrieval index vector search ' +
	'customer feedback loop hire research ship demo metric baseline error budget pipeline schema ' +
	'cache token context window agent tool function query ranking recall precision dataset label'
).split(' ');

/** A small linear congruential generator: the same sequence every run. */
function random(seed) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

/**
 * Writes an essay of about `bytes` bytes in a new folder and returns its path. Its title is `title`;
 * the word `needle` appears once, in its last section, for a search to find.
 * @param {number} bytes
 * @param {string} title
 * @param {string} needle
 * @returns {string}
 */
export function mixedEssay(bytes, title, needle) {
	const next = random(bytes);
	const pick = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'data';
	const sentence = () => {
		const words = Array.from({length: 8 + Math.floor(next() * 12)}, pick);
		const styled = next();
		if (styled < 0.15) words[2] = `**${words[2]}**`;
		else if (styled < 0.3) words[3] = `*${words[3]}*`;
		else if (styled < 0.4) words[1] = `\`${words[1]}\``;
		else if (styled < 0.5) words[4] = `[${words[4]}](https://example.com/${words[4]})`;
		const text = words.join(' ');
		return text.charAt(0).toUpperCase() + text.slice(1) + '.';
	};
	const paragraph = () => Array.from({length: 3 + Math.floor(next() * 4)}, sentence).join(' ');
	const code = () => ['```python', ...Array.from({length: 6 + Math.floor(next() * 10)}, (_, line) => `${'    '.repeat(line % 3)}${pick()}_${line} = ${pick()}(${pick()}, ${line})`), '```'].join('\n');
	const list = () => Array.from({length: 3 + Math.floor(next() * 4)}, () => `- ${sentence()}`).join('\n');
	const table = () => ['| name | value | note |', '| --- | ---: | --- |', ...Array.from({length: 4 + Math.floor(next() * 6)}, () => `| ${pick()} | ${Math.floor(next() * 1000)} | ${pick()} ${pick()} |`)].join('\n');
	const callout = () => `!!! note "${pick()} ${pick()}"\n\n    ${paragraph()}`;
	const blocks = [paragraph, paragraph, paragraph, code, list, table, callout];

	const sections = [];
	let size = 0;
	for (let index = 1; size < bytes; index++) {
		const parts = [`## Part ${index}: ${pick()} and ${pick()}`];
		for (let block = 0; block < 12; block++) parts.push((blocks[Math.floor(next() * blocks.length)] ?? paragraph)());
		const section = parts.join('\n\n');
		sections.push(section);
		size += section.length + 2;
	}

	sections.push(`## The end\n\nThe ${needle} is here, once.`);
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'mle-essay-bench-')), 'essay.md');
	writeFileSync(file, `---\ndate: 2024-04-08\nauthors: [bench]\n---\n\n# ${title}\n\n${paragraph()}\n\n${sections.join('\n\n')}\n`);
	return file;
}
