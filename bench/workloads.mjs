// The two benchmark workloads, identical in every implementation (native, wasm in node and in
// Chromium, TF.js): network spec, training settings, bundled data and how its pixels are scaled.
// Every sample is training data. `divisor` turns the stored values into [0, 1]. The core keeps
// its per-epoch history as running means over the mini-batches (epoch_metrics "running"), as
// TF.js's model.fit logs do, so that no implementation makes an extra pass over the data.

export const workloads = [
  {
    id: 'A',
    name: 'digits',
    title: 'A "digits": 64-32-10 sigmoid/softmax, SGD 0.5, batch 32, 20 epochs, 1797 samples',
    preset: 'digits',
    file: 'digits.bpds.gz',
    divisor: 16, // the file stores pixels 0..16
    spec: {
      input: 64,
      layers: [{ units: 32, activation: 'sigmoid' }, { units: 10, activation: 'softmax' }],
      loss: 'cross_entropy',
      init: { scheme: 'xavier', scale: 1, seed: 1 },
    },
    settings: { optimizer: 'sgd', learning_rate: 0.5, batch_size: 32, epochs: 20, seed: 1, epoch_metrics: 'running' },
  },
  {
    id: 'B',
    name: 'mnist-size',
    title: 'B "mnist-size": 784-128-64-10 ReLU/softmax, SGD 0.05, batch 128, 2 epochs, 10,000 samples',
    preset: 'mnist',
    file: 'mnist.bpds.gz',
    divisor: 1, // the file already stores pixels k/255 in [0, 1]
    spec: {
      input: 784,
      layers: [{ units: 128, activation: 'relu' }, { units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }],
      loss: 'cross_entropy',
      init: { scheme: 'he', scale: 1, seed: 1 },
    },
    settings: { optimizer: 'sgd', learning_rate: 0.05, batch_size: 128, epochs: 2, seed: 1, epoch_metrics: 'running' },
  },
];

/** The warm-up repeats the workload until it has run this long (at least once), so that the wasm
 *  engines' optimising tier (compiled in the background while the code runs) is in place. */
export const WARM_UP_SECONDS = 2;

/** Timed runs after the warm-up; the slow TF.js cpu backend gets fewer (said in RESULTS.md).
 *  BENCH_RUNS / BENCH_RUNS_SLOW override them for a quick trial of the scripts. */
const env = typeof process === 'undefined' ? {} : process.env;
export const TIMED_RUNS = Number(env.BENCH_RUNS ?? 5);
export const TIMED_RUNS_SLOW = Number(env.BENCH_RUNS_SLOW ?? 3);

/** Interleaved (core, reference) pairs for the core/reference ratio: more than the other timings,
 *  since the ratio is read against a threshold (BENCH_REFERENCE_PAIRS overrides it). */
export const REFERENCE_PAIRS = Number(env.BENCH_REFERENCE_PAIRS ?? 11);
