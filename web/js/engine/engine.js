// The friendly JS API over the wasm module, used by the page, the training worker and the node
// tests (docs/api.md). Every call goes through `call()`, so a C++ error arrives as a JS Error
// with the core's message and the module keeps working afterwards.
//
// Why dispose(): networks, datasets and trainers live in wasm memory, which JS's garbage
// collector cannot see. Each wrapper owns one wasm object; dispose() frees it at once. A
// FinalizationRegistry frees a forgotten wrapper eventually, but only dispose() is prompt.
import createBackpropModule from '../../generated/backprop.mjs';

/** Frees wasm objects whose JS wrapper was garbage-collected without dispose(). */
const forgotten = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => { if (!handle.isDeleted()) handle.delete(); })
  : null;

/**
 * Runs fn against the module and turns a core error into a JS Error. The C++ adapters catch every
 * exception and leave its message for takeError(), so no exception crosses the wasm boundary and
 * nothing leaks; `cleanup(result)` frees what a failed call still returned (a constructed handle).
 */
function call(module, fn, cleanup) {
  const result = fn();
  const message = module.takeError();
  if (message) {
    if (cleanup && result) cleanup(result);
    throw new Error(message);
  }
  return result;
}

const json = (value) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));

/** What a value is, for a message: "null", "a string", "an object". */
const kindOf = (value) => (value === null ? 'null' : value === undefined ? 'nothing' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);

/**
 * `value` (an array or typed array of numbers) as a Float64Array; anything else is an Error
 * naming `field` (instead of a TypeError from Float64Array.from that names nothing).
 */
function numbers(value, field) {
  if (value instanceof Float64Array) return value;
  if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
    throw new Error(`${field} must be an array of numbers, got ${kindOf(value)}`);
  }
  return Float64Array.from(value);
}

/** The same for whole numbers (indices, labels), as an Int32Array. */
function integers(value, field) {
  if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
    throw new Error(`${field} must be an array of whole numbers, got ${kindOf(value)}`);
  }
  if (value instanceof Int32Array) return value;
  const whole = Int32Array.from(value);
  const bad = whole.findIndex((v, i) => v !== value[i]); // 1.5, NaN, 1e10 do not survive as int32
  if (bad >= 0) throw new Error(`${field}[${bad}] must be a whole number, got ${String(value[bad]).slice(0, 20)}`);
  return whole;
}

/** The module's schema (lab.schema), parsed once per module. */
const schemas = new WeakMap();
function schemaOf(module) {
  if (!schemas.has(module)) schemas.set(module, JSON.parse(module.schemaJson()));
  return schemas.get(module);
}

/** Base of the wrappers: owns one embind handle and frees it in dispose(). */
class Owned {
  #handle;
  #kind;

  constructor(module, handle, kind) {
    this.module = module;
    this.#handle = handle;
    this.#kind = kind;
    forgotten?.register(this, handle, this);
  }

