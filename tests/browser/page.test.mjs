// Browser tests: Debian's Chromium, headless through playwright-core, against the served page.
// Screenshots go to tests/artifacts/ (git-ignored) so that a person can look at them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../web', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url));
let server;
let url;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  ({ server, url } = await startServer({ root, port: 0 }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, ...options });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

test('the page shows the seed 001 output computed by the wasm core', async () => {
  const { page, errors } = await openPage();
  await page.goto(url);
  const output = page.getByTestId('seed001-output');
  await page.waitForFunction(() => /^\d/.test(document.getElementById('seed001-output').textContent));
  assert.equal(await output.textContent(), '0.8221');
  assert.match(await page.locator('#engine-status').textContent(), /ready/i);
  assert.equal(await page.locator('#load-error').isHidden(), true);
  await page.screenshot({ path: `${artifacts}/page-1280x720.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page says so visibly when the wasm module cannot load', async () => {
  const { page } = await openPage();
  await page.route('**/generated/backprop.mjs', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(url);
  await page.locator('#load-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#load-error').textContent(), /did not load/);
  assert.equal(await page.getByTestId('seed001-output').textContent(), '—');
  await page.screenshot({ path: `${artifacts}/page-load-error.png` });
  await page.close();
});
