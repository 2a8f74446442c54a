// The training session behind the Web Worker, driven directly: it streams progress at a bounded
// rate, pauses, steps and resumes, and ends with exactly the weights of the same run done directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLab } from '../../web/js/engine/engine.js';
import { TrainingSession, gridPoints } from '../../web/js/engine/training-session.js';
import { until } from './wait.mjs';

const lab = await createLab();

const CONFIG = {
  spec: { input: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 4 } },
  data: { generate: { name: 'circles', samples: 400, noise: 0.1, seed: 3 } },
  split: { validation: 0.25, test: 0, seed: 2 },
  scaling: 'standardize',
  settings: { optimizer: 'sgd', learning_rate: 0.2, batch_size: 16, epochs: 400, seed: 9 },
  grid: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5, resolution: 12 },
};

function startSession(pacing) {
  const messages = [];
  const session = new TrainingSession(lab, (message) => messages.push(message), {
    schedule: (fn) => setImmediate(fn),
    pacing,
  });
  return { session, messages };
}

test('gridPoints lays points at pixel centres, top row first', () => {
  const points = gridPoints({ xMin: 0, xMax: 2, yMin: 0, yMax: 2, resolution: 2 });
  assert.deepEqual([...points], [0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
});

test('the session streams progress, pauses, steps, resumes and matches a direct run', { timeout: 60000 }, async () => {
  const { session, messages } = startSession({ sliceMs: 1, progressMs: 20, gridMs: 40 });
  session.handle({ type: 'setup', ...CONFIG });
  const ready = messages.find((m) => m.type === 'ready');
  assert.equal(ready.parts.train + ready.parts.validation, 400);
  assert.equal(ready.batchesPerEpoch, Math.ceil(ready.parts.train / 16));

  session.handle({ type: 'start' });
  await until(() => messages.some((m) => m.type === 'progress' && m.epoch >= 3), 'three epochs');
  session.handle({ type: 'pause' });
  const paused = messages.at(-1);
  assert.equal(paused.state, 'paused');
  const pausedCount = messages.length;
  await sleep(30);
  assert.equal(messages.length, pausedCount, 'no messages while paused');

  session.handle({ type: 'step' });
  const stepped = messages.at(-1);
  assert.equal(stepped.type, 'progress');
  assert.equal((stepped.epoch * stepped.batchesPerEpoch + stepped.batch) - (paused.epoch * paused.batchesPerEpoch + paused.batch), 1);

  session.handle({ type: 'resume' });
  await until(() => session.state !== 'running', 'the end of training');
  assert.equal(session.state, 'finished');
  const progress = messages.filter((m) => m.type === 'progress');
  const last = progress.at(-1);
  assert.equal(last.epoch, 400);
  assert.match(last.message, /finished 400 epochs/);
  // every epoch arrives exactly once across the streamed history
  assert.deepEqual(progress.flatMap((m) => m.history.map((h) => h.epoch)), Array.from({ length: 400 }, (_, i) => i + 1));
  // bounded rate: unforced progress messages are at least progressMs apart
  const running = progress.filter((m) => m.state === 'running');
  for (let i = 1; i < running.length; i += 1) assert.ok(running[i].sentAt - running[i - 1].sentAt >= 20);
  assert.ok(last.samplesPerSecond > 0);
  const grids = progress.filter((m) => m.grid);
  assert.ok(grids.length >= 2);
  assert.equal(grids.at(-1).grid.values.length, 12 * 12 * 2);

  session.handle({ type: 'snapshot' });
  const snapshot = messages.at(-1);

  // the same run done directly
  const net = lab.network(CONFIG.spec);
  const data = lab.generate(CONFIG.data.generate);
  const prepared = data.prepare(CONFIG.split, CONFIG.scaling);
  const trainer = lab.trainer(net, prepared.train, CONFIG.settings, prepared.validation);
  trainer.run(400);
  assert.deepEqual(snapshot.parameters, net.getParameters());
  assert.deepEqual(snapshot.history.map((h) => h.trainLoss), trainer.history.map((h) => h.trainLoss));
  assert.ok(trainer.history.at(-1).valMetric > 0.9, `validation accuracy ${trainer.history.at(-1).valMetric}`);
  for (const owned of [trainer, prepared, data, net]) owned.dispose();
  session.handle({ type: 'dispose' });
});

test('the session scores the held-out part every epoch when small, else the first, every k-th and the last, as the trainer would', { timeout: 60000 }, async () => {
  const settings = { ...CONFIG.settings, epochs: 30 };
  const run = async (pacing) => {
    const { session, messages } = startSession({ sliceMs: 5, ...pacing });
    session.handle({ type: 'setup', ...CONFIG, settings });
    session.handle({ type: 'start' });
    await until(() => session.state !== 'running', 'the end of training');
    const progress = messages.filter((m) => m.type === 'progress');
    session.handle({ type: 'dispose' });
    return { history: progress.flatMap((m) => m.history), every: progress.at(-1).heldOutEvery, cost: progress.at(-1).heldOutCost };
  };
  // the trainer scoring the validation part itself, every epoch
  const net = lab.network(CONFIG.spec);
  const data = lab.generate(CONFIG.data.generate);
  const prepared = data.prepare(CONFIG.split, CONFIG.scaling);
  const trainer = lab.trainer(net, prepared.train, settings, prepared.validation);
  trainer.run(30);
  const direct = trainer.history;
  for (const owned of [trainer, prepared, data, net]) owned.dispose();

  const cheap = await run({ heldOutFreeSamples: Infinity });
  assert.equal(cheap.every, 1);
  assert.deepEqual(cheap.history.map((r) => [r.valLoss, r.valMetric]), direct.map((r) => [r.valLoss, r.valMetric]));
  // a costly part on a short run: still every epoch, since the curve keeps at least heldOutPoints points
  const short = await run({ heldOutFreeSamples: 0, heldOutShare: 0.01, heldOutPoints: 20 });
  assert.equal(short.every, 1);
  assert.deepEqual(short.history.map((r) => r.valLoss), direct.map((r) => r.valLoss));
  // a held-out part "too big": epoch 1, then every k-th epoch (k from the parts' sizes) and the last, the same numbers where scored
  const sparse = await run({ heldOutFreeSamples: 0, heldOutShare: 0.01, heldOutPoints: 1 });
  assert.equal(sparse.every, Math.ceil(100 / (2 * 0.01 * 300)));
  assert.equal(sparse.cost, 100 / (2 * 300), 'a pass over 100 held-out samples costs about 100 / (2 × 300) of an epoch on 300');
  const scored = sparse.history.filter((r) => !Number.isNaN(r.valMetric)).map((r) => r.epoch);
  assert.equal(scored[0], 1);
  assert.equal(scored.at(-1), 30);
  assert.deepEqual(scored, [1, ...Array.from({ length: 30 }, (_, i) => i + 1).filter((e) => e % sparse.every === 0 && e < 30), 30]);
  for (const e of scored) assert.equal(sparse.history[e - 1].valLoss, direct[e - 1].valLoss);
  assert.deepEqual(sparse.history.map((r) => r.trainLoss), direct.map((r) => r.trainLoss));
});

test('reset starts over and bad commands are reported, not thrown', () => {
  const { session, messages } = startSession();
  session.handle({ type: 'start' });
  assert.match(messages.at(-1).message, /no training is set up/);
  session.handle({ type: 'jump' });
  assert.match(messages.at(-1).message, /unknown message type "jump"/);
  session.handle({ type: 'setup', ...CONFIG, spec: { input: 3, layers: [{ units: 2 }] } });
  assert.match(messages.at(-1).message, /features/);
  const handles = lab.liveHandles();
  session.handle({ type: 'setup', ...CONFIG, grid: null });
  session.handle({ type: 'stepEpoch' });
  assert.equal(messages.at(-1).epoch, 1);
  session.handle({ type: 'reset' });
  assert.equal(messages.at(-1).epoch, 0);
  session.handle({ type: 'stop' });
  session.handle({ type: 'resume' });
  assert.match(messages.at(-1).message, /cannot resume a run that is stopped/);
  session.handle({ type: 'dispose' });
  assert.equal(lab.liveHandles(), handles);
});

test('an error inside training ends the run "failed" with the message; reset and a new setup work, and a stale error is not a later answer', async () => {
  // a lab whose trainers fail on their 5th step, as a run that runs out of memory would
  const failing = Object.create(lab);
  failing.trainer = (...args) => {
    const trainer = lab.trainer(...args);
    let steps = 0;
    const step = trainer.step.bind(trainer);
    trainer.step = () => {
      steps += 1;
      if (steps === 5) throw new Error('std::bad_alloc');
      return step();
    };
    return trainer;
  };
  const messages = [];
  const session = new TrainingSession(failing, (message) => messages.push(message), { schedule: (fn) => setImmediate(fn) });
  session.handle({ type: 'setup', ...CONFIG });
  assert.equal(session.state, 'ready');
  session.handle({ type: 'start' });
  await until(() => session.state === 'failed', 'the failed state');
  const error = messages.find((m) => m.type === 'error');
  assert.deepEqual([error.message, error.for], ['std::bad_alloc', 'training']);
  const last = messages.filter((m) => m.type === 'progress').at(-1);
  assert.equal(last.state, 'failed');
  assert.equal(last.message, 'std::bad_alloc');
  // Reset answers and the run is ready again
  session.handle({ type: 'reset' });
  assert.equal(session.state, 'ready');
  // a new setup is answered by its own 'ready', never by the earlier error
  messages.length = 0;
  session.handle({ type: 'setup', ...CONFIG, settings: { ...CONFIG.settings, epochs: 1 } });
  assert.equal(messages.find((m) => m.type === 'error'), undefined);
  assert.ok(messages.some((m) => m.type === 'ready'));
  session.handle({ type: 'dispose' });
});
