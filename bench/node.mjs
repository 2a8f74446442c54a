// The node measurements: the project's wasm module (web/generated/backprop.mjs through
// web/js/engine/engine.js) on both workloads and the latencies, and TF.js with its wasm backend in node.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { workloads, TIMED_RUNS } from './workloads.mjs';
import { scaledDataset, timeCoreWorkload } from './core-workload.mjs';
import { timeTfjsWorkload } from './tfjs-workload.mjs';
import { measureLatency } from './latency.mjs';

const datasetBytes = (file) => gunzipSync(readFileSync(new URL(`../datasets/${file}`, import.meta.url)));

async function loadWorkloadData(lab, w) {
  return scaledDataset(lab, lab.loadBundled(w.preset, datasetBytes(w.file)), w);
}

/** {core: {A, B}, latency} with the project's module under node. `engine` may name another build's engine.js. */
export async function runNodeCore({ engine = '../web/js/engine/engine.js', runs = TIMED_RUNS } = {}) {
  const { createLab } = await import(new URL(engine, import.meta.url).href);
  const lab = await createLab();
  const core = {};
  let latency;
  for (const w of workloads) {
    const data = await loadWorkloadData(lab, w);
    core[w.id] = await timeCoreWorkload(lab, data, w, runs);
    if (w.id === 'A') latency = measureLatency(lab, data, w.spec);
    data.dispose();
  }
  return { core, latency };
}

/** {A: {manual, fit}, B: …} with TF.js's wasm backend under node. */
export async function runNodeTfjs(runs = TIMED_RUNS) {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend('wasm'))) throw new Error('TF.js wasm backend did not start in node');
  await tf.ready();
  const { createLab } = await import('../web/js/engine/engine.js');
  const lab = await createLab();
  const results = {};
  for (const w of workloads) {
    const data = await loadWorkloadData(lab, w);
    const net = lab.network(w.spec);
    const input = { features: data.features(), labels: data.labels(), parameters: net.getParameters() };
    net.dispose();
    data.dispose();
    results[w.id] = {};
    for (const mode of ['manual', 'fit']) results[w.id][mode] = await timeTfjsWorkload(tf, input, w, mode, runs);
  }
  return results;
}
