// The classroom check of issue 15: no lab is ever wider than the window at 1280, 1024, 768 and
// 390 px, with the real-sized cases that used to break it (the digits preset, a network handed
// over from the Train lab, 5-class Peaks, four pinned runs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';
import { trainToEnd } from './train-helpers.mjs';

const WIDTHS = [1280, 1024, 768, 390];

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

test('no lab is wider than the window at 1280, 1024, 768 and 390 px, with real-sized networks and comparisons', { timeout: 400000 }, async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#lab=step&preset=digits`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  const found = [];
  // every operation of the digits preset: the input, the forward pass, softmax and the loss, the backward pass, the update
  const count = await page.locator('#step-ops li').count();
  assert.ok(count > 5, `the digits preset has ${count} operations`);
  for (let op = 0; op < count; op += 1) {
    found.push(...await overflows(page, `Step-through, digits, operation ${op + 1} of ${count}`));
    await page.locator('body').press('ArrowRight');
  }

  await go(page, '#lab=gradient', () => /pass|fail/i.test(document.querySelector('[data-testid="gradient-verdict"]')?.textContent ?? ''));
  found.push(...await overflows(page, 'Gradient test'));

  // 5-class Peaks, trained a little so that the boundary is drawn
  await go(page, '#lab=train&tdata=peaks&tclasses=5&tep=5', trainReady);
  await trainToEnd(page, 120000);
  found.push(...await overflows(page, 'Train, 5-class Peaks'));

  // a network handed over from the Train lab, then four pinned runs
  await go(page, '#lab=train&tdata=circles&tarch=d8_tanh&tep=3', trainReady);
  await trainToEnd(page);
  await page.click('#tv-step-through');
  await page.waitForFunction(() => /preset=train/.test(window.location.hash));
  await page.waitForSelector('#step-lab[data-ready="true"]');
  found.push(...await overflows(page, 'Step-through, handed-over network'));
  for (const lr of [0.03, 0.1, 0.3, 1]) {
    await go(page, `#lab=train&tdata=circles&tarch=d256_sigmoid,d128_sigmoid,d64_sigmoid&tinit=zeros&tep=3&tlr=${lr}`, trainReady);
    await trainToEnd(page, 120000);
    await page.click('#tv-pin');
  }
  found.push(...await overflows(page, 'Train, four pinned runs'));
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await page.close();
});