  /** The live embind handle; throws after dispose(). */
  get handle() {
    if (!this.#handle) throw new Error(`[${this.#kind}] this ${this.#kind.toLowerCase()} was disposed; create a new one`);
    return this.#handle;
  }

  /** Calls fn(handle) with the core's errors turned into JS Errors. */
  call(fn) {
    const handle = this.handle;
    return call(this.module, () => fn(handle));
  }

  /** True once dispose() has run. */
  get disposed() { return this.#handle === null; }

  /** Frees the wasm memory now; later calls throw. Safe to call twice. */
  dispose() {
    if (!this.#handle) return;
    forgotten?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

/** Samples in a row-major array of `width` numbers per sample. */
function sampleCount(values, width, what) {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new Error(`${what} must be an array of numbers, got ${kindOf(values)}`);
  }
  const n = values.length / width;
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${what} must hold samples × ${width} numbers; got ${values.length} numbers`);
  }
  return n;
}

/** A labelled set in wasm memory: features, labels or regression targets, and metadata. */
export class Dataset extends Owned {
  constructor(module, handle) { super(module, handle, 'Dataset'); }

  /** {name, description, task, samples, features, classes, classNames, featureNames, targetNames, imageWidth, imageHeight, reconstruct (an autoencoder's part), classCounts} */
  get info() { return this.call((h) => h.info()); }
  /** Shape, class balance and per-feature statistics, for the page. */
  get summary() { return JSON.parse(this.call((h) => h.summaryJson())); }
  /** Features as samples × features numbers, row-major (a copy). */
  features() { return this.call((h) => h.features()); }
  /** Class labels (Int32Array); empty for regression. */
  labels() { return this.call((h) => h.labels()); }
  /** Regression targets as samples × outputs numbers; empty for classification. */
  targets() { return this.call((h) => h.targets()); }
  /** A new Dataset with the samples at `indices`, in that order. */
  subset(indices) {
    return new Dataset(this.module, this.call((h) => h.subset(integers(indices, '[Dataset] subset: indices'))));
  }
  /** A new Dataset with only the features at `features`. */
  selectFeatures(features) {
    return new Dataset(this.module, this.call((h) => h.selectFeatures(integers(features, '[Dataset] selectFeatures: features'))));
  }
  /** A new Dataset of the chosen classes only (2 or more, distinct), renumbered 0..k−1 in the order given, names kept. */
  selectClasses(classes) {
    return new Dataset(this.module, this.call((h) => h.selectClasses(integers(classes, '[Dataset] selectClasses: classes'))));
  }
  /**
   * Seeded split ({validation, test, stratify, seed}: fractions of all samples) and scaling
   * ('none' | 'standardize' | 'min_max') fitted on the training part only. Returns a Prepared
   * with .train, .validation and .test Datasets; its dispose() frees them too. With `reconstruct`
   * (an autoencoder's task) every part is a regression set whose targets are its scaled features.
   */
  prepare(split = {}, scaling = 'none', { reconstruct = false } = {}) {
    return new Prepared(this.module, this.call((h) => h.prepare(json(split), scaling, Boolean(reconstruct))));
  }
}

/** A split dataset with its fitted scaler (see Dataset.prepare). */
export class Prepared extends Owned {
  constructor(module, handle) {
    super(module, handle, 'Prepared');
    const part = (name) => new Dataset(module, call(module, () => handle.part(name)));
    /** The training part, scaled. */
    this.train = part('train');
    /** The validation part (0 samples when its fraction is 0), scaled with the training statistics. */
    this.validation = part('validation');
    /** The test part, scaled with the training statistics. */
    this.test = part('test');
  }

  /** {train, validation, test}: the original sample indices of each part. */
  get indices() { return this.call((h) => h.indices()); }
  /** {kind, shift, scale}: x' = (x − shift) / scale per feature, fitted on the training part. */
  get scaler() { return this.call((h) => h.scaler()); }
  /** New samples (samples × features, row-major) scaled like the parts. */
  scale(features) {
    const n = sampleCount(features, this.train.info.features, '[Scaler] features');
    return this.call((h) => h.scale(numbers(features, '[Scaler] features'), n));
  }
  /** Frees the scaler and the three parts. */
  dispose() {
    for (const part of [this.train, this.validation, this.test]) part?.dispose();
    super.dispose();
  }
}

/** A network built from a model spec (DESIGN.md). */
export class Network extends Owned {
  constructor(module, spec) {
    super(module, call(module, () => new module.Network(json(spec)), (h) => h.delete()), 'Network');
  }

  /** The model spec with every field filled in. */
  get spec() { return JSON.parse(this.call((h) => h.specJson())); }
  /** Number of parameters in the flat vector. */
  get parameterCount() { return this.call((h) => h.parameterCount()); }
  /** Features per input sample. */
  get inputSize() { return this.call((h) => h.inputSize()); }
  /** Values per output sample. */
  get outputSize() { return this.call((h) => h.outputSize()); }
  /** Per layer: {type, activation, inputSize, outputSize, parameterCount, offset, blocks: [{name, rows, cols, offset, isWeight}]}. */
  get layers() { return this.call((h) => h.layers()); }
  /** The teaching bug switched on for this network ('none' normally). */
  get derivativeBug() { return this.call((h) => h.derivativeBug()); }
  /** Switches a teaching bug on for this network only (see lab.derivativeBugs), or 'none'. */
  set derivativeBug(name) { this.call((h) => h.setDerivativeBug(name)); }

  /** The flat parameter vector (a copy), in DESIGN.md order. */
  getParameters() { return this.call((h) => h.parameters()); }
  /** Sets the flat parameter vector (parameterCount finite numbers). */
  setParameters(values) { this.call((h) => h.setParameters(numbers(values, '[Network] setParameters: values'))); }
  /** The gradient of the last computeGradients/trace (a copy), flat order. */
  getGradients() { return this.call((h) => h.gradients()); }
  /** Draws new weights with the spec's init settings. */
  initialise() { this.call((h) => h.initialise()); }

  /** Outputs for inputs (samples × inputSize, row-major) as samples × outputSize numbers. */
  forward(inputs) {
    const n = sampleCount(inputs, this.inputSize, '[Network] inputs');
    return this.call((h) => h.forward(numbers(inputs, '[Network] inputs'), n));
  }
  /** {data, penalty, total}: the mean loss on (inputs, targets) plus the l2/l1 penalty. */
  loss(inputs, targets) {
    const n = sampleCount(inputs, this.inputSize, '[Network] inputs');
    return this.call((h) => h.loss(numbers(inputs, '[Network] inputs'), numbers(targets, '[Network] targets'), n));
  }
  /** {loss, gradients}: one forward and backward pass. */
  computeGradients(inputs, targets) {
    const n = sampleCount(inputs, this.inputSize, '[Network] inputs');
    return this.call((h) => h.computeGradients(numbers(inputs, '[Network] inputs'), numbers(targets, '[Network] targets'), n));
  }
  /**
   * One training step on a sample or a small batch, recorded number by number (see docs/api.md):
   * {input, target, output, layers: [{forward, backward}], loss, outputGradient, updates,
   * optimizerSettings, stateBefore, stateAfter, lossAfter}. The network is updated. The
   * optimizer's state carries over between calls with the same settings, or starts from `state`
   * ({t, values}, as a trace's stateAfter holds it) when given.
   * @param inputs
   * @param targets
   * @param {{ optimizer?: string | { name?: string, [coefficient: string]: number | string },
   *   learningRate?: number, state?: { t?: number, values?: ArrayLike<number> } | null }} [options]
   *   the optimizer's name or settings (see docs/design.md, "Optimizers"); the core checks `state`
   */
  trace(inputs, targets, { optimizer = {}, learningRate = undefined, state = null } = {}) {
    const n = sampleCount(inputs, this.inputSize, '[Trace] inputs');
    // what is left out takes the core's defaults (its schema rows)
    const settings = JSON.stringify(optimizer);
    learningRate ??= schemaOf(this.module).settings.learning_rate.default;
    if (state) this.call((h) => h.setTraceState(settings, Number(state.t), numbers(state.values ?? [], '[Trace] state.values')));
    return this.call((h) => h.trace(numbers(inputs, '[Trace] inputs'), numbers(targets, '[Trace] targets'), n, settings, learningRate));
  }
  /** Forgets the optimizer state kept between trace() calls. */
  resetTrace() { this.call((h) => h.resetTraceOptimizer()); }
  /** The seed 000 gradient test of the loss w.r.t. the parameters ({epsilon0, iterations, seed, wrt, bug}). */
  gradientTest(inputs, targets, settings = {}) {
    const n = sampleCount(inputs, this.inputSize, '[GradientTest] inputs');
    return this.call((h) => h.gradientTest(numbers(inputs, '[GradientTest] inputs'), numbers(targets, '[GradientTest] targets'), n, json(settings)));
  }
  /**
   * The transposed Jacobian test of one layer ({batch, epsilon0, iterations, seed, wrt, bug}).
   * @param {number} layer
   * @param {{ batch?: number, epsilon0?: number, iterations?: number, seed?: number, wrt?: string, bug?: string }} [settings]
   */
  jacobianTest(layer, { batch = 1, ...settings } = {}) {
    return this.call((h) => h.jacobianTest(layer, batch, json(settings)));
  }
  /**
   * Analytic against central-difference gradients per entry ({step, maxEntries, seed, bug, tolerance}).
   * @param inputs
   * @param targets
   * @param {{ step?: number, maxEntries?: number, seed?: number, bug?: string, tolerance?: number }} [settings]
   */
  elementwiseCheck(inputs, targets, { maxEntries, ...settings } = {}) {
    const n = sampleCount(inputs, this.inputSize, '[GradientTest] inputs');
    const core = maxEntries === undefined ? settings : { ...settings, max_entries: maxEntries };
    return this.call((h) => h.elementwiseCheck(numbers(inputs, '[GradientTest] inputs'), numbers(targets, '[GradientTest] targets'), n, json(core)));
  }
  /** Outputs for every sample of a Dataset (samples × outputSize). */
  predict(dataset) { return this.call((h) => h.predict(dataset.handle)); }
  /** Predicted classes for every sample of a Dataset. */
  predictLabels(dataset) { return this.call((h) => h.predictLabels(dataset.handle)); }
  /** The targets this network's loss trains on for a Dataset (samples × outputSize). */
  targetsFor(dataset) { return this.call((h) => h.targetsFor(dataset.handle)); }
  /** {loss, metric, metricName} on a Dataset: accuracy for classifiers, R² for regression. */
  evaluate(dataset) { return this.call((h) => h.evaluate(dataset.handle)); }
  /** Confusion matrix, accuracy, macro F1 and per-class scores on a classification Dataset. */
  classificationReport(dataset) { return this.call((h) => h.classificationReport(dataset.handle)); }
  /**
   * Every sample of a classification Dataset (only: 'all') or only its mistakes ('mistakes'): the
   * number that match (`matched`) and the first `limit` of them in sample order with their true and
   * predicted classes and the output for the predicted class (`confidence`: its probability when
   * `probabilities`, i.e. softmax outputs or one sigmoid output).
   */
  classifySamples(dataset, { only = 'all', limit = 48 } = {}) {
    if (only !== 'all' && only !== 'mistakes') throw new Error(`[Predictions] only must be 'all' or 'mistakes', got ${JSON.stringify(only)?.slice(0, 40)}`);
    return this.call((h) => h.classifySamples(dataset.handle, only === 'mistakes', limit));
  }
  /**
   * A new Dataset of the outputs of hidden layer `layer` (0-based) for every sample of `dataset`
   * (whole and unscaled, as before `prepared` split it), scaled with `prepared`'s scaler: features
   * h1..hm with the dataset's labels (an autoencoder's codes for a classifier).
   */
  layerFeatures(dataset, prepared, layer) {
    return new Dataset(this.module, this.call((h) => h.layerFeatures(dataset.handle, prepared.handle, layer)));
  }
  /**
   * The loss landscape around the weights (Li et al. 2018): a seeded random direction normalised
   * unit by unit (Float64Array, parameterCount; biases 0), the loss of `dataset` at θ + α d for
   * every α (Float64Array), and on the plane θ + α d1 + β d2 ({rows: betas, cols: alphas, data}).
   */
  randomDirection(seed) { return this.call((h) => h.randomDirection(seed)); }
  /** −∇f of `dataset` at the weights, normalised unit by unit like a random direction (Float64Array). */
  gradientDirection(dataset) { return this.call((h) => h.gradientDirection(dataset.handle)); }
  lossLine(dataset, direction, alphas) {
    return this.call((h) => h.lossLine(dataset.handle, numbers(direction, '[Landscape] direction'), numbers(alphas, '[Landscape] alphas')));
  }
  lossSurface(dataset, d1, d2, alphas, betas) {
    return this.call((h) => h.lossSurface(dataset.handle, numbers(d1, '[Landscape] d1'), numbers(d2, '[Landscape] d2'), numbers(alphas, '[Landscape] alphas'), numbers(betas, '[Landscape] betas')));
  }
}

/** Mini-batch training of a network on a Dataset, one step, epoch or run at a time. */
export class Trainer extends Owned {
  constructor(module, network, train, settings, validation) {
    const handle = call(module, () => (validation
      ? new module.Trainer(network.handle, train.handle, validation.handle, json(settings))
      : new module.Trainer(network.handle, train.handle, json(settings))), (h) => h.delete());
    super(module, handle, 'Trainer');
  }

  /** One mini-batch: {epoch, batch, batchLoss, epochCompleted, status}. */
  step() { return this.call((h) => h.step()); }
  /** Steps to the end of the current epoch. */
  stepEpoch() { return this.call((h) => h.stepEpoch()); }
  /** Up to `epochs` epochs (fewer when training stops). */
  run(epochs) { return this.call((h) => h.run(epochs)); }
  /** New weights from the spec, empty history, fresh optimizer and shuffling. */
  reset() { this.call((h) => h.reset()); }
  /** 'ready' | 'training' | 'finished' | 'early_stopped' | 'diverged' */
  get status() { return this.call((h) => h.status()); }
  /** Why training stopped, in words ('' while it runs). */
  get message() { return this.call((h) => h.message()); }
  /** Completed epochs. */
  get epoch() { return this.call((h) => h.epoch()); }
  /** Batches done in the current epoch. */
  get batchInEpoch() { return this.call((h) => h.batchInEpoch()); }
  /** Batches per epoch. */
  get batchesPerEpoch() { return this.call((h) => h.batchesPerEpoch()); }
  /** The batch size in use (the setting, capped at the training set size). */
  get batchSize() { return this.call((h) => h.batchSize()); }
  /** The learning rate of the current epoch (after the schedule). */
  get learningRate() { return this.call((h) => h.learningRate()); }
  /** The epoch whose weights early stopping keeps (0 before any). */
  get bestEpoch() { return this.call((h) => h.bestEpoch()); }
  /** True once early stopping has put back the best epoch's weights (history[bestEpoch − 1] then holds the network's scores). */
  get restoredBest() { return this.call((h) => h.restoredBest()); }
  /**
   * Measures every later epoch against the exact ridge optimum of the least-squares problem that the
   * generator request makes (seed 000 §1.2), when it applies to this network and `train`: returns ''
   * then (the history's optimumDistance and optimumGap fill in), else the reason it does not apply.
   */
  useLeastSquaresOptimum(train, request) { return this.call((h) => h.useLeastSquaresOptimum(train.handle, JSON.stringify(request))); }
  /** True when a validation set was given. */
  get hasValidation() { return this.call((h) => h.hasValidation()); }
  /** 'accuracy' or 'r2'. */
  get metricName() { return this.call((h) => h.metricName()); }
  /** The training settings with every field filled in. */
  get settings() { return JSON.parse(this.call((h) => h.settingsJson())); }
  /**
   * Per epoch: {epoch, trainLoss, trainMetric, valLoss, valMetric, learningRate (NaN for lbfgs),
   * penalty (the L2 term inside both losses), optimumDistance, optimumGap (NaN without a reference
   * optimum), functionEvaluations, gradientEvaluations (cumulative: lbfgs's evaluations of the
   * full training loss and its gradient; for the mini-batch optimizers, samples of their gradients
   * / n, i.e. full-batch equivalents)}.
   */
  get history() { return this.call((h) => h.history()); }
  /** The history records from index `first` on (for streaming only what is new). */
  historySince(first) { return this.call((h) => h.historySince(first)); }
  /**
   * Per-layer statistics records from index `first` on: [{epoch, layers: [{weightNorm,
   * gradientNorm, updateRatio, units, deadFraction, saturatedFraction, identicalFraction, z, a}]}],
   * z and a histograms {lo, hi, counts}; recorded once an epoch (settings.layer_stats, not lbfgs).
   */
  layerStatsSince(first) { return this.call((h) => h.layerStatsSince(first)); }
  /**
   * The explanations of the last statistics record: [{kind, layer (0-based), value, text}]; a healthy
   * record gets one of kind 'healthy' (layer −1, value NaN) saying which thresholds it passed.
   */
  get diagnoses() { return this.call((h) => h.diagnoses()); }
  /**
   * The plane through the current weights that holds the training path best (its two principal
   * directions, unit length): {d1, d2, explained: [share of Σ‖θ_t − θ‖² each holds], snapshots}.
   * The path: the weights at epoch 0 and after epochs, thinned evenly (settings.layer_stats).
   */
  pathPlane() { return this.call((h) => h.pathPlane()); }
  /** The path's snapshots in the plane θ + α d1 + β d2 (least squares): {epochs, x, y}. */
  projectPath(d1, d2) {
    return this.call((h) => h.projectPath(numbers(d1, '[Landscape] d1'), numbers(d2, '[Landscape] d2')));
  }
  /** The network's current flat parameters (a copy). */
  getParameters() { return this.call((h) => h.parameters()); }
}

/** Under node, the module's .wasm bytes (browsers fetch and stream-compile the file themselves). */
async function wasmBinaryForNode() {
  if (typeof process !== 'object' || !process.versions?.node) return undefined;
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL('../../generated/backprop.wasm', import.meta.url));
}

/** Loads the wasm module and resolves to the lab API. */
export async function createLab() {
  const wasmBinary = await wasmBinaryForNode();
  const module = await createBackpropModule(wasmBinary ? { wasmBinary } : {});
  const lab = {
    /** The module itself, for tests. */
    module,
    /** Activation names of the model spec. */
    activations: module.activationNames(),
    /** Loss names of the model spec. */
    losses: module.lossNames(),
    /**
     * Every setting's name, kind, range (open or closed ends), choices, default and one-line
     * description, by section ('spec', 'settings', 'data') and path: the core's schema rows.
     */
    schema: schemaOf(module),
    /** The teaching bugs: [{name, description}]. */
    derivativeBugs: module.derivativeBugs(),
    /** Every dataset generator with its settings and ranges. */
    generators: JSON.parse(module.generatorsJson()),
    /** The bundled real datasets and the seeds' presets: [{name, file, description, …}]. */
    bundledPresets: JSON.parse(module.bundledPresetsJson()),

    /**
     * The distribution each weight block of a spec is drawn from, without building the network:
     * [{layer (from 1), block ('W', 'W1', 'W2'), rows, cols, kind ('zero' | 'uniform' | 'normal'), parameter (limit or σ)}].
     */
    initDistributions: (spec) => call(module, () => module.initDistributions(json(spec))),
    /** The flat parameter count of a spec, checked by the core but not built (no weights are allocated). */
    specParameterCount: (spec) => call(module, () => module.specParameterCount(json(spec))),
    /**
     * Throws the core's "[Memory] about 3.2 GB needed, the browser allows 2.0 GB: reduce …" when a
     * network of `spec` trained with `settings` on nTrain + nVal samples would not fit; builds nothing.
     */
    checkTrainingMemory: (spec, settings, nTrain, nVal) => call(module, () => module.checkTrainingMemory(json(spec), json(settings), nTrain, nVal)),
    /** True when the training settings' early stopping watches a validation score (the trainer then needs validation data). */
    watchesValidation: (settings) => call(module, () => module.watchesValidation(json(settings))),
    /** A new Network from a model spec object or JSON text. */
    network: (spec) => new Network(module, spec),
    /** A generated dataset: {name, samples, noise, seed, …}; page-sized defaults unless forPage is false. */
    generate: (request, { forPage = true } = {}) => new Dataset(module, call(module, () => module.generate(json(request), forPage))),
    /**
     * A Dataset from arrays: {name, samples, features, featureValues (samples × features),
     * labels + classes} for classification or {targetValues (samples × outputs), outputs}; optional
     * featureNames, classNames, targetNames (arrays of strings; else x1…, class 0…, y1…).
     */
    dataset: (description) => new Dataset(module, call(module, () => module.datasetFromArrays({
      ...description,
      featureValues: numbers(description.featureValues, '[Dataset] featureValues'),
      labels: description.labels ? integers(description.labels, '[Dataset] labels') : null,
      targetValues: description.targetValues ? numbers(description.targetValues, '[Dataset] targetValues') : null,
    }))),
    /** A bundled preset ('iris', 'iris_binary', 'digits', 'mnist', …) from its file's bytes (decompressed). */
    loadBundled: (name, bytes) => new Dataset(module, call(module, () => module.loadBundled(name, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)))),
    /** Fetches a bundled preset's file from `baseUrl` (the page's data/ folder), gunzips it and loads it. */
    fetchBundled: async (name, baseUrl) => {
      const preset = lab.bundledPresets.find((p) => p.name === name);
      if (!preset) throw new Error(`[Bundled] unknown dataset "${name}"; allowed: ${lab.bundledPresets.map((p) => p.name).join(', ')}`);
      const response = await fetch(new URL(preset.file, baseUrl));
      if (!response.ok) throw new Error(`[Bundled] could not fetch ${preset.file}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      return lab.loadBundled(name, bytes);
    },
    /** A Dataset from CSV text ({header, label_column, task, delimiter, name}); errors name the row and column. */
    parseCsv: (text, options = {}) => new Dataset(module, call(module, () => module.parseCsv(text, json(options)))),
    /** A Trainer for network on train (a Dataset) with settings, and an optional validation Dataset. */
    trainer: (network, train, settings = {}, validation = null) => new Trainer(module, network, train, settings, validation),
    /** Seed 000 §1.1: the gradient test of softmax regression ({samples, features, classes}, settings). */
    softmaxRegressionTest: (problem = {}, settings = {}) => call(module, () => module.softmaxRegressionTest(json(problem), json(settings))),
    /** Confusion matrix and scores from true and predicted labels. */
    classificationReport: (truth, predicted, classes) => call(module, () => module.classificationReport(integers(truth, '[Metrics] truth'), integers(predicted, '[Metrics] predicted'), classes)),
    /**
     * PCA of `values` (samples × features, row-major), as sklearn's: {mean, components ({rows: k, cols:
     * features, data}, unit directions by decreasing variance, each with its largest entry positive),
     * explainedVariance, explainedVarianceRatio, projection (samples × k, row-major)}.
     */
    pca: (values, features, { components = 2 } = {}) => {
      const flat = numbers(values, '[PCA] values');
      return call(module, () => module.pca(flat, features, flat.length / features, components));
    },
    /** A sorted seeded sample of `count` of the indices 0..n−1 without repeats (all of them when count ≥ n). */
    sampleIndices: (n, count, seed) => call(module, () => module.sampleIndices(n, count, seed)),
    /** The first `count` uniforms then `count` normals of the project's generator for `seed`. */
    rngSample: (seed, count) => call(module, () => module.rngSample(seed, count)),
    /** Live wasm handles (networks, datasets, trainers) not yet disposed. */
    liveHandles: () => module.liveHandles(),
    /** Bytes in use on the wasm heap. */
    heapBytesInUse: () => module.heapBytesInUse(),
  };
  return lab;
}
