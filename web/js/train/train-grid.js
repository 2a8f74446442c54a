// A grid search over two settings (seed 000's η × batch, seed 004 C.3's GridSearchCV): every
// pair of values is trained on the pool of workers, optionally with k-fold cross-validation (the
// cell's score is the mean over the folds, with its spread), and scored by a chosen score. The
// link keeps the grid as "lr~0.001,0.01!batch~16,64" (tgrid), with its folds and score.
import { SWEEPS, meanAndSpread, parseSweepValues, trainAndScore, withFold } from './train-runs.js';
import { runOnPool } from './train-pool.js';

/** The most runs (cells × folds) one grid may train. */
export const GRID_MOST_RUNS = 200;
const AXES = '!';
const VALUE = '~';

/**
 * The scores a grid can be coloured by: what a cell's point gives (`of`), its name in the menu
 * (`name`) and for a run (`label(metric, heldOut)`, metric 'accuracy' or 'R²'), and which way is better.
 */
export const GRID_SCORES = {
  heldOutMetric: { name: 'held-out accuracy (or R²)', label: (metric, heldOut) => `${heldOut} ${metric}`, higherIsBetter: true, of: (p) => p.heldOutMetric },
  heldOutF1: { name: 'held-out macro F1', label: (metric, heldOut) => `${heldOut} macro F1`, higherIsBetter: true, of: (p) => p.heldOutF1 },
  heldOutLoss: { name: 'final held-out loss', label: (metric, heldOut) => `final ${heldOut} loss`, higherIsBetter: false, of: (p) => p.heldOutLoss },
  trainLoss: { name: 'final training loss', label: () => 'final training loss', higherIsBetter: false, of: (p) => p.trainLoss },
  seconds: { name: 'wall time', label: () => 'wall time (s)', higherIsBetter: false, of: (p) => p.seconds },
};

/**
 * Reads a grid: the two settings (keys of SWEEPS, different) and their values' texts. Returns
 * {rows: {key, values}, cols: {key, values}} or {error} naming the setting and what is allowed.
 */
export function parseGrid(rowKey, rowText, colKey, colText, folds = 1) {
  if (!SWEEPS[rowKey] || !SWEEPS[colKey]) return { error: `a grid's settings must be two of ${Object.keys(SWEEPS).join(', ')}` };
  if (rowKey === colKey) return { error: `choose two different settings; both are ${SWEEPS[rowKey].label}` };
  const rows = parseSweepValues(rowKey, rowText);
  if ('error' in rows) return { error: `${SWEEPS[rowKey].label}: ${rows.error}` };
  const cols = parseSweepValues(colKey, colText);
  if ('error' in cols) return { error: `${SWEEPS[colKey].label}: ${cols.error}` };
  const runs = rows.values.length * cols.values.length * folds;
  if (runs > GRID_MOST_RUNS) {
    return { error: `${rows.values.length} × ${cols.values.length} values${folds > 1 ? ` with ${folds} folds` : ''} make ${runs} runs; a grid may train at most ${GRID_MOST_RUNS}` };
  }
  return { rows: { key: rowKey, values: rows.values }, cols: { key: colKey, values: cols.values } };
}

/** `tgrid` for a grid. */
export function encodeGrid({ rows, cols }) {
  return `${rows.key}${VALUE}${rows.values.join(',')}${AXES}${cols.key}${VALUE}${cols.values.join(',')}`;
}

/** A link's grid: {rows, cols}, {error}, or null when there is none. */
export function decodeGrid(text, folds = 1) {
  if (!text) return null;
  const [row = '', col = ''] = text.split(AXES);
  const split = (part) => {
    const at = part.indexOf(VALUE);
    return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
  };
  const [rowKey, rowText] = split(row);
  const [colKey, colText] = split(col);
  return parseGrid(rowKey, rowText.replace(/,/g, ', '), colKey, colText.replace(/,/g, ', '), folds);
}

/** The state of one cell: the row's value applied, then the column's (so that both may change the layers). */
export function cellState(state, grid, r, c) {
  const withRow = { ...state, ...SWEEPS[grid.rows.key].apply(state, grid.rows.values[r]) };
  return { ...withRow, ...SWEEPS[grid.cols.key].apply(withRow, grid.cols.values[c]) };
}

/**
 * A cell's score over its folds' points: {value, spread (meanAndSpread), status ('diverged' or
 * 'failed' when a fold has no score), folds}. null while a fold is missing.
 */
export function cellScore(points, folds, score) {
  if (points.length < folds || points.some((p) => !p)) return null;
  const ended = points.find((p) => p.status === 'diverged' || p.status === 'failed');
  const values = points.map(GRID_SCORES[score].of);
  if (ended || !values.every(Number.isFinite)) return { value: NaN, spread: NaN, status: ended?.status ?? 'no score', folds };
  return { ...meanAndSpread(values), folds };
}

/**
 * Trains every cell of `grid` ({rows, cols} from parseGrid) × `folds` on a pool of `workers`.
 * `makeSetup(state)` gives a run's setup message; with folds ≥ 2 each run's split holds folds and
 * its fold. onProgress({running: [{row, col, fold, epoch, epochs}], done, total, workers}) and
 * onPoint(point, {row, col, fold}) in the runs' order. Resolves with points[row][col][fold].
 * cancel() stops the running runs after their current step and starts no more.
 */
export function runGrid({ state, grid, folds, workers, makeSetup, onProgress, onPoint }) {
  const jobs = [];
  grid.rows.values.forEach((_, row) => grid.cols.values.forEach((__, col) => {
    for (let fold = 0; fold < folds; fold += 1) jobs.push({ row, col, fold });
  }));
  const points = grid.rows.values.map(() => grid.cols.values.map(() => []));
  let cancelled = false;
  const running = new Map();
  let finished = 0;
  const report = () => onProgress({ running: [...running.values()], done: finished, total: jobs.length, workers: pool.workers });
  const pool = runOnPool({
    jobs,
    size: workers,
    run: async (client, job, index) => {
      running.set(index, { ...job, epoch: 0, epochs: null });
      const setup = async () => {
        const message = await makeSetup(cellState(state, grid, job.row, job.col));
        return withFold(message, folds, job.fold);
      };
      const point = await trainAndScore(client, setup, {
        onProgress: (m) => { running.set(index, { ...job, epoch: m.epoch, epochs: m.epochs }); report(); },
        isCancelled: () => cancelled,
      });
      running.delete(index);
      finished += 1;
      return point;
    },
    onResult: (point, index) => {
      const job = jobs[index];
      points[job.row][job.col][job.fold] = point;
      onPoint(point, job);
    },
    reusable: (point) => point.status !== 'failed',
  });
  return { done: pool.done.then(() => points), workers: pool.workers, runs: jobs.length, cancel() { cancelled = true; pool.cancel(); } };
}
