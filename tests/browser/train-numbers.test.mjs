// Browser tests of the Train lab's numbers and end states (issue 14): a diverging classifier ends
// "diverged" and the lab trains again; a sweep marks a diverging value and goes on; classification
// is scored by accuracy whatever the loss; early stopping shows the restored weights' scores; the
// init scale's meaning; captions; the loss named with its formula (mean or sum); seed 002's ΔJ
// rule; seed 000 §1.2's distance to the exact optimum; and screenshots for docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEndDrawn as trainToEnd, exportedCurves } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';
import { createLab } from '../../web/js/engine/engine.js';

let lab;
let engine;
before(async () => {
  lab = await startBrowser();
  engine = await createLab();
});
after(async () => { await lab?.close(); });
const openTrain = (hash, viewport) => open(lab, hash, viewport);

const screenshots = new URL('../../docs/screenshots/', import.meta.url).pathname;

async function setField(page, id, value) {
  await page.fill(`#${id}`, String(value));
  await page.locator(`#${id}`).blur();
}

const DEEP_RELU = '&tdata=peaks&tarch=d10_relu,r_relu,r_relu,r_relu,r_relu,r_relu,r_relu,r_relu,r_relu,r_relu&topt=sgd&tlr=0.1&tbs=32&tep=100&tinit=he';

test('a classification run that reaches NaN ends "diverged" with the reason, and every control works afterwards', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain(DEEP_RELU);
  assert.equal(await trainToEnd(page), 'diverged');
  assert.match(await page.textContent('#train-status'), /^Diverged · epoch \d+ of 100/);
  const alert = await page.textContent('[data-testid="train-alert"]');
  assert.match(alert, /Training diverged\. Loss became NaN at epoch 1, batch \d+; the learning rate 0\.1 is likely too high/);
  assert.equal(await page.textContent('[data-testid="train-metric"]'), 'diverged');
  assert.match(await page.textContent('[data-testid="confusion"]'), /Diverged: the network's outputs on the validation part/);
  const panel = await page.textContent('#panel-train');
  // NaN appears only inside the explanations, never as a shown value
  const values = panel.replace('Loss became NaN at', '').replace('are not finite (NaN or infinite)', '');
  assert.doesNotMatch(values, /NaN|Infinity|e\+30/, values.match(/.{60}(NaN|Infinity|e\+30).{60}/s)?.[0]);
  // Train again and Reset answer; a smaller η then trains to the end
  await page.click('#train-reset');
  await page.waitForFunction(() => document.getElementById('train-lab').dataset.runState === 'ready');
  await setField(page, 'f-tlr', '0.001');
  await setField(page, 'f-tep', '3');
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await trainToEnd(page), 'finished');
  assert.match(await page.textContent('#train-status'), /^Finished · epoch 3 of 3/);
  assert.match(await page.textContent('[data-testid="train-metric"]'), /^\d+\.\d%$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a sweep with a diverging value marks it "diverged", finishes, and the lab trains again', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain(`${DEEP_RELU}&tep=2`);
  await page.selectOption('#tv-sweep-key', 'lr');
  await page.fill('#tv-sweep-values', '0.0001, 0.1, 0.001');
  await page.click('#tv-sweep-run');
  await page.waitForFunction(() => /Sweep done/.test(document.getElementById('tv-sweep-status').textContent), null, { timeout: 150000 });
  assert.match(await page.textContent('#tv-sweep-status'), /Sweep done: 3 of 3 values trained/);
  const rows = await page.$$eval('[data-testid="sweep-table"] tbody tr', (trs) => trs.map((tr) => ({ status: tr.dataset.status, cells: [...tr.children].map((c) => c.textContent) })));
  assert.deepEqual(rows.map((r) => r.status), ['finished', 'diverged', 'finished']);
  assert.equal(rows[1].cells[1], 'diverged');
  assert.match(rows[0].cells[1], /^\d\.\d{3}$/);
  assert.match(rows[0].cells[6], /\d s$/, 'the wall time of each value');
  // the main run still trains
  assert.equal(await trainToEnd(page), 'diverged');
  assert.deepEqual(errors, []);
  await page.close();
});

