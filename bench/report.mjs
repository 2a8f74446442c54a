// Turns the collected measurements into bench/RESULTS.md: machine and versions, the throughput
// table, the ratios against their targets, latencies, cold start, frame gaps and payload, and a
// summary paragraph for the README.
import { throughput, median } from './stats.mjs';
import { workloads } from './workloads.mjs';

const int = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ratio = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
const yes = (ok) => (ok ? 'yes' : '**no**');

/** The faster of TF.js's manual loop and model.fit, with which one it was. */
export function fasterTfjs(byMode) {
  const [mode, best] = Object.entries(byMode)
    .map(([m, r]) => [m, { ...r, rate: throughput(r.seconds, r.samples) }])
    .sort((a, b) => b[1].rate.median - a[1].rate.median)[0];
  return { ...best, mode };
}

/** Rows {workload, name, rate, accuracy, note} for every implementation measured. */
export function throughputRows(r) {
  const rows = [];
  for (const w of workloads) {
    const add = (name, result, note = '') =>
      rows.push({ workload: w.id, name, rate: throughput(result.seconds, result.samples), accuracy: result.accuracy, note });
    const tf = (byMode) => fasterTfjs(byMode);
    add('core, native (g++ -O3)', r.native[w.id]);
    add('core, wasm in node', r.node.core[w.id]);
    add('core, wasm in Chromium', r.chromium.core[w.id]);
    const tfWasm = tf(r.chromium.tfjsWasm[w.id]);
    add('TF.js wasm in Chromium', tfWasm, `${tfWasm.mode}; the other: ${int(throughput(...otherMode(r.chromium.tfjsWasm[w.id], tfWasm.mode)).median)}/s`);
    const tfCpu = tf(r.chromium.tfjsCpu[w.id]);
    add('TF.js cpu in Chromium', tfCpu, `${tfCpu.mode}; the other: ${int(throughput(...otherMode(r.chromium.tfjsCpu[w.id], tfCpu.mode)).median)}/s`);
    if (r.node.tfjsWasm) {
      const tfNode = tf(r.node.tfjsWasm[w.id]);
      add('TF.js wasm in node', tfNode, `${tfNode.mode}; the other: ${int(throughput(...otherMode(r.node.tfjsWasm[w.id], tfNode.mode)).median)}/s`);
    }
  }
  return rows;
}

function otherMode(byMode, mode) {
  const other = byMode[mode === 'fit' ? 'manual' : 'fit'];
  return [other.seconds, other.samples];
}

/** {A: {wasmNative, wasmTfjs, nodeNative}, B: …} from median samples/s. */
export function ratios(r) {
  const out = {};
  for (const w of workloads) {
    const rate = (result) => throughput(result.seconds, result.samples).median;
    const chromium = rate(r.chromium.core[w.id]);
    out[w.id] = {
      wasmNative: chromium / rate(r.native[w.id]),
      nodeNative: rate(r.node.core[w.id]) / rate(r.native[w.id]),
      wasmTfjs: chromium / fasterTfjs(r.chromium.tfjsWasm[w.id]).rate.median,
      wasmTfjsCpu: chromium / fasterTfjs(r.chromium.tfjsCpu[w.id]).rate.median,
    };
  }
  return out;
}

/**
 * {A: {chromium, native, chromiumPairs, weightsDiffer}, B: …}: the core's speed over the hand-written
 * reference's (reference time ÷ core time, the median over interleaved pairs).
 */
export function referenceRatios(r) {
  const out = {};
  for (const w of workloads) {
    const c = r.chromium.reference[w.id];
    const n = r.nativeReference?.[w.id];
    out[w.id] = {
      chromium: median(c.ratios),
      chromiumMin: Math.min(...c.ratios),
      chromiumMax: Math.max(...c.ratios),
      pairs: c.ratios.length,
      coreRate: throughput(c.core.seconds, c.samples).median,
      referenceRate: throughput(c.reference.seconds, c.samples).median,
      weightDifference: c.maxWeightDifference,
      native: n ? median(n.core.map((s, i) => n.reference[i] / s)) : null,
      nativeWeightDifference: n?.max_weight_difference ?? null,
    };
  }
  return out;
}

