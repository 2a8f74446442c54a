// The runs the Train lab's curves compare with the current one: the last replaced run (drawn as
// "previous") and up to eight pinned runs, each with a legend label naming only the settings
// that differ between the runs shown, and the runs a curves CSV export holds.
import { differingLabels } from './train-runs.js';

const MOST_PINNED = 8;

/** Returns {keepAsPrevious(run), pin(run), unpin(i), shown(run), exported(run, restoredEpoch)}. */
export function createRunPins() {
  let previous = null; // the last replaced, unpinned run {description, history}
  const pinned = []; // [{description, history, heldOut, metricName}]

  return {
    /** Before `run`'s curves are replaced: they stay as the "previous" run, unless pinned. */
    keepAsPrevious(run) {
      if (run?.history.length) previous = run.pinned ? null : { description: run.description, history: run.history };
    },
    /** Pins a copy of `run`'s curves (the oldest pin goes beyond eight); false when it has none. */
    pin(run) {
      if (!run?.history.length) return false;
      pinned.push({ description: run.description, history: run.history.slice(), heldOut: run.ready.heldOut, metricName: run.ready.metricName });
      run.pinned = true; // a pinned run is not shown again as the "previous" run
      if (pinned.length > MOST_PINNED) pinned.shift();
      return true;
    },
    unpin(i) {
      pinned.splice(i, 1);
    },
    /** The runs to draw, previous first and `run` (the current one, or null) last, with their labels. */
    shown(run) {
      const runs = [];
      if (previous) runs.push({ ...previous, kind: 'previous' });
      pinned.forEach((p, i) => runs.push({ ...p, kind: 'pinned', colorIndex: i + 1 }));
      if (run) runs.push({ description: run.description, history: run.history, heldOut: run.ready?.heldOut, kind: 'current' });
      const labels = differingLabels(runs.map((r) => r.description));
      runs.forEach((r, i) => { r.label = r.kind === 'previous' ? `previous: ${labels[i]}` : labels[i]; });
      return runs;
    },
    /** The runs of a curves CSV: the pinned ones, then `run` (the current one, or null). */
    exported(run, restoredEpoch) {
      /** @type {{ label: string, history: object[], restoredEpoch?: number | null }[]} */
      const runs = [...pinned.map((p, i) => ({ label: `pinned ${i + 1}: ${Object.values(p.description).join(' ')}`, history: p.history }))];
      if (run) runs.push({ label: `current: ${Object.values(run.description).join(' ')}`, history: run.history, restoredEpoch });
      return runs;
    },
  };
}
