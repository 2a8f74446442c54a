// Checks an answer to an exercise's question against the core's numbers: right within half a unit
// of the decimals asked; right but not rounded as asked; or wrong, and then which known mistake
// (the question's likely ones, the core's teaching bugs, the slips of numpy/compare.js, another
// array of the same step, the other orientation) gives exactly the numbers given.
import { parseArrayText } from '../numpy/parse-array.js';
import { describeArray } from '../numpy/trace-npz.js';
import { transposed } from './exercises.js';

/** Half a unit of the last decimal asked, and a rounding slack for numbers near it. */
const tolerance = (decimals, value) => 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(value));
const within = (given, wanted, decimals) => given.length === wanted.length && given.every((v, k) => Math.abs(v - wanted[k]) <= tolerance(decimals, wanted[k]));
/** The arrays of a step's forward and backward passes (not its weights, batch or updated weights). */
const PASS_VALUE = /^((L\d+_)?(z|a|h|fprime|delta|dh|dW|db|dW1|dW2|db1|grad_in)\d*|dL_doutput)$/;
/** The decimals written in a number's text ("0.820" has 3). */
const writtenDecimals = (token) => (/\.(\d+)/.exec(token)?.[1].length ?? 0);

/**
 * The arrays a question's answer can be mistaken for, in the order they are tried: {text, data}.
 * `step` is the exercise's step ({trace, arrays, variants}); `question` the exercise's question.
 */
export function candidates(question, step) {
  const expected = question.pick(step.arrays);
  const out = question.likely.map((m) => ({ text: m.text, data: Array.from(m.pick(step.arrays).data) }));
  for (const variant of step.variants) {
    let value;
    try {
      value = question.pick({ ...step.arrays, ...variant.arrays });
    } catch {
      continue;
    }
    if (value && !within(Array.from(value.data), Array.from(expected.data), 12)) out.push({ text: variant.text, data: Array.from(value.data) });
  }
  // the same numbers in the other orientation (a matrix read row by row the other way round)
  if (expected.shape.length === 2 && expected.shape[0] > 1 && expected.shape[1] > 1) {
    const [rows, cols] = expected.shape;
    out.push({ text: `these are the right numbers in the other orientation: the question asks ${rows} rows of ${cols}, row by row`, data: Array.from(transposed(expected).data) });
  }
  // another value of the step's passes with as many numbers (δ of another layer, ∂L/∂a for ∂L/∂z, …)
  for (const [name, array] of Object.entries(step.arrays)) {
    if (array.data.length !== expected.data.length || !PASS_VALUE.test(name)) continue;
    const what = describeArray(name, step.trace);
    out.push({ text: `these are the numbers of ${name}, ${what}`, data: Array.from(array.data) });
  }
  return out;
}

/**
 * The verdict on `text` as the answer to a question whose right numbers are `expected` ({shape,
 * data}) to `decimals`: {verdict: 'right' | 'rounding' | 'wrong' | 'unreadable', message, mistake}
 * (mistake: the text of the candidate that gives exactly the answer, or null).
 */
