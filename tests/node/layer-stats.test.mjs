// Per-layer statistics through the wasm module and the training session (issue 17): the records
// and the core's explanations reach the page with the progress, the first layer's weights of an
// image set come as images, and a run nobody watches records none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLab } from '../../web/js/engine/engine.js';
import { TrainingSession } from '../../web/js/engine/training-session.js';

const lab = await createLab();
const bundled = (name) => lab.loadBundled(name, gunzipSync(readFileSync(new URL(`../../datasets/${name}.bpds.gz`, import.meta.url))));

const ZERO_INIT = {
  spec: { input: 64, layers: [{ units: 32, activation: 'sigmoid' }, { units: 16, activation: 'sigmoid' }, { units: 10, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'zeros' } },
  data: { bundled: 'digits', baseUrl: 'file:///data/' },
  split: { validation: 0, test: 0.2, seed: 1 },
  scaling: 'min_max',
  settings: { optimizer: 'sgd', learning_rate: 0.5, batch_size: 32, epochs: 4, seed: 1 },
};

async function trained(setup) {
  const messages = [];
  const local = { ...lab, fetchBundled: async (name) => bundled(name) };
  const session = new TrainingSession(local, (m) => messages.push(m), { schedule: (fn) => setImmediate(fn) });
  session.handle({ type: 'setup', ...setup });
  const start = performance.now();
  while (!messages.some((m) => m.type === 'ready' || m.type === 'error')) {
    if (performance.now() - start > 30000) throw new Error('no setup');
    await sleep(2);
  }
  session.handle({ type: 'start' });
  while (session.state === 'running' || session.state === 'ready') await sleep(2);
  session.handle({ type: 'dispose' });
  return messages.filter((m) => m.type === 'progress');
}

test('a watched run streams every epoch\'s statistics, the explanations and the first layer\'s weights', { timeout: 60000 }, async () => {
  const progress = await trained(ZERO_INIT);
  const records = progress.flatMap((m) => m.layerStats ?? []);
  assert.deepEqual(records.map((r) => r.epoch), [1, 2, 3, 4]);
  const last = records.at(-1);
  assert.equal(last.layers.length, 3);
  assert.equal(last.layers[0].units, 32);
  assert.equal(last.layers[0].identicalFraction, 1);
  assert.ok(Number.isNaN(last.layers[0].deadFraction), 'no dead share for sigmoid');
  assert.equal(last.layers[0].a.counts.reduce((a, b) => a + b, 0), 32 * 32, 'every value of a 32-sample batch');
  const withStats = progress.filter((m) => m.layerStats?.length).at(-1);
  assert.deepEqual(withStats.diagnoses.map((d) => d.kind), ['symmetry']);
  assert.match(withStats.diagnoses[0].text, /^In each of layer 1 \(32 units\) and layer 2 \(16\) all units have identical weights/);
  const weights = withStats.firstWeights;
  assert.equal(weights.width, 8);
  assert.equal(weights.count, 32);
  assert.equal(weights.values.length, 32 * 64);
  // zero initialisation: every unit's weights are the same image
  assert.deepEqual([...weights.values.slice(0, 64)], [...weights.values.slice(64, 128)]);
});

test('a run nobody watches (a sweep\'s) records no statistics; lbfgs records none', { timeout: 60000 }, async () => {
  let progress = await trained({ ...ZERO_INIT, views: false });
  assert.ok(progress.every((m) => !m.layerStats));
  progress = await trained({ ...ZERO_INIT, spec: { ...ZERO_INIT.spec, init: { scheme: 'xavier', scale: 1, seed: 1 } }, settings: { ...ZERO_INIT.settings, optimizer: 'lbfgs' } });
  assert.ok(progress.every((m) => !m.layerStats?.length));
});
