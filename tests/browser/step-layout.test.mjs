// The Step-through lab at 1280, 1024, 768 and 390 px: for every preset and every operation, and
// for a network handed over from the Train lab, the page is never wider than the window and no
// formula is pushed out of its card. (The bounded views themselves: step-bounded.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, WIDTHS } from './harness.mjs';
import { openTrain, trainToEnd } from './train-helpers.mjs';
import { STEP_PRESETS } from '../../web/js/step/step-presets.js';
import { openStepLab as open } from './step-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const openStepLab = (hash, width) => open(lab, hash, width);

/**
 * Every operation of the lab's current step, at every width: the page is never wider than the
 * window, and no formula starts left of its card (a wide one scrolls there, never centred off to
 * the left). Each width's operations are visited inside the page, as a person clicks them.
 */
async function checkEveryOperation(page, what) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const problems = await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => { requestAnimationFrame(() => resolve()); });
      const found = [];
      const buttons = [...document.querySelectorAll('#step-ops button')].map((b) => /** @type {HTMLButtonElement} */ (b));
      for (const [i, button] of buttons.entries()) {
        button.click();
        while (!document.getElementById('op-phase').textContent.includes(`operation ${i + 1} of`)) await frame();
        await frame();
        const { scrollWidth } = document.documentElement;
        const name = `operation ${i + 1} (${document.getElementById('op-title').textContent})`;
        if (scrollWidth > window.innerWidth) found.push(`${name}: the page is ${scrollWidth} px wide`);
        const outside = [...document.querySelectorAll('#op-tex .katex, #op-numbers .katex')]
          .some((k) => k.getBoundingClientRect().left < k.closest('.formula').getBoundingClientRect().left - 1);
        if (outside) found.push(`${name}: a formula starts left of its card`);
      }
      return { found, count: buttons.length };
    });
    assert.ok(problems.count > 0, `${what}: no operations`);
    assert.deepEqual(problems.found, [], `${what} at ${width} px`);
  }
}

// one page for the presets, switched with the preset menu as a person does
let shared = null;
after(async () => { await shared?.page.close(); });

for (const preset of ['seed001', 'seed004', 'two_out', 'digits']) {
  test(`${preset}: no operation makes the page wider than the window at ${WIDTHS.join(', ')} px`, { timeout: 120000 }, async () => {
    shared ??= await openStepLab('#preset=seed001');
    const { page, errors } = shared;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#step-preset').selectOption(preset);
    await page.waitForFunction((note) => document.getElementById('step-note').textContent.startsWith(note)
      && document.getElementById('op-phase').textContent.includes('operation 1 of'), STEP_PRESETS[preset].note.slice(0, 40));
    await checkEveryOperation(page, preset);
    assert.deepEqual(errors, []);
  });
}

test('a network handed over from the Train lab fits every width, its wide weights shown bounded', { timeout: 180000 }, async () => {
  const { page, errors } = await openTrain(lab, '&tarch=d8_tanh&tep=5');
  await trainToEnd(page);
  await page.click('#tv-step-through');
  await page.waitForFunction(() => !document.getElementById('panel-step').hidden && window.location.hash.includes('preset=train'));
  await page.locator('#step-ops li').first().waitFor();
  // W of layer 2 is 1 × 8: a window of 6 columns, 2 hidden, and a heat-map of all 8
  const w2 = page.locator('#edit-params .matrix-bounded').filter({ hasText: 'W of layer 2' });
  assert.equal(await w2.locator('.matrix-summary').textContent(), '1 × 8, showing 1 × 6; 2 columns hidden');
  assert.equal(await w2.locator('canvas').evaluate((c) => `${c.width}×${c.height}`), '8×1');
  await checkEveryOperation(page, 'the Train lab\'s network');
  assert.deepEqual(errors, []);
  await page.close();
});
