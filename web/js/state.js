// The page state in the URL hash, driven by one table of properties (as tensorflow/playground's
// state.ts): each property knows its kind, default and allowed values. A copied link reproduces
// the view; a malformed or tampered hash falls back to defaults field by field, with a note.
import { OPTIMIZER_NAMES } from './optimizers.js';

/** Every property the hash can hold. Labs read and write only these. */
export const PROPERTIES = [
  { name: 'lab', owner: null, kind: 'enum', values: ['step', 'gradient', 'train'], fallback: 'step' },
  // Step-through lab
  { owner: 'step', name: 'preset', kind: 'enum', values: ['seed001', 'seed004', 'two_out', 'digits', 'train'], fallback: 'seed001' },
  { owner: 'step', name: 'step', kind: 'int', min: 0, max: 100000, fallback: 0 },
  { owner: 'step', name: 'sample', kind: 'int', min: 0, max: 100000, fallback: 0 },
  { owner: 'step', name: 'decimals', kind: 'int', min: 0, max: 10, fallback: 4 },
  { owner: 'step', name: 'params', kind: 'numbers', maxLength: 100000, fallback: null },
  { owner: 'step', name: 'input', kind: 'numbers', maxLength: 4096, fallback: null },
  { owner: 'step', name: 'target', kind: 'numbers', maxLength: 4096, fallback: null },
  { owner: 'step', name: 'lr', kind: 'number', min: 1e-9, max: 1000, fallback: null },
  // the optimizer and its coefficients (null: the core's default, shown from the trace)
  { owner: 'step', name: 'optimizer', kind: 'enum', values: OPTIMIZER_NAMES, fallback: null },
  { owner: 'step', name: 'momentum', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'step', name: 'rho', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'step', name: 'beta1', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'step', name: 'beta2', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'step', name: 'eps', kind: 'number', min: 1e-300, max: 1, fallback: null },
  // the optimizer state carried into this step (a trace's stateAfter: its vectors one after another, and t)
  { owner: 'step', name: 'ostate', kind: 'numbers', maxLength: 300000, fallback: null },
  { owner: 'step', name: 'ot', kind: 'int', min: 0, max: 1000000000, fallback: 0 },
  // Gradient-test lab
  { owner: 'gradient', name: 'gtarget', kind: 'enum', values: ['network', 'layer', 'softmax'], fallback: 'network' },
  { owner: 'gradient', name: 'gnet', kind: 'enum', values: ['tanh3', 'relu_res', 'leaky_deep', 'seed001'], fallback: 'tanh3' },
  { owner: 'gradient', name: 'glayer', kind: 'int', min: 0, max: 63, fallback: 0 },
  { owner: 'gradient', name: 'wrt', kind: 'enum', values: ['all', 'weights', 'biases', 'W', 'b', 'W1', 'b1', 'W2', 'input'], fallback: 'all' },
  { owner: 'gradient', name: 'eps0', kind: 'number', min: 1e-12, max: 10, fallback: 0.5 },
  { owner: 'gradient', name: 'K', kind: 'int', min: 3, max: 60, fallback: 20 },
  { owner: 'gradient', name: 'gseed', kind: 'int', min: 0, max: 1000000, fallback: 1 },
  { owner: 'gradient', name: 'bug', kind: 'enum', values: ['none', 'sigmoid_prime_is_sigma', 'tanh_prime_on_z', 'dW_missing_mean', 'relu_prime_wrong_side', 'delta_missing_transpose'], fallback: 'none' },
  // Train lab: null means "the dataset's recipe" (web/js/train/train-config.js)
  { owner: 'train', name: 'tdata', kind: 'enum', values: ['circles', 'xor', 'blobs', 'moons', 'spiral', 'peaks', 'swiss_roll', 'gmm', 'sine', 'polynomial', 'plane', 'least_squares', 'iris', 'iris_binary', 'digits', 'mnist', 'mnist_1k', 'csv'], fallback: 'circles' },
  { owner: 'train', name: 'tn', kind: 'int', min: 10, max: 100000, fallback: null },
  { owner: 'train', name: 'tnoise', kind: 'number', min: 0, max: 10, fallback: null },
  { owner: 'train', name: 'tclasses', kind: 'int', min: 2, max: 10, fallback: null },
  { owner: 'train', name: 'tdseed', kind: 'int', min: 0, max: 1000000, fallback: null },
  { owner: 'train', name: 'tlam', kind: 'number', min: 0, max: 100, fallback: null },
  { owner: 'train', name: 'tval', kind: 'number', min: 0, max: 0.8, fallback: null },
  { owner: 'train', name: 'ttest', kind: 'number', min: 0, max: 0.8, fallback: null },
  { owner: 'train', name: 'tscale', kind: 'enum', values: ['none', 'standardize', 'min_max'], fallback: null },
  { owner: 'train', name: 'tarch', kind: 'text', pattern: /^(|((d\d{1,4}|r)_[a-z_]+)(,(d\d{1,4}|r)_[a-z_]+)*)$/, maxLength: 400, fallback: null, allowed: 'hidden layers like d32_sigmoid,r_tanh' },
  { owner: 'train', name: 'tout', kind: 'enum', values: ['softmax_ce', 'sigmoid_bce', 'sigmoid_mse', 'identity_mse'], fallback: null },
  { owner: 'train', name: 'tbias', kind: 'enum', values: ['on', 'off'], fallback: null },
  { owner: 'train', name: 'tinit', kind: 'enum', values: ['zeros', 'uniform', 'normal', 'xavier', 'he'], fallback: null },
  { owner: 'train', name: 'tiscale', kind: 'number', min: 0, max: 100, fallback: null },
  { owner: 'train', name: 'topt', kind: 'enum', values: OPTIMIZER_NAMES, fallback: null },
  { owner: 'train', name: 'tmom', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'train', name: 'trho', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'train', name: 'tbeta1', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'train', name: 'tbeta2', kind: 'number', min: 0, max: 0.999999, fallback: null },
  { owner: 'train', name: 'tlr', kind: 'number', min: 1e-9, max: 1000, fallback: null },
  { owner: 'train', name: 'tbs', kind: 'int', min: 1, max: 100000, fallback: null },
  { owner: 'train', name: 'tep', kind: 'int', min: 1, max: 100000, fallback: null },
  { owner: 'train', name: 'tl2', kind: 'number', min: 0, max: 1000, fallback: null },
  { owner: 'train', name: 'tsfac', kind: 'number', min: 1e-6, max: 1, fallback: null },
  { owner: 'train', name: 'tsevery', kind: 'int', min: 1, max: 100000, fallback: null },
  { owner: 'train', name: 'tstop', kind: 'enum', values: ['off', 'val_loss', 'val_metric', 'train_loss_change'], fallback: null },
  { owner: 'train', name: 'tpat', kind: 'int', min: 0, max: 100000, fallback: null },
  { owner: 'train', name: 'tmind', kind: 'number', min: 0, max: 1000000, fallback: null },
  { owner: 'train', name: 'tlossview', kind: 'enum', values: ['mean', 'sum'], fallback: null, view: true },
  { owner: 'train', name: 'tmetrics', kind: 'enum', values: ['full', 'running'], fallback: null },
  { owner: 'train', name: 'tseed', kind: 'int', min: 0, max: 1000000, fallback: null },
  { owner: 'train', name: 'tbudget', kind: 'int', min: 1, max: 100000000, fallback: null, view: true },
  { owner: 'train', name: 'teval', kind: 'enum', values: ['train', 'validation', 'test'], fallback: null },
];

