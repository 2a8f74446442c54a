// Compares opt-in builds of the wasm module (built by build-variant.sh into build/bench-wasm-<name>/)
// with each other: training throughput of both workloads in node and in Chromium, the module's
// gzipped size, and how far the trained weights of workload A drift from the first variant's.
// Not part of `npm run bench`. Usage: node bench/variants/measure.mjs base simd [more names]
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { runNodeCore } from '../node.mjs';
import { withBenchPage } from '../browser.mjs';
import { moduleParts } from '../payload.mjs';
import { throughput } from '../stats.mjs';
import { workloads } from '../workloads.mjs';
import { scaledDataset } from '../core-workload.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const names = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 3);
const siteOf = (name) => `build/bench-wasm-${name}/site`;

/** The trained parameters of workload A with this variant's module. */
async function trainedWeights(name) {
  const { createLab } = await import(pathToFileURL(`${root}${siteOf(name)}/js/engine/engine.js`).href);
  const lab = await createLab();
  const w = workloads[0];
  const bytes = gunzipSync(readFileSync(`${root}datasets/${w.file}`));
  const data = scaledDataset(lab, lab.loadBundled(w.preset, bytes), w);
  const net = lab.network(w.spec);
  lab.trainer(net, data, w.settings).run(w.settings.epochs);
  return net.getParameters();
}

const rows = [];
let reference;
for (const name of names) {
  if (!existsSync(`${root}${siteOf(name)}/js/engine/engine.js`)) throw new Error(`build ${name} first (build-variant.sh)`);
  const node = await runNodeCore({ engine: pathToFileURL(`${root}${siteOf(name)}/js/engine/engine.js`).href, runs });
  const chromium = {};
  await withBenchPage(async ({ call }) => {
    for (const w of workloads) chromium[w.id] = await call('core', w.id, runs);
    chromium.latency = await call('latency');
  }, { engine: `/${siteOf(name)}/js/engine/engine.js` });
  const weights = await trainedWeights(name);
  reference ??= weights;
  const drift = Math.max(...weights.map((v, i) => Math.abs(v - reference[i])));
  const size = moduleParts(`${root}${siteOf(name)}/generated`);
  const rate = (r) => Math.round(throughput(r.seconds, r.samples).median);
  rows.push({
    name,
    nodeA: rate(node.core.A), nodeB: rate(node.core.B), chromiumA: rate(chromium.A), chromiumB: rate(chromium.B),
    accuracyA: chromium.A.accuracy, accuracyB: chromium.B.accuracy,
    traceMs: chromium.latency.trace1, gradientTestMs: chromium.latency.gradientTest,
    moduleGzip: size.glue.gzip + size.wasm.gzip, wasmBytes: size.wasm.bytes, drift,
  });
  console.log(JSON.stringify(rows.at(-1)));
}
console.table(rows);
