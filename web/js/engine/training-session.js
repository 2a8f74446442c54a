// One training run driven by messages: setup, start, pause, resume, step, stepEpoch, stop, reset.
// It runs a few milliseconds of mini-batches at a time and yields, so that control messages get
// through, and streams progress at a bounded rate. Unless early stopping watches it, the held-out
// part is scored here after an epoch, not by the trainer: every epoch when it is small, else every
// k-th epoch and the last, k fixed by the parts' sizes (so that a link always draws the same curves).
//
// It knows no DOM and no Worker: worker.js wires it to postMessage, and the node tests drive it directly.

import { LandscapeJob, landscapeOptions } from './landscape-job.js';

/**
 * Default pacing: work per slice, the shortest gaps between progress (of a watched run, and of a
 * run nobody watches: a sweep's), grid and evaluation messages,
 * and the held-out scoring: a pass that takes longer than heldOutCheapMs is made at most every
 * so many epochs that it costs about heldOutShare of the training time; an evaluation message
 * (the scores, confusion matrix and gallery of the evaluated part) is sent at most once every
 * evaluationMs and never more often than its own time ÷ evaluationShare. A held-out part of more
 * than heldOutFreeSamples samples is scored every k-th epoch, k the smallest whole number with
 * (held-out samples) / (2 k × training samples) ≤ heldOutShare: a forward pass over a sample costs
 * about half of a training step on it, so the passes cost about heldOutShare of the training time;
 * but never so rarely that the curve gets fewer than heldOutPoints points (a short run, where the
 * passes cost little time, is scored after every epoch).
 */
export const PACING = { sliceMs: 25, progressMs: 100, unwatchedProgressMs: 500, gridMs: 250, evaluationMs: 1000, evaluationShare: 0.05, heldOutFreeSamples: 256, heldOutShare: 0.05, heldOutPoints: 20 };

/**
 * What one pass over a held-out part of `heldSamples` costs, as a share of an epoch of training on
 * `trainSamples`: a forward pass over a sample costs about half of a training step on it.
 */
function heldOutCostShare(heldSamples, trainSamples) {
  return heldSamples / (2 * trainSamples);
}

/** A copy of every sample of `dataset` (a run owns its dataset; the one kept here stays for the next setup). */
const wholeCopy = (dataset) => dataset.subset(Array.from({ length: dataset.info.samples }, (_, i) => i));

/** At most this many images of the evaluated part are sent with an evaluation of an image dataset. */
const GALLERY_SIZE = 48;
/** The first layer's weights of at most this many units are sent as images (once an epoch) for an image dataset. */
const WEIGHT_IMAGES = 64;
/** An autoencoder of images shows this many of the evaluated part's first images with their reconstructions. */
const RECONSTRUCTIONS_SHOWN = 12;

/**
 * The info of a dataset as an autoencoder's task sees it (setup's `reconstruct`): a regression
 * whose targets are the features; the classes stay for a classifier on its codes.
 */
export function reconstructionInfo(info) {
  return { ...info, task: 'regression', reconstruct: true, targetNames: info.featureNames };
}
/** The gallery shows the first images of the evaluated part, or only its mistakes. */
export const GALLERY_MODES = ['first', 'mistakes'];
const PART_NAMES = ['train', 'validation', 'test'];

/** Grid points at pixel centres over [xMin, xMax] × [yMin, yMax], row by row from the top. */
export function gridPoints({ xMin, xMax, yMin, yMax, resolution }) {
  const points = new Float64Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row += 1) {
    const y = yMax - ((row + 0.5) * (yMax - yMin)) / resolution;
    for (let col = 0; col < resolution; col += 1) {
      const i = 2 * (row * resolution + col);
      points[i] = xMin + ((col + 0.5) * (xMax - xMin)) / resolution;
      points[i + 1] = y;
    }
  }
  return points;
}

/** A gallery mode, checked: 'first' or 'mistakes'. */
function galleryMode(mode) {
  if (!GALLERY_MODES.includes(mode)) throw new Error(`[Worker] images must be ${GALLERY_MODES.join(' or ')}; got ${JSON.stringify(mode)?.slice(0, 40)}`);
  return mode;
}

