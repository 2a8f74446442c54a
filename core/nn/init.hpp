// Weight initialisation schemes drawn from the project's generator. Biases start at zero; the
// weights are drawn in flat parameter order, layer by layer, from one Rng(seed).
//   zeros: 0;  uniform: U(−s, s);  normal: N(0, s²);
//   xavier: U(−r, r) with r = s·√(6 / (in + out));  he: N(0, s²·2 / in)    (s = scale)
#pragma once

#include <string>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/nn/spec.hpp"

namespace lab {

// The distribution a weight block is drawn from, with the scale s already applied: what the
// page shows next to the "scale" field (xavier and he read s as a gain on their fan-based formula).
struct WeightDistribution {
  enum class Kind { zero, uniform, normal } kind = Kind::zero;
  double parameter = 0.0;  // uniform: the limit r of U(−r, r); normal: σ; zero: 0
};
// For a block with fan_in inputs (its columns) and fan_out outputs (its rows).
WeightDistribution weight_distribution(const InitSpec& init, double fan_in, double fan_out);

// One weight block of a spec, without building the network (layers numbered from 1).
struct BlockDistribution {
  int layer = 0;      // 1-based, as a person reads it
  std::string block;  // "W", "W1", "W2"
  Index rows = 0, cols = 0;
  WeightDistribution distribution;
};
std::vector<BlockDistribution> weight_distributions(const ModelSpec& spec);

// Fills `params` (the network's flat vector) for the given layers.
void initialise_parameters(const std::vector<const Layer*>& layers, const InitSpec& init, double* params);

}  // namespace lab
