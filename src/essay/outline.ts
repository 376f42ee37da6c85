// Where an essay's sections begin, found line by line without lexing the markdown. Lexing all of it
// was most of the start of a long essay (a 20 MB one: ~800 ms of marked's block lexer before the first
// frame); the sections are lexed one at a time instead, when drawn (parse.ts). The outline must split
// the text exactly where marked would: a line it cannot be sure of (a heading that might be inside a
// list, an HTML block or an indented fence; a setext underline; a footnote) makes it give up, and the
// essay is lexed whole as before. tests/outline.test.ts checks both ways give the same essay.
import {Lexer} from 'marked';

/** What the outline found: enough to name every section and lex each alone. */
export interface Outline {
	/** Where each H2 line starts, in order. */
	readonly chapters: readonly number[];
	/** Where the first H1 line starts (the essay's title), if there is one. */
	readonly title: number | undefined;
	/** The link reference definitions at the top level (`[x]: url`), one a line, as marked reads them. */
	readonly definitions: string;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const LESS_THAN = 60;
const EQUALS = 61;
const DASH = 45;
const BRACKET = 91;
const COLON = 58;
const STAR = 42;
const BRACE = 123;

/** An ATX heading of depth one or two as marked reads one (`#` and white space or the line's end). */
const HEADING = /^ {0,3}(#{1,2})(?=\s|$)/;
/** Any ATX heading, to tell one apart when it is not a section's. */
const ANY_HEADING = /^ {0,3}#{1,6}(?=\s|$)/;
/** A setext underline: under a paragraph line, it makes that line a heading. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A thematic break (`---`, `***`, `___`, spaced or not). */
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/;
/** marked's own rule for a link reference definition, matched where a line starts (made when first needed: see parse.ts). */
let definition: RegExp | undefined;
/** HTML blocks that end at a marker rather than a blank line (CommonMark's kinds 1 to 5). */
const HTML_ENDS: ReadonlyArray<readonly [RegExp, string]> = [
	[/^<!--/, '-->'],
	[/^<\?/, '?>'],
	[/^<!\[CDATA\[/, ']]>'],
	[/^<![A-Za-z]/, '>'],
	[/^<(script|pre|style|textarea)(?=[\s>]|$)/i, ''],
];

function isBlank(text: string, start: number, end: number): boolean {
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code !== SPACE && code !== TAB) return false;
	}

	return true;
}

/** Whether a line could be a heading (of a section or the title), a fence or a setext underline. */
function startsBlock(line: string): boolean {
	return HEADING.test(line) || /^ {0,3}(?:`{3,}|~{3,})/.test(line) || UNDERLINE.test(line);
}

/** The link reference definition starting at `start`, as marked would take it, if there is one. */
function definitionAt(body: string, start: number): string | undefined {
	definition ??= new RegExp(Lexer.rules.block.gfm.def.source.slice(1), 'y');
	definition.lastIndex = start;
	return definition.exec(body)?.[0];
}

/** A line of a definition list, an abbreviation or a critic marker (as mkdocs.ts's passLines reads them). */
function isPassedLine(line: string): boolean {
	return /^:[ \t]/.test(line) || /^ {0,3}\*\[[^\]]+\]:/.test(line) || /^[ \t]*(?:\{==|==\})[ \t]*$/.test(line);
}

/** Where the HTML block starting with `line` ends: a marker to find, or a blank line (''). */
function htmlEnd(line: string): string {
	for (const [start, end] of HTML_ENDS) {
		const match = start.exec(line);
		if (match) return end === '' ? `</${(match[1] ?? '').toLowerCase()}>` : end;
	}

	return '';
}

/**
 * The outline of an essay's body (front matter removed, text normalised), or undefined when a line
 * might not mean what it seems to and only lexing all of the text can say where the sections are.
 */
export function outline(body: string): Outline | undefined {
	// Footnotes are numbered across the whole essay: they need it all at once.
	if (body.includes('[^')) return undefined;
	const chapters: number[] = [];
	const definitions: string[] = [];
	let title: number | undefined;
	/** The open fence's marker (``` or ~~~, at least as long) and indent. */
	let fence: {readonly char: number; readonly length: number; readonly indent: number} | undefined;
	/** In an HTML block: what ends it, '' for a blank line. */
	let html: string | undefined;
	/** Whether the line before could be a paragraph's (a setext underline or a definition would read differently). */
	let afterText = false;
	for (let start = 0; start < body.length; ) {
		const newline = body.indexOf('\n', start);
		const end = newline === -1 ? body.length : newline;
		const next = end + 1;
		let indent = 0;
		while (indent < 4 && body.charCodeAt(start + indent) === SPACE) indent++;
		const first = body.charCodeAt(start + indent);
		const isSpecial = indent < 4 && (first === HASH || first === BACKTICK || first === TILDE || first === LESS_THAN || first === EQUALS || first === DASH || first === BRACKET);
		if (fence !== undefined) {
			// A fence indented under a list item ends with the item, where a line is indented less: marked's list rules decide.
			if (fence.indent > 0 && indent < fence.indent && !isBlank(body, start, end)) return undefined;
			if (isSpecial && first === fence.char) {
				let run = 0;
				while (body.charCodeAt(start + indent + run) === first) run++;
				if (run >= fence.length) {
					// A closing fence has nothing after its marker; marked and the line passes differ on one that has.
					if (!isBlank(body, start + indent + run, end)) return undefined;
					fence = undefined;
				}
			}

			afterText = false;
			start = next;
			continue;
		}

		// The lines MkDocs' line passes change (mkdocs.ts, passLines) change what is around them too:
		// a definition (`:   text`) makes the line above a term; an abbreviation or a critic marker goes.
		if ((first === COLON || first === STAR || first === BRACE || first === EQUALS || first === SPACE || first === TAB) && isPassedLine(body.slice(start, end))) return undefined;
		if (html !== undefined) {
			if (html === '' && isBlank(body, start, end)) html = undefined;
			// What the outline takes for HTML marked may read as a paragraph's text: a heading, a fence,
			// an underline, a definition or HTML that runs past a blank line (a comment) opening there
			// could begin or end a section.
			else if (isSpecial && (startsBlock(body.slice(start, end)) || (first === BRACKET && definitionAt(body, start) !== undefined) || (first === LESS_THAN && htmlEnd(body.slice(start + indent, end)) !== ''))) return undefined;
			else if (html !== '' && body.slice(start, end).toLowerCase().includes(html)) html = undefined;
			afterText = html === undefined ? false : afterText;
			start = next;
			continue;
		}

		if (!isSpecial) {
			// An indented line may be code, or a paragraph in a list item: taken for text.
			afterText = !isBlank(body, start, end);
			start = next;
			continue;
		}

		const line = body.slice(start, end);
		if (first === HASH) {
			const heading = HEADING.exec(line);
			if (heading) {
				// Indented, it may belong to a list item above it.
				if (indent > 0) return undefined;
				if (heading[1] === '##') chapters.push(start);
				else title ??= start;
			}

			afterText = heading === null && !ANY_HEADING.test(line);
		} else if (first === BACKTICK || first === TILDE) {
			let run = 0;
			while (body.charCodeAt(start + indent + run) === first) run++;
			if (run >= 3) {
				// A backtick fence's info string holds no backtick, else the line is text to marked.
				if (first === BACKTICK && line.indexOf('`', indent + run) !== -1) return undefined;
				fence = {char: first, length: run, indent};
			}

			afterText = run < 3;
		} else if (first === LESS_THAN) {
			const rest = line.slice(indent);
			if (/^<[A-Za-z/!?]/.test(rest)) {
				const ending = htmlEnd(rest);
				// One that ends on its own line (`<!-- more -->`) leaves nothing open.
				html = ending !== '' && rest.slice(1).toLowerCase().includes(ending) ? undefined : ending;
			}

			afterText = true;
		} else if (first === EQUALS || first === DASH) {
			if (afterText && UNDERLINE.test(line)) return undefined;
			// A rule is no paragraph; `===`, `--` or a list item may be, or may start one.
			afterText = !RULE.test(line);
		} else {
			const definition = indent === 0 ? definitionAt(body, start) : undefined;
			if (definition !== undefined) {
				// A definition cannot interrupt a paragraph; marked would read this one as the paragraph's text.
				if (afterText) return undefined;
				definitions.push(definition.trim());
				// It may run over more lines (a title below its address): go on after it.
				start += definition.length;
				afterText = false;
				continue;
			} else if (indent > 0 && /^ {1,3}\[[^\]]*\]:/.test(line)) {
				return undefined;
			}

			afterText = true;
		}

		start = next;
	}

	return {chapters, title, definitions: definitions.join('\n')};
}
