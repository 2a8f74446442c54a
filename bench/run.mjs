// `npm run bench`: every benchmark of issue 9 in turn, then bench/results.json (the raw figures),
// bench/RESULTS.md and bench/results.png. Needs the wasm module (scripts/build.sh wasm, which the
// npm script runs first); builds the native bench itself. About 10 minutes on a 2-core machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildNative, runNative, runNativeReference } from './native.mjs';
import { buildReference } from './build-reference.mjs';
import { runNodeCore, runNodeTfjs } from './node.mjs';
import { withBenchPage } from './browser.mjs';
import { measurePage } from './page-metrics.mjs';
import { measurePayload, moduleParts } from './payload.mjs';
import { makeDist } from '../scripts/make-dist.mjs';
import { describeMachine } from './machine.mjs';
import { renderResults, summary } from './report.mjs';
import { drawChart } from './chart.mjs';
import { startChromium } from './chromium.mjs';
import { measureSweepSpeed } from './sweep-speed.mjs';
import { measureLayerStatsCost } from './layer-stats-cost.mjs';
import { workloads, TIMED_RUNS, TIMED_RUNS_SLOW, WARM_UP_SECONDS, REFERENCE_PAIRS } from './workloads.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const started = performance.now();
const step = (what) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

/** RESULTS.md and results.png from the measurements in `results`. */
async function writeReport(results) {
  const chromium = await startChromium(here('.'));
  try {
    await drawChart(chromium.browser, results, here('results.png'));
  } finally {
    await chromium.close();
  }
  writeFileSync(here('RESULTS.md'), renderResults(results));
}

// `node bench/run.mjs --report` only redraws RESULTS.md and results.png from results.json.
if (process.argv.includes('--report')) {
  await writeReport(JSON.parse(readFileSync(here('results.json'), 'utf8')));
  process.exit(0);
}

// `node bench/run.mjs --sweeps` measures only the sweeps on the pool of workers (a ratio within
// its own runs) into results.json, and redraws the report.
if (process.argv.includes('--sweeps')) {
  const results = JSON.parse(readFileSync(here('results.json'), 'utf8'));
  const chromium = await startChromium(fileURLToPath(new URL('../web', import.meta.url)));
  try {
    step('page: a sweep on one worker and on the pool');
    results.page.sweeps = await measureSweepSpeed(chromium.browser, chromium.url);
    results.page.sweeps.measuredOn = new Date().toISOString().slice(0, 10);
  } finally {
    await chromium.close();
  }
  writeFileSync(here('results.json'), `${JSON.stringify(results, null, 1)}\n`);
  await writeReport(results);
  console.log(Object.values(results.page.sweeps).filter((x) => x.id).map((x) => `${x.id}: ${x.speedUp.toFixed(2)}× on ${x.workers} workers`).join('; '));
  process.exit(0);
}

// `node bench/run.mjs --layer-stats` measures only what recording per-layer statistics costs
// (issue 17; a ratio within its own runs) into results.json, and redraws the report.
if (process.argv.includes('--layer-stats')) {
  const results = JSON.parse(readFileSync(here('results.json'), 'utf8'));
  step('node: training with per-layer statistics on and off');
  results.node.layerStats = await measureLayerStatsCost();
  results.node.layerStats.measuredOn = new Date().toISOString().slice(0, 10);
  writeFileSync(here('results.json'), `${JSON.stringify(results, null, 1)}\n`);
  await writeReport(results);
  console.log(workloads.map((w) => `${w.id}: ${(100 * results.node.layerStats[w.id].cost).toFixed(1)}%`).join('; '));
  process.exit(0);
}

step('native: building build/bench-native');
buildNative();
step('native: running');
const native = runNative();
step('native: core and reference MLP, interleaved');
const nativeReference = runNativeReference();
step('wasm: building the reference MLP');
buildReference();

step('node: wasm core');
const node = await runNodeCore();
step('node: per-layer statistics on and off');
node.layerStats = await measureLayerStatsCost();
step('node: TF.js wasm backend');
node.tfjsWasm = await runNodeTfjs();

const chromium = { tfjsWasm: {}, tfjsCpu: {} };
let chromiumVersion;
step('Chromium: wasm core and latencies');
await withBenchPage(async ({ call, version }) => {
  chromiumVersion = version;
  chromium.core = {};
  for (const w of workloads) chromium.core[w.id] = await call('core', w.id, TIMED_RUNS);
  chromium.latency = await call('latency');
  chromium.reference = {};
  for (const w of workloads) {
    step(`Chromium: core and reference MLP on ${w.id}, interleaved`);
    chromium.reference[w.id] = await call('coreVsReference', w.id, REFERENCE_PAIRS);
  }
});
step('Chromium: TF.js');
await withBenchPage(async ({ call }) => {
  chromium.tfjsInfo = await call('tfjsInfo');
  for (const w of workloads) {
    for (const [backend, runs, into] of [['wasm', TIMED_RUNS, chromium.tfjsWasm], ['cpu', TIMED_RUNS_SLOW, chromium.tfjsCpu]]) {
      into[w.id] = {};
      for (const mode of ['manual', 'fit']) {
        step(`Chromium: TF.js ${backend} ${w.id} ${mode}`);
        into[w.id][mode] = await call('tfjs', w.id, backend, mode, runs);
      }
    }
  }
});

step('page: cold start and Train-lab frame gaps');
const page = await measurePage();
// the hosted site (dist/: page JS without comments), written to build/ so that dist/ stays the user's
const payload = measurePayload(page.coldStart.loaded, makeDist(fileURLToPath(new URL('../build/bench-dist', import.meta.url))));
payload.source = measurePayload(page.coldStart.loaded).total; // web/ as `npm start` serves it, with comments

const results = {
  machine: describeMachine(chromiumVersion),
  runs: { timed: TIMED_RUNS, slow: TIMED_RUNS_SLOW, warmUpSeconds: WARM_UP_SECONDS, referencePairs: REFERENCE_PAIRS },
  native, nativeReference, node, chromium, page, payload, moduleParts: moduleParts(),
};
results.wallSeconds = (performance.now() - started) / 1000;
writeFileSync(here('results.json'), `${JSON.stringify(results, null, 1)}\n`);
step('report: bench/RESULTS.md and bench/results.png');
await writeReport(results);
step('done: bench/RESULTS.md');
console.log(`\n${summary(results)}`);
