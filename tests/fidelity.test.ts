// A check that needs no hand-written expectations: for every fixture post, what the reader prints
// keeps every code line verbatim, every table cell's words, every prose word, and (outside code) no
// line is wider than the width asked for.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {loadEssay} from '../src/essay/load.js';
import {renderSection} from '../src/render/section.js';
import {stylesFor} from '../src/render/styles.js';
import {fixture} from './helpers/paths.js';

const fixtures = ['kitchen-sink.md', 'field-notes.md', ...readdirSync(fixture('material')).map((name) => path.join('material', name))];
const plain = stylesFor(false);

/** The fenced code lines of a markdown text (tabs as the renderer expands them), and the rest. */
function split(source: string): {readonly code: string[]; readonly prose: string[]} {
	const code: string[] = [];
	const prose: string[] = [];
	let fence: {marker: string; indent: number} | undefined;
	for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
		const opener = /^( *)(`{3,}|~{3,})/.exec(line);
		if (fence) {
			if (opener && opener[2]?.startsWith(fence.marker)) fence = undefined;
			else code.push(line.slice(fence.indent).replace(/\t/g, '    '));
			continue;
		}

		if (opener) fence = {marker: opener[2] ?? '```', indent: opener[1]?.length ?? 0};
		else prose.push(line);
	}

	return {code, prose};
}

/** Words of prose a reader must find: plain words of letters, outside markup, links' addresses and HTML. */
function proseWords(lines: readonly string[]): string[] {
	return lines
		.filter((line) => !/^\s*(\[\^[^\]]+\]:|\*\[|<|\{|--8<--|\$\$|[-*_]{3,}\s*$|\[[^\]]+\]:)/.test(line))
		// An admonition's type names it (shown capitalised when it has no title); entities are decoded.
		.map((line) => line.replace(/^\s*(?:!!!|\?\?\?\+?|===[+!]?)\s+[\w-]+/, ' '))
		.join(' ')
		.replace(/<[^>]+>|\]\([^)]*\)|\{[^}]*\}|`[^`]*`|https?:\/\/\S+|:[\w-]+:|\+\+[\w+-]+\+\+|&\w+;/g, ' ')
		.split(/[^A-Za-z]+/)
		.filter((word) => word.length >= 4);
}

describe.each(fixtures)('%s', (name) => {
	const source = readFileSync(fixture(name), 'utf8');
	const essay = loadEssay(fixture(name));
	const printed = essay.sections.flatMap((_, index) => renderSection(essay, index, 80, plain, 'whole')).map((line) => stripAnsi(line));
	const text = printed.join('\n');
	const {code, prose} = split(source);

	it('keeps every fenced code line verbatim, each whole on a line of its own', () => {
		for (const line of code.filter((candidate) => candidate.trim() !== '' && !/\(\d+\)!/.test(candidate))) {
			expect(printed.some((printedLine) => printedLine.trimEnd().endsWith(line.trimEnd())), line).toBe(true);
		}
	});

	it('keeps every prose word and every table cell', () => {
		for (const word of proseWords(prose)) expect(text, word).toContain(word);
	});

	it('in the reader, no line is wider than the width', () => {
		for (const width of [40, 60, 80]) {
			const lines = essay.sections.flatMap((_, index) => renderSection(essay, index, width, plain)).map((line) => stripAnsi(line));
			expect(lines.filter((line) => [...line].length > width)).toEqual([]);
		}
	});
});
