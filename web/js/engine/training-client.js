// The main thread's side of the training worker: sends commands and hands the worker's messages
// (ready, state, progress, evaluation, snapshot, reset, error) to listeners. See docs/api.md, "Training in a worker".

export class TrainingClient {
  #worker;
  #listeners = new Map();
  #loaded;
  #landscapeId = 0;

  /** Starts the worker (web/js/engine/worker.js by default). */
  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.#worker = new Worker(workerUrl, { type: 'module' });
    this.#loaded = new Promise((resolve, reject) => {
      this.#worker.addEventListener('message', (event) => {
        if (event.data?.type === 'loaded') resolve();
        else if (event.data?.type === 'error' && event.data.message.startsWith('[Worker] the engine did not load')) {
          reject(new Error(event.data.message));
        }
      });
      this.#worker.addEventListener('error', (event) => reject(new Error(`[Worker] ${event.message ?? 'failed to start'}`)));
    });
    this.#worker.addEventListener('message', (event) => {
      for (const listener of this.#listeners.get(event.data?.type) ?? []) listener(event.data);
      for (const listener of this.#listeners.get('*') ?? []) listener(event.data);
    });
  }

  /** Resolves when the worker's engine has loaded. */
  get loaded() { return this.#loaded; }

  /** Calls listener(message) for messages of `type` ('*' for all); returns an unsubscribe function. */
  on(type, listener) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(listener);
    return () => this.#listeners.get(type).delete(listener);
  }

  /**
   * Resolves with the next message of `type`, or rejects on an error that answers `request` (the
   * message type sent): an error about something else (a training failure, an earlier request) is
   * never taken as this request's answer.
   */
  next(type, request) {
    return new Promise((resolve, reject) => {
      const offType = this.on(type, (message) => { offType(); offError(); resolve(message); });
      const offError = this.on('error', (message) => {
        if (message.for !== undefined && message.for !== request) return;
        offType(); offError(); reject(new Error(message.message));
      });
    });
  }

  /** Sets a run up ({spec, data, split, scaling, settings, grid}); resolves with the 'ready' message. */
  async setup(config) {
    await this.#loaded;
    const ready = this.next('ready', 'setup');
    this.#worker.postMessage({ type: 'setup', ...config });
    return ready;
  }

  /** Starts or resumes training. */
  start() { this.#worker.postMessage({ type: 'start' }); }
  /** Pauses after the current slice; a progress message follows. */
  pause() { this.#worker.postMessage({ type: 'pause' }); }
  /** Resumes after a pause. */
  resume() { this.#worker.postMessage({ type: 'resume' }); }
  /** One mini-batch while paused. */
  step() { this.#worker.postMessage({ type: 'step' }); }
  /** The rest of the current epoch while paused. */
  stepEpoch() { this.#worker.postMessage({ type: 'stepEpoch' }); }
  /** Resolves with {spec, parameters, history, state} of the run. */
  snapshot() {
    const reply = this.next('snapshot', 'snapshot');
    this.#worker.postMessage({ type: 'snapshot' });
    return reply;
  }
  /**
   * Resolves with the scores on `part` ('train' | 'validation' | 'test'; undefined keeps the part),
   * which progress messages then carry; `images` ('first' | 'mistakes') chooses an image dataset's gallery.
   * @param {string} [part]
   * @param {{images?: string}} [options]
   */
  evaluate(part, { images } = {}) {
    const reply = this.next('evaluation', 'evaluate');
    this.#worker.postMessage({ type: 'evaluate', part, images });
    return reply;
  }
  /** Resolves with {input, target, label} of sample `index` of `part`, scaled as the network sees it. */
  sample(part, index) {
    const reply = this.next('sample', 'sample');
    this.#worker.postMessage({ type: 'sample', part, index });
    return reply;
  }
  /**
   * Parses CSV text in the worker (off the main thread) and keeps it there for setups with
   * {data: {csvId: id}}; resolves with {id, info, features, labels | targets}.
   */
  async parseCsv(text, options, id) {
    await this.#loaded;
    const reply = this.next('csvParsed', 'parseCsv');
    this.#worker.postMessage({ type: 'parseCsv', text, options, id });
    return reply;
  }
  /**
   * An autoencoder's hand-off: makes a dataset of hidden layer `layer`'s outputs (0-based) for every
   * sample, with their labels, and keeps it in the worker for setups with {data: {csvId: id}};
   * resolves with {id, info, features, labels | targets}.
   */
  layerFeatures(layer, id) {
    const reply = this.next('layerFeatures', 'layerFeatures');
    this.#worker.postMessage({ type: 'layerFeatures', layer, id });
    return reply;
  }
  /**
   * The loss around the weights while paused ({plane, resolution}: landscape-job.js), computed in
   * slices: onProgress({done, total}) after each; resolves with the 'landscape' message, or with
   * {cancelled: true, reason} when cancelLandscape(), training or a reset ended it first.
   * @param {{plane?: string, resolution?: number, span?: number}} options
   * @param {(progress: {done: number, total: number}) => void} [onProgress]
   */
  landscape(options, onProgress = () => {}) {
    this.#landscapeId += 1;
    const id = this.#landscapeId;
    return new Promise((resolve, reject) => {
      const offs = [
        this.on('landscapeProgress', (m) => { if (m.id === id) onProgress(m); }),
        this.on('landscape', (m) => { if (m.id === id) { off(); resolve(m); } }),
        this.on('landscapeCancelled', (m) => { if (m.id === id) { off(); resolve({ cancelled: true, reason: m.reason }); } }),
        this.on('error', (m) => { if (m.for === 'landscape') { off(); reject(new Error(m.message)); } }),
      ];
      const off = () => { for (const unsubscribe of offs) unsubscribe(); };
      this.#worker.postMessage({ type: 'landscape', id, ...options });
    });
  }
  /** Stops the landscape being computed. */
  cancelLandscape() { this.#worker.postMessage({ type: 'cancelLandscape' }); }
  /** Ends the run; reset() starts it over. */
  stop() { this.#worker.postMessage({ type: 'stop' }); }
  /** New weights, empty history. */
  reset() { this.#worker.postMessage({ type: 'reset' }); }
  /** Frees the run and ends the worker. */
  terminate() {
    this.#worker.postMessage({ type: 'dispose' });
    this.#worker.terminate();
  }
}
