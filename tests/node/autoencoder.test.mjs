// An autoencoder through the wasm module and the training session (seed 004 C.4–5): parts whose
// targets are their scaled inputs, reconstructions of the first images with each one's error,
// and the hand-off of a hidden layer's codes as a dataset kept for a classifier's setup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLab } from '../../web/js/engine/engine.js';
import { TrainingSession, reconstructionInfo } from '../../web/js/engine/training-session.js';
import { until } from './wait.mjs';

const lab = await createLab();
const bundled = (name) => lab.loadBundled(name, gunzipSync(readFileSync(new URL(`../../datasets/${name}.bpds.gz`, import.meta.url))));

const AUTOENCODER = {
  spec: {
    input: 64,
    layers: [{ units: 32, activation: 'relu' }, { units: 16, activation: 'relu' }, { units: 32, activation: 'relu' }, { units: 64, activation: 'sigmoid' }],
    loss: 'mse',
    init: { scheme: 'he', scale: 1, seed: 2 },
  },
  data: { bundled: 'digits', baseUrl: 'file:///data/' },
  split: { validation: 0.2, test: 0, seed: 1 },
  scaling: 'min_max',
  settings: { optimizer: { name: 'adam' }, learning_rate: 0.01, batch_size: 32, epochs: 15, seed: 1 },
  evaluate: 'validation',
  reconstruct: true,
};

function startSession() {
  const messages = [];
  const local = { ...lab, fetchBundled: async (name) => bundled(name) };
  const session = new TrainingSession(local, (m) => messages.push(m), { schedule: (fn) => setImmediate(fn) });
  return { session, messages, last: (type) => messages.findLast((m) => m.type === type) };
}

test('prepare with reconstruct gives parts whose targets are their scaled features', () => {
  const digits = bundled('digits');
  const plain = digits.prepare({ validation: 0.25, test: 0, seed: 3 }, 'min_max');
  const prepared = digits.prepare({ validation: 0.25, test: 0, seed: 3 }, 'min_max', { reconstruct: true });
  for (const name of ['train', 'validation']) {
    const part = prepared[name];
    assert.equal(part.info.task, 'regression');
    assert.deepEqual(part.info.targetNames, part.info.featureNames);
    assert.deepEqual([...part.targets()], [...part.features()]);
    // the same stratified split as the classification, scaled to [0, 1] on the training part
    assert.deepEqual([...part.features()], [...plain[name].features()]);
  }
  assert.deepEqual([...prepared.indices.validation], [...plain.indices.validation]);
  assert.ok(Math.max(...prepared.train.targets()) <= 1 && Math.min(...prepared.train.targets()) >= 0);
  for (const owned of [plain, prepared, digits]) owned.dispose();
});

