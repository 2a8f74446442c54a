// The optimizers as the page names them, and the coefficients each one's update rule uses (the
// core's field names of the training settings, docs/design.md, "Optimizers"). The URL-state table,
// the Train lab's form and the Step-through lab read them from here.

/** Optimizer name → label, in the order the page lists them. */
export const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'SGD + momentum', nesterov: 'Nesterov momentum', rmsprop: 'RMSProp', adam: 'Adam' };

/** The optimizer names of the training settings. */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZER_LABELS);

/** Per optimizer, the coefficients its rule uses: [{key (the settings field), text and tex (its symbol)}]. */
const MU = { key: 'momentum', text: 'μ', tex: '\\mu' };
const EPS = { key: 'eps', text: 'ε', tex: '\\varepsilon' };
export const OPTIMIZER_COEFFICIENTS = {
  sgd: [],
  momentum: [MU],
  nesterov: [MU],
  rmsprop: [{ key: 'rho', text: 'ρ', tex: '\\rho' }, EPS],
  adam: [{ key: 'beta1', text: 'β₁', tex: '\\beta_1' }, { key: 'beta2', text: 'β₂', tex: '\\beta_2' }, EPS],
};
