/** Words the screens show, kept together so they read as one voice. */
export const copy = {
	helpTitle: 'Keys',
	tocTitle: 'Contents',
	coverLabel: 'cover',
	currentMarker: '●',
	cursorMarker: '›',
	more: '↓',
	helpHint: 'help',
	closeHint: 'close',
	tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) =>
		`Terminal is ${columns}×${rows}: enlarge it to at least ${minColumns}×${minRows} to read (q quits).`,
	attribution: (title: string, byline: string) => `“${title}”${byline === '' ? '' : ` — ${byline}`}`,
} as const;
