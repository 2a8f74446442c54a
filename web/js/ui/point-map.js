// A 2-D map of points on a canvas: labelled points (filled = train, ring = validation, square =
// test, a cross over flagged ones) over an optional shaded grid of model outputs (the decision
// boundary, or a value on a diverging scale), with axes, ticks and a small legend. Crisp on HiDPI
// screens and cheap enough to redraw a few times a second.
import { classColor, classTintRGB, divergingRGB, divergingColor } from './palette.js';
import { INK, MUTED, canvasFont, chartLook, niceStep, onLookChange, roundedNumber } from './chart-style.js';

const LEGEND_ROW = 24; // px at the normal look
/**
 * How far a cell's tint goes from white towards its class colour: TINT_STRENGTH where the model is
 * sure, falling as the square root of its sureness, to white where it cannot decide. Strong enough
 * to read on a projector; the points keep a dark outline so that they stand out on their own colour.
 */
export const TINT_STRENGTH = 0.8;
const VALUE_STRENGTH = 0.7; // the same for the regression scale
/** The tint's strength for a sureness in [0, 1] (0: cannot decide, 1: sure). */
export const tintStrength = (sureness) => TINT_STRENGTH * Math.sqrt(Math.min(1, Math.max(0, sureness)));

/** Per-canvas state: the offscreen grid canvas, the measured CSS size and the resize observer. */
const states = new WeakMap();

/** About `count` round tick values between min and max. */
function ticks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const step = niceStep((max - min) / count);
  const values = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return values.map((v) => ({ value: v, text: roundedNumber(v, 6) }));
}

/** A short label for a value on the colour bar. */
const valueText = (v) => roundedNumber(v, 3);

/** The smallest and largest finite numbers of `values` (or null when there are none). */
function finiteRange(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { if (v < low) low = v; if (v > high) high = v; }
  return Number.isFinite(low) ? [low, high] : null;
}

/**
 * Fills `image` (resolution × resolution RGBA) from the grid: the argmax class's tint, stronger the
 * surer the model is (white where it cannot decide), or for regression the value's diverging colour.
 */
function paintGrid(image, grid, regression, valueRange) {
  const { resolution, outputs, values } = grid;
  const pixels = image.data;
  const [low, high] = valueRange;
  const span = high - low || 1;
  for (let cell = 0; cell < resolution * resolution; cell += 1) {
    const base = cell * outputs;
    let rgb;
    if (regression) {
      const v = values[base];
      rgb = Number.isFinite(v) ? divergingRGB((v - low) / span).map((c) => 255 + (c - 255) * VALUE_STRENGTH) : [235, 235, 235];
    } else if (outputs === 1) {
      const p = values[base];
      rgb = Number.isFinite(p) ? classTintRGB(p >= 0.5 ? 1 : 0, tintStrength(Math.abs(p - 0.5) * 2)) : [235, 235, 235];
    } else {
      let best = 0;
      for (let k = 1; k < outputs; k += 1) if (values[base + k] > values[base + best]) best = k;
      const p = values[base + best];
      const sureness = (p - 1 / outputs) / (1 - 1 / outputs);
      rgb = Number.isFinite(p) ? classTintRGB(best, tintStrength(sureness)) : [235, 235, 235];
    }
    const o = cell * 4;
    pixels[o] = rgb[0];
    pixels[o + 1] = rgb[1];
    pixels[o + 2] = rgb[2];
    pixels[o + 3] = 255;
  }
}

/** The marker kinds, drawn in this order: filled dots, then rings, then hollow squares on top. */
const KINDS = ['train', 'validation', 'test'];
const kindOf = (p) => (KINDS.includes(p.kind) ? p.kind : 'train');

/**
 * Draws a train marker (a filled dot), a validation marker (a ring) or a test marker (a hollow
 * square) of radius `r` in colour `fill`. Each has a dark outline, in proportion to its size, so it
 * stays readable on a strong tint of its own colour; rings and squares are open, so the tint under
 * them shows.
 */
function drawMarker(ctx, x, y, r, kind, fill) {
  const edge = Math.max(1, 0.2 * r);
  ctx.beginPath();
  if (kind === 'validation' || kind === 'test') {
    const band = Math.max(2, 0.45 * r);
    const size = r - band / 2; // the middle of the coloured band
    if (kind === 'test') ctx.rect(x - size, y - size, 2 * size, 2 * size);
    else ctx.arc(x, y, size, 0, 2 * Math.PI);
    ctx.lineWidth = band + 2 * edge;
    ctx.strokeStyle = INK;
    ctx.stroke();
    ctx.lineWidth = band;
    ctx.strokeStyle = fill;
    ctx.stroke();
  } else {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.lineWidth = edge;
    ctx.strokeStyle = INK;
    ctx.stroke();
  }
}

