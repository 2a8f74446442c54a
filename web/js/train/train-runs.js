// Comparing runs in the Train lab: a short description of each run's settings, legend labels that
// name only the settings that differ between the runs shown (and a line of those they share), and
// the sweep helper, which trains one configuration per value in its own worker and collects the
// final scores on the training and held-out parts.
import { runOnPool } from './train-pool.js';
import { formatArchitecture, hiddenActivations, parseArchitecture, runConfig } from './train-config.js';
import { choiceNames, inRange, schemaRow } from '../schema.js';
import { parseProperty } from '../state.js';

/** Hidden layers as a legend says them: "d8_tanh, d8_tanh" is "d8_tanh ×2"; commas let a long list wrap. */
function architectureText(arch) {
  const groups = [];
  for (const token of arch.split(',')) {
    if (groups.at(-1)?.token === token) groups.at(-1).count += 1;
    else groups.push({ token, count: 1 });
  }
  return groups.map((g) => (g.count > 1 ? `${g.token} ×${g.count}` : g.token)).join(', ');
}

/** The settings of a run that a legend may name, as {key: text}. */
export function describeRun(state, config = runConfig(state)) {
  const s = config.settings;
  return {
    data: `${state.tdata === 'csv' ? 'own data' : state.tdata}${state.tcls ? ` classes ${state.tcls}` : ''}${config.reconstruct ? ' reconstructed' : ''}`,
    arch: config.arch ? architectureText(config.arch) : 'no hidden layer',
    output: config.output,
    init: `${state.tinit ?? config.recipe.init} ${state.tiscale ?? config.recipe.initScale}`,
    optimizer: s.optimizer.name,
    lr: `η ${s.learning_rate}`,
    batch: `batch ${s.batch_size}`,
    epochs: `${s.epochs} epochs`,
    l2: `λ ${state.tl2 ?? config.recipe.l2}`,
    schedule: s.lr_schedule.type === 'step' ? `η×${s.lr_schedule.factor}/${s.lr_schedule.every}` : 'constant η',
    stop: s.early_stopping.enabled === false ? 'no early stop' : `stop on ${s.early_stopping.metric.replace(/_/g, ' ')} (patience ${s.early_stopping.patience}, Δ ${s.early_stopping.min_delta})`,
    bias: config.bias ? 'with biases' : 'no biases',
    seed: `seed ${s.seed}`,
    metrics: s.epoch_metrics === 'running' ? 'running train metrics' : 'full-pass train metrics',
    scaling: config.scaling,
    split: `val ${config.split.validation} test ${config.split.test}`,
  };
}

/**
 * Legend labels for runs [{description}]: the differing settings, "run k" (or `${name} k`) when
 * none differ, '' for a lone run.
 */
export function differingLabels(descriptions, name = 'run') {
  const keys = Object.keys(descriptions[0] ?? {}).filter((key) => new Set(descriptions.map((d) => d[key])).size > 1);
  if (descriptions.length === 1) return [''];
  return descriptions.map((d, i) => (keys.length ? keys.map((k) => d[k]).join(' · ') : `${name} ${i + 1}`));
}

/**
 * The settings every one of `descriptions` has, as one line ("circles · d8_tanh ×2 · …"), leaving
 * out the keys in `leaveOut` (e.g. a swept setting, which the x axis names).
 */
export function sharedSettings(descriptions, leaveOut = []) {
  const keys = Object.keys(descriptions[0] ?? {}).filter((key) => !leaveOut.includes(key) && new Set(descriptions.map((d) => d[key])).size === 1);
  return keys.map((k) => descriptions[0][k]).join(' · ');
}

/** The folds of cross-validation a sweep or a grid offers (1: none). */
export const FOLD_CHOICES = () => [1, 2, 3, 4, 5, 10].filter((k) => k <= schemaRow('data', 'split.folds').max);

/** The <option>s of a folds choice (FOLD_CHOICES), for a sweep's and a grid's card. */
export const foldOptions = () => FOLD_CHOICES().map((k) => `<option value="${k}">${k === 1 ? 'none: the held-out part' : `${k}-fold`}</option>`).join('');

