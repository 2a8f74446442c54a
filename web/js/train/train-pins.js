// The runs the Train lab's curves compare with the current one: the last replaced run (drawn as
// "previous") and up to eight pinned runs, each with an id and a colour that it keeps while shown,
// a legend label naming only the settings that differ between the runs shown, and the runs a
// curves CSV export holds.
import { differingLabels } from './train-runs.js';

const MOST_PINNED = 8;

/** Returns {keepAsPrevious(run), pin(run), pinRecord(record), states(), unpin(id), shown(run), exported(run, restoredEpoch)}. */
export function createRunPins() {
  let previous = null; // the last replaced, unpinned run {id, description, history, heldOut}
  const pinned = []; // [{id, colorIndex, state, description, history, heldOut, metricName}]
  let lastId = 0;
  const runIds = new WeakMap(); // the current run object → its id, kept across a reset

  return {
    /** Before `run`'s curves are replaced: they stay as the "previous" run, unless pinned. */
    keepAsPrevious(run) {
      if (!run?.history.length) return;
      previous = run.pinned ? null : { id: `previous-${(lastId += 1)}`, description: run.description, history: run.history, heldOut: run.ready?.heldOut, metricName: run.ready?.metricName };
    },
    /**
     * Pins a copy of `run`'s curves (the oldest pin goes beyond eight); false when it has none.
     * A pin's colour is the first one no other pin has (1 to 8; 0 is the current run's).
     */
    pin(run) {
      if (!run?.history.length) return false;
      this.pinRecord({ state: run.state, description: run.description, history: run.history.slice(), heldOut: run.ready.heldOut, metricName: run.ready.metricName });
      run.pinned = true; // a pinned run is not shown again as the "previous" run
      return true;
    },
    /** Pins a run trained elsewhere (a link's comparison): {state, description, history, heldOut, metricName}. */
    pinRecord(record) {
      if (pinned.length >= MOST_PINNED) pinned.shift();
      const used = new Set(pinned.map((p) => p.colorIndex));
      let colorIndex = 1;
      while (used.has(colorIndex)) colorIndex += 1;
      pinned.push({ id: `pinned-${(lastId += 1)}`, colorIndex, ...record });
    },
    /** The page states of the pinned runs, oldest first (a link's comparison is made of them). */
    states() {
      return pinned.map((p) => p.state);
    },
    /** Unpins the pinned run with this id. */
    unpin(id) {
      const i = pinned.findIndex((p) => p.id === id);
      if (i >= 0) pinned.splice(i, 1);
    },
    /**
     * The runs to draw, previous first and `run` (the current one, or null) last, each with its
     * id, kind ('previous' | 'pinned' | 'current') and label. A run scored by another metric than
     * the current one (accuracy against R²) is left out, and counted in the array's `otherMetric`.
     */
    shown(run) {
      /** @type {any[] & { otherMetric?: number }} */
      const runs = [];
      const metric = run?.ready?.metricName;
      const comparable = (r) => !metric || !r.metricName || r.metricName === metric;
      if (previous && comparable(previous)) runs.push({ ...previous, kind: 'previous' });
      pinned.filter(comparable).forEach((p) => runs.push({ ...p, kind: 'pinned' }));
      runs.otherMetric = (previous && !comparable(previous) ? 1 : 0) + pinned.filter((p) => !comparable(p)).length;
      if (run) {
        if (!runIds.has(run)) runIds.set(run, `current-${(lastId += 1)}`);
        runs.push({ id: runIds.get(run), description: run.description, history: run.history, heldOut: run.ready?.heldOut, kind: 'current', colorIndex: 0 });
      }
      const labels = differingLabels(runs.map((r) => r.description));
      runs.forEach((r, i) => { r.label = labels[i]; });
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
