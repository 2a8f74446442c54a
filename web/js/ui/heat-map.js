// A heat-map of a whole matrix of plain numbers: one cell per element in the diverging palette
// (blue below 0, white at 0, red above; symmetric about 0), a colour key with its range, and one
// selected element outlined. A click or the arrow keys select an element.
import { divergingColor, divergingRGB } from './palette.js';
import { formatNumber } from './format.js';

/** Largest and smallest size of one cell on screen, and the tallest heat-map, in CSS pixels. */
const CELL = { largest: 24, smallest: 2 };
const TALLEST = 192;
/** The narrowest heat-map (a long column vector), in CSS pixels. */
const NARROWEST = 28;

/** The largest magnitude in `data` (0 for none), which sets the colour range ±range. */
export function colourRange(data) {
  let range = 0;
  for (const v of data) if (Number.isFinite(v)) range = Math.max(range, Math.abs(v));
  return range;
}

/** A colour key: the gradient from −range to +range with its ends and middle written. */
function colourKey(range, decimals) {
  const key = document.createElement('div');
  key.className = 'heat-key';
  const bar = document.createElement('span');
  bar.className = 'heat-key-bar';
  bar.style.background = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(divergingColor).join(', ')})`;
  const label = (text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  };
  const ends = range > 0
    ? [formatNumber(-range, decimals), '0', formatNumber(range, decimals)]
    : ['every value is 0', '', ''];
  const labels = document.createElement('span');
  labels.className = 'heat-key-labels';
  labels.append(...ends.map(label));
  key.append(bar, labels);
  key.setAttribute('aria-label', range > 0
    ? `Colour key: blue is ${ends[0]}, white is 0, red is ${ends[2]}`
    : 'Colour key: every value is 0 (white)');
  key.setAttribute('role', 'note');
  return key;
}

/**
 * Builds a heat-map of `matrix` ({rows, cols, data} row-major). Options: label (what the matrix
 * is, for screen readers), decimals (of the key), onSelect(r, c) when a person picks an element.
 * Returns {element, select(r, c)}: select outlines an element without calling onSelect.
 */
export function createHeatMap(matrix, { label = 'matrix', decimals = 4, onSelect = /** @type {(r: number, c: number) => void} */ (() => {}) } = {}) {
  const { rows, cols, data } = matrix;
  const range = colourRange(data);
  const element = document.createElement('div');
  element.className = 'heat-map';

  const frame = document.createElement('div');
  frame.className = 'heat-frame';
  frame.tabIndex = 0;
  frame.setAttribute('role', 'group');
  frame.setAttribute('aria-label', `Heat-map of ${label}, ${rows} × ${cols}: click or use the arrow keys to select an element`);
  const canvas = document.createElement('canvas');
  canvas.width = cols;
  canvas.height = rows;
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d');
  if (context) {
    const image = context.createImageData(cols, rows);
    data.forEach((v, i) => {
      const rgb = divergingRGB(range > 0 ? 0.5 + v / (2 * range) : 0.5);
      image.data.set([...rgb.map(Math.round), 255], 4 * i);
    });
    context.putImageData(image, 0, 0);
  }
  // cells as large as fit under the tallest height; the frame shrinks with a narrow card
  const cellHeight = Math.max(CELL.smallest, Math.min(CELL.largest, TALLEST / rows));
  const cellWidth = Math.max(cellHeight, NARROWEST / cols);
  const [width, height] = [cols * cellWidth, rows * cellHeight];
  frame.style.width = `${width}px`;
  frame.style.aspectRatio = `${width} / ${height}`;
  const mark = document.createElement('span');
  mark.className = 'heat-mark';
  mark.hidden = true;
  frame.append(canvas, mark);

  let selected = null;
  function select(r, c) {
    selected = [r, c];
    mark.hidden = false;
    mark.style.left = `${(100 * c) / cols}%`;
    mark.style.top = `${(100 * r) / rows}%`;
    mark.style.width = `${100 / cols}%`;
    mark.style.height = `${100 / rows}%`;
  }
  const pick = (r, c) => {
    const [row, col] = [Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(cols - 1, c))];
    select(row, col);
    onSelect(row, col);
  };
  frame.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    pick(Math.floor(((event.clientY - box.top) / box.height) * rows), Math.floor(((event.clientX - box.left) / box.width) * cols));
  });
  frame.addEventListener('keydown', (event) => {
    const [r, c] = selected ?? [0, 0];
    const page = Math.max(1, Math.round(rows / 8));
    const moves = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, cols - 1], PageUp: [r - page, c], PageDown: [r + page, c],
    };
    const next = selected ? moves[event.key] : (moves[event.key] && [0, 0]);
    if (!next) return;
    // the keys move the selection here, not the lab's operation
    event.preventDefault();
    event.stopPropagation();
    pick(...next);
  });
  element.append(frame, colourKey(range, decimals));
  return { element, select };
}
