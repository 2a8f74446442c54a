// A model file is checked by the same rules as a link: each value that becomes a page setting
// (init scheme and scale, L2 λ, scaling, the hidden layers, biases) is refused with the file's
// field named when the URL-state table would refuse it; a good file gives the settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { parseModelFile } from '../../web/js/train/train-export.js';
import { useSchema } from '../../web/js/schema.js';

const lab = await createLab();
useSchema(lab);
const count = (spec) => lab.specParameterCount(spec);
const spec = { input: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy', init: { scheme: 'he', scale: 1.5, seed: 1 }, l2: 0.01 };
const file = (changes = {}, preprocessing = { scaling: 'standardize' }) => JSON.stringify({
  format: 'backprop-lab-model', version: 1, spec: { ...spec, ...changes }, parameters: Array(13).fill(0.1), dataset: { name: 'circles' }, preprocessing,
});

test('a good model file gives the Train lab\'s settings', () => {
  const model = parseModelFile(file(), 'm.json', count);
  assert.deepEqual(model.state, { tout: 'sigmoid_bce', tbias: 'on', tarch: 'd3_tanh', tinit: 'he', tiscale: 1.5, tl2: 0.01, tscale: 'standardize' });
  assert.equal(model.datasetName, 'circles');
});

test('values a link would refuse are refused with the file\'s field named', () => {
  // the link and the core share one range (the link allowed only 0..100 before the schema)
  assert.throws(() => parseModelFile(file({ init: { scheme: 'he', scale: 5000 } }), 'm.json', count), /\[Spec\] init\.scale must be a number in 0\.\.1000, got 5000/);
  assert.throws(() => parseModelFile(file({}, { scaling: '<img src=x>' }), 'm.json', count), /\[Import\] preprocessing\.scaling must be one of "none", "standardize", "min_max", got "<img src=x>"/);
  assert.throws(() => parseModelFile(file({ l2: 5000 }), 'm.json', count), /\[Spec\] l2 must be a number in 0\.\.100/, 'the core refuses it first');
  const mixed = { layers: [{ units: 3, activation: 'tanh', bias: false }, { units: 1, activation: 'sigmoid' }] };
  assert.throws(() => parseModelFile(JSON.stringify({ ...JSON.parse(file(mixed)), parameters: Array(10).fill(0.1) }), 'm.json', count), /mixes both/);
});
