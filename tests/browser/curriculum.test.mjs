// Browser tests of the seeds' exercises that need more than the first labs (issue 16), each done
// in the page and checked on a real number: seed 002's Fashion-MNIST, two chosen classes and then
// all ten, with a confusion matrix labelled by the class names; the classes kept by a link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTrain as open, trainToEnd } from './train-helpers.mjs';
import { startBrowser } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });
const openTrain = (hash, viewport) => open(lab, hash, viewport);

const FASHION = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

/** The confusion table's row names (true classes) and the accuracy it shows. */
async function confusion(page) {
  await page.locator('[data-testid="confusion"] table').waitFor();
  return page.evaluate(() => {
    const table = /** @type {HTMLTableElement} */ (document.querySelector('[data-testid="confusion"] table'));
    const rows = [...table.tBodies[0].rows].map((row) => row.cells[0].textContent.replace(/^true /, ''));
    const columns = [...table.tHead.rows[1].cells].slice(1, -2).map((cell) => cell.textContent.replace(/^predicted /, ''));
    const shown = /** @type {HTMLElement} */ (document.querySelector('[data-testid="confusion"] .acc'));
    return { rows, columns, accuracy: Number(shown.dataset.accuracy) };
  });
}

async function setClasses(page, text) {
  await page.fill('#f-tcls', text);
  await page.locator('#f-tcls').blur();
}

test('seed 002: Shirt vs Sandal on Fashion-MNIST, then all ten classes, with the class names in the confusion matrix', { timeout: 240000 }, async () => {
  const { page, errors } = await openTrain('&tdata=fashion_mnist&tep=3');
  // every class is offered with its number
  assert.match(await page.textContent('[data-testid="classes-note"]'), /All 10 classes: 0 T-shirt\/top · 1 Trouser · .* · 9 Ankle boot/);
  assert.match(await page.textContent('[data-testid="split-note"]'), /4,800 training, 0 validation, 1,200 test samples/);

  // the names are typed in the seed's order: Shirt is class 0, Sandal class 1
  await setClasses(page, 'shirt, Sandal');
  await page.waitForFunction(() => /960 training/.test(document.querySelector('[data-testid="split-note"]').textContent));
  assert.match(page.url(), /tcls=6,5/);
  assert.match(await page.textContent('[data-testid="classes-note"]'), /Training on 2 of the 10 classes, numbered again: Shirt → 0, Sandal → 1/);
  assert.equal(await page.inputValue('#f-tcls'), 'Shirt, Sandal');
  assert.match(await page.textContent('[data-testid="split-note"]'), /960 training, 0 validation, 240 test samples/);
  assert.match(await page.textContent('#f-params'), /108,866 parameters/); // 784·128+128 + 128·64+64 + 64·2+2
  assert.equal(await trainToEnd(page, 120000), 'finished');
  const pair = await confusion(page);
  assert.deepEqual(pair.rows, ['Shirt', 'Sandal']);
  assert.deepEqual(pair.columns, ['Shirt', 'Sandal']);
  assert.ok(pair.accuracy > 0.95, `Shirt vs Sandal test accuracy ${pair.accuracy}`);

  // a class that is not one is refused beside the field, and the run is kept
  await setClasses(page, 'Shirt, Sandals');
  assert.match(await page.textContent('#f-tcls-error'), /Classes must be class numbers 0–9 or names \(T-shirt\/top, .*Ankle boot\), separated by commas; "Sandals" is not one of them/);
  assert.match(page.url(), /tcls=6,5/);
  await setClasses(page, 'Shirt');
  assert.match(await page.textContent('#f-tcls-error'), /choose at least 2 of the 10 classes/);

  // empty: all ten classes, seed 002 part 6
  await setClasses(page, '');
  await page.waitForFunction(() => /4,800 training/.test(document.querySelector('[data-testid="split-note"]').textContent));
  assert.doesNotMatch(page.url(), /tcls/);
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await trainToEnd(page, 180000), 'finished');
  const all = await confusion(page);
  assert.deepEqual(all.rows, FASHION);
  assert.deepEqual(all.columns, FASHION);
  assert.ok(all.accuracy > 0.75, `ten-class test accuracy ${all.accuracy}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link keeps the classes; a link whose classes the dataset lacks says so beside the field', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=digits&tcls=7,1,4&tep=2');
  assert.equal(await page.inputValue('#f-tcls'), '7, 1, 4');
  assert.match(await page.textContent('[data-testid="classes-note"]'), /7 → 0, 1 → 1, 4 → 2/);
  assert.match(await page.textContent('#f-params'), /2,179 parameters/); // 64·32+32 + 32·3+3
  assert.equal(await trainToEnd(page), 'finished');
  assert.deepEqual((await confusion(page)).rows, ['7', '1', '4']);
  await page.close();

  const bad = await lab.openPage();
  await bad.page.goto(`${lab.url}#lab=train&tdata=iris&tcls=2,5`);
  await bad.page.locator('#f-tcls-error:not(:empty)').waitFor();
  assert.equal(await bad.page.textContent('#f-tcls-error'), 'Classes to keep: 5 is not a class of "iris": its classes are 0..2');
  assert.match(await bad.page.textContent('#train-error'), /5 is not a class of "iris"/);
  // choosing valid classes sets the run up
  await setClasses(bad.page, 'virginica, setosa');
  await bad.page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  assert.equal(await bad.page.textContent('#f-tcls-error'), '');
  assert.ok(await bad.page.isHidden('#train-error'));
  assert.deepEqual([...errors, ...bad.errors], []);
  await bad.page.close();
});
