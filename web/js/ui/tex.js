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

/** A LaTeX matrix (bmatrix) of `rows` × `cols` numbers given row-major, formatted by `format`. */
export function texMatrix({ rows, cols, data }, format) {
  const lines = [];
  for (let r = 0; r < rows; r += 1) {
    const cells = [];
    for (let c = 0; c < cols; c += 1) cells.push(texNumber(format(data[r * cols + c])));
    lines.push(cells.join(' & '));
  }
  return `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
}
