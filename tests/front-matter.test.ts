import {describe, expect, it} from 'vitest';
import {bylineOf, formatDate, FrontMatterError, splitFrontMatter} from '../src/essay/front-matter.js';

describe('front matter', () => {
	it('splits YAML from the body', () => {
		const {frontMatter, body} = splitFrontMatter('---\nauthors: [a, b]\ndate: 2024-01-31\n---\n\n# Title');
		expect(frontMatter.authors).toEqual(['a', 'b']);
		expect(frontMatter.date).toBe('2024-01-31');
		expect(body).toBe('\n# Title');
	});

	it('accepts a single author as a string and a missing block', () => {
		expect(splitFrontMatter('---\nauthor: solo\n---\nx').frontMatter.authors).toEqual(['solo']);
		expect(splitFrontMatter('# No front matter').body).toBe('# No front matter');
	});

	it('rejects unterminated, invalid and non-mapping front matter with a reason', () => {
		expect(() => splitFrontMatter('---\ntitle: x\n\n# never closed')).toThrow(/never closed/);
		expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\nx')).toThrow(FrontMatterError);
		expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\nx')).toThrow(/invalid YAML front matter/);
		expect(() => splitFrontMatter('---\n- a list\n---\nx')).toThrow(/mapping/);
	});

	it('formats dates and builds the byline from what is present', () => {
		expect(formatDate('2024-04-08')).toBe('April 8, 2024');
		expect(formatDate('someday')).toBe('someday');
		expect(bylineOf({authors: ['jxnl'], categories: ['hiring'], date: '2024-04-08'})).toBe('jxnl · April 8, 2024 · hiring');
		expect(bylineOf({authors: [], categories: []})).toBe('');
	});
});
