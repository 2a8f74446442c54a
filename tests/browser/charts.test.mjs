// Browser tests of the drawing components in web/js/ui/ (line and scatter charts, point map,
// confusion table, image grid, class balance) on web/test-pages/charts.html: each is mounted with
// known data and checked (cells, marks, pixels, gaps), then the whole page is screenshotted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, artifacts } from './harness.mjs';
import { seriousViolations } from './axe.mjs';

let lab;
/** [f(1), …, f(12)] */
const x12 = (f) => Array.from({ length: 12 }, (_, i) => f(i + 1));

let shared; // one page on which every component is mounted, for the screenshot at the end
before(async () => {
  lab = await startBrowser();
  shared = await openTestPage();
});
after(async () => { await lab?.close(); });

async function openTestPage(options) {
  const { page, errors } = await lab.openPage(options);
  await page.goto(new URL('test-pages/charts.html', lab.url).href);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && 'Chart' in window);
  return { page, errors };
}

test('the line chart leaves NaN and Infinity out as gaps, keeps a finite axis and exports a white PNG', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(async () => {
    const { createLineChart, palette } = window.components;
    const canvas = document.getElementById('loss-chart');
    const chart = createLineChart(canvas, { xLabel: 'epoch', yLabel: 'loss', integerX: true, yMin: 0 });
    const epochs = Array.from({ length: 60 }, (_, i) => i + 1);
    const curve = (scale, floor, bump = 0) => epochs.map((e) => ({ x: e, y: scale * Math.exp(-e / 12) + floor + bump * Math.max(0, e - 30) / 30 }));
    const diverged = epochs.map((e) => ({ x: e, y: e < 20 ? 2 * Math.exp(-e / 30) + 0.4 : e < 24 ? Infinity : NaN }));
    const series = [
      { label: 'train loss', points: curve(2, 0.08), color: palette.runColor(0), width: 3 },
      { label: 'validation loss', points: curve(2, 0.15, 0.25), color: palette.runColor(0), dashed: true, width: 3 },
      { label: 'run 2 (lr 0.3) train', points: diverged, color: palette.runColor(1) },
      { label: 'run 2 (lr 0.3) validation', points: diverged.map((p) => ({ x: p.x, y: p.y * 1.1 })), color: palette.runColor(1), dashed: true },
      { label: 'run 3 (tanh) train', points: curve(1.6, 0.2), color: palette.runColor(2) },
      { label: 'run 3 (tanh) validation', points: curve(1.6, 0.26), color: palette.runColor(2), dashed: true },
      { label: 'run 4 (no hidden layer) train', points: curve(1, 0.55), color: palette.runColor(3) },
      { label: 'run 4 (no hidden layer) validation', points: curve(1, 0.6), color: palette.runColor(3), dashed: true },
    ];
    // as during training: the series grow and setSeries is called again and again
    const started = performance.now();
    for (let n = 1; n <= 60; n += 1) chart.setSeries(series.map((s) => ({ ...s, points: s.points.slice(0, n) })));
    const perUpdate = (performance.now() - started) / 60;
    const internal = Chart.getChart(canvas);
    const divergedData = internal.data.datasets[2].data;
    const png = chart.toPNG();
    const image = new Image();
    image.src = png;
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    copy.getContext('2d').drawImage(image, 0, 0);
    const corner = Array.from(copy.getContext('2d').getImageData(2, 2, 1, 1).data);
    return {
      datasets: internal.data.datasets.length,
      gapAt: [divergedData[19].y, divergedData[25].y, divergedData[10].y],
      yMax: internal.scales.y.max,
      legendItems: internal.legend.legendItems.length,
      legendDashed: internal.legend.legendItems.map((item) => item.lineDash.length > 0),
      legendBelow: internal.legend.top > internal.chartArea.bottom,
      png: png.slice(0, 22),
      corner,
      perUpdate,
    };
  });
  assert.equal(result.datasets, 8);
  assert.equal(result.gapAt[0], null, 'Infinity is a gap');
  assert.equal(result.gapAt[1], null, 'NaN is a gap');
  assert.ok(Number.isFinite(result.gapAt[2]), 'finite values stay');
  assert.ok(Number.isFinite(result.yMax) && result.yMax < 10, `y axis max ${result.yMax}`);
  assert.equal(result.legendItems, 8);
  assert.deepEqual(result.legendDashed, [false, true, false, true, false, true, false, true], 'dashed series have dashed legend symbols');
  assert.ok(result.legendBelow, 'the legend is under the plot');
  assert.equal(result.png, 'data:image/png;base64,');
  assert.deepEqual(result.corner, [255, 255, 255, 255], 'the PNG has a white, opaque background');
  assert.ok(result.perUpdate < 40, `an update takes ${result.perUpdate.toFixed(1)} ms`);
  assert.deepEqual(errors, []);
});