const byName = new Map(PROPERTIES.map((p) => [p.name, p]));

/** The lab that owns property `name` ('step' | 'gradient' | 'train'), or null. */
export function ownerOf(name) {
  return byName.get(name)?.owner ?? null;
}

/** The properties a lab owns. */
export function propertiesOf(owner) {
  return PROPERTIES.filter((p) => p.owner === owner);
}

/** The defaults of every property. */
export function defaults() {
  return Object.fromEntries(PROPERTIES.map((p) => [p.name, p.fallback]));
}

/** Parses one value; returns {value} or {error: 'what is allowed'}. */
function parseValue(property, text) {
  switch (property.kind) {
    case 'enum':
      return property.values.includes(text) ? { value: text } : { error: `one of ${property.values.join(', ')}` };
    case 'int': {
      const n = Number(text);
      return Number.isInteger(n) && n >= property.min && n <= property.max
        ? { value: n } : { error: `an integer in ${property.min}..${property.max}` };
    }
    case 'number': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= property.min && n <= property.max
        ? { value: n } : { error: `a number in ${property.min}..${property.max}` };
    }
    case 'numbers': {
      const parts = text.split(',');
      const values = parts.map(Number);
      return text !== '' && parts.length <= property.maxLength && values.every(Number.isFinite)
        ? { value: values } : { error: 'a comma-separated list of finite numbers' };
    }
    case 'text':
      return text.length <= property.maxLength && property.pattern.test(text)
        ? { value: text } : { error: property.allowed };
    default:
      return { error: 'a known kind' };
  }
}

/** Parses the text of property `name` (what a form field holds); returns {value} or {error: 'what is allowed'}. */
export function parseProperty(name, text) {
  return parseValue(byName.get(name), text);
}

/**
 * Parses a location hash ("#lab=step&preset=seed001…"). Unknown keys and bad values are dropped
 * one by one; `notes` says what was ignored so that the page can show it.
 */
export function parseHash(hash) {
  const state = defaults();
  const notes = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { state, notes };
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    let key;
    let raw;
    try {
      key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      raw = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    } catch {
      notes.push(`"${pair.slice(0, 40)}" is not valid in a link and was ignored`);
      continue;
    }
    const property = byName.get(key);
    if (!property) {
      notes.push(`"${key.slice(0, 40)}" is not a setting of this page and was ignored`);
      continue;
    }
    const parsed = parseValue(property, raw);
    if ('error' in parsed) {
      const fallback = property.fallback === null ? 'the preset\'s value' : String(property.fallback);
      notes.push(`${key} must be ${parsed.error}; got "${raw.slice(0, 40)}", so ${fallback} is used`);
    } else {
      state[key] = parsed.value;
    }
  }
  return { state, notes };
}

/** The hash for a state: only the properties that differ from their defaults. */
export function toHash(state) {
  const parts = [];
  for (const property of PROPERTIES) {
    const value = state[property.name];
    if (value === null || value === undefined || value === property.fallback) continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    parts.push(`${property.name}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  return `#${parts.join('&')}`;
}

/** Holds the state, writes it to the URL and tells subscribers what changed. */
export class StateStore {
  #state;
  #listeners = new Set();

  constructor(initial) { this.#state = { ...initial }; }

  /** The current state (a copy). */
  get state() { return { ...this.#state }; }

  /** Merges `changes`, updates the URL without a history entry, and notifies listeners. */
  set(changes) {
    for (const key of Object.keys(changes)) {
      if (!byName.has(key)) throw new Error(`[State] "${key}" is not a property of the page state`);
    }
    this.#state = { ...this.#state, ...changes };
    if (typeof window !== 'undefined') window.history.replaceState(null, '', toHash(this.#state));
    for (const listener of this.#listeners) listener(this.state, changes);
  }

  /** Calls listener(state, changes) after every set(); returns an unsubscribe function. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
