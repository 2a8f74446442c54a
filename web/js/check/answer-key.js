// The teacher's answer key: for each variant of a range and each exercise of a set, every
// question's right answer as the core computes it, one row per question, as CSV (a spreadsheet
// opens it; a student's variant finds their row).
import { exercise } from './exercises.js';
import { runExercise } from './exercise-run.js';
import { readingAnswers } from './answers.js';

/** The most variants one answer key holds (each runs every exercise once). */
export const KEY_MOST_VARIANTS = 200;

const quoted = (text) => `"${String(text).replace(/"/g, '""')}"`;

/** The answer to `question` of `run` as text: its numbers to the decimals asked, or the choice. */
export function answerText(run, question) {
  if (run.test) {
    const answers = readingAnswers(run.test.result);
    if (question.id === 'verdict') return answers.verdict;
    return `${answers.factor.shown} (${Math.max(0, answers.factor.low).toFixed(2)} to ${answers.factor.high.toFixed(2)} accepted)`;
  }
  const value = question.pick(run.steps[question.step ?? 0].arrays);
  return Array.from(value.data, (v) => v.toFixed(question.decimals).replace(/^-(0\.0*)$/, '$1')).join(' ');
}

/** The answer key's header line. */
export const KEY_HEADER = ['variant', 'exercise', 'source', 'question', 'asked', 'answer'].join(',');

/** The answer key's lines for variant `seed` and exercises `ids`: one per question. */
export function answerKeyLines(lab, ids, seed) {
  return ids.flatMap((id) => {
    const ex = exercise(id);
    const run = runExercise(lab, ex, seed);
    return ex.questions.map((q) => [seed, id, quoted(ex.source), q.id, quoted(q.ask), quoted(answerText(run, q))].join(','));
  });
}

/** The CSV of the answers of exercises `ids` for each variant of `seeds`. */
export function answerKeyCsv(lab, ids, seeds) {
  return `${[KEY_HEADER, ...seeds.flatMap((seed) => answerKeyLines(lab, ids, seed))].join('\n')}\n`;
}
