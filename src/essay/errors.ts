/**
 * A problem with a content file that the reader should see as one line, without a stack trace.
 * The message always starts with the file it is about.
 */
export class ContentError extends Error {
	override readonly name = 'ContentError';

	constructor(
		readonly file: string,
		readonly problem: string,
	) {
		super(`${file}: ${problem}`);
	}
}
