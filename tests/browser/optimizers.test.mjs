// Browser tests of the optimizers' choice (issue 16, seed 004 §C.3): L-BFGS in the Train lab reaches
// the same or a lower training loss than the recipe's SGD in fewer epochs, and shows how many times
// it evaluated the loss and the gradient; the Step-through lab does not offer it and a link naming
// it falls back with a note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEndDrawn as trainToEnd, exportedCurves } from './train-helpers.mjs';
import { openStepLab } from './step-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });
const openTrain = (hash, viewport) => open(lab, hash, viewport);

test('L-BFGS on iris reaches a lower training loss than the recipe\'s SGD in fewer epochs, with its evaluations shown', { timeout: 180000 }, async () => {
  const sgd = await openTrain('&tdata=iris');
  assert.equal(await trainToEnd(sgd.page), 'finished');
  const sgdRows = await exportedCurves(sgd.page);
  assert.equal(sgdRows.length, 100, 'the recipe trains 100 epochs');
  // SGD's counts are full-batch equivalents: one per epoch
  assert.equal(Number(sgdRows.at(-1).function_evaluations), 100);
  assert.doesNotMatch(await sgd.page.textContent('#train-status'), /evaluations/);
  assert.deepEqual(sgd.errors, []);
  await sgd.page.close();

  const { page, errors } = await openTrain('&tdata=iris&topt=lbfgs&tep=40');
  // the form: the memory field, η and the batch size not used, the rule in the core's words
  assert.ok(await page.isVisible('#f-tmem'));
  assert.equal(await page.inputValue('#f-tmem'), '10');
  assert.ok(await page.isDisabled('#f-tlr'));
  assert.ok(await page.isDisabled('#f-tbs'));
  assert.ok(await page.isHidden('#f-tmom'));
  assert.match(await page.textContent('[data-testid="optimizer-note"]'), /L-BFGS \(full batch\): .*one epoch is one iteration, the batch size and η are not used/);
  assert.equal(await trainToEnd(page), 'finished');
  const rows = await exportedCurves(page);
  const last = rows.at(-1);
  assert.ok(rows.length <= 40 && rows.length < sgdRows.length, `${rows.length} epochs`);
  const lbfgsLoss = Number(last.train_loss);
  const sgdLoss = Number(sgdRows.at(-1).train_loss);
  assert.ok(lbfgsLoss <= sgdLoss, `L-BFGS ${lbfgsLoss} vs SGD ${sgdLoss}`);
  // fewer epochs than SGD needs to reach its final loss
  const reached = rows.findIndex((r) => Number(r.train_loss) <= sgdLoss) + 1;
  assert.ok(reached > 0 && reached < 100, `L-BFGS reaches SGD's final loss at epoch ${reached}`);
  // the counts: cumulative, at least one evaluation per epoch beyond the first, shown in the status line
  const evaluations = Number(last.function_evaluations);
  assert.ok(evaluations > rows.length, `${evaluations} evaluations in ${rows.length} epochs`);
  assert.equal(last.gradient_evaluations, last.function_evaluations);
  assert.equal(last.learning_rate, '', 'lbfgs uses no learning rate');
  const status = await page.textContent('#train-status');
  assert.match(status, new RegExp(`${evaluations} function and ${evaluations} gradient evaluations`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad memory is refused beside its field with the range, and the run keeps its settings', { timeout: 60000 }, async () => {
  const { page, errors } = await openTrain('&tdata=xor&topt=lbfgs&tmem=5');
  assert.equal(await page.inputValue('#f-tmem'), '5');
  await page.fill('#f-tmem', '0');
  await page.locator('#f-tmem').blur();
  assert.match(await page.textContent('#f-tmem-error'), /1\.\.100/);
  assert.match(page.url(), /tmem=5/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Step-through lab does not offer L-BFGS, and a link naming it shows the preset\'s optimizer with a note', { timeout: 60000 }, async () => {
  const { page, errors } = await openStepLab(lab, '#lab=step&optimizer=lbfgs');
  const names = await page.$$eval('#edit-optimizer option', (options) => options.map((o) => o.value));
  assert.ok(names.includes('adam') && !names.includes('lbfgs'), names.join(', '));
  assert.match(await page.textContent('#edit-optimizer-note'), /L-BFGS \(full batch\): in the Train lab/);
  assert.match(await page.textContent('#step-error'), /"lbfgs" in this link works on the whole training set/);
  assert.doesNotMatch(page.url(), /optimizer=lbfgs/);
  assert.equal(await page.inputValue('#edit-optimizer'), 'sgd');
  assert.deepEqual(errors, []);
  await page.close();
});
