// A sweep's wall time on one worker and on the pool (issue 16): the Train lab sweeps the learning
// rate over 8 values on digits (the recipe's network, 100 epochs of 898 digits each, as seed 001
// Q3.2 trains each of its learning rates) and over 4 values on the MNIST subset (its recipe: 5
// epochs of 8,000 digits), once with `tworkers=1` and once with the pool's
// automatic size, alternating; timed inside the page from the click on "Run sweep" to its "Sweep
// done" line. Each time counts what a student waits for: the workers' start, their data, the
// training, the scores. Medians are reported, and the speed-up = one worker's time / the pool's.
//   node bench/sweep-speed.mjs        (BENCH_SWEEP_RUNS=1 for a quick trial)
import { fileURLToPath } from 'node:url';
import { startChromium, openReady } from './chromium.mjs';
import { median } from './stats.mjs';

const env = typeof process === 'undefined' ? {} : process.env;

/** The sweeps: a dataset (its recipe), the epochs, the values of η, the timed runs of each side (a short sweep's times vary more). */
export const SWEEP_WORKLOADS = [
  { id: 'A', title: 'digits: 8 values of η, 100 epochs of 898 digits each (seed 001 Q3.2)', preset: 'digits', epochs: 100, runs: 9, values: '0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5' },
  { id: 'B', title: 'MNIST subset: 4 values of η, 5 epochs of 8,000 digits each', preset: 'mnist', epochs: 5, runs: 5, values: '0.01, 0.02, 0.05, 0.1' },
];

/** One timed sweep in an open Train lab: {seconds, status, workers, rows}. */
async function timedSweep(page, values) {
  await page.fill('#tv-sweep-values', values);
  return page.evaluate(() => new Promise((resolve) => {
    const status = document.getElementById('tv-sweep-status');
    const start = performance.now();
    new MutationObserver((_, observer) => {
      if (!/^Sweep done|^The sweep stopped/.test(status.textContent)) return;
      observer.disconnect();
      const seconds = (performance.now() - start) / 1000;
      const table = /** @type {HTMLTableElement} */ ([...document.querySelectorAll('[data-testid="sweep-table"]')].at(-1));
      // every value's scores, to check that both pools computed the same numbers
      const rows = [...table.tBodies[0].rows].map((row) => [...row.cells].slice(0, -1).map((cell) => cell.textContent).join(' '));
      resolve({ seconds, status: status.textContent, workers: Number(status.textContent.match(/on (\d+) workers?/)?.[1] ?? NaN), rows });
    }).observe(status, { childList: true, characterData: true, subtree: true });
    document.getElementById('tv-sweep-run').click();
  }));
}

/** Opens the Train lab at `preset` and `epochs` with the sweep of η chosen and `workers` (null: automatic). */
async function openSweep(browser, url, { preset, epochs }, workers) {
  const { page, errors } = await openReady(browser, `${url}#lab=train&tdata=${preset}&tep=${epochs}${workers ? `&tworkers=${workers}` : ''}`);
  await page.waitForSelector('#train-start:enabled', { timeout: 60000 });
  await page.selectOption('#tv-sweep-key', 'lr');
  return { page, errors };
}

/**
 * {A: {...}, B: {...}}: per workload the median wall time on 1 worker and on the pool, the pool's
 * size, the speed-up, every time, and whether both computed the same scores.
 */
export async function measureSweepSpeed(browser, url, { runs: chosenRuns = env.BENCH_SWEEP_RUNS ? Number(env.BENCH_SWEEP_RUNS) : null } = {}) {
  const out = {};
  for (const w of SWEEP_WORKLOADS) {
    const runs = chosenRuns ?? w.runs;
    const one = await openSweep(browser, url, w, 1);
    const pool = await openSweep(browser, url, w, null);
    try {
      // a first sweep of each warms the browser's cache of the data file and the compiled module
      await timedSweep(one.page, w.values);
      await timedSweep(pool.page, w.values);
      const timed = { one: [], pool: [] };
      let workers = NaN;
      let same = true;
      for (let i = 0; i < runs; i += 1) {
        const a = await timedSweep(one.page, w.values);
        const b = await timedSweep(pool.page, w.values);
        if (!a.status.startsWith('Sweep done') || !b.status.startsWith('Sweep done')) throw new Error(`sweep ${w.id}: ${a.status} / ${b.status}`);
        timed.one.push(a.seconds);
        timed.pool.push(b.seconds);
        workers = b.workers;
        same &&= JSON.stringify(a.rows.map((r) => r.replace(/\s\S+ s$/, ''))) === JSON.stringify(b.rows.map((r) => r.replace(/\s\S+ s$/, '')));
      }
      out[w.id] = {
        id: w.id, title: w.title, values: w.values.split(',').length, runs, workers,
        oneWorkerSeconds: median(timed.one), poolSeconds: median(timed.pool), speedUp: median(timed.one) / median(timed.pool),
        oneWorkerTimes: timed.one, poolTimes: timed.pool, sameScores: same, errors: [...one.errors, ...pool.errors],
      };
    } finally {
      await one.page.close();
      await pool.page.close();
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chromium = await startChromium(fileURLToPath(new URL('../web', import.meta.url)));
  try {
    const results = await measureSweepSpeed(chromium.browser, chromium.url);
    for (const r of Object.values(results)) {
      console.log(`${r.id} (${r.title}): 1 worker ${r.oneWorkerSeconds.toFixed(2)} s, ${r.workers} workers ${r.poolSeconds.toFixed(2)} s, speed-up ${r.speedUp.toFixed(2)}× `
        + `(${r.runs} runs each; same scores: ${r.sameScores})${r.errors.length ? ` errors: ${r.errors.join('; ')}` : ''}`);
    }
  } finally {
    await chromium.close();
  }
}