test('classification with a sigmoid + MSE output is scored by accuracy (seeds 001 Q2.4 and 003)', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain('&tdata=iris_binary&tout=sigmoid_mse');
  assert.equal(await trainToEnd(page), 'finished');
  assert.match(await page.textContent('#train-score-label'), /^train accuracy/);
  assert.match(await page.textContent('[data-testid="train-metric"]'), /^\d+\.\d%$/);
  assert.equal(await page.textContent('#tv-metric-title'), 'Accuracy per epoch');
  await page.screenshot({ path: `${screenshots}train-iris-binary-sigmoid-mse.png` });
  const rows = await exportedCurves(page);
  assert.ok('train_accuracy' in rows[0] && !('train_r2' in rows[0]), 'the CSV names the accuracy');
  assert.ok(rows.every((r) => Number(r.train_accuracy) >= 0 && Number(r.train_accuracy) <= 1));
  assert.deepEqual(errors, []);
  await page.close();

  // seed 003's network: 784-64-32-10 sigmoid, ½Σ(a − y)², η 3, batch 10; the headline's test
  // accuracy is the confusion matrix's
  const seed3 = await openTrain('&tdata=mnist_1k&tarch=d64_sigmoid,d32_sigmoid&tout=sigmoid_mse&tinit=normal&tiscale=1&tlr=3&tbs=10&tep=3');
  assert.equal(await trainToEnd(seed3.page), 'finished');
  const heldOut = await seed3.page.textContent('#train-heldout');
  assert.match(heldOut, /^test \d+\.\d%$/);
  const shown = Number(await seed3.page.getAttribute('#train-heldout', 'data-value'));
  const matrix = await seed3.page.getAttribute('[data-testid="confusion"] [data-accuracy]', 'data-accuracy');
  assert.equal(shown, Number(matrix), 'the headline and the confusion matrix score the same weights');
  assert.ok(shown > 0.5, `test accuracy ${shown}`);
  assert.deepEqual(seed3.errors, []);
  await seed3.page.close();
});

