// A heat-map of scores over two settings as an accessible HTML table: one row per value of the
// first setting, one column per value of the second, each cell shaded by how good its score is
// (darker is better, whichever way the score runs), its value (and spread) written in it, and the
// best cell outlined and starred. Cells still to come are empty; a failed cell says why.
import { readableShade } from './palette.js';

const SHADE = [30, 90, 160]; // blue: better scores are darker

/**
 * Replaces the content of `container` with the grid.
 *   rowLabel, colLabel: the two settings' names; rows, cols: their values as shown
 *   cells[r][c]: {value, spread, status} | null (not trained yet); value is the score, spread its
 *     standard deviation over folds (NaN: none), status a word shown instead of a value when the
 *     cell has none ('diverged', 'failed')
 *   higherIsBetter: true for accuracy and F1, false for a loss or a time
 *   format(value): the text of a score; caption: the table's caption
 * Returns {best: [r, c] | null}: the best finished cell (the first one on ties), which is marked
 * with data-best="true".
 * @param {HTMLElement} container
 * @param {{ rowLabel: string, colLabel: string, rows: string[], cols: string[],
 *   cells: ({ value: number, spread?: number, status?: string } | null)[][], higherIsBetter: boolean,
 *   format: (value: number) => string, caption: string }} grid
 */
export function renderScoreGrid(container, { rowLabel, colLabel, rows, cols, cells, higherIsBetter, format, caption }) {
  const values = cells.flat().filter((cell) => cell && Number.isFinite(cell.value)).map((cell) => cell.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  // 0 (worst) .. 1 (best) among the finished cells
  const goodness = (v) => (high > low ? (higherIsBetter ? v - low : high - v) / (high - low) : 1);
  let best = null;
  cells.forEach((row, r) => row.forEach((cell, c) => {
    if (!cell || !Number.isFinite(cell.value)) return;
    if (!best || (higherIsBetter ? cell.value > cells[best[0]][best[1]].value : cell.value < cells[best[0]][best[1]].value)) best = [r, c];
  }));

  // the title above the table as wide as the card (a <caption> is only as wide as its table), naming it
  const title = document.createElement('p');
  title.className = 'score-grid-title';
  title.id = `${container.id || 'score-grid'}-title`;
  title.textContent = caption;
  const table = document.createElement('table');
  table.className = 'score-grid';
  table.setAttribute('aria-labelledby', title.id);
  const head = table.createTHead();
  const groupRow = head.insertRow();
  groupRow.insertCell();
  const colGroup = document.createElement('th');
  colGroup.scope = 'colgroup';
  colGroup.colSpan = cols.length;
  colGroup.className = 'axis';
  colGroup.textContent = `${colLabel} →`;
  groupRow.append(colGroup);
  const headRow = head.insertRow();
  const corner = document.createElement('th');
  corner.className = 'axis corner';
  corner.scope = 'col';
  corner.textContent = `${rowLabel} ↓`;
  headRow.append(corner);
  for (const name of cols) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    headRow.append(th);
  }
  const body = table.createTBody();
  rows.forEach((name, r) => {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    row.append(th);
    cols.forEach((_, c) => {
      const cell = cells[r][c];
      const td = row.insertCell();
      td.className = 'score';
      if (!cell) {
        td.classList.add('pending');
        td.textContent = '…';
        td.setAttribute('aria-label', 'not trained yet');
        return;
      }
      if (!Number.isFinite(cell.value)) {
        td.classList.add('missing');
        td.textContent = cell.status ?? '—';
        return;
      }
      const { background, whiteText } = readableShade(SHADE, 0.08 + 0.8 * goodness(cell.value));
      td.style.background = `rgb(${background.join(',')})`;
      if (whiteText) td.classList.add('dark');
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = format(cell.value);
      td.append(value);
      if (Number.isFinite(cell.spread)) {
        const spread = document.createElement('span');
        spread.className = 'spread';
        spread.textContent = `± ${format(cell.spread)}`;
        td.append(spread);
      }
      td.dataset.value = String(cell.value);
      if (best && best[0] === r && best[1] === c) {
        td.dataset.best = 'true';
        const star = document.createElement('span');
        star.className = 'best-mark';
        star.textContent = '★ best';
        td.append(star);
      }
    });
  });
  container.replaceChildren(title, table);
  return { best };
}
