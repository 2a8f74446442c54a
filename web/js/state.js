// The page state in the URL hash, driven by one table of properties (as tensorflow/playground's
// state.ts): each property knows the lab that owns it, its kind, default and allowed values. A
// property that stands for a core setting names its schema row and takes its kind, range, choices
// and error text from it (schema.js); only the page's own properties (presets, views) carry a
// rule here. A copied link reproduces the view; a malformed or tampered hash falls back to
// defaults field by field, with a note.
import { choiceNames, generatorBounds, inRange, schemaRow } from './schema.js';
import { RECIPES, TASKS } from './train/train-config.js';
import { GALLERY_MODES } from './engine/training-session.js';
import { POOL_MOST_WORKERS } from './train/train-pool.js';
import { GRID_SCORES } from './train/train-grid.js';
import { STEP_PRESETS } from './step/step-presets.js';
import { EXERCISE_IDS } from './check/exercises.js';
import { MAX_VARIANT } from './check/variants.js';

export const LABS = ['step', 'gradient', 'train', 'check'];
/** A property's default that is its schema row's default. */
const ROW_DEFAULT = Symbol('the schema row\'s default');
/** The longest parameter list and input or target vector a link may carry (page limits, not the core's). */
const LINK_PARAMETERS = 100000;
const LINK_VECTOR = 4096;
const LAB = { name: 'lab', owner: null, kind: 'enum', values: LABS, fallback: 'step' };
/** How the page is drawn: 'projector' gives larger type, thicker lines and larger points (lab.css). */
const VIEW = { name: 'view', owner: null, kind: 'enum', values: ['normal', 'projector'], fallback: 'normal' };
/** The page's own properties, owned by no lab and read before the engine (and so the schema) is loaded. */
const PAGE = [LAB, VIEW];

/**
 * Every property the hash can hold; labs read and write only these. `row: [section, path]`
 * names the core setting a property stands for; `fallback: null` means "the preset's or the
 * recipe's value".
 */
