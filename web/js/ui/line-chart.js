// A Chart.js line chart (global `Chart`) of named series of {x, y} points, optionally on log axes:
// loss or accuracy per epoch, or a sweep of final scores against a setting. Solid or dashed lines,
// legend at the bottom (or none, for a shared HTML legend), no animation; non-finite values leave
// a gap; a log x axis draws 0 at a marked place left of the smallest value. Plain data only.
import { FONT, INK, axisStyle, canvasFont, chartFont, chartLook, onLookChange, powerOfTenLabel, roundedNumber, staticChartOptions, themeColors, titleOptions, tooltipFonts, tooltipNumber } from './chart-style.js';
import { chartCanvasAt, composeFigure } from './figure-export.js';

const DASH = [9, 6];

/** A short label for a tick on a log axis: 0.001 … 1000 in decimals, 10⁻⁶ beyond. */
function logTickLabel(value) {
  const exponent = Math.log10(value);
  if (value >= 1e-3 && value < 1e4) return roundedNumber(value, 3);
  if (Math.abs(exponent - Math.round(exponent)) < 1e-9) return powerOfTenLabel(value);
  return value.toExponential(0).replace('e-', 'e−').replace('e+', 'e');
}

/**
 * Ticks on a log axis: powers of ten, with 2 and 5 between them when the range is under two
 * decades, every digit (0.5, 0.6, 0.7) when that leaves fewer than three in a narrow range, and
 * the range's ends when even that leaves fewer than two.
 */
