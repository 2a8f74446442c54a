// The "Check your work" exercises against NumPy: every step exercise's answers, for three
// variants, equal those tests/fixtures/check/make_answers.py worked with NumPy from the same
// numbers; and the checker's verdicts: right, rounded too far, unreadable, and each named mistake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createLab } from '../../web/js/engine/engine.js';
import { useSchema } from '../../web/js/schema.js';
import { EXERCISES, exercise, variantNumbers } from '../../web/js/check/exercises.js';
import { runExercise } from '../../web/js/check/exercise-run.js';
import { candidates, checkNumbers, checkReading, readingAnswers } from '../../web/js/check/answers.js';
import { answerKeyCsv } from '../../web/js/check/answer-key.js';
import { createProgress, PROGRESS_KEY } from '../../web/js/check/progress.js';
import { parseArrayText } from '../../web/js/numpy/parse-array.js';

const lab = await createLab();
useSchema(lab);
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/check/${name}`, import.meta.url), 'utf8'));

/** The verdict of `text` for question `qid` of exercise `id`, variant `seed`. */
function verdict(id, qid, text, seed = 0) {
  const run = runExercise(lab, exercise(id), seed);
  const q = run.exercise.questions.find((x) => x.id === qid);
  const step = run.steps[q.step ?? 0];
  return checkNumbers(text, { expected: q.pick(step.arrays), decimals: q.decimals, mistakes: candidates(q, step) });
}
const round = (v, d) => v.toFixed(d);

test('the fixture holds the numbers the exercises show now', () => {
  for (const e of fixture('exercises.json')) {
    const numbers = variantNumbers(exercise(e.exercise), e.seed);
    assert.deepEqual(numbers.parameters, e.parameters, `${e.exercise} variant ${e.seed}`);
    assert.deepEqual(numbers.samples, e.samples);
  }
});

test('every step exercise\'s answers equal NumPy\'s, for variants 0, 7 and 123456', () => {
  const worked = fixture('answers.json');
  assert.equal(worked.length, EXERCISES.filter((e) => e.preset).length * 3);
  for (const { exercise: id, seed, answers } of worked) {
    const run = runExercise(lab, exercise(id), seed);
    for (const q of run.exercise.questions) {
      const mine = Array.from(q.pick(run.steps[q.step ?? 0].arrays).data);
      assert.equal(mine.length, answers[q.id].length, `${id}/${seed}/${q.id}`);
      mine.forEach((v, k) => assert.ok(Math.abs(v - answers[q.id][k]) < 1e-12, `${id}/${seed}/${q.id}[${k}]: ${v} vs NumPy ${answers[q.id][k]}`));
      // typed as a student rounds them, the answers are right
      assert.equal(verdict(id, q.id, answers[q.id].map((v) => round(v, q.decimals)).join(', '), seed).verdict, 'right', `${id}/${seed}/${q.id}`);
    }
  }
});

test('seed 001 Q1.1 is 0.82, as the seed works it; fewer decimals than asked, or a bad answer, say so', () => {
  assert.equal(verdict('s001-forward', 'output', '0.82').verdict, 'right');
  assert.equal(verdict('s001-forward', 'output', '0.8221').verdict, 'right');
  assert.equal(verdict('s001-forward', 'output', '0.83').verdict, 'wrong');
  const coarse = verdict('s001-forward', 'z1', '1.7 2.5 1.7');
  assert.equal(coarse.verdict, 'right', 'z1 is exactly 1.7, 2.5, 1.7: trailing zeros are not needed');
  const rounded = verdict('s001-backward', 'delta2', '-0.03');
  assert.equal(rounded.verdict, 'rounding');
  assert.match(rounded.message, /Right to the 2 decimals given: the question asks for 4/);
  assert.match(verdict('s001-forward', 'z1', '1.7, 2.5').message, /needs 3 numbers; this one has 2/);
  assert.match(verdict('s001-forward', 'z1', '1.7, two, 1.7').message, /"two" is not a number/);
});

test('a wrong answer is named when a known mistake gives exactly its numbers', () => {
  const z2 = runExercise(lab, exercise('s001-forward'), 0).steps[0].arrays.z2.data[0];
  assert.match(verdict('s001-forward', 'output', round(z2, 2)).message, /z⁽²⁾, the output before its sigmoid/);
  assert.match(verdict('s001-forward', 'z1', '0.7 1.5 0.7').message, /without the bias/);
  const s001 = runExercise(lab, exercise('s001-backward'), 0).steps[0];
  const a = s001.arrays;
  // δ⁽²⁾ without σ′, and with σ in place of σ′ (the core's teaching bug)
  assert.match(verdict('s001-backward', 'delta2', round(a.dL_doutput.data[0], 4)).message, /∂L\/∂a⁽²⁾ = a⁽²⁾ − y/);
  const sigma = s001.variants.find((v) => /σ\(z\)/.test(v.text) && v.arrays.delta2);
  assert.ok(sigma, 'the core\'s sigmoid teaching bug is among the variants');
  assert.match(verdict('s001-backward', 'delta2', round(sigma.arrays.delta2.data[0], 4)).message, new RegExp(sigma.text.slice(0, 20).replace(/[()]/g, '\\$&')));
  // the wrong sign, and the lab's orientation where the seed's is asked
  assert.match(verdict('s001-backward', 'delta1', Array.from(a.delta1.data, (v) => round(-v, 4)).join(' ')).message, /wrong sign/);
  assert.match(verdict('s001-backward', 'dW1', Array.from(a.dW1.data, (v) => round(v, 4)).join(' ')).message, /other orientation/);
  // ∂L/∂a⁽¹⁾ for δ⁽¹⁾
  assert.match(verdict('s001-backward', 'delta1', Array.from(a.grad_in2.data, (v) => round(v, 4)).join(' ')).message, /∂L\/∂a⁽¹⁾ = w⁽²⁾ δ⁽²⁾/);
  // seed 004's own slip: the bias gradients swapped in the sample-2 update (its expressions give
  // 0.0388 and 0.0392, which it then rounds wrongly to 0.0389 and 0.0391: see the preset's erratum)
  assert.match(verdict('s004-sgd', 'after2', '1.0583 0.0388 1.0587 0.0392').message, /bias gradients are swapped/);
  // η left out, softmax: log₁₀ and p for p − y, the residual block without its identity path
  const after2 = runExercise(lab, exercise('s004-sgd'), 0).steps[1].arrays;
  const noEta = [after2.W1, after2.b1, after2.W2, after2.b2].map((w, k) => w.data[0] - [after2.dW1, after2.db1, after2.dW2, after2.db2][k].data[0]);
  assert.match(verdict('s004-sgd', 'after2', noEta.map((v) => round(v, 4)).join(' ')).message, /learning rate is left out/);
  const soft = runExercise(lab, exercise('softmax-ce'), 0).steps[0].arrays;
  assert.match(verdict('softmax-ce', 'loss', round(soft.loss.data[0] / Math.LN10, 4)).message, /natural log/);
  assert.match(verdict('softmax-ce', 'dz', Array.from(soft.a1.data, (v) => round(v, 4)).join(' ')).message, /this is p: ∂L\/∂z = p − y/);
  const res = runExercise(lab, exercise('residual'), 0).steps[0].arrays;
  const branch = Array.from(res.L2_grad_in.data, (v, k) => round(v - res.grad_in3.data[k], 4)).join(' ');
  assert.match(verdict('residual', 'gin', branch).message, /identity path passes down the gradient that reached the block/);
  // nothing known fits: the page says so and points to the worked step
  assert.match(verdict('s001-backward', 'delta2', '0.5').message, /fits none of the mistakes the lab knows/);
});

test('the gradient-test reading: the factor and the verdict, for a right and for a broken gradient', () => {
  const right = runExercise(lab, exercise('gradient-test'), 0).test;
  assert.equal(right.bug, 'none');
  const answers = readingAnswers(right.result);
  assert.equal(answers.verdict, 'right');
  assert.ok(Math.abs(Number(answers.factor.shown) - 4) < 0.3, `a right gradient's first-order error falls about ×4: ${answers.factor.shown}`);
  assert.equal(checkReading('factor', '4', right.result).verdict, 'right');
  assert.match(checkReading('factor', '2', right.result).message, /zero-order error's factor/);
  assert.match(checkReading('factor', '0.25', right.result).message, /later row over the earlier one/);
  assert.equal(checkReading('verdict', 'right', right.result).verdict, 'right');
  assert.match(checkReading('verdict', 'wrong', right.result).message, /twice as fast as the zero-order error/);
  // every variant reads clearly: a right gradient passes, a broken one (by a bug that breaks this network) fails
  const tests = [...Array(40).keys()].map((s) => runExercise(lab, exercise('gradient-test'), s + 1).test);
  for (const t of tests) assert.equal(t.result.verdict, t.bug === 'none' ? 'pass' : 'fail', `${t.bug} on data seed ${t.gseed}`);
  assert.ok(tests.filter((t) => t.bug === 'none').length >= 10 && tests.filter((t) => t.bug !== 'none').length >= 10, 'both kinds are drawn');
  const broken = tests.find((t) => t.bug !== 'none');
  assert.ok(broken, 'some variants break the gradient');
  assert.equal(readingAnswers(broken.result).verdict, 'wrong');
  assert.match(checkReading('verdict', 'right', broken.result).message, /so ∇F is wrong/);
});

