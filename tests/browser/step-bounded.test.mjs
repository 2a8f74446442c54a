// The Step-through lab's large matrices, on the digits preset (64 inputs, 10 classes): the
// first-layer weights and the inputs are shown bounded (a window with its hidden count, a
// heat-map with its colour key); a selected element shows its full value, equal to the wasm
// core's, in every view of the step; an edited element stays in view. Also: the link and the page
// count operations from 1 alike, layers are numbered from 1, and axe finds no serious problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { startBrowser, artifacts } from './harness.mjs';
import { seriousViolations } from './axe.mjs';
import { createLab } from '../../web/js/engine/engine.js';
import { STEP_PRESETS } from '../../web/js/step/step-presets.js';
import { openStepLab as open } from './step-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const openStepLab = (hash, width) => open(lab, hash, width);

/** The digits preset's first step as the page computes it: its network's initial weights and the trace of sample 1. */
async function digitsReference() {
  const engine = await createLab();
  const preset = STEP_PRESETS.digits;
  const net = engine.network(preset.spec);
  net.initialise();
  const initial = Array.from(net.getParameters());
  const raw = engine.loadBundled('digits', gunzipSync(readFileSync(new URL('../../datasets/digits.bpds.gz', import.meta.url))));
  const prepared = raw.prepare({ test: 0, validation: 0, stratify: false }, 'min_max');
  const width = raw.info.features;
  const input = Array.from(prepared.train.features().slice(0, width));
  const target = new Array(10).fill(0);
  target[prepared.train.labels()[0]] = 1;
  const trace = net.trace(input, target, { optimizer: {}, learningRate: preset.learningRate });
  const after = Array.from(trace.updates.find((u) => u.layer === 0 && u.name === 'W').after.data);
  for (const owned of [prepared, raw, net]) owned.dispose();
  return { initial, after, width };
}

