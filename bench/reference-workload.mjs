// The core against the hand-written reference MLP (bench/reference/, its own wasm module built with
// the core's flags) in one page: the same data, initial weights and shuffling, runs interleaved
// (core, reference, core, …) after a warm-up of each, and the weights of both compared at the end.
import { warmUp } from './stats.mjs';
import { coreRunOnce } from './core-workload.mjs';

/** The reference module's ReferenceRun for `workload` on `data` (a Dataset), from `net`'s initial weights. */
function referenceRun(reference, data, workload, parameters) {
  const { spec } = workload;
  const sizes = [spec.input, ...spec.layers.map((l) => l.units)];
  const outputs = sizes.at(-1);
  const labels = data.labels();
  const targets = new Float64Array(outputs * labels.length);
  labels.forEach((label, j) => { targets[j * outputs + label] = 1; });
  return new reference.ReferenceRun(sizes, spec.layers[0].activation, parameters, data.features(), targets);
}

/**
 * {core: {seconds}, reference: {seconds}, samples, ratios (reference time ÷ core time, per pair),
 *  maxWeightDifference} for `runs` interleaved pairs.
 */
export async function timeCoreAndReference(lab, reference, data, workload, runs) {
  const { spec, settings } = workload;
  const initial = lab.network(spec);
  const parameters = initial.getParameters();
  initial.dispose();
  const run = referenceRun(reference, data, workload, parameters);
  let coreWeights = null;
  const core = () => {
    const run = coreRunOnce(lab, data, workload, (net) => ({ weights: net.getParameters() }));
    coreWeights = run.weights;
    return run;
  };
  const ref = () => {
    const start = performance.now();
    run.train(settings.epochs, settings.batch_size, settings.learning_rate, settings.seed);
    return { seconds: (performance.now() - start) / 1000 };
  };
  try {
    await warmUp(core);
    await warmUp(ref);
    const pairs = Array.from({ length: runs }, () => [core().seconds, ref().seconds]);
    const refWeights = run.parameters();
    const maxWeightDifference = refWeights.reduce((m, w, k) => Math.max(m, Math.abs(w - coreWeights[k])), 0);
    return {
      samples: settings.epochs * data.info.samples,
      core: { seconds: pairs.map((p) => p[0]) },
      reference: { seconds: pairs.map((p) => p[1]) },
      ratios: pairs.map(([c, r]) => r / c),
      maxWeightDifference,
    };
  } finally {
    run.delete();
  }
}
