// Browser tests of the page: the value computed by the wasm core is shown, and a module that
// cannot load is reported on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, artifacts } from './harness.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

test('the page shows the seed 001 output computed by the wasm core', async () => {
  const { page, errors } = await lab.openPage();
  await page.goto(lab.url);
  await page.waitForFunction(() => /^\d/.test(document.getElementById('seed001-output').textContent));
  assert.equal(await page.getByTestId('seed001-output').textContent(), '0.8221');
  assert.match(await page.locator('#engine-status').textContent(), /ready/i);
  assert.equal(await page.locator('#load-error').isHidden(), true);
  await page.screenshot({ path: `${artifacts}/page-1280x720.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page says so visibly when the wasm module cannot load', async () => {
  const { page } = await lab.openPage();
  await page.route('**/generated/backprop.mjs', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(lab.url);
  await page.locator('#load-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#load-error').textContent(), /did not load/);
  assert.equal(await page.getByTestId('seed001-output').textContent(), '—');
  await page.screenshot({ path: `${artifacts}/page-load-error.png` });
  await page.close();
});
