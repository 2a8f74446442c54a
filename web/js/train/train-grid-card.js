// The Train lab's grid-search card: two settings and their values, the folds of cross-validation
// and the score; a heat-map of the score per pair of values (ui/score-grid.js) with the best cell
// marked and named in words, filled in while the pool of workers trains the cells.
import { SWEEPS, foldOptions } from './train-runs.js';
import { GRID_SCORES, cellScore, decodeGrid, encodeGrid, parseGrid, runGrid } from './train-grid.js';
import { poolSize } from './train-pool.js';
import { renderScoreGrid } from '../ui/score-grid.js';
import { formatScore, formatSeconds } from '../ui/format.js';

/**
 * Builds the card in `root`. `state()` is the page state a grid trains; `makeSetup(state)` a
 * worker's setup message; `datasetInfo()` the dataset's info (for the pool's memory budget);
 * `store` takes the link's tgrid, tfolds and tgscore. Returns {show(state)} (a link's grid into the form).
 */
export function createGridCard(root, { state, makeSetup, datasetInfo, store }) {
  const options = Object.entries(SWEEPS).map(([k, s]) => `<option value="${k}">${s.label}</option>`).join('');
  root.innerHTML = `
    <section class="card grid-card" aria-labelledby="tg-title">
      <h2 id="tg-title" class="card-title">Grid search over two settings</h2>
      <p class="view-note">Trains every pair of values of two settings, on every core, and colours each cell by its score; the best cell is marked. With folds, each cell is trained once per fold of cross-validation and scored on the fold left out: its score is the mean over the folds, ± their standard deviation.</p>
      <div class="field-row grid-axis">
        <label class="field" for="tg-row-key"><span>Rows: setting</span><select id="tg-row-key">${options}</select></label>
        <label class="field" for="tg-row-values"><span>Row values</span><input id="tg-row-values" type="text" aria-describedby="tg-error"></label>
      </div>
      <div class="field-row grid-axis">
        <label class="field" for="tg-col-key"><span>Columns: setting</span><select id="tg-col-key">${options}</select></label>
        <label class="field" for="tg-col-values"><span>Column values</span><input id="tg-col-values" type="text" aria-describedby="tg-error"></label>
      </div>
      <div class="field-row grid-options">
        <label class="field" for="tg-folds"><span>Cross-validation</span>
          <select id="tg-folds">${foldOptions()}</select></label>
        <label class="field" for="tg-score"><span>Colour by</span>
          <select id="tg-score">${Object.entries(GRID_SCORES).map(([k, s]) => `<option value="${k}">${s.name}</option>`).join('')}</select></label>
      </div>
      <p class="field-error" id="tg-error" role="alert"></p>
      <div class="button-row">
        <button type="button" id="tg-run">Run grid</button>
        <button type="button" id="tg-cancel" hidden>Cancel</button>
        <span id="tg-status" class="view-note" aria-live="polite" data-testid="grid-status"></span>
      </div>
      <div id="tg-result" hidden>
        <div class="score-grid-box" id="tg-grid" data-testid="grid" tabindex="0"></div>
        <p class="chart-note" id="tg-best" data-testid="grid-best"></p>
        <p class="chart-note" id="tg-note"></p>
      </div>
    </section>`;
  const $ = (id) => root.querySelector(`#${id}`);
  /** @type {{grid: any, folds: number, points: any[][][], metric: string, heldOut: string} | null} */
  let shown = null;
  let running = null;

  const setKey = (axis, key) => {
    $(`tg-${axis}-key`).value = key;
    $(`tg-${axis}-values`).value = SWEEPS[key].example;
  };
  setKey('row', 'lr');
  setKey('col', 'batch');
  $('tg-row-key').addEventListener('change', (e) => setKey('row', e.target.value));
  $('tg-col-key').addEventListener('change', (e) => setKey('col', e.target.value));
  $('tg-score').addEventListener('change', () => {
    store.set({ tgscore: $('tg-score').value === 'heldOutMetric' ? null : $('tg-score').value });
    draw();
  });
  $('tg-folds').addEventListener('change', () => store.set({ tfolds: Number($('tg-folds').value) === 1 ? null : Number($('tg-folds').value) }));
  $('tg-run').addEventListener('click', run);
  $('tg-cancel').addEventListener('click', () => running?.cancel());

  function run() {
    const folds = Number($('tg-folds').value);
    const grid = parseGrid($('tg-row-key').value, $('tg-row-values').value, $('tg-col-key').value, $('tg-col-values').value, folds);
    if ('error' in grid) {
      $('tg-error').textContent = `Grid: ${grid.error}`;
      return;
    }
    $('tg-error').textContent = '';
    store.set({ tgrid: encodeGrid(grid), tfolds: folds === 1 ? null : folds });
    const info = datasetInfo();
    const runs = grid.rows.values.length * grid.cols.values.length * folds;
    const current = state();
    const pool = poolSize({ runs, samples: info?.samples ?? 0, features: info?.features ?? 0, chosen: current.tworkers });
    shown = { grid, folds, points: grid.rows.values.map(() => grid.cols.values.map(() => [])), metric: 'accuracy', heldOut: folds > 1 ? 'validation-fold' : 'held-out' };
    const started = performance.now();
    $('tg-result').hidden = false;
    $('tg-run').disabled = true;
    $('tg-cancel').hidden = false;
    draw();
    running = runGrid({
      state: current,
      grid,
      folds,
      workers: pool.size,
      makeSetup,
      onProgress: ({ running: now, done, total, workers }) => {
        const label = (j) => `${grid.rows.values[j.row]} × ${grid.cols.values[j.col]}${folds > 1 ? ` fold ${j.fold + 1}` : ''} epoch ${j.epoch}${j.epochs ? ` of ${j.epochs}` : ''}`;
        $('tg-status').textContent = `${done} of ${total} runs done · training on ${workers} worker${workers > 1 ? 's' : ''}: ${now.map(label).join('; ') || 'starting'}`;
      },
      onPoint: (point, { row, col, fold }) => {
        shown.points[row][col][fold] = point;
        if (point.metricName) shown.metric = point.metricName === 'r2' ? 'R²' : 'accuracy';
        if (point.heldOut && folds === 1) shown.heldOut = point.heldOut;
        draw();
      },
    });
    const { workers } = running;
    running.done.then(
      () => { $('tg-status').textContent = `Grid done: ${runs} runs in ${formatSeconds((performance.now() - started) / 1000)} on ${workers} worker${workers > 1 ? 's' : ''}.`; },
      (error) => { $('tg-status').textContent = `The grid stopped: ${error.message}`; },
    ).finally(() => {
      running = null;
      $('tg-run').disabled = false;
      $('tg-cancel').hidden = true;
    });
  }

  /** The heat-map of the chosen score, the best cell in words and what a cell's number is. */
  function draw() {
    if (!shown) return;
    const { grid, folds, points, metric, heldOut } = shown;
    const key = $('tg-score').value;
    const score = GRID_SCORES[key];
    const name = score.label(metric, heldOut);
    const cells = points.map((row) => row.map((p) => cellScore(p, folds, key)));
    const format = (v) => (key === 'seconds' ? formatSeconds(v) : key.endsWith('Loss') ? formatScore(v, 'loss') : formatScore(v, 'score'));
    const rowLabel = SWEEPS[grid.rows.key].label;
    const colLabel = SWEEPS[grid.cols.key].label;
    const { best } = renderScoreGrid($('tg-grid'), {
      rowLabel, colLabel, rows: grid.rows.values.map(String), cols: grid.cols.values.map(String), cells, higherIsBetter: score.higherIsBetter, format,
      caption: `${name[0].toUpperCase()}${name.slice(1)}${folds > 1 ? ` over ${folds} folds` : ''}`,
    });
    const complete = cells.every((row) => row.every(Boolean));
    if (best) {
      const cell = cells[best[0]][best[1]];
      $('tg-best').textContent = `${complete ? 'Best' : 'Best so far'}: ${rowLabel} ${grid.rows.values[best[0]]} × ${colLabel} ${grid.cols.values[best[1]]}, ${name} ${format(cell.value)}${folds > 1 ? ` ± ${format(cell.spread)} over ${folds} folds` : ''}.`;
    } else {
      $('tg-best').textContent = '';
    }
    const reading = `Each cell shows the ${name}${folds > 1 ? ', the mean over the folds ± their standard deviation' : ''}; ${score.higherIsBetter ? 'higher' : 'lower'} is better, and darker cells are better. `;
    $('tg-note').textContent = reading + (folds > 1
      ? `Cross-validation: the samples outside the test part are dealt into ${folds} stratified, seeded folds; each cell trains ${folds} times, each time on ${folds - 1} folds, and is scored on the fold left out. The test part is not used, as a final check should be.`
      : `Each cell trains once, with the run's split, and is scored on its ${heldOut} part.`);
  }

  return {
    /** A link's grid, folds and score into the form (it runs when Run grid is pressed). */
    show(next) {
      if (running) return;
      $('tg-folds').value = String(next.tfolds ?? 1);
      $('tg-score').value = next.tgscore ?? 'heldOutMetric';
      const grid = decodeGrid(next.tgrid, next.tfolds ?? 1);
      if (!grid) return;
      if ('error' in grid) {
        $('tg-error').textContent = `The link's grid: ${grid.error}`;
        return;
      }
      $('tg-row-key').value = grid.rows.key;
      $('tg-row-values').value = grid.rows.values.join(', ');
      $('tg-col-key').value = grid.cols.key;
      $('tg-col-values').value = grid.cols.values.join(', ');
      if (shown) draw();
    },
  };
}