test('a value with gaps on both sides shows as a dot, and a line without one resolves its point options once', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(() => {
    const { createLineChart, palette } = window.components;
    const frame = document.createElement('div');
    frame.className = 'chart-frame';
    const canvas = document.createElement('canvas');
    frame.append(canvas);
    document.querySelector('main').append(frame);
    const chart = createLineChart(canvas, { xLabel: 'epoch', yLabel: 'loss', integerX: true });
    const x = Array.from({ length: 12 }, (_, i) => i + 1);
    // a held-out curve scored at epochs 1, 6 and 11 only (NaN between): each score stands alone
    const scored = x.map((e) => ({ x: e, y: (e - 1) % 5 === 0 ? 1 / e : NaN }));
    chart.setSeries([
      { label: 'train', points: x.map((e) => ({ x: e, y: 2 / e })), color: palette.runColor(0) },
      { label: 'held out', points: scored, color: palette.runColor(0), dashed: true },
    ]);
    const internal = Chart.getChart(canvas);
    const radii = (i) => internal.getDatasetMeta(i).data.map((point) => point.options.radius);
    const out = { trainOption: internal.data.datasets[0].pointRadius, train: radii(0), heldOut: radii(1) };
    internal.destroy();
    frame.remove();
    return out;
  });
  assert.equal(result.trainOption, 0, 'a number: Chart.js resolves the options once for the line');
  assert.ok(result.train.every((r) => r === 0), `train radii ${result.train}`);
  assert.deepEqual(result.heldOut.map((r) => r > 0), x12((e) => (e - 1) % 5 === 0), `held-out radii ${result.heldOut}`);
  assert.deepEqual(errors, []);
});

test('the sweep chart puts the learning rate on a log axis with readable ticks and point markers', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(() => {
    const { createLineChart, palette } = window.components;
    const canvas = document.getElementById('sweep-chart');
    const chart = createLineChart(canvas, { xLabel: 'learning rate', yLabel: 'final score', logX: true, yMin: 0, yMax: 1, showPoints: true });
    const rates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
    const bell = (peak, top) => rates.map((x) => ({ x, y: x >= 3 ? NaN : top * Math.exp(-((Math.log10(x) - peak) ** 2) / 1.5) }));
    chart.setSeries([
      { label: 'train accuracy', points: bell(-0.7, 0.98), color: palette.classColor(0), pointStyle: 'circle' },
      { label: 'validation accuracy', points: bell(-0.8, 0.93), color: palette.classColor(0), dashed: true, pointStyle: 'rect' },
      { label: 'validation macro F1', points: bell(-0.8, 0.9), color: palette.classColor(5), dashed: true, pointStyle: 'triangle' },
    ]);
    const internal = Chart.getChart(canvas);
    return {
      type: internal.scales.x.type,
      ticks: internal.scales.x.ticks.map((t) => t.label),
      yRange: [internal.scales.y.min, internal.scales.y.max],
      pointRadius: internal.data.datasets[0].pointRadius,
    };
  });
  assert.equal(result.type, 'logarithmic');
  for (const label of ['0.001', '0.01', '0.1', '1']) assert.ok(result.ticks.includes(label), `tick ${label} in ${result.ticks}`);
  assert.deepEqual(result.yRange, [0, 1]);
  assert.ok(result.pointRadius > 0);
  assert.deepEqual(errors, []);
});