export const TARGETS = { coreReference: 0.95, pageCore: 0.8, wasmNative: 0.3, wasmTfjs: { A: 10, B: 4 }, latencyMs: 50, frameGapMs: 50, payloadBytes: 500 * 1024, sweepSpeedUp: 1.6, layerStatsCost: 0.05 };

function frameGapText(gaps) {
  if (gaps.missing) return { value: `not measured: ${gaps.missing}`, ok: null };
  return {
    value: `95th percentile ${ms(gaps.p95GapMs)} ms over ${gaps.runs} runs (${gaps.frames} frames pooled; longest ${ms(gaps.longestGapMs)} ms; `
      + `each run's longest: ${gaps.runsLongestGapMs.map(ms).join(', ')} ms; runs of ${gaps.runSeconds.toFixed(2)} s, ended ${gaps.state}; idle page before the click: ${ms(gaps.idleLongestGapMs)} ms)`,
    ok: gaps.p95GapMs < TARGETS.frameGapMs,
  };
}

/** The paragraph for the README. */
export function summary(r) {
  const q = ratios(r);
  const lat = r.chromium.latency;
  const gaps = r.page.frameGaps;
  const gapText = gaps.missing ? 'the main-thread frame gap during training was not measured (Train lab missing)'
    : `while the Train lab trains digits, 95% of the main thread's frame gaps are at most ${ms(gaps.p95GapMs)} ms (the longest of five runs: ${ms(gaps.longestGapMs)} ms)`;
  const ref = referenceRatios(r);
  const speed = r.page.speed;
  return `Benchmarks (\`npm run bench\`, ${r.machine.cpu}, ${r.machine.cores} cores; bench/RESULTS.md): in headless Chromium the `
    + `wasm core trains the digits network (64-32-10, batch 32) at ${ratio(q.A.wasmNative)}× the speed of the same core built `
    + `natively and ${ratio(q.A.wasmTfjs)}× TensorFlow.js ${r.machine.versions['TF.js']} on its wasm backend; on an MNIST-sized `
    + `network (784-128-64-10, batch 128) at ${ratio(q.B.wasmNative)}× native and ${ratio(q.B.wasmTfjs)}× TF.js-wasm (TF.js computes in `
    + `float32 with 4-wide SIMD, the core in double with 2-wide SIMD). It runs at ${ratio(ref.A.chromium)}× (A) and ${ratio(ref.B.chromium)}× (B) `
    + 'the speed of a minimal hand-written Eigen MLP compiled the same way (bench/reference/)'
    + (speed ? `, and the Train lab trains at ${ratio(speed.A.ratio)}× (A) and ${ratio(speed.B.ratio)}× (B) the core's speed with its charts live` : '')
    + `. A trace of one step takes ${ms(lat.trace1)} ms and a gradient test `
    + `${ms(lat.gradientTest)} ms; the page is ready ${int(r.page.coldStart.median)} ms after navigation; it loads `
    + `${kb(r.payload.total.gzip)} of JS, CSS and wasm gzipped; ${gapText}`
    + (r.page.sweeps ? `; a sweep of 8 learning rates on digits (100 epochs each) runs ${ratio(r.page.sweeps.A.speedUp)}× as fast on ${r.page.sweeps.A.workers} workers as on one` : '')
    + '.';
}