function logTicks(min, max) {
  if (!(min > 0) || !(max > min)) return [];
  const low = Math.floor(Math.log10(min) + 1e-9);
  const high = Math.ceil(Math.log10(max) - 1e-9);
  const stride = Math.max(1, Math.ceil((high - low + 1) / 9));
  const within = (steps) => {
    const ticks = [];
    for (let e = low; e <= high; e += stride) {
      for (const m of steps) {
        const value = m * 10 ** e;
        if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push({ value: Number(value.toPrecision(6)), major: m === 1 });
      }
    }
    return ticks;
  };
  let ticks = within(high - low <= 2 ? [1, 2, 5] : [1]);
  if (ticks.length < 3 && high - low <= 1) ticks = within([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // a range narrower than one digit step (0.61 to 0.69): its two ends
  return ticks.length >= 2 ? ticks : [min, max].map((value) => ({ value, major: false }));
}

/**
 * Whether `values` (x positions, e.g. a sweep's) read best on a log axis: none negative, and the
 * positive ones spanning a factor of ten or more (0 may be among them; see zeroOnLog).
 */
export function spansDecades(values) {
  const positive = values.filter((v) => v > 0);
  return values.every((v) => v >= 0) && positive.length >= 2 && Math.max(...positive) / Math.min(...positive) >= 10;
}

/**
 * Where a log axis draws the value 0: one decade below the decade of the smallest positive
 * value (for 0, 0.001, 0.01 at 0.0001, labelled "0"), or null when there is no positive value.
 */
export function zeroOnLog(values) {
  const positive = values.filter((v) => v > 0);
  return positive.length ? 10 ** (Math.floor(Math.log10(Math.min(...positive)) + 1e-9) - 1) : null;
}

/**
 * The ticks that fit along `scale` (a Chart.js scale, before it is laid out): all of them when
 * there is room (about 64 px a label across, 24 px up), else only the powers of ten.
 */
function roomFor(scale, ticks) {
  const room = scale.isHorizontal() ? scale.maxWidth / 64 : scale.maxHeight / 24;
  return ticks.length <= room ? ticks : ticks.filter((t) => t.major);
}

/** At most this many points of a series reach Chart.js; longer series are reduced to min/max buckets. */
const MAX_DRAWN = 2000;

/**
 * A series' drawable points, and for a long series (a 100,000-epoch run) only min/max buckets:
 * each bucket of consecutive points keeps its lowest and highest value and a gap stays a gap, so
 * the line looks the same and costs the same to draw at epoch 100,000 as at epoch 1,000. Points
 * whose x is not drawable are left out; a y that is not (non-finite, or ≤ 0 on a log axis) is a
 * gap (null). Only the kept points are allocated: a long history makes no garbage per redraw.
 */
export function decimate(points, { logX = false, logY = false, maxPoints = MAX_DRAWN } = {}) {
  const source = points ?? [];
  const drawable = (p) => Number.isFinite(p?.x) && !(logX && p.x <= 0);
  const yOf = (p) => (Number.isFinite(p.y) && !(logY && p.y <= 0) ? p.y : null);
  if (source.length <= maxPoints) {
    const out = [];
    for (const p of source) if (drawable(p)) out.push({ x: p.x, y: yOf(p) });
    return out;
  }
  // at most three points a bucket (low, high, a gap), plus the first and last points of the line
  const size = Math.ceil((3 * source.length) / (maxPoints - 2));
  const out = [];
  const push = (p) => { if (out.at(-1)?.x !== p.x) out.push({ x: p.x, y: yOf(p) }); };
  const first = source.findIndex(drawable);
  if (first < 0) return out;
  push(source[first]);
  for (let start = first; start < source.length; start += size) {
    let low = null;
    let high = null;
    let gap = null;
    for (let i = start; i < Math.min(start + size, source.length); i += 1) {
      const p = source[i];
      if (!drawable(p)) continue;
      const y = yOf(p);
      if (y === null) { gap ??= p; continue; }
      if (!low || y < low.y) low = p;
      if (!high || y > high.y) high = p;
    }
    const kept = [low, high, gap].filter(Boolean).sort((a, b) => a.x - b.x);
    for (const p of kept) push(p);
  }
  let last = source.length - 1;
  while (last > 0 && !drawable(source[last])) last -= 1;
  push(source[last]);
  return out;
}

/**
 * Without point markers, a value with gaps (or nothing) on both sides still shows, as a small dot
 * of `radius`: the radius of each point (an array) when some value is alone, else 0. A number, not
 * a function of each point, lets Chart.js resolve a line's point options once instead of at every
 * point (it was most of a redraw's time with 2,000 points a line).
 */
function isolatedPointRadii(data, radius) {
  const valued = (i) => data[i] !== undefined && data[i].y !== null;
  let radii = null;
  for (let i = 0; i < data.length; i += 1) {
    if (valued(i) && !valued(i - 1) && !valued(i + 1)) {
      radii ??= new Array(data.length).fill(0);
      radii[i] = radius;
    }
  }
  return radii ?? 0;
}

/** Draws each series' point marker in the middle of its legend line (for charts with point markers). */
const legendMarkersPlugin = {
  id: 'legendMarkers',
  afterDraw(chart, _args, options) {
    const legend = chart.legend;
    if (!options.enabled || !legend?.legendItems || !legend.legendHitBoxes) return;
    const labels = legend.options.labels;
    const size = labels.font?.size ?? 14;
    const { ctx } = chart;
    legend.legendItems.forEach((item, i) => {
      const box = legend.legendHitBoxes[i];
      const dataset = chart.data.datasets[item.datasetIndex];
      if (!box || !dataset || item.hidden) return;
      const { point } = chartLook();
      ctx.save();
      ctx.fillStyle = dataset.backgroundColor;
      ctx.strokeStyle = 'white';
      ctx.lineWidth = 1.5;
      globalThis.Chart.helpers.drawPoint(ctx, { pointStyle: dataset.pointStyle, radius: 5 * point, borderWidth: 1.5, rotation: 0 },
        box.left + labels.pointStyleWidth / 2, box.top + size / 2);
      ctx.restore();
    });
  },
};

/**
 * Marks a break on the x axis at options.at (a value): two short slanted strokes across the
 * axis line, on a white gap, where a log axis jumps from its "0" to the smallest value's decade.
 */
const axisBreakPlugin = {
  id: 'xBreak',
  afterDraw(chart, _args, options) {
    if (!Number.isFinite(options?.at)) return;
    const { ctx, chartArea: area, scales } = chart;
    const x = scales.x.getPixelForValue(options.at);
    if (!(x > area.left && x < area.right)) return;
    const y = area.bottom;
    ctx.save();
    ctx.fillStyle = 'white';
    ctx.fillRect(x - 4, y - 7, 8, 14);
    ctx.strokeStyle = options.color ?? INK;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const dx of [-4, 2]) { ctx.moveTo(x + dx - 2, y + 7); ctx.lineTo(x + dx + 2, y - 7); }
    ctx.stroke();
    ctx.restore();
  },
};

/** Draws a vertical dashed line with a label at options.x (e.g. "best epoch 81"), when set. */
const markerPlugin = {
  id: 'xMarker',
  afterDatasetsDraw(chart, _args, options) {
    const { x: value, label, color = INK } = options ?? {};
    if (!Number.isFinite(value)) return;
    const { ctx, chartArea: area, scales } = chart;
    const x = scales.x.getPixelForValue(value);
    if (!(x >= area.left && x <= area.right)) return;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * chartLook().line;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x, area.top);
    ctx.lineTo(x, area.bottom);
    ctx.stroke();
    if (label) {
      ctx.setLineDash([]);
      ctx.font = canvasFont(13);
      ctx.fillStyle = color;
      const width = ctx.measureText(label).width;
      const left = x + 4 + width > area.right ? x - 4 - width : x + 4;
      ctx.textBaseline = 'top';
      ctx.fillText(label, left, area.top + 2);
    }
    ctx.restore();
  },
};