/** A run's setup message for fold `fold` of `folds` (k-fold cross-validation); the message itself for one fold. */
export const withFold = (message, folds, fold) => (folds > 1 ? { ...message, split: { ...message.split, folds, fold } } : message);

/**
 * A cell's or a sweep value's scores over its folds: {value (the mean), spread (the standard
 * deviation with n in the denominator, as scikit-learn's GridSearchCV reports std_test_score;
 * NaN for one value)}.
 */
export function meanAndSpread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) : NaN;
  return { value: mean, spread };
}

/**
 * The settings a sweep can vary: state changes for a value, the axis label, the describeRun key it
 * changes (`describes`), values to start from (`example`), and what a value may be: the URL
 * property it sets (`property`), a schema row (`row`), its own `allows`, or names (`choices()`,
 * drawn as categories). A numeric axis is a log axis when the values span decades.
 */
export const SWEEPS = {
  lr: { label: 'learning rate η', describes: 'lr', example: '0.01, 0.1, 1', property: 'tlr', apply: (state, v) => ({ tlr: v }) },
  batch: { label: 'batch size', describes: 'batch', example: '8, 32, 128', property: 'tbs', apply: (state, v) => ({ tbs: v }) },
  epochs: { label: 'epochs', describes: 'epochs', example: '5, 10, 20, 40', property: 'tep', apply: (state, v) => ({ tep: v }) },
  l2: { label: 'L2 λ', describes: 'l2', example: '0, 0.001, 0.01, 0.1', property: 'tl2', apply: (state, v) => ({ tl2: v }) },
  // seed 004 section B: the same network with each activation, then with each initialisation
  activation: {
    label: 'activation (all hidden layers)', describes: 'arch', example: 'sigmoid, tanh, relu, leaky_relu', choices: hiddenActivations,
    apply: (state, v) => {
      const layers = parseArchitecture(runConfig(state).arch);
      if (!layers.length) layers.push({ type: 'dense', units: 16, activation: v });
      return { tarch: formatArchitecture(layers.map((l) => ({ ...l, activation: v }))) };
    },
  },
  // seed 004 C.3 compares scikit-learn's solvers: sgd, adam and lbfgs
  optimizer: {
    label: 'optimizer', describes: 'optimizer', example: 'sgd, adam, lbfgs', choices: () => choiceNames(schemaRow('settings', 'optimizer.name')),
    apply: (state, v) => ({ topt: v }),
  },
  init: {
    label: 'initialisation', describes: 'init', example: 'zeros, normal, xavier, he', choices: () => choiceNames(schemaRow('spec', 'init.scheme')),
    // each scheme with its own default scale (a σ for one is a gain for another)
    apply: (state, v) => ({ tinit: v, tiscale: null }),
  },
  width: {
    label: 'hidden width (all dense layers)', describes: 'arch', example: '2, 8, 32', row: ['spec', 'layers.units'],
    apply: (state, v) => {
      const layers = parseArchitecture(runConfig(state).arch);
      if (!layers.some((l) => l.type === 'dense')) layers.unshift({ type: 'dense', units: v, activation: 'tanh' });
      return { tarch: formatArchitecture(layers.map((l) => (l.type === 'dense' ? { ...l, units: v } : l))) };
    },
  },
  depth: {
    label: 'depth (hidden layers)', describes: 'arch', example: '1, 2, 3, 4',
    // every hidden layer and the output layer must fit in the core's layer count
    allows: (v) => {
      const most = schemaRow('spec', 'layers').max - 1;
      return Number.isInteger(v) && v >= 0 && v <= most ? null : `an integer in 0..${most}`;
    },
    apply: (state, v) => {
      const layers = parseArchitecture(runConfig(state).arch);
      const template = layers.at(-1) ?? { type: 'dense', units: 16, activation: 'tanh' };
      const first = layers[0] ?? template;
      const built = v === 0 ? [] : [first, ...Array.from({ length: v - 1 }, () => template)];
      return { tarch: formatArchitecture(built) };
    },
  },
};