export function renderResults(r) {
  const q = ratios(r);
  const lines = [];
  const push = (...l) => lines.push(...l);
  push('# Benchmark results', '',
    `Generated by \`npm run bench\` (bench/run.mjs) on ${r.machine.date} in ${Math.round(r.wallSeconds)} s. Do not edit by hand.`, '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores (shared; figures are noisy, compare ratios within one run).`, '',
    `Versions: ${Object.entries(r.machine.versions).map(([k, v]) => `${k} ${v}`).join(', ')}. `
    + `TF.js wasm backend in Chromium: SIMD ${r.chromium.tfjsInfo.wasmSimd ? 'on' : 'off'}, threads `
    + `${r.chromium.tfjsInfo.wasmThreads ? 'on' : 'off (the page is not cross-origin isolated)'}.`, '',
    '![Training throughput](results.png)', '');

  push('## Summary (for the README)', '', summary(r), '');

  push('## Targets', '', '| What | A "digits" | B "mnist-size" | Target | Met |', '| --- | --- | --- | --- | --- |');
  const ref = referenceRatios(r);
  const refOk = ref.A.chromium >= TARGETS.coreReference && ref.B.chromium >= TARGETS.coreReference;
  push(`| core / hand-written Eigen reference, Chromium (interleaved) | ${ratio(ref.A.chromium)} | ${ratio(ref.B.chromium)} | ≥ ${TARGETS.coreReference} | ${yes(refOk)} |`);
  push(`| wasm in Chromium / native | ${ratio(q.A.wasmNative)} | ${ratio(q.B.wasmNative)} | ≥ ${TARGETS.wasmNative} | ${yes(q.A.wasmNative >= 0.3 && q.B.wasmNative >= 0.3)} |`);
  push(`| wasm in Chromium / TF.js-wasm in Chromium | ${ratio(q.A.wasmTfjs)} | ${ratio(q.B.wasmTfjs)} | ≥ 10 (A), ≥ 4 (B) | A ${yes(q.A.wasmTfjs >= 10)}, B ${yes(q.B.wasmTfjs >= 4)} |`);
  push(`| wasm in Chromium / TF.js-cpu in Chromium | ${ratio(q.A.wasmTfjsCpu)} | ${ratio(q.B.wasmTfjsCpu)} | (reference) | |`);
  push(`| wasm in node / native | ${ratio(q.A.nodeNative)} | ${ratio(q.B.nodeNative)} | (reference) | |`);
  const lat = r.chromium.latency;
  push(`| trace of one step on the digits net, Chromium | ${ms(lat.trace1)} ms (batch of 32: ${ms(lat.trace32)} ms) | | < 50 ms | ${yes(Math.max(lat.trace1, lat.trace32) < 50)} |`);
  push(`| gradient test on the digits net (20 ε, 32 samples), Chromium | ${ms(lat.gradientTest)} ms | | < 50 ms | ${yes(lat.gradientTest < 50)} |`);
  const speed = r.page.speed;
  if (speed) {
    const ok = speed.A.ratio >= TARGETS.pageCore && speed.B.ratio >= TARGETS.pageCore;
    push(`| Train lab / core, Chromium (default settings, charts live; see below) | ${ratio(speed.A.ratio)} | ${ratio(speed.B.ratio)} | ≥ ${TARGETS.pageCore} | ${yes(ok)} |`);
  }
  const gap = frameGapText(r.page.frameGaps);
  push(`| main-thread frame gaps, Train lab on digits | ${gap.value} | | 95th percentile < 50 ms | ${gap.ok === null ? 'not measured' : yes(gap.ok)} |`);
  push(`| payload, gzipped (see below) | ${kb(r.payload.total.gzip)} | | < 500 KB | ${yes(r.payload.total.gzip < TARGETS.payloadBytes)} |`);
  const sweeps = r.page.sweeps;
  if (sweeps) {
    const met = sweeps.A.workers === 2 ? yes(sweeps.A.speedUp >= TARGETS.sweepSpeedUp) : `not measured on 2 workers (${sweeps.A.workers})`;
    push(`| sweep on the pool of workers / on one worker (see below) | ${ratio(sweeps.A.speedUp)}× on ${sweeps.A.workers} workers | ${ratio(sweeps.B.speedUp)}× on ${sweeps.B.workers} | ≥ ${TARGETS.sweepSpeedUp} on 2 workers (A) | ${met} |`);
  }
  const statsCost = r.node.layerStats;
  if (statsCost) {
    const percent = (x) => `${(100 * x).toFixed(1)}%`;
    push(`| training time added by per-layer statistics, node (see below) | ${percent(statsCost.A.cost)} | ${percent(statsCost.B.cost)} | ≤ 5% | ${yes(statsCost.A.cost <= TARGETS.layerStatsCost && statsCost.B.cost <= TARGETS.layerStatsCost)} |`);
  }
  push(`| cold start to the first lab drawn, Chromium | median ${int(r.page.coldStart.median)} ms (min ${int(r.page.coldStart.min)}, max ${int(r.page.coldStart.max)}, ${r.page.coldStart.runs} loads) | | (none) | |`, '');

  push('## Training throughput', '',
    'Samples per second (epochs × samples ÷ time of the whole training loop: shuffling, batching, forward, backward, update). '
    + `A warm-up (the workload repeated until ${r.runs.warmUpSeconds} s have passed, at least once: the wasm engines compile their optimised tier in the background while code runs), then ${r.runs.timed} timed runs (TF.js cpu backend: ${r.runs.slow}, it is slow). `
    + 'The final training accuracy is that of the last timed run, over all samples.', '');
  for (const w of workloads) {
    push(`### ${w.title}`, '', '| Implementation | median /s | min /s | max /s | runs | train accuracy | note |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const row of throughputRows(r).filter((x) => x.workload === w.id)) {
      push(`| ${row.name} | ${int(row.rate.median)} | ${int(row.rate.min)} | ${int(row.rate.max)} | ${row.rate.runs} | ${(row.accuracy * 100).toFixed(1)}% | ${row.note} |`);
    }
    push('');
  }

  push('## The core against a hand-written Eigen MLP', '',
    'bench/reference/ is a minimal hand-written Eigen MLP for the two workloads: the same maths (z = W x + b, sigmoid or ReLU, '
    + 'softmax with its cross-entropy, δ, dW = δ xᵀ, plain SGD over the same flat parameter layout, the same seeded shuffling and '
    + 'gathered mini-batches, the running loss and accuracy of each epoch) and nothing else: no checks, no trace, no divergence '
    + 'guard, no generality. It is compiled with the core\'s flags (its own small wasm module; natively with g++ -O3) and run in '
    + `the same page as the core, interleaved: core, reference, core, … (${r.runs.referencePairs ?? ref.A.pairs} pairs after a warm-up of each). The ratio `
    + 'is the reference\'s time over the core\'s, the median over the pairs (1 = as fast as the reference). Both start from the '
    + 'same weights; the largest difference between their trained weights shows that they computed the same thing.', '',
    '| Workload | core /s | reference /s | core / reference (min–max) | weights differ by | native core / reference |',
    '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const w of workloads) {
    const x = ref[w.id];
    push(`| ${w.id} "${w.name}" | ${int(x.coreRate)} | ${int(x.referenceRate)} | ${ratio(x.chromium)} (${ratio(x.chromiumMin)}–${ratio(x.chromiumMax)}) | ${x.weightDifference} | ${x.native === null ? '' : `${ratio(x.native)} (weights differ by ${x.nativeWeightDifference})`} |`);
  }
  push('');

  if (speed) {
    push('## The Train lab against the core', '',
      'The page\'s own training speed: the Train lab at `#lab=train&tdata=<preset>&tep=<epochs>`, everything else as the page '
      + 'defaults it (its split, scaling and per-epoch metrics, the held-out curve, evaluation messages, progress, live charts), '
      + 'timed inside the page from the click on Start to the end state; the core trains the same network with the workload\'s '
      + 'settings on the same training part with `trainer.run` in the same page, on its main thread while the lab is idle between '
      + 'its runs (no held-out part, running metrics). Runs alternate page, core, page, … after a warm-up of each; medians. Each run lasts seconds, so that the '
      + 'page\'s first and last frames do not decide the rate.', '',
      '| Workload | epochs × training samples | Train lab /s | core /s | Train lab / core | status line /s | core with the page\'s per-epoch passes /s |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const x of Object.values(speed)) {
      push(`| ${x.id} | ${int(x.epochs)} × ${int(x.trainSamples)} | ${int(x.pageSamplesPerSecond)} | ${int(x.coreSamplesPerSecond)} | ${ratio(x.ratio)} | ${int(x.statusSamplesPerSecond)} | ${int(x.coreAsPageSamplesPerSecond)} (${x.coreAsPageEpochMetrics} metrics, ${int(x.heldOutSamples)} held out every epoch) |`);
    }
    push('', `What the page says under its charts (A): "${speed.A.curvesNote}"`, '');
  }

  if (sweeps) {
    if (sweeps.measuredOn) push('## Sweeps on a pool of workers', '', `Measured separately (\`node bench/run.mjs --sweeps\`) on ${sweeps.measuredOn}.`, '');
    else push('## Sweeps on a pool of workers', '');
    push(
      'A sweep in the Train lab, `#lab=train&tdata=<preset>&tep=<epochs>` with the sweep of the learning rate, timed inside the page from the '
      + 'click on "Run sweep" to its "Sweep done" line: once on one worker (`tworkers=1`) and once on the pool\'s automatic size '
      + '(the cores, one left for the page on 4 or more, within the memory budget), alternating after a warm-up sweep of each. '
      + 'The time counts what a student waits for: the workers\' start, each worker\'s copy of the data, training and scoring. '
      + 'Medians; the speed-up is one worker\'s time over the pool\'s. "Same scores" compares every value\'s scores in both tables.', '',
      '| Workload | values | timed sweeps of each | 1 worker | pool | workers | speed-up | same scores |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const x of Object.values(sweeps).filter((v) => v.id)) {
      push(`| ${x.id}: ${x.title} | ${x.values} | ${x.runs} | ${x.oneWorkerSeconds.toFixed(2)} s | ${x.poolSeconds.toFixed(2)} s | ${x.workers} | ${ratio(x.speedUp)}× | ${x.sameScores ? 'yes' : '**no**'} |`);
    }
    push('');
  }

  if (statsCost) {
    push('## Per-layer statistics', '',
      `${statsCost.measuredOn ? `Measured separately (\`node bench/run.mjs --layer-stats\`) on ${statsCost.measuredOn}. ` : ''}`
      + 'Each workload trained in node with `layer_stats` on (the default: every layer\'s norms, update ratio, histograms and unit '
      + 'fractions recorded once an epoch, as the Train lab shows them, and a float copy of the weights after every epoch for the '
      + 'loss landscape\'s training path) and off, alternating after a warm-up; medians. A cost below 0 is noise within the '
      + 'run-to-run spread.', '',
      '| Workload | epochs | pairs | on | off | cost |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const x of Object.values(statsCost).filter((v) => v.id)) {
      push(`| ${x.title} | ${x.epochs} | ${x.pairs} | ${x.on.toFixed(3)} s | ${x.off.toFixed(3)} s | ${(100 * x.cost).toFixed(1)}% |`);
    }
    push('');
  }

  push('## Latency on the digits network (ms, median of 20 after a warm-up)', '', '| Call | Chromium | node |', '| --- | ---: | ---: |');
  const names = { trace1: 'trace, 1 sample', trace32: 'trace, 32 samples', gradientTest: 'gradient test, 20 ε, 32 samples', elementwiseCheck: 'element-wise check, 200 entries (median of 5)' };
  for (const [key, name] of Object.entries(names)) push(`| ${name} | ${ms(r.chromium.latency[key])} | ${ms(r.node.latency[key])} |`);
  push('', 'Chromium rounds performance.now() to 0.1 ms on a page that is not cross-origin isolated.', '');

  push('## Payload (gzip level 9, datasets excluded)', '',
    'Counted in the hosted site (dist/, written by `npm run build`; its page JS has no comments): the module '
    + 'generated/backprop.mjs and its backprop.wasm, every js/**/*.js (the training worker\'s files included, though they '
    + 'load only when training starts), and the vendor JS/CSS the page requested while loading `#lab=step`. Not counted: '
    + 'index.html, css/, KaTeX fonts, datasets.'
    + (r.payload.source ? ` The same files in web/, as \`npm start\` serves them with their comments: ${kb(r.payload.source.gzip)}.` : ''), '', '| Part | bytes | gzipped |', '| --- | ---: | ---: |');
  for (const g of r.payload.groups) push(`| ${g.name} (${g.files.length} files) | ${int(g.bytes)} | ${int(g.gzip)} |`);
  push(`| **total** | ${int(r.payload.total.bytes)} | **${int(r.payload.total.gzip)}** |`, '');
  const m = r.moduleParts;
  push('The module itself:', '', '| Part | bytes | gzipped |', '| --- | ---: | ---: |',
    `| JS glue (backprop.mjs: embind, runtime) | ${int(m.glue.bytes)} | ${int(m.glue.gzip)} |`,
    `| the wasm (backprop.wasm) | ${int(m.wasm.bytes)} | ${int(m.wasm.gzip)} |`, '');
  const vendor = r.payload.groups.find((g) => g.name.startsWith('vendor'));
  push(`Vendor files loaded: ${vendor.files.map((f) => `${f.file} (${int(f.gzip)})`).join(', ')}.`, '');

  push('## How it is measured', '',
    '- Workloads are defined once in bench/workloads.mjs; all samples are training data; digits pixels are divided by 16, '
    + 'mnist pixels are stored as k/255 already. Initialisation: xavier (A) and he (B) from the core\'s seeded generator; '
    + 'TF.js gets the very same initial weights copied from the core.',
    '- Core (native, node, Chromium): a fresh network and trainer per run, `Trainer::run(epochs)` timed, with '
    + '`epoch_metrics: "running"`: the per-epoch loss and accuracy of its history are means over the mini-batches as '
    + 'they were trained (as TF.js\'s model.fit logs them), not an extra pass over the training set. The Train lab\'s '
    + 'default, "full", adds that pass: about a quarter to a third of the loop on these workloads (profiled with '
    + 'bench/profile.mjs before "running" existed).',
    '- Native: bench/native/train_bench.cpp, built Release (-O3, as the native tests) against the core library in build/bench-native.',
    '- Chromium: bench/browser/bench.html loads web/js/engine/engine.js and fetches the data from web/data/ as the page does; the '
    + 'training runs on the page\'s main thread (the site runs it in a Web Worker: same code, same speed).',
    '- TF.js: dense layers with the last one producing logits and `tf.losses.softmaxCrossEntropy` (softmax fused into '
    + 'the loss as in the core), `tf.train.sgd`, shuffled mini-batches each epoch, last batch smaller; a manual loop '
    + '(`optimizer.minimize` per batch) and `model.fit`; the faster is reported. TF.js trains in float32, the core in double.',
    '- Cold start: fresh browser context per load, time from navigation to `document.body.dataset.ready === "true"` '
    + '(module loaded, first lab drawn), one warm-up load.',
    '- Frame gaps: `requestAnimationFrame` timestamps on the main thread of `/#lab=train&tdata=digits`, recorded inside the '
    + 'page (no harness call while measuring) from the click on '
    + '`#train-start` until `#train-lab` has `data-run-state` finished (or another end state), in five fresh pages; the '
    + 'percentile pools the gaps of all five runs.', '');
  return lines.join('\n');
}
