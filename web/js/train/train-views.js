// The Train lab's result views: loss and accuracy curves with pinned runs and their shared legend,
// the decision boundary or test images or prediction plot, the confusion matrix, the sweep card,
// and exports (figures with a title, legend and settings line). It lays out cards and hands plain
// data to ui/; train-lab.js decides what to show and when.
import { createLineChart, spansDecades } from '../ui/line-chart.js';
import { throttle } from '../ui/frame-scheduler.js';
import { POOL_MOST_WORKERS, poolSize } from './train-pool.js';
import { createSeriesLegend } from '../ui/series-legend.js';
import { FIGURE_SCALE, composeFigure } from '../ui/figure-export.js';
import { createScatterChart } from '../ui/scatter-chart.js';
import { drawPointMap } from '../ui/point-map.js';
import { renderConfusionTable } from '../ui/confusion-table.js';
import { renderImageGrid, updateImagePredictions } from '../ui/image-grid.js';
import { renderImagePairs } from '../ui/image-pairs.js';
import { renderClassBalance } from '../ui/class-balance.js';
import { runColor } from '../ui/palette.js';
import { SWEEPS, differingLabels, foldOptions, sharedSettings } from './train-runs.js';
import { download } from '../ui/download.js';
import { formatScore, formatSeconds } from '../ui/format.js';
import { GALLERY_MODES } from '../engine/training-session.js';
import { GALLERY_LABELS, PART_KINDS, galleryCount, galleryNote, projectionInput, projectionNote, sampleNote } from './train-data-view.js';

/** The samples of the Train lab's step for NumPy: a batch, so that the mean over it shows in the numbers. */
export const NPZ_BATCH = 8;
/** What a cross on a projected point means (the map's legend). */
const FLAG_LABEL = 'misclassified';
const PREVIOUS_COLOR = '#9aa3b2';
/**
 * The sweep chart's lines: the part by the line (solid train, dashed held-out), the score by the
 * marker (a dot for accuracy, a hollow triangle for macro F1). The F1 lines come first, so they are
 * drawn on top: a triangle over a dot of nearly the same value leaves both visible.
 */
const SWEEP_METRICS = [
  { key: 'trainF1', part: 'train', f1: true },
  { key: 'heldOutF1', part: 'heldOut', f1: true },
  { key: 'trainMetric', part: 'train', f1: false },
  { key: 'heldOutMetric', part: 'heldOut', f1: false },
];
const MARKERS = { score: 'circle', f1: 'triangle' };
const MOST_SWEEPS = 4;
/** While a sweep trains, its chart and progress line are drawn at most this often (ms). */
const SWEEP_DRAW_MS = 250;

/** The options of the sweep's workers: automatic (the cores' share) or a number up to the pool's most. */
function workerChoices() {
  const auto = poolSize({ runs: POOL_MOST_WORKERS, samples: 0, features: 0 }).size;
  const counts = Array.from({ length: POOL_MOST_WORKERS }, (_, i) => i + 1);
  return `<option value="">automatic: ${auto} on this machine</option>${counts.map((n) => `<option value="${n}">${n}</option>`).join('')}`;
}

/** What one dot of the prediction plot is: an example, or one output (a target, a feature) of one. */
function outputsText(outputs, reconstruct) {
  if (reconstruct) return 'one feature of one example';
  return outputs > 1 ? `one of the ${outputs} targets of one example` : 'one example';
}