test('the answer key lists every question of every variant asked, as the checker accepts it', () => {
  const csv = answerKeyCsv(lab, ['s001-forward', 's004-sgd', 'gradient-test'], [0, 1]).trim().split('\n');
  assert.equal(csv.length, 1 + 2 * (2 + 4 + 2));
  assert.equal(csv[0], 'variant,exercise,source,question,asked,answer');
  assert.match(csv[2], /^0,s001-forward,"Seed 001, Q1.1",output,".*","0.82"$/);
  const after3 = csv.find((l) => l.startsWith('0,s004-sgd') && l.includes(',after3,'));
  assert.match(after3, /"1.1078 0.0557 1.1088 0.0544"$/);
  for (const line of csv.slice(1).filter((l) => l.startsWith('1,') && !l.includes('gradient-test'))) {
    const [, id, qid, answer] = /^\d+,([^,]+),"[^"]*",([^,]+),".*","([^"]*)"$/.exec(line);
    assert.equal(verdict(id, qid, answer, 1).verdict, 'right', line);
  }
});

test('progress is kept per variant, exercise and question, and a refused storage is reported', () => {
  const kept = new Map();
  const storage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, v), removeItem: (k) => kept.delete(k) };
  const progress = createProgress(storage);
  progress.set(3, 's001-forward', 'z1', { answer: '1 2 3', verdict: 'wrong' });
  progress.set(3, 's001-forward', 'output', { answer: '0.5', verdict: 'right' });
  assert.equal(createProgress(storage).count(3, 's001-forward', ['z1', 'output']), 1);
  assert.equal(createProgress(storage).get(3, 's001-forward', 'z1').answer, '1 2 3');
  assert.equal(createProgress(storage).get(0, 's001-forward', 'z1'), null);
  kept.set(PROGRESS_KEY, 'not json');
  assert.equal(createProgress(storage).available, true, 'a bad record is replaced, not a refusal');
  const refusing = { getItem: () => { throw Object.assign(new Error('denied'), { name: 'SecurityError' }); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
  const none = createProgress(refusing);
  assert.equal(none.available, false);
  none.set(0, 's001-forward', 'z1', { answer: '1', verdict: 'right' });
  assert.equal(none.count(0, 's001-forward', ['z1']), 1, 'kept for the page\'s life');
});

test('typed and pasted arrays are read as NumPy prints them', () => {
  assert.deepEqual(parseArrayText('0.82'), { shape: [], data: [0.82] });
  assert.deepEqual(parseArrayText('−0.1, 0.2 0.3'), { shape: [3], data: [-0.1, 0.2, 0.3] });
  assert.deepEqual(parseArrayText('array([[1., 2.],\n       [3., 4.]])'), { shape: [2, 2], data: [1, 2, 3, 4] });
  assert.deepEqual(parseArrayText('1 2; 3 4'), { shape: [2, 2], data: [1, 2, 3, 4] });
  assert.match(parseArrayText('[[1, 2], [3]]').error, /row 2 has 1 numbers but row 1 has 2/);
  assert.match(parseArrayText('').error, /empty/);
});
