/** The widest a line of body text gets, however wide the terminal: a comfortable reading measure. */
export const MEASURE = 84;
/** Blank columns kept on each side of the text on narrow screens. */
export const MIN_MARGIN = 2;

/** Where the text column sits in a terminal `columns` wide. */
export interface ColumnLayout {
	/** Blank columns before the text. */
	readonly margin: number;
	/** Width the text is wrapped to. */
	readonly width: number;
}

/** Centres a text column of at most MEASURE columns in a terminal `columns` wide. */
export function columnLayout(columns: number): ColumnLayout {
	const width = Math.max(1, Math.min(MEASURE, columns - 2 * MIN_MARGIN));
	return {width, margin: Math.max(0, Math.floor((columns - width) / 2))};
}
