// The Gradient-test lab's presets: the networks it offers (by their state name, gnet), the three
// targets of the test, the batch and tolerance of the checks, the softmax-regression problem, and
// what each target can be tested with respect to.

export const SAMPLES = 8;          // the batch of the network test, and of the layer test
export const TOLERANCE = 1e-6;     // element-wise check: above this relative error an entry is wrong
export const SOFTMAX_PROBLEM = { samples: 100, features: 20, classes: 5 };

const dense = (units, activation, extra = {}) => ({ type: 'dense', units, activation, ...extra });
const residual = (activation) => ({ type: 'residual', activation });

/** The networks offered, by their state name (gnet). */
export const NETWORKS = {
  tanh3: {
    label: '3-layer tanh network, sigmoid output',
    spec: { input: 4, layers: [dense(6, 'tanh'), dense(6, 'tanh'), dense(2, 'sigmoid')], loss: 'mse' },
  },
  relu_res: {
    label: 'ReLU network with two residual blocks, softmax output',
    spec: { input: 4, layers: [dense(6, 'relu'), residual('relu'), residual('relu'), dense(3, 'softmax')], loss: 'cross_entropy' },
  },
  leaky_deep: {
    label: 'Deep leaky-ReLU network (4 × 5 units, α = 0.1), softmax output',
    spec: {
      input: 4,
      layers: [...Array.from({ length: 4 }, () => dense(5, 'leaky_relu', { alpha: 0.1 })), dense(3, 'softmax')],
      loss: 'cross_entropy',
    },
  },
  seed001: {
    label: 'Seed 001’s network: 2 → 3 sigmoid → 1 sigmoid',
    spec: { input: 2, layers: [dense(3, 'sigmoid'), dense(1, 'sigmoid')], loss: 'mse' },
  },
};

export const TARGETS = {
  network: 'Whole network: gradient of the loss',
  layer: 'One layer: transposed Jacobian',
  softmax: 'Softmax regression (seed 000 §1.1)',
};

/** The spec of network `name` with its weights drawn from `seed`. */
export function networkSpec(name, seed) {
  return { ...NETWORKS[name].spec, init: { scheme: 'xavier', scale: 1, seed } };
}

/** [value, label] pairs of what the chosen target can be tested with respect to. */
export function wrtChoices(target, layer) {
  if (target === 'network') return [['all', 'all parameters'], ['weights', 'the weights only'], ['biases', 'the biases only']];
  if (target === 'softmax') return [['all', 'W and b'], ['W', 'W (weights)'], ['b', 'b (biases)']];
  return [
    ...layer.blocks.map((b) => [b.name, `${b.name} (${b.rows} × ${b.cols})`]),
    ['input', 'the input x'],
    ['all', `all of ${layer.blocks.map((b) => b.name).join(', ')}`],
  ];
}