test('digits: the first-layer weights are bounded, and a selected element shows the core\'s full value', { timeout: 120000 }, async () => {
  const reference = await digitsReference();
  const { page, errors } = await openStepLab('#preset=digits', 768);
  const W = page.locator('#edit-params .matrix-bounded').filter({ hasText: 'W of layer 1' });
  const summary = W.locator('.matrix-summary');
  assert.equal(await summary.textContent(), '10 × 64, showing 10 × 6; 58 columns hidden');
  assert.equal(await summary.getAttribute('data-hidden'), String(10 * 58));
  assert.deepEqual(await W.locator('thead th').allTextContents(), ['1', '2', '3', '4', '5', '6', '…']);
  // the heat-map holds every element, with a colour key from −max to +max
  assert.equal(await W.locator('canvas').evaluate((c) => `${c.width}×${c.height}`), '64×10');
  const W1 = reference.initial.slice(0, 10 * reference.width);
  const range = Math.max(...W1.map(Math.abs));
  assert.deepEqual(await W.locator('.heat-key-labels span').allTextContents(), [`−${range.toFixed(4)}`, '0', range.toFixed(4)]);
  const readout = W.locator('.matrix-selected');
  const value = (r, c) => W1[r * reference.width + c];

  // a click on the heat-map selects row 4, column 41: the window moves to show it
  const box = await W.locator('.heat-frame').boundingBox();
  await W.locator('.heat-frame').click({ position: { x: ((40 + 0.5) / 64) * box.width, y: ((3 + 0.5) / 10) * box.height } });
  assert.match(await readout.textContent(), /^W of layer 1 \[4, 41\] = \S+ \(row 4 of 10, column 41 of 64\)$/);
  assert.equal(Number(await readout.getAttribute('data-value')), value(3, 40));
  const cell = W.locator('td.selected input');
  assert.equal(Number(await cell.getAttribute('title')), value(3, 40));
  assert.equal(await cell.getAttribute('aria-label'), 'W of layer 1 row 4, column 41');
  assert.ok((await W.locator('thead th').allTextContents()).includes('41'));

  // the arrow keys move the selection (and not the lab's operation)
  await W.locator('.heat-frame').press('ArrowRight');
  await W.locator('.heat-frame').press('ArrowDown');
  assert.match(await readout.textContent(), /^W of layer 1 \[5, 42\] = /);
  assert.equal(Number(await readout.getAttribute('data-value')), value(4, 41));
  assert.equal(await page.locator('#op-phase').textContent(), 'Forward pass · operation 1 of 9');

  // the update shows the same element before and after, each the core's value
  await page.locator('#step-ops button', { hasText: 'Update W⁽¹⁾' }).click();
  const before = page.locator('[data-testid="op-before"]');
  const afterView = page.locator('[data-testid="op-result"]');
  assert.match(await before.locator('.matrix-summary').textContent(), /10 × 64, showing 10 × 6; 58 columns hidden/);
  assert.match(await before.locator('.matrix-selected').textContent(), /^W⁽¹⁾ before \[5, 42\] = /);
  assert.equal(Number(await before.locator('.matrix-selected').getAttribute('data-value')), value(4, 41));
  assert.equal(Number(await afterView.locator('.matrix-selected').getAttribute('data-value')), reference.after[4 * reference.width + 41]);
  // a click on a cell of the window selects it in every view of the operation
  await afterView.locator('td[data-r="0"][data-c="40"]').click();
  assert.equal(Number(await afterView.locator('.matrix-selected').getAttribute('data-value')), reference.after[40]);
  assert.equal(Number(await before.locator('.matrix-selected').getAttribute('data-value')), value(0, 40));

  // the 64 inputs are a window of 8 and a heat-map too
  assert.equal(await page.locator('#edit-input .matrix-summary').textContent(), '64 × 1, showing 8 × 1; 56 rows hidden');
  assert.equal(await page.locator('#edit-input canvas').evaluate((c) => `${c.width}×${c.height}`), '1×64');
  await page.screenshot({ path: `${artifacts}/step-lab-digits-update-768.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing an element of a bounded matrix recomputes the step and keeps the element in view', { timeout: 60000 }, async () => {
  const { page, errors } = await openStepLab('#preset=digits&op=8');
  const W = page.locator('#edit-params .matrix-bounded').filter({ hasText: 'W of layer 1' });
  const frame = W.locator('.heat-frame');
  await frame.focus();
  for (let i = 0; i < 20; i += 1) await frame.press('ArrowRight');
  const input = W.locator('td[data-r="0"][data-c="20"] input');
  await input.fill('0.25');
  await input.press('Enter');
  await page.waitForFunction(() => /params=([^,&]+,){20}0\.25,/.test(window.location.hash));
  // the recomputed update starts from the edited weight, and the window still shows column 21
  const before = page.locator('[data-testid="op-before"] .matrix-selected');
  await page.waitForFunction(() => document.querySelector('[data-testid="op-before"] .matrix-selected')?.getAttribute('data-value') === '0.25');
  assert.match(await before.textContent(), /^W⁽¹⁾ before \[1, 21\] = 0\.25 /);
  assert.equal(await page.locator('#edit-params td[data-r="0"][data-c="20"] input').inputValue(), '0.2500');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the link and the page count operations from 1 alike, and an older step= link opens the same operation', async () => {
  const { page, errors } = await openStepLab('#op=13');
  assert.equal(await page.locator('#op-phase').textContent(), 'Backward pass · operation 13 of 18');
  assert.equal(await page.locator('#step-position').textContent(), '13 of 18');
  // the list's own numbering agrees: the current item is its 13th
  assert.equal(await page.locator('#step-ops li').nth(12).locator('button').getAttribute('aria-current'), 'step');
  await page.locator('#step-next').click();
  await page.waitForFunction(() => /[#&]op=14(&|$)/.test(window.location.hash));
  assert.equal(await page.locator('#op-phase').textContent(), 'Backward pass · operation 14 of 18');
  await page.locator('#step-first').click();
  await page.waitForFunction(() => !/op=/.test(window.location.hash));
  assert.match(await page.locator('#op-phase').textContent(), /operation 1 of 18$/);
  // step=12 counted from 0 in links made before: the same thirteenth operation, now written op=13
  const old = await openStepLab('#step=12');
  assert.equal(await old.page.locator('#op-phase').textContent(), 'Backward pass · operation 13 of 18');
  await old.page.locator('#step-next').click();
  await old.page.waitForFunction(() => /[#&]op=14(&|$)/.test(window.location.hash) && !/step=/.test(window.location.hash));
  assert.deepEqual([...errors, ...old.errors], []);
  await old.page.close();
  await page.close();
});

test('layers are numbered from 1 wherever the lab names them', async () => {
  const { page } = await openStepLab('#preset=two_out');
  const named = [
    ...await page.locator('#step-ops button').allTextContents(),
    ...await page.locator('#edit-params caption').allTextContents(),
    ...await page.locator('#step-diagram text').allTextContents(),
  ].join(' | ');
  assert.match(named, /Layer 1: pre-activation/);
  assert.match(named, /W of layer 2/);
  assert.doesNotMatch(named, /[Ll]ayer 0|[Wb]⁽⁰⁾|^0 /, named);
  await page.close();
});

test('at 390 px a window shows the columns that fit and says so; axe finds no serious problems', async () => {
  const { page } = await openStepLab('#preset=digits&op=8', 390);
  const wide = page.locator('.matrix-bounded').filter({ hasText: '10 × 64' });
  assert.equal(await wide.count(), 4); // W before, g, W after, and W in the editor
  for (const view of await wide.all()) {
    const text = await view.locator('.matrix-summary').textContent();
    const [, shown, hidden] = text.match(/^10 × 64, showing 10 × (\d+); (\d+) columns hidden$/) ?? [];
    assert.ok(shown && Number(shown) < 6 && Number(shown) + Number(hidden) === 64, text);
    const numbered = (await view.locator('thead th').allTextContents()).filter((t) => t !== '…');
    assert.equal(numbered.length, Number(shown), `${text}: the columns numbered`);
    assert.ok(await view.locator('.matrix-window').evaluate((w) => w.scrollWidth <= w.clientWidth), `${text}: the window fits its card`);
  }
  await page.locator('#edit-params .heat-frame').first().press('ArrowRight');
  assert.deepEqual(await seriousViolations(page, '#panel-step'), []);
  await page.close();
});
