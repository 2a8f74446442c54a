// Browser tests of comparing runs in the Train lab: the one HTML legend of the loss and accuracy
// charts (short names, hide and show on both charts, unpin), the plot keeping its height with four
// pins, sweeps (0 on a log axis, a table per sweep with wall times and train and held-out scores),
// and exported figures (twice the size on screen, with the title drawn and written in).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser } from './harness.mjs';
import { openTrain as open, trainToEnd } from './train-helpers.mjs';

let lab;
before(async () => { lab = await startBrowser(); });
after(async () => { await lab?.close(); });

const openTrain = (hash, viewport) => open(lab, hash, viewport);

/** Sets the learning rate in the form and waits until the new run is set up. */
async function setLearningRate(page, value) {
  await page.fill('#f-tlr', value);
  await page.locator('#f-tlr').blur();
  await page.waitForFunction(() => document.getElementById('train-lab').dataset.runState === 'ready');
}

/** The datasets of the chart on canvas `id`: [{label, visible}]. */
const datasetsOf = (page, id) => page.evaluate((canvasId) => {
  const chart = Chart.getChart(document.getElementById(canvasId));
  return chart.data.datasets.map((d, i) => ({ label: d.label, visible: chart.isDatasetVisible(i) }));
}, id);

/** The chunks of a PNG file: {width, height, text: {keyword: text}} from its IHDR and iTXt chunks. */
function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = { width: 0, height: 0, text: {} };
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') { png.width = view.getUint32(at + 8); png.height = view.getUint32(at + 12); }
    if (type === 'iTXt') {
      const keyword = data.subarray(0, data.indexOf(0)).toString('latin1');
      // keyword, 0, compression flag, method, language tag, 0, translated keyword, 0, text
      let i = data.indexOf(0) + 3;
      i = data.indexOf(0, i) + 1;
      i = data.indexOf(0, i) + 1;
      png.text[keyword] = data.subarray(i).toString('utf8');
    }
    at += 12 + length;
  }
  return png;
}

