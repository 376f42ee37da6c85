import {decodeHTML} from 'entities/decode';

/**
 * Text with its HTML character references (`&mdash;`, `&#8212;`) decoded. Text without an `&` has
 * none and is returned as it is: most posts have none, and loading the decoder builds its tables
 * (~3 ms) before the first screen of a post.
 */
export function decodeCharacterReferences(text: string): string {
	return text.includes('&') ? decodeHTML(text) : text;
}