test('the scatter chart shows the y = x line across the shared range of both sets', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(() => {
    const { createScatterChart } = window.components;
    const canvas = document.getElementById('regression-chart');
    const chart = createScatterChart(canvas, { xLabel: 'target', yLabel: 'prediction' });
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const make = (n, noise) => Array.from({ length: n }, () => { const x = -3 + 8 * random(); return { x, y: x + noise * (random() - 0.5) + 0.1 * x * x * (random() - 0.3) }; });
    const train = make(150, 1.2);
    const testSet = make(50, 2);
    chart.setPoints([...train, { x: NaN, y: 1 }, { x: 1, y: Infinity }], testSet);
    const internal = Chart.getChart(canvas);
    const [first, second, identity] = internal.data.datasets;
    const values = [...train, ...testSet].flatMap((p) => [p.x, p.y]);
    return {
      counts: [first.data.length, second.data.length],
      identity: identity.data,
      x: [internal.scales.x.min, internal.scales.x.max],
      y: [internal.scales.y.min, internal.scales.y.max],
      low: Math.min(...values),
      high: Math.max(...values),
      png: chart.toPNG().slice(0, 22),
    };
  });
  assert.deepEqual(result.counts, [150, 50], 'non-finite points are left out');
  assert.deepEqual(result.x, result.y, 'x and y share one range');
  assert.deepEqual(result.identity, [{ x: result.x[0], y: result.x[0] }, { x: result.x[1], y: result.x[1] }]);
  assert.ok(result.x[0] <= result.low && result.x[1] >= result.high, 'the range holds every point');
  assert.equal(result.png, 'data:image/png;base64,');
  assert.deepEqual(errors, []);
});

/** In the page: draws the two-halves grid on #halves-map and returns the colours at known points. */
async function halvesPixels(page) {
  return page.evaluate(() => {
    const { drawPointMap, palette } = window.components;
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('halves-map'));
    const n = 20;
    const softmax = new Float64Array(n * n * 2);
    const sigmoid = new Float64Array(n * n);
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        const cell = row * n + col;
        const right = col >= n / 2;
        softmax[2 * cell] = right ? 0.05 : 0.95;
        softmax[2 * cell + 1] = right ? 0.95 : 0.05;
        sigmoid[cell] = row < n / 2 ? 0.9 : 0.1; // top half class 1, bottom half class 0
      }
    }
    const ctx = canvas.getContext('2d');
    const ratio = devicePixelRatio;
    const pixel = (map, x, y) => {
      const p = map.toPixel(x, y);
      return Array.from(ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data).slice(0, 3);
    };
    const base = { xMin: -2, xMax: 2, yMin: -2, yMax: 2, classes: ['class 0', 'class 1'], xLabel: 'x₁', yLabel: 'x₂' };
    const points = [{ x: -1.5, y: 1.5, label: 0, kind: 'train' }, { x: 1.5, y: -1.5, label: 1, kind: 'test' }];
    const uncertain = drawPointMap(canvas, { ...base, grid: { resolution: n, outputs: 1, values: new Float64Array(n * n).fill(0.5) } });
    const white = pixel(uncertain, -0.6, 0.4);
    const vertical = drawPointMap(canvas, { ...base, points, grid: { resolution: n, outputs: 1, values: sigmoid } });
    const top = pixel(vertical, -0.6, 1.4);
    const bottom = pixel(vertical, -0.6, -1.4);
    const halves = drawPointMap(canvas, { ...base, points, grid: { resolution: n, outputs: 2, values: softmax } });
    const left = pixel(halves, -1.4, 0.4);
    const right = pixel(halves, 1.4, 0.4);
    const trainPoint = pixel(halves, -1.5, 1.5);
    return {
      left, right, top, bottom, white, trainPoint,
      // p = 0.95 of two classes is a sureness of 0.9: a tint of strength 0.8 · √0.9 (point-map.js)
      expected: { class0: palette.classTintRGB(0, 0.8 * Math.sqrt(0.9)), class1: palette.classTintRGB(1, 0.8 * Math.sqrt(0.9)), point0: palette.classRGB(0) },
      pixelSize: [canvas.width, canvas.height],
      cssSize: [canvas.clientWidth, canvas.clientHeight],
      ratio,
      label: canvas.getAttribute('aria-label'),
    };
  });
}

