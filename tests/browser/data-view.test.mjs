// Browser tests of the Train lab's data view: the gallery of mistakes (every image shown is a
// mistake, and their count is the confusion matrix's), the PCA projection of data with more than
// two features (axes "PC1 (…%)", "PC2 (…%)", crosses on the scored part's mistakes), and a large
// 2-D set's boundary drawn over a sample of its points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEnd } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });
const openTrain = (hash, viewport) => open(lab, hash, viewport);

/** The confusion matrix's cells, row by row, and its off-diagonal sum (the mistakes). */
async function confusion(page) {
  const cells = await page.$$eval('[data-testid="confusion"] td.count', (tds) => tds.map((td) => Number(td.textContent.replace(/\D/g, ''))));
  const k = Math.round(Math.sqrt(cells.length));
  return { cells, mistakes: cells.reduce((sum, v, i) => sum + (Math.floor(i / k) === i % k ? 0 : v), 0) };
}

test('the digits gallery shows only mistakes, as many as the confusion matrix counts (at most 48)', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=digits&tep=3');
  assert.equal(await trainToEnd(page), 'finished');
  await page.selectOption('#tv-gallery', 'mistakes');
  await page.waitForFunction(() => /mistake/.test(document.getElementById('tv-gallery-count').textContent));
  assert.match(await page.evaluate(() => location.hash), /timages=mistakes/);
  const { cells, mistakes } = await confusion(page);
  assert.equal(cells.length, 100);
  assert.ok(mistakes > 0, 'three epochs leave some mistakes');
  const count = await page.$eval('#tv-gallery-count', (el) => ({ text: el.textContent, matched: Number(el.dataset.matched), shown: Number(el.dataset.shown) }));
  assert.equal(count.matched, mistakes, count.text);
  const shown = Math.min(48, mistakes);
  assert.equal(count.shown, shown);
  assert.ok(count.text.includes(mistakes.toLocaleString('en-US')), count.text);
  const items = await page.$$eval('#tv-images li.image-item', (els) => els.map((el) => ({
    truth: el.dataset.true, predicted: el.dataset.predicted, mistake: el.dataset.mistake, caption: el.querySelector('.image-caption').textContent,
  })));
  assert.equal(items.length, shown);
  for (const item of items) {
    assert.notEqual(item.truth, item.predicted, JSON.stringify(item));
    assert.equal(item.mistake, 'true');
    // "7 → 1 (0.83)": true class → predicted class (its probability)
    assert.match(item.caption, new RegExp(`^${item.truth} → ${item.predicted} \\((0\\.\\d\\d|1\\.00)\\)$`));
  }
  // back to the first images: a mix of right and wrong, as many as the part allows
  await page.selectOption('#tv-gallery', 'first');
  await page.waitForFunction(() => /first/.test(document.getElementById('tv-gallery-count').textContent));
  const first = await page.$$eval('#tv-images li.image-item', (els) => els.map((el) => el.dataset.mistake));
  assert.equal(first.length, 48);
  assert.ok(first.includes('false'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with timages=mistakes opens the gallery of mistakes', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=digits&tep=1&timages=mistakes');
  assert.equal(await page.$eval('#tv-gallery', (el) => el.value), 'mistakes');
  assert.equal(await trainToEnd(page), 'finished');
  await page.waitForFunction(() => /mistake/.test(document.getElementById('tv-gallery-count').textContent));
  const { mistakes } = await confusion(page);
  assert.equal(Number(await page.getAttribute('#tv-gallery-count', 'data-matched')), mistakes);
  const truthAndPrediction = await page.$$eval('#tv-images li.image-item', (els) => els.map((el) => [el.dataset.true, el.dataset.predicted]));
  assert.ok(truthAndPrediction.every(([t, p]) => t !== p));
  assert.deepEqual(errors, []);
  await page.close();
});

test('iris is drawn along its first two principal components, with the mistakes crossed', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=iris&tep=3');
  await page.locator('#tv-map').waitFor({ state: 'visible' });
  const axes = await page.$eval('#tv-map', (el) => [el.dataset.xLabel, el.dataset.yLabel]);
  assert.match(axes[0], /^PC1 \(\d+(\.\d)?% of the variance\)$/);
  assert.match(axes[1], /^PC2 \(\d+(\.\d)?% of the variance\)$/);
  const [first, second] = axes.map((a) => Number(a.match(/\(([\d.]+)%/)[1]));
  assert.ok(first > second && first + second <= 100, `${first}% and ${second}%`);
  assert.match(await page.textContent('#tv-view-title'), /PCA/);
  assert.match(await page.textContent('[data-testid="view-note"]'), /first two principal components, which keep \d+% of the variance/);
  assert.equal(await trainToEnd(page), 'finished');
  // the crosses are the validation part's mistakes: the confusion matrix's off-diagonal sum
  const { cells, mistakes } = await confusion(page);
  assert.equal(cells.reduce((a, b) => a + b, 0), 30);
  await page.waitForFunction(() => /a cross marks/.test(document.querySelector('[data-testid="view-note"]').textContent));
  assert.equal(Number(await page.getAttribute('#tv-map', 'data-flagged')), mistakes);
  assert.match(await page.textContent('[data-testid="view-note"]'), new RegExp(`gets wrong \\(${mistakes} of 30\\)\\.$`));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 2-D set of 40,000 samples draws its boundary over a sample of 5,000 points', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tn=40000&tep=1');
  await page.locator('#tv-map').waitFor({ state: 'visible' });
  assert.match(await page.textContent('[data-testid="view-note"]'), /Showing 5,000 of 40,000 points, a fixed random sample\./);
  assert.match(await page.textContent('#tv-view-title'), /Decision boundary/);
  // the boundary is drawn: the map's description names the shaded background and 5,000 points
  await page.waitForFunction(() => /shaded background/.test(document.getElementById('tv-map').getAttribute('aria-label')));
  assert.match(await page.getAttribute('#tv-map', 'aria-label'), /^Scatter plot of 5000 points \(\d+ training as filled dots, \d+ validation as rings, \d+ test as hollow squares\)/);
  assert.deepEqual(errors, []);
  await page.close();
});