/** A cross over a flagged point: dark strokes with a white halo, a little larger than the marker. */
function drawCross(ctx, x, y, r) {
  const s = r + 2.5;
  ctx.beginPath();
  ctx.moveTo(x - s, y - s);
  ctx.lineTo(x + s, y + s);
  ctx.moveTo(x + s, y - s);
  ctx.lineTo(x - s, y + s);
  ctx.lineCap = 'round';
  ctx.lineWidth = 4.5;
  ctx.strokeStyle = 'white';
  ctx.stroke();
  ctx.lineWidth = 2.2;
  ctx.strokeStyle = INK;
  ctx.stroke();
  ctx.lineCap = 'butt';
}

/** Lays out legend items [{width, draw(x, y)}] in rows of `rowHeight` across `width`; returns the rows' height. */
function layoutLegend(items, width, rowHeight) {
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    if (x > 0 && x + item.width > width) { x = 0; row += 1; }
    const at = { item, x, row };
    x += item.width + 22;
    return at;
  });
  return { placed, height: items.length ? (row + 1) * rowHeight : 0 };
}

/** The CSS size of the canvas: its laid-out size, else the last one measured, else its attributes. */
function cssSize(canvas, state) {
  if (canvas.clientWidth > 0 && canvas.clientHeight > 0) return { width: canvas.clientWidth, height: canvas.clientHeight };
  return state.size ?? { width: canvas.width, height: canvas.height };
}

/**
 * Draws a point map on `canvas` (size it with CSS; class "point-map" in charts.css makes it a
 * full-width square). Everything is in data units:
 *   xMin, xMax, yMin, yMax: the plotted range
 *   points: [{x, y, label, kind: 'train' | 'validation' | 'test', flagged}]; label is a class
 *     index, or with `regression` a value (coloured on the same diverging scale as the grid);
 *     flagged points get a cross on top
 *   flagLabel: what a cross means, for the legend (default 'flagged'; shown when a point is flagged)
 *   classes: class names for the legend (or how many classes there are: 'class 0', …);
 *     classification only
 *   grid (optional): {resolution, outputs, values}; values holds resolution × resolution × outputs
 *     numbers, row by row from the top (row 0 at y = yMax), each cell's value at its centre.
 *     outputs 1: the probability of class 1 (or, with `regression`, a value); outputs > 1:
 *     class probabilities. Cells take the likeliest class's tint, pale where the model is unsure.
 *   xLabel, yLabel: axis titles; regression: colour labels and grid as values, not classes
 *   valueRange: [low, high] of the diverging scale (default: the range of the grid and the labels)
 *   valueLabel: the name of the value in the legend's colour bar (regression; default 'value')
 *   description: the canvas's aria-label (default: a sentence made from the counts)
 *   pixelRatio: canvas pixels per CSS pixel (default: the screen's), e.g. 2 for an exported figure
 * The canvas keeps its axis titles and the number of flagged points in data-x-label, data-y-label
 * and data-flagged. Redraws by itself when the canvas is resized or the look (chart-style.js)
 * changes. Returns {plot: {left, top, width, height}, toPixel(x, y) → {x, y}}: the plot area and a
 * data point's position, in CSS pixels of the canvas.
 */
