// The loss landscape through the wasm module (issue 17, item 5): a line and a plane around the
// weights hold the loss at those weights, the weights come back, and bad directions are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';

const lab = await createLab();

test('the loss along a random direction and on a plane equal the loss at those weights', () => {
  const data = lab.generate({ name: 'circles', samples: 60, noise: 0.1, seed: 2 });
  const net = lab.network({ input: 2, layers: [{ units: 6, activation: 'tanh' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 1 } });
  const theta = net.getParameters();
  const d1 = net.randomDirection(1);
  const d2 = net.randomDirection(2);
  assert.equal(d1.length, net.parameterCount);
  const alphas = [-1, 0, 0.5];
  const line = net.lossLine(data, d1, alphas);
  assert.deepEqual([...net.getParameters()], [...theta], 'the weights come back');
  assert.equal(line[1], net.evaluate(data).loss.total);
  net.setParameters(theta.map((t, k) => t + 0.5 * d1[k]));
  assert.ok(Math.abs(line[2] - net.evaluate(data).loss.total) < 1e-12);
  net.setParameters(theta);
  const plane = net.lossSurface(data, d1, d2, alphas, [0, 1]);
  assert.equal(plane.rows, 2);
  assert.equal(plane.cols, 3);
  assert.ok(Math.abs(plane.data[0] - line[0]) < 1e-12, 'β = 0 is the line along d1');
  assert.throws(() => net.lossLine(data, [1, 2], alphas), /\[Landscape\] direction has 2 entries; the network has 32 parameters/);
  assert.throws(() => net.randomDirection(-1), /\[Landscape\] seed/);
  net.dispose();
  data.dispose();
});
