// The loss around a run's current weights (issue 17, item 5), computed by the core in the worker a
// few cells at a time so that a cancel, or anything that changes the weights, gets through: the
// loss along the gradient's direction and two random directions, and on a plane (two random
// filter-normalised directions, or the training path's two principal directions) with the path
// projected onto it. Li et al., "Visualizing the Loss Landscape of Neural Nets" (2018).
//
// It knows no DOM and no Worker: TrainingSession starts one per 'landscape' message.

/**
 * The choices and their defaults, written once: points per side of the plane (and per line), the
 * planes, the samples of the training part the loss is measured on (evenly spaced; fewer parts are
 * used whole), the seeds of the two random directions, how far the lines and a random plane reach
 * (±span: α = 1 moves every unit's weights by their own length; a smaller span zooms in on the
 * weights, where a step of the gradient's direction still lowers the loss), the margin around the
 * path on the path's plane (a share of its extent).
 */
export const LANDSCAPE = {
  resolutions: [11, 21, 41],
  resolution: 21,
  planes: [
    { value: 'random', label: 'two random directions' },
    { value: 'path', label: 'the path’s two main directions' },
  ],
  plane: 'random',
  samples: 1000,
  seeds: [1, 2],
  spans: [1, 0.1, 0.01],
  span: 1,
  margin: 0.25,
};

/** n evenly spaced numbers from lo to hi. */
export function evenlySpaced(lo, hi, n) {
  return Float64Array.from({ length: n }, (_, k) => (n === 1 ? lo : lo + ((hi - lo) * k) / (n - 1)));
}

/** The options of a 'landscape' message, checked: {plane, resolution, span}. */
export function landscapeOptions({ plane = LANDSCAPE.plane, resolution = LANDSCAPE.resolution, span = LANDSCAPE.span } = {}) {
  if (!LANDSCAPE.planes.some((p) => p.value === plane)) {
    throw new Error(`[Landscape] plane must be ${LANDSCAPE.planes.map((p) => `"${p.value}"`).join(' or ')}; got ${JSON.stringify(plane)?.slice(0, 40)}`);
  }
  if (!LANDSCAPE.resolutions.includes(resolution)) {
    throw new Error(`[Landscape] resolution must be one of ${LANDSCAPE.resolutions.join(', ')} points per side; got ${JSON.stringify(resolution)?.slice(0, 40)}`);
  }
  if (!LANDSCAPE.spans.includes(span)) {
    throw new Error(`[Landscape] span must be one of ${LANDSCAPE.spans.join(', ')}; got ${JSON.stringify(span)?.slice(0, 40)}`);
  }
  return { plane, resolution, span };
}

/** The range [lo, hi] around `values` and 0 (the current weights), widened by `margin` of its extent (at least `least`). */
function rangeAround(values, margin, least) {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const extent = Math.max(hi - lo, least);
  const middle = (lo + hi) / 2;
  return [middle - extent * (0.5 + margin), middle + extent * (0.5 + margin)];
}

/**
 * One computation. `run` is the session's run ({network, trainer, parts}); `post` sends messages;
 * `schedule` runs the next slice; `now` is the clock; a slice works for about `sliceMs`. start() posts 'landscapeProgress' after every
 * slice and 'landscape' at the end; cancel(reason) stops it before its next slice with
 * 'landscapeCancelled'. The job owns the subset it measures on and frees it when it ends.
 */
export class LandscapeJob {
  #run;
  #post;
  #schedule;
  #now;
  #sliceMs;
  #id;
  #data = null;
  #tasks = []; // [{fill(values, from, count), length}] in order: three lines, then the plane's rows
  #done = 0;
  #total = 0;
  #result = null;
  #ended = false;

  constructor(run, { id = null, plane, resolution, span }, { post, schedule, now, sliceMs }) {
    this.#run = run;
    this.#post = post;
    this.#schedule = schedule;
    this.#now = now;
    this.#sliceMs = sliceMs;
    this.#id = id;
    try {
      this.#prepare(plane, resolution, span);
    } catch (error) {
      this.#free();
      throw error;
    }
  }

