// Runs an exercise of check/exercises.js on the core for one variant: the network's step for each
// sample (every array, and the same arrays as each known mistake computes them), or the gradient
// test it asks to read. The result holds everything the page shows and every answer it checks.
import { stepWithMistakes } from '../numpy/step-variants.js';
import { STEP_PRESETS } from '../step/step-presets.js';
import { SAMPLES, networkSpec } from '../gradient/gradient-presets.js';
import { schemaRow } from '../schema.js';
import { variantGenerator, variantNumbers } from './exercises.js';
import { traceParameters } from '../step/step-updates.js';

/** The gradient test of the reading exercise: seed 001's network, K as seed 000 ran it, and how many data seeds are tried for a clear one. */
export const READING_TEST = { gnet: 'seed001', iterations: 8, tries: 10 };

/**
 * Exercise `ex` for variant `seed`: {exercise, seed, numbers, spec, steps} where steps[k] =
 * {params, sample, trace, arrays, variants} is sample k's SGD step from the weights the step
 * before left; or, for the reading exercise, {exercise, seed, test: {gseed, bug, settings, result}}.
 */
export function runExercise(lab, ex, seed) {
  if (ex.kind === 'gradient-test') return runReading(lab, ex, seed);
  const numbers = variantNumbers(ex, seed);
  const { spec } = STEP_PRESETS[ex.preset];
  const network = lab.network(spec);
  try {
    const steps = [];
    let params = numbers.parameters;
    for (const sample of numbers.samples) {
      const traced = { params, input: sample.input, target: sample.target, optimizer: { name: 'sgd' }, learningRate: numbers.learningRate };
      const { trace, arrays, variants } = stepWithMistakes(network, lab.derivativeBugs, traced);
      steps.push({ params, sample, trace, arrays, variants });
      // the next sample starts from the weights this step left
      params = traceParameters(trace, 'after');
    }
    return { exercise: ex, seed, numbers, spec, steps };
  } finally {
    network.dispose();
  }
}

/**
 * The reading exercise's test, as the Gradient lab runs it for {gnet, gseed, bug, K, ε₀}: variant 0
 * is the right gradient; another draws the data's seed and whether the gradient is broken, and if
 * so by which teaching bug among those that break this network's gradient (the first, in a drawn
 * order, whose test fails: a tanh or ReLU bug leaves a sigmoid network's gradient right).
 */
function runReading(lab, ex, seed) {
  const g = variantGenerator(ex.id, seed);
  const first = seed === 0 ? 1 : g.int(1, 999);
  const broken = seed !== 0 && g.pick([true, false]);
  const order = lab.derivativeBugs.map((b) => b.name).filter((b) => b !== 'none').map((b) => [g.int(0, 1e6), b]).sort((p, q) => p[0] - q[0]).map(([, b]) => b);
  // a data seed whose test reads clearly (a verdict, not "inconclusive"): the drawn one, else the next ones
  for (let gseed = first; gseed < first + READING_TEST.tries; gseed += 1) {
    const found = readingTest(lab, gseed, broken ? order : []);
    if (found) return { exercise: ex, seed, test: found };
  }
  throw new Error(`[Check] no clear gradient test for variant ${seed} in ${READING_TEST.tries} data seeds from ${first}`);
}

/**
 * The test of seed 001's network on the blobs of `gseed`: with the first of `bugs` that makes it fail,
 * or (no bugs) with the right gradient if it passes; null when neither reads clearly.
 */
function readingTest(lab, gseed, bugs) {
  const settings = { epsilon0: schemaRow('check', 'check.epsilon0').default, iterations: READING_TEST.iterations, seed: gseed, wrt: 'all', bug: 'none' };
  const net = lab.network(networkSpec(READING_TEST.gnet, gseed));
  let data = null;
  try {
    data = lab.generate({ name: 'blobs', samples: SAMPLES, seed: gseed, classes: Math.max(2, net.outputSize), dimensions: net.inputSize });
    const inputs = data.features();
    const targets = net.targetsFor(data);
    const test = (bug) => {
      try {
        return net.gradientTest(inputs, targets, { ...settings, bug });
      } catch {
        return null; // a bug that cannot apply to this network (W δ for Wᵀ δ needs a square W)
      }
    };
    for (const bug of bugs) {
      const result = test(bug);
      if (result?.verdict === 'fail') return { gseed, bug, settings: { ...settings, bug }, result };
    }
    if (bugs.length) return null;
    const result = test('none');
    return result?.verdict === 'pass' ? { gseed, bug: 'none', settings, result } : null;
  } finally {
    net.dispose();
    data?.dispose();
  }
}
