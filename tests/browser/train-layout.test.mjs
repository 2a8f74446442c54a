// The Train lab's layout on every screen a class uses (1280, 1024 and 768 px wide, and a 390 px
// phone): no page scrolls sideways, the controls a student needs first come first, every select's
// options read in full; and projector mode (`view=projector` in the link, or the header's toggle)
// gives larger type and thicker chart lines, survives a switch of tabs and keeps the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, WIDTHS } from './harness.mjs';
import { openTrain, trainToEnd } from './train-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const DATASETS = ['&tdata=circles', '&tdata=peaks&tclasses=5', '&tdata=digits'];

/** In the page: how wide the page is, and each visible select whose longest option does not fit it. */
const measure = (page) => page.evaluate(() => {
  const cut = [];
  for (const select of document.querySelectorAll('select')) {
    if (!select.offsetParent) continue;
    // the same select at its natural width, beside it (same font): Chromium sizes it to the longest option
    const probe = /** @type {HTMLSelectElement} */ (select.cloneNode(true));
    probe.removeAttribute('id');
    probe.style.cssText = 'width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
    select.parentElement.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const has = select.getBoundingClientRect().width;
    if (has + 1 < needed || select.scrollWidth > select.clientWidth + 1) {
      cut.push(`${select.id || select.getAttribute('aria-label')}: ${Math.round(has)} px for ${Math.round(needed)} px`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, cut };
});

/** Unfolds every folded card of the form (a narrow screen starts with some folded). */
async function unfoldAll(page) {
  const folded = page.locator('#train-form button.fold[aria-expanded="false"]');
  for (let n = await folded.count(); n > 0; n -= 1) await folded.first().click();
}

for (const hash of DATASETS) {
  test(`${hash.slice(1)}: no page scrolls sideways and no option is cut at ${WIDTHS.join(', ')} px`, { timeout: 600000 }, async () => {
    for (const width of WIDTHS) {
      const { page, errors } = await openTrain(lab, `${hash}&tep=3`, { width, height: 800 });
      const what = `${hash} at ${width} px`;
      // trained, so that the confusion matrix, the boundary or the images are all shown
      await trainToEnd(page, 120000);
      const shown = await measure(page);
      assert.ok(shown.scrollWidth <= shown.innerWidth, `${what}: the page is ${shown.scrollWidth} px wide in a ${shown.innerWidth} px window`);

      if (width <= 768) {
        // the buttons, then the form, then the charts: in the document and on the screen
        const order = await page.evaluate(() => {
          const [start, dataset, loss] = ['train-start', 'f-tdata', 'tv-loss'].map((id) => document.getElementById(id));
          const top = (element) => element.getBoundingClientRect().top;
          const precedes = (a, b) => Boolean(a.compareDocumentPosition(b) & 4); // 4: b follows a
          return {
            inDocument: precedes(start, dataset) && precedes(dataset, loss),
            onScreen: top(start) < top(dataset) && top(dataset) < top(loss),
            folded: Array.from(document.querySelectorAll('#train-form button.fold[aria-expanded="false"]'), (b) => b.textContent),
          };
        });
        assert.ok(order.inDocument, `${what}: Start, then the dataset, then the loss chart in the document`);
        assert.ok(order.onScreen, `${what}: Start above the dataset above the loss chart`);
        assert.deepEqual(order.folded, ['2 · Architecture', '3 · Training settings'], `${what}: the long cards start folded`);
        await unfoldAll(page);
        assert.equal(await page.locator('#train-form button.fold[aria-expanded="false"]').count(), 0);
        assert.ok(await page.locator('#f-topt').isVisible(), `${what}: an unfolded card shows its fields`);
        const unfolded = await measure(page);
        assert.ok(unfolded.scrollWidth <= unfolded.innerWidth, `${what}, unfolded: the page is ${unfolded.scrollWidth} px wide`);
        shown.cut.push(...unfolded.cut);
      } else {
        assert.equal(await page.locator('#train-form button.fold[aria-expanded="false"]').count(), 0, `${what}: every card is open beside the results`);
      }
      assert.deepEqual([...new Set(shown.cut)], [], `${what}: selects too narrow for their longest option`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
}

/** In the page: the body's font size, the loss chart's first line width, and the page's view. */
const look = (page) => page.evaluate(() => ({
  font: Number.parseFloat(getComputedStyle(document.body).fontSize),
  line: Chart.getChart(document.getElementById('tv-loss'))?.data.datasets[0]?.borderWidth,
  view: document.documentElement.dataset.view,
  pressed: document.getElementById('view-toggle').getAttribute('aria-pressed'),
  aspect: document.getElementById('tv-map').style.aspectRatio,
}));

test('projector mode from a link: larger type and thicker lines, through a switch of tabs, and back without losing the run', { timeout: 240000 }, async () => {
  const normal = await openTrain(lab, '&tdata=peaks&tclasses=5&tep=4');
  const plain = await look(normal.page);
  await normal.page.close();

  const { page, errors } = await openTrain(lab, '&tdata=peaks&tclasses=5&tep=4&view=projector');
  const big = await look(page);
  assert.equal(big.view, 'projector');
  assert.equal(big.pressed, 'true', 'the header toggle shows projector mode on');
  assert.ok(big.font >= plain.font * 1.2, `the body's type is larger: ${big.font} px against ${plain.font} px`);
  assert.ok(big.line >= plain.line * 1.5, `the loss curve is thicker: ${big.line} px against ${plain.line} px`);
  assert.notEqual(big.aspect, plain.aspect, 'the decision boundary is laid out for the larger type');

  assert.equal(await trainToEnd(page), 'finished');
  const epochs = await page.evaluate(() => Chart.getChart(document.getElementById('tv-loss')).data.datasets[0].data.length);
  assert.equal(epochs, 4);

  // another lab keeps the mode, with its own chart drawn thick
  await page.click('#tab-gradient');
  await page.waitForFunction(() => Chart.getChart(document.getElementById('g-chart'))?.data.datasets.length > 0, null, { timeout: 60000 });
  const gradient = await page.evaluate(() => ({
    view: document.documentElement.dataset.view,
    hash: location.hash,
    width: Chart.getChart(document.getElementById('g-chart')).data.datasets[0].borderWidth,
    font: Number.parseFloat(getComputedStyle(document.body).fontSize),
  }));
  assert.equal(gradient.view, 'projector');
  assert.match(gradient.hash, /(^#|&)view=projector(&|$)/);
  assert.match(gradient.hash, /lab=gradient/);
  assert.equal(gradient.font, big.font);
  await page.click('#tab-train');
  const back = await look(page);
  assert.equal(back.view, 'projector');
  assert.equal(back.line, big.line);

  // the header's toggle switches back: the charts redraw thin, and the run and its curves stay
  await page.click('#view-toggle');
  await page.waitForFunction(() => !/view=/.test(location.hash));
  const after = await look(page);
  assert.equal(after.view, 'normal');
  assert.equal(after.pressed, 'false');
  assert.equal(after.font, plain.font);
  assert.equal(after.line, plain.line);
  assert.equal(after.aspect, plain.aspect, 'the decision boundary is laid out again for normal type');
  assert.equal(await page.getAttribute('#train-lab', 'data-run-state'), 'finished');
  assert.equal(await page.evaluate(() => Chart.getChart(document.getElementById('tv-loss')).data.datasets[0].data.length), epochs);
  assert.match(await page.evaluate(() => location.hash), /tdata=peaks&tclasses=5&tep=4/);
  assert.deepEqual(errors, []);
  await page.close();
});
