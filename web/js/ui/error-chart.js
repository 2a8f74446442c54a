// A Chart.js line chart (global `Chart`) of errors on a log axis against k, where each step of k
// halves the perturbation: named series, dashed reference lines of a given slope through a given
// point, and a shaded band over the points from `floorIndex` on. It knows nothing of networks.
import { FONT, axisStyle, chartFont, chartLook, onLookChange, powerOfTenLabel, staticChartOptions, tooltipFonts } from './chart-style.js';

/** Ticks at the powers of ten from min to max, every second or third one when there are many. */
function powerOfTenTicks(min, max, most = 10) {
  const low = Math.ceil(Math.log10(min) - 1e-9);
  const high = Math.floor(Math.log10(max) + 1e-9);
  const stride = Math.max(1, Math.ceil((high - low + 1) / most));
  const ticks = [];
  for (let exponent = high; exponent >= low; exponent -= stride) ticks.push({ value: 10 ** exponent, major: true });
  return ticks.reverse();
}

/** A tick at every whole number from min to max (Chart.js then skips labels that do not fit). */
function integerTicks(min, max) {
  const ticks = [];
  for (let value = Math.ceil(min); value <= max; value += 1) ticks.push({ value });
  return ticks;
}

/** A short dashed line in `color`, drawn on a small canvas: the legend symbol of a reference line, `scale` times as thick. */
function dashedLineSymbol(color, scale = 1) {
  const symbol = document.createElement('canvas');
  symbol.width = Math.round(20 * Math.sqrt(scale));
  symbol.height = Math.round(6 * scale);
  const ctx = symbol.getContext('2d');
  ctx.strokeStyle = color;
  ctx.lineWidth = 3 * scale;
  ctx.setLineDash([5, 3].map((d) => d * Math.sqrt(scale)));
  ctx.beginPath();
  ctx.moveTo(0, symbol.height / 2);
  ctx.lineTo(symbol.width, symbol.height / 2);
  ctx.stroke();
  return symbol;
}

/** Points of a line of `slope` through `anchor` when each step of x halves ε: y = y₀ · 2^(−slope·(x − x₀)). */
function referencePoints(xs, slope, anchor) {
  return xs.map((x) => ({ x, y: anchor.y * 2 ** (-slope * (x - anchor.x)) }));
}

/** Whether a value can sit on the log axis: a finite number above 0 (others are left out). */
const onLogAxis = (v) => Number.isFinite(v) && v > 0;

/** The powers of ten just below and above the positive values of every series (reference lines are clipped to it). */
function logRange(series) {
  const positive = series.flatMap((s) => Array.from(s.values).filter(onLogAxis));
  if (!positive.length) return { min: undefined, max: undefined };
  const low = Math.floor(Math.log10(Math.min(...positive)));
  return { min: 10 ** low, max: 10 ** Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive)))) };
}

/** Shades the plot from half a step before x = from to the right edge. */
const floorBandPlugin = {
  id: 'floorBand',
  beforeDatasetsDraw(chart, _args, options) {
    if (!Number.isFinite(options.from)) return;
    const { ctx, chartArea, scales } = chart;
    const left = Math.max(chartArea.left, scales.x.getPixelForValue(options.from - 0.5));
    if (left >= chartArea.right) return;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.fillRect(left, chartArea.top, chartArea.right - left, chartArea.bottom - chartArea.top);
    ctx.restore();
  },
};

/**
 * A chart on `canvas`. Options: xTitle, yTitle, floorLabel (the band's legend entry), xTooltip(x)
 * → text, colors {ink, muted, grid, floor}. Returns {update({x, series, references, floorIndex}),
 * destroy()}: series are [{label, values, color, pointStyle}] (values ≤ 0 or not finite are left out
 * of the log axis), references [{label, slope, anchor: {x, y}, color}] (not drawn when y is not on it).
 */
