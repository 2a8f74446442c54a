// Browser tests of the Gradient-test lab: the verdicts and slopes shown for correct and broken
// derivatives, that the page shows exactly the engine's numbers, that a missing slope or rate reads
// "—" with its reason (never NaN), the controls and the URL state, an axe-core scan, and screenshots
// at the sizes a lecture room uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startBrowser, artifacts } from './harness.mjs';

const axePath = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

/** Opens the lab at `hash` and waits for its first verdict. */
async function openLab(hash, viewport) {
  const { page, errors } = await lab.openPage(viewport ? { viewport } : {});
  await page.goto(`${lab.url}${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.locator('[data-testid="gradient-verdict"]').filter({ hasText: /\w/ }).waitFor();
  return { page, errors };
}

// What must never reach the screen: a number that is not one, or a value that is missing.
const NOT_A_NUMBER = /NaN|Infinity|undefined|\bnull\b|\bnan\b|\binf\b/i;

/** Every text the panel shows or announces: its text, labels, titles, field values and the chart's legend. */
function shownTexts() {
  const panel = document.querySelector('#panel-gradient');
  const texts = [panel.textContent];
  for (const element of panel.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
    }
    if ('value' in element && typeof element.value === 'string') texts.push(element.value);
  }
  const chart = globalThis.Chart.getChart(panel.querySelector('#g-chart'));
  texts.push(...chart.data.datasets.map((d) => d.label), ...chart.legend.legendItems.map((item) => item.text));
  return texts;
}

const verdict = (page) => page.getByTestId('gradient-verdict').textContent();
const slopes = async (page) => ({
  zero: Number(await page.getByTestId('zero-order-slope').textContent()),
  first: Number(await page.getByTestId('first-order-slope').textContent()),
});

test('the network test passes with slopes near 1 and 2', async () => {
  const { page, errors } = await openLab('#lab=gradient');
  assert.match(await verdict(page), /pass/i);
  const { zero, first } = await slopes(page);
  assert.ok(Math.abs(zero - 1) < 0.15, `zero-order slope ${zero}`);
  assert.ok(Math.abs(first - 2) < 0.2, `first-order slope ${first}`);
  assert.match(await page.locator('#g-chart').getAttribute('aria-label'), /slope 0\.99.*slope 2\.00.*pass/);
  await page.screenshot({ path: `${artifacts}/gradient-lab-1280x720.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a residual block’s W2 (F linear along d) shows — for the first-order slope with the reason, never NaN', async () => {
  const { page, errors } = await openLab('#lab=gradient&gtarget=layer&gnet=relu_res&glayer=1&wrt=W2');
  assert.match(await verdict(page), /pass/i);
  // glayer=1 in the link is the engine's index; the page counts layers from 1, so this is layer 2
  assert.match(await page.locator('#g-target-text').textContent(), /residual layer 2 .* W2/);
  await page.locator('.glab-per-k summary').click();
  for (const text of await page.evaluate(shownTexts)) assert.doesNotMatch(text, NOT_A_NUMBER);
  assert.equal(await page.getByTestId('first-order-slope').textContent(), '—');
  const reason = /every first-order error is at the rounding floor, so there is no slope to fit/;
  assert.match(await page.locator('#g-slope1-note').textContent(), reason);
  assert.match(await page.locator('#g-explanation').textContent(), /linear in W2 along d/);
  assert.match(await page.locator('#g-chart').getAttribute('aria-label'), reason);
  assert.match(await page.locator('#g-chart').getAttribute('aria-label'), /first-order error has no fitted slope/);
  // no slope-2 guide through a point at the floor
  assert.deepEqual(await page.evaluate(() => globalThis.Chart.getChart(document.getElementById('g-chart')).data.datasets.map((d) => d.label)),
    ['zero-order error (slope 1.00)', 'first-order error (slope —)', 'slope 1: error ∝ ε']);
  assert.match(await page.locator('#g-guides').textContent(), /the first-order error has no slope, so no dashed line/);
  await page.screenshot({ path: `${artifacts}/gradient-lab-w2-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('no NaN, Infinity or undefined reaches the lab for any network, layer, target and extreme setting', async () => {
  const { page, errors } = await openLab('#lab=gradient');
  const found = await page.evaluate(([shown, pattern]) => {
    const collect = new Function(`return (${shown})`)();
    const bad = new RegExp(pattern, 'i');
    const root = document.querySelector('#panel-gradient');
    const choose = (selector, value) => {
      const control = root.querySelector(selector);
      if (control.tagName === 'FIELDSET') {
        const radio = control.querySelector(`input[value="${value}"]`);
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        control.value = value;
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
    };
    const options = (selector) => Array.from(root.querySelectorAll(`${selector} option`), (o) => /** @type {HTMLOptionElement} */ (o).value);
    const problems = [];
    const check = (where) => {
      for (const text of collect()) {
        const match = text.match(bad);
        if (match) problems.push(`${where}: …${text.slice(Math.max(0, match.index - 60), match.index + 20)}…`);
      }
    };
    for (const [eps0, K] of [['0.5', '20'], ['1e-12', '60'], ['10', '3']]) {
      choose('#g-eps0', eps0);
      choose('#g-K', K);
      for (const gnet of ['tanh3', 'relu_res', 'leaky_deep', 'seed001']) {
        choose('#g-net', gnet);
        choose('#g-target', 'network');
        for (const wrt of options('#g-wrt')) { choose('#g-wrt', wrt); check(`${gnet} network ${wrt} ε₀ ${eps0} K ${K}`); }
        choose('#g-target', 'layer');
        for (const layer of options('#g-layer')) {
          choose('#g-layer', layer);
          for (const wrt of options('#g-wrt')) { choose('#g-wrt', wrt); check(`${gnet} layer ${layer} ${wrt} ε₀ ${eps0} K ${K}`); }
        }
      }
      choose('#g-target', 'softmax');
      for (const wrt of options('#g-wrt')) { choose('#g-wrt', wrt); check(`softmax ${wrt} ε₀ ${eps0} K ${K}`); }
    }
    return problems;
  }, [shownTexts.toString(), NOT_A_NUMBER.source]);
  assert.deepEqual(found.slice(0, 10), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the entry check says how many entries it covers and why it leaves the others out', async () => {
  // the 3-layer tanh network has 86 parameters in 6 blocks: at most 200 / 6 = 33 entries per block
  const { page, errors } = await openLab('#lab=gradient');
  const coverage = await page.locator('#g-entries-coverage').textContent();
  assert.match(coverage, /^83 of 86 entries checked/);
  assert.match(coverage, /3 of layer 2 W’s 36 entries/);
  assert.match(coverage, /at most 33 entries from each of the 6 parameter blocks/);
  assert.equal(await page.locator('#g-entries tbody tr').count(), 83);
  await page.getByLabel('Seed 001’s network: 2 → 3 sigmoid → 1 sigmoid').check();
  await page.waitForFunction(() => /^All 13 entries checked/.test(document.getElementById('g-entries-coverage').textContent));
  assert.deepEqual(errors, []);
  await page.close();
});

test('with the sigmoid bug the test fails and the table marks the wrong entries', async () => {
  const { page, errors } = await openLab('#lab=gradient&bug=sigmoid_prime_is_sigma');
  assert.match(await verdict(page), /fail/i);
  assert.equal(await page.locator('#g-bug').inputValue(), 'sigmoid_prime_is_sigma');
  assert.match(await page.locator('#g-bug-description').textContent(), /σ\(z\)\(1 − σ\(z\)\)/);
  assert.ok(await page.locator('#g-entries tbody tr.wrong').count() > 0);
  await page.screenshot({ path: `${artifacts}/gradient-lab-bug.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the numbers on the page are the engine’s numbers for the same settings', async () => {
  const { page } = await openLab('#lab=gradient&bug=sigmoid_prime_is_sigma&K=24&gseed=7');
  const expected = await page.evaluate(async () => {
    // this runs in the page, so the paths are relative to web/, not to this file
    // @ts-expect-error
    const { createLab } = await import('./js/engine/engine.js');
    // @ts-expect-error
    const { formatNumber, formatScientific } = await import('./js/ui/format.js');
    const api = await createLab();
    const dense = (units, activation) => ({ type: 'dense', units, activation });
    const net = api.network({
      input: 4, layers: [dense(6, 'tanh'), dense(6, 'tanh'), dense(2, 'sigmoid')], loss: 'mse',
      init: { scheme: 'xavier', scale: 1, seed: 7 },
    });
    const data = api.generate({ name: 'blobs', samples: 8, seed: 7, classes: 2, dimensions: 4 });
    const inputs = data.features();
    const targets = net.targetsFor(data);
    const bug = 'sigmoid_prime_is_sigma';
    const result = net.gradientTest(inputs, targets, { epsilon0: 0.5, iterations: 24, seed: 7, wrt: 'all', bug });
    const check = net.elementwiseCheck(inputs, targets, { maxEntries: 200, bug });
    net.dispose();
    data.dispose();
    return {
      zero: formatNumber(result.zeroOrderSlope, 2),
      first: formatNumber(result.firstOrderSlope, 2),
      firstOrder: Array.from(result.firstOrder, (v) => formatScientific(v)),
      explanation: result.explanation,
      wrongEntries: check.wrongEntries,
      checkExplanation: check.explanation,
      coverage: check.coverage,
    };
  });
  assert.equal(await page.getByTestId('zero-order-slope').textContent(), expected.zero);
  assert.equal(await page.getByTestId('first-order-slope').textContent(), expected.first);
  assert.deepEqual(await page.getByTestId('first-order-error').allTextContents(), expected.firstOrder);
  assert.equal(await page.locator('#g-explanation').textContent(), expected.explanation);
  assert.equal(await page.locator('#g-entries-summary').textContent(), expected.checkExplanation);
  assert.equal(await page.locator('#g-entries-coverage').textContent(), expected.coverage);
  assert.equal(await page.locator('#g-entries tbody tr.wrong').count(), expected.wrongEntries);
  await page.close();
});

test('the Jacobian test of a residual layer and softmax regression pass', async () => {
  const { page, errors } = await openLab('#lab=gradient&gtarget=layer&gnet=relu_res&glayer=1&wrt=W1');
  assert.match(await verdict(page), /pass/i);
  assert.match(await page.locator('#g-target-text').textContent(), /residual layer 2 .* W1/);
  // the selector shows layers from 1, its values (and glayer) stay the engine's indices from 0
  assert.deepEqual(await page.locator('#g-layer option').evaluateAll((options) => options.map((o) => [o.value, o.textContent.split(' · ')[0]])),
    [['0', '1'], ['1', '2'], ['2', '3'], ['3', '4']]);
  assert.equal(await page.locator('#g-layer').inputValue(), '1');
  assert.deepEqual(await page.locator('#g-wrt option').evaluateAll((options) => options.map((o) => o.value)), ['W1', 'b1', 'W2', 'input', 'all']);
  assert.equal(await page.locator('#g-entries-card').isHidden(), true);

  await page.getByLabel('Softmax regression (seed 000 §1.1)').check();
  await page.waitForFunction(() => /softmax-regression/.test(document.getElementById('g-target-text').textContent));
  assert.match(await verdict(page), /pass/i);
  assert.match(page.url(), /gtarget=softmax/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('controls update the URL, an invalid value is named inline and the last result stays', async () => {
  const { page, errors } = await openLab('#lab=gradient');
  const before = await page.locator('#g-explanation').textContent();

  await page.getByLabel('First step ε₀').fill('twelve');
  await page.getByLabel('First step ε₀').press('Enter');
  assert.equal(await page.getByLabel('First step ε₀').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#g-eps0-error').textContent(), /a number in 0\.\.10 \(above 0\)/);
  assert.equal(await page.locator('#g-explanation').textContent(), before);
  assert.doesNotMatch(page.url(), /eps0=/);

  await page.getByLabel('First step ε₀').fill('0.25');
  await page.getByLabel('First step ε₀').press('Enter');
  await page.waitForFunction(() => /eps0=0\.25/.test(window.location.hash));
  assert.equal(await page.getByLabel('First step ε₀').getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#g-eps0-error').isHidden(), true);

  await page.getByLabel('Number of steps K').fill('30');
  await page.getByLabel('Number of steps K').press('Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="first-order-error"]').length === 30);
  assert.match(page.url(), /K=30/);

  await page.getByLabel('Broken derivative').selectOption('tanh_prime_on_z');
  await page.waitForFunction(() => /fail/i.test(document.querySelector('[data-testid="gradient-verdict"]').textContent));
  assert.match(page.url(), /bug=tanh_prime_on_z/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the entry table sorts by its headers and a row finds its edge in the diagram', async () => {
  const { page, errors } = await openLab('#lab=gradient&bug=sigmoid_prime_is_sigma');
  const header = page.locator('#g-entries th[data-key="relativeError"]');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const errorsShown = await page.locator('#g-entries tbody td:last-child').evaluateAll((cells) => cells.map((c) => Number(c.title)));
  assert.deepEqual(errorsShown, [...errorsShown].sort((a, b) => b - a));

  const weightRow = page.locator('#g-entries tbody tr').filter({ hasText: /layer 2 W\[/ }).first();
  await weightRow.getByRole('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await weightRow.getByRole('button').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#g-diagram line.edge.selected').count(), 1);
  assert.match(await page.locator('#g-selection').textContent(), /layer 2 W\[\d, \d\]: the edge from unit \d of layer 1/);

  await page.locator('#g-entries tbody tr').filter({ hasText: /layer 3 b\[/ }).first().click();
  assert.equal(await page.locator('#g-diagram circle.node.selected').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe-core finds no serious or critical violations in the lab', async () => {
  const { page } = await openLab('#lab=gradient&bug=sigmoid_prime_is_sigma');
  await page.locator('.glab-per-k summary').click();
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const { violations: found } = await globalThis.axe.run(document.querySelector('#panel-gradient'));
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  if (violations.length) console.log(JSON.stringify(violations, null, 2));
  assert.deepEqual(violations, []);
  await page.close();
});

test('the lab fits 1920×1080 and 768 px wide without sideways scrolling', async () => {
  for (const [width, height, name] of [[1920, 1080, 'gradient-lab-1920x1080.png'], [768, 1024, 'gradient-lab-768.png']]) {
    const { page, errors } = await openLab('#lab=gradient&gtarget=layer&gnet=relu_res&glayer=2', { width, height });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width}`);
    const chart = await page.locator('#g-chart').boundingBox();
    assert.ok(chart.height >= 400, `chart ${chart.height} px tall at ${width}`);
    await page.screenshot({ path: `${artifacts}/${name}`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
