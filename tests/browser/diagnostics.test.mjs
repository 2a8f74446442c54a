// Browser tests of "Why it learns or not" (issue 17) on seed 004 section B's MNIST runs: zero
// initialisation (symmetry never broken), a 5-layer sigmoid network (vanishing gradients) and
// ReLU with He initialisation, which must get no explanation, each with the core's numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEnd } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const DEEP = 'd256_sigmoid,d128_sigmoid,d64_sigmoid,d32_sigmoid';

/**
 * Trains the Train lab at `hash` to its end; returns the explanations shown and the layers' table.
 * `more(page)` looks at anything else before the page closes.
 * @param {string} hash
 * @param {(page: any) => Promise<void>} [more]
 */
async function diagnosed(hash, more = async () => {}) {
  const { page, errors } = await open(lab, hash);
  assert.equal(await trainToEnd(page, 240000), 'finished');
  await page.locator('[data-testid="layer-stats"] table').waitFor();
  const found = await page.evaluate(() => ({
    items: [...document.querySelectorAll('[data-testid="diagnoses"] li')].map((li) => ({ kind: /** @type {HTMLElement} */ (li).dataset.kind, text: li.textContent })),
    rows: [...document.querySelectorAll('[data-testid="layer-stats"] tbody tr')].map((tr) => Array.from(/** @type {HTMLTableRowElement} */ (tr).cells).map((c) => c.textContent)),
    histograms: document.querySelectorAll('#td-histograms canvas').length,
    weightImages: document.querySelectorAll('[data-testid="weight-images"] li').length,
  }));
  await more(page);
  assert.deepEqual(errors, []);
  await page.close();
  return found;
}

test('zero initialisation on MNIST: all units identical, explained as symmetry never broken', { timeout: 300000 }, async () => {
  const { items, rows, histograms, weightImages } = await diagnosed(`&tdata=mnist_1k&tarch=${DEEP}&tinit=zeros&tep=3`);
  const symmetry = items.filter((i) => i.kind === 'symmetry');
  assert.equal(symmetry.length, 1, JSON.stringify(items));
  assert.match(symmetry[0].text, /^In each of layer 1 \(256 units\), layer 2 \(128\), layer 3 \(64\) and layer 4 \(32\) all units have identical weights: zero initialisation gives every unit the same gradient/);
  // the table's identical column: 100% in every hidden layer
  for (const row of rows.slice(0, 4)) assert.equal(row.at(-1), '100%');
  assert.equal(rows.length, 5);
  assert.equal(histograms, 5);
  // the first layer's weights of its first 64 units, each a 28 × 28 image
  assert.equal(weightImages, 64);
});

test('a 5-layer sigmoid network on MNIST: the first layer\'s gradient vanishes', { timeout: 300000 }, async () => {
  const { items, rows } = await diagnosed(`&tdata=mnist_1k&tarch=${DEEP}&tinit=normal&tiscale=0.1&tep=3`);
  const vanishing = items.find((i) => i.kind === 'vanishing');
  assert.ok(vanishing, JSON.stringify(items));
  assert.match(vanishing.text, /^Layer 1's gradient is 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+ of layer 5's: the sigmoid's derivative is at most ¼/);
  // the numbers behind it: ‖∂L/∂W‖ of layer 1 and layer 5 in the table
  const first = Number(rows[0][2].replace('−', '-'));
  const last = Number(rows[4][2].replace('−', '-'));
  assert.ok(first / last < 0.01, `gradient norms ${first} and ${last}`);
  assert.ok(!items.some((i) => i.kind === 'symmetry'));
});

test('ReLU with He initialisation and Adam on MNIST: no warning sign', { timeout: 300000 }, async () => {
  const { items } = await diagnosed('&tdata=mnist_1k&tarch=d256_relu,d128_relu,d64_relu,d32_relu&tinit=he&topt=adam&tlr=0.001&tep=3', async (page) => {
    // the histograms of an earlier record, over the epochs
    assert.equal(await page.textContent('#td-epoch-text'), '3');
    await page.locator('#td-epoch').fill('0');
    assert.equal(await page.textContent('#td-epoch-text'), '1');
    assert.match(await page.textContent('#td-histograms-note'), /^At epoch 1:/);
  });
  assert.deepEqual(items.map((i) => i.kind), ['healthy'], JSON.stringify(items));
  assert.match(items[0].text, /^No warning signs at epoch 3/);
});
