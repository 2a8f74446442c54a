// Latency of the interactive calls on the digits network (workload A's spec): a trace of one
// sample and of a batch of 32, the gradient test (20 iterations, 32 samples) and the element-wise
// check the Gradient-test lab runs beside it. Median of 20 calls after one warm-up, in ms.
import { median } from './stats.mjs';

const REPEATS = 20;

function timeMs(fn, repeats = REPEATS) {
  fn();
  const samples = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** {trace1, trace32, gradientTest, elementwiseCheck} in ms; `digits` is the scaled digits Dataset. */
export function measureLatency(lab, digits, spec) {
  const net = lab.network(spec);
  const inputs = digits.features().slice(0, 32 * spec.input);
  const targets = net.targetsFor(digits).slice(0, 32 * net.outputSize);
  const one = [inputs.slice(0, spec.input), targets.slice(0, net.outputSize)];
  const result = {
    trace1: timeMs(() => net.trace(...one, { learningRate: 0.5 })),
    trace32: timeMs(() => net.trace(inputs, targets, { learningRate: 0.5 })),
    gradientTest: timeMs(() => net.gradientTest(inputs, targets, { iterations: 20 })),
    elementwiseCheck: timeMs(() => net.elementwiseCheck(inputs, targets, { maxEntries: 200 }), 5),
  };
  net.dispose();
  return result;
}
