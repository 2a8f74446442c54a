// The training worker in a real browser: a module Web Worker loads the engine, streams progress
// while the main thread stays free, pauses and resumes, and finishes with a trained network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

test('training runs in a Web Worker with progress, pause and resume', { timeout: 90000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(lab.url);
  const result = await page.evaluate(async () => {
    // @ts-expect-error: this runs in the page, where the path is relative to web/
    const { TrainingClient } = await import('./js/engine/training-client.js');
    const client = new TrainingClient();
    const progress = [];
    client.on('progress', (m) => progress.push(m));
    const ready = await client.setup({
      spec: { input: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 2, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'xavier', scale: 1, seed: 4 } },
      data: { generate: { name: 'moons', samples: 400, noise: 0.1, seed: 3 } },
      split: { validation: 0.25, seed: 2 },
      scaling: 'standardize',
      settings: { optimizer: 'adam', learning_rate: 0.02, batch_size: 16, epochs: 1500, seed: 9 },
      grid: { xMin: -2, xMax: 3, yMin: -1.5, yMax: 2, resolution: 16 },
    });
    const waitFor = (predicate, what) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${what}`)); }, 30000);
      const off = client.on('progress', (m) => { if (predicate(m)) { clearTimeout(timer); off(); resolve(m); } });
    });
    // the main thread keeps animating while the worker trains
    let frames = 0;
    let longestGap = 0;
    let last = performance.now();
    let counting = true;
    const frame = (t) => { frames += 1; longestGap = Math.max(longestGap, t - last); last = t; if (counting) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    client.start();
    await waitFor((m) => m.epoch >= 5, 'epoch 5');
    client.pause();
    const paused = await waitFor((m) => m.state === 'paused', 'the pause');
    client.resume();
    const done = await waitFor((m) => m.state !== 'running' && m.state !== 'paused', 'the end of training');
    counting = false;
    const snapshot = await client.snapshot();
    client.terminate();
    return {
      ready,
      pausedEpoch: paused.epoch,
      final: { state: done.state, epoch: done.epoch, message: done.message },
      epochsStreamed: progress.flatMap((m) => m.history.map((h) => h.epoch)),
      lastValMetric: snapshot.history.at(-1).valMetric,
      gridLength: progress.filter((m) => m.grid).at(-1)?.grid.values.length,
      frames,
      longestGap,
    };
  });
  assert.equal(result.ready.parameterCount, 8 * 2 + 8 + 2 * 8 + 2);
  assert.ok(result.pausedEpoch >= 5);
  assert.equal(result.final.state, 'finished');
  assert.equal(result.final.epoch, 1500);
  assert.deepEqual(result.epochsStreamed, Array.from({ length: 1500 }, (_, i) => i + 1));
  assert.ok(result.lastValMetric > 0.95, `validation accuracy ${result.lastValMetric}`);
  assert.equal(result.gridLength, 16 * 16 * 2);
  // the main thread kept drawing frames while the worker trained (the frame-gap figure itself is
  // measured by the benchmarks, not asserted: it depends on the machine's load)
  assert.ok(result.frames > 0, 'no animation frame while training');
  assert.deepEqual(errors, []);
  await page.close();
});
