// The Gradient-test lab's entry-by-entry table: backprop (analytic) against central differences
// (numeric) for each checked parameter, sortable by its headers; a click on a row picks the entry,
// which the lab then finds in the diagram. Also the entry names "layer 1 W[2, 0]" both use.
import { formatNumber, formatScientific, fullNumber } from '../ui/format.js';
import { TOLERANCE } from './gradient-presets.js';
import { layerNumber } from './layer-numbers.js';

/** The table's card, inside the lab's template (ids g-entries-…). */
export const ENTRIES_HTML = `
    <section class="card glab-entries" id="g-entries-card" aria-labelledby="g-entries-title">
      <div class="entries-head">
        <h2 id="g-entries-title">Entry by entry</h2>
        <div class="field inline"><label for="g-decimals">Decimals</label><select id="g-decimals"></select></div>
      </div>
      <p class="entries-summary" id="g-entries-summary"></p>
      <p class="entries-coverage" id="g-entries-coverage"></p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="g-entries-title">
        <table class="entries" id="g-entries">
          <caption>Backprop (analytic) against central differences (numeric) for each parameter; ✗ marks a relative error above ${formatScientific(TOLERANCE, 0)}. Click a row to find the parameter in the diagram.</caption>
          <thead><tr>
            <th scope="col" data-key="index"><button type="button">Parameter</button></th>
            <th scope="col" data-key="analytic"><button type="button">Analytic</button></th>
            <th scope="col" data-key="numeric"><button type="button">Numeric</button></th>
            <th scope="col" data-key="relativeError"><button type="button">Relative error</button></th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>`;

/** "layer 1 W[2, 0]" or "layer 1 b[2]": the layer counted from 1, row and column from 0 (as the engine counts). */
export function entryName(entry, block) {
  const layer = layerNumber(entry.layer);
  return block.cols > 1 || block.isWeight
    ? `layer ${layer} ${entry.block}[${entry.row}, ${entry.col}]`
    : `layer ${layer} ${entry.block}[${entry.row}]`;
}

/**
 * The table in `root` (the lab, holding ENTRIES_HTML). onPick(index) is called with the index of a
 * row's entry when it is clicked. Returns {render(check, {decimals, selected, layers}), focus(index)}:
 * render shows the check (or hides the card when check is null), `selected` is the picked entry's
 * index or null, `layers` the network's layers (for the blocks' shapes).
 */
export function createEntriesTable(root, { onPick }) {
  const $ = (id) => root.querySelector(`#${id}`);
  let sort = { key: 'index', direction: 'ascending' };
  let shown = null; // the arguments of the last render(), drawn again when the sort changes

  function sortedEntries(entries) {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...entries].sort((a, b) => sign * (a[sort.key] - b[sort.key]) || a.index - b.index);
  }

  function render(check, { decimals, selected, layers }) {
    shown = [check, { decimals, selected, layers }];
    $('g-entries-card').hidden = !check;
    if (!check) return;
    const blockOf = (entry) => layers[entry.layer].blocks.find((b) => b.name === entry.block);
    const summary = $('g-entries-summary');
    summary.textContent = check.explanation;
    summary.classList.toggle('wrong', !check.passed);
    $('g-entries-coverage').textContent = check.coverage;
    for (const th of root.querySelectorAll('#g-entries th[data-key]')) {
      th.setAttribute('aria-sort', th.dataset.key === sort.key ? sort.direction : 'none');
    }
    const rows = sortedEntries(check.entries).map((entry) => {
      const row = document.createElement('tr');
      const wrong = entry.relativeError > TOLERANCE;
      row.classList.toggle('wrong', wrong);
      row.classList.toggle('selected', entry.index === selected);
      const nameCell = document.createElement('th');
      nameCell.scope = 'row';
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.textContent = entryName(entry, blockOf(entry));
      pick.dataset.index = String(entry.index);
      pick.setAttribute('aria-pressed', String(entry.index === selected));
      nameCell.appendChild(pick);
      row.appendChild(nameCell);
      for (const value of [entry.analytic, entry.numeric]) {
        const cell = row.insertCell();
        cell.textContent = formatNumber(value, decimals);
        cell.title = fullNumber(value);
      }
      const error = row.insertCell();
      error.textContent = `${wrong ? '✗ ' : ''}${formatScientific(entry.relativeError, 1)}`;
      error.title = fullNumber(entry.relativeError);
      row.addEventListener('click', () => onPick(entry.index));
      return row;
    });
    $('g-entries').tBodies[0].replaceChildren(...rows);
  }

  for (const th of root.querySelectorAll('#g-entries th[data-key]')) {
    th.querySelector('button').addEventListener('click', () => {
      const { key } = th.dataset;
      const first = key === 'relativeError' ? 'descending' : 'ascending';
      const flipped = sort.direction === 'ascending' ? 'descending' : 'ascending';
      sort = { key, direction: sort.key === key ? flipped : first };
      render(...shown);
    });
  }

  return {
    render,
    /** Moves the focus to the pick button of entry `index`, when it is shown. */
    focus(index) {
      root.querySelector(`#g-entries tbody button[data-index="${index}"]`)?.focus();
    },
  };
}
