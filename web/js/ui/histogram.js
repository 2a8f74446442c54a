// A small histogram: one bar per bin of plain counts over [lo, hi], the range written under it.
// It draws numbers only (a layer's activations, or anything else binned).
import { formatSignificant } from './format.js';

/** An end of the range, with three significant digits (0.0998 and 0.1003 stay apart). */
const label = (value) => formatSignificant(value, 3);
import { themeColors } from './chart-style.js';

const HEIGHT = 96; // CSS pixels of the bars
const AXIS = 18; // CSS pixels of the range written under them

/**
 * Draws `counts` (one per equal bin of [lo, hi]) as bars on `canvas`, filling its width; the
 * tallest bar is the full height. An empty histogram leaves the canvas blank.
 * @param {HTMLCanvasElement} canvas
 * @param {{lo: number, hi: number, counts: ArrayLike<number>, color?: string}} histogram
 */
export function drawHistogram(canvas, { lo, hi, counts, color = '#2f5bd3' }) {
  const width = Math.max(120, canvas.clientWidth || 200);
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((HEIGHT + AXIS) * ratio);
  canvas.style.height = `${HEIGHT + AXIS}px`;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, HEIGHT + AXIS);
  const { ink, muted } = themeColors(canvas);
  let most = 0;
  for (const c of Array.from(counts)) most = Math.max(most, c);
  if (!most) return;
  const bar = width / counts.length;
  g.fillStyle = color;
  Array.from(counts).forEach((c, i) => {
    const h = (HEIGHT - 2) * (c / most);
    g.fillRect(i * bar + 0.5, HEIGHT - h, Math.max(1, bar - 1), h);
  });
  g.strokeStyle = muted;
  g.beginPath();
  g.moveTo(0, HEIGHT + 0.5);
  g.lineTo(width, HEIGHT + 0.5);
  g.stroke();
  g.fillStyle = ink;
  g.font = '12px system-ui, sans-serif';
  g.textBaseline = 'top';
  g.textAlign = 'left';
  // a range too narrow to write two different ends (every unit alike)
  if (label(hi) === label(lo)) {
    g.textAlign = 'center';
    g.fillText(`every value ≈ ${label(lo)}`, width / 2, HEIGHT + 3);
    return;
  }
  g.fillText(label(lo), 0, HEIGHT + 3);
  g.textAlign = 'right';
  g.fillText(label(hi), width, HEIGHT + 3);
}