/**
 * Runs `fn` as a new task soon: through a MessageChannel where there is one, because a chain of
 * setTimeout(fn, 0) is held back 4 ms a time after five links (the HTML standard's clamping),
 * which cost every 25 ms slice a sixth of its time (the Train lab trained digits at 0.63 of the
 * core's speed, 0.82 with this). The worker then keeps a core busy; on a 2-core machine the page
 * stays smooth because a curve redraw is cheap (line-chart.js: a 100,000-epoch run's longest frame
 * gap 67–83 ms, against 117–250 ms when each redraw resolved every point's options).
 */
export function nextTask() {
  if (typeof MessageChannel !== 'function') return (fn) => setTimeout(fn, 0);
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()?.();
  /** @type {any} */ (channel.port1).unref?.(); // node: a waiting slice does not keep the process alive
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}

export class TrainingSession {
  #lab;
  #post;
  #now;
  #schedule;
  #pacing;
  #run = null; // {network, data, prepared, trainer, grid, gridInputs}
  #state = 'idle'; // idle | ready | running | paused | stopped | finished | early_stopped | diverged | failed (an error ended it)
  #sentEpochs = 0;
  #sentStats = 0; // per-layer statistics records sent
  #lastProgress = -Infinity;
  #lastGrid = -Infinity;
  #lastEvaluation = -Infinity;
  #evaluationCostMs = 0; // how long the last evaluation message took to make
  #waiting = null; // messages held while a setup fetches its dataset
  #samples = 0; // samples trained while running, for the rate
  #runningMs = 0;
  #failure = ''; // the message of the error that ended the run ('failed')
  #csv = null; // {id, dataset}: the student's own data kept here (a parsed CSV, an autoencoder's codes), which setups with {csvId} copy
  #bundled = null; // {key, dataset}: the last bundled dataset fetched here, which setups of it copy
  #landscapeJob = null; // the loss landscape being computed (landscape-job.js), cancelled by anything that changes the weights

  /**
   * @param lab the API from createLab()
   * @param post (message, transfer?) => void, where messages go
   * @param {{ now?: () => number, schedule?: (fn: () => void) => unknown, pacing?: Partial<typeof PACING> }} [options]
   *   the clock, how the next slice is scheduled (default: nextTask()), and the pacing
   */
  constructor(lab, post, { now = () => performance.now(), schedule = nextTask(), pacing = PACING } = {}) {
    this.#lab = lab;
    this.#post = post;
    this.#now = now;
    this.#schedule = schedule;
    this.#pacing = { ...PACING, ...pacing };
  }

  /** The current state name. */
  get state() { return this.#state; }

  /**
   * Handles one message {type, ...}; errors are posted as {type: 'error', message}. While a
   * bundled dataset is being fetched for a setup, later messages wait and then run in order.
   */
  handle(message) {
    if (this.#waiting) {
      this.#waiting.push(message);
      return undefined;
    }
    try {
      switch (message?.type) {
        case 'setup': return this.#setup(message);
        case 'start':
        case 'resume': return this.#start();
        case 'pause': return this.#pause();
        case 'step': return this.#stepOnce(() => this.#run.trainer.step());
        case 'stepEpoch': return this.#stepOnce(() => this.#run.trainer.stepEpoch());
        case 'stop': return this.#stop();
        case 'reset': return this.#reset();
        case 'snapshot': return this.#snapshot();
        case 'evaluate': return this.#evaluate(message.part, message.images);
        case 'sample': return this.#sample(message.part, message.index);
        case 'parseCsv': return this.#parseCsv(message);
        case 'layerFeatures': return this.#layerFeatures(message);
        case 'landscape': return this.#landscape(message);
        case 'cancelLandscape': return this.#landscapeJob?.cancel('cancelled');
        case 'dispose': return this.#dispose();
        default: throw new Error(`[Worker] unknown message type "${message?.type}"; allowed: setup, start, pause, resume, step, stepEpoch, stop, reset, snapshot, evaluate, sample, parseCsv, layerFeatures, landscape, cancelLandscape, dispose`);
      }
    } catch (error) {
      this.#post({ type: 'error', message: error.message, for: message?.type });
      return undefined;
    }
  }

  /**
   * {spec, data: {generate: request} | {dataset: description} | {bundled: name, baseUrl} | {csv: text, options},
   *  classes: the classes kept, renumbered 0..k−1 in this order (null: all),
   *  split: {validation, test, stratify, seed}, scaling, settings, parameters (optional starting weights),
   *  evaluate: 'validation' | 'test' | 'train' (the part behind the confusion matrix),
   *  grid: {xMin, xMax, yMin, yMax, resolution} | null,
   *  views: false for a run nobody watches (a sweep's, a grid's): its progress carries no evaluation
   *    and its evaluations no gallery, only the history and the scores asked for,
   *  images: 'first' | 'mistakes' (image datasets: which images of the evaluated part are sent),
   *  map: {indices: the dataset's samples the page draws (null: all), project: true for a PCA projection} | null,
   *  reconstruct: true for an autoencoder: every part's targets are its (scaled) features}
   * The held-out curve is the validation part, or the test part when there is no validation part.
   */
  #setup(message) {
    if (!message.data?.bundled) return this.#setupWith(message, this.#loadData(message.data));
    // a sweep sets up the same dataset once per value: a copy is far quicker than fetching, gunzipping and parsing it again
    const key = `${message.data.baseUrl}|${message.data.bundled}`;
    if (this.#bundled?.key === key) return this.#setupWith(message, wholeCopy(this.#bundled.dataset));
    this.#dispose();
    this.#waiting = [];
    const resume = () => {
      const held = this.#waiting;
      this.#waiting = null;
      for (const next of held) this.handle(next);
    };
    return this.#lab.fetchBundled(message.data.bundled, message.data.baseUrl).then(
      (dataset) => {
        this.#bundled?.dataset.dispose();
        this.#bundled = { key, dataset };
        try {
          this.#setupWith(message, wholeCopy(dataset));
        } catch (error) {
          this.#post({ type: 'error', message: error.message, for: 'setup' });
        }
        resume();
      },
      (error) => {
        this.#post({ type: 'error', message: error.message, for: 'setup' });
        resume();
      },
    );
  }

