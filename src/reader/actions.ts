import type {ScreenSize} from './geometry.js';
import type {KeyName} from './keys.js';

/** Everything that can move the reader. Key handlers dispatch these; nothing else changes state. */
export type Action =
	/** A key press, resolved against the key table of the screen that is live when it arrives. */
	| {readonly type: 'key'; readonly key: KeyName | undefined; readonly text: string}
	| {readonly type: 'resize'; readonly screen: ScreenSize}
	| {readonly type: 'scroll'; readonly lines: number}
	| {readonly type: 'page'; readonly direction: 1 | -1}
	| {readonly type: 'halfPage'; readonly direction: 1 | -1}
	/** Page up; at the top of a page, go back to the end of the one before. */
	| {readonly type: 'retreat'}
	| {readonly type: 'top'}
	| {readonly type: 'bottom'}
	| {readonly type: 'advance'}
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'goToSection'; readonly index: number}
	/** Answers the question shown; `quiz` and `question`, when given, must name it or nothing happens. */
	| {readonly type: 'answer'; readonly choice: number; readonly quiz?: number; readonly question?: number}
	| {readonly type: 'continue'}
	| {readonly type: 'skipQuiz'}
	| {readonly type: 'retakeQuiz'}
	| {readonly type: 'openHelp'}
	| {readonly type: 'openToc'}
	| {readonly type: 'closeOverlay'}
	| {readonly type: 'tocMove'; readonly by: number}
	| {readonly type: 'tocSelect'}
	| {readonly type: 'helpScroll'; readonly lines: number}
	| {readonly type: 'helpPage'; readonly direction: 1 | -1}
	/** Opens or closes the collapsible callout (`???`) whose title bar is on screen. */
	| {readonly type: 'toggleCallout'}
	| {readonly type: 'openSearch'}
	| {readonly type: 'searchType'; readonly text: string}
	| {readonly type: 'searchErase'}
	| {readonly type: 'searchSubmit'}
	| {readonly type: 'searchCancel'}
	| {readonly type: 'searchNext'; readonly direction: 1 | -1}
	| {readonly type: 'searchClear'}
	/** The search index has grown (or is complete): a search waiting for it looks again. */
	| {readonly type: 'searchIndexed'}
	/** A section drawn in the background has arrived. */
	| {readonly type: 'sectionDrawn'}
	/** A message for the status bar from outside the reader (saving failed, for example). */
	| {readonly type: 'notify'; readonly text: string}
	/** A notice has been shown long enough: it goes, unless another has replaced it. */
	| {readonly type: 'expireNotice'; readonly text: string}
	| {readonly type: 'quit'; readonly code: number}
	/** Hand the terminal back to the shell until `fg` (Ctrl+Z). */
	| {readonly type: 'suspend'}
	/** Write the summary as a Markdown file (a second press, right after being told the file exists, replaces it). */
	| {readonly type: 'export'}
	/** The summary's file exists: say so, and let the next export replace it. */
	| {readonly type: 'exportExists'; readonly file: string};

/** The `type` of an action. */
export type ActionType = Action['type'];
