import type {Quiz} from './quiz.js';

/** A reader's answers: for each quiz, the chosen choice of each question (undefined while unanswered). */
export type Answers = ReadonlyArray<ReadonlyArray<number | undefined>>;

/** Right answers out of comprehension questions. */
export interface Score {
	readonly right: number;
	readonly total: number;
}

/** Empty answers for a set of quizzes. */
export function noAnswers(quizzes: readonly Quiz[]): Answers {
	return quizzes.map((quiz) => quiz.questions.map(() => undefined));
}

/** The comprehension score of one quiz; reflection questions have no wrong answer and do not count. */
export function scoreQuiz(quiz: Quiz, answers: ReadonlyArray<number | undefined> | undefined): Score {
	let right = 0;
	let total = 0;
	quiz.questions.forEach((question, index) => {
		if (question.kind !== 'comprehension') return;
		total += 1;
		if (answers?.[index] === question.answer) right += 1;
	});
	return {right, total};
}

/** The comprehension score over every quiz. */
export function totalScore(quizzes: readonly Quiz[], answers: Answers): Score {
	return quizzes.reduce<Score>(
		(sum, quiz, index) => {
			const score = scoreQuiz(quiz, answers[index]);
			return {right: sum.right + score.right, total: sum.total + score.total};
		},
		{right: 0, total: 0},
	);
}

/** Whether every question of quiz `index` has an answer. */
export function isQuizDone(answers: Answers, index: number): boolean {
	const quiz = answers[index];
	return quiz !== undefined && quiz.length > 0 && quiz.every((answer) => answer !== undefined);
}
