// Browser tests of the loss around the weights (issue 17, item 5): on the digits recipe the
// lines and both planes are drawn with numbers from the worker, and on MNIST a computation pauses
// a running run, shows its progress, and is cancelled by its button and by training again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEnd, runState } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const status = (page) => page.textContent('[data-testid="landscape-status"]');

/** Chooses the options, clicks Compute and waits for the status to say how it ended. */
async function compute(page, { plane, resolution = '11', span = '1' }) {
  await page.selectOption('#tl-plane', plane);
  await page.selectOption('#tl-resolution', resolution);
  await page.selectOption('#tl-span', span);
  await page.click('[data-testid="landscape-compute"]');
  await page.waitForFunction(() => /^(At epoch|After|Stopped|Cannot)/.test(document.querySelector('[data-testid="landscape-status"]').textContent), null, { timeout: 120000 });
  return status(page);
}

/** How many distinct colours the contour map's canvas holds (a blank canvas: 1). */
const mapColours = (page) => page.evaluate(() => {
  const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="landscape-map"]'));
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let k = 0; k < data.length; k += 4 * 97) seen.add(`${data[k]},${data[k + 1]},${data[k + 2]}`);
  return seen.size;
});

test('the digits recipe: the lines, the random plane and the path\'s plane, from the worker\'s numbers', { timeout: 240000 }, async () => {
  const { page, errors } = await open(lab, '&tdata=digits&tep=12');
  assert.equal(await page.isDisabled('[data-testid="landscape-compute"]'), false);
  // before training, the path has one point: the path's plane cannot be made, and the page says why
  assert.equal(await compute(page, { plane: 'path' }), 'Cannot compute it: the training path has 1 recorded point; train at least 2 epochs, or choose two random directions.');
  assert.equal(await trainToEnd(page, 120000), 'finished');
  assert.match(await compute(page, { plane: 'random', span: '1' }), /^At epoch 12: the loss at the weights is [0-9.]+, measured on all 898 training samples\.$/);
  assert.match(await page.textContent('[data-testid="landscape-lines"]'), /the weights are the lowest point of all three lines|falls from/);
  assert.match(await page.textContent('[data-testid="landscape-plane"]'), /^Random directions are almost at right angles to the path/);
  assert.ok(await mapColours(page) > 20, 'the map is drawn');
  // zoomed in to ±0.01, the gradient's direction still goes down: a step that long lowers the loss
  await compute(page, { plane: 'random', span: '0.01' });
  assert.match(await page.textContent('[data-testid="landscape-lines"]'), /^Along the gradient’s direction −g the loss falls from [0-9.]+ to [0-9.]+ at α = 0\.0[0-9]*: a step that long would lower it\./);
  await compute(page, { plane: 'path', resolution: '21' });
  const note = await page.textContent('[data-testid="landscape-plane"]');
  const [first, second] = [...note.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
  assert.ok(first >= 50 && first + second <= 100, note);
  assert.match(note, /The path joins the weights at epochs 0, 1, …, 12\./);
  assert.match(await page.getAttribute('[data-testid="landscape-map"]', 'aria-label'), /^Contour map of the loss on a 21 × 21 grid, from [0-9.]+ to [0-9.]+$/);
  // no sideways scroll, and a new run clears what was drawn
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await page.click('#train-reset');
  await page.waitForFunction(() => /** @type {HTMLElement} */ (document.querySelector('#tl-views')).hidden);
  assert.deepEqual(errors, []);
  await page.close();
});

test('MNIST: computing pauses the run, shows progress, and is cancelled by its button and by training', { timeout: 300000 }, async () => {
  const { page, errors } = await open(lab, '&tdata=mnist_1k&tarch=d256_relu,d128_relu&tinit=he&topt=adam&tlr=0.001&tep=40');
  await page.click('#train-start');
  await page.waitForFunction(() => document.getElementById('train-lab').dataset.runState === 'running');
  await page.selectOption('#tl-plane', 'random');
  await page.selectOption('#tl-resolution', '41');
  await page.click('[data-testid="landscape-compute"]');
  await page.waitForFunction(() => /^Computing the loss: \d+ of 1804 points/.test(document.querySelector('[data-testid="landscape-status"]').textContent), null, { timeout: 60000 });
  assert.equal(await runState(page), 'paused', 'the weights stay still while it computes');
  assert.equal(await page.isHidden('[data-testid="landscape-cancel"]'), false);
  await page.click('[data-testid="landscape-cancel"]');
  await page.waitForFunction(() => /^Stopped/.test(document.querySelector('[data-testid="landscape-status"]').textContent));
  assert.equal(await status(page), 'Stopped: cancelled. What was drawn before stays.');
  assert.equal(await page.isHidden('[data-testid="landscape-cancel"]'), true);
  assert.equal(await page.isDisabled('[data-testid="landscape-compute"]'), false);
  // again, and this time training resumes: the worker stops computing, the run goes on
  await page.click('[data-testid="landscape-compute"]');
  await page.waitForFunction(() => /^Computing the loss: \d+ of/.test(document.querySelector('[data-testid="landscape-status"]').textContent), null, { timeout: 60000 });
  await page.click('#train-start');
  await page.waitForFunction(() => /^Stopped/.test(document.querySelector('[data-testid="landscape-status"]').textContent));
  assert.equal(await status(page), 'Stopped: training resumed, so the weights change. What was drawn before stays.');
  await page.waitForFunction(() => document.getElementById('train-lab').dataset.runState === 'running');
  await page.click('#train-start');
  assert.deepEqual(errors, []);
  await page.close();
});
