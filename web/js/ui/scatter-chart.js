// A Chart.js scatter chart (global `Chart`) of prediction against target for regression: one or
// two sets of points on equal x and y ranges, with the line y = x (a perfect prediction) drawn
// across them. It draws plain {x, y} data only.
import { canvasToPNG } from './line-chart.js';
import { classColor, classTint } from './palette.js';
import { chartCanvasAt, composeFigure } from './figure-export.js';
import { FONT, axisStyle, chartFont, chartLook, niceStep, onLookChange, staticChartOptions, themeColors, titleOptions, tooltipFonts, tooltipNumber } from './chart-style.js';

/** The finite points of `points` (others are left out). */
const finitePoints = (points) => (points ?? []).filter((p) => Number.isFinite(p?.x) && Number.isFinite(p?.y)).map((p) => ({ x: p.x, y: p.y }));

/** One range [low, high] holding every x and y, padded and widened to whole tick steps (so y = x is the diagonal). */
function sharedRange(sets) {
  let low = Infinity;
  let high = -Infinity;
  for (const set of sets) for (const p of set) { low = Math.min(low, p.x, p.y); high = Math.max(high, p.x, p.y); }
  if (!Number.isFinite(low)) return { low: 0, high: 1 };
  const pad = high > low ? 0.04 * (high - low) : Math.max(1, Math.abs(low)) * 0.1;
  const step = niceStep((high - low + 2 * pad) / 6);
  return { low: Math.floor((low - pad) / step) * step, high: Math.ceil((high + pad) / step) * step };
}

/**
 * A scatter chart on `canvas` (put it in an element with a height, e.g. <div class="chart-frame">).
 * Options: xLabel (e.g. 'target'), yLabel (e.g. 'prediction'), identityLine (draw y = x),
 * title, pointLabel and secondLabel (legend names of the two sets).
 * Returns {setPoints(points, secondPoints = null), toPNG(), toFigure(figure), destroy()}.
 */
export function createScatterChart(canvas, { xLabel = 'target', yLabel = 'prediction', identityLine = true, title = '', pointLabel = 'train examples', secondLabel = 'test examples' } = {}) {
  const colors = themeColors(canvas);
  const { ink, muted } = colors;
  const axis = (text) => ({ type: 'linear', ...axisStyle(text, colors) });

  const first = { label: pointLabel, data: [], pointStyle: 'circle', backgroundColor: classTint(0, 0.6), borderColor: classColor(0), order: 2 };
  const second = { label: secondLabel, data: [], pointStyle: 'triangle', backgroundColor: classTint(1, 0.65), borderColor: '#8a5a00', order: 1 };
  const identity = { type: 'line', label: 'y = x (perfect prediction)', data: [], borderColor: muted, backgroundColor: muted, pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0, order: 3 };
  /** Sizes the markers and lines in the current look. */
  const sizeSets = () => {
    const { line, point } = chartLook();
    Object.assign(first, { pointRadius: 4 * point, pointHoverRadius: 6 * point, borderWidth: line });
    Object.assign(second, { pointRadius: 5 * point, pointHoverRadius: 7 * point, borderWidth: line });
    Object.assign(identity, { borderWidth: 2 * line, borderDash: [8, 6].map((d) => d * Math.sqrt(line)) });
  };
  sizeSets();
  const legendLabels = () => ({
    color: ink, font: chartFont(15), usePointStyle: true, pointStyleWidth: Math.round(30 * chartLook().text), boxHeight: Math.round(10 * chartLook().text), padding: 16,
    generateLabels: (current) => current.data.datasets.map((dataset, i) => ({
      text: dataset.label, datasetIndex: i, hidden: !current.isDatasetVisible(i), fontColor: ink,
      pointStyle: dataset.type === 'line' ? 'line' : dataset.pointStyle,
      fillStyle: dataset.backgroundColor, strokeStyle: dataset.borderColor,
      lineWidth: dataset.type === 'line' ? 3 * chartLook().line : chartLook().line, lineDash: dataset.type === 'line' ? dataset.borderDash : [],
    })),
  });
  const tooltip = () => ({
    ...tooltipFonts(),
    filter: (item) => item.dataset !== identity,
    callbacks: { label: (item) => `${item.dataset.label}: ${xLabel} ${tooltipNumber(item.parsed.x)}, ${yLabel} ${tooltipNumber(item.parsed.y)}` },
  });

  const chart = new globalThis.Chart(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    options: {
      ...staticChartOptions(),
      color: ink,
      font: { family: FONT },
      layout: { padding: { top: 4, right: 12 } },
      scales: { x: axis(xLabel), y: axis(yLabel) },
      plugins: {
        title: titleOptions(title, ink),
        legend: { position: 'bottom', labels: legendLabels() },
        tooltip: tooltip(),
      },
    },
  });

  /** The look changed: fonts, markers and lines are built again, the points stay. */
  const stopRestyling = onLookChange(() => {
    sizeSets();
    for (const [name, text] of [['x', xLabel], ['y', yLabel]]) {
      const { min, max } = chart.options.scales[name];
      chart.options.scales[name] = { ...axis(text), min, max };
    }
    chart.options.plugins.legend.labels = legendLabels();
    chart.options.plugins.tooltip = tooltip();
    chart.options.plugins.title = titleOptions(title, ink);
    chart.update('none');
  });

  return {
    /**
     * Replaces the points and redraws at once. points, secondPoints: [{x: target, y: prediction}];
     * pass secondPoints (e.g. the test set) to show a second set as orange triangles. Non-finite
     * points are left out. Both axes get the same range, so y = x is the diagonal.
     */
    setPoints(points, secondPoints = null) {
      first.data = finitePoints(points);
      second.data = finitePoints(secondPoints);
      const { low, high } = sharedRange([first.data, second.data]);
      identity.data = [{ x: low, y: low }, { x: high, y: high }];
      /** @type {object[]} */
      const sets = [first];
      if (secondPoints) sets.push(second);
      if (identityLine) sets.push(identity);
      chart.data.datasets = sets;
      for (const scale of [chart.options.scales.x, chart.options.scales.y]) { scale.min = low; scale.max = high; }
      chart.update('none');
    },
    /** The chart as a PNG data URL on a white background. */
    toPNG() { return canvasToPNG(chart.canvas); },
    /** The chart as a figure for a report, at FIGURE_SCALE × its size on screen (see composeFigure). */
    toFigure(figure) { return composeFigure(chartCanvasAt(chart), figure); },
    /** Frees the chart (the canvas stays). */
    destroy() {
      stopRestyling();
      chart.destroy();
    },
  };
}
