// The Train lab's frame gaps on their own (bench/page-metrics.mjs measureTrainFrameGaps): five
// digits runs, the 95th percentile of their gaps pooled, the longest, and each run's longest.
//   node bench/frame-gaps.mjs   (BENCH_GAP_RUNS=n: another number of runs; BENCH_WEB=dir: another copy of web/)
import { fileURLToPath } from 'node:url';
import { startChromium } from './chromium.mjs';
import { measureTrainFrameGaps } from './page-metrics.mjs';

const chromium = await startChromium(process.env.BENCH_WEB ?? fileURLToPath(new URL('../web', import.meta.url)));
try {
  const r = await measureTrainFrameGaps(chromium.browser, chromium.url);
  const ms = (v) => v.toFixed(1);
  console.log(`frame gaps over ${r.runs} digits runs: p95 ${ms(r.p95GapMs)} ms, longest ${ms(r.longestGapMs)} ms, `
    + `per run ${r.runsLongestGapMs.map(ms).join(', ')} ms (${r.frames} frames; run ${r.runSeconds.toFixed(2)} s median, ended ${r.state}; idle longest ${ms(r.idleLongestGapMs)} ms)`);
} finally {
  await chromium.close();
}