export function drawPointMap(canvas, options) {
  const {
    xMin, xMax, yMin, yMax, points = [], grid = null,
    xLabel = 'x₁', yLabel = 'x₂', regression = false, valueRange = null, valueLabel = 'value', description = null,
    flagLabel = 'flagged',
  } = options;
  const classes = typeof options.classes === 'number'
    ? Array.from({ length: options.classes }, (_, i) => `class ${i}`) : (options.classes ?? []);
  const state = states.get(canvas) ?? {};
  states.set(canvas, state);
  state.options = options;

  const size = cssSize(canvas, state);
  state.size = size;
  const ratio = options.pixelRatio ?? (globalThis.devicePixelRatio || 1);
  const pixelWidth = Math.max(1, Math.round(size.width * ratio));
  const pixelHeight = Math.max(1, Math.round(size.height * ratio));
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  watchSize(canvas, state, size);

  // sizes at the normal look, scaled: by t the text and its room, by `point` the markers
  const { text: t, point } = chartLook();
  const [tickFont, titleFont, legendFont, legendRow] = [canvasFont(14), canvasFont(15), canvasFont(14), LEGEND_ROW * t];
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, size.width, size.height);

  const gridOk = grid && grid.resolution > 0 && grid.outputs > 0 && grid.values?.length === grid.resolution * grid.resolution * grid.outputs;
  const labels = points.map((p) => p.label);
  const range = valueRange ?? finiteRange([...(regression && gridOk ? grid.values : []), ...(regression ? labels : [])]) ?? [0, 1];
  const scale = (v) => (range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0.5);

  // legend: the two markers, then the classes' colours or the value scale
  const kinds = new Set(points.map(kindOf));
  ctx.font = legendFont;
  const markerItem = (kind, text) => ({
    width: 20 * t + ctx.measureText(text).width,
    draw(x, y) { drawMarker(ctx, x + 7 * t, y, 6 * t, kind, '#7b8494'); ctx.fillStyle = INK; ctx.fillText(text, x + 20 * t, y); },
  });
  const items = [];
  for (const kind of KINDS) if (kinds.has(kind)) items.push(markerItem(kind, kind));
  const flagged = points.filter((p) => p.flagged && Number.isFinite(p.x) && Number.isFinite(p.y));
  if (flagged.length) {
    items.push({
      width: 22 + ctx.measureText(flagLabel).width,
      draw(x, y) { drawCross(ctx, x + 7, y, 4); ctx.fillStyle = INK; ctx.fillText(flagLabel, x + 22, y); },
    });
  }
  if (regression) {
    const [low, high] = range.map(valueText);
    const lowText = `${valueLabel} ${low}`;
    const highText = high;
    const lowWidth = ctx.measureText(lowText).width;
    items.push({
      width: lowWidth + 112 + ctx.measureText(highText).width,
      draw(x, y) {
        ctx.fillStyle = INK;
        ctx.fillText(lowText, x, y);
        const bar = ctx.createLinearGradient(x + lowWidth + 6, 0, x + lowWidth + 106, 0);
        for (const stop of [0, 0.25, 0.5, 0.75, 1]) bar.addColorStop(stop, divergingColor(stop));
        ctx.fillStyle = bar;
        ctx.fillRect(x + lowWidth + 6, y - 6, 100, 12);
        ctx.strokeStyle = MUTED;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + lowWidth + 6, y - 6, 100, 12);
        ctx.fillStyle = INK;
        ctx.fillText(highText, x + lowWidth + 112, y);
      },
    });
  } else {
    classes.forEach((name, i) => items.push({
      width: 18 * t + ctx.measureText(String(name)).width,
      draw(x, y) {
        ctx.fillStyle = classColor(i);
        ctx.fillRect(x, y - 6 * t, 12 * t, 12 * t);
        ctx.fillStyle = INK;
        ctx.fillText(String(name), x + 18 * t, y);
      },
    }));
  }

  // plot area: room for the legend above, tick labels and titles left and below
  ctx.font = tickFont;
  const xTicks = ticks(xMin, xMax, Math.max(2, Math.round(size.width / (110 * t))));
  // (counted on the width, as the square plot's height follows it: the layout never depends on the height it asks for)
  const yTicks = ticks(yMin, yMax, Math.max(2, Math.round(size.width / (90 * t))));
  const yTickWidth = Math.max(...yTicks.map((tick) => ctx.measureText(tick.text).width));
  const margin = 30 * t + yTickWidth + 10;
  const right = 14;
  const legend = layoutLegend(items, size.width - margin - right, legendRow);
  const top = legend.height ? legend.height + 12 : 12;
  const bottom = 52 * t;
  // the plot is a square (one unit is as long on both axes): the canvas asks for the height that
  // holds it under the legend, and where it gets less the square shrinks and moves to the middle
  const room = { width: size.width - margin - right, height: size.height - top - bottom };
  const wanted = `${Math.round(size.width)} / ${Math.round(top + room.width + bottom)}`;
  if (canvas.classList.contains('point-map') && canvas.style.aspectRatio !== wanted) canvas.style.aspectRatio = wanted;
  const side = Math.max(10, Math.min(room.width, room.height));
  const left = margin + Math.max(0, (room.width - side) / 2);
  const plot = { left, top, width: side, height: side };
  const toX = (x) => plot.left + ((x - xMin) / (xMax - xMin)) * plot.width;
  const toY = (y) => plot.top + ((yMax - y) / (yMax - yMin)) * plot.height;

  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = legendFont;
  for (const { item, x, row } of legend.placed) item.draw(margin + x, 6 + row * legendRow + legendRow / 2 - 4);

  // the grid, drawn from a resolution × resolution offscreen canvas, smoothly scaled
  if (gridOk) {
    const n = grid.resolution;
    if (!state.offscreen || state.offscreen.width !== n) {
      state.offscreen = document.createElement('canvas');
      state.offscreen.width = n;
      state.offscreen.height = n;
      state.image = new ImageData(n, n);
    }
    paintGrid(state.image, grid, regression, range);
    state.offscreen.getContext('2d').putImageData(state.image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(state.offscreen, plot.left, plot.top, plot.width, plot.height);
  }

  // light grid lines, frame, ticks and titles
  ctx.lineWidth = 1;
  ctx.strokeStyle = gridOk ? 'rgba(29, 35, 48, 0.10)' : '#e6e9ee';
  ctx.beginPath();
  for (const tick of xTicks) { const x = Math.round(toX(tick.value)) + 0.5; ctx.moveTo(x, plot.top); ctx.lineTo(x, plot.top + plot.height); }
  for (const tick of yTicks) { const y = Math.round(toY(tick.value)) + 0.5; ctx.moveTo(plot.left, y); ctx.lineTo(plot.left + plot.width, y); }
  ctx.stroke();
  ctx.strokeStyle = MUTED;
  ctx.strokeRect(Math.round(plot.left) + 0.5, Math.round(plot.top) + 0.5, Math.round(plot.width) - 1, Math.round(plot.height) - 1);

  ctx.fillStyle = INK;
  ctx.font = tickFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of xTicks) ctx.fillText(tick.text, toX(tick.value), plot.top + plot.height + 6);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of yTicks) ctx.fillText(tick.text, plot.left - 8, toY(tick.value));
  ctx.font = titleFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, plot.left + plot.width / 2, plot.top + plot.height + bottom - 6);
  ctx.save();
  ctx.translate(plot.left - margin + 14 * t, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();

  // points: train first, held-out on top; clipped to the plot
  // larger markers in a larger look, but never so large that a dense cloud hides the tint under it
  const spacing = Math.sqrt((plot.width * plot.height) / Math.max(1, points.length));
  const radius = Math.max(2.5, Math.min(Math.max(3, Math.min(6, plot.width / 90)) * (points.length > 600 ? 0.75 : 1) * point, 0.4 * spacing));
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  for (const kind of KINDS) {
    for (const p of points) {
      if (kindOf(p) !== kind || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      const fill = regression ? divergingColor(scale(p.label)) : classColor(p.label);
      drawMarker(ctx, toX(p.x), toY(p.y), radius, kind, fill);
    }
  }
  for (const p of flagged) drawCross(ctx, toX(p.x), toY(p.y), radius);
  ctx.restore();

  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description ?? describe(points, classes, gridOk, regression, flagged.length, flagLabel));
  canvas.dataset.xLabel = xLabel;
  canvas.dataset.yLabel = yLabel;
  canvas.dataset.flagged = String(flagged.length);
  return { plot, toPixel: (x, y) => ({ x: toX(x), y: toY(y) }) };
}