const TABLE = [
  ...PAGE,
  // Step-through lab
  { owner: 'step', name: 'preset', kind: 'enum', values: () => [...Object.keys(STEP_PRESETS).filter((id) => id !== 'train'), 'train'], fallback: 'seed001' },
  // the operation shown, counted from 1 as the page shows it ("operation 13 of 18" is op=13);
  // older links said step=12 for it, counted from 0, and still open the same operation
  { owner: 'step', name: 'op', kind: 'int', min: 1, max: 100000, fallback: 1, legacy: { name: 'step', read: fromZeroBased } },
  { owner: 'step', name: 'sample', kind: 'int', min: 0, max: 100000, fallback: 0 },
  { owner: 'step', name: 'decimals', kind: 'int', min: 0, max: 10, fallback: 4 },
  { owner: 'step', name: 'params', kind: 'numbers', maxLength: LINK_PARAMETERS, fallback: null },
  { owner: 'step', name: 'input', kind: 'numbers', maxLength: LINK_VECTOR, fallback: null },
  { owner: 'step', name: 'target', kind: 'numbers', maxLength: LINK_VECTOR, fallback: null },
  { owner: 'step', name: 'lr', row: ['settings', 'learning_rate'], fallback: null },
  // the optimizer and its coefficients (null: the core's default, shown from the trace)
  { owner: 'step', name: 'optimizer', row: ['settings', 'optimizer.name'], fallback: null },
  { owner: 'step', name: 'momentum', row: ['settings', 'optimizer.momentum'], fallback: null },
  { owner: 'step', name: 'rho', row: ['settings', 'optimizer.rho'], fallback: null },
  { owner: 'step', name: 'beta1', row: ['settings', 'optimizer.beta1'], fallback: null },
  { owner: 'step', name: 'beta2', row: ['settings', 'optimizer.beta2'], fallback: null },
  { owner: 'step', name: 'eps', row: ['settings', 'optimizer.eps'], fallback: null },
  // the optimizer state carried into this step (a trace's stateAfter: its vectors one after another, and t)
  { owner: 'step', name: 'ostate', kind: 'numbers', maxLength: 300000, fallback: null },
  { owner: 'step', name: 'ot', kind: 'int', min: 0, max: 1000000000, fallback: 0 },
  // a network handed over from the Train lab (step/handed-over.js): spec and origin, weights, sample
  { owner: 'step', name: 'hnet', kind: 'text', pattern: /^[a-z0-9_.,+~-]*$/i, maxLength: 2000, fallback: null, allowed: 'a handed-over network\'s description (made by "Open in Step-through")' },
  { owner: 'step', name: 'hw', kind: 'numbers', maxLength: LINK_PARAMETERS, fallback: null },
  { owner: 'step', name: 'hx', kind: 'numbers', maxLength: LINK_VECTOR, fallback: null },
  { owner: 'step', name: 'hy', kind: 'numbers', maxLength: LINK_VECTOR, fallback: null },
  // Gradient-test lab
  { owner: 'gradient', name: 'gtarget', kind: 'enum', values: ['network', 'layer', 'softmax'], fallback: 'network' },
  { owner: 'gradient', name: 'gnet', kind: 'enum', values: ['tanh3', 'relu_res', 'leaky_deep', 'seed001'], fallback: 'tanh3' },
  { owner: 'gradient', name: 'glayer', kind: 'int', min: 0, max: () => schemaRow('spec', 'layers').max - 1, fallback: 0 },
  { owner: 'gradient', name: 'wrt', row: ['check', 'check.wrt'], fallback: ROW_DEFAULT },
  { owner: 'gradient', name: 'eps0', row: ['check', 'check.epsilon0'], fallback: ROW_DEFAULT },
  // the lab draws 20 points by default (the core's API default is fewer)
  { owner: 'gradient', name: 'K', row: ['check', 'check.iterations'], fallback: 20 },
  { owner: 'gradient', name: 'gseed', row: ['check', 'check.seed'], fallback: ROW_DEFAULT },
  { owner: 'gradient', name: 'bug', row: ['check', 'check.bug'], fallback: ROW_DEFAULT },
  // Train lab: null means "the dataset's recipe" (web/js/train/train-config.js)
  { owner: 'train', name: 'tdata', kind: 'enum', values: () => Object.keys(RECIPES), fallback: 'circles' },
  { owner: 'train', name: 'tn', kind: 'int', min: () => generatorBounds().samples[0], max: () => generatorBounds().samples[1], fallback: null },
  { owner: 'train', name: 'tnoise', kind: 'number', min: 0, max: () => generatorBounds().noise[1], fallback: null },
  { owner: 'train', name: 'tclasses', kind: 'int', min: () => generatorBounds().classes[0], max: () => generatorBounds().classes[1], fallback: null },
  { owner: 'train', name: 'tdseed', row: ['data', 'generator.seed'], fallback: null },
  { owner: 'train', name: 'tlam', row: ['data', 'generator.lambda'], fallback: null },
  // the classes kept, by number, in the order they are renumbered 0..k−1 (train/train-classes.js)
  { owner: 'train', name: 'tcls', kind: 'text', pattern: /^\d{1,3}(,\d{1,3}){1,99}$/, maxLength: 400, fallback: null, allowed: 'two or more class numbers in the order wanted, like 6,5' },
  // the task: null is the dataset's own; 'reconstruct' an autoencoder's (train/train-config.js TASKS)
  { owner: 'train', name: 'ttask', kind: 'enum', values: () => Object.keys(TASKS), fallback: null },
  { owner: 'train', name: 'tval', row: ['data', 'split.validation'], fallback: null },
  { owner: 'train', name: 'ttest', row: ['data', 'split.test'], fallback: null },
  { owner: 'train', name: 'tscale', row: ['data', 'scaling'], fallback: null },
  { owner: 'train', name: 'tarch', kind: 'text', pattern: /^(|((d\d{1,4}|r)_[a-z_]+)(,(d\d{1,4}|r)_[a-z_]+)*)$/, maxLength: 400, fallback: null, allowed: 'hidden layers like d32_sigmoid,r_tanh' },
  { owner: 'train', name: 'tout', kind: 'enum', values: ['softmax_ce', 'sigmoid_bce', 'sigmoid_mse', 'identity_mse'], fallback: null },
  { owner: 'train', name: 'tbias', kind: 'enum', values: ['on', 'off'], fallback: null },
  { owner: 'train', name: 'tinit', row: ['spec', 'init.scheme'], fallback: null },
  { owner: 'train', name: 'tiscale', row: ['spec', 'init.scale'], fallback: null },
  { owner: 'train', name: 'topt', row: ['settings', 'optimizer.name'], fallback: null },
  { owner: 'train', name: 'tmom', row: ['settings', 'optimizer.momentum'], fallback: null },
  { owner: 'train', name: 'trho', row: ['settings', 'optimizer.rho'], fallback: null },
  { owner: 'train', name: 'tbeta1', row: ['settings', 'optimizer.beta1'], fallback: null },
  { owner: 'train', name: 'tbeta2', row: ['settings', 'optimizer.beta2'], fallback: null },
  { owner: 'train', name: 'tmem', row: ['settings', 'optimizer.memory'], fallback: null },
  { owner: 'train', name: 'tlr', row: ['settings', 'learning_rate'], fallback: null },
  { owner: 'train', name: 'tbs', row: ['settings', 'batch_size'], fallback: null },
  { owner: 'train', name: 'tep', row: ['settings', 'epochs'], fallback: null },
  { owner: 'train', name: 'tl2', row: ['spec', 'l2'], fallback: null },
  { owner: 'train', name: 'tsfac', row: ['settings', 'lr_schedule.factor'], fallback: null },
  { owner: 'train', name: 'tsevery', row: ['settings', 'lr_schedule.every'], fallback: null },
  // 'off' or what early stopping watches
  { owner: 'train', name: 'tstop', kind: 'enum', values: () => ['off', ...choiceNames(schemaRow('settings', 'early_stopping.metric'))], fallback: null },
  { owner: 'train', name: 'tpat', row: ['settings', 'early_stopping.patience'], fallback: null },
  { owner: 'train', name: 'tmind', row: ['settings', 'early_stopping.min_delta'], fallback: null },
  { owner: 'train', name: 'tlossview', kind: 'enum', values: ['mean', 'sum'], fallback: null, view: true },
  { owner: 'train', name: 'tmetrics', row: ['settings', 'epoch_metrics'], fallback: null },
  { owner: 'train', name: 'tseed', row: ['settings', 'seed'], fallback: null },
  { owner: 'train', name: 'tbudget', kind: 'int', min: 1, max: 100000000, fallback: null, view: true },
  // a comparison (train/train-comparison.js): pinned runs as their differing settings, a sweep, start at once
  { owner: 'train', name: 'tpins', kind: 'text', pattern: /^[a-z0-9_.,~*!+-]*$/i, maxLength: 2000, fallback: null, view: true, allowed: 'pinned runs like tlr~0.1!tlr~0.3*tep~20' },
  { owner: 'train', name: 'tsweep', kind: 'text', pattern: /^[a-z0-9_]+~[a-z0-9_.,+-]*$/i, maxLength: 400, fallback: null, view: true, allowed: 'a sweep like lr~0.01,0.1,1 or activation~sigmoid,relu' },
  { owner: 'train', name: 'tstart', kind: 'enum', values: ['click', 'now'], fallback: 'click', view: true },
  // a grid search (train/train-grid.js): two settings and their values, and the score it is coloured by;
  // tfolds: the folds of cross-validation of a sweep or a grid (null: none)
  { owner: 'train', name: 'tgrid', kind: 'text', pattern: /^[a-z0-9_]+~[a-z0-9_.,+-]*![a-z0-9_]+~[a-z0-9_.,+-]*$/i, maxLength: 600, fallback: null, view: true, allowed: 'a grid like lr~0.01,0.1!batch~16,64' },
  { owner: 'train', name: 'tfolds', row: ['data', 'split.folds'], fallback: null, view: true },
  { owner: 'train', name: 'tgscore', kind: 'enum', values: () => Object.keys(GRID_SCORES), fallback: null, view: true },
  // the workers a sweep trains on (null: as many as the cores allow; train/train-pool.js)
  { owner: 'train', name: 'tworkers', kind: 'int', min: 1, max: POOL_MOST_WORKERS, fallback: null, view: true },
  { owner: 'train', name: 'teval', kind: 'enum', values: ['train', 'validation', 'test'], fallback: null },
  // image datasets: the gallery shows the first images of the scored part or only its mistakes
  { owner: 'train', name: 'timages', kind: 'enum', values: GALLERY_MODES, fallback: 'first', view: true },
  // Check-your-work lab: the exercise shown, the variant's seed (0: the seeds' own numbers) and a
  // teacher's set of exercises (null: all of them)
  { owner: 'check', name: 'cex', kind: 'enum', values: EXERCISE_IDS, fallback: EXERCISE_IDS[0] },
  { owner: 'check', name: 'cseed', kind: 'int', min: 0, max: MAX_VARIANT, fallback: 0 },
  { owner: 'check', name: 'cset', kind: 'text', pattern: new RegExp(`^(${EXERCISE_IDS.join('|')})(,(${EXERCISE_IDS.join('|')}))*$`), maxLength: 400, fallback: null, allowed: `exercises separated by commas, from ${EXERCISE_IDS.join(', ')}` },
];