/** Parses a sweep's value list ("0.01, 0.1, 1" or "sigmoid, relu"); returns {values} or {error}. At most 12 values. */
export function parseSweepValues(key, text) {
  const sweep = SWEEPS[key];
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length < 2 || parts.length > 12) return { error: `give 2 to 12 values separated by commas; got ${parts.length}` };
  const values = [];
  for (const part of parts) {
    if (sweep.choices) {
      const names = sweep.choices();
      if (!names.includes(part)) return { error: `each ${sweep.label} must be one of ${names.join(', ')}; "${part.slice(0, 30)}" is not allowed` };
      if (values.includes(part)) return { error: `${part} is given twice` };
      values.push(part);
      continue;
    }
    const v = Number(part);
    let error = null;
    if (sweep.property) {
      const parsed = parseProperty(sweep.property, part);
      error = 'error' in parsed ? parsed.error : null;
    } else if (sweep.row) {
      const row = schemaRow(...sweep.row);
      error = inRange(row, v) ? null : row.allowed;
    } else {
      error = sweep.allows(v);
    }
    if (error) return { error: `each ${sweep.label} must be ${error}; "${part}" is not allowed` };
    values.push(v);
  }
  return { values };
}

/**
 * The macro F1 of the network as it ended on `part` (a classifier's training or held-out part), or
 * undefined: one pass over the part, far cheaper than the epochs that trained it.
 */
async function macroF1On(client, part) {
  if (!part) return undefined;
  try {
    return (await client.evaluate(part)).report?.macroF1;
  } catch {
    return undefined;
  }
}

/**
 * Trains the run `setup()` (an async function giving the worker's setup message) to its end and
 * returns its point: {metricName, heldOut (the held-out part's name), trainMetric, heldOutMetric,
 * trainLoss, heldOutLoss, trainF1, heldOutF1 (classifiers' macro F1), epochs, status, message,
 * seconds}. A run that diverges or fails (its setup refused, an error while training) becomes a
 * point with that status and its message. The wall time counts the setup and the training, not
 * the scoring of the macro F1s after it. onProgress(m) sees the run's progress messages.
 */
export async function trainAndScore(client, setup, { onProgress, isCancelled }) {
  const started = performance.now();
  let run;
  try {
    run = await trainRun(client, await setup(), { onProgress, isCancelled });
  } catch (error) {
    return { status: 'failed', message: error.message, seconds: (performance.now() - started) / 1000 };
  }
  const { ready, last, history } = run;
  const seconds = (performance.now() - started) / 1000;
  // the scores of the weights the run ended with: the restored best epoch's after early stopping
  const final = (last.restoredBest ? history[last.bestEpoch - 1] : history.at(-1)) ?? {};
  const scored = ready.metricName !== 'r2' && (last.state !== 'failed' && last.state !== 'diverged');
  return {
    metricName: ready.metricName,
    heldOut: ready.heldOut,
    trainMetric: final.trainMetric,
    heldOutMetric: ready.heldOut ? final.valMetric : undefined,
    trainLoss: final.trainLoss,
    heldOutLoss: ready.heldOut ? final.valLoss : undefined,
    trainF1: scored ? await macroF1On(client, 'train') : undefined,
    heldOutF1: scored ? await macroF1On(client, ready.heldOut) : undefined,
    epochs: history.length,
    status: last.state,
    message: last.message,
    seconds,
  };
}

/**
 * Sets up one run in `client` (a TrainingClient of its own) and trains it to its end: resolves
 * with {ready, last (the last progress message), history}; rejects when the setup is refused.
 * onProgress(m) sees every progress message; isCancelled() stops the run after the current step.
 * @param {import('../engine/training-client.js').TrainingClient} client
 * @param {object} setup
 * @param {{onProgress?: (m: any) => void, isCancelled?: () => boolean}} [options]
 */
