// Browser tests of seed 004 C.4–5 in the Train lab: an autoencoder of MNIST digits whose
// reconstruction error falls, shown as originals above reconstructions, whose bottleneck codes
// become a dataset that a classifier learns from; and a CSV with two regression targets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEnd, exportedCurves } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });
const openTrain = (hash, viewport) => open(lab, hash, viewport);

/** The reconstruction errors of the images shown (½‖x̂ − x‖² each), once the view has them. */
async function shownErrors(page) {
  await page.locator('[data-testid="reconstructions"] .pair-item').first().waitFor();
  const text = await page.getAttribute('[data-testid="reconstructions"]', 'data-errors');
  return text.split(',').map(Number);
}
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

test('seed 004 C.4–5: an MNIST autoencoder learns, shows its reconstructions, and a classifier learns from its codes', { timeout: 300000 }, async () => {
  const { page, errors } = await openTrain('&tdata=mnist_1k&ttask=reconstruct&tep=15');
  assert.equal(await page.inputValue('#f-ttask'), 'reconstruct');
  // seed 004's 784-256-128-64-128-256-784 with a sigmoid output and the mean squared error
  assert.equal(await page.getAttribute('#f-params', 'data-count'), '484944');
  assert.equal(await page.inputValue('#f-tout'), 'sigmoid_mse');
  assert.equal(await page.textContent('#tv-view-title'), 'Originals and reconstructions');
  // the first images of the test part with what the untrained network makes of them
  const before = await shownErrors(page);
  assert.equal(before.length, 12);
  assert.equal(await page.locator('[data-testid="reconstructions"] canvas').count(), 24);

  assert.equal(await trainToEnd(page, 240000), 'finished');
  await page.waitForTimeout(400);
  const after = await shownErrors(page);
  assert.ok(after.every(Number.isFinite));
  assert.ok(mean(after) < 0.5 * mean(before), `mean error of the images shown ${mean(before)} → ${mean(after)}`);
  assert.equal(await page.textContent('#tv-loss-title'), 'Reconstruction error per epoch');
  const curves = await exportedCurves(page);
  assert.equal(curves.length, 15);
  const first = Number(curves[0].train_loss);
  const last = Number(curves.at(-1).train_loss);
  assert.ok(last < 0.6 * first, `training reconstruction error ${first} → ${last}`);
  assert.ok(Number(curves.at(-1).heldout_loss) < Number(curves[0].heldout_loss));
  // the variance-weighted R² rises above 0: better than the mean image
  assert.ok(Number(curves.at(-1).train_r2) > 0.2, `train R² ${curves.at(-1).train_r2}`);

  // the hand-off: the 64-unit bottleneck (the narrowest layer, chosen) for every image, with its label
  assert.equal(await page.inputValue('#tv-codes-layer'), '2');
  assert.match(await page.textContent('#tv-codes-layer option:checked'), /layer 3: 64 relu/);
  await page.click('#tv-codes-make');
  await page.waitForFunction(() => window.location.hash.includes('tdata=csv') && !window.location.hash.includes('ttask')
    && document.getElementById('train-lab').dataset.runState === 'ready', null, { timeout: 60000 });
  assert.match(await page.textContent('#f-description'), /mnist_1k · layer 3 features: 1000 samples, 64 features, classification/);
  assert.match(await page.textContent('#f-tdata option:checked'), /layer 3 features/);
  assert.equal(await page.inputValue('#f-tout'), 'softmax_ce');
  assert.equal(await trainToEnd(page, 120000), 'finished');
  await page.waitForTimeout(400);
  const accuracy = Number(await page.getAttribute('#train-heldout', 'data-value'));
  // chance is 0.1 for ten classes
  assert.ok(accuracy > 0.5, `held-out accuracy of a classifier on the codes ${accuracy}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV with two regression targets: chosen in the form, trained, plotted; bad columns are named', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=sine&tep=5');
  let csv = 'x1,x2,sum,difference\n';
  for (let i = 0; i < 200; i += 1) {
    const [a, b] = [Math.sin(i), Math.cos(3 * i)];
    csv += `${a.toFixed(6)},${b.toFixed(6)},${(a + b).toFixed(6)},${(a - b).toFixed(6)}\n`;
  }
  await page.selectOption('#f-csv-task', 'regression');
  await page.fill('#f-csv-columns', 'sum, difference');
  await page.setInputFiles('#f-csv', { name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => window.location.hash.includes('tdata=csv') && document.getElementById('train-lab').dataset.runState === 'ready');
  assert.match(await page.textContent('[data-testid="csv-status"]'), /two\.csv: 200 samples, 2 features, 2 targets sum, difference/);
  assert.match(await page.textContent('#f-description'), /200 samples, 2 features, regression/);
  assert.equal(await page.inputValue('#f-tout'), 'identity_mse');
  assert.equal(await trainToEnd(page, 90000), 'finished');
  await page.waitForTimeout(400);
  assert.ok(Number(await page.getAttribute('#train-metric', 'data-value')) > 0.9, 'train R² of a linear map');
  assert.match(await page.textContent('[data-testid="view-note"]'), /Each dot is one of the 2 targets of one example/);

  // a column the file lacks, and two columns for a classification, are refused with the field named
  await page.fill('#f-csv-columns', 'sum, total');
  await page.locator('#f-csv-columns').blur();
  await page.locator('[data-testid="csv-error"]').filter({ hasText: /label_column "total" is not in the header/ }).waitFor();
  await page.fill('#f-csv-columns', 'sum, difference');
  await page.selectOption('#f-csv-task', 'classification');
  await page.locator('[data-testid="csv-error"]').filter({ hasText: /classification takes one label column, got 2/ }).waitFor();
  // the last good parse stays the dataset
  assert.equal(await page.inputValue('#f-tdata'), 'csv');
  assert.deepEqual(errors, []);
  await page.close();
});