const near = (actual, expected, tolerance, what) => {
  actual.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) <= tolerance, `${what}: ${actual} is not near ${expected.map(Math.round)}`));
};

test('the point map paints each class’s tint where the grid says so, row 0 at the top', async () => {
  const { page, errors } = shared;
  const r = await halvesPixels(page);
  assert.ok(r.left[2] > r.left[0] + 40, `left half is blue: ${r.left}`);
  assert.ok(r.right[0] > r.right[2] + 40, `right half is orange: ${r.right}`);
  near(r.left, r.expected.class0, 6, 'left half');
  near(r.right, r.expected.class1, 6, 'right half');
  assert.ok(r.top[0] > r.top[2] + 40, `top half (p = 0.9) is class 1, orange: ${r.top}`);
  assert.ok(r.bottom[2] > r.bottom[0] + 40, `bottom half (p = 0.1) is class 0, blue: ${r.bottom}`);
  assert.ok(r.white.every((v) => v >= 245), `p = 0.5 everywhere is white: ${r.white}`);
  near(r.trainPoint, r.expected.point0, 4, 'a train point is its class colour');
  assert.deepEqual(r.pixelSize, r.cssSize.map((v) => Math.round(v * r.ratio)));
  assert.match(r.label, /2 points \(1 training as filled dots, 1 test as hollow squares\)/);
  assert.deepEqual(errors, []);
});

