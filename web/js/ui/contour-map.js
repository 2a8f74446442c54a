// A contour map of a function sampled on a grid: the colour of every pixel interpolated between
// the four samples around it on a sequential scale (log when every value is above 0), contour
// lines at evenly spaced levels of that scale (marching squares), a colour key with its ends, and
// a path drawn over it with its start and end marked. Plain numbers; it knows no network.
import { themeColors, canvasFont } from './chart-style.js';
import { formatApart, formatSignificant } from './format.js';

/** Stops of the sequential scale, low to high (after matplotlib's viridis: dark is low). */
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const UNDEFINED_RGB = [160, 160, 160]; // a NaN or infinite value
const MARGIN = { left: 56, right: 76, top: 10, bottom: 44 }; // CSS pixels around the plot (the key on the right)
const KEY = { width: 14, gap: 12 };
const LARGEST = 560; // the widest plot, CSS pixels

/** [r, g, b] of t ∈ [0, 1] on the sequential scale. */
export function sequentialRGB(t) {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - k;
  return STOPS[k].map((a, c) => a + f * (STOPS[k + 1][c] - a));
}

/**
 * The scale of `values`: t(v) ∈ [0, 1] from the smallest finite value to the largest, on a log
 * axis when the smallest is above 0 and the range spans more than a factor of 10; value(t) is its inverse.
 */
export function valueScale(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi >= lo)) return { lo: NaN, hi: NaN, log: false, t: () => NaN, value: () => NaN };
  const log = lo > 0 && hi / lo > 10;
  const f = log ? Math.log : (v) => v;
  const inverse = log ? Math.exp : (v) => v;
  const a = f(lo);
  const span = f(hi) - a || 1;
  return { lo, hi, log, t: (v) => (Number.isFinite(v) ? (f(v) - a) / span : NaN), value: (t) => inverse(a + t * span) };
}

/**
 * The contour segments of the grid `t` (nx × ny, t[j * nx + i], samples at integer coordinates)
 * at `level`, by marching squares with linear interpolation along the edges: [[x0, y0, x1, y1]] in
 * grid coordinates. A cell with a NaN corner has none; a saddle is split by its centre's mean.
 */
export function contourSegments(t, nx, ny, level) {
  const segments = [];
  for (let j = 0; j + 1 < ny; j += 1) {
    for (let i = 0; i + 1 < nx; i += 1) {
      const a = t[j * nx + i]; // (i, j)
      const b = t[j * nx + i + 1]; // (i+1, j)
      const c = t[(j + 1) * nx + i + 1]; // (i+1, j+1)
      const d = t[(j + 1) * nx + i]; // (i, j+1)
      if (![a, b, c, d].every(Number.isFinite)) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const along = (p, q) => (level - p) / (q - p);
      const bottom = [i + along(a, b), j];
      const right = [i + 1, j + along(b, c)];
      const top = [i + along(d, c), j + 1];
      const left = [i, j + along(a, d)];
      const edges = {
        1: [[left, bottom]], 2: [[bottom, right]], 3: [[left, right]], 4: [[right, top]],
        6: [[bottom, top]], 7: [[left, top]], 8: [[top, left]], 9: [[top, bottom]],
        11: [[top, right]], 12: [[right, left]], 13: [[right, bottom]], 14: [[bottom, left]],
      };
      let pairs = edges[code];
      if (code === 5 || code === 10) {
        const centreAbove = (a + b + c + d) / 4 > level;
        // 5: a and c above; 10: b and d above
        pairs = (code === 5) === centreAbove ? [[left, top], [bottom, right]] : [[left, bottom], [right, top]];
      }
      for (const [p, q] of pairs) segments.push([p[0], p[1], q[0], q[1]]);
    }
  }
  return segments;
}