/** Builds the result cards in `root`; `handlers` are the controller's callbacks. */
export function createTrainViews(root, handlers) {
  root.innerHTML = `
    <div class="results-top">
      <section class="card view-card" aria-labelledby="tv-view-title">
        <h2 id="tv-view-title" class="card-title">The data</h2>
        <div class="chart-options" id="tv-gallery-options" hidden>
          <label class="field inline" for="tv-gallery"><span>Show</span>
            <select id="tv-gallery">${GALLERY_MODES.map((m) => `<option value="${m}">${GALLERY_LABELS[m]}</option>`).join('')}</select></label>
          <span class="view-note gallery-count" id="tv-gallery-count" data-testid="gallery-count" aria-live="polite"></span>
        </div>
        <p class="view-note" id="tv-view-note" data-testid="view-note"></p>
        <canvas id="tv-map" class="point-map" hidden></canvas>
        <div id="tv-images" class="images-holder" hidden></div>
        <div id="tv-recon" class="images-holder" data-testid="reconstructions" hidden></div>
        <div class="chart-frame" id="tv-regression-frame" hidden><canvas id="tv-regression" role="img" aria-label="Prediction against target"></canvas></div>
        <div id="tv-balance" class="balance-holder"></div>
        <div class="codes-handoff" id="tv-codes" data-testid="codes-handoff" hidden>
          <h3>Train a classifier on the codes</h3>
          <p class="view-note">The outputs of one hidden layer for every sample become a new dataset with the samples' labels, opened here as your own data. Does the bottleneck keep what tells the classes apart?</p>
          <div class="button-row">
            <label class="field inline" for="tv-codes-layer"><span>Codes of</span><select id="tv-codes-layer"></select></label>
            <button type="button" id="tv-codes-make">Make the dataset and train a classifier</button>
          </div>
          <p class="view-note" id="tv-codes-status" aria-live="polite" data-testid="codes-status"></p>
        </div>
      </section>
      <div class="curves-stack">
        <section class="card chart-card" aria-labelledby="tv-loss-title">
          <h2 id="tv-loss-title" class="card-title">Loss per epoch</h2>
          <p class="chart-note" id="tv-loss-formula" data-testid="loss-formula"></p>
          <div class="chart-options">
            <label class="field inline" for="tv-loss-sum"><span>Show</span>
              <select id="tv-loss-sum"><option value="mean">mean over samples</option><option value="sum">sum over samples</option></select></label>
            <label class="check" for="tv-loss-log"><input type="checkbox" id="tv-loss-log"> log scale</label>
          </div>
          <div class="chart-frame"><canvas id="tv-loss" role="img" aria-label="Loss per epoch"></canvas></div>
        </section>
        <section class="card chart-card" aria-labelledby="tv-metric-title">
          <h2 id="tv-metric-title" class="card-title">Accuracy per epoch</h2>
          <p class="chart-note" id="tv-metric-note" data-testid="metric-note"></p>
          <div class="chart-frame"><canvas id="tv-metric" role="img" aria-label="Accuracy per epoch"></canvas></div>
        </section>
        <section class="card legend-card" aria-labelledby="tv-runs-title">
          <div class="legend-head">
            <h2 id="tv-runs-title" class="card-title">Runs on the charts</h2>
            <button type="button" id="tv-pin">Pin this run</button>
          </div>
          <div id="tv-legend" data-testid="curves-legend"></div>
          <p class="chart-note" id="tv-curves-note" data-testid="curves-note"></p>
          <div class="comparison-link" id="tv-comparison" data-testid="link-comparison" hidden>
            <p id="tv-comparison-text"></p>
            <div class="button-row">
              <button type="button" id="tv-run-all" class="primary">Run all</button>
              <span id="tv-comparison-status" class="view-note" aria-live="polite"></span>
            </div>
          </div>
          <label class="check" for="tv-start-now"><input type="checkbox" id="tv-start-now">
            the page's link (the address bar) starts its comparison at once when opened</label>
        </section>
        <section class="card chart-card" aria-labelledby="tv-optimum-title" id="tv-optimum-card" hidden>
          <h2 id="tv-optimum-title" class="card-title">Distance to the exact optimum</h2>
          <p class="chart-note" id="tv-optimum-note" data-testid="optimum-note"></p>
          <div class="chart-frame"><canvas id="tv-optimum" role="img" aria-label="Distance to the exact optimum per epoch"></canvas></div>
        </section>
      </div>
    </div>
    <section class="card confusion-card" aria-labelledby="tv-confusion-title">
      <h2 id="tv-confusion-title" class="card-title">Confusion matrix</h2>
      <label class="field inline" for="tv-eval-part"><span>Scored on</span>
        <select id="tv-eval-part"><option value="validation">validation part</option><option value="test">test part</option><option value="train">training part</option></select>
      </label>
      <div id="tv-confusion" data-testid="confusion"></div>
    </section>
    <div id="tv-diagnostics-holder"></div>
    <section class="card sweep-card" aria-labelledby="tv-sweep-title">
      <h2 id="tv-sweep-title" class="card-title">Sweep one setting</h2>
      <p class="view-note">Trains the current settings once per value, in the background, and plots the final scores. Sweeps of the same setting stay on the chart (up to ${MOST_SWEEPS}); change other settings between them to compare.</p>
      <div class="field-row">
        <label class="field" for="tv-sweep-key"><span>Setting</span>
          <select id="tv-sweep-key">${Object.entries(SWEEPS).map(([k, s]) => `<option value="${k}">${s.label}</option>`).join('')}</select></label>
        <label class="field" for="tv-sweep-values"><span>Values (comma-separated)</span>
          <input id="tv-sweep-values" type="text" value="0.01, 0.1, 1" aria-describedby="tv-sweep-error"></label>
        <label class="field" for="tv-sweep-folds"><span>Cross-validation</span>
          <select id="tv-sweep-folds">${foldOptions()}</select>
          <small>k folds: each value's score is the mean over the folds ± their spread</small></label>
        <label class="field" for="tv-workers"><span>Workers (runs at once)</span>
          <select id="tv-workers" aria-describedby="tv-workers-note">${workerChoices()}</select>
          <small id="tv-workers-note">each worker trains one value on one core</small></label>
      </div>
      <p class="field-error" id="tv-sweep-error" role="alert"></p>
      <div class="button-row">
        <button type="button" id="tv-sweep-run">Run sweep</button>
        <button type="button" id="tv-sweep-cancel" hidden>Cancel</button>
        <span id="tv-sweep-status" class="view-note" aria-live="polite"></span>
      </div>
      <div id="tv-sweep-result" hidden>
        <div class="chart-frame sweep-frame"><canvas id="tv-sweep" role="img" aria-label="Final scores against the swept setting"></canvas></div>
        <p class="chart-note" id="tv-sweep-note" data-testid="sweep-note"></p>
        <div id="tv-sweep-legend" data-testid="sweep-legend"></div>
        <div id="tv-sweep-tables" class="sweep-tables"></div>
      </div>
    </section>
    <div id="tv-grid-holder"></div>
    <section class="card export-card" aria-labelledby="tv-export-title">
      <h2 id="tv-export-title" class="card-title">Export and hand over</h2>
      <p class="view-note">Chart images are twice the size on screen, with a title, the legend and the settings written in, ready for a report.</p>
      <div class="button-row">
        <button type="button" id="tv-export-csv">Curves (CSV)</button>
        <button type="button" id="tv-export-loss">Loss chart (PNG)</button>
        <button type="button" id="tv-export-metric">Accuracy chart (PNG)</button>
        <button type="button" id="tv-export-sweep" disabled title="Run a sweep first">Sweep chart (PNG)</button>
        <button type="button" id="tv-export-view">Data view (PNG)</button>
        <button type="button" id="tv-export-model">Model (JSON)</button>
      </div>
      <label class="field" for="tv-import"><span>Import a model (JSON exported here)</span>
        <input id="tv-import" type="file" accept=".json,application/json" aria-describedby="tv-import-error"></label>
      <p class="field-error" id="tv-import-error" role="alert" data-testid="import-error"></p>
      <h3 class="subhead">Step through this network, or check your own code against it</h3>
      <div class="field-row">
        <label class="field" for="tv-step-index"><span>Sample number (from 1)</span>
          <input id="tv-step-index" type="text" inputmode="numeric" value="1" aria-describedby="tv-step-error"></label>
        <button type="button" id="tv-step-through">Open in Step-through</button>
      </div>
      <div class="button-row">
        <button type="button" id="tv-step-npz" data-testid="tv-step-npz"
          title="One plain SGD step of the trained network on ${NPZ_BATCH} samples from this one, every number of it as NumPy arrays with a README">Download ${NPZ_BATCH} samples' step for NumPy (.npz)</button>
      </div>
      <p class="field-error" id="tv-step-error" role="alert"></p>
    </section>`;
  const $ = (id) => root.querySelector(`#${id}`);

  // one HTML legend (below) names the runs of both charts: the canvases keep their full height
  const lossChart = createLineChart($('tv-loss'), { xLabel: 'epoch', yLabel: 'loss', integerX: true, legend: false });
  const metricChart = createLineChart($('tv-metric'), { xLabel: 'epoch', yLabel: 'accuracy', integerX: true, yMin: 0, yMax: 1, legend: false });
  const runsLegend = createSeriesLegend($('tv-legend'), {
    label: 'Runs on the loss and accuracy charts',
    hint: 'Press a run to hide or show it on both charts.',
    onToggle(id, shown) {
      if (shown) hiddenRuns.delete(id);
      else hiddenRuns.add(id);
      if (lastCurves) drawCurves(lastCurves.runs, lastCurves.shown);
    },
    onRemove: (id) => handlers.onUnpin(id),
  });
  const sweepLegend = createSeriesLegend($('tv-sweep-legend'), {
    label: 'Sweeps on the chart',
    hint: 'Press a sweep to hide or show it.',
    onToggle(id, shown) {
      if (shown) hiddenSweeps.delete(id);
      else hiddenSweeps.add(id);
      drawSweeps();
    },
  });
  let optimumChart = null;
  let regressionChart = null;
  let regressionAxes = ''; // the x axis regressionChart was made with
  let sweepChart = null;
  const sweepDraws = throttle(() => drawSweeps(), SWEEP_DRAW_MS);
  /** The sweep's progress line, written at most every SWEEP_DRAW_MS. */
  let pendingStatus = null;
  const sweepStatus = throttle(() => { if (pendingStatus !== null) setText($('tv-sweep-status'), pendingStatus); }, SWEEP_DRAW_MS);
  let sweepAxes = ''; // the axes sweepChart was built with
  let sweeps = []; // [{id, key, description, colorIndex, values, points, box, table}]
  let sweepIds = 0;
  const hiddenRuns = new Set(); // ids of runs hidden on both curve charts
  const hiddenSweeps = new Set(); // ids of sweeps hidden on the sweep chart
  let lastCurves = null; // {runs, shown} last drawn: a legend press redraws them
  let curveLegend = { entries: [], key: [] }; // the runs' legend as last shown, for the exports
  let mapInput = null; // {bounds, points, classes, xLabel, yLabel}
  let lastGrid = null;
  let mode = 'none'; // 'map' | 'images' | 'reconstructions' | 'regression' | 'none'
  let mapKind = null; // 'boundary' (two features) | 'projection' (PCA of more) while mode is 'map'
  let mapPoints = null; // the page's copy of the drawn points: {features, labels, indices, total}
  let projectionText = null; // what the projection's caption is made from (with the latest mistakes)
  let shownMapMarks = ''; // the scored part and predictions behind the projection's crosses
  let metricName = null; // set (with its title and note) by the first drawCurves
  let curvesKind = null; // the metric and the task the charts' titles and notes were written for

  /**
   * The {x: epoch, y} points of a history for one quantity, kept between redraws and extended by
   * the epochs added since: a long run costs only its new epochs (histories only grow; a reset
   * run starts a new array).
   */
  const pointCache = new WeakMap(); // history → Map(key → {length, points})
  function pointsOf(history, key, pick) {
    let byKey = pointCache.get(history);
    if (!byKey) pointCache.set(history, (byKey = new Map()));
    let entry = byKey.get(key);
    if (!entry || entry.length > history.length) byKey.set(key, (entry = { length: 0, points: [] }));
    for (let i = entry.length; i < history.length; i += 1) entry.points.push({ x: history[i].epoch, y: pick(history[i]) });
    entry.length = history.length;
    return entry.points;
  }

  /** Sets an element's text only when it differs, so that an unchanged line costs no layout. */
  const setText = (element, text) => { if (element.textContent !== text) element.textContent = text; };

  // ---------- curves ----------

  /**
   * Draws the runs' curves. `shown`: {metricName, reconstruct (an autoencoder's run), loss: {formula, penalty}, parts: {train, heldOut}
   * sample counts, bestEpoch (a marker), optimum (the current run's distance to the optimum is drawn)}.
   * `which`: 'loss' (with the optimum) or 'metric' draws one chart only; undefined draws all.
   */
  function drawCurves(runs, shown, which) {
    lastCurves = { runs, shown };
    for (const id of hiddenRuns) if (!runs.some((r) => r.id === id)) hiddenRuns.delete(id);
    showLegend(runs);
    const metric = shown.metricName;
    const r2 = metric === 'r2';
    const kind = `${metric}${shown.reconstruct ? ' reconstruct' : ''}`;
    if (kind !== curvesKind) {
      curvesKind = kind;
      metricName = metric;
      $('tv-metric-title').textContent = r2 ? 'R² per epoch' : 'Accuracy per epoch';
      $('tv-loss-title').textContent = shown.reconstruct ? 'Reconstruction error per epoch' : 'Loss per epoch';
      $('tv-export-metric').textContent = r2 ? 'R² chart (PNG)' : 'Accuracy chart (PNG)';
      $('tv-metric-note').textContent = shown.reconstruct
        ? 'R² = 1 − Σ(x − x̂)² / Σ(x − x̄)², summed over the part\'s samples and every feature that varies: the share of the inputs\' variance the reconstructions explain (sklearn\'s variance-weighted R²; a constant feature, like a pixel that is 0 in every image, does not count). 1 is perfect, 0 is no better than the mean input.'
        : r2
          ? 'R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over the part\'s samples, averaged over the outputs: 1 is perfect, 0 is no better than always predicting the mean ȳ, below 0 is worse (drawn down to −1).'
          : 'Accuracy: the fraction of samples whose predicted class (the largest output; for one output, ≥ 0.5) is the true class.';
    }
    // "sum": each part's mean data loss × its number of samples, plus the penalty (which is not per sample)
    const sum = $('tv-loss-sum').value === 'sum';
    const lossOf = (r, part) => {
      const mean = part === 'train' ? r.trainLoss : r.valLoss;
      if (!sum) return mean;
      const n = part === 'train' ? shown.parts.train : shown.parts.heldOut;
      return (mean - (r.penalty ?? 0)) * n + (r.penalty ?? 0);
    };
    // `name` keys the cache of each history's points: only epochs that are new are mapped again
    const series = (name, pick) => runs.flatMap((run) => {
      const color = runLineColor(run);
      const width = run.kind === 'current' ? 2.5 : 1.5;
      const hidden = hiddenRuns.has(run.id);
      const train = pointsOf(run.history, `${name}:train`, (r) => pick(r, 'train'));
      const val = pointsOf(run.history, `${name}:val`, (r) => pick(r, 'val'));
      const heldOut = run.heldOut ?? 'held-out';
      const label = runName(run);
      const out = [{ label: `${label} · train`, color, width, hidden, points: train }];
      if (val.some((p) => Number.isFinite(p.y))) {
        // the held-out part may be scored every few epochs only (see curvesNote): the line joins its points
        out.push({ label: `${label} · ${heldOut}`, color, width, dashed: true, hidden, points: val, spanGaps: true });
      }
      return out;
    });
    const current = runs.find((r) => r.kind === 'current');
    const last = current?.history.at(-1);
    const otherMetric = runs.otherMetric ? ` ${runs.otherMetric === 1 ? '1 run' : `${runs.otherMetric} runs`} scored by ${shown.metricName === 'r2' ? 'accuracy' : 'R²'} ${runs.otherMetric === 1 ? 'is' : 'are'} left off these charts while this run is scored by ${shown.metricName === 'r2' ? 'R²' : 'accuracy'}.` : '';
    setText($('tv-curves-note'), `${curvesNote(current, shown)}${otherMetric}`);
    const marker = shown.bestEpoch ? { x: shown.bestEpoch, label: `best epoch ${shown.bestEpoch} (restored)` } : null;
    if (which !== 'metric') {
      const lossSeries = series(sum ? `sum:${shown.parts.train}:${shown.parts.heldOut}` : 'mean', (r, part) => lossOf(r, part));
      // a loss that spans many decades (a run on its way to diverging) is only readable on a log axis
      let [low, high] = [Infinity, 0];
      for (const line of lossSeries) {
        for (const { y } of line.points) if (Number.isFinite(y) && y > 0) { low = Math.min(low, y); high = Math.max(high, y); }
      }
      const spansDecades = high / low > 1e6;
      if (spansDecades && !$('tv-loss-log').checked) $('tv-loss-log').checked = true;
      setText($('tv-loss-formula'), `${sum ? 'Sum' : 'Mean'} over the samples of ${shown.loss.formula}${shown.loss.penalty ? ` + ${shown.loss.penalty}` : ''}`
        + `${sum ? ` (mean × ${shown.parts.train.toLocaleString('en-US')} training${shown.parts.heldOut ? ` and × ${shown.parts.heldOut.toLocaleString('en-US')} held-out` : ''} samples)` : ''}.`);
      lossChart.setYAxis({ title: sum ? 'summed loss' : 'mean loss', log: $('tv-loss-log').checked });
      lossChart.setSeries(lossSeries);
      lossChart.setMarker(marker);
      drawOptimum(current, shown.optimum);
      $('tv-loss').setAttribute('aria-label', last ? `Loss per epoch: after epoch ${last.epoch}, train loss ${formatScore(lossOf(last, 'train'), 'loss')}` : 'Loss per epoch: no epoch finished yet');
    }
    if (which !== 'loss') {
      metricChart.setYAxis({ title: r2 ? 'R²' : 'accuracy', min: r2 ? -1 : 0, max: 1 });
      metricChart.setSeries(series('metric', (r, part) => (part === 'train' ? r.trainMetric : r.valMetric)));
      metricChart.setMarker(marker);
      $('tv-metric').setAttribute('aria-label', last ? `${r2 ? 'R²' : 'Accuracy'} per epoch: after epoch ${last.epoch}, train ${formatScore(last.trainMetric, metricName)}` : 'No epoch finished yet');
    }
  }

  /**
   * How this run's curves are measured: the training part as a full pass or as the running mean
   * over the epoch's mini-batches (shown.metrics, the run's epoch_metrics), and how often the
   * held-out part is scored (shown.heldOutEvery: every epoch, or every k-th epoch and the last;
   * shown.heldOutCost: what a pass costs, as a share of an epoch's training).
   */
  function curvesNote(current, shown) {
    if (!current) return '';
    const train = shown.metrics === 'running'
      ? 'Train: the mean over each epoch\'s mini-batches as they were trained (no extra pass over the training part).'
      : 'Train: a pass over the whole training part after each epoch.';
    const name = current.heldOut;
    if (!name) return train;
    const every = shown.heldOutEvery ?? 1;
    const held = every > 1
      ? `${name[0].toUpperCase()}${name.slice(1)}: the whole ${name} part, scored after epoch 1, every ${ordinal(every)} epoch and the last: scoring its ${shown.parts.heldOut.toLocaleString('en-US')} samples after every epoch would add about ${Math.round(100 * shown.heldOutCost)}% to the training time.`
      : `${name[0].toUpperCase()}${name.slice(1)}: the whole ${name} part, scored after each epoch.`;
    return `${train} ${held}`;
  }

  /** 2nd, 3rd, 8th, 11th, 21st. */
  const ordinal = (k) => `${k}${k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;

  /** A run's colour on the charts and in the legend: the previous run is grey. */
  const runLineColor = (run) => (run.kind === 'previous' ? PREVIOUS_COLOR : runColor(run.colorIndex ?? 0));
  /** A run's name in the legend and tooltips: the settings that differ, or "this run" when alone. */
  const runName = (run) => run.label || (run.kind === 'current' ? 'this run' : run.kind === 'previous' ? 'previous run' : 'pinned run');

  /**
   * The runs' legend under the two curve charts: this run first, then the pinned runs (with an
   * unpin button), then the previous one; and the line styles, explained once.
   */
  function showLegend(runs) {
    const order = { current: 0, pinned: 1, previous: 2 };
    const sorted = [...runs].sort((a, b) => order[a.kind] - order[b.kind]);
    const entries = sorted.map((run) => {
      const label = runName(run);
      const tag = run.kind === 'current' ? (label === 'this run' ? '' : 'this run') : run.kind === 'previous' ? (label === 'previous run' ? '' : 'previous run') : '';
      return {
        id: run.id, label, tag, kind: run.kind, color: runLineColor(run), thick: run.kind === 'current', hidden: hiddenRuns.has(run.id),
        ...(run.kind === 'pinned' ? { removeLabel: `Unpin ${label}` } : {}),
      };
    });
    const heldOut = [...new Set(runs.filter((r) => r.heldOut).map((r) => r.heldOut))];
    const key = [{ label: 'solid: train', dashed: false }];
    if (heldOut.length) key.push({ label: `dashed: ${heldOut.join(' or ')}`, dashed: true });
    curveLegend = { entries, key };
    runsLegend.set(entries, key);
  }

  /** The least-squares run's ‖w − w*‖ and f(w) − f(w*) per epoch on a log axis (seed 000 §1.2), or why not. */
  function drawOptimum(current, optimum) {
    if ($('tv-optimum-card').hidden !== !optimum) $('tv-optimum-card').hidden = !optimum;
    if (!optimum) return;
    if (optimum.reason) {
      setText($('tv-optimum-note'), `Not measured: ${optimum.reason}. The dataset's recipe matches the seed's model.`);
      optimumChart?.setSeries([]);
      return;
    }
    setText($('tv-optimum-note'), `The exact ridge optimum w* = ((1/m)XᵀX + λI)⁻¹ (1/m)Xᵀy (λ = ${optimum.lambda}) against the weights w after each epoch: the distance ‖w − w*‖ and the gap f(w) − f(w*), with f(w) = (1/2m)‖Xw − y‖² + (λ/2)‖w‖², the training loss.`);
    optimumChart ??= createLineChart($('tv-optimum'), { xLabel: 'epoch', yLabel: 'to the optimum', integerX: true, logY: true });
    const history = current?.history ?? [];
    optimumChart.setSeries([
      { label: '‖w − w*‖', color: runColor(0), width: 2.5, points: history.map((r) => ({ x: r.epoch, y: r.optimumDistance })) },
      { label: 'f(w) − f(w*)', color: runColor(1), width: 2.5, dashed: true, points: history.map((r) => ({ x: r.epoch, y: r.optimumGap })) },
    ]);
  }

  // ---------- data view ----------

  function showMode(next) {
    mode = next;
    // images and plain tables need the full width: the two curve charts then sit side by side above them
    root.classList.toggle('wide-view', next === 'images' || next === 'reconstructions' || next === 'none');
    $('tv-map').hidden = next !== 'map';
    $('tv-images').hidden = next !== 'images';
    $('tv-recon').hidden = next !== 'reconstructions';
    $('tv-gallery-options').hidden = next !== 'images';
    $('tv-regression-frame').hidden = next !== 'regression';
    // a gallery of images (or no view) has no figure to export: the button says so instead of doing nothing
    const figureless = next === 'images' || next === 'reconstructions' || next === 'none';
    $('tv-export-view').disabled = figureless;
    $('tv-export-view').title = figureless ? 'Only a decision boundary or a prediction plot is exported as a figure' : '';
  }

  /** What the view shows before a run is set up: the boundary's points, a gallery, or a projection to come. */
  function showData(info, points, bounds) {
    if (!info) return;
    $('tv-codes').hidden = !info.reconstruct;
    $('tv-codes-status').textContent = '';
    const balance = $('tv-balance');
    if (info.task === 'classification') {
      renderClassBalance(balance, { classNames: info.classNames, counts: Array.from(info.classCounts), caption: 'Examples per class' });
    } else {
      balance.replaceChildren();
    }
    // a projection of the same points stays on screen until the new run's arrives
    const previousProjection = mapKind === 'projection' && mapInput?.points.length === points?.labels.length ? mapInput : null;
    mapKind = null;
    lastGrid = null; // a boundary belongs to the run that drew it
    mapPoints = points;
    projectionText = null;
    shownMapMarks = '';
    if (info.task === 'classification' && info.features === 2 && bounds) {
      showMode('map');
      mapKind = 'boundary';
      $('tv-view-title').textContent = 'Decision boundary';
      mapInput = {
        bounds,
        classes: info.classNames,
        xLabel: info.featureNames?.[0] ?? 'x₁',
        yLabel: info.featureNames?.[1] ?? 'x₂',
        points: Array.from({ length: points.labels.length }, (_, i) => ({ x: points.features[2 * i], y: points.features[2 * i + 1], label: points.labels[i], kind: 'train' })),
      };
      redrawMap();
      $('tv-view-note').textContent = `Each pixel is coloured by the class the network predicts there; filled dots are training points, rings validation points and squares test points.${sampleNote(points)}`;
    } else if (info.reconstruct && info.imageWidth) {
      showMode('reconstructions');
      $('tv-view-title').textContent = 'Originals and reconstructions';
      $('tv-view-note').textContent = 'Each pair: an image of the scored part as the network takes it (top) and the network\'s output for it (bottom), with its reconstruction error ½‖x̂ − x‖². Train to see them appear.';
      $('tv-recon').replaceChildren();
    } else if (info.imageWidth) {
      showMode('images');
      $('tv-view-title').textContent = 'Test images';
      $('tv-view-note').textContent = galleryNote($('tv-gallery').value, true);
      $('tv-gallery-count').textContent = '';
    } else if (info.task === 'classification' && info.features > 2 && points) {
      showMode('map');
      mapKind = 'projection';
      mapInput = previousProjection;
      $('tv-view-title').textContent = 'The data in two dimensions (PCA)';
      if (!mapInput) {
        $('tv-map').hidden = true; // until the worker has projected the points
        $('tv-view-note').textContent = `Projecting the ${info.features} features onto their first two principal components…`;
      }
    } else if (info.task === 'regression') {
      showMode('regression');
      $('tv-view-title').textContent = info.reconstruct ? 'Reconstruction against input' : 'Prediction against target';
      $('tv-view-note').textContent = `Each dot is ${outputsText(info.targetNames.length, info.reconstruct)} of the scored part; a perfect model puts every dot on the diagonal.`;
      // an autoencoder's axes are the input and its reconstruction
      const axes = info.reconstruct ? { xLabel: 'input', yLabel: 'reconstruction' } : { xLabel: 'target', yLabel: 'prediction' };
      if (regressionAxes !== axes.xLabel) {
        regressionChart?.destroy();
        regressionChart = createScatterChart($('tv-regression'), { ...axes, pointLabel: 'examples' });
        regressionAxes = axes.xLabel;
      }
      regressionChart.setPoints([]);
    } else {
      showMode('none');
      $('tv-view-title').textContent = 'The data';
      $('tv-view-note').textContent = `${info.features} features: the scores are in the confusion matrix.`;
    }
    $('tv-confusion-title').parentElement.hidden = info.task !== 'classification';
  }

  function redrawMap() {
    if (mode !== 'map' || !mapInput) return;
    drawPointMap($('tv-map'), {
      ...mapInput.bounds, points: mapInput.points, classes: mapInput.classes, grid: mapKind === 'boundary' ? lastGrid : null,
      xLabel: mapInput.xLabel, yLabel: mapInput.yLabel, flagLabel: FLAG_LABEL,
    });
  }

  /** A run is set up: each drawn point's part, and the projection the worker computed. */
  function startRun(ready) {
    shownConfusion = '';
    shownImages = '';
    $('tv-eval-part').value = ready.evaluated;
    for (const option of $('tv-eval-part').options) option.disabled = ready.parts[option.value] === 0;
    const map = ready.map;
    if (mapKind === 'projection') {
      if (map?.projection) {
        mapInput = projectionInput(mapPoints, map, ready.dataset.classNames);
        projectionText = {
          features: ready.dataset.features, scaling: ready.scaler.kind, kept: mapInput.kept, part: ready.evaluated, wrong: 0, scored: null, sampled: Boolean(mapPoints.indices),
        };
        $('tv-map').hidden = false;
        $('tv-view-note').textContent = `${projectionNote(projectionText)}${sampleNote(mapPoints)}`;
      } else {
        $('tv-view-note').textContent = `${ready.dataset.features} features, which could not be projected (${map?.projectionError || 'no projection was computed'}); the scores are in the confusion matrix.`;
      }
    } else if (mapInput && map?.parts) {
      mapInput.points.forEach((p, i) => { p.kind = PART_KINDS[map.parts[i]]; });
    }
    redrawMap();
  }

  /** Marks the projected points of the scored part that the network gets wrong (`mapPredicted`: −1 for other parts). */
  function markProjection(evaluation) {
    if (mapKind !== 'projection' || !mapInput || !evaluation.mapPredicted) return;
    const predicted = evaluation.mapPredicted;
    const key = `${evaluation.part}:${predicted.join(',')}`;
    if (key === shownMapMarks) return;
    shownMapMarks = key;
    let scored = 0;
    let wrong = 0;
    mapInput.points.forEach((p, i) => {
      p.flagged = predicted[i] >= 0 && predicted[i] !== p.label;
      if (predicted[i] >= 0) scored += 1;
      if (p.flagged) wrong += 1;
    });
    Object.assign(projectionText, { part: evaluation.part, wrong, scored });
    $('tv-view-note').textContent = `${projectionNote(projectionText)}${sampleNote(mapPoints)}`;
    redrawMap();
  }

  function drawBoundary(grid) {
    lastGrid = { resolution: grid.resolution, outputs: grid.outputs, values: grid.values };
    redrawMap();
  }

  let shownConfusion = '';
  let shownImages = '';
  /** Shows an evaluation; tables and images are rebuilt only when their numbers changed (the main thread stays free). */
  /**
   * Shows an evaluation: the confusion matrix and report, the gallery of an image dataset, the
   * projected points and the regression plot. `parts` ('all' | 'scores' | 'images') draws only the
   * gallery ('images') or everything but it ('scores'): each costs a long layout on a large part,
   * so that a running lab draws them in frames of their own.
   */
  function showEvaluation(evaluation, ready, parts = 'all') {
    if (parts === 'images') {
      if (mode === 'images' && evaluation.images && !evaluation.diverged) showGallery(evaluation.images, evaluation.part, ready.dataset.classNames);
      if (mode === 'reconstructions' && evaluation.reconstructions && !evaluation.diverged) showReconstructions(evaluation.reconstructions, evaluation.part);
      return;
    }
    const names = ready.dataset.classNames;
    const partText = `${evaluation.part} part, ${evaluation.samples.toLocaleString('en-US')} examples`;
    if (evaluation.diverged && mode === 'regression') {
      regressionChart.setPoints([]);
      $('tv-view-note').textContent = `Diverged: the network's predictions on the ${partText} are not usable numbers, so nothing is plotted.`;
      return;
    }
    if (evaluation.diverged) {
      shownConfusion = 'diverged';
      const note = document.createElement('p');
      note.className = 'view-note diverged-note';
      note.textContent = `Diverged: the network's outputs on the ${partText} are not finite (NaN or infinite), so there are no predicted classes to count.`;
      $('tv-confusion').replaceChildren(note);
      return;
    }
    const confusionKey = evaluation.report ? `${evaluation.part}:${Array.from(evaluation.report.confusion.data).join(',')}` : '';
    if (evaluation.report && confusionKey !== shownConfusion) {
      shownConfusion = confusionKey;
      const r = evaluation.report;
      renderConfusionTable($('tv-confusion'), {
        classNames: names, confusion: r.confusion, recall: Array.from(r.recall), precision: Array.from(r.precision),
        f1: Array.from(r.f1), support: Array.from(r.support), accuracy: r.accuracy, macroF1: r.macroF1,
        caption: `${partText[0].toUpperCase()}${partText.slice(1)}`,
      });
    }
    if (parts === 'all' && mode === 'images' && evaluation.images) showGallery(evaluation.images, evaluation.part, names);
    if (parts === 'all' && mode === 'reconstructions' && evaluation.reconstructions) showReconstructions(evaluation.reconstructions, evaluation.part);
    markProjection(evaluation);
    if (mode === 'regression' && evaluation.predictions) {
      // every output of every example: several targets (or an autoencoder's features) share the axes
      const points = Array.from(evaluation.predictions, (y, i) => ({ x: evaluation.targets[i], y }));
      regressionChart.setPoints(points);
      $('tv-view-note').textContent = `Each dot is ${outputsText(evaluation.outputs, ready.dataset.reconstruct)} of the ${partText} (R² ${formatScore(evaluation.metric, 'r2')}${ready.dataset.reconstruct ? ', variance-weighted' : evaluation.outputs > 1 ? ', the mean over the outputs' : ''}); a perfect model puts every dot on the diagonal.`;
    }
  }

  /** An autoencoder's first images of the scored part, each above its reconstruction with its error. */
  function showReconstructions(r, part) {
    const size = r.width * r.height;
    let [low, high] = [Infinity, -Infinity];
    for (const v of r.originals) { low = Math.min(low, v); high = Math.max(high, v); }
    const pairs = Array.from({ length: r.count }, (_, i) => ({
      top: r.originals.subarray(i * size, (i + 1) * size),
      bottom: r.outputs.subarray(i * size, (i + 1) * size),
      caption: `error ${formatScore(r.errors[i], 'loss')}`,
      label: `Image ${i + 1} of the ${part} part and its reconstruction: error ½‖x̂ − x‖² = ${formatScore(r.errors[i], 'loss')}`,
    }));
    renderImagePairs($('tv-recon'), { width: r.width, height: r.height, pairs, rows: ['original', 'reconstructed'], valueRange: [Math.min(low, 0), high > low ? high : low + 1] });
    $('tv-recon').dataset.errors = Array.from(r.errors).join(',');
    setText($('tv-view-note'), `The first ${r.count} images of the ${part} part as the network takes them (top) and its output for each (bottom), with each one's reconstruction error ½‖x̂ − x‖².`);
  }

  /** The gallery of an evaluation: the first images or the mistakes, each "true → predicted (confidence)". */
  function showGallery(im, part, names) {
    const confidenceName = im.probabilities ? 'probability' : 'output';
    $('tv-gallery').value = im.mode;
    $('tv-view-title').textContent = im.mode === 'mistakes' ? 'Mistakes' : 'Test images';
    setText($('tv-view-note'), galleryNote(im.mode, im.probabilities));
    setText($('tv-gallery-count'), galleryCount(im, part));
    $('tv-gallery-count').dataset.matched = String(im.matched);
    $('tv-gallery-count').dataset.shown = String(im.count);
    const imagesKey = `${part}:${im.mode}:${Array.from(im.indices).join(',')}`;
    // the same images as shown: only their predictions change, in place
    const updated = imagesKey === shownImages && updateImagePredictions($('tv-images'), {
      predictedLabels: Array.from(im.predicted), trueLabels: Array.from(im.labels), confidences: Array.from(im.confidence), classNames: names, confidenceName,
    });
    if (updated) return;
    shownImages = imagesKey;
    const size = im.width * im.height;
    const images = Array.from({ length: im.count }, (_, i) => ({
      pixels: im.pixels.subarray(i * size, (i + 1) * size),
      trueLabel: im.labels[i],
      predictedLabel: im.predicted[i],
      confidence: im.confidence[i],
    }));
    let high = 0;
    for (const v of im.pixels) high = Math.max(high, v);
    renderImageGrid($('tv-images'), { width: im.width, height: im.height, images, valueRange: [0, high || 1], classNames: names, confidenceName });
  }

  // ---------- runs and sweeps ----------

  /** The sweeps on the chart (all of the same setting) and that setting's entry in SWEEPS. */
  const shownSweeps = () => ({ sweep: SWEEPS[sweeps.at(-1)?.key], list: sweeps });

  /** The sweeps' names: the settings (other than the swept one) that differ between them. */
  function sweepNames() {
    const { sweep, list } = shownSweeps();
    const without = (d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== sweep.describes));
    return differingLabels(list.map((s) => without(s.description)), 'sweep').map((label, i) => label || `sweep ${i + 1}`);
  }

  /** What the sweep chart's lines mean: the part by the line style, the score by the marker. */
  function sweepKey() {
    const points = sweeps.flatMap((s) => s.points);
    const heldOut = [...new Set(points.map((p) => p.heldOut).filter(Boolean))];
    const metric = points.some((p) => p.metricName === 'r2') ? 'R²' : 'accuracy';
    /** @type {{ label: string, dashed?: boolean, marker?: string, open?: boolean }[]} */
    const key = [{ label: 'solid: train', dashed: false }];
    if (heldOut.length) key.push({ label: `dashed: ${heldOut.join(' or ')}`, dashed: true });
    key.push({ label: metric, marker: MARKERS.score });
    if (points.some((p) => Number.isFinite(p.trainF1) || Number.isFinite(p.heldOutF1))) key.push({ label: 'macro F1', marker: MARKERS.f1, open: true });
    return key;
  }

  /**
   * The sweep chart's x axis: the names swept, in the order first given ({categories}); or for
   * numbers a log axis when the values span decades, and its note.
   */
  function sweepAxis() {
    const { sweep, list } = shownSweeps();
    const values = list.flatMap((s) => s.values);
    if (sweep.choices) return { logX: false, note: '', categories: [...new Set(values)] };
    const logX = spansDecades(values);
    const zero = values.includes(0);
    const note = !logX ? ''
      : `${sweep.label[0].toUpperCase()}${sweep.label.slice(1)} on a log scale: every factor of 10 takes the same distance.`
        + (zero ? ' 0 has no place on a log scale, so it is drawn one factor of 10 left of the smallest value, at the tick "0"; the break mark on the axis shows the jump.' : '');
    return { logX, note, categories: null };
  }

  function drawSweeps() {
    const { sweep, list } = shownSweeps();
    if (!sweep) return;
    // the rows of the points that came since the last drawing, in one change to the page
    for (const s of list) if (s.pendingRows?.length) s.table.tBodies[0].append(...s.pendingRows.splice(0));
    const names = sweepNames();
    const r2 = list.some((s) => s.points.some((p) => p.metricName === 'r2'));
    const { logX, note, categories } = sweepAxis();
    const x = (value) => (categories ? categories.indexOf(value) : value);
    setText($('tv-sweep-note'), note);
    // the chart is built again only when its axes change (a new point only changes the series)
    const axes = JSON.stringify({ label: sweep.label, logX, r2, categories });
    if (!sweepChart || sweepAxes !== axes) {
      sweepChart?.destroy();
      sweepChart = createLineChart($('tv-sweep'), { xLabel: sweep.label, yLabel: 'final score', logX, yMin: r2 ? -1 : 0, yMax: 1, showPoints: true, legend: false, categories });
      sweepAxes = axes;
    }
    sweepChart.setSeries(list.flatMap((s, k) => SWEEP_METRICS
      .filter((m) => s.points.some((p) => Number.isFinite(p[m.key])))
      .map((m) => {
        const heldOut = s.points.find((p) => p.heldOut)?.heldOut ?? 'held-out';
        const score = m.f1 ? 'macro F1' : r2 ? 'R²' : 'accuracy';
        return {
          label: `${names[k]} · ${m.part === 'train' ? 'train' : heldOut} ${score}`,
          color: runColor(s.colorIndex),
          dashed: m.part !== 'train',
          width: 2,
          pointStyle: m.f1 ? MARKERS.f1 : MARKERS.score,
          openPoints: m.f1,
          hidden: hiddenSweeps.has(s.id),
          // a diverged or failed value has no score: a gap, named in the table
          points: s.points.map((p) => ({ x: x(p.value), y: p.status === 'diverged' || p.status === 'failed' ? NaN : p[m.key] })),
        };
      })));
    const entries = list.map((s, k) => ({ id: s.id, label: names[k], color: runColor(s.colorIndex), hidden: hiddenSweeps.has(s.id) }));
    sweepLegend.set(entries, sweepKey());
    list.forEach((s, k) => {
      const caption = s.table.querySelector('caption');
      caption.querySelector('.legend-swatch').style.setProperty('--swatch', runColor(s.colorIndex));
      setText(caption.querySelector('.sweep-caption'), `${list.length > 1 ? `${names[k]}: f` : 'F'}inal scores per ${sweep.label}`);
    });
    $('tv-sweep').setAttribute('aria-label', `Final scores against ${sweep.label}, ${list.length} sweep${list.length > 1 ? 's' : ''}; the values are in the tables below`);
  }

  /** The header of a sweep's table, once its first point says what is scored on which parts. */
  function sweepHeader(table, point) {
    const metric = point.metricName === 'r2' ? 'R²' : 'accuracy';
    const heldOut = point.heldOut ?? 'held-out';
    const f1 = point.metricName !== 'r2';
    const columns = [SWEEPS[sweeps.at(-1).key].label, `train ${metric}`, `${heldOut} ${metric}`, ...(f1 ? ['train macro F1', `${heldOut} macro F1`] : []), 'end', 'time'];
    const row = document.createElement('tr');
    for (const text of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      row.append(th);
    }
    /** @type {HTMLElement} */ (row.lastElementChild).title = 'Wall time: setting up and training this value';
    table.tHead.replaceChildren(row);
    table.dataset.f1 = String(f1);
  }

  /**
   * A new table for a sweep, with a caption (its colour and name) and a header filled in by its
   * first point, in a box that scrolls sideways on a narrow screen.
   */
  function sweepTable() {
    const box = document.createElement('div');
    box.className = 'sweep-table-box';
    box.tabIndex = 0; // a box that scrolls can be scrolled with the keyboard
    const table = document.createElement('table');
    box.append(table);
    table.className = 'sweep-table';
    table.dataset.testid = 'sweep-table';
    const caption = table.createCaption();
    const swatch = document.createElement('span');
    swatch.className = 'legend-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    text.className = 'sweep-caption';
    caption.append(swatch, text);
    table.createTHead();
    table.createTBody();
    return { box, table };
  }

  /** A figure of a chart: its title with the dataset, the visible groups' names, the key, notes and the shared settings. */
  function figure(chart, { title, entries, key, notes = [], descriptions, leaveOut = [] }) {
    const data = new Set(descriptions.map((d) => d.data));
    const shared = sharedSettings(descriptions, ['data', ...leaveOut]);
    return chart.toFigure({
      title: data.size === 1 ? `${title} — ${[...data][0]}` : title,
      legend: entries.filter((e) => !e.hidden && !e.empty).map((e) => ({ label: e.tag ? `${e.label} (${e.tag})` : e.label, color: e.color, thick: e.thick })),
      key,
      notes,
      settings: shared ? `${descriptions.length > 1 ? 'Settings shared by all' : 'Settings'}: ${shared}` : '',
    });
  }

  /** The runs drawn on the curve charts now (hidden ones left out), for a figure's settings line. */
  const visibleRuns = () => (lastCurves?.runs ?? []).filter((r) => !hiddenRuns.has(r.id));

  function exportCurves(which) {
    const loss = which === 'loss';
    const runs = visibleRuns().filter((r) => r.history.length);
    if (!runs.length) return;
    // a run with no epoch yet has no line: the figure's legend leaves it out
    const empty = new Set((lastCurves?.runs ?? []).filter((r) => !r.history.length).map((r) => r.id));
    const url = figure(loss ? lossChart : metricChart, {
      title: $(loss ? 'tv-loss-title' : 'tv-metric-title').textContent,
      entries: curveLegend.entries.map((e) => ({ ...e, empty: empty.has(e.id) })),
      key: curveLegend.key,
      notes: [$(loss ? 'tv-loss-formula' : 'tv-metric-note').textContent].filter(Boolean),
      descriptions: runs.map((r) => r.description),
    });
    download(loss ? 'backprop-lab-loss.png' : `backprop-lab-${metricName === 'r2' ? 'r2' : 'accuracy'}.png`, url);
  }

  function exportSweep() {
    const { sweep, list } = shownSweeps();
    if (!sweep || !sweepChart) return;
    const names = sweepNames();
    const visible = list.filter((s) => !hiddenSweeps.has(s.id));
    const url = figure(sweepChart, {
      title: `Final scores against ${sweep.label}`,
      entries: list.map((s, k) => ({ label: names[k], color: runColor(s.colorIndex), hidden: hiddenSweeps.has(s.id) })),
      key: sweepKey(),
      notes: [sweepAxis().note].filter(Boolean),
      descriptions: (visible.length ? visible : list).map((s) => s.description),
      leaveOut: [sweep.describes],
    });
    download(`backprop-lab-sweep-${sweeps.at(-1).key}.png`, url);
  }

  /** The data view (decision boundary or prediction plot) as a figure; a grid of images has none. */
  function exportView() {
    const current = lastCurves?.runs.find((r) => r.kind === 'current');
    const title = $('tv-view-title').textContent;
    const descriptions = current ? [current.description] : [];
    let url = null;
    if (mode === 'map' && mapInput) {
      // drawn again on a canvas of the same size at the figure's scale, with its own legend and axis titles
      const map = $('tv-map');
      const copy = document.createElement('canvas');
      copy.width = map.clientWidth;
      copy.height = map.clientHeight;
      drawPointMap(copy, {
        ...mapInput.bounds, points: mapInput.points, classes: mapInput.classes, grid: lastGrid,
        xLabel: mapInput.xLabel, yLabel: mapInput.yLabel, pixelRatio: FIGURE_SCALE, flagLabel: FLAG_LABEL,
      });
      const shared = sharedSettings(descriptions, ['data']);
      url = composeFigure(copy, { title: current ? `${title} — ${current.description.data}` : title, notes: [$('tv-view-note').textContent], settings: shared ? `Settings: ${shared}` : '' });
    } else if (mode === 'regression' && regressionChart) {
      url = figure(regressionChart, { title, entries: [], key: [], notes: [$('tv-view-note').textContent], descriptions });
    }
    if (url) download('backprop-lab-data-view.png', url);
  }

  $('tv-pin').addEventListener('click', handlers.onPin);
  $('tv-run-all').addEventListener('click', handlers.onRunAll);
  $('tv-start-now').addEventListener('change', (e) => handlers.onStartNow(e.target.checked));
  $('tv-loss-sum').addEventListener('change', () => handlers.onLossDisplay());
  $('tv-loss-log').addEventListener('change', () => handlers.onLossDisplay());
  $('tv-eval-part').addEventListener('change', (e) => handlers.onEvaluate(e.target.value));
  $('tv-gallery').addEventListener('change', (e) => handlers.onGallery(e.target.value));
  $('tv-sweep-key').addEventListener('change', (e) => {
    $('tv-sweep-values').value = SWEEPS[e.target.value].example;
  });
  $('tv-sweep-run').addEventListener('click', () => handlers.onSweep($('tv-sweep-key').value, $('tv-sweep-values').value));
  $('tv-workers').addEventListener('change', (e) => handlers.onWorkers(e.target.value === '' ? null : Number(e.target.value)));
  $('tv-sweep-folds').addEventListener('change', (e) => handlers.onFolds(Number(e.target.value) === 1 ? null : Number(e.target.value)));
  $('tv-sweep-cancel').addEventListener('click', handlers.onCancelSweep);
  $('tv-export-csv').addEventListener('click', handlers.onExportCsv);
  $('tv-export-loss').addEventListener('click', () => exportCurves('loss'));
  $('tv-export-metric').addEventListener('click', () => exportCurves('metric'));
  $('tv-export-sweep').addEventListener('click', exportSweep);
  $('tv-export-view').addEventListener('click', exportView);
  $('tv-export-model').addEventListener('click', handlers.onExportModel);
  $('tv-import').addEventListener('change', () => {
    const file = $('tv-import').files[0];
    if (file) handlers.onImportModel(file);
    $('tv-import').value = '';
  });
  /** The sample number typed (from 1) as the worker's index (from 0), or null after saying why not. */
  const sampleIndex = () => {
    // counted from 1, as the page counts samples and operations; the worker's index is from 0
    const number = Number($('tv-step-index').value);
    if (!Number.isInteger(number) || number < 1) {
      $('tv-step-error').textContent = `the sample number must be a whole number from 1; "${$('tv-step-index').value}" is not allowed`;
      return null;
    }
    $('tv-step-error').textContent = '';
    return number - 1;
  };
  $('tv-step-through').addEventListener('click', () => {
    const index = sampleIndex();
    if (index !== null) handlers.onStepThrough(index);
  });
  $('tv-step-npz').addEventListener('click', () => {
    const index = sampleIndex();
    if (index !== null) handlers.onStepNpz(index);
  });
  $('tv-codes-make').addEventListener('click', () => handlers.onCodes(Number($('tv-codes-layer').value)));

  return {
    /**
     * The hidden layers an autoencoder's codes can come from (the model spec's layers but the
     * last), the narrowest chosen (the first of equals): its bottleneck.
     */
    setCodeLayers(spec) {
      const hidden = spec.layers.slice(0, -1);
      const select = /** @type {HTMLSelectElement} */ ($('tv-codes-layer'));
      select.replaceChildren(...hidden.map((layer, i) => new Option(`layer ${i + 1}: ${layer.units} ${layer.activation} units`, String(i))));
      const narrowest = hidden.reduce((best, layer, i) => (layer.units < hidden[best].units ? i : best), 0);
      select.value = String(narrowest);
      select.disabled = hidden.length === 0;
      $('tv-codes-make').disabled = hidden.length === 0;
      $('tv-codes-status').textContent = hidden.length ? '' : 'This network has no hidden layer to take codes from: add one.';
    },
    /** The hand-off's progress or error. */
    setCodesStatus(text) { $('tv-codes-status').textContent = text; },
    drawCurves,
    showData,
    startRun,
    drawBoundary,
    showEvaluation,
    /** The gallery choice from the link ('first' | 'mistakes'). */
    setGallery(value) { $('tv-gallery').value = value; },
    setBusy(running) {
      $('tv-export-model').disabled = running;
      $('tv-step-through').disabled = running;
      $('tv-step-npz').disabled = running;
      $('tv-import').disabled = running;
    },
    /** The comparison a link holds and has not run yet: its description, or null to hide it. */
    showComparison(text) {
      $('tv-comparison').hidden = !text;
      $('tv-comparison-text').textContent = text ?? '';
    },
    comparisonStatus(text, busy) {
      $('tv-comparison-status').textContent = text;
      $('tv-run-all').disabled = busy;
    },
    /** Whether the page's link starts its comparison at once. */
    showStartNow(on) { $('tv-start-now').checked = on; },
    /** Puts a sweep's setting and values in the form (a link's sweep, before it runs). */
    fillSweep(key, values) {
      $('tv-sweep-key').value = key;
      $('tv-sweep-values').value = values.join(', ');
    },
    sweepError(message) { $('tv-sweep-error').textContent = message; },
    /**
     * A new sweep of `key` over `values` for a run described by `description`: earlier sweeps of the
     * same setting stay on the chart, each with its table (at most MOST_SWEEPS, the oldest goes).
     */
    beginSweep(key, sweep, values, description) {
      if (sweeps.length && sweeps.at(-1).key !== key) {
        for (const s of sweeps) s.box.remove();
        sweeps = [];
        hiddenSweeps.clear();
      }
      if (sweeps.length >= MOST_SWEEPS) sweeps.shift().box.remove();
      const used = new Set(sweeps.map((s) => s.colorIndex));
      let colorIndex = 0;
      while (used.has(colorIndex)) colorIndex += 1;
      const entry = { id: `sweep-${(sweepIds += 1)}`, key, description, colorIndex, values, points: [], ...sweepTable() };
      sweeps.push(entry);
      $('tv-sweep-tables').append(entry.box);
      $('tv-sweep-result').hidden = false;
      $('tv-sweep-run').disabled = true;
      $('tv-sweep-cancel').hidden = false;
      $('tv-export-sweep').disabled = false;
      $('tv-export-sweep').removeAttribute('title');
      drawSweeps();
      return entry;
    },
    /** The values training now, each with its epoch, and how many are done. */
    sweepProgress({ running, done, total, workers }) {
      const folds = Number($('tv-sweep-folds').value);
      const now = running.map(({ index, value, fold, epoch, epochs }) => `value ${index + 1} (${value})${folds > 1 ? ` fold ${fold + 1}` : ''} epoch ${epoch}${epochs ? ` of ${epochs}` : ''}`);
      pendingStatus = `${done} of ${total} ${folds > 1 ? 'runs' : 'values'} done · training on ${workers} worker${workers > 1 ? 's' : ''}: ${now.join('; ') || 'starting'}`;
      sweepStatus.soon();
    },
    /** The folds of cross-validation as the link says (null: none). */
    setFolds(count) { $('tv-sweep-folds').value = String(count ?? 1); },
    /** The sweep's workers as the link says (null: automatic). */
    setWorkers(count) { $('tv-workers').value = count === null ? '' : String(count); },
    sweepPoint(entry, point) {
      entry.points.push(point);
      if (!entry.table.isConnected) return; // a sweep taken off the chart still finishes
      if (!entry.table.tHead.rows.length) sweepHeader(entry.table, point);
      const row = document.createElement('tr');
      const ended = point.status === 'diverged' || point.status === 'failed';
      const keys = ['trainMetric', 'heldOutMetric', ...(entry.table.dataset.f1 === 'true' ? ['trainF1', 'heldOutF1'] : [])];
      row.dataset.status = point.status;
      const head = document.createElement('th');
      head.scope = 'row';
      head.textContent = String(point.value);
      row.append(head);
      // with folds: the mean over the folds ± their standard deviation
      for (const k of keys) {
        const spread = point[`${k}Spread`];
        row.insertCell().textContent = ended ? point.status : `${formatScore(point[k], 'score')}${Number.isFinite(spread) ? ` ± ${formatScore(spread, 'score')}` : ''}`;
      }
      const end = row.insertCell();
      end.textContent = point.status.replace('_', ' ');
      if (point.message) end.title = point.message;
      const time = row.insertCell();
      time.className = 'time';
      time.dataset.seconds = String(point.seconds);
      time.textContent = formatSeconds(point.seconds);
      (entry.pendingRows ??= []).push(row);
      // the chart and the new rows at most every SWEEP_DRAW_MS while the pool trains: each change
      // to the page costs a layout on the main thread, which shares the cores with the workers
      sweepDraws.soon();
    },
    endSweep(message, failed = false) {
      sweepDraws.now();
      sweepStatus.now();
      pendingStatus = null;
      $('tv-sweep-status').textContent = message;
      $('tv-sweep-status').classList.toggle('failed', failed);
      $('tv-sweep-run').disabled = false;
      $('tv-sweep-cancel').hidden = true;
    },
    importError(message) { $('tv-import-error').textContent = message; },
    stepThroughError(message) { $('tv-step-error').textContent = message; },
  };
}