test('on a HiDPI screen the point map draws at device resolution with the same colours', async () => {
  const { page, errors } = await openTestPage({ deviceScaleFactor: 2 });
  const r = await halvesPixels(page);
  assert.equal(r.ratio, 2);
  assert.deepEqual(r.pixelSize, r.cssSize.map((v) => v * 2));
  near(r.left, r.expected.class0, 6, 'left half at 2×');
  assert.ok(r.right[0] > r.right[2] + 40, `right half is orange at 2×: ${r.right}`);
  // a redraw costs little: four a second must be easy
  const perDraw = await page.evaluate(() => {
    const { drawPointMap } = window.components;
    const n = 60;
    const values = new Float64Array(n * n * 3).map((_, i) => ((i * 7919) % 100) / 100);
    const points = Array.from({ length: 500 }, (_, i) => ({ x: Math.sin(i) * 2, y: Math.cos(i * 1.3) * 2, label: i % 3, kind: i % 5 ? 'train' : 'test' }));
    const canvas = document.getElementById('boundary-map');
    const started = performance.now();
    for (let k = 0; k < 20; k += 1) drawPointMap(canvas, { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, points, classes: ['a', 'b', 'c'], grid: { resolution: n, outputs: 3, values } });
    return (performance.now() - started) / 20;
  });
  assert.ok(perDraw < 50, `a redraw takes ${perDraw.toFixed(1)} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the confusion table has a row per class, two header rows, and a total equal to the sum of its cells', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(() => {
    const { renderConfusionTable } = window.components;
    let seed = 3;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const k = 10;
    const data = new Float64Array(k * k);
    for (let r = 0; r < k; r += 1) {
      for (let i = 0; i < 36; i += 1) {
        const predicted = random() < 0.88 ? r : Math.floor(random() * k);
        data[r * k + predicted] += 1;
      }
    }
    data[8 * k + 1] += 9; // a confusion a teacher would point at: 8s taken for 1s
    const container = document.getElementById('confusion-10');
    renderConfusionTable(container, {
      classNames: Array.from({ length: k }, (_, i) => String(i)), confusion: { rows: k, cols: k, data }, caption: 'Test set: digits',
    });
    const sum = data.reduce((a, b) => a + b, 0);
    const diagonal = Array.from({ length: k }, (_, i) => data[i * k + i]).reduce((a, b) => a + b, 0);
    const table = container.querySelector('table');
    const wrapper = container.querySelector('.confusion');

    const small = document.getElementById('confusion-3');
    renderConfusionTable(small, {
      classNames: ['setosa', 'versicolor', 'virginica'],
      confusion: { rows: 3, cols: 3, data: [10, 0, 0, 0, 9, 1, 0, 2, 8] },
      recall: [1, 0.9, 0.8], precision: [1, 9 / 11, 8 / 9], f1: [1, 0.857, 0.842], support: [10, 10, 10],
      accuracy: 27 / 30, macroF1: 0.9, caption: 'Test set: iris',
    });
    return {
      total: Number(container.querySelector('[data-testid="confusion-total"]').textContent),
      sum,
      accuracy: container.querySelector('.confusion-summary .acc').textContent,
      expectedAccuracy: `${((100 * diagonal) / sum).toFixed(1)}%`,
      bodyRows: table.tBodies[0].rows.length,
      headRows: table.tHead.rows.length,
      columnHeaders: table.tHead.querySelectorAll('th[scope="col"]').length,
      rowHeaders: table.tBodies[0].querySelectorAll('th[scope="row"]').length,
      caption: table.caption.textContent,
      cell81: table.tBodies[0].rows[8].cells[2].textContent,
      cell81Warm: getComputedStyle(table.tBodies[0].rows[8].cells[2]).backgroundColor,
      diagonalCool: getComputedStyle(table.tBodies[0].rows[0].cells[1]).backgroundColor,
      overflows: wrapper.scrollWidth > wrapper.clientWidth + 1,
      smallTotal: small.querySelector('[data-testid="confusion-total"]').textContent,
      smallRecall: Array.from(small.querySelectorAll('tbody td.metric:nth-last-child(2)'), (td) => td.textContent),
      smallSummary: small.querySelector('.confusion-summary').textContent,
      smallRows: small.querySelector('table').tBodies[0].rows.length,
    };
  });
  assert.equal(result.total, result.sum);
  assert.equal(result.total, 369);
  assert.equal(result.accuracy, result.expectedAccuracy);
  assert.equal(result.bodyRows, 10);
  assert.equal(result.headRows, 2, '“predicted class →” over the class names');
  assert.equal(result.columnHeaders, 1 + 10 + 2, 'corner, 10 predicted classes, recall, support');
  assert.equal(result.rowHeaders, 10);
  assert.match(result.caption, /Test set: digits/);
  assert.ok(Number(result.cell81) >= 9);
  const rgb = (text) => text.match(/[\d.]+/g).map(Number);
  const [wr, , wb] = rgb(result.cell81Warm);
  const [dr, , db] = rgb(result.diagonalCool);
  assert.ok(wr > wb, `an error cell is warm: ${result.cell81Warm}`);
  assert.ok(db > dr, `a diagonal cell is blue-green: ${result.diagonalCool}`);
  assert.equal(result.overflows, false, 'the 10 × 10 table fits its half-width card at 1280 px');
  assert.equal(result.smallTotal, '30');
  assert.equal(result.smallRows, 3);
  assert.deepEqual(result.smallRecall, ['100.0%', '90.0%', '80.0%']);
  assert.match(result.smallSummary, /Accuracy 90\.0% · macro F1 0\.90 · total 30 examples/);
  assert.deepEqual(errors, []);
});

test('the image grid marks exactly the mistakes and scales small images with crisp pixels', async () => {
  const { page, errors } = shared;
  const result = await page.evaluate(() => {
    const { renderImageGrid } = window.components;
    // digits drawn with a font on a 28 × 28 canvas stand in for MNIST
    const size = 28;
    const drawDigit = (digit, k) => {
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const ctx = canvas.getContext('2d');
      ctx.font = `bold ${20 + (k % 3)}px "DejaVu Sans"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.translate(14 + (k % 3) - 1, 15);
      ctx.rotate(((k % 5) - 2) * 0.06);
      ctx.fillText(String(digit), 0, 0);
      const alpha = ctx.getImageData(0, 0, size, size).data;
      return Float64Array.from({ length: size * size }, (_, i) => alpha[4 * i + 3] / 255);
    };
    const mistakes = new Map([[3, 5], [7, 1], [12, 7], [20, 4], [29, 8]]); // index → wrong prediction
    const images = Array.from({ length: 32 }, (_, i) => {
      const trueLabel = (i * 7) % 10;
      return { pixels: drawDigit(trueLabel, i), trueLabel, predictedLabel: mistakes.get(i) ?? trueLabel };
    });
    const container = document.getElementById('image-grid');
    renderImageGrid(container, { width: size, height: size, images });
    const items = Array.from(/** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll('li.image-item')));
    const marked = items.flatMap((item, i) => (item.dataset.mistake === 'true' ? [i] : []));

    const small = document.createElement('div');
    renderImageGrid(small, { width: 8, height: 8, images: [{ pixels: new Float64Array(64).fill(16), trueLabel: 2, predictedLabel: 2 }], valueRange: [0, 16], classNames: ['zero', 'one', 'two'] });
    const smallCanvas = small.querySelector('canvas');
    const inkPixel = Array.from(smallCanvas.getContext('2d').getImageData(3, 3, 1, 1).data);
    const firstCanvas = items[0].querySelector('canvas');
    return {
      count: items.length,
      marked,
      expected: [...mistakes.keys()],
      crosses: items.filter((item) => item.querySelector('.mark')?.textContent === '✗').length,
      ticks: items.filter((item) => item.querySelector('.mark')?.textContent === '✓').length,
      label3: items[3].querySelector('[role="img"]').getAttribute('aria-label'),
      caption3: items[3].querySelector('.image-caption').textContent,
      border3: getComputedStyle(items[3].querySelector('.image-card')).borderTopColor,
      rendering: getComputedStyle(firstCanvas).imageRendering,
      shownWidth: firstCanvas.getBoundingClientRect().width,
      smallWidth: smallCanvas.style.width,
      smallLabel: small.querySelector('[role="img"]').getAttribute('aria-label'),
      smallMistake: small.querySelector('li').dataset.mistake,
      inkPixel,
    };
  });
  assert.equal(result.count, 32);
  assert.deepEqual(result.marked, result.expected);
  assert.equal(result.crosses, 5);
  assert.equal(result.ticks, 27);
  assert.equal(result.label3, 'Image 4: true 1, predicted 5 — wrong');
  assert.equal(result.caption3, 'true 1predicted 5');
  assert.equal(result.border3, 'rgb(179, 38, 30)', 'a mistake has a red border (--bad)');
  assert.equal(result.rendering, 'pixelated');
  assert.equal(result.shownWidth, 84, '28 px shown 3× larger');
  assert.equal(result.smallWidth, '88px', '8 px shown 11× larger');
  assert.equal(result.smallLabel, 'Image 1: true two, predicted two — correct');
  assert.equal(result.smallMistake, 'false');
  assert.ok(result.inkPixel.slice(0, 3).every((v) => v < 60), `a high value is dark ink: ${result.inkPixel}`);
  assert.deepEqual(errors, []);
});

test('the class balance shows each count with its share of the total', async () => {
  const { page, errors } = shared;
  const counts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
  const result = await page.evaluate((values) => {
    const { renderClassBalance } = window.components;
    const container = document.getElementById('class-balance');
    renderClassBalance(container, { classNames: values.map((_, i) => `digit ${i}`), counts: values, caption: 'Examples per class (digits)' });
    const items = Array.from(container.querySelectorAll('li'));
    return {
      percents: items.map((li) => li.querySelector('.class-balance-percent').textContent),
      texts: items.map((li) => li.textContent),
      widths: items.map((li) => li.querySelector('.class-balance-bar').getBoundingClientRect().width),
      trackWidth: items[0].querySelector('.class-balance-track').getBoundingClientRect().width,
      total: container.querySelector('.class-balance-total').textContent,
    };
  }, counts);
  const total = counts.reduce((a, b) => a + b, 0);
  assert.deepEqual(result.percents, counts.map((c) => `${((100 * c) / total).toFixed(1)}%`));
  assert.equal(result.texts[3], `digit 3: 183 (${((100 * 183) / total).toFixed(1)}%)`);
  assert.equal(result.total, `${total.toLocaleString('en-US')} in all`);
  const largest = Math.max(...result.widths);
  assert.ok(Math.abs(largest - (result.trackWidth - 2)) <= 1, 'the largest class fills its track');
  assert.ok(Math.abs(result.widths[8] / largest - 174 / 183) < 0.01, 'bars are proportional to the counts');
  assert.deepEqual(errors, []);
});

test('all components together: the rest of the maps, an accessibility scan and a screenshot', async () => {
  const { page, errors } = shared;
  await page.evaluate(() => {
    const { drawPointMap } = window.components;
    let seed = 11;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    // three blobs and a softmax-like grid around their centres
    const centres = [[-1.2, -0.8], [1.3, -0.6], [0, 1.4]];
    const points = Array.from({ length: 240 }, (_, i) => {
      const label = i % 3;
      return { x: centres[label][0] + 0.55 * gauss(), y: centres[label][1] + 0.55 * gauss(), label, kind: i % 4 === 0 ? 'test' : 'train' };
    });
    const n = 64;
    const range = [-3, 3];
    const values = new Float64Array(n * n * 3);
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        const x = range[0] + ((col + 0.5) / n) * (range[1] - range[0]);
        const y = range[1] - ((row + 0.5) / n) * (range[1] - range[0]);
        const scores = centres.map(([cx, cy]) => -1.6 * ((x - cx) ** 2 + (y - cy) ** 2));
        const top = Math.max(...scores);
        const exp = scores.map((s) => Math.exp(s - top));
        const sum = exp.reduce((a, b) => a + b, 0);
        exp.forEach((e, k) => { values[(row * n + col) * 3 + k] = e / sum; });
      }
    }
    const view = { xMin: -3, xMax: 3, yMin: -3, yMax: 3, xLabel: 'x₁', yLabel: 'x₂' };
    drawPointMap(document.getElementById('boundary-map'), { ...view, points, classes: ['class 0', 'class 1', 'class 2'], grid: { resolution: n, outputs: 3, values } });
    drawPointMap(document.getElementById('preview-map'), { ...view, points, classes: ['class 0', 'class 1', 'class 2'] });
    // regression: a value that rises to the upper right
    const regressionPoints = Array.from({ length: 160 }, (_, i) => {
      const x = -3 + 6 * random();
      const y = -3 + 6 * random();
      return { x, y, label: Math.sin(x) + 0.5 * y + 0.2 * gauss(), kind: i % 5 === 0 ? 'test' : 'train' };
    });
    const grid = new Float64Array(n * n);
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        const x = -3 + ((col + 0.5) / n) * 6;
        const y = 3 - ((row + 0.5) / n) * 6;
        grid[row * n + col] = Math.sin(x) + 0.5 * y;
      }
    }
    drawPointMap(document.getElementById('regression-map'), { ...view, points: regressionPoints, regression: true, grid: { resolution: n, outputs: 1, values: grid } });
  });
  const violations = await seriousViolations(page, 'main');
  assert.deepEqual(violations, []);
  await page.screenshot({ path: `${artifacts}/charts-components.png`, fullPage: true });
  assert.deepEqual(errors, []);
});
