// Reads an array a person types or pastes: one number, a list ("0.1, −0.2 0.3"), rows on lines
// or separated by ";", or NumPy/JSON nesting ("[[0.1, 0.2], [0.3, 0.4]]", "array([...])", as
// print(np.array) shows it). Used by the exercises' answers and by the pasted-matrix box.

/** A number as people write it: a minus sign (−) or a hyphen, a decimal comma is not accepted. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * {shape, data} of `text`, or {error} saying what is wrong in words. Rows must have equal lengths;
 * a single row or a list gives a 1-D shape [n], one number the shape [].
 */
export function parseArrayText(text) {
  const cleaned = String(text).replace(/[−–]/g, '-').replace(/^\s*(np\.)?array\s*\(/, '').replace(/\)\s*$/, '').trim();
  if (!cleaned) return { error: 'it is empty: type a number, or numbers separated by commas or spaces' };
  // rows: nested brackets "[...], [...]", or lines, or ";"
  const inner = cleaned.replace(/^\[\s*/, '').replace(/\s*\]$/, '');
  const nested = /\[/.test(inner);
  const rowTexts = nested
    ? inner.split(/\]\s*,?\s*\[/).map((r) => r.replace(/[[\]]/g, ''))
    : inner.split(/[;\n]/);
  const rows = [];
  for (const rowText of rowTexts.map((r) => r.trim()).filter(Boolean)) {
    const row = [];
    for (const token of rowText.split(/[\s,]+/).filter(Boolean)) {
      if (!NUMBER.test(token)) return { error: `"${token.slice(0, 20)}" is not a number (write numbers like 0.25, -1.5 or 3e-4)` };
      row.push(Number(token));
    }
    if (row.length) rows.push(row);
  }
  if (!rows.length) return { error: 'it holds no numbers' };
  const cols = rows[0].length;
  const uneven = rows.findIndex((r) => r.length !== cols);
  if (uneven >= 0) return { error: `row ${uneven + 1} has ${rows[uneven].length} numbers but row 1 has ${cols}: every row needs the same count` };
  const data = rows.flat();
  if (rows.length === 1) return { shape: data.length === 1 && !/[[,\s]/.test(cleaned) ? [] : [cols], data };
  return { shape: [rows.length, cols], data };
}
