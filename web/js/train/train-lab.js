// The Train lab: configure data, architecture and settings (train-form.js), train in a Web Worker
// with start, pause, step and reset, and watch live charts (train-views.js); runs can be pinned,
// swept over one setting, exported, and handed to the Step-through lab.
import { TrainingClient } from '../engine/training-client.js';
import { createTrainForm, resetToRecipe } from './train-form.js';
import { datasetCatalog, describeLoss, runConfig, RECIPES } from './train-config.js';
import { createTrainData, readText } from './train-data.js';
import { formatScore, formatSeconds } from '../ui/format.js';
import { createFrameQueue, throttle } from '../ui/frame-scheduler.js';
import { changedProperties, properties, ownerOf } from '../state.js';
import { SWEEPS, describeRun, differingLabels, parseSweepValues, runSweep, trainRun } from './train-runs.js';
import { decodePins, decodeSweep, encodePins, encodeSweep } from './train-comparison.js';
import { createRunPins } from './train-pins.js';
import { curvesCsv, modelJson, parseModelFile } from './train-export.js';
import { download } from '../ui/download.js';
import { evaluationsNote } from './train-evaluations.js';
import { NPZ_BATCH, createTrainViews } from './train-views.js';
import { poolSize } from './train-pool.js';
import { createGridCard } from './train-grid-card.js';
import { createDiagnosticsCard } from './train-diagnostics.js';
import { describeHandOver, handOverState } from '../step/handed-over.js';
import { tracedStep } from '../numpy/step-variants.js';
import { npzBytes, traceArrays } from '../numpy/trace-npz.js';

/** While a run trains, the diagnostics card is drawn at most this often (ms). */
const DIAGNOSTICS_MS = 1000;

/** A Train-lab display preference (the budget, mean or sum): changing it sets up no new run. */
const isView = (name) => properties().find((p) => p.name === name)?.view === true;
const capitalise = (text) => (text ? `${text[0].toUpperCase()}${text.slice(1)}` : text);
const END_STATES = ['finished', 'early_stopped', 'diverged', 'stopped', 'failed'];
/** The link properties that hold a comparison (train-comparison.js). */
const COMPARISON_KEYS = ['tpins', 'tsweep', 'tstart'];
/** The curves are redrawn at most this often (ms), so that fast epochs never queue up chart work. */
const CURVE_MS = 250;

/** Sets an element's text only when it differs, so that an unchanged line costs no paint. */
const setText = (element, text) => { if (element.textContent !== text) element.textContent = text; };