export function createErrorChart(canvas, { xTitle, yTitle, floorLabel, xTooltip = (x) => `k = ${x}`, colors }) {
  // axis titles a size larger than the line chart's, and Chart.js's own axis line
  const axis = (title) => axisStyle(title, colors, { titleSize: 17, border: false });
  const xScale = () => ({
    type: 'linear',
    ...axis(xTitle),
    afterBuildTicks: (scale) => { scale.ticks = integerTicks(scale.min, scale.max); },
  });
  const yScale = () => {
    const style = axis(yTitle);
    return {
      type: 'logarithmic',
      ...style,
      ticks: { ...style.ticks, autoSkip: false, callback: powerOfTenLabel },
      afterBuildTicks: (scale) => { scale.ticks = powerOfTenTicks(scale.min, scale.max); },
    };
  };
  const legendLabels = () => ({
    color: colors.ink,
    font: chartFont(15),
    usePointStyle: true,
    boxHeight: Math.round(12 * chartLook().text),
    padding: 14,
    sort: (a, b) => (a.datasetIndex ?? Infinity) - (b.datasetIndex ?? Infinity),
    generateLabels: (current) => {
      const items = globalThis.Chart.defaults.plugins.legend.labels.generateLabels(current);
      const band = current.options.plugins.floorBand;
      if (!Number.isFinite(band.from)) return items;
      return [...items, { text: band.label, fillStyle: band.color, strokeStyle: colors.muted, lineWidth: 1, pointStyle: 'rect', fontColor: colors.ink, hidden: false }];
    },
  });
  const tooltip = () => ({
    ...tooltipFonts(),
    callbacks: {
      title: (items) => (items.length ? xTooltip(items[0].parsed.x) : ''),
      label: (item) => `${item.dataset.label}: ${item.parsed.y.toExponential(2)}`,
    },
  });
  const chart = new globalThis.Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    plugins: [floorBandPlugin],
    options: {
      ...staticChartOptions(),
      interaction: { mode: 'nearest', intersect: false },
      font: { family: FONT },
      scales: { x: xScale(), y: yScale() },
      plugins: {
        floorBand: { from: null, color: colors.floor, label: floorLabel },
        legend: { position: 'top', onClick: null, labels: legendLabels() },
        tooltip: tooltip(),
      },
    },
  });
  let last = null;

  /** Replaces the data and redraws at once. */
  function update({ x, series, references = [], floorIndex = null }) {
    last = { x, series, references, floorIndex };
    const { line, point } = chartLook();
    const lines = series.map((s) => ({
      label: s.label,
      data: x.map((k, i) => ({ x: k, y: onLogAxis(s.values[i]) ? s.values[i] : null })),
      borderColor: s.color,
      backgroundColor: s.color,
      pointStyle: s.pointStyle,
      pointRadius: 5 * point,
      pointHoverRadius: 7 * point,
      borderWidth: 3 * line,
      spanGaps: false,
    }));
    const guides = references.filter((r) => onLogAxis(r.anchor.y)).map((r) => ({
      label: r.label,
      data: referencePoints(x, r.slope, r.anchor),
      borderColor: r.color,
      backgroundColor: r.color,
      borderDash: [8, 6].map((d) => d * Math.sqrt(line)),
      borderWidth: 2 * line,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: dashedLineSymbol(r.color, line),
      order: -1, // drawn over the series, so a series that follows its reference shows it
    }));
    chart.data.datasets = [...lines, ...guides];
    chart.options.scales.x.min = x[0] - 0.5;
    chart.options.scales.x.max = x[x.length - 1] + 0.5;
    Object.assign(chart.options.scales.y, logRange(series));
    const floor = floorIndex !== null && floorIndex < x.length ? x[floorIndex] : null;
    chart.options.plugins.floorBand.from = floor;
    chart.update('none');
  }

  /** The look changed: fonts, widths and markers are built again, the data stays. */
  const stopRestyling = onLookChange(() => {
    Object.assign(chart.options.scales, { x: xScale(), y: yScale() });
    chart.options.plugins.legend.labels = legendLabels();
    chart.options.plugins.tooltip = tooltip();
    if (last) update(last);
    else chart.update('none');
  });

  return {
    update,
    /** Frees the chart (the canvas stays). */
    destroy() {
      stopRestyling();
      chart.destroy();
    },
  };
}
