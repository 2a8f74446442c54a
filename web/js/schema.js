// The core's settings schema as the page reads it (lab.schema; the rows are written once, in
// core/nn/spec_schema.hpp, core/train/settings_schema.hpp and core/data/data_schema.hpp). The URL
// table, the forms, their error texts and the sweeps take names, ranges and defaults from here.

/** @type {{schema: any, generators: any[]} | null} */
let installed = null;

/** Installs the loaded engine's schema; call once, before anything reads a row. */
export function useSchema(lab) {
  installed = { schema: lab.schema, generators: lab.generators };
}

function current() {
  if (!installed) throw new Error('[Schema] the engine is not loaded yet: call useSchema(lab) first');
  return installed;
}

/**
 * The row of `path` in `section` ('spec' | 'settings' | 'data'): {path, kind ('number' |
 * 'integer' | 'choice' | 'flag'), min, max, minOpen, maxOpen, default, allowed, choices, unit,
 * symbol, tex, description}.
 */
export function schemaRow(section, path) {
  const row = current().schema[section]?.[path];
  if (!row) throw new Error(`[Schema] no setting "${path}" in the ${section} section`);
  return row;
}

/** The names of a choice row, in the core's order. */
export const choiceNames = (row) => row.choices.map((c) => c.name);

/** Whether `x` is inside a number or integer row's range (open ends excluded). */
export function inRange(row, x) {
  if (!Number.isFinite(x) || (row.kind === 'integer' && !Number.isInteger(x))) return false;
  return (row.minOpen ? x > row.min : x >= row.min) && (row.maxOpen ? x < row.max : x <= row.max);
}

/** The optimizers: [{name, label, description, fullBatch, coefficients: [{key, text, tex, row}]}]. */
export function optimizers() {
  return schemaRow('settings', 'optimizer.name').choices.map((choice) => ({
    ...choice,
    coefficients: choice.uses.map((key) => {
      const row = schemaRow('settings', `optimizer.${key}`);
      return { key, text: row.symbol, tex: row.tex, row };
    }),
  }));
}

/** The optimizers that take one step on one mini-batch (all but the full-batch ones, lbfgs): the Step-through lab's. */
export const stepOptimizers = () => optimizers().filter((o) => !o.fullBatch);

/** Whether optimizer `name` works on the whole training set at every step (lbfgs). */
export const isFullBatch = (name) => optimizers().some((o) => o.name === name && o.fullBatch);

/** The coefficients optimizer `name` uses ([] for an unknown name): [{key, text, tex, row}]. */
export const coefficientsOf = (name) => optimizers().find((o) => o.name === name)?.coefficients ?? [];

/** Every coefficient an optimizer of `list` (default: all) may use, each once: [{key, text, tex, row}]. */
export function optimizerCoefficients(list = optimizers()) {
  const seen = new Map();
  for (const o of list) for (const c of o.coefficients) seen.set(c.key, c);
  return [...seen.values()];
}

/**
 * What any generator allows, for settings kept in a link before the dataset is known:
 * {samples: [min, max], noise: [0, max], classes: [min, max]}. Each generator narrows these.
 */
export function generatorBounds() {
  const generators = current().generators;
  const low = (pick) => Math.min(...generators.map(pick));
  const high = (pick) => Math.max(...generators.map(pick));
  return {
    samples: [low((g) => g.min_samples), high((g) => g.max_samples)],
    noise: [0, high((g) => g.max_noise)],
    classes: [low((g) => g.classes.min), high((g) => g.classes.max)],
  };
}
