// The loss landscape through the training session (issue 17, item 5): computed a slice at a time
// with progress, its centre is the loss at the weights, the path's plane holds the path, the
// gradient direction goes downhill, and a cancel, a restart or a bad option ends it with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLab } from '../../web/js/engine/engine.js';
import { TrainingSession } from '../../web/js/engine/training-session.js';
import { LANDSCAPE } from '../../web/js/engine/landscape-job.js';
import { until } from './wait.mjs';

const lab = await createLab();

const SETUP = {
  spec: { input: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 3 } },
  data: { generate: { name: 'moons', samples: 1500, noise: 0.15, seed: 4 } },
  split: { validation: 0.2, test: 0, seed: 1 },
  scaling: 'standardize',
  settings: { optimizer: 'sgd', learning_rate: 0.3, batch_size: 16, epochs: 6, seed: 1 },
};

/** A session and its messages; `until(predicate, what)` resolves with the first message it accepts, once it has come. */
function session(pacing = {}) {
  const messages = [];
  const s = new TrainingSession(lab, (m) => messages.push(m), { schedule: (fn) => setImmediate(fn), pacing });
  /** The first message that `predicate` accepts, once it has come. */
  const first = async (predicate, what) => {
    await until(() => messages.some(predicate), what, 30000);
    return messages.find(predicate);
  };
  return { s, messages, until: first };
}

async function trained() {
  const t = session({ sliceMs: 1 });
  t.s.handle({ type: 'setup', ...SETUP });
  await t.until((m) => m.type === 'ready', 'ready');
  t.s.handle({ type: 'start' });
  while (t.s.state === 'running') await sleep(2);
  assert.equal(t.s.state, 'finished');
  return t;
}

