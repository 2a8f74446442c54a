// The Step-through lab's update operations, one per parameter: each optimizer's rule in LaTeX
// (docs/design.md, "Optimizers"), the same rule with the trace's numbers substituted, and the
// tables of the gradient, the optimizer state before and after, and the parameter before and after.
//
// Every number comes from the trace; coefficients are written as given, never combined.
import { coefficientsOf, schemaRow } from '../schema.js';

/**
 * The network's parameters in the lab's flat order (W row-major, then b, layer by layer) before or
 * after the traced step (`when`: 'before' | 'after'): the trace's updates come in that order.
 */
export const traceParameters = (trace, when) => trace.updates.flatMap((u) => Array.from(u[when].data));

/** How the core's state names are written in table captions. */
const STATE_TEXT = { v: 'v', s: 's', m: 'm', m_hat: 'm̂', v_hat: 'v̂' };

/** A setting (η, μ, ε, …) as given: 0.9, 0.001, 10^{-8}. */
export function texCoefficient(value) {
  const [mantissa, exponent] = String(value).split('e');
  if (exponent === undefined) return mantissa;
  const power = `10^{${Number(exponent)}}`;
  return mantissa === '1' ? power : `${mantissa} \\times ${power}`;
}

const find = (values, name) => values.find((v) => v.name === name);

/**
 * Per optimizer: the rule (symbolic lines, W the parameter, g its gradient) and the numbers as
 * [terms, result] pairs (the substituted right-hand side split into its terms), given M (a matrix
 * as LaTeX) and c (a coefficient as LaTeX). `u` is one entry of trace.updates.
 */
const RULES = {
  sgd: {
    rule: (W) => [`${W} &\\leftarrow ${W} - \\eta\\, g`],
    numbers: (u, M, c, { W, eta }) => [[[`${W} = ${M(u.before)}`, `- ${eta} \\cdot ${M(u.gradient)}`], M(u.after)]],
  },
  momentum: {
    rule: (W) => ['v &\\leftarrow \\mu\\, v - \\eta\\, g', `${W} &\\leftarrow ${W} + v`],
    numbers: (u, M, c, { W, eta, o }) => {
      const v0 = find(u.stateBefore, 'v');
      const v1 = find(u.stateAfter, 'v');
      return [
        [[`v = ${c(o.momentum)} ${M(v0)}`, `- ${eta} ${M(u.gradient)}`], M(v1)],
        [[`${W} = ${M(u.before)}`, `+ ${M(v1)}`], M(u.after)],
      ];
    },
  },
  nesterov: {
    rule: (W) => [
      'v_{\\text{prev}} &= v,\\quad v \\leftarrow \\mu\\, v - \\eta\\, g',
      `${W} &\\leftarrow ${W} - \\mu\\, v_{\\text{prev}} + (1 + \\mu)\\, v`,
    ],
    numbers: (u, M, c, { W, eta, o }) => {
      const v0 = find(u.stateBefore, 'v');
      const v1 = find(u.stateAfter, 'v');
      return [
        [[`v = ${c(o.momentum)} ${M(v0)}`, `- ${eta} ${M(u.gradient)}`], M(v1)],
        [[`${W} = ${M(u.before)}`, `- ${c(o.momentum)} ${M(v0)}`, `+ (1 + ${c(o.momentum)}) ${M(v1)}`], M(u.after)],
      ];
    },
  },
  rmsprop: {
    rule: (W) => [
      's &\\leftarrow \\rho\\, s + (1 - \\rho)\\, g \\odot g',
      `${W} &\\leftarrow ${W} - \\eta\\, g \\oslash \\left(\\sqrt{s} + \\varepsilon\\right)`,
    ],
    numbers: (u, M, c, { W, eta, o }) => {
      const s0 = find(u.stateBefore, 's');
      const s1 = find(u.stateAfter, 's');
      return [
        [[`s = ${c(o.rho)} ${M(s0)}`, `+ (1 - ${c(o.rho)}) ${M(u.gradient)}^{\\odot 2}`], M(s1)],
        [[`${W} = ${M(u.before)}`, `- ${eta} ${M(u.gradient)} \\oslash \\left(\\sqrt{${M(s1)}} + ${c(o.eps)}\\right)`], M(u.after)],
      ];
    },
  },
  adam: {
    rule: (W) => [
      't &\\leftarrow t + 1',
      'm &\\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g,\\quad v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g \\odot g',
      '\\hat{m} &= m / (1 - \\beta_1^{t}),\\quad \\hat{v} = v / (1 - \\beta_2^{t})',
      `${W} &\\leftarrow ${W} - \\eta\\, \\hat{m} \\oslash \\left(\\sqrt{\\hat{v}} + \\varepsilon\\right)`,
    ],
    numbers: (u, M, c, { W, eta, o, t0, t1 }) => {
      const [m0, v0] = [find(u.stateBefore, 'm'), find(u.stateBefore, 'v')];
      const [m1, v1] = [find(u.stateAfter, 'm'), find(u.stateAfter, 'v')];
      const [mHat, vHat] = [find(u.derived, 'm_hat'), find(u.derived, 'v_hat')];
      return [
        [[`t = ${t0} + 1`], `${t1}`],
        [[`m = ${c(o.beta1)} ${M(m0)}`, `+ (1 - ${c(o.beta1)}) ${M(u.gradient)}`], M(m1)],
        [[`v = ${c(o.beta2)} ${M(v0)}`, `+ (1 - ${c(o.beta2)}) ${M(u.gradient)}^{\\odot 2}`], M(v1)],
        [[`\\hat{m} = ${M(m1)} / (1 - ${c(o.beta1)}^{${t1}})`], M(mHat)],
        [[`\\hat{v} = ${M(v1)} / (1 - ${c(o.beta2)}^{${t1}})`], M(vHat)],
        [[`${W} = ${M(u.before)}`, `- ${eta} ${M(mHat)} \\oslash \\left(\\sqrt{${M(vHat)}} + ${c(o.eps)}\\right)`], M(u.after)],
      ];
    },
  },
};

