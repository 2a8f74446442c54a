// Why a network learns or fails (issue 17): per-layer statistics of one training step, recorded
// by the trainer once an epoch on the epoch's last full mini-batch, from what the step computed
// anyway (the batch's z and a, its gradients, the weights before and after the update).
// Legend: B = batch, m = a layer's units, in = its inputs.
#pragma once

#include <vector>

#include "core/base/types.hpp"
#include "core/nn/network.hpp"

namespace lab {

// Counts of values in `bins` equal parts of [lo, hi] (the last bin includes hi). lo = hi when
// every value is the same (then all are in the middle bin).
struct Histogram {
  double lo = 0.0, hi = 0.0;
  std::vector<long> counts;  // (bins)
};
Histogram histogram_of(const Matrix& values, int bins);

// The thresholds of the unit fractions below.
struct LayerStatsRule {
  static constexpr int bins = 24;
  // a sigmoid or tanh unit is saturated when |f′(z)| < this share of f′'s largest value (¼, 1)
  static constexpr double saturated_share = 0.01;
  // two units are identical when their weight rows and biases differ by at most this × (1 + the
  // largest |entry| of the two rows)
  static constexpr double identical_tolerance = 1e-10;
};

struct LayerStats {
  double weight_norm = 0.0;    // ‖W‖_F after the step (a residual block: W1 and W2 together)
  double gradient_norm = 0.0;  // ‖∂L/∂W‖_F of the batch
  double update_ratio = 0.0;   // ‖ΔW‖_F / ‖W_before‖_F of the step; NaN when W was 0 (zero init)
  Histogram z, a;              // the batch's pre-activations z and the units' activations f(z)
  int units = 0;               // m
  // of the m units: z ≤ 0 for every sample of the batch (relu, leaky_relu; NaN for others)
  double dead_fraction = 0.0;
  // of the m units: |f′(z)| below the threshold for every sample (sigmoid, tanh; NaN for others)
  double saturated_fraction = 0.0;
  // of the m units: the weight row (with the bias) of another unit, within the tolerance
  double identical_fraction = 0.0;
};

// The statistics of every layer at the step recorded in an epoch (1-based).
struct EpochLayerStats {
  int epoch = 0;
  std::vector<LayerStats> layers;  // one per layer, in network order
};

// The statistics of every layer after a step on a batch: `net` holds the weights after the step
// and its last workspace the batch's forward pass (from before the update); `gradients` (P) are
// the batch's, `before` (P) the weights before the update.
std::vector<LayerStats> layer_stats(const Network& net, const Vector& gradients, const Vector& before);

// The fraction of the rows of W (m × in) with bias b (m; may be empty) that equal another row.
double identical_row_fraction(const Matrix& W, const Vector& b);

}  // namespace lab
