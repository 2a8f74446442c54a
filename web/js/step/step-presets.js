// The Step-through lab's presets: the curriculum's hand-worked examples as model specs, weights
// (flat order: W row-major, then b, layer by layer), samples and learning rates.
//
// Where a seed leaves a choice open (seed 001's target), the preset states the choice it makes;
// where a seed's hand computation has a slip, `erratum` says what it is and gives the correct numbers.

/** Presets by id, in the order the page lists them. */
export const STEP_PRESETS = {
  seed001: {
    title: 'Seed 001, Q1: a 2-3-1 sigmoid network',
    note: 'Seed 001 gives the weights and the input [1, 1] but no target: this preset uses y = 1 and η = 0.1. '
      + 'Its w⁽¹⁾ is written input × output, so W⁽¹⁾ here (output × input) is its transpose.',
    spec: { input: 2, layers: [{ type: 'dense', units: 3, activation: 'sigmoid' }, { type: 'dense', units: 1, activation: 'sigmoid' }], loss: 'mse' },
    parameters: [0.4, 0.3, 0.6, 0.9, 0.2, 0.5, 1, 1, 1, 0.2, 0.2, 0.8, 0.5],
    samples: [{ input: [1, 1], target: [1] }],
    learningRate: 0.1,
  },
  seed004: {
    title: 'Seed 004, section A: 1-1-1 ReLU regression',
    note: 'w₁ = w₂ = 1, b₁ = b₂ = 0, η = 0.01, one step per sample (1, 3), (2, 4), (3, 5), with plain SGD in the hand computation. '
      + '"Next sample" continues with the updated weights.',
    // checked against the core's trace by tests/node/seed004-note.test.mjs
    erratum: 'The seed\'s sample-2 update swaps the two bias gradients. It computes ∂L/∂b₁ = −1.9164 and ∂L/∂b₂ = −1.8788 '
      + 'correctly, then writes b₁ = 0.02 − 0.01 × (−1.8788) = 0.0389 and b₂ = 0.02 − 0.01 × (−1.9164) = 0.0391 '
      + '(its own expressions give 0.0388 and 0.0392, so the last digits are off too). '
      + 'The correct values, shown here, are b₁ = 0.02 − 0.01 × (−1.9164) = 0.0392 and b₂ = 0.02 − 0.01 × (−1.8788) = 0.0388. '
      + 'The seed\'s sample 3 goes on from its own biases, so its numbers differ from here in the fourth decimal '
      + '(its z₁ = 3.2138, ∂L/∂w₂ = −5.0085, and after the step w₂ = 1.1087, b₁ = 0.0554, b₂ = 0.0547; '
      + 'here z₁ = 3.2141, ∂L/∂w₂ = −5.0089, w₂ = 1.1088, b₁ = 0.0557, b₂ = 0.0544). '
      + 'Its sample-2 loss line also has a typo: (2.1212 − 4)² is 3.5299, not 3.5249; its L = 1.7649 is right.',
    spec: { input: 1, layers: [{ type: 'dense', units: 1, activation: 'relu' }, { type: 'dense', units: 1, activation: 'identity' }], loss: 'mse' },
    parameters: [1, 0, 1, 0],
    samples: [{ input: [1], target: [3] }, { input: [2], target: [4] }, { input: [3], target: [5] }],
    learningRate: 0.01,
  },
  two_out: {
    title: 'A 2-2-2 sigmoid network with two outputs',
    note: 'The classic worked example with inputs 0.05, 0.10 and targets 0.01, 0.99 (one bias per layer, '
      + 'here repeated per unit) and η = 0.5. Its total error before the step is 0.2984.',
    spec: { input: 2, layers: [{ type: 'dense', units: 2, activation: 'sigmoid' }, { type: 'dense', units: 2, activation: 'sigmoid' }], loss: 'mse' },
    parameters: [0.15, 0.2, 0.25, 0.3, 0.35, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.6],
    samples: [{ input: [0.05, 0.1], target: [0.01, 0.99] }],
    learningRate: 0.5,
  },
  seed003: {
    title: 'Seed 003: a 2-3-2-2 sigmoid network, sum of squares',
    note: 'Seed 003\'s network shape on a small scale: two sigmoid hidden layers and a sigmoid output, the cost '
      + 'C = ½ Σⱼ (aⱼ − yⱼ)² of one data point, W with one row per neuron (out × in, as the seed has it) and η = 0.5.',
    spec: { input: 2, layers: [{ type: 'dense', units: 3, activation: 'sigmoid' }, { type: 'dense', units: 2, activation: 'sigmoid' }, { type: 'dense', units: 2, activation: 'sigmoid' }], loss: 'mse' },
    parameters: [0.1, 0.4, -0.3, 0.2, 0.5, -0.1, 0.1, 0, -0.1, 0.2, -0.4, 0.3, 0.6, 0.1, -0.2, 0, 0.1, 0.5, -0.3, -0.2, 0.4, 0.1, -0.1],
    samples: [{ input: [1, 0.5], target: [1, 0] }],
    learningRate: 0.5,
  },
  softmax3: {
    title: 'A softmax layer with cross-entropy, three classes',
    note: 'One dense layer of three units, softmax, and the cross-entropy L = −Σ yᵢ ln pᵢ of one sample of class 2 '
      + '(one-hot y), η = 0.1. The softmax and the loss are fused: ∂L/∂z = p − y.',
    spec: { input: 3, layers: [{ type: 'dense', units: 3, activation: 'softmax' }], loss: 'cross_entropy' },
    parameters: [0.2, -0.1, 0.4, 0.5, 0.3, -0.2, -0.3, 0.6, 0.1, 0, 0.1, -0.1],
    samples: [{ input: [1, 2, -1], target: [0, 1, 0] }],
    learningRate: 0.1,
  },
  residual: {
    title: 'A residual block between two dense layers (seed 000, part 2.2)',
    note: 'A tanh layer of two units, a residual block a⁽²⁾ = a⁽¹⁾ + W₂ tanh(W₁ a⁽¹⁾ + b₁), and one linear output, '
      + 'with L = ½ (a⁽³⁾ − y)² and η = 0.1.',
    spec: { input: 2, layers: [{ type: 'dense', units: 2, activation: 'tanh' }, { type: 'residual', activation: 'tanh' }, { type: 'dense', units: 1, activation: 'identity' }], loss: 'mse' },
    parameters: [0.5, -0.2, 0.3, 0.4, 0.1, -0.1, 0.2, -0.3, 0.1, 0.4, 0, 0.1, 0.5, 0.2, -0.1, 0.4, 0.6, -0.4, 0.2],
    samples: [{ input: [1, -1], target: [0.5] }],
    learningRate: 0.1,
  },
  digits: {
    title: 'Softmax classifier on one 8×8 digit',
    note: 'Softmax regression (64 → 10) with cross-entropy on samples of the bundled digits, pixels scaled to [0, 1], '
      + 'small random initial weights (seed 1) and η = 0.5.',
    spec: { input: 64, layers: [{ type: 'dense', units: 10, activation: 'softmax' }], loss: 'cross_entropy', init: { scheme: 'normal', scale: 0.01, seed: 1 } },
    parameters: null, // drawn by the engine from the spec's init
    samples: null, // the first digits samples, loaded from the bundled file
    bundled: 'digits',
    learningRate: 0.5,
  },
};
