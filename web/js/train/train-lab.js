// The Train lab: configure data, architecture and settings (train-form.js), train in a Web Worker
// with start, pause, step and reset, and watch live charts: loss and accuracy curves, the decision
// boundary, the confusion matrix, test images or predictions. Runs can be pinned and overlaid,
// swept over one setting, exported, and handed to the Step-through lab.
import { TrainingClient } from '../engine/training-client.js';
import { createTrainForm, resetToRecipe } from './train-form.js';
import { datasetCatalog, describeLoss, outputUnits, runConfig, RECIPES } from './train-config.js';
import { formatScore, formatSeconds } from '../ui/format.js';
import { PROPERTIES, ownerOf } from '../state.js';
import { SWEEPS, describeRun, differingLabels, parseSweepValues, runSweep } from './train-runs.js';
import { curvesCsv, download, modelJson, parseModelFile } from './train-export.js';
import { createTrainViews } from './train-views.js';

/** A Train-lab display preference (the budget, mean or sum): changing it sets up no new run. */
const isView = (name) => PROPERTIES.find((p) => p.name === name)?.view === true;
const capitalise = (text) => (text ? `${text[0].toUpperCase()}${text.slice(1)}` : text);
const END_STATES = ['finished', 'early_stopped', 'diverged', 'stopped', 'failed'];
const dataKey = (s) => (s.tdata === 'csv' ? 'csv' : [s.tdata, s.tn, s.tnoise, s.tclasses, s.tdseed, s.tlam].join('|'));

