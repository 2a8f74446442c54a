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