test('the landscape around trained weights: lines, a random plane and the path, with progress', { timeout: 60000 }, async () => {
  const { s, messages, until } = await trained();
  s.handle({ type: 'landscape', id: 7, plane: 'random', resolution: 11, span: 0.1 });
  const result = await until((m) => m.type === 'landscape', 'landscape');
  assert.equal(result.id, 7);
  assert.equal(result.samples, LANDSCAPE.samples, '1,000 of the 1,200 training samples');
  assert.equal(result.trainSamples, 1200);
  assert.equal(result.epoch, 6);
  const progress = messages.filter((m) => m.type === 'landscapeProgress');
  assert.ok(progress.length >= 1);
  assert.equal(progress[0].total, 14 * 11, 'three lines and eleven rows of eleven points');
  const { lines, surface, path } = result;
  assert.equal(lines.alphas[5], 0);
  assert.ok(Math.abs(lines.alphas[10] - 0.1) < 1e-15 && Math.abs(surface.alphas[0] + 0.1) < 1e-15, 'a reach of ±0.1');
  // every line and the plane's centre pass through the loss at the weights
  for (const name of ['gradient', 'random1', 'random2']) assert.ok(Math.abs(lines[name][5] - result.loss) < 1e-12, name);
  assert.ok(Math.abs(surface.values[5 * 11 + 5] - result.loss) < 1e-12, 'the plane\'s centre');
  // β = 0 through the random plane is the first random line (the same direction and α)
  for (let i = 0; i < 11; i += 1) assert.ok(Math.abs(surface.values[5 * 11 + i] - lines.random1[i]) < 1e-12);
  // a small step along the gradient's direction lowers the loss; the trained weights sit near a minimum of the random lines
  assert.ok(lines.gradient[6] < result.loss || lines.gradient[4] > result.loss);
  assert.ok(Math.min(...lines.random1) >= result.loss - 0.05);
  assert.deepEqual([...path.epochs], [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(path.x.length, 7);
  assert.equal(result.explained, null);
});

test('the path\'s plane holds most of the path, and the path ends at the weights', { timeout: 60000 }, async () => {
  const { s, until } = await trained();
  s.handle({ type: 'landscape', id: 1, plane: 'path', resolution: 11 });
  const result = await until((m) => m.type === 'landscape', 'landscape');
  const [e1, e2] = result.explained;
  assert.ok(e1 > 0.5 && e2 > 0 && e1 + e2 <= 1 + 1e-12, `explained ${e1}, ${e2}`);
  const { x, y } = result.path;
  assert.ok(Math.abs(x.at(-1)) < 1e-4 && Math.abs(y.at(-1)) < 1e-4, 'the last snapshot is the weights');
  assert.ok(x[0] <= 0, 'the path runs towards +α');
  // the plane's range holds the whole path
  const { alphas, betas } = result.surface;
  for (let t = 0; t < x.length; t += 1) {
    assert.ok(x[t] >= alphas[0] && x[t] <= alphas.at(-1));
    assert.ok(y[t] >= betas[0] && y[t] <= betas.at(-1));
  }
  // the loss at the start of the path is higher than at its end
  const nearest = (values, v) => values.reduce((best, u, k) => (Math.abs(u - v) < Math.abs(values[best] - v) ? k : best), 0);
  const start = result.surface.values[nearest(betas, y[0]) * 11 + nearest(alphas, x[0])];
  assert.ok(start > result.loss, `start ${start} > end ${result.loss}`);
});

test('a cancel, a start and bad options end a landscape with a message', { timeout: 60000 }, async () => {
  const { s, messages, until } = session({});
  s.handle({ type: 'setup', ...SETUP });
  await until((m) => m.type === 'ready', 'ready');
  s.handle({ type: 'landscape', id: 2, plane: 'path' });
  const error = await until((m) => m.type === 'error', 'error');
  assert.equal(error.for, 'landscape');
  assert.match(error.message, /\[Landscape\] the training path has 1 recorded point; train at least 2 epochs, or choose two random directions/);
  s.handle({ type: 'landscape', plane: 'sideways' });
  assert.match(messages.at(-1).message, /\[Landscape\] plane must be "random" or "path"; got "sideways"/);
  s.handle({ type: 'landscape', resolution: 7 });
  assert.match(messages.at(-1).message, /\[Landscape\] resolution must be one of 11, 21, 41 points per side; got 7/);
  s.handle({ type: 'landscape', span: 2 });
  assert.match(messages.at(-1).message, /\[Landscape\] span must be one of 1, 0.1, 0.01; got 2/);
  s.handle({ type: 'landscape', id: 3, resolution: 41 });
  s.handle({ type: 'cancelLandscape' });
  const cancelled = await until((m) => m.type === 'landscapeCancelled', 'cancel');
  assert.deepEqual([cancelled.id, cancelled.reason], [3, 'cancelled']);
  s.handle({ type: 'landscape', id: 4, resolution: 41 });
  s.handle({ type: 'start' });
  const stopped = await until((m) => m.type === 'landscapeCancelled' && m.id === 4, 'cancel by start');
  assert.match(stopped.reason, /training resumed/);
  s.handle({ type: 'landscape', id: 5 });
  assert.match(messages.at(-1).message, /\[Landscape\] pause training first/);
  s.handle({ type: 'pause' });
  await sleep(20);
  assert.ok(!messages.some((m) => m.type === 'landscape'), 'no cancelled landscape is ever sent');
  s.handle({ type: 'dispose' });
});

test('untrained zero weights give no direction, and the page is told why', { timeout: 60000 }, async () => {
  const { s, messages, until } = session({});
  s.handle({ type: 'setup', ...SETUP, spec: { ...SETUP.spec, init: { scheme: 'zeros' } } });
  await until((m) => m.type === 'ready', 'ready');
  s.handle({ type: 'landscape', id: 1 });
  const error = messages.at(-1);
  assert.equal(error.for, 'landscape');
  assert.equal(error.message, '[Landscape] every weight is 0, so a direction scaled to the weights is 0 too: train at least one epoch, or start from random weights');
  s.handle({ type: 'dispose' });
});
