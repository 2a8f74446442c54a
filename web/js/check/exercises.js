// The "Check your work" lab's exercises (issue 18, part 1): the seeds' hand-worked questions, each
// on a Step-through preset's network, with its questions, the array of the traced step that
// answers each, and the likely mistakes a wrong answer is tested against (besides the core's
// teaching bugs and the slips numpy/compare.js knows). Only data and pure functions: every number
// an answer is checked against is computed by the core (check/exercise-run.js).
import { STEP_PRESETS } from '../step/step-presets.js';
import { generator } from './variants.js';

/** A list of arrays as one flat array (the order a question asks its numbers in). */
const concat = (...arrays) => ({ shape: [arrays.reduce((n, a) => n + a.data.length, 0)], data: arrays.flatMap((a) => Array.from(a.data)) });
/** The transpose of a 2-D array (the seed's in × out orientation of the lab's out × in). */
export function transposed({ shape, data }) {
  if (shape.length !== 2) return { shape, data };
  const [rows, cols] = shape;
  return { shape: [cols, rows], data: Array.from({ length: data.length }, (_, k) => data[(k % rows) * cols + Math.floor(k / rows)]) };
}
const minus = (a, b) => ({ shape: a.shape, data: Array.from(a.data, (v, k) => v - b.data[k]) });
const scaled = (a, f) => ({ shape: a.shape, data: Array.from(a.data, (v) => f(v)) });
const from = (name) => (arrays) => arrays[name];

/** The preset's own numbers (variant 0) or a variant's: {parameters, samples, learningRate}. */
const own = (preset) => ({ parameters: STEP_PRESETS[preset].parameters, samples: STEP_PRESETS[preset].samples, learningRate: STEP_PRESETS[preset].learningRate });

/**
 * The exercises, in the order the lab lists them. Each: id (in links), source (the seed and
 * question), title, preset (a Step-through preset: the network, and where the worked step opens),
 * intro, seedOrientation (true: the seed writes W as in × out, so W is shown and asked that way),
 * forwardOnly (true: only the input is given, no target or η), variant(g) (new numbers from a
 * generator) or sameNumbersAs (the exercise whose numbers it shares), questions. A question: id,
 * ask (what to give, with its shape), decimals (an answer is right within half a unit of the last one), step (which
 * sample's step, from 0), pick(arrays) (the lab's answer from the step's arrays), op (the
 * Step-through operation that works it), likely: [{text, pick}] mistakes it is tested against.
 */