export async function trainRun(client, setup, { onProgress = (m) => m, isCancelled = () => false } = {}) {
  const ready = await client.setup(setup);
  const last = await new Promise((resolve) => {
    const off = client.on('progress', (m) => {
      onProgress(m);
      if (m.state !== 'running' && m.state !== 'ready' && m.state !== 'paused') { off(); resolve(m); }
      if (isCancelled()) client.stop();
    });
    client.start();
  });
  const { history } = last.state === 'failed' ? { history: [] } : await client.snapshot();
  return { ready, last, history };
}

/**
 * A sweep value's point over its folds' points: the scores' means, their spreads
 * (`${score}Spread`, meanAndSpread), the fold runs' total time, and the first fold that diverged
 * or failed (then its status and message).
 * @returns {Record<string, any>}
 */
export function foldsPoint(value, points) {
  const ended = points.find((p) => p.status === 'diverged' || p.status === 'failed');
  /** @type {Record<string, any>} */
  const point = { value, folds: points.length, metricName: points.find((p) => p.metricName)?.metricName, heldOut: 'validation fold' };
  for (const key of ['trainMetric', 'heldOutMetric', 'trainLoss', 'heldOutLoss', 'trainF1', 'heldOutF1', 'epochs']) {
    const values = points.map((p) => p[key]);
    if (!values.every(Number.isFinite)) continue;
    const { value: mean, spread } = meanAndSpread(values);
    point[key] = mean;
    point[`${key}Spread`] = spread;
  }
  return { ...point, status: ended?.status ?? points.at(-1).status, message: ended?.message ?? points.at(-1).message, seconds: points.reduce((a, p) => a + p.seconds, 0) };
}

/**
 * Trains one run per value (per fold with `folds` ≥ 2: k-fold cross-validation, the value's point
 * is then the mean over the folds, foldsPoint) on a pool of `workers` workers of its own (the main
 * run is left alone; train-pool.js). Each run is seeded as it would be alone, so the points are
 * the same on any number of workers. `makeSetup(state)` gives the worker's setup message for a
 * state. Calls onProgress({running: [{index, value, fold, epoch, epochs}], done, total, workers})
 * and, in the values' order, onPoint({value, metricName, heldOut (the held-out part's name),
 * trainMetric, heldOutMetric, trainLoss, heldOutLoss, trainF1, heldOutF1 (classifiers' macro F1),
 * epochs, status, message, seconds}); resolves with the points. cancel() stops the running runs
 * after their current step.
 */
export function runSweep({ state, key, values, makeSetup, onProgress, onPoint, workers = 1, folds = 1 }) {
  let cancelled = false;
  const running = new Map();
  let finished = 0;
  const jobs = values.flatMap((value, index) => Array.from({ length: folds }, (_, fold) => ({ index, value, fold })));
  const report = () => onProgress({ running: [...running.values()].sort((a, b) => a.index - b.index || a.fold - b.fold), done: finished, total: jobs.length, workers: pool.workers });
  const points = [];
  let byFold = [];
  const pool = runOnPool({
    jobs,
    size: workers,
    run: async (client, { index, value, fold }) => {
      const id = `${index}:${fold}`;
      running.set(id, { index, value, fold, epoch: 0, epochs: null });
      const setup = async () => {
        const message = await makeSetup({ ...state, ...SWEEPS[key].apply(state, value) });
        return withFold(message, folds, fold);
      };
      const point = await trainAndScore(client, setup, {
        onProgress: (m) => { running.set(id, { index, value, fold, epoch: m.epoch, epochs: m.epochs }); report(); },
        isCancelled: () => cancelled,
      });
      running.delete(id);
      finished += 1;
      return { value, ...point };
    },
    // the jobs arrive in order: a value's folds one after another
    onResult: (point, i) => {
      const { value, fold } = jobs[i];
      byFold.push(point);
      if (fold < folds - 1) return;
      const whole = folds > 1 ? foldsPoint(value, byFold) : point;
      byFold = [];
      points.push(whole);
      onPoint(whole);
    },
    // a worker whose run failed (its setup refused, or an error while training) is not used again
    reusable: (point) => point.status !== 'failed',
  });
  return { done: pool.done.then(() => points), workers: pool.workers, cancel() { cancelled = true; pool.cancel(); } };
}