/** `canvas` as a PNG data URL on a white background (a chart's canvas itself is transparent). */
export function canvasToPNG(canvas) {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, copy.width, copy.height);
  ctx.drawImage(canvas, 0, 0);
  return copy.toDataURL('image/png');
}

/**
 * A line chart on `canvas` (put it in an element with a height, e.g. <div class="chart-frame">).
 * Options: xLabel, yLabel (axis titles), logX, logY (log axes; values ≤ 0 are left out), yMin,
 * yMax (fixed y range, e.g. 0 and 1 for accuracy), integerX (whole-number ticks, e.g. epochs),
 * showPoints (point markers on every value), title, legend (false: no legend on the canvas, for
 * an HTML legend beside it). On a log x axis, x = 0 is drawn at zeroOnLog's place, with a "0"
 * tick and a break mark on the axis. `categories` (names) makes x a list of categories: a point's
 * x is the index of its category, each tick is one name, and half a step is left at both ends.
 * Returns {setSeries(series), setYAxis(axis), setMarker(marker), toPNG(), toFigure(figure), destroy()}.
 * @param canvas
 * @param {{ xLabel?: string, yLabel?: string, logX?: boolean, logY?: boolean, yMin?: number, yMax?: number,
 *   integerX?: boolean, showPoints?: boolean, title?: string, legend?: boolean, categories?: string[] }} [options]
 */
