// Renders a matrix as a real <table> (screen readers can read it): rounded values, the full
// value on hover, optional row/column labels, highlighted cells and editable cells.
import { formatNumber, fullNumber } from './format.js';

/**
 * Replaces the content of `container` with a table of `matrix` ({rows, cols, data} row-major).
 * Options: caption, decimals, rowLabels, colLabels, highlight(r, c) → bool,
 * onEdit(r, c, value) to make cells editable (the value is checked to be a finite number).
 */
export function renderMatrix(container, matrix, options = {}) {
  const { caption = '', decimals = 4, rowLabels = null, colLabels = null, highlight = null, onEdit = null, name = 'value' } = options;
  const table = document.createElement('table');
  table.className = 'matrix';
  if (caption) {
    const captionElement = table.createCaption();
    captionElement.textContent = caption;
  }
  if (colLabels) {
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('td'));
    for (const label of colLabels) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.appendChild(th);
    }
  }
  const body = table.createTBody();
  for (let r = 0; r < matrix.rows; r += 1) {
    const row = body.insertRow();
    if (rowLabels) {
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = rowLabels[r];
      row.appendChild(th);
    }
    for (let c = 0; c < matrix.cols; c += 1) {
      const value = matrix.data[r * matrix.cols + c];
      const cell = row.insertCell();
      if (highlight?.(r, c)) cell.classList.add('highlight');
      if (value < 0) cell.classList.add('negative');
      if (onEdit) {
        const input = document.createElement('input');
        input.type = 'text';
        input.inputMode = 'decimal';
        input.value = formatNumber(value, decimals).replace('−', '-');
        input.title = fullNumber(value);
        input.setAttribute('aria-label', `${name} row ${r + 1}, column ${c + 1}`);
        input.addEventListener('change', () => {
          const parsed = Number(input.value.replace('−', '-'));
          if (input.value.trim() === '' || !Number.isFinite(parsed)) {
            input.setAttribute('aria-invalid', 'true');
            input.title = `"${input.value}" is not a number; enter a value like 0.25 or -1.5`;
            return;
          }
          input.removeAttribute('aria-invalid');
          onEdit(r, c, parsed);
        });
        cell.appendChild(input);
      } else {
        cell.textContent = formatNumber(value, decimals);
        cell.title = fullNumber(value);
      }
    }
  }
  container.replaceChildren(table);
  return table;
}
