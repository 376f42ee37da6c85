/** Metadata from an essay's YAML front matter; every field is optional. */
export interface FrontMatter {
	readonly title?: string;
	readonly date?: string;
	readonly authors: readonly string[];
	readonly categories: readonly string[];
	readonly slug?: string;
	readonly draft?: boolean;
}

/** A piece of a section's body: plain markdown, or an MkDocs admonition holding more blocks. */
export type Block =
	| {readonly kind: 'markdown'; readonly source: string}
	| {
			readonly kind: 'admonition';
			/** The admonition's type as written: `note`, `warning`, `tip`… (lower case). */
			readonly type: string;
			/** The title in quotes, or the type capitalised when none was given; empty when `""` was given. */
			readonly title: string;
			/** `!!!` is fixed, `???` starts collapsed and `???+` starts expanded. */
			readonly form: 'fixed' | 'collapsed' | 'expanded';
			readonly body: readonly Block[];
	  }
	/** A Material content tab (`=== "Python"`): its label and what it holds. */
	| {readonly kind: 'tab'; readonly label: string; readonly body: readonly Block[]};

/** One navigable part of the essay: the cover, or one H2 with everything under it. */
export interface Section {
	readonly kind: 'cover' | 'chapter';
	/** Plain-text title: the essay title for the cover, the H2's text for a chapter. */
	readonly title: string;
	/** URL-style slug of the title, used to name sections in data files. */
	readonly slug: string;
	/** What it holds: read with sectionBlocks and sectionSource (parse.ts). */
	readonly body: SectionBody;
}

/**
 * A section's content: its blocks, or the markdown they are lexed from each time the section is
 * drawn (from its heading line to the next section's), so an essay is not lexed whole before its
 * first screen. `holdsTitle`: the essay's title heading is in it, and is not part of its text.
 */
export type SectionBody = {readonly blocks: readonly Block[]} | {readonly markdown: string; readonly holdsTitle: boolean};

import type {Quiz} from './quiz.js';

/** Where an essay was first published, shown on its cover (the bundled essay's author's blog). */
export interface EssaySource {
	readonly url: string;
	/** The licence it is published under: `MIT`. */
	readonly licence: string;
}

/** A parsed essay: everything the renderer and the reader need, with no file system attached. */
export interface Essay {
	/** A hash of the essay's content (and its quizzes'): saved progress is kept per content. */
	readonly id: string;
	readonly title: string;
	/** Where the title came from: the first H1, the front matter's `title`, or the file name. */
	readonly titleSource: 'heading' | 'front-matter' | 'file-name';
	/** `jxnl · April 8, 2024 · hiring`, or empty when the front matter says nothing. */
	readonly byline: string;
	readonly frontMatter: FrontMatter;
	readonly sections: readonly Section[];
	/** Link reference definitions (`[x]: url`) from anywhere in the file, so each block can resolve them. */
	readonly linkDefinitions: string;
	/**
	 * The titles of other posts this one links to (`[…](./other.md)`), by the address without its
	 * `#…` and with any %-escapes decoded: those beside it (in its folder or below) that could be read.
	 */
	readonly postTitles?: Readonly<Record<string, string>>;
	/** Reflection quizzes from the essay's `.quiz.yaml`, in reading order; empty when it has none. */
	readonly quizzes: readonly Quiz[];
	/** The original post, when known. */
	readonly source?: EssaySource;
}
