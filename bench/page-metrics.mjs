// Measurements of the real page (web/ served as `npm start` serves it) in headless Chromium: the
// cold start (navigation to document.body.dataset.ready === 'true', i.e. the wasm module loaded
// and the first lab drawn), the files it loads (for the payload), and the gaps between animation
// frames on the main thread while the Train lab trains workload A (five runs: the 95th percentile
// of all their gaps pooled, the longest, and each run's longest).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';
import { median } from './stats.mjs';
import { measurePageSpeed } from './page-speed.mjs';
import { measureSweepSpeed } from './sweep-speed.mjs';

const web = fileURLToPath(new URL('../web', import.meta.url));
const END_STATES = ['finished', 'early_stopped', 'diverged', 'stopped'];

// Runs in the page before its own scripts: notes performance.now() when data-ready becomes 'true'.
function recordReadyTime() {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.ready === 'true') {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** One cold load in a fresh context: {ms, loaded: [paths relative to web/]}. */
async function coldLoad(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname.replace(/^\//, '')));
  await page.addInitScript(recordReadyTime);
  await page.goto(`${url}#lab=step`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.__readyAt);
  await page.close();
  return { ms, loaded };
}

/** {median, min, max, runs} ms over `runs` cold loads after one warm-up, and the files loaded. */
export async function measureColdStart(browser, url, runs = 5) {
  await coldLoad(browser, url);
  const loads = [];
  for (let i = 0; i < runs; i += 1) loads.push(await coldLoad(browser, url));
  const ms = loads.map((l) => l.ms);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs, loaded: loads[0].loaded };
}

/** True when the page has the Train lab's start button (the lab's contract for this measurement). */
export function trainLabPresent() {
  const lab = `${web}/js/train/train-lab.js`;
  return readFileSync(`${web}/index.html`, 'utf8').includes('train-start')
    || (existsSync(lab) && readFileSync(lab, 'utf8').includes('train-start'));
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Frame gaps over `runs` digits runs, each in a fresh page: {p95GapMs (all runs' gaps pooled),
 * longestGapMs, runsLongestGapMs: [per run], idleLongestGapMs, frames, runSeconds (median), state
 * (of the last run), runs}; or {missing: reason}.
 */
export async function measureTrainFrameGaps(browser, url, runs = Number(process.env.BENCH_GAP_RUNS ?? 5)) {
  if (!trainLabPresent()) return { missing: 'Train lab missing' };
  const each = [];
  for (let i = 0; i < runs; i += 1) each.push(await trainFrameGapsOnce(browser, url));
  const gaps = each.flatMap((r) => r.gaps);
  return {
    p95GapMs: percentile(gaps, 95),
    longestGapMs: Math.max(...gaps),
    runsLongestGapMs: each.map((r) => Math.max(...r.gaps)),
    idleLongestGapMs: Math.max(...each.map((r) => r.idleLongestGapMs)),
    frames: gaps.length,
    runSeconds: median(each.map((r) => r.runSeconds)),
    state: each.at(-1).state,
    runs,
  };
}

/** {gaps, idleLongestGapMs, runSeconds, state} of one run of the Train lab on digits in a fresh page. */
async function trainFrameGapsOnce(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(`${url}#lab=train&tdata=digits`);
    await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 60000 });
    await page.waitForSelector('#train-start:enabled', { timeout: 30000 });
    await page.waitForSelector('[data-testid="confusion-total"]', { timeout: 30000 }); // the untrained scores are drawn
    await page.waitForTimeout(300);
    // Everything below runs inside the page, so that none of the harness's own work (its injected
    // scripts, its polling) lands on the main thread while it is measured: an idle second for
    // reference, then the click on Start, then frames until the run's end state plus 200 ms.
    const { idle, gaps, runSeconds } = await page.evaluate((ends) => new Promise((resolve) => {
      const lab = document.getElementById('train-lab');
      const gapsSeen = [];
      let last = performance.now();
      let stop = false;
      const frame = (now) => {
        gapsSeen.push(now - last);
        last = now;
        if (!stop) requestAnimationFrame(frame);
      };
      requestAnimationFrame((now) => { last = now; requestAnimationFrame(frame); });
      setTimeout(() => {
        const clickIndex = gapsSeen.length;
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (!ends.includes(lab.dataset.runState)) return;
          observer.disconnect();
          const seconds = (performance.now() - start) / 1000;
          setTimeout(() => {
            stop = true;
            resolve({ idle: gapsSeen.slice(1, clickIndex), gaps: gapsSeen.slice(clickIndex), runSeconds: seconds });
          }, 200);
        }).observe(lab, { attributes: true, attributeFilter: ['data-run-state'] });
        document.getElementById('train-start').click();
      }, 1000);
    }), END_STATES);
    const state = await page.getAttribute('#train-lab', 'data-run-state');
    return { gaps, idleLongestGapMs: Math.max(...idle), runSeconds, state };
  } finally {
    await page.close();
  }
}

/**
 * Cold start, loaded files, Train-lab frame gaps, the Train lab's speed against the core's and a
 * sweep's speed-up on the pool of workers, on the page served from web/.
 */
export async function measurePage() {
  const chromium = await startChromium(web);
  try {
    const coldStart = await measureColdStart(chromium.browser, chromium.url);
    const frameGaps = await measureTrainFrameGaps(chromium.browser, chromium.url);
    const speed = trainLabPresent() ? await measurePageSpeed(chromium.browser, chromium.url) : null;
    const sweeps = trainLabPresent() ? await measureSweepSpeed(chromium.browser, chromium.url) : null;
    return { coldStart, frameGaps, speed, sweeps };
  } finally {
    await chromium.close();
  }
}