  /** Builds the run around `dataset` (which it owns from here on, also when it fails). */
  #setupWith({ spec, data: source, classes = null, split = { validation: 0.2, test: 0 }, scaling = 'none', settings = {}, parameters = null, evaluate = 'validation', grid = null, images = GALLERY_MODES[0], map = null, views = true, reconstruct = false }, dataset) {
    this.#dispose();
    const lab = this.#lab;
    const run = { data: dataset };
    try {
      if (classes) {
        run.data = dataset.selectClasses(classes);
        dataset.dispose();
      }
      run.prepared = run.data.prepare(split, scaling, { reconstruct });
      run.reconstruct = Boolean(reconstruct);
      const parts = { train: run.prepared.train, validation: run.prepared.validation, test: run.prepared.test };
      run.heldOutName = parts.validation.info.samples > 0 ? 'validation' : parts.test.info.samples > 0 ? 'test' : null;
      // refuse what cannot fit before building anything: a 4 × 4096 network takes seconds to build
      lab.checkTrainingMemory(spec, settings, parts.train.info.samples, run.heldOutName ? parts[run.heldOutName].info.samples : 0);
      run.network = lab.network(spec);
      if (parameters) run.network.setParameters(parameters);
      if (run.data.info.features !== run.network.inputSize) {
        throw new Error(`[Train] the network takes ${run.network.inputSize} inputs but the dataset "${run.data.info.name}" has ${run.data.info.features} features`);
      }
      // the held-out curve: scored by the trainer every epoch when early stopping watches it, else here (#scoreHeldOut)
      run.heldOut = run.heldOutName && !lab.watchesValidation(settings)
        ? { part: parts[run.heldOutName], scores: new Map(), cost: heldOutCostShare(parts[run.heldOutName].info.samples, parts.train.info.samples), every: 1 }
        : null;
      // a run nobody watches records no per-layer statistics (nobody reads them)
      const runSettings = views ? settings : { ...settings, layer_stats: false };
      run.trainer = lab.trainer(run.network, parts.train, runSettings, run.heldOutName && !run.heldOut ? parts[run.heldOutName] : null);
      if (run.heldOut) run.heldOut.every = this.#heldOutEvery(run.heldOut, run.trainer.settings.epochs);
      if (parameters) run.network.setParameters(parameters);
      // seed 000 §1.2: a least-squares run is measured against its exact ridge optimum when it applies
      const request = source?.generate;
      run.optimum = request?.name === 'least_squares' ? { reason: run.trainer.useLeastSquaresOptimum(parts.train, request) } : null;
      run.parts = parts;
      run.evaluate = parts[evaluate]?.info.samples > 0 ? evaluate : run.heldOutName ?? 'train';
      run.views = views;
      run.gallery = views ? galleryMode(images) : null;
      run.map = this.#mapPoints(run, map);
      if (grid) {
        if (run.network.inputSize !== 2) throw new Error('[Worker] a decision-boundary grid needs a network with 2 inputs');
        run.grid = grid;
        run.gridInputs = run.prepared.scale(gridPoints(grid));
      }
    } catch (error) {
      for (const owned of [run.trainer, run.prepared, run.data, run.network]) owned?.dispose();
      throw error;
    }
    this.#run = run;
    this.#state = 'ready';
    this.#sentEpochs = 0;
    this.#sentStats = 0;
    this.#samples = 0;
    this.#runningMs = 0;
    this.#evaluationCostMs = 0;
    this.#post({
      type: 'ready',
      dataset: run.reconstruct ? reconstructionInfo(run.data.info) : run.data.info,
      parts: { train: run.prepared.train.info.samples, validation: run.prepared.validation.info.samples, test: run.prepared.test.info.samples },
      heldOut: run.heldOutName,
      evaluated: run.evaluate,
      parameterCount: run.network.parameterCount,
      spec: run.network.spec,
      batchesPerEpoch: run.trainer.batchesPerEpoch,
      batchSize: run.trainer.batchSize,
      metricName: run.trainer.metricName,
      settings: run.trainer.settings,
      scaler: run.prepared.scaler,
      indices: run.data.info.samples <= 20000 ? run.prepared.indices : null,
      // the points the page draws: each one's part (0 train, 1 validation, 2 test) and, for more
      // than two features, their PCA projection (or why there is none)
      map: run.map ? { parts: run.map.parts, projection: run.map.projection, projectionError: run.map.projectionError } : null,
      // {reason}: '' when the history measures against the exact optimum, else why it cannot
      optimum: run.optimum,
      lossTerms: { l2: run.network.spec.l2, loss: run.network.spec.loss },
    });
    this.#progress(true);
  }

  /**
   * Parses an uploaded CSV here, off the page's main thread, once: {text, options, id} answers
   * {type: 'csvParsed', id, info, features, labels | targets} for the page's preview, and keeps the
   * dataset for setups that name it ({csvId}).
   */
  #parseCsv({ text, options = {}, id }) {
    this.#keepOwnData(id, this.#lab.parseCsv(text, options), 'csvParsed');
  }

  /**
   * The hand-off of an autoencoder (seed 004 C.5): the outputs of hidden layer `layer` (0-based) for
   * every sample of the run's dataset, scaled as in training, with the samples' labels. Kept here
   * like a parsed CSV ({csvId: id}) and answered as {type: 'layerFeatures', id, info, features, labels | targets}.
   */
  #layerFeatures({ layer, id }) {
    const run = this.#requireRun();
    this.#keepOwnData(id, run.network.layerFeatures(run.data, run.prepared, layer), 'layerFeatures');
  }

  /** Keeps `dataset` as the student's own data under `id` and posts a copy of its numbers as `type`. */
  #keepOwnData(id, dataset, type) {
    const info = dataset.info;
    const features = dataset.features();
    const classification = info.task === 'classification';
    const values = classification ? dataset.labels() : dataset.targets();
    this.#csv?.dataset.dispose();
    this.#csv = { id, dataset };
    this.#post({ type, id, info, features, labels: classification ? values : null, targets: classification ? null : values },
      [features.buffer, values.buffer]);
  }

  /** The dataset of a setup message that needs no fetch. */
  #loadData(data) {
    const lab = this.#lab;
    if (data?.csvId !== undefined) {
      if (this.#csv?.id !== data.csvId) throw new Error('[Worker] the uploaded CSV is no longer loaded here; upload the file again');
      // a copy: the run owns its dataset, the parsed one stays for the next setup
      return wholeCopy(this.#csv.dataset);
    }
    if (data?.generate) return lab.generate(data.generate);
    if (data?.dataset) return lab.dataset(data.dataset);
    if (typeof data?.csv === 'string') return lab.parseCsv(data.csv, data.options ?? {});
    throw new Error('[Worker] setup.data must be {generate}, {dataset}, {bundled, baseUrl}, {csv, options} or {csvId}');
  }

  /**
   * The points the page draws (`map.indices` of the dataset, or all): each one's part and position
   * in it, and with `map.project` their coordinates along the first two principal components of
   * the network's inputs (every sample, scaled as the network sees it), computed by the core.
   */
  #mapPoints(run, map) {
    if (!map) return null;
    const n = run.data.info.samples;
    const indices = map.indices ? Int32Array.from(map.indices) : Int32Array.from({ length: n }, (_, i) => i);
    if (indices.some((i) => !(i >= 0 && i < n))) throw new Error(`[Worker] setup.map.indices must be sample numbers in 0..${n - 1}`);
    const partOf = new Int8Array(n);
    const positionOf = new Int32Array(n);
    PART_NAMES.forEach((name, part) => run.prepared.indices[name].forEach((sample, position) => { partOf[sample] = part; positionOf[sample] = position; }));
    const result = { indices, parts: indices.map((i) => partOf[i]), positions: indices.map((i) => positionOf[i]), projection: null, projectionError: '' };
    if (map.project) {
      try {
        const d = run.data.info.features;
        const pca = this.#lab.pca(run.prepared.scale(run.data.features()), d, { components: 2 });
        const points = new Float64Array(2 * indices.length);
        indices.forEach((sample, k) => { points[2 * k] = pca.projection[2 * sample]; points[2 * k + 1] = pca.projection[2 * sample + 1]; });
        result.projection = { points, explainedVarianceRatio: pca.explainedVarianceRatio, components: pca.components };
      } catch (error) {
        result.projectionError = error.message;
      }
    }
    return result;
  }

  /**
   * For image datasets: the first images of the evaluated part, or only its mistakes (at most
   * GALLERY_SIZE), with their unscaled pixels, true and predicted classes and the network's output
   * for the predicted class (the core's classifySamples); `matched` counts all the part's images
   * (first) or all its mistakes.
   */
  #gallery(run, part) {
    const info = run.data.info;
    if (!info.imageWidth || info.task !== 'classification') return null;
    const only = run.gallery === 'mistakes' ? 'mistakes' : 'all';
    const chosen = run.network.classifySamples(part, { only, limit: GALLERY_SIZE });
    const partIndices = run.prepared.indices[run.evaluate];
    const indices = Array.from(chosen.indices, (i) => partIndices[i]);
    const key = `${run.evaluate}:${indices.join(',')}`;
    if (run.galleryPixels?.key !== key) {
      let pixels = new Float64Array(0);
      if (indices.length) {
        const subset = run.data.subset(indices);
        try { pixels = subset.features(); } finally { subset.dispose(); }
      }
      run.galleryPixels = { key, pixels };
    }
    return {
      mode: run.gallery,
      width: info.imageWidth,
      height: info.imageHeight,
      matched: chosen.matched,
      count: indices.length,
      indices: Int32Array.from(indices),
      pixels: run.galleryPixels.pixels,
      labels: chosen.labels,
      predicted: chosen.predicted,
      confidence: chosen.confidence,
      probabilities: chosen.probabilities,
    };
  }

  /** The predicted class of each drawn point of the evaluated part (−1 for points of other parts). */
  #mapPredictions(run, part) {
    const predicted = run.network.predictLabels(part);
    const scored = PART_NAMES.indexOf(run.evaluate);
    const out = new Int32Array(run.map.indices.length).fill(-1);
    run.map.parts.forEach((p, k) => { if (p === scored) out[k] = predicted[run.map.positions[k]]; });
    return out;
  }

  /**
   * The evaluated part's scores: {part, samples, loss, metric, metricName} and, for classifiers, the
   * classification report, the gallery (`images`) of an image dataset and the predicted classes of
   * the projected points (`mapPredicted`); for regression, the predictions and targets.
   */
  #evaluation(run) {
    const part = run.parts[run.evaluate];
    const evaluation = { part: run.evaluate, samples: part.info.samples, ...run.network.evaluate(part) };
    if (!Number.isFinite(evaluation.loss.data) || !Number.isFinite(evaluation.metric) || run.trainer.status === 'diverged') {
      // the outputs are not finite, or the trainer declared divergence: no labels, report or
      // predictions can be read
      evaluation.diverged = true;
      return evaluation;
    }
    if (part.info.task === 'classification') {
      evaluation.report = run.network.classificationReport(part);
      const images = run.gallery ? this.#gallery(run, part) : null;
      if (images) evaluation.images = images;
      if (run.map?.projection) evaluation.mapPredicted = this.#mapPredictions(run, part);
    } else if (run.reconstruct && part.info.imageWidth) {
      evaluation.reconstructions = this.#reconstructions(part);
    } else {
      evaluation.predictions = run.network.predict(part);
      evaluation.targets = part.targets();
      evaluation.outputs = run.network.outputSize;
    }
    return evaluation;
  }

  /**
   * An autoencoder's first images of the evaluated part: {width, height, count, originals (the
   * inputs as the network sees them, which are its targets), outputs (the reconstructions), errors
   * (each image's ½‖x̂ − x‖², the loss of that one image)}, pixels image after image.
   */
  #reconstructions(part) {
    const network = this.#run.network;
    const count = Math.min(RECONSTRUCTIONS_SHOWN, part.info.samples);
    const first = part.subset(Array.from({ length: count }, (_, i) => i));
    try {
      const errors = Float64Array.from({ length: count }, (_, i) => {
        const one = first.subset([i]);
        try { return network.evaluate(one).loss.data; } finally { one.dispose(); }
      });
      return { width: part.info.imageWidth, height: part.info.imageHeight, count, originals: first.targets(), outputs: network.predict(first), errors };
    } finally {
      first.dispose();
    }
  }

  /**
   * For an image dataset: the first layer's weights of its first WEIGHT_IMAGES units (a dense
   * layer's rows of W, each an image of the input), {width, height, count, units, values}; else null.
   */
  #firstWeights(run) {
    const info = run.data.info;
    const first = run.network.spec.layers[0];
    if (!info.imageWidth || first.type === 'residual') return null;
    const inputs = info.imageWidth * info.imageHeight;
    const count = Math.min(WEIGHT_IMAGES, first.units);
    // W⁽¹⁾ is the flat vector's first block, row-major: row u is unit u's weight on every pixel
    const values = run.network.getParameters().slice(0, count * inputs);
    return { width: info.imageWidth, height: info.imageHeight, count, units: first.units, values };
  }

  /** Every how many epochs of `epochs` the held-out part ({part, cost}) is scored (see PACING). */
  #heldOutEvery({ part, cost }, epochs) {
    if (part.info.samples <= this.#pacing.heldOutFreeSamples) return 1;
    const byCost = Math.ceil(cost / this.#pacing.heldOutShare);
    return Math.max(1, Math.min(byCost, Math.floor(epochs / this.#pacing.heldOutPoints)));
  }

  /**
   * At the end of an epoch (the network holds that epoch's weights): scores the held-out part when
   * the session does (run.heldOut) and this epoch is due: the first, every `every`-th, and the last
   * (`last`, or a step by hand).
   */
  #scoreHeldOut(run, last) {
    const held = run.heldOut;
    if (!held) return;
    const epoch = run.trainer.epoch;
    if (epoch === 0 || held.scores.has(epoch)) return;
    if (!last && epoch !== 1 && epoch % held.every !== 0) return;
    const { loss, metric } = run.network.evaluate(held.part);
    held.scores.set(epoch, { valLoss: loss.total, valMetric: metric });
  }

  /** History records with the session's held-out scores filled in (NaN at epochs not scored). */
  #withHeldOut(run, history) {
    if (!run.heldOut) return history;
    for (const record of history) Object.assign(record, run.heldOut.scores.get(record.epoch));
    return history;
  }

  /** Answers {type: 'sample', part, index, input (scaled, as the network sees it), target, label} of one sample. */
  #sample(partName, index) {
    const run = this.#requireRun();
    const part = run.parts[partName];
    if (!part) throw new Error(`[Worker] sample.part must be train, validation or test; got "${partName}"`);
    const samples = part.info.samples;
    if (!Number.isInteger(index) || index < 0 || index >= samples) {
      throw new Error(`[Worker] sample.index must be a whole number from 0 to ${samples - 1} for the ${partName} part; got ${index}`);
    }
    const one = part.subset([index]);
    try {
      const label = part.info.task === 'classification' ? one.labels()[0] : null;
      this.#post({ type: 'sample', part: partName, index, input: one.features(), target: run.network.targetsFor(one), label });
    } finally {
      one.dispose();
    }
  }

  /**
   * Answers {type: 'evaluation', ...} on the chosen part now (and makes it the evaluated part);
   * `images` ('first' | 'mistakes') chooses the gallery from now on.
   */
  #evaluate(part, images) {
    const run = this.#requireRun();
    if (part !== undefined) {
      if (!['train', 'validation', 'test'].includes(part)) throw new Error(`[Worker] evaluate.part must be train, validation or test; got "${part}"`);
      if (run.parts[part].info.samples === 0) throw new Error(`[Worker] the ${part} part is empty; set its fraction above 0 to evaluate on it`);
      run.evaluate = part;
    }
    if (images !== undefined) run.gallery = galleryMode(images);
    this.#post({ type: 'evaluation', ...this.#evaluation(run) });
  }

  /**
   * The loss around the current weights ({id, plane, resolution}: landscape-job.js), computed a
   * slice at a time: 'landscapeProgress' messages, then 'landscape' (or 'landscapeCancelled').
   * A new request replaces one still being computed.
   */
  #landscape(message) {
    const run = this.#requireRun();
    if (this.#state === 'running') throw new Error('[Landscape] pause training first: the weights change while it trains');
    const options = landscapeOptions(message);
    this.#landscapeJob?.cancel('a new landscape was asked for');
    this.#landscapeJob = new LandscapeJob(run, { id: message.id ?? null, ...options }, { post: this.#post, schedule: this.#schedule, now: this.#now, sliceMs: this.#pacing.sliceMs });
    this.#landscapeJob.start();
  }

  #requireRun() {
    if (!this.#run) throw new Error('[Worker] no training is set up; send a setup message first');
    return this.#run;
  }

  #start() {
    this.#requireRun();
    if (this.#state === 'running') return;
    this.#landscapeJob?.cancel('training resumed, so the weights change');
    if (this.#state !== 'ready' && this.#state !== 'paused') {
      throw new Error(`[Worker] cannot resume a run that is ${this.#state}; reset it first`);
    }
    this.#state = 'running';
    // the page shows the scores of the weights it starts from: the next ones after evaluationMs
    this.#lastEvaluation = this.#now();
    this.#post({ type: 'state', state: this.#state });
    this.#schedule(() => this.#tick());
  }

  /** Pauses a running run; always answers with a progress message (the run may have ended). */
  #pause() {
    this.#requireRun();
    if (this.#state === 'running') this.#state = 'paused';
    this.#progress(true);
  }

  #stop() {
    this.#requireRun();
    this.#state = 'stopped';
    this.#progress(true);
  }

  #reset() {
    const run = this.#requireRun();
    this.#landscapeJob?.cancel('the run was reset');
    run.trainer.reset();
    if (run.heldOut) run.heldOut.scores = new Map();
    this.#state = 'ready';
    this.#sentEpochs = 0;
    this.#sentStats = 0;
    this.#samples = 0;
    this.#runningMs = 0;
    this.#post({ type: 'reset' });
    this.#progress(true);
  }

  /** The network's spec, current parameters and the whole history, e.g. to inspect or reuse. */
  #snapshot() {
    const run = this.#requireRun();
    const parameters = run.network.getParameters();
    this.#post({ type: 'snapshot', spec: run.network.spec, parameters, history: this.#withHeldOut(run, run.trainer.history), state: this.#state }, [parameters.buffer]);
  }

  #dispose() {
    this.#landscapeJob?.cancel('the run was set up again');
    const run = this.#run;
    this.#run = null;
    this.#state = 'idle';
    for (const owned of [run?.trainer, run?.prepared, run?.data, run?.network]) owned?.dispose();
  }

  /** A single step or epoch while not running (the page's step buttons). */
  #stepOnce(step) {
    const run = this.#requireRun();
    if (this.#state === 'running') throw new Error('[Worker] pause training before stepping');
    if (this.#state !== 'ready' && this.#state !== 'paused') {
      throw new Error(`[Worker] cannot step a run that is ${this.#state}; reset it first`);
    }
    this.#landscapeJob?.cancel('a step changed the weights');
    try {
      const result = step();
      // a step by hand scores the held-out part at every epoch it ends
      if (result.epochCompleted) this.#scoreHeldOut(run, true);
      this.#state = result.status === 'training' || result.status === 'ready' ? 'paused' : result.status;
      this.#progress(true, run);
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * A slice of training. Whatever fails inside it (a core error, memory) ends the run in the
   * 'failed' state with the message, so the page never waits for a run that stopped.
   */
  #tick() {
    try {
      this.#slice();
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error) {
    this.#state = 'failed';
    this.#failure = error.message;
    this.#post({ type: 'error', message: error.message, for: 'training' });
    try {
      this.#progress(true);
    } catch {
      this.#post({ type: 'progress', state: 'failed', message: error.message, history: [], epoch: 0, epochs: 0, batch: 0, batchesPerEpoch: 1 });
    }
  }

  #slice() {
    const run = this.#run;
    if (!run || this.#state !== 'running') return;
    const start = this.#now();
    const batch = run.trainer.batchSize;
    let result;
    do {
      result = run.trainer.step();
      this.#samples += batch;
      if (result.epochCompleted) this.#scoreHeldOut(run, result.status !== 'training');
    } while (result.status === 'training' && this.#now() - start < this.#pacing.sliceMs);
    this.#runningMs += this.#now() - start;
    if (result.status !== 'training') this.#state = result.status;
    this.#progress(this.#state !== 'running');
    if (this.#state === 'running') this.#schedule(() => this.#tick());
  }

  /** Posts progress when forced or when progressMs has passed; a grid at most every gridMs. */
  #progress(force, run = this.#run) {
    if (!run) return;
    const now = this.#now();
    // a run nobody watches (a sweep's) reports less often: each message costs the page's main thread
    if (!force && now - this.#lastProgress < (run.views ? this.#pacing.progressMs : this.#pacing.unwatchedProgressMs)) return;
    this.#lastProgress = now;
    const { trainer } = run;
    const history = this.#withHeldOut(run, trainer.historySince(this.#sentEpochs));
    this.#sentEpochs += history.length;
    // the per-layer statistics recorded since the last message, and what they explain
    const layerStats = run.views ? trainer.layerStatsSince(this.#sentStats) : [];
    this.#sentStats += layerStats.length;
    const epochs = trainer.settings.epochs;
    const epoch = trainer.epoch;
    const done = epoch + trainer.batchInEpoch / trainer.batchesPerEpoch;
    const samplesPerSecond = this.#runningMs > 0 ? (1000 * this.#samples) / this.#runningMs : 0;
    const epochSeconds = this.#runningMs > 0 && done > 0 ? this.#runningMs / 1000 / done : 0;
    const message = {
      type: 'progress',
      sentAt: now, // when the session decided to send it (the pacing is measured from here)
      state: this.#state,
      epoch,
      epochs,
      batch: trainer.batchInEpoch,
      batchesPerEpoch: trainer.batchesPerEpoch,
      learningRate: trainer.learningRate,
      samplesPerSecond,
      secondsLeft: epochSeconds * Math.max(0, epochs - done),
      status: trainer.status,
      message: this.#state === 'failed' ? this.#failure : trainer.message,
      bestEpoch: trainer.bestEpoch,
      restoredBest: trainer.restoredBest,
      history,
    };
    if (layerStats.length) Object.assign(message, { layerStats, diagnoses: trainer.diagnoses, firstWeights: this.#firstWeights(run) });
    const transfer = [];
    if (run.grid && (force || now - this.#lastGrid >= this.#pacing.gridMs)) {
      this.#lastGrid = now;
      const outputs = run.network.forward(run.gridInputs);
      if (outputs.every(Number.isFinite)) { // a diverged network's map would be one colour: the last one stays
        message.grid = { ...run.grid, outputs: run.network.outputSize, values: outputs };
        transfer.push(outputs.buffer);
      }
    }
    // an evaluation message takes three passes over the evaluated part: on a big part, it waits longer
    const evaluationGap = Math.max(this.#pacing.evaluationMs, this.#evaluationCostMs / this.#pacing.evaluationShare);
    if (run.views && (force || now - this.#lastEvaluation >= evaluationGap)) {
      this.#lastEvaluation = now;
      message.evaluation = this.#evaluation(run);
      this.#evaluationCostMs = this.#now() - now;
    }
    if (run.heldOut) {
      // which epochs the held-out curve has points at (the page says so under the charts)
      message.heldOutEvery = run.heldOut.every;
      message.heldOutCost = run.heldOut.cost;
    }
    this.#post(message, transfer);
  }
}