/**
 * Draws the map on `canvas`, filling its width up to LARGEST CSS pixels with a square plot.
 * xs (nx), ys (ny, upwards) are the sample coordinates, values[j * nx + i] the value at (xs[i], ys[j]);
 * levels − 1 contour lines; path {x, y} in the same coordinates, drawn from its first point (an open
 * circle, "start") to its last; `here` [x, y] a point marked with a cross (e.g. the current weights).
 * Returns the scale it coloured by ({lo, hi, log}).
 * @param {HTMLCanvasElement} canvas
 * @param {{xs: ArrayLike<number>, ys: ArrayLike<number>, values: ArrayLike<number>, xLabel?: string, yLabel?: string,
 *   keyLabel?: string, levels?: number, path?: {x: ArrayLike<number>, y: ArrayLike<number>} | null, here?: number[] | null}} map
 */
export function drawContourMap(canvas, { xs, ys, values, xLabel = '', yLabel = '', keyLabel = '', levels = 12, path = null, here = null }) {
  const nx = xs.length;
  const ny = ys.length;
  const available = Math.max(200, canvas.parentElement?.clientWidth || canvas.clientWidth || 400);
  const plot = Math.min(LARGEST, available - MARGIN.left - MARGIN.right);
  const width = plot + MARGIN.left + MARGIN.right;
  const height = plot + MARGIN.top + MARGIN.bottom;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const g = canvas.getContext('2d');
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, canvas.width, canvas.height);
  const scale = valueScale(values);
  const t = Float64Array.from(values, (v) => scale.t(v));

  // the fill: every device pixel of the plot, bilinear between the four samples around it
  const side = Math.round(plot * ratio);
  const image = g.createImageData(side, side);
  for (let py = 0; py < side; py += 1) {
    const gy = ((side - 1 - py) / (side - 1)) * (ny - 1); // row 0 at the bottom
    const j = Math.min(ny - 2, Math.floor(gy));
    const fy = gy - j;
    for (let px = 0; px < side; px += 1) {
      const gx = (px / (side - 1)) * (nx - 1);
      const i = Math.min(nx - 2, Math.floor(gx));
      const fx = gx - i;
      const v = (1 - fy) * ((1 - fx) * t[j * nx + i] + fx * t[j * nx + i + 1]) + fy * ((1 - fx) * t[(j + 1) * nx + i] + fx * t[(j + 1) * nx + i + 1]);
      const rgb = Number.isFinite(v) ? sequentialRGB(v) : UNDEFINED_RGB;
      const k = 4 * (py * side + px);
      image.data[k] = rgb[0];
      image.data[k + 1] = rgb[1];
      image.data[k + 2] = rgb[2];
      image.data[k + 3] = 255;
    }
  }
  g.putImageData(image, Math.round(MARGIN.left * ratio), Math.round(MARGIN.top * ratio));
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  const { ink, muted } = themeColors(canvas);
  const x0 = xs[0];
  const x1 = xs[nx - 1];
  const y0 = ys[0];
  const y1 = ys[ny - 1];
  const toX = (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * plot;
  const toY = (y) => MARGIN.top + plot - ((y - y0) / (y1 - y0)) * plot;
  const gridX = (gx) => MARGIN.left + (gx / (nx - 1)) * plot;
  const gridY = (gy) => MARGIN.top + plot - (gy / (ny - 1)) * plot;

  // contour lines
  g.save();
  g.lineWidth = 1;
  g.strokeStyle = 'rgba(255, 255, 255, 0.55)';
  g.beginPath();
  for (let k = 1; k < levels; k += 1) {
    for (const [ax, ay, bx, by] of contourSegments(t, nx, ny, k / levels)) {
      g.moveTo(gridX(ax), gridY(ay));
      g.lineTo(gridX(bx), gridY(by));
    }
  }
  g.stroke();
  g.restore();

  // the path, clipped to the plot
  g.save();
  g.beginPath();
  g.rect(MARGIN.left, MARGIN.top, plot, plot);
  g.clip();
  if (path && path.x.length) {
    const points = Array.from(path.x, (x, k) => [toX(x), toY(path.y[k])]);
    for (const { style, lineWidth } of [{ style: '#1d2330', lineWidth: 4 }, { style: '#ffffff', lineWidth: 2 }]) {
      g.strokeStyle = style;
      g.lineWidth = lineWidth;
      g.beginPath();
      points.forEach(([px, py], k) => (k ? g.lineTo(px, py) : g.moveTo(px, py)));
      g.stroke();
    }
    g.fillStyle = '#ffffff';
    g.strokeStyle = '#1d2330';
    g.lineWidth = 1;
    for (const [px, py] of points.slice(1, -1)) {
      g.beginPath();
      g.arc(px, py, 2.5, 0, 2 * Math.PI);
      g.fill();
      g.stroke();
    }
    const [sx, sy] = points[0];
    g.lineWidth = 2.5;
    g.strokeStyle = '#ffffff';
    g.beginPath();
    g.arc(sx, sy, 6, 0, 2 * Math.PI);
    g.stroke();
    g.font = canvasFont(13);
    g.fillStyle = '#ffffff';
    g.textBaseline = 'bottom';
    g.textAlign = sx > MARGIN.left + plot - 50 ? 'right' : 'left';
    g.fillText('start', sx + (g.textAlign === 'right' ? -8 : 8), sy - 6);
  }
  if (here) {
    const [hx, hy] = [toX(here[0]), toY(here[1])];
    for (const { style, lineWidth } of [{ style: '#1d2330', lineWidth: 5 }, { style: '#ff5a36', lineWidth: 2.5 }]) {
      g.strokeStyle = style;
      g.lineWidth = lineWidth;
      g.beginPath();
      g.moveTo(hx - 7, hy - 7);
      g.lineTo(hx + 7, hy + 7);
      g.moveTo(hx + 7, hy - 7);
      g.lineTo(hx - 7, hy + 7);
      g.stroke();
    }
  }
  g.restore();

  // frame, ticks and titles
  g.strokeStyle = muted;
  g.lineWidth = 1;
  g.strokeRect(MARGIN.left + 0.5, MARGIN.top + 0.5, plot - 1, plot - 1);
  g.fillStyle = ink;
  g.font = canvasFont(12);
  const ticks = (lo, hi) => [lo, ...(lo < 0 && hi > 0 ? [0] : []), hi];
  const tick = (v) => formatSignificant(v, 2);
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const x of ticks(x0, x1)) g.fillText(tick(x), Math.min(Math.max(toX(x), MARGIN.left + 12), MARGIN.left + plot - 12), MARGIN.top + plot + 4);
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const y of ticks(y0, y1)) g.fillText(tick(y), MARGIN.left - 5, Math.min(Math.max(toY(y), MARGIN.top + 6), MARGIN.top + plot - 6));
  g.font = canvasFont(14);
  g.textAlign = 'center';
  g.textBaseline = 'bottom';
  g.fillText(xLabel, MARGIN.left + plot / 2, height - 2);
  g.save();
  g.translate(14, MARGIN.top + plot / 2);
  g.rotate(-Math.PI / 2);
  g.textBaseline = 'middle';
  g.fillText(yLabel, 0, 0);
  g.restore();

  // the colour key: low at the bottom, its ends and middle written
  const keyX = MARGIN.left + plot + KEY.gap;
  for (let py = 0; py < plot; py += 1) {
    const rgb = sequentialRGB(1 - py / (plot - 1));
    g.fillStyle = `rgb(${rgb.map(Math.round).join(',')})`;
    g.fillRect(keyX, MARGIN.top + py, KEY.width, 1);
  }
  g.fillStyle = ink;
  g.font = canvasFont(12);
  g.textAlign = 'left';
  if (Number.isFinite(scale.lo)) {
    const [top, middle, bottom] = formatApart([scale.hi, scale.value(0.5), scale.lo], 2);
    g.textBaseline = 'top';
    g.fillText(top, keyX + KEY.width + 4, MARGIN.top);
    g.textBaseline = 'middle';
    g.fillText(middle, keyX + KEY.width + 4, MARGIN.top + plot / 2);
    g.textBaseline = 'bottom';
    g.fillText(bottom, keyX + KEY.width + 4, MARGIN.top + plot);
  }
  if (keyLabel) {
    g.save();
    g.translate(keyX + KEY.width / 2, MARGIN.top + plot + 24);
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(keyLabel, 0, 0);
    g.restore();
  }
  return { lo: scale.lo, hi: scale.hi, log: scale.log };
}
