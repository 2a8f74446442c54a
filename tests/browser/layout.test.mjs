// The classroom check of issue 15: no lab is ever wider than the window at 1280, 1024, 768 and
// 390 px, here after the window is resized (the Gradient lab) and with four pinned runs. Every
// Step-through preset and a handed-over network: step-layout.test.mjs; circles, 5-class Peaks and
// digits: train-layout.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, WIDTHS } from './harness.mjs';
import { trainToEnd } from './train-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

/** The page's width against the window's at each of WIDTHS: [] when it never scrolls sideways. */
async function overflows(page, what) {
  const found = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 720 });
    // two frames: Chart.js and the labs resize on the next frame after the window does
    await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (scroll > inner) found.push(`${what} at ${width} px is ${scroll} px wide`);
  }
  return found;
}

/** Goes to `hash` in the open page (the page follows a changed link) and waits for `ready`. */
async function go(page, hash, ready) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction(ready, null, { timeout: 60000 });
}

const trainReady = () => ['ready', 'finished'].includes(document.getElementById('train-lab')?.dataset.runState);

test('the Gradient lab after a resize and the Train lab with four pinned runs of long names are never wider than the window', { timeout: 400000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#lab=gradient`);
  await page.locator('[data-testid="gradient-verdict"]').filter({ hasText: /\w/ }).waitFor();
  const found = [];
  found.push(...await overflows(page, 'Gradient test'));
  for (const lr of [0.03, 0.1, 0.3, 1]) {
    await go(page, `#lab=train&tdata=circles&tarch=d256_sigmoid,d128_sigmoid,d64_sigmoid&tinit=zeros&tep=3&tlr=${lr}`, trainReady);
    await trainToEnd(page, 120000);
    await page.click('#tv-pin');
  }
  assert.equal(await page.locator('#tv-legend li[data-kind="pinned"]').count(), 4);
  found.push(...await overflows(page, 'Train, four pinned runs'));
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await page.close();
});
