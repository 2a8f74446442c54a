// What the Train lab's data view reads from the core through the wasm module: PCA against the
// sklearn fixture, the mistakes of a network with their outputs, the seeded sample of a large set's
// points, and the training session's gallery and projection messages built on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLab } from '../../web/js/engine/engine.js';
import { TrainingSession } from '../../web/js/engine/training-session.js';

const lab = await createLab();
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const bundled = (name) => lab.loadBundled(name, gunzipSync(readFileSync(new URL(`../../datasets/${name}.bpds.gz`, import.meta.url))));
const largest = (a, b) => a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

test('lab.pca matches sklearn\'s PCA in the fixture: components, explained variance and projection', () => {
  for (const item of fixture('pca.json')) {
    const d = item.mean.length;
    const pca = lab.pca(item.X.flat(), d, { components: item.components_count });
    assert.equal(pca.components.rows, item.components_count);
    assert.equal(pca.components.cols, d);
    const mean = largest([...pca.mean], item.mean);
    const components = largest([...pca.components.data], item.components.flat());
    const variance = largest([...pca.explainedVariance], item.explained_variance);
    const ratio = largest([...pca.explainedVarianceRatio], item.explained_variance_ratio);
    const projection = largest([...pca.projection], item.projection.flat());
    const said = `${item.name}: mean ${mean}, components ${components}, variance ${variance}, ratio ${ratio}, projection ${projection}`;
    assert.ok(mean < 1e-12 && components < 1e-9 && variance < 1e-10 && ratio < 1e-10 && projection < 1e-9, said);
  }
});

test('lab.pca of iris: PC1 keeps most of the variance, and bad input names what is allowed', () => {
  const iris = bundled('iris');
  const pca = lab.pca(iris.features(), 4);
  const [first, second] = pca.explainedVarianceRatio;
  assert.ok(first > 0.9 && second > 0.04 && first + second < 1, `ratios ${first}, ${second}`);
  assert.equal(pca.projection.length, 2 * 150);
  iris.dispose();
  assert.throws(() => lab.pca([1, 2, 1, 2], 2), /\[PCA\] the features do not vary/);
  assert.throws(() => lab.pca([1, 2, 3, 4, 5, 6], 3, { components: 4 }), /\[PCA\] components must be a whole number in 1\.\.3, got 4/);
  assert.throws(() => lab.pca([1, 2, 3], 2), /\[PCA\] samples must be a whole number/);
  assert.throws(() => lab.pca([1, 2, 3, 4], 2, { components: 1.5 }), /\[PCA\] components must be a whole number/);
  assert.throws(() => lab.pca('1,2', 2), /\[PCA\] values must be an array of numbers/);
});

