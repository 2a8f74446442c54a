// A comparison as it travels in a link: the pinned runs, each written as the settings in which it
// differs from the link's own run (`tpins`), and the sweep's setting and values (`tsweep`). A
// teacher's link so opens with the comparison ready to run, and stays short.
import { parseProperty, properties } from '../state.js';
import { parseSweepValues, SWEEPS } from './train-runs.js';

/** Separators a link keeps as they are: between runs, between settings, between a name and its value. */
const RUN = '!';
const SETTING = '*';
const VALUE = '~';
/** A pinned run with the link's own settings. */
const SAME = 'same';

/** The Train-lab settings a pinned run is made of: what sets up a run (not views; the comparison is a view). */
function runSettings() {
  return properties().filter((p) => p.owner === 'train' && !p.view).map((p) => p.name);
}

/** `tpins` for pinned runs' states against the link's state `base`: each run's differing settings. */
export function encodePins(base, pinnedStates) {
  const names = runSettings();
  return pinnedStates.map((state) => names
    .filter((name) => state[name] !== base[name])
    .map((name) => `${name}${VALUE}${state[name] === null ? '' : String(state[name])}`)
    .join(SETTING) || SAME).join(RUN);
}

/**
 * The pinned runs' states of a link: {states} or {error} naming the run and the setting. An empty
 * setting ("tlr~") means the recipe's value; "same" is the link's own run.
 */
export function decodePins(base, text) {
  if (!text) return { states: [] };
  const names = new Set(runSettings());
  const states = [];
  for (const [i, run] of text.split(RUN).entries()) {
    const state = { ...base };
    for (const pair of run === SAME ? [] : run.split(SETTING)) {
      const at = pair.indexOf(VALUE);
      const name = at < 0 ? pair : pair.slice(0, at);
      if (!names.has(name)) return { error: `pinned run ${i + 1}: "${name.slice(0, 30)}" is not a Train-lab setting` };
      const raw = at < 0 ? '' : pair.slice(at + 1);
      if (raw === '') {
        state[name] = null;
        continue;
      }
      const parsed = parseProperty(name, raw);
      if ('error' in parsed) return { error: `pinned run ${i + 1}: ${name} must be ${parsed.error}; got "${raw.slice(0, 30)}"` };
      state[name] = parsed.value;
    }
    states.push(state);
  }
  return { states };
}

/** `tsweep` for a sweep of setting `key` over `values`. */
export function encodeSweep(key, values) {
  return `${key}${VALUE}${values.join(',')}`;
}

/** A link's sweep: {key, values}, {error}, or null when there is none. */
export function decodeSweep(text) {
  if (!text) return null;
  const at = text.indexOf(VALUE);
  const key = at < 0 ? text : text.slice(0, at);
  if (!SWEEPS[key]) return { error: `the sweep's setting must be one of ${Object.keys(SWEEPS).join(', ')}; got "${key.slice(0, 30)}"` };
  const parsed = parseSweepValues(key, at < 0 ? '' : text.slice(at + 1));
  return 'error' in parsed ? { error: `the sweep of ${SWEEPS[key].label}: ${parsed.error}` } : { key, values: parsed.values };
}
