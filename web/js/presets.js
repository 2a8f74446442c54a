// Hand-worked examples from the curriculum (../shared/seeds), as model specs with weights.

/** Seed 001, Q1.1: a 2-3-1 sigmoid network, input [1, 1]; the seed's w(1) is (in × out), so
 * the flat W1 below (out × in, row-major) is its transpose. */
export const SEED001_EXAMPLE = {
  title: 'Seed 001, Q1.1: forward pass of a 2-3-1 sigmoid network',
  spec: {
    input: 2,
    layers: [
      { type: 'dense', units: 3, activation: 'sigmoid' },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
    loss: 'mse',
  },
  // W1 (3×2) row-major, b1 (3), W2 (1×3), b2 (1)
  parameters: [0.4, 0.3, 0.6, 0.9, 0.2, 0.5, 1, 1, 1, 0.2, 0.2, 0.8, 0.5],
  input: [1, 1],
};
