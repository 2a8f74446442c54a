// A matrix of any size in bounded room. One that fits is a plain table (matrix-view.js); a larger
// one is a window of a few rows and columns ("64 × 32, showing 8 × 6", with how many are hidden),
// a heat-map of every element (heat-map.js), and the selected element's full value. Views that
// share a selection (createSelection) select the same element together.
import { renderMatrix, renderMatrixWindow } from './matrix-view.js';
import { createHeatMap } from './heat-map.js';
import { fullNumber } from './format.js';

/**
 * The most rows and columns shown as a whole table; a larger dimension is shown as a window of
 * `window` rows or columns.
 */
export const MATRIX_LIMITS = { rows: 12, cols: 6, window: { rows: 8, cols: 6 } };

/** Whether `matrix` is shown in full (a plain table) rather than in bounded form. */
export function fitsWhole({ rows, cols }) {
  return rows <= MATRIX_LIMITS.rows && cols <= MATRIX_LIMITS.cols;
}

/**
 * A selected element ([row, col], from 0) that views share: get(), set(r, c), subscribe(fn).
 * A view whose element has left the page stops listening by returning false from fn.
 */
export function createSelection() {
  let value = null;
  const listeners = new Set();
  return {
    get: () => value,
    set(r, c) {
      value = [r, c];
      for (const listener of [...listeners]) if (listener(value) === false) listeners.delete(listener);
    },
    subscribe(listener) { listeners.add(listener); },
  };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The start of a window of `size` in [0, length) that holds `index`, moved as little as possible from `start`. */
function follow(start, size, length, index) {
  if (index < start) return index;
  if (index >= start + size) return Math.min(length - size, index - size + 1);
  return start;
}

/**
 * Shows `matrix` ({rows, cols, data}) in `container`. Options: caption, name (in labels and the
 * selected element's line), decimals, onEdit(r, c, value), selection (createSelection(), to share
 * the selected element with other views). Returns the element that holds the table (a plain one
 * for a matrix that fits, else the bounded view, class "matrix-bounded").
 */
export function renderMatrixSummary(container, matrix, options = {}) {
  const { caption = '', name = caption || 'value', decimals = 4, onEdit = null, selection = createSelection() } = options;
  if (fitsWhole(matrix)) return renderMatrix(container, matrix, { caption, decimals, onEdit, name });

  const { rows, cols } = matrix;
  // a dimension within its limit is shown whole, a larger one as a window
  const shown = {
    rows: rows <= MATRIX_LIMITS.rows ? rows : MATRIX_LIMITS.window.rows,
    cols: cols <= MATRIX_LIMITS.cols ? cols : MATRIX_LIMITS.window.cols,
  };
  const block = document.createElement('figure');
  block.className = 'matrix-bounded';
  const title = document.createElement('figcaption');
  const captionText = document.createElement('span');
  captionText.className = 'matrix-caption';
  captionText.textContent = caption;
  const summary = document.createElement('span');
  summary.className = 'matrix-summary';
  const describe = () => {
    const hidden = [rows > shown.rows ? plural(rows - shown.rows, 'row') : '', cols > shown.cols ? plural(cols - shown.cols, 'column') : ''].filter(Boolean);
    summary.textContent = `${rows} × ${cols}, showing ${shown.rows} × ${shown.cols}; ${hidden.join(' and ')} hidden`;
    summary.dataset.hidden = String(rows * cols - shown.rows * shown.cols);
  };
  describe();
  title.append(captionText, summary);

  const parts = document.createElement('div');
  parts.className = 'matrix-parts';
  const tableHolder = document.createElement('div');
  tableHolder.className = 'matrix-window';
  if (!onEdit) {
    // it scrolls sideways in a narrow card: a region the keyboard can reach (inputs are reachable already)
    tableHolder.tabIndex = 0;
    tableHolder.setAttribute('role', 'region');
    tableHolder.setAttribute('aria-label', `${name}: the rows and columns shown`);
  }
  const heat = createHeatMap(matrix, { label: name, decimals, onSelect: (r, c) => selection.set(r, c) });
  parts.append(tableHolder, heat.element);
  const readout = document.createElement('p');
  readout.className = 'matrix-selected';
  readout.setAttribute('aria-live', 'polite');
  block.append(title, parts, readout);

  let start = [0, 0];
  /** @type {[number, number]} the selected element (row, column) */
  let selected = [0, 0];
  let table = null;
  const drawWindow = () => {
    /** @type {[number, number]} */
    const windowRows = [start[0], start[0] + shown.rows];
    /** @type {[number, number]} */
    const windowCols = [start[1], start[1] + shown.cols];
    const place = `rows ${windowRows[0] + 1}–${windowRows[1]} and columns ${windowCols[0] + 1}–${windowCols[1]} of ${rows} × ${cols}`;
    table = renderMatrixWindow(tableHolder, matrix, { rows: windowRows, cols: windowCols }, {
      caption: `${name}: ${place}`, decimals, onEdit, name,
    });
    table.caption?.classList.add('visually-hidden');
  };
  /** Selects element [r, c]: moves the window to it, marks it, writes its value; false once the view has left the page. */
  const show = (/** @type {[number, number]} */ [r, c]) => {
    if (!block.isConnected && table) return false;
    selected = [r, c];
    const next = [follow(start[0], shown.rows, rows, r), follow(start[1], shown.cols, cols, c)];
    if (!table || next[0] !== start[0] || next[1] !== start[1]) {
      start = next;
      drawWindow();
    }
    for (const cell of table.querySelectorAll('.selected')) cell.classList.remove('selected');
    table.querySelector(`[data-r="${r}"][data-c="${c}"]`)?.classList.add('selected');
    heat.select(r, c);
    const value = matrix.data[r * cols + c];
    // a column vector's element has one index
    const [index, where] = cols === 1
      ? [`[${r + 1}]`, `element ${r + 1} of ${rows}`]
      : [`[${r + 1}, ${c + 1}]`, `row ${r + 1} of ${rows}, column ${c + 1} of ${cols}`];
    const span = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });
    readout.replaceChildren(`${name} ${index} = `, span('matrix-value', fullNumber(value)), span('matrix-where', ` (${where})`));
    readout.dataset.value = fullNumber(value);
    return true;
  };

  drawWindow();
  const widest = shown.cols;
  /** Shows as many of the window's columns as the room has (at least one): fewer in a narrow card. */
  const fit = () => {
    if (!block.isConnected) return;
    shown.cols = widest;
    start[1] = Math.min(start[1], cols - shown.cols);
    drawWindow();
    while (shown.cols > 1 && tableHolder.scrollWidth > tableHolder.clientWidth) {
      shown.cols -= 1;
      drawWindow();
    }
    describe();
    table = null;
    show(selected);
  };
  // a cell clicked or focused (an editable one) selects its element
  const fromCell = (event) => {
    const cell = /** @type {HTMLElement} */ (event.target).closest('[data-r]');
    if (cell instanceof HTMLElement) selection.set(Number(cell.dataset.r), Number(cell.dataset.c));
  };
  tableHolder.addEventListener('click', fromCell);
  tableHolder.addEventListener('focusin', fromCell);
  container.replaceChildren(block);
  const [r, c] = selection.get() ?? [0, 0];
  selected = [Math.min(r, rows - 1), Math.min(c, cols - 1)];
  // (a view not yet on the page is fitted, and shows its element, once it is placed)
  fit();
  selection.subscribe((value) => show([Math.min(value[0], rows - 1), Math.min(value[1], cols - 1)]));
  // fitted again when the room changes (a resized window, a card placed later)
  if (typeof ResizeObserver !== 'undefined') {
    let width = block.clientWidth;
    const observer = new ResizeObserver(() => {
      if (!block.isConnected && table) {
        observer.disconnect();
      } else if (block.clientWidth !== width) {
        width = block.clientWidth;
        fit();
      }
    });
    observer.observe(block);
  }
  return block;
}
