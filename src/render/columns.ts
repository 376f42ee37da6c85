/** The widest of some numbers (0 for none), without spreading them into arguments: a table can have 150,000 rows. */
export function widestOf(values: Iterable<number>): number {
	let widest = 0;
	for (const value of values) if (value > widest) widest = value;
	return widest;
}

/**
 * Column widths for a table that must fit `width` columns: each column gets what it needs, and
 * when they do not all fit, the widest give way first, down to a common cap, never below 3.
 * Widths include one space of padding per side. Linear in the number of columns but for a binary
 * search over the cap.
 */
export function fitColumns(natural: readonly number[], width: number): number[] {
	const borders = natural.length + 1;
	const available = Math.max(natural.length * 3, width - borders);
	const wanted = natural.map((w) => w + 2);
	const total = (cap: number) => wanted.reduce((sum, w) => sum + Math.min(w, cap), 0);
	if (total(Number.POSITIVE_INFINITY) <= available) return wanted;

	// The largest cap at which the columns fit; what is left over goes, a column each, to the
	// rightmost of those cut down to it.
	let low = 3;
	let high = widestOf(wanted);
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (total(middle) <= available) low = middle;
		else high = middle - 1;
	}

	const widths = wanted.map((w) => Math.min(w, low));
	let spare = available - total(low);
	for (let index = widths.length - 1; index >= 0 && spare > 0; index--) {
		if ((wanted[index] ?? 0) > low) {
			widths[index] = low + 1;
			spare -= 1;
		}
	}

	return widths;
}
