// The seed 004 preset's erratum against the core: every number it gives for the seed's sample 2
// (the gradients, the seed's swapped bias updates, the correct values) and sample 3 equals the
// wasm core's trace of the same SGD steps, rounded to the seed's four decimals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { STEP_PRESETS } from '../../web/js/step/step-presets.js';
import { formatNumber } from '../../web/js/ui/format.js';

const lab = await createLab();
const preset = STEP_PRESETS.seed004;
const four = (value) => formatNumber(value, 4);
const N = '(−?\\d+(?:\\.\\d+)?)';
/** The numbers of the first match of `pattern` (N marks a number) in the erratum, as four(number); fails when absent. */
function numbers(pattern) {
  const match = preset.erratum.match(new RegExp(pattern.replace(/[()×²]/g, '\\$&').replaceAll('N', N)));
  assert.ok(match, `the erratum says "${pattern.replaceAll('N', '…')}"`);
  return match.slice(1).map((text) => four(Number(text.replace('−', '-'))));
}

/** The traces of the preset's three samples, one SGD step each, as the lab runs them. */
function traceSamples() {
  const net = lab.network(preset.spec);
  net.setParameters(preset.parameters);
  const traces = preset.samples.map((s) => net.trace(s.input, s.target, { optimizer: 'sgd', learningRate: preset.learningRate }));
  net.dispose();
  return traces;
}

const value = (list, name) => list.find((v) => v.name === name).data[0];

test('the seed 004 erratum gives the core\'s sample-2 gradients, the seed\'s swap and the correct biases', () => {
  const [, second, third] = traceSamples();
  const db1 = value(second.layers[0].backward, 'db');
  const db2 = value(second.layers[1].backward, 'db');
  const b1 = second.updates.find((u) => u.layer === 0 && u.name === 'b');
  const b2 = second.updates.find((u) => u.layer === 1 && u.name === 'b');
  const eta = second.learningRate;

  assert.deepEqual(numbers('It computes ∂L/∂b₁ = N and ∂L/∂b₂ = N'), [four(db1), four(db2)]);
  // the seed's lines: b₁ takes ∂L/∂b₂ and b₂ takes ∂L/∂b₁
  const [b1Before, eta1, b1Gradient, , b2Before, eta2, b2Gradient] = numbers('writes b₁ = N − N × (N) = N and b₂ = N − N × (N) = N');
  assert.deepEqual([b1Before, b2Before], [four(b1.before.data[0]), four(b2.before.data[0])]);
  assert.deepEqual([eta1, eta2], [four(eta), four(eta)]);
  assert.deepEqual([b1Gradient, b2Gradient], [four(db2), four(db1)]);
  assert.notEqual(four(db1), four(db2), 'the swap is visible only when the two gradients differ');
  // what the seed's own (swapped) expressions give
  assert.deepEqual(numbers('its own expressions give N and N'), [four(b1.before.data[0] - eta * db2), four(b2.before.data[0] - eta * db1)]);
  // the correct values are the core's
  const [c1Before, , c1Gradient, c1, c2Before, , c2Gradient, c2] = numbers('shown here, are b₁ = N − N × (N) = N and b₂ = N − N × (N) = N');
  assert.deepEqual([c1Before, c1Gradient, c1], [four(b1.before.data[0]), four(db1), four(b1.after.data[0])]);
  assert.deepEqual([c2Before, c2Gradient, c2], [four(b2.before.data[0]), four(db2), four(b2.after.data[0])]);
  assert.deepEqual([c1, c2], ['0.0392', '0.0388']);
  // the sample-2 loss line
  const a2 = second.output.data[0];
  const y = second.target.data[0];
  assert.deepEqual(numbers('typo: (N − N)² is N'), [four(a2), four(y), four((a2 - y) ** 2)]);
  assert.deepEqual(numbers('its L = N is right'), [four(second.loss.total)]);

  // sample 3 from the correct weights
  const w2 = third.updates.find((u) => u.layer === 1 && u.name === 'W');
  const [z1, dw2, w2After, b1After, b2After] = numbers('here z₁ = N, ∂L/∂w₂ = N, w₂ = N, b₁ = N, b₂ = N');
  assert.equal(z1, four(value(third.layers[0].forward, 'z')));
  assert.equal(dw2, four(value(third.layers[1].backward, 'dW')));
  assert.equal(w2After, four(w2.after.data[0]));
  assert.equal(b1After, four(third.updates.find((u) => u.layer === 0 && u.name === 'b').after.data[0]));
  assert.equal(b2After, four(third.updates.find((u) => u.layer === 1 && u.name === 'b').after.data[0]));
});
