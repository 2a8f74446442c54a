// Browser tests of the page frame: the engine loads and the first lab shows a value computed by
// the wasm core, a module that cannot load is reported on the page, and the tabs work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, artifacts } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

test('the page loads the engine and shows the seed 001 output computed by the wasm core', async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}#step=4`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  assert.match(await page.locator('#engine-status').textContent(), /ready/i);
  assert.equal(await page.locator('#load-error').isHidden(), true);
  assert.deepEqual(await page.$$eval('[data-testid="op-result"] td', (cells) => cells.map((c) => c.textContent)), ['0.8221']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page says so visibly when the wasm module cannot load', async () => {
  const { page } = await lab.openPage();
  await page.route('**/generated/backprop.mjs', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(lab.url);
  await page.locator('#load-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#load-error').textContent(), /did not load/);
  assert.match(await page.locator('#engine-status').textContent(), /unavailable/i);
  await page.screenshot({ path: `${artifacts}/page-load-error.png` });
  await page.close();
});

test('the tabs switch labs, follow the arrow keys and keep the lab in the URL', async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(lab.url);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  await page.locator('#tab-train').click();
  assert.equal(await page.locator('#panel-train').isVisible(), true);
  assert.match(page.url(), /lab=train/);
  await page.screenshot({ path: `${artifacts}/train-lab-1280x720.png` });
  await page.locator('#tab-train').press('ArrowLeft');
  assert.equal(await page.locator('#panel-gradient').isVisible(), true);
  assert.equal(await page.locator('#tab-gradient').getAttribute('aria-selected'), 'true');
  assert.deepEqual(errors, []);
  await page.close();
});