/** An index counted from 0 in an older link, as the same index counted from 1 (anything else is left to the check). */
function fromZeroBased(text) {
  return /^\d{1,9}$/.test(text) ? String(Number(text) + 1) : text;
}

const KINDS = { number: 'number', integer: 'int', choice: 'enum' };
const resolve = (value) => (typeof value === 'function' ? value() : value);

/** A table entry with its rule filled in: from its schema row, or its own (functions called). */
function complete(entry) {
  if (!entry.row) {
    return { ...entry, values: resolve(entry.values), min: resolve(entry.min), max: resolve(entry.max) };
  }
  const row = schemaRow(...entry.row);
  const rule = { kind: KINDS[row.kind], allowed: row.allowed, row, fallback: entry.fallback === ROW_DEFAULT ? row.default : entry.fallback };
  if (row.kind === 'choice') return { ...entry, ...rule, values: choiceNames(row) };
  return { ...entry, ...rule, min: row.min, max: row.max, minOpen: row.minOpen, maxOpen: row.maxOpen };
}

let completed = null;
let byName = new Map(PAGE.map((p) => [p.name, p]));

/** Every property with its rule; needs the schema (useSchema) except for the page's own (PAGE). */
export function properties() {
  if (!completed) {
    completed = TABLE.map(complete);
    byName = new Map(completed.map((p) => [p.name, p]));
  }
  return completed;
}