test('net.classifySamples counts every mistake, lists the first ones and reads their outputs', () => {
  const data = lab.generate({ name: 'spiral', samples: 300, noise: 0.2, seed: 3, classes: 3 });
  const net = lab.network({ input: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 3, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', seed: 5 } });
  const report = net.classificationReport(data);
  const confusion = report.confusion.data;
  const offDiagonal = confusion.reduce((sum, v, i) => sum + (Math.floor(i / 3) === i % 3 ? 0 : v), 0);
  const mistakes = net.classifySamples(data, { only: 'mistakes', limit: 48 });
  assert.equal(mistakes.matched, offDiagonal);
  assert.equal(mistakes.indices.length, 48);
  assert.ok(mistakes.probabilities);
  const outputs = net.predict(data);
  const labels = data.labels();
  mistakes.indices.forEach((sample, k) => {
    assert.equal(mistakes.labels[k], labels[sample]);
    assert.notEqual(mistakes.predicted[k], mistakes.labels[k]);
    assert.equal(mistakes.confidence[k], outputs[3 * sample + mistakes.predicted[k]]);
  });
  const first = net.classifySamples(data, { limit: 5 });
  assert.deepEqual([...first.indices], [0, 1, 2, 3, 4]);
  assert.equal(first.matched, 300);
  assert.throws(() => net.classifySamples(data, { only: 'wrong' }), /\[Predictions\] only must be 'all' or 'mistakes', got "wrong"/);
  assert.throws(() => net.classifySamples(data, { limit: -1 }), /\[Predictions\] limit must be a whole number/);
  net.dispose();
  data.dispose();
});

test('lab.sampleIndices is a sorted seeded sample without repeats', () => {
  const sample = lab.sampleIndices(40000, 5000, 1);
  assert.equal(sample.length, 5000);
  assert.ok(sample.every((v, i) => i === 0 || v > sample[i - 1]));
  assert.deepEqual([...lab.sampleIndices(40000, 5000, 1)], [...sample]);
  assert.deepEqual([...lab.sampleIndices(3, 10, 1)], [0, 1, 2]);
  assert.throws(() => lab.sampleIndices(0, 1, 1), /\[Sample\] samples must be a whole number/);
});

/** A session over this lab whose bundled datasets come from datasets/ (no fetch under node). */
function session() {
  const messages = [];
  const local = { ...lab, fetchBundled: async (name) => bundled(name) };
  const s = new TrainingSession(local, (m) => messages.push(m), { schedule: (fn) => setImmediate(fn) });
  return { s, messages, last: (type) => messages.findLast((m) => m.type === type) };
}

test('the session projects iris onto two principal components and marks the scored part\'s mistakes', async () => {
  const { s, messages, last } = session();
  await s.handle({
    type: 'setup',
    spec: { input: 4, layers: [{ units: 3, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', seed: 2 } },
    data: { bundled: 'iris' },
    split: { validation: 0.2, test: 0.2, seed: 1 },
    scaling: 'standardize',
    settings: { learning_rate: 0.1, batch_size: 8, epochs: 3, seed: 1 },
    map: { indices: null, project: true },
  });
  const ready = last('ready');
  assert.ok(ready, messages.map((m) => m.message).join('; '));
  assert.equal(ready.map.parts.length, 150);
  assert.deepEqual([0, 1, 2].map((p) => ready.map.parts.filter((v) => v === p).length), [ready.parts.train, ready.parts.validation, ready.parts.test]);
  const { points, explainedVarianceRatio: [first, second] } = ready.map.projection;
  assert.equal(points.length, 300);
  // the standardized iris features: PC1 ≈ 73%, PC2 ≈ 23% (sklearn's StandardScaler + PCA)
  assert.ok(first > 0.6 && first < 0.85 && second > 0.15 && first + second < 1, `ratios ${first}, ${second}`);
  const evaluation = last('progress').evaluation;
  const predicted = evaluation.mapPredicted;
  assert.equal(predicted.length, 150);
  assert.equal(predicted.filter((v) => v >= 0).length, ready.parts.validation, 'one prediction per validation point');
  assert.ok([...predicted].every((v, i) => (ready.map.parts[i] === 1) === (v >= 0)));
  s.handle({ type: 'dispose' });
});

test('the digits gallery lists every mistake of the scored part up to 48, with its probability', async () => {
  const { s, last } = session();
  await s.handle({
    type: 'setup',
    spec: { input: 64, layers: [{ units: 16, activation: 'sigmoid' }, { units: 10, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', seed: 1 } },
    data: { bundled: 'digits' },
    split: { validation: 0, test: 0.5, seed: 1 },
    scaling: 'min_max',
    settings: { learning_rate: 0.5, batch_size: 32, epochs: 1, seed: 1 },
    evaluate: 'test',
    images: 'mistakes',
  });
  s.handle({ type: 'stepEpoch' });
  const { images, report } = last('progress').evaluation;
  const k = report.confusion.rows;
  const offDiagonal = report.confusion.data.reduce((sum, v, i) => sum + (Math.floor(i / k) === i % k ? 0 : v), 0);
  assert.equal(images.mode, 'mistakes');
  assert.equal(images.matched, offDiagonal);
  assert.equal(images.count, Math.min(48, offDiagonal));
  assert.equal(images.pixels.length, images.count * 64);
  assert.ok(images.probabilities);
  for (let i = 0; i < images.count; i += 1) {
    assert.notEqual(images.predicted[i], images.labels[i]);
    assert.ok(images.confidence[i] > 0 && images.confidence[i] <= 1);
  }
  // the first images instead: the first 48 of the part, from now on
  s.handle({ type: 'evaluate', images: 'first' });
  const first = last('evaluation').images;
  assert.equal(first.mode, 'first');
  assert.equal(first.count, 48);
  assert.equal(first.matched, 899);
  s.handle({ type: 'evaluate', images: 'some' });
  assert.match(last('error').message, /\[Worker\] images must be first or mistakes; got "some"/);
  s.handle({ type: 'dispose' });
});
