// The Train lab's training speed against the core's, in one Chromium: the page trains workloads A
// and B with its default settings for everything the workload does not fix (per-epoch metrics,
// held-out part, evaluation messages, progress, live charts), timed inside the page from the click
// on Start to #train-lab[data-run-state] showing the end state; the core trains the same network
// with the workload's settings on the same training part (engine API, trainer.run, as
// core-workload.mjs does) in the same page between the lab's runs. Page and core runs alternate;
// medians are reported.
//   node bench/page-speed.mjs          (BENCH_RUNS=1 for a quick trial)
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';
import { median } from './stats.mjs';
import { workloads, WARM_UP_SECONDS } from './workloads.mjs';

const END_STATES = ['finished', 'early_stopped', 'diverged', 'stopped', 'failed'];
const env = typeof process === 'undefined' ? {} : process.env;

/**
 * The workloads as the page runs them, each for a few seconds so that the page's own start and end
 * (a few frames of drawing) do not decide the rate: A's network on the page's 898-digit training
 * part for 3000 epochs (its 20 epochs would last a few tens of ms), B's for 60 epochs. A run of
 * fewer than 20 × k epochs would have the page score its held-out part after every epoch (k: see
 * training-session.js PACING), which a long run does every k-th epoch.
 */
export const PAGE_WORKLOADS = [
  { ...workloads[0], id: 'A', epochs: Number(env.BENCH_A_EPOCHS ?? 3000) },
  { ...workloads[1], id: 'B', epochs: Number(env.BENCH_B_EPOCHS ?? 60) },
];

/** The Train lab at the workload's preset with its number of epochs (everything else the page's default). */
const pageHash = (w) => `#lab=train&tdata=${w.preset}&tep=${w.epochs}`;

/** Opens the Train lab for `w` and waits until a run is set up and its untrained scores are drawn. */
async function openLab(browser, url, w) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}${pageHash(w)}`);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 60000 });
  await page.waitForSelector('#train-start:enabled', { timeout: 60000 });
  await page.waitForSelector('[data-testid="confusion-total"]', { timeout: 60000 });
  await page.waitForTimeout(300);
  return { page, errors };
}

/**
 * One page run, measured inside the page (no harness polling on its main thread): the click on
 * Start ("Train again" after the first run) to the end state. {seconds, state, status, trainSamples}.
 */
async function pageRun(page) {
  const result = await page.evaluate((ends) => new Promise((resolve) => {
    const lab = document.getElementById('train-lab');
    let left = !ends.includes(lab.dataset.runState); // "Train again" first leaves the old end state
    const start = performance.now();
    new MutationObserver((_, observer) => {
      const state = lab.dataset.runState;
      if (!ends.includes(state)) { left = true; return; }
      if (!left) return;
      observer.disconnect();
      resolve({ seconds: (performance.now() - start) / 1000, state, status: document.getElementById('train-status').textContent, note: document.getElementById('tv-curves-note')?.textContent ?? '' });
    }).observe(lab, { attributes: true, attributeFilter: ['data-run-state'] });
    document.getElementById('train-start').click();
  }), END_STATES);
  await page.waitForTimeout(300); // the last frames of the run, before the next one starts
  return result;
}

/**
 * The core, the workload's training part and a timed run, in the Train lab's own page (on its main
 * thread, while the lab is idle between its runs): a tab of its own would be a background tab,
 * which Chromium runs at a lower priority.
 */
async function openCore(page, w) {
  const info = await page.evaluate(async ({ preset, spec }) => {
    const { createLab } = await import(`${location.origin}/js/engine/engine.js`);
    const { RECIPES } = await import(`${location.origin}/js/train/train-config.js`);
    const lab = await createLab();
    const recipe = RECIPES[preset];
    const data = await lab.fetchBundled(preset, new URL('/data/', location.href));
    // the page's split and scaling (train-config.js runConfig: stratified, seeded by the run's seed)
    const prepared = data.prepare({ ...recipe.split, stratify: true, seed: recipe.seed }, recipe.scaling);
    const heldOut = prepared.validation.info.samples > 0 ? prepared.validation : prepared.test.info.samples > 0 ? prepared.test : null;
    /** One run: the workload's settings, or with `asPage` the trainer as the page builds it (held-out part, settings.epoch_metrics). */
    /** @type {any} */ (window).__coreRun = (settings, asPage) => {
      const net = lab.network(spec);
      const trainer = lab.trainer(net, prepared.train, settings, asPage ? heldOut : null);
      const begin = performance.now();
      const result = trainer.run(settings.epochs);
      const seconds = (performance.now() - begin) / 1000;
      trainer.dispose();
      net.dispose();
      if (result.status !== 'finished') throw new Error(`core: training ended ${result.status}`);
      return seconds;
    };
    return { trainSamples: prepared.train.info.samples, heldOutSamples: heldOut?.info.samples ?? 0 };
  }, { preset: w.preset, spec: w.spec });
  const run = (settings, asPage = false) => page.evaluate(([s, p]) => /** @type {any} */ (window).__coreRun(s, p), [settings, asPage]);
  return { run, ...info };
}

/** Runs `once` until WARM_UP_SECONDS have passed (at least once). */
async function warm(once) {
  let spent = 0;
  for (let i = 0; i < 50 && spent < WARM_UP_SECONDS; i += 1) spent += await once();
}

/**
 * {pageSamplesPerSecond, coreSamplesPerSecond, ratio, runs, ...} for one page workload: `runs` page
 * runs and `runs` core runs, alternating, after a warm-up of each. Also, to see where the page
 * loses time: the core with the page's per-epoch passes (the held-out part and the page's default
 * epoch_metrics), and the rate the page's status line showed (the worker's own count).
 */
async function measureWorkload(browser, url, w, runs) {
  const { page, errors } = await openLab(browser, url, w);
  const core = await openCore(page, w);
  try {
    const pageSettings = await page.evaluate(async () => {
      const { runConfig } = await import(`${location.origin}/js/train/train-config.js`);
      const { parseHash } = await import(`${location.origin}/js/state.js`);
      return runConfig(parseHash(location.hash).state).settings;
    }).catch(() => null);
    const settings = { ...w.settings, epochs: w.epochs };
    const asPage = { ...settings, epoch_metrics: pageSettings?.epoch_metrics ?? 'full' };
    await pageRun(page); // warm-up: the worker's wasm reaches its optimising tier
    await warm(() => core.run(settings));
    const samples = w.epochs * core.trainSamples;
    const timed = { page: [], core: [], coreAsPage: [], status: [], note: '' };
    for (let i = 0; i < runs; i += 1) {
      const p = await pageRun(page);
      if (p.state !== 'finished') throw new Error(`page ${w.id}: the run ended ${p.state}: ${p.status}`);
      timed.page.push(p.seconds);
      timed.note = p.note;
      timed.status.push(Number(p.status.match(/([\d,]+) samples\/s/)?.[1].replace(/,/g, '') ?? NaN));
      timed.core.push(await core.run(settings));
      timed.coreAsPage.push(await core.run(asPage, true));
    }
    const rate = (seconds) => samples / median(seconds);
    const pageSamplesPerSecond = rate(timed.page);
    const coreSamplesPerSecond = rate(timed.core);
    return {
      id: w.id,
      title: `${w.title.replace(/, \d+ epochs?, [\d,]+ samples$/, '')}; ${w.epochs} epochs of the page's ${core.trainSamples}-sample training part`,
      epochs: w.epochs,
      trainSamples: core.trainSamples,
      heldOutSamples: core.heldOutSamples,
      pageSamplesPerSecond,
      coreSamplesPerSecond,
      ratio: pageSamplesPerSecond / coreSamplesPerSecond,
      runs,
      pageSeconds: timed.page,
      coreSeconds: timed.core,
      coreAsPageSamplesPerSecond: rate(timed.coreAsPage),
      coreAsPageEpochMetrics: asPage.epoch_metrics,
      statusSamplesPerSecond: median(timed.status),
      curvesNote: timed.note,
      errors,
    };
  } finally {
    await page.close();
  }
}

