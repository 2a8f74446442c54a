// The JS API area by area against the built wasm module: shapes, values pinned by the native
// tests and the NumPy fixtures (to 1e-12), round trips, errors, and leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createLab } from '../../web/js/engine/engine.js';
import { STEP_PRESETS } from '../../web/js/step/step-presets.js';

const lab = await createLab();
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const close = (actual, expected, tolerance, what) => {
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance * scale, `${what}: ${actual} vs ${expected}`);
};

const XOR = { name: 'xor4', samples: 4, features: 2, featureValues: [0, 0, 0, 1, 1, 0, 1, 1], labels: [0, 1, 1, 0], classes: 2 };

test('seed 001 forward pass gives 0.82 from the wasm core', () => {
  const { spec, parameters, samples } = STEP_PRESETS.seed001;
  const net = lab.network(spec);
  net.setParameters(parameters);
  const [output] = net.forward(samples[0].input);
  assert.equal(output.toFixed(2), '0.82');
  const expected = fixture('seed_examples.json').seed001.a2[0];
  assert.ok(Math.abs(output - expected) < 1e-12, `wasm ${output} vs NumPy ${expected}`);
  net.dispose();
});

test('networks: shapes, layers and the flat parameter order round-trip', () => {
  const net = lab.network({ input: 3, layers: [{ units: 4, activation: 'tanh' }, { type: 'residual', activation: 'relu' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy' });
  assert.equal(net.parameterCount, 16 + 36 + 10);
  assert.equal(net.inputSize, 3);
  assert.equal(net.outputSize, 2);
  const layers = net.layers;
  assert.deepEqual(layers.map((l) => l.type), ['dense', 'residual', 'dense']);
  assert.deepEqual(layers[1].blocks.map((b) => [b.name, b.rows, b.cols, b.offset]), [['W1', 4, 4, 16], ['b1', 4, 1, 32], ['W2', 4, 4, 36]]);
  const values = Float64Array.from({ length: net.parameterCount }, (_, i) => i / 100);
  net.setParameters(values);
  assert.deepEqual(net.getParameters(), values);
  const out = net.forward([0.1, 0.2, 0.3, -0.1, 0.5, 0.9]);
  assert.equal(out.length, 4);
  close(out[0] + out[1], 1, 1e-15, 'softmax sums to 1');
  assert.deepEqual(net.spec.layers[1], { type: 'residual', activation: 'relu' });
  net.dispose();
});

test('NumPy fixtures: outputs, losses and gradients agree to 1e-12', () => {
  for (const c of fixture('networks.json')) {
    const net = lab.network(c.spec);
    net.setParameters(c.params);
    const { loss, gradients } = net.computeGradients(c.X.flat(), c.Y.flat());
    close(loss.total, c.loss, 1e-12, `${c.name} loss`);
    c.grad.forEach((g, i) => close(gradients[i], g, 1e-11, `${c.name} grad[${i}]`));
    const out = net.forward(c.X.flat());
    c.output.flat().forEach((o, i) => close(out[i], o, 1e-12, `${c.name} output[${i}]`));
    net.dispose();
  }
});

test('trace: seed 004 section A, sample by sample, as the hand computation', () => {
  const net = lab.network({ input: 1, layers: [{ units: 1, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'mse' });
  net.setParameters([1, 0, 1, 0]);
  const { samples } = fixture('seed_examples.json').seed004;
  for (const s of samples) {
    const t = net.trace([s.x], [s.y], { optimizer: 'sgd', learningRate: 0.01 });
    close(t.layers[0].forward.find((v) => v.name === 'z').data[0], s.z1, 1e-12, 'z1');
    close(t.layers[1].forward.find((v) => v.name === 'a').data[0], s.a2, 1e-12, 'a2');
    close(t.loss.total, s.loss, 1e-12, 'loss');
    close(t.layers[0].backward.find((v) => v.name === 'dW').data[0], s.dW1, 1e-12, 'dW1');
    close(t.updates[3].after.data[0], s.b2, 1e-12, 'b2 after');
    assert.equal(t.updates[0].name, 'W');
    assert.equal(t.learningRate, 0.01);
  }
  const p = net.getParameters();
  close(p[0], 1.1078235313458542, 1e-12, 'w1 after three samples');
  net.dispose();
});

test('trace: the optimizer state comes with each step and a given state continues the run', () => {
  const spec = { input: 1, layers: [{ units: 1, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'mse' };
  const optimizer = { name: 'adam' };
  const running = lab.network(spec);
  running.setParameters([1, 0, 1, 0]);
  const first = running.trace([1], [3], { optimizer, learningRate: 0.01 });
  assert.deepEqual(first.stateBefore, { t: 0, names: ['m', 'v'], values: new Float64Array(8) });
  assert.equal(first.stateAfter.t, 1);
  assert.deepEqual(first.optimizerSettings, { name: 'adam', momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, memory: 10 });
  assert.deepEqual(first.updates[0].stateAfter.map((v) => [v.name, v.rows, v.cols]), [['m', 1, 1], ['v', 1, 1]]);
  assert.deepEqual(first.updates[0].derived.map((v) => v.name), ['m_hat', 'v_hat']);
  // a fresh network given the weights and the state continues exactly as the running one
  const second = running.trace([2], [4], { optimizer, learningRate: 0.01 });
  const fresh = lab.network(spec);
  fresh.setParameters(Array.from(first.updates.flatMap((u) => Array.from(u.after.data))));
  const resumed = fresh.trace([2], [4], { optimizer, learningRate: 0.01, state: first.stateAfter });
  assert.deepEqual(resumed.stateAfter, second.stateAfter);
  assert.deepEqual(fresh.getParameters(), running.getParameters());
  assert.throws(() => fresh.trace([2], [4], { optimizer, learningRate: 0.01, state: { t: 1, values: [0, 0, 0, 0] } }),
    /\[Optimizer\] adam state\.values must hold 8 numbers \(m, v, one per parameter each\), got 4/);
  assert.throws(() => fresh.trace([2], [4], { optimizer, learningRate: 0.01, state: { values: new Float64Array(8) } }),
    /adam state\.t must be an integer ≥ 0/);
  running.dispose();
  fresh.dispose();
});

test('trainer: the pinned loss history of the native tests, and history shapes', () => {
  const net = lab.network({ input: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 7 } });
  const data = lab.dataset(XOR);
  const trainer = lab.trainer(net, data, { optimizer: 'momentum', learning_rate: 0.5, batch_size: 2, epochs: 5, seed: 3 });
  const result = trainer.run(5);
  assert.equal(result.status, 'finished');
  const expected = [0.71385922469825103, 0.71971333088024281, 0.70237649161721716, 0.65568250643732873, 0.63700298259425558];
  const history = trainer.history;
  assert.equal(history.length, 5);
  history.forEach((h, i) => close(h.trainLoss, expected[i], 1e-12, `epoch ${i + 1}`));
  assert.ok(Number.isNaN(history[0].valLoss));
  close(trainer.getParameters()[0], 0.52470133129891106, 1e-12, 'first weight');
  assert.deepEqual(trainer.historySince(3).map((h) => h.epoch), [4, 5]);
  assert.equal(trainer.metricName, 'accuracy');
  assert.equal(trainer.settings.optimizer.name, 'momentum');
  trainer.dispose();
  data.dispose();
  net.dispose();
});

test('generators and the project generator give the native build\'s numbers', () => {
  // the same values are asserted in tests/rng.test.cpp for the native build
  const values = lab.rngSample(42, 3);
  assert.equal(values[0], 0.083862971059882163);
  assert.equal(values[1], 0.37898025066266861);
  assert.equal(values[3], -0.72621913824478568);
  assert.equal(values[4], -0.21119691823195985);
  assert.equal(values[5], 0.22162270150359331);
  const spiral = lab.generate({ name: 'spiral', samples: 300, noise: 0.1, seed: 1, classes: 3 });
  const info = spiral.info;
  assert.equal(info.samples, 300);
  assert.equal(info.features, 2);
  assert.deepEqual(info.classCounts, [100, 100, 100]);
  assert.equal(spiral.features().length, 600);
  assert.equal(spiral.labels().length, 300);
  assert.ok(lab.generators.some((g) => g.name === 'peaks'));
  spiral.dispose();
});

test('datasets: split, scaling fitted on the training part, subsets', () => {
  const data = lab.generate({ name: 'blobs', samples: 200, seed: 2, classes: 4 });
  const prepared = data.prepare({ validation: 0.25, test: 0.25, seed: 5 }, 'standardize');
  const { train, validation, test: testPart } = prepared;
  assert.equal(train.info.samples + validation.info.samples + testPart.info.samples, 200);
  const all = [...prepared.indices.train, ...prepared.indices.validation, ...prepared.indices.test].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: 200 }, (_, i) => i));
  // the training part is standardised: mean 0 per feature
  const x = train.features();
  const d = train.info.features;
  for (let f = 0; f < d; f += 1) {
    let mean = 0;
    for (let i = f; i < x.length; i += d) mean += x[i];
    close(mean / train.info.samples, 0, 1e-12, `feature ${f} mean`);
  }
  const scaled = prepared.scale(data.features().slice(0, d));
  assert.equal(scaled.length, d);
  const first = data.subset([0, 1, 2]);
  assert.equal(first.info.samples, 3);
  for (const owned of [first, prepared, data]) owned.dispose();
});

test('gradient tests through the API: pass, fail with a bug, and softmax regression', () => {
  const net = lab.network({ input: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', init: { scheme: 'xavier', scale: 1, seed: 1 } });
  const inputs = [0.5, -0.3, 0.1, 0.8, -1.2, 0.4];
  const targets = [0.2, 0.9, 0.4];
  const ok = net.gradientTest(inputs, targets, { iterations: 20 });
  assert.equal(ok.verdict, 'pass');
  assert.equal(ok.epsilon.length, 20);
  assert.ok(Math.abs(ok.firstOrderSlope - 2) < 0.2);
  const broken = net.gradientTest(inputs, targets, { iterations: 20, bug: 'sigmoid_prime_is_sigma' });
  assert.equal(broken.verdict, 'fail');
  assert.ok(broken.firstOrderSlope < 1.3);
  assert.equal(net.derivativeBug, 'none');
  const jac = net.jacobianTest(1, { batch: 2, wrt: 'input', iterations: 16 });
  assert.equal(jac.verdict, 'pass');
  assert.equal(ok.firstOrderSlopeNote, '');
  assert.equal(ok.zeroOrderSlopeNote, '');
  const check = net.elementwiseCheck(inputs, targets, { maxEntries: 10 });
  assert.equal(check.passed, true);
  assert.ok(check.entries.length <= 10);
  // 25 parameters in 6 blocks: 10 / 6 gives 1 entry per block, the other 19 are left out
  assert.equal(check.parameterCount, 25);
  assert.deepEqual(check.skipped.map((s) => [s.reason, s.count]), [['block_quota', 19]]);
  assert.match(check.coverage, /^6 of 25 entries checked; 19 entries are left out/);
  const residual = lab.network({ input: 2, layers: [{ type: 'residual', activation: 'tanh' }, { units: 1 }], loss: 'mse' });
  const linear = residual.jacobianTest(0, { batch: 2, wrt: 'W2', iterations: 20 });
  residual.dispose();
  assert.equal(linear.verdict, 'pass');
  assert.ok(Number.isNaN(linear.firstOrderSlope));
  assert.match(linear.firstOrderSlopeNote, /every first-order error is at the rounding floor, so there is no slope to fit/);
  assert.equal(typeof linear.rateNote, 'string');
  const softmax = lab.softmaxRegressionTest({}, { wrt: 'W', iterations: 20 });
  assert.equal(softmax.verdict, 'pass');
  assert.equal(lab.derivativeBugs.length, 7);
  net.dispose();
});

test('metrics: evaluate, predicted labels and the classification report', () => {
  const net = lab.network({ input: 2, layers: [{ units: 2, activation: 'softmax' }], loss: 'cross_entropy' });
  net.setParameters([1, 0, 0, 1, 0, 0]); // class = larger feature
  const data = lab.dataset({ samples: 4, features: 2, featureValues: [1, 0, 0, 1, 2, 1, 0, 3], labels: [0, 1, 1, 1], classes: 2 });
  assert.deepEqual([...net.predictLabels(data)], [0, 1, 0, 1]);
  const report = net.classificationReport(data);
  assert.equal(report.accuracy, 0.75);
  assert.deepEqual([...report.confusion.data], [1, 0, 1, 2]);
  assert.equal(net.evaluate(data).metricName, 'accuracy');
  const m = fixture('metrics.json');
  close(lab.classificationReport(m.y_true, m.y_pred, 4).macroF1, m.macro_f1, 1e-12, 'macro F1');
  data.dispose();
  net.dispose();
});

test('every class of bad input gives a readable Error and the module keeps working', () => {
  assert.throws(() => lab.network({ input: 2, layers: [{ units: 3, activation: 'swish' }] }), /unknown activation "swish"/);
  assert.throws(() => lab.network('{"input": 2,'), /not valid JSON/);
  const net = lab.network({ input: 2, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy' });
  assert.throws(() => net.forward([1, 2, 3]), /samples × 2 numbers; got 3/);
  assert.throws(() => net.forward([1, NaN]), /NaN or infinity/);
  assert.throws(() => net.setParameters([1, 2]), /3 values/);
  assert.throws(() => net.gradientTest([1, 2], [1], { iterations: 2 }), /iterations must be an integer in 3..60, got 2/);
  assert.throws(() => net.jacobianTest(4), /there is no layer at index 4/);
  assert.throws(() => lab.generate({ name: 'spirals' }), /spirals/);
  const data = lab.dataset(XOR);
  assert.throws(() => lab.trainer(net, data, { learning_rate: -1 }), /learning_rate/);
  assert.throws(() => lab.trainer(net, data, { early_stopping: { patience: 3 } }), /validation set/);
  assert.throws(() => net.derivativeBug = 'everything', /unknown bug "everything"/);
  assert.throws(() => lab.dataset({ ...XOR, labels: [0, 1, 1, 5] }), /label/);
  const trainer = lab.trainer(net, data, { epochs: 3 });
  trainer.dispose();
  assert.throws(() => trainer.step(), /disposed/);
  data.dispose();
  assert.throws(() => data.info, /disposed/);
  // many errors in a row do not wear the module out
  for (let i = 0; i < 20000; i += 1) assert.throws(() => net.forward([1]));
  // after all that, normal calls still work
  assert.equal(net.forward([0, 0]).length, 1);
  net.dispose();
  assert.throws(() => net.forward([0, 0]), /disposed/);
});

test('creating and disposing networks, datasets and trainers 2,000 times leaks nothing', () => {
  const spec = { input: 2, layers: [{ units: 8, activation: 'relu' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy' };
  const warm = () => {
    const net = lab.network(spec);
    const data = lab.dataset(XOR);
    const trainer = lab.trainer(net, data, { epochs: 1 });
    trainer.step();
    for (const owned of [trainer, data, net]) owned.dispose();
  };
  warm();
  const handles = lab.liveHandles();
  const heap = lab.heapBytesInUse();
  for (let i = 0; i < 2000; i += 1) warm();
  assert.equal(lab.liveHandles(), handles);
  const grown = lab.heapBytesInUse() - heap;
  assert.ok(grown < 64 * 1024, `heap grew by ${grown} bytes`);
  // errors do not leak either
  for (let i = 0; i < 2000; i += 1) assert.throws(() => lab.network({ input: 0, layers: [] }));
  assert.ok(lab.heapBytesInUse() - heap < 64 * 1024);
  assert.equal(lab.liveHandles(), handles);
});
