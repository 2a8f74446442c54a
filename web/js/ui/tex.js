// Renders LaTeX with KaTeX (loaded as a global from vendor/katex). Without KaTeX the source is
// shown as text, so a formula is never lost.

/** Renders `latex` into `element` (display style unless inline is asked for). */
export function renderTex(element, latex, { inline = false } = {}) {
  const katex = globalThis.katex;
  if (!katex) {
    element.textContent = latex;
    return;
  }
  katex.render(latex, element, { displayMode: !inline, throwOnError: false, output: 'htmlAndMathml' });
}

/** A formatted number as LaTeX: "3.6e−5" becomes 3.6\mathrm{e}{-5}, so the exponent's minus is a sign, not a subtraction. */
const texNumber = (text) => text.replace(/−/g, '-').replace(/e([-+]?\d+)$/, '\\mathrm{e}{$1}');

/**
 * The indices shown of a dimension of `length` when at most `most` fit: all of them, or the first
 * most − 3, a gap (null) and the last (narrower than the widest one written whole).
 */
function shownIndices(length, most) {
  const all = Array.from({ length }, (_, i) => i);
  return length <= most ? all : [...all.slice(0, Math.max(1, most - 3)), null, length - 1];
}

/**
 * A LaTeX matrix (bmatrix) of `rows` × `cols` numbers given row-major, formatted by `format`. With
 * `most`, a dimension longer than `most` shows its first few entries, ⋮ or ⋯, and its last, and
 * the matrix is marked with its shape (rows × cols).
 */
export function texMatrix({ rows, cols, data }, format, { most = Infinity } = {}) {
  const lines = shownIndices(rows, most).map((r) => shownIndices(cols, most).map((c) => {
    if (r === null && c === null) return '\\ddots';
    if (r === null) return '\\vdots';
    if (c === null) return '\\cdots';
    return texNumber(format(data[r * cols + c]));
  }).join(' & '));
  const matrix = `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
  return rows > most || cols > most ? `${matrix}_{${rows} \\times ${cols}}` : matrix;
}
