import type {Answers} from '../essay/score.js';
import type {Essay} from '../essay/types.js';
import {cleanText} from '../safe-text.js';
import {scoreLabel} from './quiz.js';

/** Text for a Markdown line: no control characters, and no character that would start markup. */
function inline(text: string): string {
	return cleanText(text)
		.replace(/\s+/g, ' ')
		.replace(/([\\`*_[\]<>#|])/g, '\\$1')
		.trim();
}

/**
 * The summary as a Markdown document to keep: the essay's title and link, the date, each pattern's
 * score (or `skipped`), every missed question with the reader's answer, the right one and the
 * essay's sentence that settles it, and the reflection answers with their takeaways. Opens in any
 * Markdown viewer.
 */
export function summaryMarkdown(essay: Essay, answers: Answers, date: Date): string {
	const lines = [`# Summary: ${inline(essay.title)}`, ''];
	const about = [essay.byline === '' ? '' : inline(essay.byline), essay.source ? `<${essay.source.url}> (${inline(essay.source.licence)} licence)` : ''].filter(
		(part) => part !== '',
	);
	if (about.length > 0) lines.push(about.join(' · '), '');
	lines.push(`Read on ${date.toISOString().slice(0, 10)}.`, '');

	essay.quizzes.forEach((quiz, quizIndex) => {
		const section = essay.sections[quiz.section]?.title ?? quiz.title;
		lines.push(`## ${inline(section)}: ${scoreLabel(quiz, answers[quizIndex])}`, '');
		quiz.questions.forEach((question, questionIndex) => {
			const choice = answers[quizIndex]?.[questionIndex];
			if (question.kind === 'comprehension') {
				if (choice === undefined || choice === question.answer) return;
				lines.push(`- **Missed:** ${inline(question.prompt)}`);
				lines.push(`  - Your answer: ${inline(question.choices[choice] ?? '')}`);
				lines.push(`  - The answer: ${inline(question.choices[question.answer] ?? '')}`);
				if (question.evidence !== undefined) lines.push(`  - The essay: “${inline(question.evidence)}”`);
				return;
			}

			lines.push(`- **Reflection:** ${inline(question.prompt)}`);
			const picked = choice === undefined ? undefined : question.choices[choice];
			if (picked === undefined) {
				lines.push('  - Not answered yet.');
			} else {
				lines.push(`  - Your answer: ${inline(picked.text)}`);
				lines.push(`  - Takeaway: ${inline(picked.takeaway)}`);
			}
		});
		lines.push('');
	});

	return lines.join('\n').replace(/\n+$/, '\n');
}