test('after early stopping the headline and the CSV show the restored weights\' scores, and the best epoch is marked', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain('&tdata=peaks&tstop=val_metric&tpat=8&tep=300&tlr=0.01');
  assert.equal(await trainToEnd(page, 150000), 'early_stopped');
  const status = await page.textContent('#train-status');
  const [, stopped, best] = status.match(/^Stopped at epoch (\d+), best epoch (\d+) restored/).map(Number);
  assert.equal(stopped, best + 8);
  assert.match(await page.textContent('#train-score-label'), new RegExp(`\\(epoch ${best}, restored\\)`));
  const rows = await exportedCurves(page);
  const restored = rows.filter((r) => r.restored === '1');
  assert.equal(restored.length, 1);
  assert.equal(Number(restored[0].epoch), best);
  assert.equal(Number(await page.getAttribute('[data-testid="train-metric"]', 'data-value')), Number(restored[0].train_accuracy));
  // the confusion matrix (validation part) scores the restored weights: the same accuracy
  const heldOut = Number(await page.getAttribute('#train-heldout', 'data-value'));
  assert.equal(heldOut, Number(restored[0].heldout_accuracy));
  assert.equal(heldOut, Number(await page.getAttribute('[data-testid="confusion"] [data-accuracy]', 'data-accuracy')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new init scheme starts from its own scale, and He and Xavier show each layer\'s σ or limit', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tinit=normal');
  await setField(page, 'f-tiscale', '0.05');
  await page.waitForFunction(() => /tiscale=0.05/.test(location.hash));
  assert.match(await page.textContent('[data-testid="init-note"]'), /N\(0, σ²\), the same σ for every layer/);
  await page.selectOption('#f-tinit', 'he');
  await page.waitForFunction(() => !/tiscale/.test(location.hash) && /tinit=he/.test(location.hash));
  assert.equal(await page.inputValue('#f-tiscale'), '1');
  assert.equal(await page.textContent('label[for="f-tiscale"] span'), 'Gain g');
  // circles: 2 → 8 → 8 → 1; He's σ = √(2 / fan-in) from the core
  const note = await page.textContent('[data-testid="init-note"]');
  const expected = engine.initDistributions({ input: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary_cross_entropy', init: { scheme: 'he', scale: 1 } });
  assert.equal(expected[0].parameter, 1);
  assert.match(note, /W of layer 1 \(2→8\): σ = 1; W of layer 2 \(8→8\): σ = 0\.5; W of layer 3 \(8→1\): σ = 0\.5\./);
  assert.ok(Math.abs(expected[1].parameter - 0.5) < 1e-12);
  assert.deepEqual(errors, []);
  await page.close();
});

test('captions say what is shown: counts, parts, the split, the R² axis, and a diverged regression', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tn=500');
  const balance = await page.textContent('#tv-balance figcaption');
  assert.match(balance, /^Examples per class 500 in all$/);
  assert.match(await page.textContent('#tv-map'), /|/); // the canvas exists
  const mapLabel = await page.getAttribute('#tv-map', 'aria-label');
  assert.match(mapLabel, /\d+ training as filled dots, 100 validation as rings, 100 test as hollow squares/);
  assert.match(await page.textContent('[data-testid="split-note"]'), /Split in use: 300 training, 100 validation, 100 test samples/);
  await page.close();

  const mnist = await openTrain('&tdata=mnist_1k&ttest=0.5');
  assert.doesNotMatch(await mnist.page.textContent('#f-description'), /train|test/);
  assert.match(await mnist.page.textContent('[data-testid="split-note"]'), /500 training, 0 validation, 500 test/);
  await mnist.page.close();

  const sine = await openTrain('&tdata=sine&topt=sgd&tlr=50');
  assert.equal(await trainToEnd(sine.page), 'diverged');
  assert.equal(await sine.page.textContent('#tv-metric-title'), 'R² per epoch');
  assert.match(await sine.page.textContent('[data-testid="metric-note"]'), /R² = 1 − Σ\(y − ŷ\)² \/ Σ\(y − ȳ\)²/);
  const text = await sine.page.textContent('#panel-train');
  assert.doesNotMatch(text, /Infinity|e\+\d|\de\d/, 'no raw non-finite or machine-formatted number');
  assert.equal(await sine.page.textContent('[data-testid="train-metric"]'), 'diverged');
  assert.match(await sine.page.textContent('#train-heldout'), /^validation diverged$/);
  assert.ok(await sine.page.isChecked('#tv-loss-log'), 'a loss spanning hundreds of decades is drawn on a log axis');
  assert.doesNotMatch(await sine.page.textContent('#train-status'), /about under/);
  assert.deepEqual([...errors, ...mnist.errors, ...sine.errors], []);
  await sine.page.close();
});

test('the loss is named with its formula, and the sum over samples is the mean times each part\'s size', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tep=5&tl2=0.01');
  assert.equal(await trainToEnd(page), 'finished');
  assert.match(await page.textContent('[data-testid="loss-formula"]'), /^Mean over the samples of the binary cross-entropy −\[y log a \+ \(1 − y\) log\(1 − a\)\] \+ the L2 term \(λ\/2\)Σ‖W‖² with λ = 0\.01\.$/);
  await page.selectOption('#tv-loss-sum', 'sum');
  await page.waitForFunction(() => /tlossview=sum/.test(location.hash));
  assert.match(await page.textContent('[data-testid="loss-formula"]'), /^Sum over the samples of .* \(mean × 300 training and × 100 held-out samples\)\.$/);
  const rows = await exportedCurves(page);
  for (const r of rows) {
    assert.match(r.loss, /mean over the samples of the binary cross-entropy/);
    const penalty = Number(r.penalty);
    assert.ok(penalty > 0);
    assert.ok(Math.abs(Number(r.train_loss_sum) - ((Number(r.train_loss) - penalty) * 300 + penalty)) < 1e-9);
    assert.ok(Math.abs(Number(r.heldout_loss_sum) - ((Number(r.heldout_loss) - penalty) * 100 + penalty)) < 1e-9);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('early stopping as the seeds do it: seed 002\'s ΔJ rule from the form', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=xor&tep=2000&tval=0&ttest=0');
  await page.check('#f-tstop input[value="train_loss_change"]');
  await setField(page, 'f-tmind', '0.0001');
  await page.waitForFunction(() => /tstop=train_loss_change/.test(location.hash) && /tmind=0.0001/.test(location.hash));
  assert.match(await page.textContent('[data-testid="stop-note"]'), /\|J_t − J_\{t−1\}\| < ΔJ = 0\.0001/);
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await trainToEnd(page), 'early_stopped');
  const status = await page.textContent('#train-status');
  const [, epoch] = status.match(/^Stopped at epoch (\d+): the training loss changed by ([\d.e-]+), less than ΔJ = 0\.0001/);
  const rows = await exportedCurves(page);
  assert.equal(rows.length, Number(epoch));
  const change = Math.abs(Number(rows.at(-1).train_loss) - Number(rows.at(-2).train_loss));
  assert.ok(change < 1e-4, `last change ${change}`);
  for (let i = 1; i < rows.length - 1; i += 1) assert.ok(Math.abs(Number(rows[i].train_loss) - Number(rows[i - 1].train_loss)) >= 1e-4);
  assert.deepEqual(errors, []);
  await page.close();
});

test('seed 000 §1.2: the least-squares run shows ‖w − w*‖ and f(w) − f(w*), equal to the core\'s', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=least_squares', { width: 1280, height: 1400 });
  assert.equal(await trainToEnd(page), 'finished');
  assert.equal(await page.isHidden('#tv-optimum-card'), false);
  assert.match(await page.textContent('[data-testid="optimum-note"]'), /λ = 0\.001/);
  // the same run directly with the node build
  const request = { name: 'least_squares', samples: 100, noise: 0.05, seed: 1, lambda: 0.001 };
  const data = engine.generate(request);
  const network = engine.network({ input: 200, layers: [{ units: 1, activation: 'identity', bias: false }], loss: 'mse', l2: 0.001, init: { scheme: 'zeros', scale: 1, seed: 1 } });
  const prepared = data.prepare({ validation: 0, test: 0, stratify: true, seed: 1 }, 'none');
  const trainer = engine.trainer(network, prepared.train, { optimizer: { name: 'sgd' }, learning_rate: 0.1, batch_size: 10, epochs: 200, lr_schedule: { type: 'step', factor: 0.5, every: 50 }, seed: 1 });
  assert.equal(trainer.useLeastSquaresOptimum(prepared.train, request), '');
  trainer.run(200);
  const direct = trainer.history;
  for (const owned of [trainer, prepared, network, data]) owned.dispose();
  const gaps = direct.map((r) => r.optimumGap);
  assert.ok(gaps.every((g) => g >= 0) && gaps.at(-1) < 0.5 * gaps[0], `gap ${gaps[0]} → ${gaps.at(-1)}`);
  const rows = await exportedCurves(page);
  assert.equal(Number(rows.at(-1).train_loss), direct.at(-1).trainLoss, 'the page trained the same run');
  const label = await page.getAttribute('#tv-optimum', 'aria-label');
  assert.match(label, /Distance to the exact optimum/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshots}train-least-squares-optimum.png` });
  // the no-bias model steps through: z = W a, and no ∂L/∂b operation
  await page.click('#tv-step-through');
  await page.waitForFunction(() => !document.getElementById('panel-step').hidden && window.location.hash.includes('preset=train'));
  await page.locator('#step-ops li').first().waitFor();
  const ops = await page.$$eval('#step-ops li', (items) => items.map((li) => li.textContent));
  assert.ok(ops.some((t) => /∂L\/∂W/.test(t)) && !ops.some((t) => /∂L\/∂b/.test(t)), ops.join(' | '));
  await page.goBack().catch(() => {});
  await page.goto(`${lab.url}#lab=train&tdata=least_squares`);
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  // a model that is not the seed's says why the optimum does not apply
  await page.selectOption('#f-tbias', 'on');
  await page.waitForFunction(() => /no bias/.test(document.querySelector('[data-testid="optimum-note"]').textContent), null, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshot of a diverged classification run', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain(DEEP_RELU);
  assert.equal(await trainToEnd(page), 'diverged');
  await page.screenshot({ path: `${screenshots}train-diverged-classification.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a network too large for the browser\'s memory is refused with the setting named, and a small one then trains', { timeout: 180000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#lab=train&tdata=circles&tarch=d4096_relu,d4096_relu,d4096_relu,d4096_relu`);
  await page.waitForFunction(() => /Not ready/.test(document.querySelector('#train-status')?.textContent ?? ''), null, { timeout: 60000 });
  const message = await page.textContent('#train-error');
  assert.match(message, /\[Memory\] about [\d.]+ GB needed, the browser allows 1\.5 GB: reduce the units of layer \d/);
  assert.doesNotMatch(message, /bad_alloc/);
  assert.equal(await page.isDisabled('#train-start'), true);
  // a small network is set up by the same worker and trains; no stale error is taken as its answer
  await page.evaluate(() => { window.location.hash = '#lab=train&tdata=circles&tarch=d8_tanh&tep=3'; });
  await page.reload();
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await trainToEnd(page), 'finished');
  assert.deepEqual(errors, []);
  await page.close();
});