/**
 * Page and core speed per workload in `browser` (bench/chromium.mjs startChromium(web)):
 * {A: {...}, 'A-long': {...}, B: {...}}; `ids` picks workloads, `runs` the timed runs of each side.
 */
export async function measurePageSpeed(browser, url, { runs = Number(env.BENCH_PAGE_RUNS ?? 3), ids = PAGE_WORKLOADS.map((w) => w.id) } = {}) {
  const out = {};
  for (const w of PAGE_WORKLOADS.filter((x) => ids.includes(x.id))) out[w.id] = await measureWorkload(browser, url, w, runs);
  return out;
}

/** Prints one line per workload. */
function summary(results) {
  const k = (v) => Math.round(v).toLocaleString('en-US');
  for (const r of Object.values(results)) {
    console.log(`${r.id}: page ${k(r.pageSamplesPerSecond)}/s, core ${k(r.coreSamplesPerSecond)}/s, page/core ${r.ratio.toFixed(2)} `
      + `(${r.runs} runs each; ${r.epochs} epochs × ${r.trainSamples}; core scoring the held-out part every epoch [${r.coreAsPageEpochMetrics} + ${r.heldOutSamples} held out] ${k(r.coreAsPageSamplesPerSecond)}/s = ${(r.coreAsPageSamplesPerSecond / r.coreSamplesPerSecond).toFixed(2)}; `
      + `page status line ${k(r.statusSamplesPerSecond)}/s; "${r.curvesNote}")${r.errors.length ? ` page errors: ${r.errors.join('; ')}` : ''}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chromium = await startChromium(fileURLToPath(new URL('../web', import.meta.url)));
  try {
    const ids = env.BENCH_PAGE_IDS ? env.BENCH_PAGE_IDS.split(',') : undefined;
    const results = await measurePageSpeed(chromium.browser, chromium.url, { ids });
    summary(results);
    if (env.BENCH_JSON) console.log(JSON.stringify(results, null, 1));
  } finally {
    await chromium.close();
  }
}
