// Where the time goes: a CPU profile (Chrome DevTools protocol, sampling every 100 µs) of one
// training run of a workload in Chromium, summed by function (self time). Not part of
// `npm run bench`; wasm function names need a module linked with --profiling-funcs:
//   node bench/profile.mjs B [/build/bench-wasm-profile/site/js/engine/engine.js]
import { withBenchPage } from './browser.mjs';

const [id = 'B', engine] = process.argv.slice(2);

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ticks = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((nodeId, i) => {
    const { functionName, url } = byId.get(nodeId).callFrame;
    const name = functionName || (url ? `(anonymous ${url.split('/').pop()})` : '(program)');
    ticks.set(name, (ticks.get(name) ?? 0) + (dt[i + 1] ?? 0));
  });
  const total = [...ticks.values()].reduce((a, b) => a + b, 0);
  return [...ticks.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}

/** Time under each lab:: function (itself and what it calls), sorted, as [{name, share}]. */
function inclusiveTimes(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    const seen = new Set();
    for (let id = nodeId; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName.replace(/\(.*$/, '');
      if (name.startsWith('lab::') && !seen.has(name)) {
        seen.add(name);
        time.set(name, (time.get(name) ?? 0) + dt);
      }
    }
  });
  return [...time.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, share: us / total }));
}

await withBenchPage(async ({ call, page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await call('core', id, 1); // warm-up (the profiled call below also runs its own warm-up run first)
  await cdp.send('Profiler.start');
  await call('core', id, 1);
  const { profile } = await cdp.send('Profiler.stop');
  for (const row of selfTimes(profile).slice(0, 25)) {
    console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.name.slice(0, 140)}`);
  }
  console.log('\ninclusive (the function and all it calls):');
  for (const row of inclusiveTimes(profile).slice(0, 20)) console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`);
}, { engine });
