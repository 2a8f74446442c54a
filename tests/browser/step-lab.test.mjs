// The Step-through lab in Chromium: the seed 001 forward pass reaches 0.82, stepping back shows
// the previous value, seed 004 after three samples shows the core test's weights, momentum and
// Adam show their rule's numbers and carry their state, links reproduce the view, a malformed
// link is reported, and axe finds no serious problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, artifacts } from './harness.mjs';
import { seriousViolations } from './axe.mjs';
import { formatNumber } from '../../web/js/ui/format.js';

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

/** Full values of a result table (each cell's title holds the double). */
const tableValues = (page, testid) => page.$$eval(`[data-testid="${testid}"] td`, (cells) => cells.map((c) => Number(c.title)));
/** The contents of every matrix in the substituted formula's LaTeX source, in order. */
const texMatrices = async (page) => {
  const tex = await page.locator('#op-numbers annotation').textContent();
  return [...tex.matchAll(/\\begin\{bmatrix\} (.*?) \\end\{bmatrix\}/g)].map((m) => m[1]);
};
const openOp = (page, text) => page.locator('#step-ops button', { hasText: text }).first().click();
const near = (actual, expected, what) => {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} values`);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= 1e-12 * Math.max(1, Math.abs(expected[i])), `${what}[${i}]: page ${a}, expected ${expected[i]}`));
};
const fmt6 = (x) => formatNumber(x, 6).replace('−', '-');

// seed 004's parameters: [layer, name, the backward operation that computes its gradient]
const SEED004_PARAMETERS = [[1, 'W', 'Layer 1: ∂L/∂W⁽¹⁾'], [1, 'b', 'Layer 1: ∂L/∂b⁽¹⁾'], [2, 'W', 'Layer 2: ∂L/∂W⁽²⁾'], [2, 'b', 'Layer 2: ∂L/∂b⁽²⁾']];
const SUP = { 1: '⁽¹⁾', 2: '⁽²⁾' };

for (const name of ['momentum', 'adam']) {
  test(`${name}: the update step shows the textbook rule's numbers and the state carries to the next sample`, async () => {
    const { page, errors } = await openStepLab(`#preset=seed004&optimizer=${name}&decimals=6`);
    const eta = 0.01;
    const [mu, beta1, beta2, eps] = [0.9, 0.9, 0.999, 1e-8]; // the documented defaults (docs/design.md)
    const mine = SEED004_PARAMETERS.map(() => ({ v: 0, m: 0, s: 0 })); // this test's own state
    let weightsAfter = null;
    for (let sample = 1; sample <= 3; sample += 1) {
      const t = sample;
      const before = [];
      for (const [k, [layer, param, backward]] of SEED004_PARAMETERS.entries()) {
        // the traced gradient, from the backward pass
        await openOp(page, backward);
        const [g] = await tableValues(page, 'op-result');
        await openOp(page, `Update ${param}${SUP[layer]}`);
        const what = `${name}, sample ${sample}, ${param}${SUP[layer]}`;
        const [w0] = await tableValues(page, 'op-before');
        before.push(w0);
        near(await tableValues(page, 'op-gradient'), [g], `${what} gradient`);
        const s = mine[k];
        let w1;
        let expectedTex;
        if (name === 'momentum') {
          near(await tableValues(page, 'op-before-v'), [s.v], `${what} v before (carried from the last step)`);
          const v0 = s.v;
          s.v = mu * v0 - eta * g;
          w1 = w0 + s.v;
          near(await tableValues(page, 'op-after-v'), [s.v], `${what} v after`);
          expectedTex = [v0, g, s.v, w0, s.v, w1];
        } else {
          near(await tableValues(page, 'op-before-m'), [s.m], `${what} m before (carried)`);
          near(await tableValues(page, 'op-before-v'), [s.v], `${what} v before (carried)`);
          const [m0, v0] = [s.m, s.v];
          s.m = beta1 * m0 + (1 - beta1) * g;
          s.v = beta2 * v0 + (1 - beta2) * g * g;
          const mHat = s.m / (1 - beta1 ** t);
          const vHat = s.v / (1 - beta2 ** t);
          w1 = w0 - eta * mHat / (Math.sqrt(vHat) + eps);
          near(await tableValues(page, 'op-after-m'), [s.m], `${what} m after`);
          near(await tableValues(page, 'op-after-v'), [s.v], `${what} v after`);
          near(await tableValues(page, 'op-derived-m_hat'), [mHat], `${what} m̂`);
          near(await tableValues(page, 'op-derived-v_hat'), [vHat], `${what} v̂`);
          assert.match(await title(page), new RegExp(`t = ${t}\\)$`));
          expectedTex = [m0, g, s.m, v0, g, s.v, s.m, mHat, s.v, vHat, w0, mHat, vHat, w1];
          const tex = await page.locator('#op-numbers annotation').textContent();
          assert.ok(tex.includes(`t = ${t - 1} + 1 &= ${t}`), `${what}: the step count in ${tex}`);
          assert.ok(tex.includes(`(1 - 0.9^{${t}})`) && tex.includes(`(1 - 0.999^{${t}})`), `${what}: the bias corrections in ${tex}`);
        }
        near(await tableValues(page, 'op-result'), [w1], `${what} after`);
        assert.deepEqual(await texMatrices(page), expectedTex.map(fmt6), `${what}: the substituted formula`);
      }
      // the weights this step starts from are the last step's
      if (weightsAfter) near(before, weightsAfter, `${name}, sample ${sample}: weights before`);
      weightsAfter = [];
      for (const [layer, param] of SEED004_PARAMETERS) {
        await openOp(page, `Update ${param}${SUP[layer]}`);
        weightsAfter.push((await tableValues(page, 'op-result'))[0]);
      }
      if (sample === 2 && name === 'adam') {
        // a copied link carries the optimizer state: the same update in a fresh page
        await openOp(page, 'Update W⁽²⁾');
        const view = { m: await tableValues(page, 'op-before-m'), after: await tableValues(page, 'op-result') };
        const fresh = await lab.openPage();
        await fresh.page.goto(page.url());
        await fresh.page.waitForSelector('#step-lab[data-ready="true"]');
        assert.deepEqual({ m: await tableValues(fresh.page, 'op-before-m'), after: await tableValues(fresh.page, 'op-result') }, view);
        await fresh.page.close();
      }
      if (sample < 3) await page.locator('#step-sample').click();
      await page.locator('#step-first').waitFor();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the optimizer and its coefficients are settings of the lab, and a bad coefficient is refused', async () => {
  const { page, errors } = await openStepLab('#preset=seed004');
  assert.equal(await page.locator('#edit-optimizer').inputValue(), 'sgd');
  await page.locator('#edit-optimizer').selectOption('momentum');
  await page.locator('#edit-momentum').waitFor();
  assert.equal(await page.locator('#edit-momentum').inputValue(), '0.9'); // the core's default
  await page.locator('#edit-momentum').fill('0.5');
  await page.locator('#edit-momentum').press('Enter');
  await page.waitForFunction(() => window.location.hash.includes('momentum=0.5'));
  assert.match(page.url(), /optimizer=momentum/);
  await page.locator('#edit-momentum').fill('1.5');
  await page.locator('#edit-momentum').press('Enter');
  assert.equal(await page.locator('#edit-momentum').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#edit-coefficient-error').textContent(), /μ \(momentum\): "1\.5" is not allowed; it must be a number in 0\.\.1 \(below 1\)/);
  await page.locator('#step-end').click();
  assert.match(await title(page), /Update b⁽²⁾ \(momentum, η = 0\.01\)/);
  assert.match(await page.locator('#op-tex annotation').textContent(), /\\eta = 0\.01,\\; \\mu = 0\.5/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Adam update step at 1280 px (screenshot)', async () => {
  const { page, errors } = await openStepLab('#preset=seed001&optimizer=adam');
  await page.locator('#step-sample').click();
  await page.locator('#step-first').waitFor();
  await openOp(page, 'Update W⁽¹⁾');
  assert.match(await title(page), /Update W⁽¹⁾ \(adam, η = 0\.1, t = 2\)/);
  assert.match(await page.locator('#op-tex annotation').textContent(), /\\beta_1 = 0\.9,\\; \\beta_2 = 0\.999,\\; \\varepsilon = 10\^\{-8\}/);
  // nothing is wider than the window: a wide formula scrolls inside its card
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  await page.locator('#op-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${artifacts}/step-lab-adam-update.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing a weight recomputes the step at once', async () => {
  const { page } = await openStepLab('#op=2');
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
  const { page } = await openStepLab('#op=6');
  const violations = await seriousViolations(page, '#panel-step');
  assert.deepEqual(violations, []);
  await page.close();
});