/** Clicks an export button and returns the downloaded file's bytes. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await download.path());
}

test('four pinned runs share one legend with short names; a press hides and shows a run on both charts', { timeout: 240000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tep=5');
  for (const rate of ['0.1', '0.3', '1', '3']) {
    await setLearningRate(page, rate);
    assert.equal(await trainToEnd(page), 'finished');
    await page.click('#tv-pin');
  }
  await setLearningRate(page, '0.03');
  assert.equal(await trainToEnd(page), 'finished');

  // 4 pinned runs and this one, named by the one setting that differs
  const names = await page.$$eval('#tv-legend li .legend-name', (els) => els.map((el) => el.textContent));
  assert.deepEqual(names.toSorted(), ['η 0.03', 'η 0.1', 'η 0.3', 'η 1', 'η 3']);
  assert.equal(await page.locator('#tv-legend li[data-kind="pinned"]').count(), 4);
  assert.equal(await page.locator('#tv-legend li[data-kind="current"]').count(), 1);
  assert.equal(await page.locator('#tv-legend .legend-remove').count(), 4, 'each pinned run has an unpin button');
  assert.match(await page.textContent('#tv-legend .legend-key'), /solid: train.*dashed: validation/);

  // no Chart.js legend squeezes the plots: the loss plot keeps its height
  const layout = await page.evaluate(() => ['tv-loss', 'tv-metric'].map((id) => {
    const chart = Chart.getChart(document.getElementById(id));
    return { legend: chart.options.plugins.legend.display, height: chart.chartArea.bottom - chart.chartArea.top };
  }));
  for (const chart of layout) {
    assert.equal(chart.legend, false);
    assert.ok(chart.height >= 150, `plot height ${chart.height} px with 4 pins`);
  }
  const loss = await datasetsOf(page, 'tv-loss');
  assert.equal(loss.length, 10, 'train and validation lines of 5 runs');
  assert.ok(loss.every((d) => d.visible));

  // a press hides the run's lines on both charts, and only those; a second press shows them
  const toggle = page.locator('#tv-legend li', { has: page.locator('.legend-name', { hasText: /^η 1$/ }) }).locator('.legend-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  for (const id of ['tv-loss', 'tv-metric']) {
    const sets = await datasetsOf(page, id);
    const hidden = sets.filter((d) => !d.visible).map((d) => d.label);
    assert.deepEqual(hidden, ['η 1 · train', 'η 1 · validation'], `${id}: the hidden lines`);
  }
  // the keyboard does the same: Enter on the focused button shows the run again
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  for (const id of ['tv-loss', 'tv-metric']) assert.ok((await datasetsOf(page, id)).every((d) => d.visible), `${id}: all shown again`);

  // unpinning from the legend takes the run off both charts and the focus moves on
  await page.click('#tv-legend .legend-remove[aria-label="Unpin η 3"]');
  assert.equal(await page.locator('#tv-legend li').count(), 4);
  assert.ok(!(await datasetsOf(page, 'tv-metric')).some((d) => d.label.startsWith('η 3 ')));
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('legend-toggle')), true);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(errors, []);
  await page.close();
});

test('sweeps: 0 on a log axis, a table per sweep with wall times and train and held-out scores, and a full-size chart', { timeout: 240000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tep=5');
  await page.selectOption('#tv-sweep-key', 'l2');
  await page.fill('#tv-sweep-values', '0, 0.001, 0.01');
  const sweep = async () => {
    await page.click('#tv-sweep-run');
    await page.waitForFunction(() => /Sweep done/.test(document.getElementById('tv-sweep-status').textContent)
      && !(/** @type {HTMLButtonElement} */ (document.getElementById('tv-sweep-run'))).disabled, null, { timeout: 120000 });
  };
  await sweep();

  const chart = await page.evaluate(() => {
    const instance = Chart.getChart(document.getElementById('tv-sweep'));
    const card = document.querySelector('.sweep-card');
    const padding = parseFloat(getComputedStyle(card).paddingLeft) + parseFloat(getComputedStyle(card).paddingRight);
    return {
      type: instance.scales.x.type,
      ticks: instance.scales.x.ticks.map((t) => t.label),
      xs: instance.data.datasets.map((_, i) => instance.getDatasetMeta(i).data.map((p) => Math.round(p.x))),
      legend: instance.options.plugins.legend.display,
      plotHeight: instance.chartArea.bottom - instance.chartArea.top,
      canvasWidth: instance.canvas.getBoundingClientRect().width,
      cardWidth: card.clientWidth - padding,
    };
  });
  assert.equal(chart.type, 'logarithmic');
  assert.ok(chart.ticks.includes('0') && chart.ticks.includes('0.001') && chart.ticks.includes('0.01'), `ticks ${chart.ticks}`);
  assert.ok(chart.xs.length >= 2);
  for (const xs of chart.xs) assert.equal(new Set(xs).size, 3, `three distinct x positions: ${xs}`);
  assert.ok(chart.xs[0][0] < chart.xs[0][1] && chart.xs[0][1] < chart.xs[0][2], 'in order: 0, 0.001, 0.01');
  assert.equal(chart.legend, false);
  assert.ok(chart.plotHeight >= 260, `sweep plot height ${chart.plotHeight} px`);
  assert.ok(chart.canvasWidth >= chart.cardWidth - 2, `the chart spans the card: ${chart.canvasWidth} of ${chart.cardWidth} px`);
  assert.match(await page.textContent('[data-testid="sweep-note"]'), /log scale.*0 .*break/);

  // a second sweep with another learning rate: two tables, two legend entries, each named by η
  await setLearningRate(page, '0.3');
  await sweep();
  const tables = await page.$$eval('[data-testid="sweep-table"]', (els) => els.map((table) => ({
    caption: table.caption.textContent,
    head: [...table.tHead.rows[0].cells].map((c) => c.textContent),
    rows: [...table.tBodies[0].rows].map((row) => ({ cells: [...row.cells].map((c) => c.textContent), seconds: Number(row.querySelector('.time').dataset.seconds) })),
  })));
  const entries = await page.$$eval('[data-testid="sweep-legend"] li .legend-name', (els) => els.map((el) => el.textContent));
  const series = await datasetsOf(page, 'tv-sweep');
  const sweepsOnChart = new Set(series.map((d) => d.label.split(' · ')[0]));
  assert.equal(tables.length, 2);
  assert.equal(tables.length, sweepsOnChart.size, 'one table per sweep on the chart');
  assert.deepEqual(entries, [...sweepsOnChart]);
  assert.match(tables[0].caption, /^η 0\.2: final scores per L2 λ$/);
  assert.match(tables[1].caption, /^η 0\.3: final scores per L2 λ$/);
  for (const table of tables) {
    assert.deepEqual(table.head, ['L2 λ', 'train accuracy', 'validation accuracy', 'train macro F1', 'validation macro F1', 'end', 'time']);
    assert.deepEqual(table.rows.map((r) => r.cells[0]), ['0', '0.001', '0.01']);
    for (const row of table.rows) {
      for (const cell of row.cells.slice(1, 5)) assert.ok(Number(cell) >= 0 && Number(cell) <= 1, `score ${cell}`);
      assert.ok(row.seconds > 0, `wall time ${row.seconds}`);
      assert.match(row.cells[6], /^\d+(\.\d+)? s$/);
    }
  }
  // the sweep chart's figure: twice the chart's size on screen, titled
  const png = readPng(await downloaded(page, '#tv-export-sweep'));
  const width = await page.evaluate(() => Chart.getChart(document.getElementById('tv-sweep')).width);
  assert.ok(Math.abs(png.width - 2 * width) <= 1, `PNG width ${png.width} for a chart ${width} px wide`);
  assert.equal(png.text.Title, 'Final scores against L2 λ — circles');
  assert.ok(!/λ 0 /.test(png.text.Description) && /Settings shared by all: d8_tanh ×2/.test(png.text.Description), png.text.Description);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an exported loss chart is twice the on-screen size, with the title drawn at its top and the settings written in', { timeout: 120000 }, async () => {
  const { page, errors } = await openTrain('&tdata=circles&tep=5');
  assert.equal(await trainToEnd(page), 'finished');
  const bytes = await downloaded(page, '#tv-export-loss');
  const png = readPng(bytes);
  const size = await page.evaluate(() => {
    const chart = Chart.getChart(document.getElementById('tv-loss'));
    return { width: chart.width, height: chart.height, css: document.getElementById('tv-loss').getBoundingClientRect().width };
  });
  // Chart.js keeps a tenth of a pixel of the CSS width; the PNG has whole pixels
  assert.ok(Math.abs(png.width - 2 * size.css) <= 1, `PNG width ${png.width} for a canvas ${size.css} px wide`);
  assert.ok(png.height > 2 * size.height, 'room for the title, legend and settings around the chart');
  assert.equal(png.text.Title, 'Loss per epoch — circles');
  assert.match(png.text.Description, /^Settings: d8_tanh ×2 · sigmoid_bce · .*η 0\.2 · batch 16 · 5 epochs/);
  // the title is drawn: dark ink in the band above the chart, on white
  const ink = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const dark = (top, height) => {
      const { data } = ctx.getImageData(0, top, canvas.width, height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 200) count += 1;
      return count;
    };
    return { title: dark(2 * 14, 2 * 24), corner: Array.from(ctx.getImageData(1, 1, 1, 1).data) };
  }, `data:image/png;base64,${bytes.toString('base64')}`);
  assert.ok(ink.title > 500, `${ink.title} dark pixels in the title band`);
  assert.deepEqual(ink.corner, [255, 255, 255, 255]);

  // the data view (the decision boundary) also exports at twice its size
  const view = readPng(await downloaded(page, '#tv-export-view'));
  const mapWidth = await page.evaluate(() => document.getElementById('tv-map').clientWidth);
  assert.equal(view.width, 2 * mapWidth);
  assert.equal(view.text.Title, 'Decision boundary — circles');
  assert.deepEqual(errors, []);
  await page.close();
});
