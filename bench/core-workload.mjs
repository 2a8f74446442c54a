// Times a workload with the project's wasm core through web/js/engine/engine.js (the page's API), the
// same code in node and in Chromium: a fresh network and trainer per run, trainer.run(epochs)
// timed, a warm-up (stats.mjs), then `runs` timed runs. Model construction and the accuracy pass
// are not timed.
import { warmUp } from './stats.mjs';

/** The workload's training Dataset from a bundled preset, with pixels scaled to [0, 1]. */
export function scaledDataset(lab, bundled, workload) {
  if (workload.divisor === 1) return bundled;
  const info = bundled.info;
  const scaled = lab.dataset({
    name: info.name,
    samples: info.samples,
    features: info.features,
    featureValues: bundled.features().map((v) => v / workload.divisor),
    labels: bundled.labels(),
    classes: info.classes,
  });
  bundled.dispose();
  return scaled;
}

/**
 * One timed run: a fresh network and trainer, trainer.run(epochs) timed; `after(net)` reads what it
 * needs from the trained network (not timed) before both are disposed. {seconds, ...after(net)}.
 * @param {(net: any) => Record<string, any>} [after]
 * @returns {Record<string, any> & { seconds: number }}
 */
export function coreRunOnce(lab, data, workload, after = () => ({})) {
  const { spec, settings } = workload;
  const net = lab.network(spec);
  const trainer = lab.trainer(net, data, settings);
  try {
    const start = performance.now();
    const result = trainer.run(settings.epochs);
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 'finished') throw new Error(`core ${workload.name}: training ended ${result.status}`);
    return { seconds, ...after(net) };
  } finally {
    trainer.dispose();
    net.dispose();
  }
}

/** {seconds: [...], samples, accuracy} for `runs` timed runs on `data` (a Dataset). */
export async function timeCoreWorkload(lab, data, workload, runs) {
  const { settings } = workload;
  const once = () => coreRunOnce(lab, data, workload, (net) => ({ accuracy: net.evaluate(data).metric }));
  await warmUp(once);
  const timed = Array.from({ length: runs }, once);
  return {
    seconds: timed.map((t) => t.seconds),
    samples: settings.epochs * data.info.samples,
    accuracy: timed.at(-1).accuracy,
  };
}