test('an autoencoder session learns, shows its reconstructions and hands its codes to a classifier', { timeout: 120000 }, async () => {
  const { session, messages, last } = startSession();
  session.handle({ type: 'setup', ...AUTOENCODER });
  await until(() => last('ready') || last('error'), 'the setup', 60000);
  assert.equal(last('error'), undefined, last('error')?.message);
  const ready = last('ready');
  assert.equal(ready.dataset.task, 'regression');
  assert.equal(ready.dataset.reconstruct, true);
  assert.equal(ready.dataset.classes, 10, 'the classes stay for the hand-off');
  assert.equal(ready.metricName, 'r2');
  assert.deepEqual(reconstructionInfo({ task: 'classification', featureNames: ['a'] }), { task: 'regression', reconstruct: true, featureNames: ['a'], targetNames: ['a'] });

  session.handle({ type: 'start' });
  await until(() => session.state !== 'running' && session.state !== 'ready', 'the end of training', 60000);
  assert.equal(session.state, 'finished');
  const history = messages.filter((m) => m.type === 'progress').flatMap((m) => m.history);
  assert.equal(history.length, 15);
  // the reconstruction error ½‖x̂ − x‖² per image falls
  assert.ok(history.at(-1).valLoss < 0.5 * history[0].valLoss, `validation loss ${history[0].valLoss} → ${history.at(-1).valLoss}`);

  session.handle({ type: 'evaluate' });
  const evaluation = last('evaluation');
  assert.equal(evaluation.predictions, undefined, 'no whole-part predictions of 64 outputs');
  const r = evaluation.reconstructions;
  assert.equal(r.count, 12);
  assert.equal(r.width, 8);
  assert.equal(r.originals.length, 12 * 64);
  assert.equal(r.outputs.length, 12 * 64);
  // each error is ½‖x̂ − x‖² of that image, from its own pixels
  for (let i = 0; i < r.count; i += 1) {
    let sum = 0;
    for (let k = i * 64; k < (i + 1) * 64; k += 1) sum += (r.outputs[k] - r.originals[k]) ** 2;
    assert.ok(Math.abs(r.errors[i] - sum / 2) < 1e-9, `image ${i}: ${r.errors[i]} against ${sum / 2}`);
  }
  // the mean error of the part is the loss the history reports for it
  assert.ok(Math.max(...r.errors) > 0);

  session.handle({ type: 'layerFeatures', layer: 1, id: 7 });
  const codes = last('layerFeatures');
  assert.ok(codes, last('error')?.message);
  assert.equal(codes.id, 7);
  assert.equal(codes.info.features, 16);
  assert.equal(codes.info.samples, 1797);
  assert.equal(codes.info.task, 'classification');
  assert.deepEqual(codes.info.featureNames.slice(0, 2), ['h1', 'h2']);
  assert.match(codes.info.name, /digits · layer 2 features/);
  assert.equal(codes.features.length, 16 * 1797);
  const digits = bundled('digits');
  assert.deepEqual([...codes.labels], [...digits.labels()], 'every sample keeps its label, in order');
  digits.dispose();

  // a classifier on the codes, set up from the kept dataset as the page does ({csvId})
  session.handle({
    type: 'setup',
    spec: { input: 16, layers: [{ units: 32, activation: 'relu' }, { units: 10, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'he', scale: 1, seed: 3 } },
    data: { csvId: 7 },
    split: { validation: 0.2, test: 0, seed: 1 },
    scaling: 'standardize',
    settings: { optimizer: { name: 'adam' }, learning_rate: 0.01, batch_size: 32, epochs: 30, seed: 1 },
  });
  assert.equal(last('ready').dataset.features, 16);
  session.handle({ type: 'start' });
  await until(() => session.state !== 'running' && session.state !== 'ready', 'the classifier', 60000);
  const scores = messages.filter((m) => m.type === 'progress').flatMap((m) => m.history);
  // chance is 0.1
  assert.ok(scores.at(-1).valMetric > 0.7, `held-out accuracy on the codes ${scores.at(-1).valMetric}`);

  // bad hand-offs name what is allowed
  session.handle({ type: 'layerFeatures', layer: 1, id: 8 });
  assert.match(last('error').message, /\[Features\] layer must be the index of a hidden layer, 0 \(layer 1\), got 1, the output layer/);
  session.handle({ type: 'layerFeatures', layer: 2.5, id: 8 });
  assert.match(last('error').message, /\[Features\] layer must be a whole number/);
  session.handle({ type: 'dispose' });
});

test('lab.dataset keeps the names it is given and refuses names that are not strings', () => {
  const data = lab.dataset({ name: 'codes', samples: 2, features: 2, featureValues: [1, 2, 3, 4], labels: [0, 1], classes: 2, classNames: ['cat', 'dog'], featureNames: ['h1', 'h2'] });
  assert.deepEqual(data.info.classNames, ['cat', 'dog']);
  assert.deepEqual(data.info.featureNames, ['h1', 'h2']);
  data.dispose();
  assert.throws(() => lab.dataset({ name: 'codes', samples: 2, features: 2, featureValues: [1, 2, 3, 4], labels: [0, 1], classes: 2, classNames: ['cat', 3] }), /\[Dataset\] classNames must be an array of strings; entry 1 is not/);
  assert.throws(() => lab.dataset({ name: 'codes', samples: 2, features: 2, featureValues: [1, 2, 3, 4], labels: [0, 1], classes: 2, classNames: ['cat'] }), /class_names has 1/);
});