export function createLineChart(canvas, { xLabel = '', yLabel = '', logX = false, logY = false, yMin, yMax, integerX = false, showPoints = false, title = '', legend = true, categories = null } = {}) {
  const colors = themeColors(canvas);
  const { ink } = colors;
  /** The y axis as last set: its title, log scale, and fixed ends (undefined: fitted to the data). */
  let yAxis = { title: yLabel, log: logY, min: yMin, max: yMax };
  let lastSeries = [];

  /** @returns {Record<string, any>} a Chart.js scale's options, which min, max and ticks.precision extend */
  const axis = (log, label) => {
    const style = axisStyle(label, colors);
    return {
      type: log ? 'logarithmic' : 'linear',
      ...style,
      ticks: { ...style.ticks, ...(log ? { autoSkip: false, callback: logTickLabel } : {}) },
      ...(log ? { afterBuildTicks: (scale) => { scale.ticks = roomFor(scale, logTicks(scale.min, scale.max)); } } : {}),
    };
  };
  let zeroAt = null; // where a log x axis draws 0 (null: no 0 among the values)
  const isZero = (value) => zeroAt !== null && Math.abs(value / zeroAt - 1) < 1e-9;
  const xScale = () => {
    const x = axis(logX, xLabel);
    if (categories) {
      Object.assign(x, { min: -0.5, max: categories.length - 0.5 });
      // one tick per category, at its index, named
      x.afterBuildTicks = (scale) => { scale.ticks = categories.map((_, value) => ({ value })); };
      x.ticks.callback = (value) => categories[value] ?? '';
      return x;
    }
    if (integerX && !logX) x.ticks.precision = 0;
    if (logX) {
      x.ticks.callback = (value) => (isZero(value) ? '0' : logTickLabel(value));
      // no ticks between the "0" and the smallest value's decade: that stretch stands for the break
      x.afterBuildTicks = (scale) => {
        scale.ticks = roomFor(scale, logTicks(scale.min, scale.max).filter((t) => zeroAt === null || isZero(t.value) || t.value >= zeroAt * 10 * (1 - 1e-9)));
      };
    }
    return x;
  };
  const yScale = () => {
    const y = axis(yAxis.log, yAxis.title);
    if (yAxis.min !== undefined) y.min = yAxis.min;
    if (yAxis.max !== undefined) y.max = yAxis.max;
    return y;
  };
  /** The legend's labels in the current look. */
  const legendLabels = () => ({
    color: ink,
    font: chartFont(15),
    usePointStyle: true,
    pointStyleWidth: Math.round(38 * chartLook().text),
    boxHeight: Math.round(10 * chartLook().text),
    padding: 16,
    generateLabels: (current) => current.data.datasets.map((dataset, i) => ({
      text: dataset.label,
      datasetIndex: i,
      hidden: !current.isDatasetVisible(i),
      fontColor: ink,
      pointStyle: 'line',
      strokeStyle: dataset.borderColor,
      fillStyle: dataset.borderColor,
      lineWidth: Math.max(3 * chartLook().line, dataset.borderWidth),
      lineDash: dataset.borderDash,
      lineCap: 'butt',
    })),
  });
  const tooltip = () => ({
    ...tooltipFonts(),
    callbacks: {
      title: (items) => {
        if (!items.length) return '';
        const x = items[0].parsed.x;
        return `${xLabel ? `${xLabel}: ` : ''}${categories ? categories[x] : isZero(x) ? '0' : tooltipNumber(x)}`;
      },
      label: (item) => `${item.dataset.label}: ${tooltipNumber(item.parsed.y)}`,
    },
  });

  const chart = new globalThis.Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    plugins: [legendMarkersPlugin, markerPlugin, axisBreakPlugin],
    options: {
      ...staticChartOptions(),
      normalized: true,
      color: ink,
      font: { family: FONT },
      interaction: { mode: 'x', intersect: false },
      layout: { padding: { top: 4, right: 12 } },
      scales: { x: xScale(), y: yScale() },
      plugins: {
        title: titleOptions(title, ink),
        legend: { display: legend, position: 'bottom', labels: legendLabels() },
        legendMarkers: { enabled: showPoints },
        xMarker: {},
        xBreak: {},
        tooltip: tooltip(),
      },
    },
  });

  /**
   * Replaces the series and redraws at once (no animation; cheap enough to call every 100 ms).
   * series: [{label, points: [{x, y}], color, dashed = false, width = 2, pointStyle = 'circle',
   * openPoints = false (markers white inside), hidden = false, spanGaps = false}]; widths and marker
   * sizes are those of the normal look, scaled by the current one. Points whose x or y is not finite
   * (or ≤ 0 on a log axis, except x = 0 on a log x axis) are left out as a gap in the line, or with
   * spanGaps joined across (a series measured at some x only); a hidden series is not drawn.
   */
  function setSeries(series) {
    lastSeries = series;
    const { line, point } = chartLook();
    const datasets = chart.data.datasets;
    datasets.length = Math.min(datasets.length, series.length);
    zeroAt = null;
    if (logX && series.some((s) => s.points.some((p) => p.x === 0))) zeroAt = zeroOnLog(series.flatMap((s) => s.points.map((p) => p.x)));
    const breakAt = zeroAt === null ? undefined : zeroAt * Math.sqrt(10);
    if (chart.options.plugins.xBreak?.at !== breakAt) chart.options.plugins.xBreak = { at: breakAt };
    series.forEach((s, i) => {
      const points = zeroAt === null ? s.points : s.points.map((p) => (p.x === 0 ? { x: zeroAt, y: p.y } : p));
      const data = decimate(points, { logX, logY: yAxis.log });
      const dataset = datasets[i] ?? (datasets[i] = {});
      Object.assign(dataset, {
        label: s.label,
        data,
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: (s.width ?? 2) * line,
        borderDash: s.dashed ? DASH.map((d) => d * Math.sqrt(line)) : [],
        pointStyle: s.pointStyle ?? 'circle',
        pointRadius: showPoints ? 5 * point : isolatedPointRadii(data, 3 * point),
        pointBackgroundColor: showPoints && s.openPoints ? 'white' : s.color,
        pointBorderColor: showPoints && !s.openPoints ? 'white' : s.color,
        pointBorderWidth: showPoints ? (s.openPoints ? 2 : 1.5) * Math.sqrt(line) : 0,
        pointHoverRadius: (showPoints ? 7 : 4) * point,
        pointHitRadius: 6 * point,
        spanGaps: Boolean(s.spanGaps),
        tension: 0,
        hidden: Boolean(s.hidden),
        // a point marker at the edge of the plot is drawn whole
        clip: showPoints ? 10 * point : undefined,
      });
    });
    chart.update('none');
  }

  /** The look changed: fonts, widths and markers are built again, the data stays. */
  const stopRestyling = onLookChange(() => {
    Object.assign(chart.options.scales, { x: xScale(), y: yScale() });
    chart.options.plugins.legend.labels = legendLabels();
    chart.options.plugins.tooltip = tooltip();
    chart.options.plugins.title = titleOptions(title, ink);
    setSeries(lastSeries);
  });

  return {
    setSeries,
    /**
     * Changes the y axis: {title, log, min, max} (min and max undefined: fitted to the data); the
     * series are drawn again for the new axis.
     * @param {{ title?: string, log?: boolean, min?: number, max?: number }} [axisOptions]
     */
    setYAxis({ title: text = yAxis.title, log = yAxis.log, min, max } = {}) {
      const next = { title: text, log, min, max };
      if (Object.keys(next).every((key) => next[key] === yAxis[key])) return;
      yAxis = next;
      chart.options.scales.y = yScale();
      setSeries(lastSeries);
    },
    /** A vertical marker {x, label} on the x axis (null: none), e.g. the restored best epoch. */
    setMarker(marker) {
      const options = chart.options.plugins.xMarker;
      if ((marker?.x ?? null) === (options.x ?? null) && (marker?.label ?? '') === (options.label ?? '')) return;
      chart.options.plugins.xMarker = { x: marker?.x, label: marker?.label };
      chart.update('none');
    },
    /** The chart as a PNG data URL ('data:image/png;base64,…') on a white background. */
    toPNG() { return canvasToPNG(chart.canvas); },
    /**
     * The chart as a figure for a report (a PNG data URL at FIGURE_SCALE × its size on screen):
     * {title, legend: [{label, color}], key: [{label, dashed, marker}], notes: [text], settings}
     * drawn around it (see composeFigure).
     */
    toFigure(figure) { return composeFigure(chartCanvasAt(chart), figure); },
    /** Frees the chart (the canvas stays). */
    destroy() {
      stopRestyling();
      chart.destroy();
    },
  };
}