/**
 * An optimizer without a worked rule here (one the core has added since) is still shown: its
 * update as the core names it, and every table of numbers; only the substituted formula is left out.
 */
const GENERIC_RULE = { rule: (W) => [`${W} &\\leftarrow \\operatorname{update}(${W}, g)`], numbers: null };

const aligned = (lines) => `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
/**
 * [terms, result] pairs aligned at "=", or, for wide matrices, every term and result on a line of
 * its own (a pair without a matrix, like t = 0 + 1 = 1, stays on one line).
 */
const substituted = (pairs, wide) => aligned(wide
  ? pairs.flatMap(([terms, result]) => (result.includes('matrix')
    ? [`& ${terms[0]}`, ...terms.slice(1).map((term) => `& \\qquad ${term}`), `& \\qquad = ${result}`]
    : [`& ${terms.join(' ')} = ${result}`]))
  : pairs.map(([terms, result]) => `${terms.join(' ')} &= ${result}`));

/**
 * The update operations of a trace: one per parameter, [{id, kind: 'update', layer, parameter,
 * title, tex, numbers, tables, result, resultName, before}]. `M(matrix)` writes a matrix into
 * the formula (a large one shortened); `sup(n)` writes a layer index as a superscript.
 */
export function updateOperations(trace, { M, sup }) {
  const o = trace.optimizerSettings;
  const rule = RULES[o.name] ?? GENERIC_RULE;
  const eta = texCoefficient(trace.learningRate);
  const t0 = trace.stateBefore.t;
  const t1 = trace.stateAfter.t;
  // the coefficients as given: \eta = 0.1,\; \beta_1 = 0.9, …
  const used = coefficientsOf(o.name);
  const coefficients = [{ tex: schemaRow('settings', 'learning_rate').tex, value: trace.learningRate }, ...used.map(({ key, tex }) => ({ tex, value: o[key] }))]
    .map(({ tex, value }) => `${tex} = ${texCoefficient(value)}`).join(',\\; ');
  const stepText = o.name === 'adam' ? `, t = ${t1}` : '';
  return trace.updates.map((u, i) => {
    const L = u.layer + 1;
    const W = u.name.length > 1 ? `${u.name[0]}_${u.name[1]}^{(${L})}` : `${u.name}^{(${L})}`;
    const state = (values, when) => values.map((v) => ({
      key: `${when}-${v.name}`,
      caption: `${STATE_TEXT[v.name] ?? v.name}${when === 'derived' ? '' : ` ${when}`}`,
      matrix: v,
    }));
    return {
      id: `update${i}`, kind: 'update', layer: u.layer, parameter: u.name,
      title: `Update ${u.name}${sup(L)} (${o.name}, η = ${trace.learningRate}${stepText})`,
      tex: aligned([`g &= \\frac{\\partial L}{\\partial ${W}}`, ...rule.rule(W), `\\text{with} &\\; ${coefficients}`]),
      numbers: rule.numbers ? substituted(rule.numbers(u, M, texCoefficient, { W, eta, o, t0, t1 }), u.before.cols > 1) : null,
      tables: [
        { key: 'gradient', caption: `g = ∂L/∂${u.name}${sup(L)}`, matrix: u.gradient },
        ...state(u.stateBefore, 'before'), ...state(u.stateAfter, 'after'), ...state(u.derived, 'derived'),
      ],
      result: u.after, resultName: `${u.name}${sup(L)} after`, before: u.before,
    };
  });
}
