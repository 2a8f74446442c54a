// The training-speed cost of recording per-layer statistics (settings.layer_stats, issue 17): each
// workload trained with the statistics on and off, alternating after a warm-up, in node with the
// project's wasm module. The cost is median(on) / median(off) − 1, a ratio within one run.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { workloads } from './workloads.mjs';
import { coreRunOnce, scaledDataset } from './core-workload.mjs';
import { median, warmUp } from './stats.mjs';

/** Timed pairs (on, off) per workload. */
export const STATS_PAIRS = 9;

/** {A, B}: {on, off (median seconds), cost, pairs, epochs, records} for every workload. */
export async function measureLayerStatsCost() {
  const { createLab } = await import('../web/js/engine/engine.js');
  const lab = await createLab();
  const out = {};
  for (const w of workloads) {
    const bytes = gunzipSync(readFileSync(new URL(`../datasets/${w.file}`, import.meta.url)));
    const data = scaledDataset(lab, lab.loadBundled(w.preset, bytes), w);
    const variant = (on) => ({ ...w, settings: { ...w.settings, layer_stats: on } });
    const time = (on) => coreRunOnce(lab, data, variant(on)).seconds;
    await warmUp(() => ({ seconds: time(true) + time(false) }));
    const on = [];
    const off = [];
    for (let i = 0; i < STATS_PAIRS; i += 1) {
      // alternating which goes first, so that neither always runs on a warmer machine
      if (i % 2) { off.push(time(false)); on.push(time(true)); } else { on.push(time(true)); off.push(time(false)); }
    }
    data.dispose();
    out[w.id] = { id: w.id, title: w.title, on: median(on), off: median(off), cost: median(on) / median(off) - 1, pairs: STATS_PAIRS, epochs: w.settings.epochs };
  }
  return out;
}
