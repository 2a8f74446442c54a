// One numbering for layers: the page's layerNumber() and the engine's sentences both count the
// first layer after the input as layer 1 (W⁽¹⁾), while indices (glayer, layers[0]) count from 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { layerNumber } from '../../web/js/gradient/layer-numbers.js';

const lab = await createLab();

test('the page and the engine name the layer at index 1 "layer 2"', () => {
  assert.equal(layerNumber(0), 1);
  const net = lab.network({ input: 3, layers: [{ units: 3, activation: 'relu' }, { type: 'residual', activation: 'relu' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 1 } });
  const result = net.jacobianTest(1, { batch: 2, wrt: 'W2' });
  assert.match(result.target, new RegExp(`residual layer ${layerNumber(1)} `));
  assert.doesNotMatch(result.target, /layer 1 /);
  net.dispose();
});
