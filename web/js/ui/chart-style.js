// The look every chart and map in ui/ shares: the font, the ink, muted and grid colours (the page's
// CSS variables, with fallbacks), the sizes of text, lines and points (the page's --text-scale,
// --line-scale and --point-scale), round tick steps, powers of ten in superscript, and the numbers
// shown on ticks and in tooltips. Plain styling; it knows nothing of what is drawn.
import { superscript } from './format.js';

export const FONT = '"DejaVu Sans", system-ui, sans-serif';

/** The current look, read from the page's CSS on first use and again after lookChanged(). */
let look = null;
/** Charts and maps that redraw themselves when the look changes. */
const restylers = new Set();

/**
 * {text, line, point}: how much larger than normal charts draw their text, line widths and point
 * markers: the root's --text-scale, --line-scale and --point-scale (1 where unset).
 */
export function chartLook() {
  if (!look) {
    const css = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
    const read = (name) => {
      const value = Number.parseFloat(css?.getPropertyValue(name) ?? '');
      return value > 0 ? value : 1;
    };
    look = { text: read('--text-scale'), line: read('--line-scale'), point: read('--point-scale') };
  }
  return look;
}

/** Calls `restyle()` after every change of the look; returns a function that stops it. */
export function onLookChange(restyle) {
  restylers.add(restyle);
  return () => restylers.delete(restyle);
}

/** The page's look has changed (its CSS scales): every chart and map reads it again and redraws. */
export function lookChanged() {
  look = null;
  for (const restyle of restylers) restyle();
}

/** The page's --ink, --muted and --line, for where no CSS variable is set (and for canvases). */
export const INK = '#1d2330';
export const MUTED = '#5b6475';
export const GRID = '#dde1e8';

/** A Chart.js font of `size` px at the normal look (scaled by its text size) in FONT (bold when `bold`). */
export function chartFont(size, bold = false) {
  const scaled = Math.round(size * chartLook().text);
  return bold ? { size: scaled, weight: 'bold', family: FONT } : { size: scaled, family: FONT };
}

/** A canvas 2-D context font of `size` px at the normal look, scaled: '14px "DejaVu Sans", …'. */
export function canvasFont(size) {
  return `${Math.round(size * chartLook().text)}px ${FONT}`;
}

/** Tooltip title and body fonts (Chart.js tooltip options). */
export function tooltipFonts() {
  return { titleFont: chartFont(14), bodyFont: chartFont(14) };
}

/** Reads a CSS colour variable on `element`, or `fallback` when it is not set. */
export function cssColor(element, name, fallback) {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** {ink, muted, grid}: the page's --ink, --muted and --line as seen from `element`. */
export function themeColors(element) {
  return { ink: cssColor(element, '--ink', INK), muted: cssColor(element, '--muted', MUTED), grid: cssColor(element, '--line', GRID) };
}

/** Options every Chart.js chart here shares: no animation, sized by its container, data given as {x, y}. */
export function staticChartOptions() {
  return { animation: false, responsive: true, maintainAspectRatio: false, parsing: false };
}

/**
 * A Chart.js axis in the theme: its title (`titleSize` px), 15 px ticks in ink, grid lines, and
 * the axis line in the muted colour unless `border` is false.
 */
export function axisStyle(title, { ink, muted, grid }, { titleSize = 16, border = true } = {}) {
  return {
    title: { display: Boolean(title), text: title, color: ink, font: chartFont(titleSize) },
    ticks: { color: ink, font: chartFont(15), maxRotation: 0 },
    grid: { color: grid },
    ...(border ? { border: { color: muted } } : {}),
  };
}

/** A chart's title above the plot, left-aligned and bold (Chart.js title plugin options). */
export function titleOptions(text, ink) {
  return { display: Boolean(text), text, color: ink, font: chartFont(17, true), align: 'start', padding: { bottom: 10 } };
}

/** 1, 2 or 5 times a power of ten, near `rough`. */
export function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const m = rough / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/** `value` with at most `digits` significant digits and no trailing zeros, "−" for negatives. */
export function roundedNumber(value, digits) {
  return String(Number(value.toPrecision(digits))).replace('-', '−');
}

/** "10⁻⁶" for the power of ten nearest to `value`. */
export function powerOfTenLabel(value) {
  return `10${superscript(String(Math.round(Math.log10(value))))}`;
}

/** A number shown in a tooltip: four significant digits, "−" for negatives. */
export function tooltipNumber(value) {
  if (!Number.isFinite(value)) return 'not finite';
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6) ? value.toExponential(3).replace('-', '−') : roundedNumber(value, 4);
}
