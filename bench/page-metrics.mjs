// Measurements of the real page (web/ served as `npm start` serves it) in headless Chromium: the
// cold start (navigation to document.body.dataset.ready === 'true', i.e. the wasm module loaded
// and the first lab drawn), the files it loads (for the payload), and the longest gap between
// animation frames on the main thread while the Train lab trains workload A.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';
import { median } from './stats.mjs';

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

/** {longestGapMs, idleLongestGapMs, frames, runSeconds, state} while the Train lab trains digits; or {missing: reason}. */
export async function measureTrainFrameGaps(browser, url) {
  if (!trainLabPresent()) return { missing: 'Train lab missing' };
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
    return { longestGapMs: Math.max(...gaps), idleLongestGapMs: Math.max(...idle), frames: gaps.length, runSeconds, state };
  } finally {
    await page.close();
  }
}

/** Cold start, loaded files and Train-lab frame gaps on the page served from web/. */
export async function measurePage() {
  const chromium = await startChromium(web);
  try {
    const coldStart = await measureColdStart(chromium.browser, chromium.url);
    const frameGaps = await measureTrainFrameGaps(chromium.browser, chromium.url);
    return { coldStart, frameGaps };
  } finally {
    await chromium.close();
  }
}