/** Builds the lab inside `root`; returns {show, update, onKey} for main.js. */
export function createTrainLab(root, { lab, store, openInStepLab }) {
  const catalog = datasetCatalog(lab);
  const isBundled = (name) => catalog.find((d) => d.name === name)?.kind === 'bundled';
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

  let state = store.state;
  let client = null;
  let run = null; // {config, state, ready, history, setupId, description}
  let runState = 'idle';
  let latest = null; // the last progress message, drawn by renderProgress()
  let setupCounter = 0;
  let pendingImport = null; // {parameters, spec} applied by the next setup
  let csv = null; // {id, text, options, name, info, dataset}: parsed in the worker, a copy here for the preview
  let previous = null; // the last replaced, unpinned run {description, history}
  const pinned = []; // [{description, history, metricName, heldOut}]
  const preview = { key: null, dataset: null, info: null, bounds: null, points: null };
  const bundledCache = new Map();
  let sweep = null;

  const views = createTrainViews($('train-views'), {
    onPin: pinCurrent,
    onLossDisplay: () => store.set({ tlossview: $('tv-loss-sum').value }),
    onUnpin: (i) => { pinned.splice(i, 1); renderCurves(); },
    onEvaluate: (part) => store.set({ teval: part }),
    onSweep: startSweep,
    onCancelSweep: () => sweep?.cancel(),
    onExportCsv: exportCsv,
    onExportModel: exportModel,
    onImportModel: importModel,
    onStepThrough: stepThrough,
  });
  const form = createTrainForm($('train-form'), { store, catalog, onCsv: uploadCsv, initDistributions: (spec) => lab.initDistributions(spec) });

  function showError(message) {
    $('train-error').textContent = message;
    $('train-error').hidden = !message;
  }

  function setRunState(next) {
    runState = next;
    root.dataset.runState = next;
    const ready = Boolean(run?.ready) && next !== 'configuring';
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

  // ---------- data ----------

  /** The main thread's copy of the dataset (for previews, counts and the spec). */
  async function datasetFor(s) {
    const key = dataKey(s);
    if (preview.key === key && preview.dataset) return preview.dataset;
    let dataset;
    if (s.tdata === 'csv') {
      if (!csv) throw new Error('[Train] the uploaded CSV is not part of the link; upload the file again');
      dataset = csv.dataset;
    } else if (isBundled(s.tdata)) {
      if (!bundledCache.has(s.tdata)) bundledCache.set(s.tdata, await lab.fetchBundled(s.tdata, new URL('data/', document.baseURI)));
      dataset = bundledCache.get(s.tdata);
    } else {
      dataset = lab.generate(generateRequest(s));
    }
    if (preview.dataset && preview.dataset !== dataset && !isCached(preview.dataset)) preview.dataset.dispose();
    // a CSV's info (class names, feature names) is the worker's: the copy here holds only the numbers
    Object.assign(preview, { key, dataset, info: s.tdata === 'csv' ? csv.info : dataset.info, bounds: null, points: null });
    if (preview.info.features === 2 && preview.info.samples <= 20000) {
      const features = dataset.features();
      const labels = preview.info.task === 'classification' ? dataset.labels() : dataset.targets();
      preview.points = { features, labels };
      preview.bounds = paddedBounds(features);
    }
    return dataset;
  }
  const isCached = (dataset) => dataset === csv?.dataset || [...bundledCache.values()].includes(dataset);

  function generateRequest(s) {
    const generator = catalog.find((d) => d.name === s.tdata).generator;
    const request = { name: s.tdata, samples: s.tn ?? generator.page_samples, noise: s.tnoise ?? generator.default_noise, seed: s.tdseed ?? 1 };
    if (generator.classes && generator.classes.min !== generator.classes.max) request.classes = s.tclasses ?? generator.classes.default;
    if (generator.default_lambda !== undefined) request.lambda = s.tlam ?? generator.default_lambda;
    return request;
  }

  function paddedBounds(features) {
    let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < features.length; i += 2) {
      xMin = Math.min(xMin, features[i]); xMax = Math.max(xMax, features[i]);
      yMin = Math.min(yMin, features[i + 1]); yMax = Math.max(yMax, features[i + 1]);
    }
    const padX = 0.08 * (xMax - xMin || 1);
    const padY = 0.08 * (yMax - yMin || 1);
    return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
  }

  /**
   * The worker's setup message for a page state. `otherWorker` (the sweep's) gets an uploaded CSV
   * as text; the training worker has parsed it already and copies its own.
   */
  async function makeSetup(s, parameters = null, otherWorker = false) {
    const dataset = await datasetFor(s);
    const info = dataset.info;
    const config = runConfig(s);
    let data;
    if (s.tdata === 'csv') data = otherWorker ? { csv: csv.text, options: csv.options } : { csvId: csv.id };
    else if (isBundled(s.tdata)) data = { bundled: s.tdata, baseUrl: new URL('data/', document.baseURI).href };
    else data = { generate: generateRequest(s) };
    const classification = info.task === 'classification';
    const grid = info.features === 2 && preview.bounds ? { ...preview.bounds, resolution: 72 } : null;
    return {
      spec: config.spec(info.features, outputUnits(info, config.output)),
      data,
      split: config.split,
      scaling: config.scaling,
      settings: config.settings,
      evaluate: config.evaluate,
      parameters,
      grid: classification ? grid : null,
    };
  }

  /** Reads a file as text in chunks, reporting the fraction read. */
  async function readText(file, onProgress) {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder();
    const chunks = [];
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
      chunks.push(decoder.decode(value, { stream: true }));
      onProgress(read / (file.size || 1));
    }
    chunks.push(decoder.decode());
    return chunks.join('');
  }

  /**
   * An upload is read with progress and parsed once, in the training worker: the main thread never
   * parses it (a 20 MB file froze the page for seconds). The preview gets a copy of the numbers.
   */
  let csvCounter = 0;
  async function uploadCsv(file) {
    form.setCsvError('');
    const id = ++csvCounter;
    try {
      if (file.size > 20e6) throw new Error(`[CSV] ${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files up to 20 MB are allowed`);
      const megabytes = (file.size / 1e6).toFixed(1);
      const text = await readText(file, (fraction) => form.setCsvStatus(`Reading ${file.name}: ${Math.round(100 * fraction)}% of ${megabytes} MB…`));
      form.setCsvStatus(`Parsing ${file.name} in the background…`);
      const options = { header: true, name: file.name.replace(/\.csv$/i, '') };
      listen();
      const parsed = await client.parseCsv(text, options, id);
      if (id !== csvCounter) return;
      const { info } = parsed;
      const dataset = lab.dataset(info.task === 'classification'
        ? { name: info.name, samples: info.samples, features: info.features, featureValues: parsed.features, labels: parsed.labels, classes: info.classes }
        : { name: info.name, samples: info.samples, features: info.features, featureValues: parsed.features, targetValues: parsed.targets, outputs: info.targetNames.length || 1 });
      csv?.dataset.dispose();
      csv = { id, text, options, dataset, info, name: file.name };
      form.setCsvStatus(`${file.name}: ${info.samples.toLocaleString('en-US')} samples, ${info.features} features.`);
      preview.key = null;
      store.set(resetToRecipe({ tdata: 'csv' }));
    } catch (error) {
      form.setCsvStatus('');
      form.setCsvError(`${file.name}: ${error.message}`);
    }
  }

  // ---------- the run ----------

  async function configure() {
    const id = ++setupCounter;
    const s = state;
    keepAsPrevious();
    run = null;
    setRunState('idle');
    $('train-alert').hidden = true;
    $('train-status').textContent = 'Preparing the data…';
    let setup;
    try {
      const parameters = pendingImport?.parameters ?? null;
      setup = await makeSetup(s, parameters);
      if (id !== setupCounter) return;
      form.render(s, preview.info);
      views.showData(preview.info, preview.points, preview.bounds);
      client ??= new TrainingClient();
      const ready = await client.setup(setup);
      if (id !== setupCounter) return;
      pendingImport = null;
      showError('');
      const config = runConfig(s);
      run = { config, ready, history: [], description: describeRun(s, config), state: s, evaluation: null };
      latest = null;
      views.startRun(ready);
      form.setSplit(ready.parts);
      $('train-score-label').textContent = ready.metricName === 'r2' ? 'train R²' : 'train accuracy';
      $('train-metric').textContent = '–';
      $('train-heldout').textContent = '';
      setRunState('ready');
      renderCurves();
    } catch (error) {
      if (id !== setupCounter) return;
      showError(`${error.message}. Change the setting named in this message; the last working run was kept in the charts.`);
      $('train-status').textContent = 'Not ready: see the message above.';
      if (s.tdata === 'csv' && !csv) store.set({ tdata: 'circles' });
    }
  }

  /**
   * Redraws the curves at most every CURVE_MS, in an animation frame, so that fast epochs never
   * queue up chart work on the main thread; `now` redraws in the next frames (a run ended or paused).
   */
  const CURVE_MS = 250;
  let curveTimer = null;
  function scheduleCurves(now) {
    if (now) {
      clearTimeout(curveTimer);
      curveTimer = null;
      inFrame('progress', renderProgress);
      inFrame('curves-loss', () => renderCurves('loss'));
      inFrame('curves-metric', () => renderCurves('metric'));
      return;
    }
    curveTimer ??= setTimeout(() => {
      curveTimer = null;
      inFrame('progress', renderProgress);
      // each chart in a frame of its own: a Chart.js redraw is the longest piece of work here
      inFrame('curves-loss', () => renderCurves('loss'));
      inFrame('curves-metric', () => renderCurves('metric'));
    }, CURVE_MS);
  }

  /**
   * Drawing work waits for an animation frame, and each frame runs one piece of it (status,
   * curves, boundary, scores), so that the end of a run, when everything changes at once, is
   * spread over several frames instead of one long one. A newer piece with the same key
   * replaces an older one still waiting.
   */
  const frameTasks = new Map();
  let frameRequested = false;
  function inFrame(key, task) {
    frameTasks.delete(key);
    frameTasks.set(key, task);
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(runFrameTask);
    }
  }
  function runFrameTask() {
    const [key, task] = frameTasks.entries().next().value;
    frameTasks.delete(key);
    task();
    if (frameTasks.size) requestAnimationFrame(runFrameTask);
    else frameRequested = false;
  }

  /** Sets an element's text only when it differs, so that an unchanged line costs no paint. */
  const setText = (element, text) => { if (element.textContent !== text) element.textContent = text; };

  /**
   * A progress message: the history and state are taken at once; the status, curves, boundary
   * and scores are drawn in the frames that follow (see inFrame).
   */
  function onProgress(m) {
    if (!run) return;
    if (m.history.length) run.history.push(...m.history);
    latest = m;
    const shownRun = run;
    if (m.grid) inFrame('boundary', () => { if (run === shownRun) views.drawBoundary(m.grid); });
    if (m.evaluation) {
      run.evaluation = m.evaluation;
      inFrame('evaluation', () => { if (run === shownRun && run.evaluation === m.evaluation) views.showEvaluation(m.evaluation, run.ready); });
    }
    if (END_STATES.includes(m.state) && m.state !== runState) {
      // the end state is shown last, after the final numbers: when #train-lab says "finished",
      // everything on the page is final
      scheduleCurves(true);
      inFrame('state', () => { if (run === shownRun) setRunState(m.state); });
      return;
    }
    if (m.state !== runState) setRunState(m.state);
    scheduleCurves(m.state !== 'running');
  }

  /**
   * The record whose scores the network holds now: after early stopping with the best weights put
   * back, the best epoch's (as the confusion matrix scores them), else the last epoch's.
   */
  function shownRecord(m = latest) {
    if (!run) return null;
    if (m?.restoredBest && m.bestEpoch > 0) return run.history[m.bestEpoch - 1] ?? run.history.at(-1);
    return run.history.at(-1);
  }

  /** The status line, progress bar, scores and divergence alert for the latest progress message. */
  function renderProgress() {
    const m = latest;
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
      const heldOut = run.ready.heldOut && !Number.isNaN(record.valMetric) ? `${run.ready.heldOut} ${value(record.valMetric)}` : '';
      setText($('train-heldout'), heldOut);
      $('train-heldout').dataset.value = String(record.valMetric ?? '');
    }
    const done = m.epoch + m.batch / m.batchesPerEpoch;
    $('train-progress').value = m.epochs ? Math.min(1, done / m.epochs) : 0;
    const rate = m.samplesPerSecond > 0 ? ` · ${Math.round(m.samplesPerSecond).toLocaleString('en-US')} samples/s` : '';
    const left = m.state === 'running' && m.secondsLeft > 0 ? ` · ${m.secondsLeft < 1 ? 'under a second' : `about ${formatSeconds(m.secondsLeft)}`} left` : '';
    const what = { ready: 'Ready', running: 'Training', paused: 'Paused', finished: 'Finished', early_stopped: 'Stopped early', diverged: 'Diverged', stopped: 'Stopped', failed: 'Failed' }[m.state] ?? m.state;
    const position = `epoch ${m.epoch} of ${m.epochs}${m.batch ? `, batch ${m.batch} of ${m.batchesPerEpoch}` : ''}`;
    // early stopping says it in the core's words: "stopped at epoch 111, best epoch 81 restored: …"
    const text = m.state === 'early_stopped' && m.message
      ? `${capitalise(m.message)}${rate}`
      : `${what} · ${position}${rate}${left}`;
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
    const ready = run?.ready;
    return {
      metricName: ready?.metricName ?? 'accuracy',
      loss: describeLoss(ready?.lossTerms ?? { loss: 'mse', l2: 0 }),
      parts: { train: ready?.parts.train ?? 0, heldOut: ready?.heldOut ? ready.parts[ready.heldOut] : 0 },
    };
  }

  /** The epoch whose weights early stopping put back, or null. */
  const restoredEpoch = () => (latest?.restoredBest ? latest.bestEpoch : null);

  /** Draws the runs' curves: both charts, or only `which` ('loss' | 'metric'; the optimum goes with the loss). */
  function renderCurves(which) {
    const runs = [];
    if (previous) runs.push({ ...previous, kind: 'previous' });
    pinned.forEach((p, i) => runs.push({ ...p, kind: 'pinned', colorIndex: i + 1 }));
    if (run) runs.push({ description: run.description, history: run.history, heldOut: run.ready?.heldOut, kind: 'current' });
    const labels = differingLabels(runs.map((r) => r.description));
    runs.forEach((r, i) => { r.label = r.kind === 'previous' ? `previous: ${labels[i]}` : labels[i]; });
    const ready = run?.ready;
    views.drawCurves(runs, {
      ...curveContext(),
      bestEpoch: restoredEpoch(),
      optimum: ready?.optimum ? { ...ready.optimum, lambda: ready.lossTerms.l2 } : null,
    }, which);
    views.showPinned(runs.filter((r) => r.kind === 'pinned').map((r) => r.label));
  }

  function pinCurrent() {
    if (!run?.history.length) return;
    pinned.push({ description: run.description, history: run.history.slice(), heldOut: run.ready.heldOut, metricName: run.ready.metricName });
    run.pinned = true; // a pinned run is not shown again as the "previous" run
    if (pinned.length > 8) pinned.shift();
    renderCurves();
  }

  // ---------- controls ----------

  function startOrPause() {
    if (!run?.ready) return;
    if (runState === 'running') client.pause();
    else if (END_STATES.includes(runState)) { resetRun(); client.start(); }
    else client.start();
  }
  /** Before the current run's curves are replaced: they stay as the grey "previous" run, unless pinned. */
  function keepAsPrevious() {
    if (run?.history.length) previous = run.pinned ? null : { description: run.description, history: run.history };
  }
  function resetRun() {
    if (!run) return;
    keepAsPrevious();
    run.pinned = false;
    run.history = [];
    $('train-alert').hidden = true;
    client.reset();
  }
  $('train-start').addEventListener('click', startOrPause);
  $('train-step').addEventListener('click', () => client?.step());
  $('train-epoch').addEventListener('click', () => client?.stepEpoch());
  $('train-reset').addEventListener('click', resetRun);

  // ---------- sweep, export, hand-off ----------

  function startSweep(key, text) {
    const parsed = parseSweepValues(key, text);
    if (parsed.error) return views.sweepError(parsed.error);
    views.sweepError('');
    const sweepState = state;
    const series = views.beginSweep(key, SWEEPS[key], parsed.values, describeRun(sweepState));
    sweep = runSweep({
      state: sweepState,
      key,
      values: parsed.values,
      makeSetup: (s) => makeSetup(s, null, true),
      onProgress: (p) => views.sweepProgress(p, parsed.values.length),
      onPoint: (point) => views.sweepPoint(series, point),
    });
    sweep.done.then(
      (points) => views.endSweep(`Sweep done: ${points.length} of ${parsed.values.length} values trained.`),
      (error) => views.endSweep(`The sweep stopped: ${error.message}`, true),
    ).finally(() => { sweep = null; });
    return undefined;
  }

  function exportCsv() {
    /** @type {{ label: string, history: object[], restoredEpoch?: number | null }[]} */
    const runs = [...pinned.map((p, i) => ({ label: `pinned ${i + 1}: ${Object.values(p.description).join(' ')}`, history: p.history }))];
    if (run) runs.push({ label: `current: ${Object.values(run.description).join(' ')}`, history: run.history, restoredEpoch: restoredEpoch() });
    download('backprop-lab-curves.csv', curvesCsv(runs, curveContext()), 'text/csv');
  }

  async function exportModel() {
    if (!run) return;
    const snapshot = await client.snapshot();
    download(`backprop-lab-model-${state.tdata}.json`, modelJson({
      spec: snapshot.spec, parameters: snapshot.parameters, dataset: run.ready.dataset, scaling: run.config.scaling,
      scaler: run.ready.scaler, settings: run.ready.settings, history: snapshot.history,
    }), 'application/json');
  }

  async function importModel(file) {
    try {
      const text = await file.text();
      // the core checks the spec and counts its parameters without building the network
      const model = parseModelFile(text, file.name, (spec) => lab.specParameterCount(spec));
      const info = preview.info;
      const datasetName = RECIPES[model.datasetName] ? model.datasetName : state.tdata;
      if (datasetName === state.tdata && info && info.features !== model.spec.input) {
        throw new Error(`[Import] the model takes ${model.spec.input} inputs but the dataset ${info.name} has ${info.features} features; choose a dataset with ${model.spec.input} features first`);
      }
      pendingImport = { parameters: model.parameters };
      views.importError('');
      store.set({ ...model.state, tdata: datasetName });
    } catch (error) {
      views.importError(error.message);
    }
  }

  async function stepThrough(index) {
    if (!run) return;
    try {
      const part = run.evaluation?.part ?? 'train';
      const [snapshot, sample] = [await client.snapshot(), await client.sample(part, index)];
      openInStepLab({
        title: `The Train lab's network (${run.description.data}, ${run.description.arch})`,
        note: `The network as trained in the Train lab after ${snapshot.history.length} epochs, on sample ${index} of the ${part} part`
          + `${sample.label !== null ? ` (class ${sample.label})` : ''}, with inputs scaled as the network sees them and η = ${run.config.settings.learning_rate}.`,
        spec: snapshot.spec,
        parameters: Array.from(snapshot.parameters),
        samples: [{ input: Array.from(sample.input), target: Array.from(sample.target) }],
        learningRate: Math.min(run.config.settings.learning_rate, 1000),
      });
    } catch (error) {
      views.stepThroughError(error.message);
    }
  }

  // ---------- state ----------

  /** The loss chart's mean/sum choice follows the link. */
  const syncLossView = () => { root.querySelector('#tv-loss-sum').value = state.tlossview ?? 'mean'; };

  let configureTimer = null;
  /** A setting changed: the run is set up again shortly; until then nothing can start it. */
  const scheduleConfigure = () => {
    clearTimeout(configureTimer);
    setRunState('configuring');
    $('train-start').disabled = true;
    configureTimer = setTimeout(configure, 120);
  };
  let started = false;
  const listen = () => {
    if (client) return;
    client = new TrainingClient();
    client.on('progress', onProgress);
    client.on('reset', () => renderCurves()); // resetRun() has emptied the history
    // a training failure is shown by the 'failed' progress that follows; other errors here
    client.on('error', (m) => { if (run && m.for !== 'training' && m.for !== 'parseCsv') showError(m.message); });
    client.loaded.catch((error) => showError(`The training worker did not start: ${error.message}`));
  };

  return {
    show(next) {
      state = next;
      syncLossView();
      listen();
      form.render(state, preview.info);
      if (!started) {
        started = true;
        configure();
      }
    },
    update(next, changes) {
      state = next;
      const keys = Object.keys(changes);
      if (keys.length && keys.every((k) => k === 'tlossview')) {
        syncLossView();
        renderCurves();
        return;
      }
      if (keys.some((k) => ownerOf(k) === 'train' && !isView(k))) {
        if (keys.length === 1 && keys[0] === 'teval' && run) {
          client.evaluate(next.teval).catch((error) => showError(error.message));
          form.render(state, preview.info);
          return;
        }
        form.render(state, preview.info);
        scheduleConfigure();
      } else {
        form.render(state, preview.info);
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
