// Summary statistics of repeated timings (median, min and max, in samples per second), and the
// warm-up that comes before them.
import { WARM_UP_SECONDS } from './workloads.mjs';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** {median, min, max} samples/s from run times in seconds, each run having trained `samples` samples. */
export function throughput(seconds, samples) {
  const rates = seconds.map((s) => samples / s);
  return { median: median(rates), min: Math.min(...rates), max: Math.max(...rates), runs: seconds.length };
}

/** Runs `once` (async or not; it returns {seconds}) until WARM_UP_SECONDS have passed, at least once. */
export async function warmUp(once) {
  let spent = 0;
  for (let i = 0; i < 50 && spent < WARM_UP_SECONDS; i += 1) spent += (await once()).seconds;
}
