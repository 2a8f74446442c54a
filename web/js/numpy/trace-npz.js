// A training step of the lab as a NumPy .npz (issue 18, item 5): the spec, the weights, the batch
// and every number the step computed (z, a, f′(z), δ, dW, db per layer, the loss, the updated
// weights), named as the seeds name them, with a README array that says which is which and in
// which orientation. A student compares their own NumPy code against it array by array.
import { npyNumbers, npyText } from './npy.js';

/** Where the page finds fflate (web/vendor, copied from node_modules by scripts/vendor.mjs). */
const FFLATE_URL = new URL('../../vendor/fflate.js', import.meta.url).href;

/** What each backward quantity of a trace is, for the README. */
const MEANING = {
  z: 'pre-activation z = W a_prev + b',
  a: 'activation a = f(z)',
  fprime: 'f′(z), elementwise',
  delta: 'δ = ∂L/∂z',
  dW: '∂L/∂W = δ a_prevᵀ (a mean through δ; + λW with an L2 penalty)',
  db: '∂L/∂b = δ summed over the batch',
  grad_in: '∂L/∂a_prev = Wᵀ δ, handed to the layer below',
};

/**
 * The name of quantity `base` of layer `k` (1-based): W1, z2, delta3 for a dense layer, as the
 * seeds write them; a residual block's own parameters W1, b1, W2 get its number first (L2_W1).
 */
function arrayName(layer, base, k, suffix = '') {
  return layer.type === 'residual' ? `L${k}_${base}${suffix}` : `${base}${k}${suffix}`;
}

const matrix = ({ rows, cols, data }) => ({ shape: [rows, cols], data });

/**
 * The arrays of `trace` (Network.trace) of the network built from `spec`: {name: {shape, data}}
 * for numbers, in the order the step computes them and in the lab's orientation (a batch is features × samples, W is out × in), plus the
 * README and the spec as texts. Returns {arrays, texts}.
 */
export function traceArrays(trace, spec) {
  // in the order the step computes them: the batch and weights, the forward pass, the loss, the
  // backward pass from the last layer down, the update (so the first array that disagrees is
  // where a student's mistake starts)
  const arrays = {};
  arrays.X = matrix(trace.input);
  arrays.Y = matrix(trace.target);
  for (const u of trace.updates) arrays[arrayName(trace.layers[u.layer], u.name, u.layer + 1)] = matrix(u.before);
  for (const layer of trace.layers) {
    for (const m of layer.forward) arrays[arrayName(layer, m.name, layer.index + 1)] = matrix(m);
  }
  arrays.output = matrix(trace.output);
  arrays.loss = { shape: [], data: [trace.loss.total] };
  arrays.loss_data = { shape: [], data: [trace.loss.data] };
  arrays.dL_doutput = matrix(trace.outputGradient);
  for (const layer of [...trace.layers].reverse()) {
    for (const m of layer.backward) arrays[arrayName(layer, m.name, layer.index + 1)] = matrix(m);
  }
  arrays.learning_rate = { shape: [], data: [trace.learningRate] };
  for (const u of trace.updates) arrays[arrayName(trace.layers[u.layer], u.name, u.layer + 1, '_new')] = matrix(u.after);
  arrays.loss_after = { shape: [], data: [trace.lossAfter.total] };
  return { arrays, texts: { README: readme(trace, spec, arrays), spec: JSON.stringify(spec, null, 1) } };
}

function readme(trace, spec, arrays) {
  const samples = trace.input.cols;
  const lines = [
    'Backprop Lab: one training step, for checking your own NumPy code.',
    '',
    `Network: ${spec.input} inputs, ${spec.layers.map((l) => (l.type === 'residual' ? `residual(${l.activation})` : `${l.units} ${l.activation}`)).join(', ')}; loss ${trace.lossName}; ${trace.optimizer} with learning rate ${trace.learningRate}; a batch of ${samples} sample${samples === 1 ? '' : 's'}.`,
    '',
    'Orientation: every batch is (features x samples), one COLUMN per sample, and W is (out x in),',
    'so z = W @ a_prev + b with b of shape (out, 1). If your code keeps one ROW per sample',
    '(X of shape (samples, features), W of shape (in, out)), compare with the transposes: X.T, W1.T, z1.T, ...',
    '',
    'The loss is the mean over the batch (L2 penalty included in "loss", not in "loss_data"),',
    'so every gradient below is of that mean.',
    '',
    'd = np.load("this-file.npz"); d["README"].item() prints this text; d["spec"].item() is the network as JSON.',
    '',
    'Arrays:',
  ];
  for (const [name, { shape }] of Object.entries(arrays)) {
    lines.push(`  ${name.padEnd(14)} ${`(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`.padEnd(12)} ${describeArray(name, trace)}`);
  }
  return lines.join('\n');
}

/** A dense layer's or the step's array `name` in words. */
function describe(name, trace) {
  // W2, delta1, W1_new; a residual block's L2_W1: layer 2's own W1
  const m = /^(?:L(\d+)_)?([a-zA-Z_]+?)(\d*)(_new)?$/.exec(name);
  const base = m?.[2];
  const layer = m?.[1] ?? m?.[3];
  const own = m?.[1] ? `${base}${m[3]}` : base;
  if (name === 'X') return 'the inputs of the batch';
  if (name === 'Y') return 'the targets (one-hot for classes)';
  if (name === 'output') return 'the network\'s output for the batch';
  if (name === 'dL_doutput') return trace.outputGradientIsDelta ? '∂L/∂z of the output layer (softmax or sigmoid fused with its cross-entropy)' : '∂L/∂a of the output layer';
  if (name === 'loss') return 'the loss before the step';
  if (name === 'loss_data') return 'the loss before the step without the penalty';
  if (name === 'loss_after') return 'the loss of the same batch after the step';
  if (name === 'learning_rate') return 'η';
  if (m?.[4]) return `layer ${layer}'s ${own} after the step`;
  if (base === 'W' || base === 'b') return `layer ${layer}'s ${own} (${base === 'W' ? 'weights' : 'biases'}) before the step`;
  return MEANING[base] ? `layer ${layer}: ${MEANING[base]}` : '';
}

/** What array `name` of traceArrays(trace) is, in words (the README's line). */
export function describeArray(name, trace) {
  return /^L\d+_/.test(name) && !/_(W|b)\d*(_new)?$/.test(name)
    ? `layer ${/^L(\d+)/.exec(name)[1]} (a residual block): its ${name.replace(/^L\d+_/, '')}, as the Step-through lab shows it`
    : describe(name, trace);
}

/** The .npz file (a zip of .npy files, as np.savez writes) of `traceArrays`'s result. */
export async function npzBytes({ arrays, texts }) {
  const { zipSync } = await import(FFLATE_URL);
  const files = {};
  for (const [name, array] of Object.entries(arrays)) files[`${name}.npy`] = npyNumbers(array);
  for (const [name, text] of Object.entries(texts)) files[`${name}.npy`] = npyText(text);
  return zipSync(files, { level: 6 });
}
