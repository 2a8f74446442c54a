// One training step of a network as NumPy arrays, and the same step as each known mistake computes
// it (issue 18, items 5–7): what "Download for NumPy" saves and what "Check your own numbers"
// compares with, for any lab that has a network and a batch (Step-through, Gradient test).
import { traceArrays } from './trace-npz.js';
import { mistakes } from './compare.js';

/**
 * The step traced on `network` from `traced` ({params, input, target, optimizer, learningRate,
 * carried}): {trace, arrays}. The network is left at `params` with no teaching bug on; its
 * optimizer state is forgotten (a lab that carries it passes `carried`).
 */
export function tracedStep(network, { params, input, target, optimizer = { name: 'sgd' }, learningRate = undefined, carried = null }) {
  network.setParameters(params);
  network.resetTrace();
  const trace = network.trace(input, target, { optimizer, learningRate, state: carried });
  network.setParameters(params);
  network.resetTrace();
  return { trace, arrays: traceArrays(trace, network.spec).arrays };
}

/**
 * The step's arrays and, for comparison, the same arrays as each known mistake computes them: the
 * core's teaching bugs (`bugs`: lab.derivativeBugs; the step traced with each one on, those that
 * cannot apply to the network left out) and the arithmetic slips of mistakes(). {trace, arrays, variants}.
 */
export function stepWithMistakes(network, bugs, traced) {
  const { trace, arrays } = tracedStep(network, traced);
  const variants = [];
  for (const { name, description } of bugs.filter((b) => b.name !== 'none')) {
    try {
      network.derivativeBug = name;
      variants.push({ text: description.replace(/\.$/, ''), arrays: tracedStep(network, traced).arrays });
    } catch {
      // a bug that cannot apply to this network (delta_missing_transpose without a square W)
    } finally {
      network.derivativeBug = 'none';
    }
  }
  const layers = network.spec.layers;
  const last = layers.at(-1);
  const softmaxLayer = last.activation === 'softmax' && network.spec.loss === 'cross_entropy' && last.type !== 'residual' ? layers.length : 0;
  variants.push(...mistakes(arrays, { batch: trace.input.cols, learningRate: trace.learningRate, softmaxLayer }));
  return { trace, arrays, variants };
}
