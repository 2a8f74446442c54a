// The Step-through lab in Chromium: the seed 001 forward pass reaches 0.82, stepping back shows
// the previous value, seed 004 after three samples shows the core test's weights, links
// reproduce the view, a malformed link is reported, and axe finds no serious problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, artifacts } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

async function openStepLab(hash = '') {
  const { page, errors } = await lab.openPage();
  await page.goto(`${lab.url}${hash}`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  return { page, errors };
}

const resultValues = (page) => page.$$eval('[data-testid="op-result"] td', (cells) => cells.map((c) => c.textContent));
const title = (page) => page.locator('#op-title').textContent();

test('stepping the seed 001 preset to the output shows 0.82, and back shows the previous value', async () => {
  const { page, errors } = await openStepLab();
  assert.equal(await title(page), 'The input');
  await page.locator('#step-next').click();
  assert.deepEqual(await resultValues(page), ['1.7000', '2.5000', '1.7000']);
  // the keyboard moves one operation per key press
  await page.locator('body').press('ArrowRight');
  assert.deepEqual(await resultValues(page), ['0.8455', '0.9241', '0.8455']);
  await page.locator('body').press('ArrowRight');
  await page.locator('body').press('ArrowRight');
  assert.match(await title(page), /Layer 2: activation/);
  assert.deepEqual(await resultValues(page), ['0.8221']);
  await page.locator('#step-decimals').selectOption('2');
  assert.deepEqual(await resultValues(page), ['0.82']);
  await page.screenshot({ path: `${artifacts}/step-lab-1280x720.png` });
  await page.locator('#step-back').click();
  assert.match(await title(page), /Layer 2: pre-activation/);
  assert.deepEqual(await resultValues(page), ['1.53']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('seed 004 after three samples shows the weights of the core\'s own test', async () => {
  const { page, errors } = await openStepLab('#preset=seed004');
  for (let i = 0; i < 3; i += 1) await page.locator('#step-sample').click();
  await page.locator('#step-first').waitFor();
  // the parameters now shown before the fourth step are the weights after three samples
  const params = await page.$$eval('#edit-params input', (inputs) => inputs.map((i) => Number(i.title)));
  const expected = [1.1078235313458542, 0.0556624304486181, 1.1087920460490848, 0.05437184748616071];
  params.forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-12, `parameter ${i}: ${p}`));
  const shown = await page.$$eval('#edit-params input', (inputs) => inputs.map((i) => i.value));
  assert.deepEqual(shown, ['1.1078', '0.0557', '1.1088', '0.0544']);
  // the last update of a step shows the values after the update
  await page.locator('#step-end').click();
  assert.match(await title(page), /Update b/);
  await page.screenshot({ path: `${artifacts}/step-lab-seed004.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing a weight recomputes the step at once', async () => {
  const { page } = await openStepLab('#step=1');
  const first = page.locator('#edit-params input').first();
  await first.fill('1.4');
  await first.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="op-result"] td')?.textContent === '2.7000');
  assert.match(page.url(), /params=1\.4,0\.3/);
  await first.fill('abc');
  await first.press('Enter');
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  await page.close();
});

test('a copied link reproduces the same view in a fresh page', async () => {
  const { page } = await openStepLab('#preset=two_out');
  await page.locator('#step-next').click();
  await page.locator('#step-next').click();
  await page.locator('#step-sample').click();
  for (let i = 0; i < 6; i += 1) await page.locator('body').press('ArrowRight');
  const link = page.url();
  const view = { title: await title(page), values: await resultValues(page) };
  const fresh = await lab.openPage();
  await fresh.page.goto(link);
  await fresh.page.waitForSelector('#step-lab[data-ready="true"]');
  assert.deepEqual({ title: await title(fresh.page), values: await resultValues(fresh.page) }, view);
  await fresh.page.close();
  await page.close();
});

test('a malformed hash shows a note and the page still works', async () => {
  const { page, errors } = await openStepLab('#lab=step&preset=nonsense&step=-3&decimals=x&%E0%A4%A=1&foo=bar');
  const note = page.locator('#state-note');
  assert.equal(await note.isVisible(), true);
  const text = await note.textContent();
  assert.match(text, /preset must be one of seed001/);
  assert.match(text, /"foo" is not a setting/);
  assert.equal(await title(page), 'The input');
  await page.locator('#step-next').click();
  assert.deepEqual(await resultValues(page), ['1.7000', '2.5000', '1.7000']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the digits preset traces a softmax classifier on one 8×8 digit', async () => {
  const { page, errors } = await openStepLab('#preset=digits');
  await page.locator('#step-end').click();
  assert.match(await title(page), /Update b/);
  await page.locator('#step-first').click();
  await page.locator('body').press('ArrowRight');
  await page.locator('body').press('ArrowRight');
  const probabilities = (await resultValues(page)).map(Number);
  assert.equal(probabilities.length, 10);
  assert.ok(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe finds no serious or critical problems in the Step-through lab', async () => {
  const { page } = await openStepLab('#step=5');
  const violations = await seriousViolations(page, '#panel-step');
  assert.deepEqual(violations, []);
  await page.close();
});
