// Boundary cost of the wasm API (node, same wasm build): a trainer step on the digits network
// (64-32-10 sigmoid/softmax, batch 32, SGD 0.5) called from JS, against the same steps timed
// inside C++; and the latency of a trace and of a gradient test on that network.
// Run: node bench/boundary.mjs   (after scripts/build.sh wasm). Reports ratios, asserts nothing.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLab } from '../web/js/engine.js';

const lab = await createLab();
const bytes = gunzipSync(readFileSync(new URL('../datasets/digits.bpds.gz', import.meta.url)));
const digits = lab.loadBundled('digits', bytes);
const spec = { input: 64, layers: [{ units: 32, activation: 'sigmoid' }, { units: 10, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 1 } };
const settings = { optimizer: 'sgd', learning_rate: 0.5, batch_size: 32, epochs: 100000, seed: 1 };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const steps = 3000;
const fromJs = [];
const insideCpp = [];
for (let run = 0; run < 7; run += 1) {
  const net = lab.network(spec);
  const trainer = lab.trainer(net, digits, settings);
  trainer.timeSteps(200); // warm-up
  const start = performance.now();
  for (let i = 0; i < steps; i += 1) trainer.step();
  fromJs.push((performance.now() - start) / steps);
  insideCpp.push(trainer.timeSteps(steps) / steps);
  trainer.dispose();
  net.dispose();
}
const js = median(fromJs);
const cpp = median(insideCpp);
console.log(`trainer step, digits 64-32-10, batch 32 (median of 7 × ${steps} steps)`);
console.log(`  called from JS:     ${(js * 1000).toFixed(1)} µs/step`);
console.log(`  loop inside C++:    ${(cpp * 1000).toFixed(1)} µs/step`);
console.log(`  ratio JS / C++:     ${(js / cpp).toFixed(3)}  (target ≤ 1.5)`);

const net = lab.network(spec);
const x = digits.features().slice(0, 64);
const y = new Float64Array(10);
y[digits.labels()[0]] = 1;
const time = (fn, repeats = 20) => {
  fn();
  const samples = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
};
console.log(`network of ${net.parameterCount} parameters:`);
console.log(`  trace of one sample:            ${time(() => net.trace(x, y, { learningRate: 0.5 })).toFixed(2)} ms`);
console.log(`  gradient test, 20 iterations:   ${time(() => net.gradientTest(x, y, { iterations: 20 })).toFixed(2)} ms`);
console.log(`  element-wise check, 200 entries: ${time(() => net.elementwiseCheck(x, y, { maxEntries: 200 }), 5).toFixed(2)} ms`);
net.dispose();
digits.dispose();
