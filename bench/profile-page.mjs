// Where the main thread's time goes while the Train lab trains digits: long tasks (> 50 ms,
// PerformanceObserver), the longest tasks of the renderer's main thread in a Chrome trace, and a
// CPU profile (self time by function) from the click on #train-start to the end of the run.
// Not part of `npm run bench`:  node bench/profile-page.mjs ['<hash>' [<ms to profile>]]
// (default: the digits preset to the end of the run).
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';

const web = fileURLToPath(new URL('../web', import.meta.url));
const chromium = await startChromium(web);
try {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const [hash = '#lab=train&tdata=digits', forMs] = process.argv.slice(2);
  await page.goto(`${chromium.url}${hash}`);
  await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 60000 });
  await page.waitForSelector('#train-start:enabled', { timeout: 30000 });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask' });
    window.__clickAt = performance.now();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await chromium.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.click('#train-start');
  if (forMs) await page.waitForTimeout(Number(forMs));
  else {
    await page.waitForFunction(() => ['finished', 'early_stopped', 'diverged', 'stopped']
      .includes(document.querySelector('#train-lab')?.getAttribute('data-run-state')), null, { timeout: 300000, polling: 100 });
  }
  await page.waitForTimeout(500);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await chromium.browser.stopTracing()).toString());
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = trace.traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid)
    .sort((a, b) => b.dur - a.dur).slice(0, 5);
  console.log('longest main-thread tasks (ms):', tasks.map((t) => (t.dur / 1000).toFixed(1)).join(', '));
  const longest = tasks[0];
  const inside = trace.traceEvents.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e !== longest
    && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur);
  const parts = {};
  for (const e of inside) {
    const what = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || ''} ${(e.args?.data?.url || '').split('/').slice(-2).join('/')}:${e.args?.data?.lineNumber ?? ''}` : e.name;
    parts[what] = (parts[what] ?? 0) + e.dur / 1000;
  }
  console.log('inside the longest task (ms, nested events overlap):', Object.entries(parts).sort((a, b) => b[1] - a[1]).slice(0, 12));
  const frames = trace.traceEvents.filter((e) => e.pid === main?.pid && ['BeginFrame', 'DrawFrame', 'Paint', 'Layout', 'UpdateLayoutTree', 'RasterTask', 'Commit'].includes(e.name) && e.ph === 'X');
  const byName = {};
  for (const f of frames) { byName[f.name] ??= { count: 0, ms: 0, max: 0 }; byName[f.name].count += 1; byName[f.name].ms += f.dur / 1000; byName[f.name].max = Math.max(byName[f.name].max, f.dur / 1000); }
  console.log('renderer work in the trace:', byName);
  console.log('long tasks (start ms after click, duration):', await page.evaluate(() => window.__long.map((l) => ({ ...l, start: l.start - Math.round(window.__clickAt) }))));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  // inclusive time of the page's own functions (the time of everything they call counted in)
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at).callFrame;
      if (!url.includes('/js/')) continue;
      const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      seen.add(name);
    }
  });
  console.log('page functions, inclusive:', [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, us]) => `${(us / 1000).toFixed(1)} ms ${n}`));
  for (const [name, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  }
} finally {
  await chromium.close();
}
