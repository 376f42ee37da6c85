/** One stop along the reading path: a section, the quiz after a pattern, or the closing summary. */
export type Stop =
	| {readonly kind: 'section'; readonly section: number}
	| {readonly kind: 'quiz'; readonly quiz: number; readonly section: number}
	| {readonly kind: 'summary'};

/**
 * The order a reader goes through the essay: every section, each quiz right after the section it
 * follows, then a summary when there were quizzes. `quizSections[i]` is the section quiz i follows.
 */
export function readingPath(sectionCount: number, quizSections: readonly number[]): Stop[] {
	const stops: Stop[] = [];
	for (let section = 0; section < sectionCount; section++) {
		stops.push({kind: 'section', section});
		quizSections.forEach((after, quiz) => {
			if (after === section) stops.push({kind: 'quiz', quiz, section});
		});
	}

	if (quizSections.length > 0) stops.push({kind: 'summary'});
	return stops;
}

/** The index of the stop that shows section `section`, or -1. */
export function stopOfSection(stops: readonly Stop[], section: number): number {
	return stops.findIndex((stop) => stop.kind === 'section' && stop.section === section);
}