/** A sentence for screen readers from the counts. */
function describe(points, classes, gridOk, regression, flagged, flagLabel) {
  const count = (kind) => points.filter((p) => kindOf(p) === kind).length;
  const held = [['validation', 'rings'], ['test', 'hollow squares']].filter(([kind]) => count(kind)).map(([kind, shape]) => `, ${count(kind)} ${kind} as ${shape}`).join('');
  const parts = [`Scatter plot of ${points.length} points (${count('train')} training as filled dots${held})`];
  if (!regression && classes.length) parts.push(`coloured by class: ${classes.join(', ')}`);
  if (flagged) parts.push(`${flagged} marked with a cross as ${flagLabel}`);
  if (regression) parts.push('coloured by value from blue (low) to red (high)');
  if (gridOk) parts.push(regression ? 'the background shows the predicted value' : 'the shaded background shows the predicted class, paler where the model is unsure');
  return `${parts.join('; ')}.`;
}

/** Redraws with the last options when the look changes, and when the canvas's CSS size changes (once per frame at most). */
function watchSize(canvas, state, size) {
  // (a canvas on the page: a detached copy drawn for an export is drawn once)
  if (canvas.isConnected) state.lookWatch ??= onLookChange(() => drawPointMap(canvas, state.options));
  if (state.observer || typeof ResizeObserver === 'undefined') return;
  // a canvas not sized by CSS would grow with its pixel size: pin it to the size it has now
  if (canvas.clientWidth > 0 && Math.abs(canvas.clientWidth - canvas.width) < 1 && (globalThis.devicePixelRatio || 1) !== 1) {
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
  }
  state.observer = new ResizeObserver(() => {
    const { clientWidth: width, clientHeight: height } = canvas;
    if (!width || !height || (width === state.size?.width && height === state.size?.height) || state.pending) return;
    state.pending = requestAnimationFrame(() => { state.pending = 0; drawPointMap(canvas, state.options); });
  });
  state.observer.observe(canvas);
}
