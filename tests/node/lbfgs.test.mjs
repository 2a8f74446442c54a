// L-BFGS through the wasm module: one epoch is one iteration on the whole set, the history carries
// the evaluation counts, the trace refuses it naming the field, and the schema marks it full batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLab } from '../../web/js/engine/engine.js';
import { isFullBatch, optimizerCoefficients, stepOptimizers, useSchema } from '../../web/js/schema.js';
import { evaluationsNote } from '../../web/js/train/train-evaluations.js';

const lab = await createLab();
useSchema(lab);

const XOR = { name: 'xor4', samples: 4, features: 2, featureValues: [0, 0, 0, 1, 1, 0, 1, 1], labels: [0, 1, 1, 0], classes: 2 };
const SPEC = { input: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy', l2: 0.001, init: { scheme: 'xavier', scale: 1, seed: 7 } };

test('lbfgs trains through wasm: one iteration per epoch, the evaluation counts in the history', () => {
  const net = lab.network(SPEC);
  const data = lab.dataset(XOR);
  const trainer = lab.trainer(net, data, { optimizer: { name: 'lbfgs', memory: 5 }, batch_size: 1, epochs: 30 });
  assert.equal(trainer.batchesPerEpoch, 1);
  trainer.run(30);
  const history = trainer.history;
  assert.ok(history.length >= 5, `${history.length} epochs`);
  assert.ok(history[0].functionEvaluations >= 2, 'the start and a trial');
  for (let i = 1; i < history.length; i += 1) {
    assert.ok(history[i].trainLoss < history[i - 1].trainLoss, `the loss falls at epoch ${i + 1}`);
    assert.ok(history[i].functionEvaluations > history[i - 1].functionEvaluations);
    assert.equal(history[i].gradientEvaluations, history[i].functionEvaluations);
  }
  assert.ok(Number.isNaN(history[0].learningRate), 'lbfgs uses no learning rate');
  assert.equal(trainer.settings.optimizer.name, 'lbfgs');
  assert.equal(trainer.settings.optimizer.memory, 5);
  assert.ok(history.at(-1).trainMetric === 1, 'XOR learnt');
  const note = evaluationsNote('lbfgs', history.at(-1));
  assert.match(note, new RegExp(`${history.at(-1).functionEvaluations} function and ${history.at(-1).gradientEvaluations} gradient evaluations`));
  assert.equal(evaluationsNote('sgd', history.at(-1)), '');
  trainer.dispose();
  data.dispose();
  net.dispose();
});

test('the mini-batch optimizers record full-batch equivalents: one evaluation per epoch', () => {
  const net = lab.network(SPEC);
  const data = lab.dataset(XOR);
  const trainer = lab.trainer(net, data, { optimizer: 'adam', learning_rate: 0.01, batch_size: 3, epochs: 4 });
  trainer.run(4);
  assert.deepEqual(trainer.history.map((h) => h.functionEvaluations), [1, 2, 3, 4]);
  assert.deepEqual(trainer.history.map((h) => h.gradientEvaluations), [1, 2, 3, 4]);
  trainer.dispose();
  data.dispose();
  net.dispose();
});

test('a bad memory names the field and the range; the trace refuses lbfgs naming optimizer.name', () => {
  const net = lab.network(SPEC);
  const data = lab.dataset(XOR);
  assert.throws(() => lab.trainer(net, data, { optimizer: { name: 'lbfgs', memory: 0 } }), /optimizer\.memory must be an integer in 1\.\.100, got 0/);
  assert.throws(() => net.trace([0, 1], [1], { optimizer: 'lbfgs' }), /optimizer\.name "lbfgs".*whole training set.*"sgd"/);
  // the network still traces a mini-batch optimizer afterwards
  net.resetTrace();
  assert.equal(net.trace([0, 1], [1], { optimizer: 'sgd', learningRate: 0.1 }).optimizer, 'sgd');
  data.dispose();
  net.dispose();
});

test('the schema marks lbfgs full batch: the Step-through lab lists the others and their coefficients only', () => {
  assert.ok(isFullBatch('lbfgs'));
  assert.ok(!isFullBatch('adam'));
  assert.ok(!stepOptimizers().some((o) => o.name === 'lbfgs'));
  assert.ok(stepOptimizers().some((o) => o.name === 'adam'));
  assert.ok(!optimizerCoefficients(stepOptimizers()).some((c) => c.key === 'memory'));
  assert.ok(optimizerCoefficients().some((c) => c.key === 'memory'));
});