export function checkNumbers(text, { expected, decimals, mistakes = [] }) {
  const parsed = parseArrayText(text);
  if ('error' in parsed) return { verdict: 'unreadable', message: `This answer cannot be read: ${parsed.error}.`, mistake: null };
  const wanted = Array.from(expected.data);
  const given = parsed.data;
  if (given.length !== wanted.length) {
    const shape = expected.shape.length === 2 && expected.shape[1] > 1 ? ` (${expected.shape.join(' × ')})` : '';
    return { verdict: 'unreadable', message: `The answer needs ${wanted.length} number${wanted.length === 1 ? '' : 's'}${shape}; this one has ${given.length}.`, mistake: null };
  }
  if (within(given, wanted, decimals)) return { verdict: 'right', message: 'Right.', mistake: null };
  // right to the decimals written (one at least), but fewer than asked
  const tokens = String(text).replace(/[−–]/g, '-').match(/[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/gi) ?? [];
  const least = Math.min(...tokens.map(writtenDecimals));
  if (least >= 1 && least < decimals && within(given, wanted, least)) {
    return { verdict: 'rounding', message: `Right to the ${least} decimal${least === 1 ? '' : 's'} given: the question asks for ${decimals}.`, mistake: null };
  }
  // a mistake fits to the decimals asked, or to those given when at least two are
  const fits = mistakes.find((m) => within(given, m.data, decimals) || (least >= 2 && least < decimals && within(given, m.data, least)));
  return {
    verdict: 'wrong',
    message: fits ? `Not right. Likely mistake: ${fits.text}.` : 'Not right, and it fits none of the mistakes the lab knows: open the worked step to compare each number.',
    mistake: fits?.text ?? null,
  };
}

/** The factors e_k / e_(k+1) of `rates` (log₂ of them) between rows both above the floor. */
const factorsAbove = (rates, floorIndex) => rates.slice(0, Math.max(0, floorIndex - 1)).filter(Number.isFinite).map((r) => 2 ** r);
/** The answers accepted for a factor read off the table: the table's own, `slack` either side. */
const span = (least, most, slack) => ({ least, most, low: least - slack, high: most + slack });
const inSpan = (v, { low, high }) => v >= low && v <= high;

/**
 * The answers of the gradient-test reading (exercise 'gradient-test') for the core's `result`:
 * {factor: {least, most, low, high, shown}, verdict: 'right' | 'wrong'}: the table's factors run
 * from least to most, answers in low..high are accepted, and `shown` is 2 to the fitted slope.
 */
export function readingAnswers(result) {
  const factors = factorsAbove(result.firstOrderRate, result.floorIndex);
  const fitted = 2 ** result.firstOrderSlope;
  const first = factors.length ? span(Math.min(...factors), Math.max(...factors), 0.05) : span(fitted, fitted, 0.3);
  return { factor: { ...first, shown: fitted.toFixed(1) }, verdict: result.passed ? 'right' : 'wrong' };
}

/** The verdict on an answer to the reading exercise's question `id` ('factor' or 'verdict'). */
export function checkReading(id, text, result) {
  const answers = readingAnswers(result);
  if (id === 'verdict') {
    if (!text) return { verdict: 'unreadable', message: 'Choose an answer.', mistake: null };
    if (text === answers.verdict) return { verdict: 'right', message: 'Right.', mistake: null };
    const factor = answers.factor.shown;
    const mistake = answers.verdict === 'wrong'
      ? `the first-order error falls only about ×${factor} each time ε halves, as slowly as the zero-order error (×2): the ε dᵀ∇F term does not cancel the change of F, so ∇F is wrong. A right gradient makes it fall ×4 (slope 2)`
      : `the first-order error falls about ×${factor} each time ε halves, twice as fast as the zero-order error (×2): that is what a right gradient does (slope 2)`;
    return { verdict: 'wrong', message: `Not right. Likely mistake: ${mistake}.`, mistake };
  }
  const parsed = parseArrayText(text);
  if ('error' in parsed || parsed.data.length !== 1) return { verdict: 'unreadable', message: `This answer cannot be read: ${'error' in parsed ? parsed.error : 'give one number'}.`, mistake: null };
  const v = parsed.data[0];
  if (inSpan(v, answers.factor)) {
    const [least, most] = [answers.factor.least, answers.factor.most].map((f) => f.toFixed(1));
    return { verdict: 'right', message: `Right: the table's rows give ×${least === most ? least : `${least} to ${most}`}.`, mistake: null };
  }
  const zero = factorsAbove(result.zeroOrderRate, result.epsilon.length);
  const known = [
    { test: zero.length && inSpan(v, span(Math.min(...zero), Math.max(...zero), 0.05)), text: 'this is the zero-order error\'s factor: read the first-order column' },
    { test: v > 0 && inSpan(1 / v, answers.factor), text: 'this is the later row over the earlier one: the factor it falls by is e_k / e_(k+1), above 1' },
    { test: inSpan(2 ** v, answers.factor), text: 'this is the slope, log₂ of the factor: the question asks the factor itself, 2 to that power' },
  ];
  const fits = known.find((k) => k.test);
  return {
    verdict: 'wrong',
    message: fits ? `Not right. Likely mistake: ${fits.text}.` : 'Not right: divide a row\'s first-order error by the next row\'s, on rows above the rounding floor.',
    mistake: fits?.text ?? null,
  };
}