  /** True once the job has ended (done, failed or cancelled). */
  get ended() { return this.#ended; }

  /** Starts the slices. */
  start() {
    this.#schedule(() => this.#slice());
  }

  /** Stops before the next slice and says why. */
  cancel(reason) {
    if (this.#ended) return;
    this.#end();
    this.#post({ type: 'landscapeCancelled', id: this.#id, reason });
  }

  #prepare(plane, resolution, span) {
    const { network, trainer, parts } = this.#run;
    const train = parts.train;
    const n = train.info.samples;
    const m = Math.min(n, LANDSCAPE.samples);
    this.#data = train.subset(Array.from({ length: m }, (_, k) => Math.floor((k * n) / m)));
    const [seed1, seed2] = LANDSCAPE.seeds;
    const random1 = network.randomDirection(seed1);
    const random2 = network.randomDirection(seed2);
    // a direction is scaled to the weights unit by unit: with every weight 0 (zero initialisation, untrained) it is 0
    if (random1.every((v) => v === 0)) {
      throw new Error('[Landscape] every weight is 0, so a direction scaled to the weights is 0 too: train at least one epoch, or start from random weights');
    }
    const gradient = network.gradientDirection(this.#data);
    let d1 = random1;
    let d2 = random2;
    let explained = null;
    if (plane === 'path') {
      const principal = trainer.pathPlane();
      if (!(principal.explained[1] > 0)) {
        throw new Error(principal.snapshots < 3
          ? `[Landscape] the training path has ${principal.snapshots} recorded point${principal.snapshots === 1 ? '' : 's'}; train at least 2 epochs, or choose two random directions`
          : '[Landscape] the training path lies on a line, so it has no second direction; choose two random directions');
      }
      ({ d1, d2 } = principal);
      explained = [...principal.explained];
    }
    const path = trainer.projectPath(d1, d2);
    const [xLo, xHi] = plane === 'path' ? rangeAround(path.x, LANDSCAPE.margin, 0) : [-span, span];
    const xExtent = xHi - xLo;
    const [yLo, yHi] = plane === 'path' ? rangeAround(path.y, LANDSCAPE.margin, 0.2 * xExtent) : [-span, span];
    const lineAlphas = evenlySpaced(-span, span, resolution);
    const alphas = evenlySpaced(xLo, xHi, resolution);
    const betas = evenlySpaced(yLo, yHi, resolution);
    const data = this.#data;
    const line = (direction) => ({
      values: new Float64Array(resolution),
      fill: (from, count) => network.lossLine(data, direction, lineAlphas.subarray(from, from + count)),
    });
    const lines = { gradient: line(gradient), random1: line(random1), random2: line(random2) };
    const surface = new Float64Array(resolution * resolution);
    const rows = Array.from(betas, (beta, j) => ({
      values: surface.subarray(j * resolution, (j + 1) * resolution),
      fill: (from, count) => network.lossSurface(data, d1, d2, alphas.subarray(from, from + count), [beta]).data,
    }));
    this.#tasks = [lines.gradient, lines.random1, lines.random2, ...rows];
    this.#total = this.#tasks.length * resolution;
    this.#result = {
      type: 'landscape',
      id: this.#id,
      plane,
      resolution,
      span,
      samples: m,
      trainSamples: n,
      epoch: trainer.epoch,
      batch: trainer.batchInEpoch,
      loss: network.lossLine(data, gradient, [0])[0],
      lines: { alphas: lineAlphas, gradient: lines.gradient.values, random1: lines.random1.values, random2: lines.random2.values },
      surface: { alphas, betas, values: surface },
      path: { epochs: path.epochs, x: path.x, y: path.y },
      explained,
    };
  }

  /** Fills cells for about sliceMs (at least one), posts progress, and schedules the next slice or posts the result. */
  #slice() {
    if (this.#ended) return;
    const started = this.#now();
    let perCell = 0;
    try {
      while (this.#done < this.#total) {
        const elapsed = this.#now() - started;
        if (elapsed >= this.#sliceMs) break;
        const resolution = this.#result.resolution;
        const task = this.#tasks[Math.floor(this.#done / resolution)];
        const from = this.#done % resolution;
        // as many cells of this line or row as the time left allows, by the cost of those so far
        const fit = perCell > 0 ? Math.floor((this.#sliceMs - elapsed) / perCell) : 1;
        const count = Math.max(1, Math.min(resolution - from, fit));
        const t0 = this.#now();
        task.values.set(task.fill(from, count), from);
        perCell = (this.#now() - t0) / count;
        this.#done += count;
      }
    } catch (error) {
      this.#end();
      this.#post({ type: 'error', message: error.message, for: 'landscape' });
      return;
    }
    if (this.#done < this.#total) {
      this.#post({ type: 'landscapeProgress', id: this.#id, done: this.#done, total: this.#total });
      this.#schedule(() => this.#slice());
      return;
    }
    const result = this.#result;
    this.#end();
    const { lines, surface, path } = result;
    this.#post(result, [lines.alphas.buffer, lines.gradient.buffer, lines.random1.buffer, lines.random2.buffer,
      surface.alphas.buffer, surface.betas.buffer, surface.values.buffer, path.epochs.buffer, path.x.buffer, path.y.buffer]);
  }

  #end() {
    this.#ended = true;
    this.#free();
  }

  #free() {
    this.#data?.dispose();
    this.#data = null;
  }
}