/** The lab that owns property `name` ('step' | 'gradient' | 'train'), or null (a page property, or no property). */
export function ownerOf(name) {
  return TABLE.find((p) => p.name === name)?.owner ?? null;
}

/** Whether `name` is a property of the page state. */
export const isProperty = (name) => TABLE.some((p) => p.name === name);

/** The properties a lab owns. */
export function propertiesOf(owner) {
  return properties().filter((p) => p.owner === owner);
}

/** The defaults of every property. */
export function defaults() {
  return Object.fromEntries(properties().map((p) => [p.name, p.fallback]));
}

/** The page's own properties in a hash ({lab, view}), read before the engine (and so the schema) is loaded. */
export function pageOfHash(hash) {
  const search = new URLSearchParams(hash.replace(/^#/, ''));
  return Object.fromEntries(PAGE.map((p) => [p.name, p.values.includes(search.get(p.name)) ? search.get(p.name) : p.fallback]));
}

/** Parses one value; returns {value} or {error: 'what is allowed'}. */
function parseValue(property, text) {
  switch (property.kind) {
    case 'enum':
      return property.values.includes(text) ? { value: text } : { error: property.allowed ?? `one of ${property.values.join(', ')}` };
    case 'int':
    case 'number': {
      const n = Number(text);
      const range = { ...property, kind: property.kind === 'int' ? 'integer' : 'number' };
      return text !== '' && inRange(range, n)
        ? { value: n } : { error: property.allowed ?? `${property.kind === 'int' ? 'an integer' : 'a number'} in ${property.min}..${property.max}` };
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
  properties();
  return parseValue(byName.get(name), text);
}

/**
 * Parses a location hash ("#lab=step&preset=seed001…"). Unknown keys and bad values are dropped
 * one by one; `notes` says what was ignored so that the page can show it.
 */
export function parseHash(hash) {
  properties();
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
    // a name that older links used is read as the property it became
    const renamed = byName.has(key) ? null : properties().find((p) => p.legacy?.name === key);
    const property = renamed ?? byName.get(key);
    if (!property) {
      notes.push(`"${key.slice(0, 40)}" is not a setting of this page and was ignored`);
      continue;
    }
    const parsed = parseValue(property, renamed ? renamed.legacy.read(raw) : raw);
    if ('error' in parsed) {
      const fallback = property.fallback === null ? 'the preset\'s value' : String(property.fallback);
      const name = renamed ? `${key} (now ${property.name})` : key;
      notes.push(`${name} must be ${parsed.error}; got "${raw.slice(0, 40)}", so ${fallback} is used`);
    } else {
      state[property.name] = parsed.value;
    }
  }
  return { state, notes };
}

/** The hash for a state: only the properties that differ from their defaults. */
export function toHash(state) {
  const parts = [];
  for (const property of properties()) {
    const value = state[property.name];
    if (value === null || value === undefined || value === property.fallback) continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    parts.push(`${property.name}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  return `#${parts.join('&')}`;
}

/** The properties of `next` whose values differ from `current`'s (lists compared by their numbers). */
export function changedProperties(current, next) {
  const same = (a, b) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => Object.is(v, b[i])) : Object.is(a, b));
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !same(value, current[key])));
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
      if (!isProperty(key)) throw new Error(`[State] "${key}" is not a property of the page state`);
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