export const EXERCISES = [
  {
    id: 's001-forward',
    source: 'Seed 001, Q1.1',
    title: 'The forward pass of a 2-3-1 sigmoid network',
    preset: 'seed001',
    seedOrientation: true,
    forwardOnly: true,
    intro: 'Both layers use the sigmoid σ(x) = 1/(1 + e⁻ˣ). As in the seed, w_ij joins node i of the previous layer to node j of this one, so z⁽¹⁾ = (a⁽⁰⁾)ᵀ w⁽¹⁾ + b⁽¹⁾.',
    variant: (g) => ({
      // the lab's order: W⁽¹⁾ (3 × 2, out × in) row by row, b⁽¹⁾, W⁽²⁾ (1 × 3), b⁽²⁾
      parameters: [...g.tenths(6, -0.9, 0.9), ...g.tenths(3, -1, 1), ...g.tenths(3, -0.9, 0.9), g.tenth(-1, 1)],
      samples: [{ input: [g.pick([-1, 1, 2]), g.pick([-1, 1, 2])], target: [g.pick([0, 1])] }],
      learningRate: 0.1,
    }),
    questions: [
      {
        id: 'z1', ask: 'z⁽¹⁾, the hidden layer before the sigmoid (3 numbers)', decimals: 4, pick: from('z1'), op: 'z1',
        likely: [{ text: 'this is (a⁽⁰⁾)ᵀ w⁽¹⁾ without the bias: add b⁽¹⁾', pick: (a) => minus(a.z1, a.b1) }],
      },
      {
        id: 'output', ask: 'The network output a⁽²⁾, rounded to 2 decimals as the seed asks', decimals: 2, pick: from('a2'), op: 'a2',
        likely: [
          { text: 'this is z⁽²⁾, the output before its sigmoid: the output layer applies σ too', pick: from('z2') },
          { text: 'this is z⁽²⁾ computed from z⁽¹⁾: the hidden layer\'s sigmoid is left out (a⁽¹⁾ = σ(z⁽¹⁾) goes into layer 2)', pick: (a) => hiddenWithoutSigma(a) },
        ],
      },
    ],
  },
  {
    id: 's001-backward',
    source: 'Seed 001, Q1.2',
    title: 'The four gradients of the 2-3-1 sigmoid network, in numbers',
    preset: 'seed001',
    seedOrientation: true,
    intro: 'L = ½ (y − a⁽²⁾)² for the target y below; σ′(x) = σ(x)(1 − σ(x)). Work the element-level chain rule of the seed, then give the numbers. '
      + 'The seed\'s w⁽¹⁾ is 2 × 3 (row i for input i), so ∂L/∂w⁽¹⁾ is asked in that orientation.',
    // the seed asks Q1.2 of Q1.1's network: a variant keeps them together
    sameNumbersAs: 's001-forward',
    questions: [
      {
        id: 'delta2', ask: 'δ⁽²⁾ = ∂L/∂z⁽²⁾, which is also ∂L/∂b⁽²⁾ (1 number)', decimals: 4, pick: from('delta2'), op: 'delta2',
        likely: [{ text: 'this is ∂L/∂a⁽²⁾ = a⁽²⁾ − y; δ⁽²⁾ = ∂L/∂z⁽²⁾ multiplies it by σ′(z⁽²⁾) = a⁽²⁾(1 − a⁽²⁾)', pick: from('dL_doutput') }],
      },
      { id: 'dW2', ask: '∂L/∂w⁽²⁾ (3 numbers, as the seed\'s 3 × 1 w⁽²⁾)', decimals: 4, pick: (a) => transposed(a.dW2), op: 'dW2', likely: [] },
      {
        id: 'delta1', ask: 'δ⁽¹⁾ = ∂L/∂z⁽¹⁾, which is also ∂L/∂b⁽¹⁾ (3 numbers)', decimals: 4, pick: from('delta1'), op: 'delta1',
        likely: [{ text: 'this is ∂L/∂a⁽¹⁾ = w⁽²⁾ δ⁽²⁾: multiply it element-wise by σ′(z⁽¹⁾) = a⁽¹⁾ ⊙ (1 − a⁽¹⁾)', pick: from('grad_in2') }],
      },
      { id: 'dW1', ask: '∂L/∂w⁽¹⁾ as the seed writes w⁽¹⁾: 2 × 3, row i for input i (6 numbers, row by row)', decimals: 4, pick: (a) => transposed(a.dW1), op: 'dW1', likely: [] },
    ],
  },
  {
    id: 's004-sgd',
    source: 'Seed 004, section A',
    title: 'Three SGD steps of a 1-1-1 ReLU network',
    preset: 'seed004',
    intro: 'z₁ = w₁x + b₁, a₁ = max(0, z₁), a₂ = z₂ = w₂a₁ + b₂, L = ½ (a₂ − y)². One SGD step per sample, in order, each from the weights the last one left.',
    variant: (g) => {
      const xs = [g.int(1, 3), g.int(1, 3), g.int(1, 4)];
      return {
        parameters: [g.tenth(0.5, 1.5), g.tenth(-0.2, 0.2, { zero: true }), g.tenth(0.5, 1.5), g.tenth(-0.2, 0.2, { zero: true })],
        samples: xs.map((x) => ({ input: [x], target: [x + g.int(1, 3)] })),
        learningRate: g.pick([0.01, 0.02, 0.05]),
      };
    },
    questions: [
      { id: 'loss2', ask: 'The loss L of sample 2, before its step', decimals: 4, step: 1, pick: from('loss'), op: 'loss', likely: [] },
      {
        id: 'grads2', ask: 'The gradients at sample 2: ∂L/∂w₁, ∂L/∂b₁, ∂L/∂w₂, ∂L/∂b₂ (4 numbers, in that order)', decimals: 4, step: 1,
        pick: (a) => concat(a.dW1, a.db1, a.dW2, a.db2), op: 'dW2', likely: [],
      },
      {
        id: 'after2', ask: 'w₁, b₁, w₂, b₂ after sample 2\'s step (4 numbers, in that order)', decimals: 4, step: 1,
        pick: (a) => concat(a.W1_new, a.b1_new, a.W2_new, a.b2_new), op: 'update0',
        likely: [{
          text: 'the two bias gradients are swapped, b₁ updated with ∂L/∂b₂ and b₂ with ∂L/∂b₁ (the slip in the seed\'s own sample 2)',
          pick: (a) => {
            const eta = a.learning_rate.data[0];
            return concat(a.W1_new, scaled(a.b1, (b) => b - eta * a.db2.data[0]), a.W2_new, scaled(a.b2, (b) => b - eta * a.db1.data[0]));
          },
        }],
      },
      { id: 'after3', ask: 'w₁, b₁, w₂, b₂ after sample 3\'s step (4 numbers, in that order)', decimals: 4, step: 2, pick: (a) => concat(a.W1_new, a.b1_new, a.W2_new, a.b2_new), op: 'update0', likely: [] },
    ],
  },
  {
    id: 's003-backward',
    source: 'Seed 003, backward pass',
    title: 'Seed 003\'s backward formulas on a 2-3-2-2 sigmoid network',
    preset: 'seed003',
    intro: 'z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ with one row of W per neuron, a⁽ˡ⁾ = σ(z⁽ˡ⁾) in every layer, and the cost C = ½ Σⱼ (aⱼ⁽³⁾ − yⱼ)² of the one data point below. '
      + 'dC/da⁽³⁾ is the seed\'s cost_derivative and da/dz its sigmoid_derivative.',
    variant: (g) => ({
      parameters: [...g.tenths(6, -0.8, 0.8), ...g.tenths(3, -0.3, 0.3, { zero: true }), ...g.tenths(6, -0.8, 0.8),
        ...g.tenths(2, -0.3, 0.3, { zero: true }), ...g.tenths(4, -0.8, 0.8), ...g.tenths(2, -0.3, 0.3, { zero: true })],
      samples: [{ input: [g.tenth(-1, 1), g.tenth(-1, 1)], target: g.pick([[1, 0], [0, 1]]) }],
      learningRate: 0.5,
    }),
    questions: [
      {
        id: 'dCda3', ask: 'dC/da⁽³⁾, the cost_derivative (2 numbers)', decimals: 4, pick: from('dL_doutput'), op: 'dout',
        likely: [{ text: 'this is a⁽³⁾ itself: the cost_derivative subtracts the target, a⁽³⁾ − y', pick: from('a3') }],
      },
      {
        id: 'db3', ask: 'dC/db⁽³⁾ = dC/da⁽³⁾ ⊙ σ′(z⁽³⁾) (2 numbers)', decimals: 4, pick: from('db3'), op: 'delta3',
        likely: [{ text: 'this is dC/da⁽³⁾ alone: multiply it by the sigmoid_derivative σ′(z⁽³⁾) = a⁽³⁾ ⊙ (1 − a⁽³⁾)', pick: from('dL_doutput') }],
      },
      { id: 'dW3', ask: 'dC/dW⁽³⁾ (2 × 2, row i for neuron i: 4 numbers, row by row)', decimals: 4, pick: from('dW3'), op: 'dW3', likely: [] },
      {
        id: 'db2', ask: 'dC/db⁽²⁾ (2 numbers)', decimals: 4, pick: from('db2'), op: 'delta2',
        likely: [{ text: 'this is dC/da⁽²⁾ = Σₖ W⁽³⁾ₖᵢ dC/dz⁽³⁾ₖ: multiply it by σ′(z⁽²⁾)', pick: from('grad_in3') }],
      },
      { id: 'dW1', ask: 'dC/dW⁽¹⁾ (3 × 2: 6 numbers, row by row)', decimals: 4, pick: from('dW1'), op: 'dW1', likely: [] },
    ],
  },
  {
    id: 'softmax-ce',
    source: 'Softmax and cross-entropy (seeds 000, 002, 004)',
    title: 'The gradient of softmax with cross-entropy',
    preset: 'softmax3',
    intro: 'z = Wx + b, p = softmax(z), pᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}, and L = −Σᵢ yᵢ ln pᵢ with a one-hot y.',
    variant: (g) => ({
      parameters: [...g.tenths(9, -0.6, 0.6), ...g.tenths(3, -0.2, 0.2, { zero: true })],
      samples: [{ input: [g.pick([-1, 1, 2]), g.pick([-1, 1, 2]), g.pick([-2, -1, 1])], target: g.pick([[1, 0, 0], [0, 1, 0], [0, 0, 1]]) }],
      learningRate: 0.1,
    }),
    questions: [
      {
        id: 'p', ask: 'p = softmax(z) (3 numbers)', decimals: 4, pick: from('a1'), op: 'a1',
        likely: [
          { text: 'these are the scores z, before the softmax', pick: from('z1') },
          { text: 'this is e^{z} without dividing by Σⱼ e^{zⱼ}', pick: (a) => scaled(a.z1, Math.exp) },
        ],
      },
      {
        id: 'loss', ask: 'The loss L (natural log)', decimals: 4, pick: from('loss'), op: 'loss',
        likely: [{ text: 'this is log₁₀ of the probability: the cross-entropy uses the natural log, ln', pick: (a) => scaled(a.loss, (v) => v / Math.LN10) }],
      },
      {
        id: 'dz', ask: '∂L/∂z (3 numbers)', decimals: 4, pick: from('delta1'), op: 'dout',
        likely: [
          { text: 'this is p: ∂L/∂z = p − y subtracts the one-hot target', pick: from('a1') },
          { text: 'this is ∂L/∂p = −y/p; through the softmax it becomes ∂L/∂z = p − y', pick: (a) => ({ shape: a.a1.shape, data: Array.from(a.a1.data, (p, k) => -a.Y.data[k] / p) }) },
        ],
      },
    ],
  },
  {
    id: 'residual',
    source: 'Seed 000, part 2.2',
    title: 'One backward step through a residual block',
    preset: 'residual',
    intro: 'Layer 1: a⁽¹⁾ = tanh(W⁽¹⁾x + b⁽¹⁾). Layer 2, the block: h = tanh(W₁a⁽¹⁾ + b₁), a⁽²⁾ = a⁽¹⁾ + W₂h. Layer 3: a⁽³⁾ = W⁽³⁾a⁽²⁾ + b⁽³⁾, and L = ½ (a⁽³⁾ − y)². tanh′(z) = 1 − tanh²(z).',
    variant: (g) => ({
      parameters: [...g.tenths(4, -0.6, 0.6), ...g.tenths(2, -0.2, 0.2, { zero: true }), ...g.tenths(4, -0.5, 0.5),
        ...g.tenths(2, -0.2, 0.2, { zero: true }), ...g.tenths(4, -0.5, 0.5), ...g.tenths(2, -0.8, 0.8), g.tenth(-0.3, 0.3, { zero: true })],
      samples: [{ input: [g.pick([-1, 1]), g.pick([-1, 1])], target: [g.tenth(-1, 1)] }],
      learningRate: 0.1,
    }),
    questions: [
      {
        id: 'a2', ask: 'The block\'s output a⁽²⁾ (2 numbers)', decimals: 4, pick: from('L2_a'), op: 'a2',
        likely: [{ text: 'this is W₂h alone: the block adds its input, a⁽²⁾ = a⁽¹⁾ + W₂h', pick: (a) => minus(a.L2_a, a.a1) }],
      },
      {
        id: 'gin', ask: '∂L/∂a⁽¹⁾, the gradient the block passes down to layer 1 (2 numbers)', decimals: 4, pick: from('L2_grad_in'), op: 'gin2',
        likely: [
          { text: 'this is the branch\'s W₁ᵀδ alone: the identity path passes down the gradient that reached the block too, ∂L/∂a⁽¹⁾ = ∂L/∂a⁽²⁾ + W₁ᵀδ', pick: (a) => minus(a.L2_grad_in, a.grad_in3) },
          { text: 'this is ∂L/∂a⁽²⁾, the gradient that reached the block: add what the branch passes down, W₁ᵀδ', pick: from('grad_in3') },
        ],
      },
      { id: 'dW1', ask: 'The block\'s ∂L/∂W₁ (2 × 2: 4 numbers, row by row)', decimals: 4, pick: from('L2_dW1'), op: 'dW12', likely: [] },
    ],
  },
  {
    id: 'gradient-test',
    source: 'Seed 000, the gradient test',
    title: 'Read a gradient test',
    kind: 'gradient-test',
    intro: 'The test of seed 000: F(x + εd) is compared with F(x) (the zero-order error |F(x+εd) − F(x)|) and with F(x) + ε dᵀ∇F (the first-order error), '
      + 'for ε halving at each row. The numbers are the core\'s, for seed 001\'s network on 8 samples, with its gradient as the code computes it.',
    questions: [
      { id: 'factor', ask: 'By what factor does the first-order error fall each time ε halves, on the rows above the rounding floor? (1 decimal)', decimals: 1 },
      { id: 'verdict', ask: 'Is this gradient right?', choices: [['right', 'Yes: it is right'], ['wrong', 'No: it is wrong']] },
    ],
  },
];

/** The exercise ids, in order (the link's cex and cset take these). */
export const EXERCISE_IDS = EXERCISES.map((e) => e.id);

/** The exercise `id`. */
export const exercise = (id) => EXERCISES.find((e) => e.id === id);

/** The generator of exercise `id`'s variant `seed`: its own for each exercise and variant. */
export const variantGenerator = (id, seed) => generator(seed * 7919 + EXERCISE_IDS.indexOf(id));

/** The numbers of `ex` for variant `seed`: the seed's own (0) or drawn. */
export function variantNumbers(ex, seed) {
  const source = exercise(ex.sameNumbersAs ?? ex.id);
  if (seed === 0) return own(source.preset);
  return source.variant(variantGenerator(source.id, seed));
}

/** z⁽²⁾ when the hidden layer's sigmoid is left out: W⁽²⁾ z⁽¹⁾ + b⁽²⁾ (seed 001's network). */
function hiddenWithoutSigma(a) {
  const [rows, cols] = a.W2.shape;
  const data = Array.from({ length: rows }, (_, i) => {
    let s = a.b2.data[i];
    for (let j = 0; j < cols; j += 1) s += a.W2.data[i * cols + j] * a.z1.data[j];
    return s;
  });
  return { shape: a.z2.shape, data };
}