/** Builds the lab inside `root`; returns {show, update, onKey} for main.js. */
export function createTrainLab(root, { lab, store, openInStepLab }) {
  const catalog = datasetCatalog(lab);
  root.innerHTML = `
    <div class="train-bar card" role="group" aria-label="Training controls">
      <div class="train-buttons">
        <button type="button" id="train-start" class="primary" disabled title="Start or pause (Space)">Start</button>
        <button type="button" id="train-step" disabled title="Train on one mini-batch">Step batch</button>
        <button type="button" id="train-epoch" disabled title="Train to the end of the current epoch">Step epoch</button>
        <button type="button" id="train-reset" disabled title="New initial weights, empty history">Reset</button>
      </div>
      <div class="train-progress">
        <progress id="train-progress" max="1" value="0" aria-label="Training progress"></progress>
        <p id="train-status" class="train-status" aria-live="polite">Preparing the data…</p>
      </div>
      <div class="train-score" aria-live="off">
        <span class="score-label" id="train-score-label">accuracy</span>
        <span class="score-value" data-testid="train-metric" id="train-metric">–</span>
        <span class="score-sub" id="train-heldout"></span>
      </div>
    </div>
    <div class="train-alert" id="train-alert" role="alert" data-testid="train-alert" hidden></div>
    <p class="lab-error" id="train-error" role="alert" hidden></p>
    <div class="train-layout">
      <div class="train-config" id="train-form"></div>
      <div class="train-results" id="train-views"></div>
    </div>`;
  const $ = (id) => root.querySelector(`#${id}`);

  /** What the lab keeps between events. */
  const st = {
    state: store.state, // the page state last shown
    client: null, // the training worker's client: trainingClient() makes it
    run: null, // {config, ready, history, description, state, evaluation, pinned}
    runState: 'idle',
    latest: null, // the last progress message, drawn by renderProgress()
    setups: 0, // counts configure() calls: an older one that finishes late is dropped
    pendingImport: null, // {parameters} applied by the next setup
    csvUploads: 0, // counts uploads: an older one that finishes late is dropped
    csvFile: null, // {text, name, chosen} of the CSV read last (chosen: its task and columns), parsed again when they change
    sweep: null, // the sweep running, {done, cancel()}
    started: false, // the first run has been set up
    configureTimer: null,
    pending: null, // a link's comparison not yet run: {states (pinned runs' page states), sweep {key, values}, total}
    comparing: false, // "Run all" is training the link's comparison
    startedComparison: false, // tstart=now has started it once
    lastSweep: null, // {key, values} of the last sweep started, for the link
    writingLink: false, // the lab is writing the comparison into the link (not a pasted one)
  };
  const data = createTrainData(lab, catalog);
  const pins = createRunPins();
  const frames = createFrameQueue();

  const views = createTrainViews($('train-views'), {
    onPin: pinCurrent,
    onLossDisplay: () => store.set({ tlossview: $('tv-loss-sum').value }),
    onUnpin: (id) => { pins.unpin(id); renderCurves(); linkComparison(); },
    onRunAll: runAll,
    onStartNow: (on) => store.set({ tstart: on ? 'now' : 'click' }),
    onEvaluate: (part) => store.set({ teval: part }),
    onGallery: (images) => store.set({ timages: images }),
    onSweep: startSweep,
    onWorkers: (count) => store.set({ tworkers: count }),
    onFolds: (count) => store.set({ tfolds: count }),
    onCancelSweep: () => st.sweep?.cancel(),
    onExportCsv: exportCsv,
    onExportModel: exportModel,
    onImportModel: importModel,
    onStepThrough: stepThrough,
    onStepNpz: stepNpz,
    onCodes: makeCodes,
  });
  const grid = createGridCard(root.querySelector('#tv-grid-holder'), {
    state: () => st.state, makeSetup: (s) => data.makeSetup(s, null, true), datasetInfo: () => data.preview.info, store,
  });
  const diagnostics = createDiagnosticsCard(root.querySelector('#tv-diagnostics-holder'), {
    landscape: {
      // computed at paused weights: a running run is paused first (the worker takes the messages in order)
      compute: (options, onProgress) => {
        if (st.runState === 'running') st.client.pause();
        return trainingClient().landscape(options, onProgress);
      },
      cancel: () => st.client?.cancelLandscape(),
    },
  });
  const form = createTrainForm($('train-form'), {
    store, catalog, onCsv: uploadCsv, onCsvOptions: parseCsvAgain, initDistributions: (spec) => lab.initDistributions(spec), classNames: () => data.preview.classNames,
  });

  function showError(message) {
    $('train-error').textContent = message;
    $('train-error').hidden = !message;
  }

  function setRunState(next) {
    st.runState = next;
    root.dataset.runState = next;
    const ready = Boolean(st.run?.ready) && next !== 'configuring';
    const running = next === 'running';
    const ended = END_STATES.includes(next);
    $('train-start').disabled = !ready;
    $('train-start').textContent = running ? 'Pause' : next === 'paused' ? 'Resume' : ended ? 'Train again' : 'Start';
    $('train-start').setAttribute('aria-pressed', String(running));
    $('train-step').disabled = !ready || running || ended;
    $('train-epoch').disabled = !ready || running || ended;
    $('train-reset').disabled = !ready;
    views.setBusy(running);
  }

  /** The training worker's client: started on first need, with the lab's listeners. */
  function trainingClient() {
    if (st.client) return st.client;
    const client = new TrainingClient();
    st.client = client;
    client.on('progress', onProgress);
    client.on('reset', () => renderCurves()); // resetRun() has emptied the history
    // a training failure is shown by the 'failed' progress that follows; other errors here
    client.on('error', (m) => { if (st.run && m.for !== 'training' && m.for !== 'parseCsv' && m.for !== 'layerFeatures') showError(m.message); });
    client.loaded.catch((error) => showError(`The training worker did not start: ${error.message}`));
    return client;
  }

  /**
   * An upload is read with progress and parsed once, in the training worker: the main thread never
   * parses it (a 20 MB file froze the page for seconds). The preview gets a copy of the numbers.
   */
  async function uploadCsv(file) {
    form.setCsvError('');
    const id = ++st.csvUploads;
    try {
      if (file.size > 20e6) throw new Error(`[CSV] ${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files up to 20 MB are allowed`);
      const megabytes = (file.size / 1e6).toFixed(1);
      const text = await readText(file, (fraction) => form.setCsvStatus(`Reading ${file.name}: ${Math.round(100 * fraction)}% of ${megabytes} MB…`));
      st.csvFile = { text, name: file.name };
      await parseCsv(id);
    } catch (error) {
      form.setCsvStatus('');
      form.setCsvError(`${file.name}: ${error.message}`);
    }
  }

  /** The output of the student's own data: its recipe's (softmax) for classes, an identity for regression targets. */
  const ownOutput = (info) => (info.task === 'regression' ? 'identity_mse' : null);

  /** Parses the file read last with the form's task and columns, and opens it. */
  async function parseCsv(id) {
    const { text, name } = st.csvFile;
    form.setCsvStatus(`Parsing ${name} in the background…`);
    st.csvFile.chosen = JSON.stringify(form.csvOptions());
    const options = { header: true, name: name.replace(/\.csv$/i, ''), ...form.csvOptions() };
    const parsed = await trainingClient().parseCsv(text, options, id);
    if (id !== st.csvUploads) return;
    data.useCsv({ id, text, options, name }, parsed);
    const { info } = parsed;
    const targets = info.task === 'regression' ? `, ${info.targetNames.length === 1 ? 'target' : `${info.targetNames.length} targets`} ${info.targetNames.join(', ')}` : `, ${info.classes} classes`;
    form.setCsvStatus(`${name}: ${info.samples.toLocaleString('en-US')} samples, ${info.features} features${targets}.`);
    store.set(resetToRecipe({ tdata: 'csv', ttask: null, tout: ownOutput(info) }));
  }

  /** A new task or columns for the CSV read already: it is parsed again (the file is kept until another is read). */
  async function parseCsvAgain() {
    // the same choice as the last parse (a field left without a change of value) changes nothing
    if (!st.csvFile || st.csvFile.chosen === JSON.stringify(form.csvOptions())) return;
    form.setCsvError('');
    const id = ++st.csvUploads;
    try {
      await parseCsv(id);
    } catch (error) {
      form.setCsvStatus('');
      form.setCsvError(`${st.csvFile.name}: ${error.message}`);
    }
  }

  /**
   * An autoencoder's hand-off (seed 004 C.5): the training worker makes a dataset of hidden layer
   * `layer`'s outputs for every sample, with their labels, at the run's current weights; the lab
   * then opens it as the student's own data with its recipe, to train a classifier on the codes.
   */
  async function makeCodes(layer) {
    if (!st.run) return;
    const id = ++st.csvUploads;
    views.setCodesStatus(`Computing the codes of all ${st.run.ready.dataset.samples.toLocaleString('en-US')} samples…`);
    try {
      const made = await trainingClient().layerFeatures(layer, id);
      if (id !== st.csvUploads) return;
      data.useCsv({ id, text: null, options: null, name: made.info.name }, made);
      views.setCodesStatus('');
      form.setCsvStatus(`${made.info.name}: ${made.info.samples.toLocaleString('en-US')} samples, ${made.info.features} features, made from the autoencoder.`);
      store.set(resetToRecipe({ tdata: 'csv', ttask: null, tout: ownOutput(made.info) }));
    } catch (error) {
      views.setCodesStatus(error.message);
    }
  }

  // ---------- the run ----------

  async function configure() {
    const id = ++st.setups;
    const s = st.state;
    pins.keepAsPrevious(st.run);
    st.run = null;
    setRunState('idle');
    $('train-alert').hidden = true;
    $('train-status').textContent = 'Preparing the data…';
    let setup;
    try {
      const parameters = st.pendingImport?.parameters ?? null;
      setup = await data.makeSetup(s, parameters);
      if (id !== st.setups) return;
      form.render(s, data.preview.info);
      views.showData(data.preview.info, data.preview.points, data.preview.bounds);
      const ready = await trainingClient().setup(setup);
      if (id !== st.setups) return;
      st.pendingImport = null;
      showError('');
      form.setClassesError('');
      const config = runConfig(s);
      st.run = { config, ready, history: [], layerStats: [], diagnoses: [], description: describeRun(s, config), state: s, evaluation: null };
      st.latest = null;
      views.startRun(ready);
      diagnostics.start(ready);
      if (ready.dataset.reconstruct) views.setCodeLayers(ready.spec);
      form.setSplit(ready.parts);
      $('train-score-label').textContent = ready.metricName === 'r2' ? 'train R²' : 'train accuracy';
      $('train-metric').textContent = '–';
      $('train-heldout').textContent = '';
      setRunState('ready');
      renderCurves();
      if (st.pending && st.state.tstart === 'now' && !st.startedComparison) {
        st.startedComparison = true;
        runAll();
      }
    } catch (error) {
      if (id !== st.setups) return;
      showError(`${error.message}. Change the setting named in this message; the last working run was kept in the charts.`);
      if (error.message.startsWith('[Dataset] classes:')) {
        form.render(s, data.preview.info);
        form.setClassesError(error.message.replace('[Dataset] classes: ', 'Classes to keep: '));
      }
      $('train-status').textContent = 'Not ready: see the message above.';
      if (s.tdata === 'csv' && !data.csv) store.set({ tdata: 'circles' });
    }
  }

  /**
   * Drawing waits for animation frames, one piece a frame (status, each chart, boundary, scores),
   * so that the end of a run, when everything changes at once, is spread over several frames. The
   * curves are redrawn at most every CURVE_MS; now() redraws in the next frames (a run ended or paused).
   */
  const { inFrame } = frames;
  const curves = throttle(() => {
    inFrame('progress', renderProgress);
    // each chart in a frame of its own: a Chart.js redraw is the longest piece of work here
    inFrame('curves-loss', () => renderCurves('loss'));
    inFrame('curves-metric', () => renderCurves('metric'));
  }, CURVE_MS);
  /**
   * The diagnostics card at most every DIAGNOSTICS_MS while a run trains, in two frames (its chart
   * and table; its histograms and weight images): a digits run records an epoch every few
   * milliseconds, and drawing each one held the page's frames back (83 ms gaps instead of 50).
   */
  const diagnosticsDraw = throttle(() => {
    const run = st.run;
    if (!run || run.statsDrawn === run.layerStats.length) return;
    run.statsDrawn = run.layerStats.length;
    inFrame('diagnostics', () => { if (st.run === run) diagnostics.show(run.layerStats, run.diagnoses); });
    inFrame('diagnostics-layers', () => { if (st.run === run) diagnostics.showLayers(run.layerStats, run.firstWeights); });
  }, DIAGNOSTICS_MS);

  /**
   * A progress message: the history and state are taken at once; the status, curves, boundary
   * and scores are drawn in the frames that follow (see inFrame).
   */
  function onProgress(m) {
    const { run } = st;
    if (!run) return;
    if (m.history.length) run.history.push(...m.history);
    if (m.layerStats?.length) {
      run.layerStats.push(...m.layerStats);
      run.diagnoses = m.diagnoses;
      run.firstWeights = m.firstWeights;
      if (m.state === 'running') diagnosticsDraw.soon();
    }
    st.latest = m;
    if (m.grid) inFrame('boundary', () => { if (st.run === run) views.drawBoundary(m.grid); });
    if (m.evaluation) {
      run.evaluation = m.evaluation;
      // the scores and the gallery each in a frame of their own (each lays out a large part of the page)
      const current = () => st.run === run && run.evaluation === m.evaluation;
      inFrame('evaluation', () => { if (current()) views.showEvaluation(m.evaluation, run.ready, 'scores'); });
      inFrame('evaluation-images', () => { if (current()) views.showEvaluation(m.evaluation, run.ready, 'images'); });
    }
    if (END_STATES.includes(m.state) && m.state !== st.runState) {
      // the end state is shown last, after the final numbers: when #train-lab says "finished",
      // everything on the page is final
      curves.now();
      diagnosticsDraw.now();
      inFrame('state', () => { if (st.run === run) setRunState(m.state); });
      return;
    }
    if (m.state !== st.runState) setRunState(m.state);
    if (m.state !== 'running') {
      curves.now();
      diagnosticsDraw.now();
    } else {
      curves.soon();
    }
  }

  /**
   * The record whose scores the network holds now: after early stopping with the best weights put
   * back, the best epoch's (as the confusion matrix scores them), else the last epoch's.
   */
  function shownRecord(m = st.latest) {
    const { run } = st;
    if (!run) return null;
    if (m?.restoredBest && m.bestEpoch > 0) return run.history[m.bestEpoch - 1] ?? run.history.at(-1);
    return run.history.at(-1);
  }

  /** The status line, progress bar, scores and divergence alert for the latest progress message. */
  function renderProgress() {
    const { run, latest: m } = st;
    if (!run || !m) return;
    const record = shownRecord(m);
    const kind = run.ready.metricName === 'r2' ? 'r2' : 'accuracy';
    if (!record && (m.state === 'diverged' || m.state === 'failed')) {
      setText($('train-metric'), m.state);
      $('train-metric').dataset.value = 'NaN';
    }
    if (record) {
      const restored = m.restoredBest ? ` (epoch ${record.epoch}, restored)` : '';
      setText($('train-score-label'), `${kind === 'r2' ? 'train R²' : 'train accuracy'}${restored}`);
      setText($('train-metric'), m.state === 'diverged' ? 'diverged' : formatScore(record.trainMetric, kind));
      $('train-metric').dataset.value = String(record.trainMetric);
      // a diverged network's scores are not numbers to read, even where they are finite
      const value = (v) => (m.state === 'diverged' ? 'diverged' : formatScore(v, kind));
      // the held-out part may be scored every few epochs only: the latest score while the run goes on
      const scored = Number.isNaN(record.valMetric) && m.state === 'running' ? run.history.findLast((r) => !Number.isNaN(r.valMetric)) ?? record : record;
      const heldOut = run.ready.heldOut && !Number.isNaN(scored.valMetric) ? `${run.ready.heldOut} ${value(scored.valMetric)}${scored === record ? '' : ` (epoch ${scored.epoch})`}` : '';
      setText($('train-heldout'), heldOut);
      $('train-heldout').dataset.value = String(scored.valMetric ?? '');
    }
    const done = m.epoch + m.batch / m.batchesPerEpoch;
    $('train-progress').value = m.epochs ? Math.min(1, done / m.epochs) : 0;
    const rate = m.samplesPerSecond > 0 ? ` · ${Math.round(m.samplesPerSecond).toLocaleString('en-US')} samples/s` : '';
    const left = m.state === 'running' && m.secondsLeft > 0 ? ` · ${m.secondsLeft < 1 ? 'under a second' : `about ${formatSeconds(m.secondsLeft)}`} left` : '';
    const what = { ready: 'Ready', running: 'Training', paused: 'Paused', finished: 'Finished', early_stopped: 'Stopped early', diverged: 'Diverged', stopped: 'Stopped', failed: 'Failed' }[m.state] ?? m.state;
    const position = `epoch ${m.epoch} of ${m.epochs}${m.batch ? `, batch ${m.batch} of ${m.batchesPerEpoch}` : ''}`;
    // early stopping says it in the core's words: "stopped at epoch 111, best epoch 81 restored: …"
    const evaluations = evaluationsNote(run.config.settings.optimizer.name, run.history.at(-1));
    // (and a run that finished before its last epoch, as L-BFGS does at a minimum, says why)
    const text = (m.state === 'early_stopped' || (m.state === 'finished' && m.epoch < m.epochs)) && m.message
      ? `${capitalise(m.message)}${evaluations}${rate}`
      : `${what} · ${position}${evaluations}${rate}${left}`;
    setText($('train-status'), text);
    if ((m.state === 'diverged' || m.state === 'failed') && $('train-alert').hidden) {
      $('train-alert').hidden = false;
      $('train-alert').innerHTML = '';
      const strong = document.createElement('strong');
      if (m.state === 'diverged') {
        strong.textContent = 'Training diverged. ';
        const kept = /are kept\.$/.test(m.message) ? '' : ' The weights from the last finite step are kept.';
        $('train-alert').append(strong, `${capitalise(m.message)}${kept} The charts and the network stay usable: lower the learning rate and press “Train again”.`);
      } else {
        strong.textContent = 'Training stopped with an error. ';
        $('train-alert').append(strong, `${capitalise(m.message)} The run ended here; change the setting it names, or press “Train again” or Reset.`);
      }
    }
  }

  /** What the current run's curves show: the metric, the loss in words, and the parts' sizes (for sums). */
  function curveContext() {
    const ready = st.run?.ready;
    return {
      metricName: ready?.metricName ?? 'accuracy',
      reconstruct: Boolean(ready?.dataset.reconstruct),
      metrics: ready?.settings.epoch_metrics,
      heldOutEvery: st.latest?.heldOutEvery ?? 1,
      heldOutCost: st.latest?.heldOutCost ?? 0,
      loss: describeLoss(ready?.lossTerms ?? { loss: 'mse', l2: 0 }),
      parts: { train: ready?.parts.train ?? 0, heldOut: ready?.heldOut ? ready.parts[ready.heldOut] : 0 },
    };
  }

  /** The epoch whose weights early stopping put back, or null. */
  const restoredEpoch = () => (st.latest?.restoredBest ? st.latest.bestEpoch : null);

  /** Draws the runs' curves: both charts, or only `which` ('loss' | 'metric'; the optimum goes with the loss). */
  function renderCurves(which) {
    const runs = pins.shown(st.run);
    const ready = st.run?.ready;
    views.drawCurves(runs, {
      ...curveContext(),
      bestEpoch: restoredEpoch(),
      optimum: ready?.optimum ? { ...ready.optimum, lambda: ready.lossTerms.l2 } : null,
    }, which);
  }

  function pinCurrent() {
    if (pins.pin(st.run)) {
      renderCurves();
      linkComparison();
    }
  }

  // ---------- controls ----------

  function startOrPause() {
    const { run, client } = st;
    if (!run?.ready) return;
    if (st.runState === 'running') client.pause();
    else if (END_STATES.includes(st.runState)) { resetRun(); client.start(); }
    else client.start();
  }
  function resetRun() {
    const { run } = st;
    if (!run) return;
    pins.keepAsPrevious(run);
    run.pinned = false;
    run.history = [];
    run.layerStats = [];
    run.diagnoses = [];
    diagnostics.start(run.ready);
    $('train-alert').hidden = true;
    st.client.reset();
  }
  $('train-start').addEventListener('click', startOrPause);
  $('train-step').addEventListener('click', () => st.client?.step());
  $('train-epoch').addEventListener('click', () => st.client?.stepEpoch());
  $('train-reset').addEventListener('click', resetRun);

  // ---------- sweep, export, hand-off ----------

  function startSweep(key, text) {
    const parsed = parseSweepValues(key, text);
    if (parsed.error) return views.sweepError(parsed.error);
    views.sweepError('');
    const sweepState = st.state;
    st.lastSweep = { key, values: parsed.values };
    linkComparison();
    const series = views.beginSweep(key, SWEEPS[key], parsed.values, describeRun(sweepState));
    const info = data.preview.info;
    const folds = sweepState.tfolds ?? 1;
    const pool = poolSize({ runs: parsed.values.length * folds, samples: info?.samples ?? 0, features: info?.features ?? 0, chosen: sweepState.tworkers });
    const started = performance.now();
    st.sweep = runSweep({
      state: sweepState,
      key,
      values: parsed.values,
      workers: pool.size,
      folds,
      makeSetup: (s) => data.makeSetup(s, null, true),
      onProgress: (p) => views.sweepProgress(p),
      onPoint: (point) => views.sweepPoint(series, point),
    });
    const limit = pool.reason === 'memory' ? ` (the data allows ${pool.byMemory} at once in memory)` : '';
    const { workers } = st.sweep;
    st.sweep.done.then(
      (points) => views.endSweep(`Sweep done: ${points.length} of ${parsed.values.length} values trained${folds > 1 ? `, ${folds} folds each,` : ''} in ${formatSeconds((performance.now() - started) / 1000)} on ${workers} worker${workers > 1 ? 's' : ''}${limit}.`),
      (error) => views.endSweep(`The sweep stopped: ${error.message}`, true),
    ).finally(() => { st.sweep = null; });
    return undefined;
  }

  // ---------- a comparison in the link ----------

  /** Writes the pinned runs (with those a link holds and that have not run yet) and the last sweep into the link. */
  function linkComparison() {
    const states = [...pins.states(), ...(st.pending?.states ?? [])];
    const sweep = st.pending?.sweep ?? st.lastSweep;
    const changes = { tpins: encodePins(st.state, states) || null, tsweep: sweep ? encodeSweep(sweep.key, sweep.values) : null };
    if (changes.tpins === st.state.tpins && changes.tsweep === st.state.tsweep) return;
    st.writingLink = true;
    try {
      store.set(changes);
    } finally {
      st.writingLink = false;
    }
  }

  /** Reads the comparison a link holds: it waits, described, for "Run all" (or starts at once with tstart=now). */
  function readComparison(state) {
    const read = decodePins(state, state.tpins);
    const sweep = decodeSweep(state.tsweep);
    const refused = [read.error, sweep?.error].filter(Boolean);
    const states = read.states ?? [];
    const usable = sweep && !sweep.error ? sweep : null;
    st.pending = states.length || usable ? { states, sweep: usable, total: states.length } : null;
    if (usable) views.fillSweep(usable.key, usable.values);
    const parts = [];
    if (states.length) {
      const labels = differingLabels([describeRun(state), ...states.map((s) => describeRun(s))]).slice(1);
      parts.push(`${states.length} pinned run${states.length > 1 ? 's' : ''} (${labels.join('; ')})`);
    }
    if (usable) parts.push(`a sweep of ${SWEEPS[usable.key].label} over ${usable.values.join(', ')}`);
    const held = parts.length ? `This link holds a comparison: this run, ${parts.join(' and ')}. “Run all” trains them all and draws them here.` : '';
    const notUsed = refused.length ? ` Part of the link's comparison could not be used: ${refused.join('; ')}.` : '';
    views.showComparison(held || notUsed ? `${held}${notUsed}`.trim() : null);
    views.comparisonStatus('', !st.pending);
  }

  /** Trains the current run to its end (from where it is). */
  function trainCurrent() {
    return new Promise((resolve) => {
      const off = st.client.on('progress', (m) => {
        if (END_STATES.includes(m.state)) { off(); resolve(); }
      });
      if (st.runState !== 'running') st.client.start();
    });
  }

  /** "Run all": the link's run, then each pinned run in a worker of its own (pinned as it ends), then the sweep. */
  async function runAll() {
    const { pending } = st;
    if (!pending || st.comparing || !st.run?.ready) return;
    st.comparing = true;
    const failed = [];
    try {
      if (!END_STATES.includes(st.runState)) {
        views.comparisonStatus('Training this run…', true);
        await trainCurrent();
      }
      const client = pending.states.length ? new TrainingClient() : null;
      try {
        while (pending.states.length) {
          const state = pending.states[0];
          views.comparisonStatus(`Training pinned run ${pending.total - pending.states.length + 1} of ${pending.total}…`, true);
          try {
            const { ready, history } = await trainRun(client, await data.makeSetup(state, null, true));
            pins.pinRecord({ state, description: describeRun(state), history, heldOut: ready.heldOut, metricName: ready.metricName });
            renderCurves();
          } catch (error) {
            failed.push(`pinned run ${pending.total - pending.states.length + 1}: ${error.message}`);
          }
          pending.states.shift();
        }
      } finally {
        client?.terminate();
      }
      if (pending.sweep) {
        const { key, values } = pending.sweep;
        pending.sweep = null;
        views.comparisonStatus(`Sweeping ${SWEEPS[key].label}…`, true);
        startSweep(key, values.join(', '));
        await st.sweep?.done.catch(() => {});
      }
    } finally {
      st.comparing = false;
      st.pending = null;
      linkComparison();
      const done = failed.length ? `Done, except ${failed.join('; ')}.` : 'Done: every run of the link is on the charts.';
      views.comparisonStatus(done, true);
      root.dataset.comparison = 'done';
    }
  }

  function exportCsv() {
    download('backprop-lab-curves.csv', curvesCsv(pins.exported(st.run, restoredEpoch()), curveContext()), 'text/csv');
  }

  async function exportModel() {
    const { run } = st;
    if (!run) return;
    const snapshot = await st.client.snapshot();
    download(`backprop-lab-model-${st.state.tdata}.json`, modelJson({
      spec: snapshot.spec, parameters: snapshot.parameters, dataset: run.ready.dataset, scaling: run.config.scaling,
      scaler: run.ready.scaler, settings: run.ready.settings, history: snapshot.history,
    }), 'application/json');
  }

  async function importModel(file) {
    try {
      const text = await file.text();
      // the core checks the spec and counts its parameters without building the network
      const model = parseModelFile(text, file.name, (spec) => lab.specParameterCount(spec));
      const info = data.preview.info;
      const datasetName = RECIPES[model.datasetName] ? model.datasetName : st.state.tdata;
      if (datasetName === st.state.tdata && info && info.features !== model.spec.input) {
        throw new Error(`[Import] the model takes ${model.spec.input} inputs but the dataset ${info.name} has ${info.features} features; choose a dataset with ${model.spec.input} features first`);
      }
      st.pendingImport = { parameters: model.parameters };
      views.importError('');
      store.set({ ...model.state, tdata: datasetName });
    } catch (error) {
      views.importError(error.message);
    }
  }

  async function stepThrough(index) {
    const { run, client } = st;
    if (!run) return;
    try {
      const part = run.evaluation?.part ?? 'train';
      const count = run.ready.parts[part];
      if (index >= count) throw new Error(`the sample number must be a whole number in 1..${count} (the ${part} part has ${count} samples); got ${index + 1}`);
      const [snapshot, sample] = [await client.snapshot(), await client.sample(part, index)];
      const learningRate = run.config.settings.learning_rate;
      const about = { data: st.state.tdata, epochs: snapshot.history.length, part, index, label: sample.label, learningRate };
      const network = { spec: snapshot.spec, parameters: snapshot.parameters, input: sample.input, target: sample.target, learningRate };
      const link = handOverState({ ...network, about });
      openInStepLab({
        ...describeHandOver({ ...about, arch: run.description.arch }),
        spec: snapshot.spec,
        parameters: Array.from(snapshot.parameters),
        samples: [{ input: Array.from(sample.input), target: Array.from(sample.target) }],
        learningRate,
      }, link);
    } catch (error) {
      views.stepThroughError(error.message);
    }
  }

  /**
   * Saves, for the student's NumPy code, one plain SGD step of the trained network (the run's η) on
   * up to NPZ_BATCH samples of the scored part from `index`, scaled as the network sees them: every
   * array of the step and a README (numpy/trace-npz.js). The run's weights are not changed.
   */
  async function stepNpz(index) {
    const { run, client } = st;
    if (!run) return;
    let network = null;
    try {
      const part = run.evaluation?.part ?? 'train';
      const count = run.ready.parts[part];
      if (index >= count) throw new Error(`the sample number must be a whole number in 1..${count} (the ${part} part has ${count} samples); got ${index + 1}`);
      const snapshot = await client.snapshot();
      const samples = [];
      for (let i = index; i < Math.min(count, index + NPZ_BATCH); i += 1) samples.push(await client.sample(part, i));
      network = lab.network(snapshot.spec);
      const { trace } = tracedStep(network, {
        params: snapshot.parameters,
        input: samples.flatMap((s) => Array.from(s.input)),
        target: samples.flatMap((s) => Array.from(s.target)),
        learningRate: run.config.settings.learning_rate,
      });
      const last = index + samples.length;
      download(`backprop-lab-${st.state.tdata}-${part}-samples-${index + 1}-${last}-step.npz`, await npzBytes(traceArrays(trace, snapshot.spec)), 'application/octet-stream');
    } catch (error) {
      views.stepThroughError(error.message);
    } finally {
      network?.dispose();
    }
  }

  /**
   * Scores the run now (on `part`, or the same part with new `options`) and shows the answer: a
   * paused or finished run sends no more progress.
   */
  function evaluateNow(part, options) {
    const { run } = st;
    st.client.evaluate(part, options).then((m) => {
      if (st.run !== run) return;
      run.evaluation = m;
      views.showEvaluation(m, run.ready);
    }, (error) => showError(error.message));
  }

  // ---------- state ----------

  /** The loss chart's mean/sum choice follows the link. */
  const syncLossView = () => { root.querySelector('#tv-loss-sum').value = st.state.tlossview ?? 'mean'; };

  /** A setting changed: the run is set up again shortly; until then nothing can start it. */
  const scheduleConfigure = () => {
    clearTimeout(st.configureTimer);
    // a setup still in flight is for older settings: its end must not enable Start for them
    st.setups += 1;
    setRunState('configuring');
    $('train-start').disabled = true;
    st.configureTimer = setTimeout(configure, 120);
  };

  return {
    show(next) {
      // settings changed while another lab was shown (a link pasted, the back button) set up a new run
      const differing = Object.keys(changedProperties(st.state, next));
      const changed = differing.some((k) => ownerOf(k) === 'train' && !isView(k));
      st.state = next;
      syncLossView();
      views.showStartNow(next.tstart === 'now');
      views.setGallery(next.timages);
      views.setWorkers(next.tworkers);
      views.setFolds(next.tfolds);
      grid.show(next);
      // a gallery choice made while another lab was shown (a pasted link) goes to the run as it is
      if (st.run && !changed && differing.includes('timages')) evaluateNow(undefined, { images: next.timages });
      trainingClient();
      form.render(st.state, data.preview.info);
      if (!st.started || differing.some((k) => COMPARISON_KEYS.includes(k))) readComparison(next);
      if (!st.started) {
        st.started = true;
        // in one column (a narrow screen) the form comes before the charts: its long cards start folded
        const layout = root.querySelector('.train-layout');
        if (getComputedStyle(layout).gridTemplateColumns.split(' ').length === 1) form.foldCards(['arch', 'settings']);
        configure();
      } else if (changed) {
        scheduleConfigure();
      }
    },
    update(next, changes) {
      st.state = next;
      const keys = Object.keys(changes);
      if (keys.some((k) => COMPARISON_KEYS.includes(k))) {
        // a link's comparison (pasted, or the back button); the lab's own writes are not read back
        views.showStartNow(next.tstart === 'now');
        if (!st.writingLink) readComparison(next);
      }
      if ('tworkers' in changes) views.setWorkers(next.tworkers);
      if ('tfolds' in changes) views.setFolds(next.tfolds);
      if (['tgrid', 'tfolds', 'tgscore'].some((k) => k in changes)) grid.show(next);
      if ('timages' in changes) {
        views.setGallery(next.timages);
        if (st.run && keys.every(isView)) evaluateNow(undefined, { images: next.timages });
      }
      if (keys.length && keys.every((k) => k === 'tlossview')) {
        syncLossView();
        renderCurves();
        return;
      }
      if (keys.some((k) => ownerOf(k) === 'train' && !isView(k))) {
        if (keys.length === 1 && keys[0] === 'teval' && st.run) {
          evaluateNow(next.teval);
          form.render(st.state, data.preview.info);
          return;
        }
        form.render(st.state, data.preview.info);
        scheduleConfigure();
        linkComparison();
      } else {
        form.render(st.state, data.preview.info);
      }
    },
    onKey(event) {
      if (event.key === ' ' && !event.target.closest('button, a, details, summary')) {
        event.preventDefault();
        startOrPause();
      }
    },
  };
}
