// Renders a matrix as a real <table> (screen readers can read it): rounded values, the full
// value on hover, optional row/column labels, highlighted cells and editable cells. A window of a
// large matrix (matrix-summary.js) is a table of some rows and columns, numbered from 1, with "…"
// where rows or columns are left out.
import { formatNumber, fullNumber } from './format.js';

/** Fills `cell` with the value at (r, c): text, or an input when `onEdit` is given. */
function fillCell(cell, matrix, r, c, { decimals, onEdit, name }) {
  const value = matrix.data[r * matrix.cols + c];
  if (value < 0) cell.classList.add('negative');
  if (!onEdit) {
    cell.textContent = formatNumber(value, decimals);
    cell.title = fullNumber(value);
    return;
  }
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
}

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
      const cell = row.insertCell();
      if (highlight?.(r, c)) cell.classList.add('highlight');
      fillCell(cell, matrix, r, c, { decimals, onEdit, name });
    }
  }
  container.replaceChildren(table);
  return table;
}

/** A header or filler cell saying how many rows or columns are left out at this place. */
function gapCell(tag, count, what) {
  const cell = document.createElement(tag);
  cell.className = 'gap';
  cell.textContent = '…';
  if (count > 0) cell.title = `${count} ${what}${count === 1 ? '' : 's'} not shown`;
  return cell;
}

/**
 * A table of rows [r0, r1) and columns [c0, c1) of `matrix`, its rows and columns numbered from 1,
 * with a "…" row or column where rows or columns are left out. Cells carry data-r and data-c
 * (indices from 0). Options as renderMatrix (caption, decimals, onEdit, name).
 */
export function renderMatrixWindow(container, matrix, { rows: [r0, r1], cols: [c0, c1] }, options = {}) {
  const { caption = '', decimals = 4, onEdit = null, name = 'value' } = options;
  const table = document.createElement('table');
  table.className = 'matrix window';
  if (caption) table.createCaption().textContent = caption;
  const [left, right, above, below] = [c0, matrix.cols - c1, r0, matrix.rows - r1];
  // a column vector needs no column numbers
  if (matrix.cols > 1) {
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('td'));
    if (left) head.appendChild(gapCell('th', left, 'column'));
    for (let c = c0; c < c1; c += 1) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = String(c + 1);
      head.appendChild(th);
    }
    if (right) head.appendChild(gapCell('th', right, 'column'));
  }
  const body = table.createTBody();
  const gapRow = (count) => {
    const row = body.insertRow();
    row.className = 'gap-row';
    row.appendChild(gapCell('th', count, 'row'));
    for (let k = 0; k < (left ? 1 : 0) + c1 - c0 + (right ? 1 : 0); k += 1) row.appendChild(gapCell('td', 0, ''));
  };
  if (above) gapRow(above);
  for (let r = r0; r < r1; r += 1) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r + 1);
    row.appendChild(th);
    if (left) row.appendChild(gapCell('td', 0, ''));
    for (let c = c0; c < c1; c += 1) {
      const cell = row.insertCell();
      cell.dataset.r = String(r);
      cell.dataset.c = String(c);
      fillCell(cell, matrix, r, c, { decimals, onEdit, name });
    }
    if (right) row.appendChild(gapCell('td', 0, ''));
  }
  if (below) gapRow(below);
  container.replaceChildren(table);
  return table;
}
