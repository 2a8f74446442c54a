// Runs an exercise of check/exercises.js on the core for one variant: the network's step for each
// sample (every array, and the same arrays as each known mistake computes them), or the gradient
// test it asks to read. The result holds everything the page shows and every answer it checks.
import { stepWithMistakes } from '../numpy/step-variants.js';
import { STEP_PRESETS } from '../step/step-presets.js';
import { SAMPLES, networkSpec } from '../gradient/gradient-presets.js';
import { schemaRow } from '../schema.js';
import { EXERCISE_IDS, variantNumbers } from './exercises.js';
import { generator } from './variants.js';

/** The gradient test of the reading exercise: seed 001's network, K as seed 000 ran it. */
export const READING_TEST = { gnet: 'seed001', iterations: 8 };

/**
 * Exercise `ex` for variant `seed`: {exercise, seed, numbers, spec, steps} where steps[k] =
 * {params, sample, trace, arrays, variants} is sample k's SGD step from the weights the step
 * before left; or, for the reading exercise, {exercise, seed, test: {gseed, bug, settings, result}}.
 */
export function runExercise(lab, ex, seed) {
  if (ex.kind === 'gradient-test') return runReading(lab, ex, seed);
  const numbers = variantNumbers(ex, seed, generator);
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
      network.setParameters(params);
      network.resetTrace();
      network.trace(sample.input, sample.target, { optimizer: { name: 'sgd' }, learningRate: numbers.learningRate });
      params = Array.from(network.getParameters());
    }
    return { exercise: ex, seed, numbers, spec, steps };
  } finally {
    network.dispose();
  }
}

/**
 * The reading exercise's test, as the Gradient lab runs it for {gnet, gseed, bug, K, ε₀}: variant 0
 * is the right gradient; another draws the data's seed and whether (and how) the gradient is broken.
 */
function runReading(lab, ex, seed) {
  const g = generator(seed * 7919 + EXERCISE_IDS.indexOf(ex.id));
  const bugs = lab.derivativeBugs.map((b) => b.name);
  const gseed = seed === 0 ? 1 : g.int(1, 999);
  // half the variants have a right gradient, half a broken one
  const bug = seed === 0 || g.pick([true, false]) ? 'none' : g.pick(bugs.filter((b) => b !== 'none'));
  const settings = { epsilon0: schemaRow('check', 'check.epsilon0').default, iterations: READING_TEST.iterations, seed: gseed, wrt: 'all', bug };
  const net = lab.network(networkSpec(READING_TEST.gnet, gseed));
  let data = null;
  try {
    data = lab.generate({ name: 'blobs', samples: SAMPLES, seed: gseed, classes: Math.max(2, net.outputSize), dimensions: net.inputSize });
    let result;
    try {
      result = net.gradientTest(data.features(), net.targetsFor(data), settings);
    } catch {
      // a bug that cannot apply to this network: the right gradient instead
      result = net.gradientTest(data.features(), net.targetsFor(data), { ...settings, bug: 'none' });
      settings.bug = 'none';
    }
    return { exercise: ex, seed, test: { gseed, bug: settings.bug, settings, result } };
  } finally {
    net.dispose();
    data?.dispose();
  }
}
