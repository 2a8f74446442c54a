// The Step-through lab's "Download for NumPy" (issue 18, item 5): the .npz of seed 001's step
// opens with a maintained .npy reader (npyjs, fflate for the zip), holds the seed's numbers and
// exactly the core's trace in the documented orientation, and its README says which is which; the
// Train lab saves a step of its trained network on a batch of 8.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { parse } from 'npyjs';
import { startBrowser } from './harness.mjs';
import { openStepLab } from './step-helpers.mjs';
import { openTrain, trainToEndDrawn } from './train-helpers.mjs';
import { createLab } from '../../web/js/engine/engine.js';
import { STEP_PRESETS } from '../../web/js/step/step-presets.js';
import { traceArrays } from '../../web/js/numpy/trace-npz.js';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

/** The text of a 0-d '<U' .npy (npyjs reads numbers only): its header, then UTF-32 little-endian. */
function npyText(bytes) {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true);
  const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
  assert.match(header, /^\{'descr': '<U\d+', 'fortran_order': False, 'shape': \(\), \}/);
  const body = bytes.subarray(10 + headerLength);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  return String.fromCodePoint(...Array.from({ length: body.byteLength / 4 }, (_, i) => view.getUint32(4 * i, true)).filter((c) => c));
}

test('seed 001: the downloaded .npz holds the step\'s numbers, as np.load reads them', { timeout: 120000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&preset=seed001');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="step-npz"]')]);
  assert.equal(download.suggestedFilename(), 'backprop-lab-seed001-step1.npz');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const arrays = {};
  for (const [name, bytes] of Object.entries(files)) {
    assert.match(name, /\.npy$/);
    if (name === 'README.npy' || name === 'spec.npy') continue;
    const copy = bytes.slice();
    arrays[name.replace(/\.npy$/, '')] = parse(copy.buffer);
  }
  // the seed's numbers: W⁽¹⁾ (out × in, the transpose of the seed's w⁽¹⁾), x = [1, 1] as a column
  assert.deepEqual(arrays.W1.shape, [3, 2]);
  assert.deepEqual([...arrays.W1.data], [0.4, 0.3, 0.6, 0.9, 0.2, 0.5]);
  assert.deepEqual(arrays.X.shape, [2, 1]);
  assert.deepEqual(arrays.b1.shape, [3, 1]);
  assert.equal(arrays.loss.shape.length, 0);
  // seed 001 Q1.1 by hand: z⁽¹⁾ = (1.7, 2.5, 1.7), ŷ = σ(0.2σ(1.7) + 0.2σ(2.5) + 0.8σ(1.7) + 0.5) = 0.8221
  const sigma = (v) => 1 / (1 + Math.exp(-v));
  assert.deepEqual([...arrays.z1.data].map((v) => Math.round(v * 1e12) / 1e12), [1.7, 2.5, 1.7]);
  assert.ok(Math.abs(arrays.a2.data[0] - sigma(0.2 * sigma(1.7) + 0.2 * sigma(2.5) + 0.8 * sigma(1.7) + 0.5)) < 1e-15);
  // every array is exactly the core's trace of the same step, computed here in node
  const core = await createLab();
  const preset = STEP_PRESETS.seed001;
  const net = core.network(preset.spec);
  net.setParameters(preset.parameters);
  const trace = net.trace(preset.samples[0].input, preset.samples[0].target, { optimizer: { name: 'sgd' }, learningRate: preset.learningRate });
  const expected = traceArrays(trace, net.spec).arrays;
  assert.deepEqual(Object.keys(arrays).sort(), Object.keys(expected).sort());
  for (const [name, { shape, data }] of Object.entries(expected)) {
    assert.deepEqual(arrays[name].shape, shape, name);
    assert.deepEqual([...arrays[name].data], [...data], name);
  }
  // W1_new = W1 − η dW1, as np.load gives them
  arrays.W1.data.forEach((w, k) => assert.equal(arrays.W1_new.data[k], w - 0.1 * arrays.dW1.data[k]));
  const readme = npyText(files['README.npy']);
  assert.match(readme, /^Backprop Lab: one training step/);
  assert.match(readme, /Orientation: every batch is \(features x samples\), one COLUMN per sample, and W is \(out x in\)/);
  assert.match(readme, /\n {2}dW1 {12}\(3, 2\) {7}layer 1: ∂L\/∂W = δ a_prevᵀ/);
  assert.deepEqual(JSON.parse(npyText(files['spec.npy'])).layers.map((l) => l.units), [3, 1]);
  net.dispose();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Train lab\'s trained network: a step on 8 samples from the one chosen, its first column the sample Step-through gets', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain(lab, '&tdata=digits&tep=3');
  await trainToEndDrawn(page);
  await page.fill('#tv-step-index', '3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="tv-step-npz"]')]);
  assert.equal(download.suggestedFilename(), 'backprop-lab-digits-test-samples-3-10-step.npz');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const arrays = Object.fromEntries(Object.entries(files).filter(([name]) => !/^(README|spec)\.npy$/.test(name)).map(([name, bytes]) => [name.replace(/\.npy$/, ''), parse(bytes.slice().buffer)]));
  assert.deepEqual(arrays.X.shape, [64, 8]);
  assert.deepEqual(arrays.Y.shape, [10, 8]);
  // plain SGD with the run's η: every updated weight is W − η dW
  const eta = arrays.learning_rate.data[0];
  const updated = Object.keys(arrays).filter((name) => name.endsWith('_new'));
  assert.ok(updated.length >= 2, updated.join());
  for (const name of updated) {
    const before = arrays[name.replace(/_new$/, '')];
    const gradient = arrays[`d${name.replace(/_new$/, '')}`];
    Array.from(/** @type {Float64Array} */ (arrays[name].data)).forEach((w, k) => assert.ok(Math.abs(w - (before.data[k] - eta * gradient.data[k])) < 1e-12, `${name}[${k}]`));
  }
  // the batch starts at the chosen sample: the one "Open in Step-through" hands over
  await page.click('#tv-step-through');
  await page.waitForFunction(() => window.location.hash.includes('hx='));
  const hx = new URLSearchParams(page.url().split('#')[1]).get('hx').split(',').map(Number);
  const firstColumn = Array.from({ length: 64 }, (_, i) => arrays.X.data[i * 8]);
  hx.forEach((v, i) => assert.ok(Math.abs(v - firstColumn[i]) < 1e-12, `x[${i}]`));
  assert.deepEqual(errors, []);
  await page.close();
});
