// Number formatting shared by the labs: rounded to a chosen number of decimals for display,
// with the full value kept for hover titles.

/** What a lab shows in place of a value that is not a number, next to the reason why. */
export const MISSING = '—';

/** `value` rounded to `decimals` decimals ("−" for negatives, scientific when tiny or huge). */
export function formatNumber(value, decimals = 4) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 10 ** -decimals / 2)) {
    return value.toExponential(Math.max(1, decimals - 1)).replace('-', '−');
  }
  return value.toFixed(decimals).replace(/^-(?=0\.0*$)/, '').replace('-', '−');
}

/** The full double, for titles: the shortest string that reads back as the same number. */
export function fullNumber(value) {
  return String(value);
}

/** A compact scientific form for errors and small quantities: 3.2e−9. */
export function formatScientific(value, digits = 2) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return value.toExponential(digits).replace('e-', 'e−').replace('e+', 'e');
}

const SUPERSCRIPT_DIGITS = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** The digits and minus signs of `text` in superscript: '-6' → '⁻⁶'. */
export function superscript(text) {
  return text.replace(/[-\d]/g, (c) => SUPERSCRIPT_DIGITS[c]);
}

/** `value` with `digits` significant digits, as "4.68 × 10³⁰⁶" when huge or tiny; "−" for negatives. */
export function formatSignificant(value, digits = 4) {
  if (!Number.isFinite(value)) return 'not finite';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-4)) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    const power = superscript(String(Number(exponent)));
    return `${mantissa} × 10${power}`.replace('-', '−');
  }
  return String(Number(value.toPrecision(digits))).replace('-', '−');
}

/**
 * `values` with as many significant digits (least to most) as it takes to tell them apart: a
 * plateau's 2.3026 and 2.3034, not 2.3 and 2.3. Values that are equal stay equal at `most`.
 */
export function formatApart(values, least = 3, most = 6) {
  let digits = least;
  while (digits < most && new Set(values.map((v) => formatSignificant(v, digits))).size < new Set(values).size) digits += 1;
  return values.map((v) => formatSignificant(v, digits));
}

/**
 * A score as a person reads it: 'accuracy' as a percentage with one decimal, 'r2' and 'score'
 * (0..1) with three decimals, 'loss' with four significant digits. A value that is not finite
 * (a diverged run) reads "diverged".
 */
export function formatScore(value, kind) {
  if (value === undefined || value === null) return '–';
  if (!Number.isFinite(value)) return 'diverged';
  if (kind === 'accuracy') return `${(100 * value).toFixed(1)}%`;
  if (kind === 'loss' || Math.abs(value) >= 1e5) return formatSignificant(value);
  return value.toFixed(3).replace('-', '−');
}

/** A duration: "0.043 s", "0.43 s", "4.3 s", "12 s", "3 min"; "–" when unknown. */
export function formatSeconds(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 1) return `${Number(seconds.toPrecision(2))} s`;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.round(seconds / 60)} min`;
}
