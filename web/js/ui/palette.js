// Colours shared by the drawing components: one colour per class (colour-blind-friendly, after
// Okabe & Ito, extended to 12), a light tint of each for shaded backgrounds, a diverging scale
// for values, and one colour per overlaid run. Plain colours; nothing here knows what a class is.

/** Class colours as [r, g, b]: blue and orange first, so two classes are always easy to tell apart. */
const CLASS_RGB = [
  [0, 114, 178], // blue
  [230, 159, 0], // orange
  [0, 158, 115], // bluish green
  [204, 121, 167], // reddish purple
  [86, 180, 233], // sky blue
  [213, 94, 0], // vermillion
  [102, 102, 102], // grey
  [106, 61, 154], // violet
  [156, 117, 95], // brown
  [181, 162, 0], // mustard (a darker Okabe–Ito yellow, readable on white)
  [31, 71, 136], // navy
  [128, 176, 74], // leaf green
];

/** Colours of overlaid runs: the current run first (dark blue), then pinned runs. */
const RUN_COLORS = ['#1f4fa8', '#d55e00', '#009e73', '#cc79a7', '#6a3d9a', '#e69f00', '#56b4e9', '#666666', '#9c755f', '#b5a200'];

/** Ends and middle of the diverging scale for values (blue = low, white = middle, red = high). */
const DIVERGING_LOW = [33, 102, 172];
const DIVERGING_MIDDLE = [247, 247, 247];
const DIVERGING_HIGH = [178, 24, 43];

const index = (i, length) => ((Math.trunc(i) % length) + length) % length;
const hex = (rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** How many distinct class colours there are before they repeat. */
export const CLASS_COLOR_COUNT = CLASS_RGB.length;

/** Class `i`'s colour as [r, g, b] (0–255). Indices beyond the palette wrap around. */
export function classRGB(i) {
  return CLASS_RGB[index(i, CLASS_RGB.length)];
}

/** Class `i`'s colour as a CSS hex string ('#0072b2'). */
export function classColor(i) {
  return hex(classRGB(i));
}

/** A light tint of class `i`'s colour: 'rgba(r, g, b, alpha)' (default 0.25), for backgrounds. */
export function classTint(i, alpha = 0.25) {
  const [r, g, b] = classRGB(i);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * Class `i`'s colour mixed with white, as [r, g, b]: strength 0 is white, 1 the full colour.
 * Opaque, so it can be written straight into ImageData.
 */
export function classTintRGB(i, strength) {
  const s = Math.min(1, Math.max(0, strength));
  return classRGB(i).map((v) => 255 + (v - 255) * s);
}

/** The colour of overlaid run `i` (0 = the current run) as a CSS hex string. */
export function runColor(i) {
  return RUN_COLORS[index(i, RUN_COLORS.length)];
}

/**
 * A diverging colour for `t` in [0, 1] as [r, g, b]: 0 blue, 0.5 near-white, 1 red
 * (values outside are clamped; NaN gives the middle).
 */
export function divergingRGB(t) {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
  const [end, s] = u < 0.5 ? [DIVERGING_LOW, 1 - 2 * u] : [DIVERGING_HIGH, 2 * u - 1];
  return DIVERGING_MIDDLE.map((m, k) => m + (end[k] - m) * s);
}

/** divergingRGB(t) as a CSS hex string. */
export function divergingColor(t) {
  return hex(divergingRGB(t));
}

/** `rgb` laid over white with opacity `alpha`, as opaque [r, g, b]. */
const overWhite = (rgb, alpha) => rgb.map((v) => Math.round(255 + (v - 255) * alpha));

/** The WCAG relative luminance of [r, g, b]. */
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const INK_LUMINANCE = 0.0167; // --ink, #1d2330

/**
 * The shade of `rgb` at opacity about `alpha` over white, nudged until white or dark text on it has
 * a contrast of at least 4.5 : 1: {background: [r, g, b], whiteText}.
 */
export function readableShade(rgb, alpha) {
  let a = alpha;
  for (;;) {
    const background = overWhite(rgb, a);
    const l = luminance(background);
    const white = 1.05 / (l + 0.05);
    const ink = (l + 0.05) / (INK_LUMINANCE + 0.05);
    if (white >= 4.5 || ink >= 4.5 || a <= 0 || a >= 1) return { background, whiteText: white > ink };
    a = a >= 0.5 ? Math.min(1, a + 0.02) : Math.max(0, a - 0.02);
  }
}
