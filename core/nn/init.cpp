// Initialisation of a network's flat parameter vector (see init.hpp).
#include "core/nn/init.hpp"

#include <cmath>

#include "core/base/rng.hpp"

namespace lab {

WeightDistribution weight_distribution(const InitSpec& init, double fan_in, double fan_out) {
  using Kind = WeightDistribution::Kind;
  const double s = init.scale;
  switch (init.scheme) {
    case InitScheme::zeros: return {Kind::zero, 0.0};
    case InitScheme::uniform: return {Kind::uniform, s};
    case InitScheme::normal: return {Kind::normal, s};
    // xavier: U(−r, r), r = s·√(6 / (in + out))
    case InitScheme::xavier: return {Kind::uniform, s * std::sqrt(6.0 / (fan_in + fan_out))};
    // he: N(0, σ²), σ = s·√(2 / in)
    case InitScheme::he: return {Kind::normal, s * std::sqrt(2.0 / fan_in)};
  }
  return {Kind::zero, 0.0};
}

std::vector<BlockDistribution> weight_distributions(const ModelSpec& spec) {
  std::vector<BlockDistribution> out;
  Index width = spec.input;
  int number = 0;
  for (const LayerSpec& layer : spec.layers) {
    ++number;
    if (layer.type == LayerType::residual) {
      const double w = static_cast<double>(width);
      for (const char* name : {"W1", "W2"})
        out.push_back({number, name, width, width, weight_distribution(spec.init, w, w)});
    } else {
      out.push_back({number, "W", layer.units, width,
                     weight_distribution(spec.init, static_cast<double>(width), static_cast<double>(layer.units))});
      width = layer.units;
    }
  }
  return out;
}

void initialise_parameters(const std::vector<const Layer*>& layers, const InitSpec& init, double* params) {
  Rng rng(init.seed);
  for (const Layer* layer : layers) {
    for (const ParamBlock& block : layer->param_blocks()) {
      double* values = params + block.offset;
      const Index count = block.rows * block.cols;
      const WeightDistribution d =
          weight_distribution(init, static_cast<double>(block.cols), static_cast<double>(block.rows));
      for (Index i = 0; i < count; ++i) {
        double value = 0.0;
        if (block.is_weight) {
          switch (d.kind) {
            case WeightDistribution::Kind::zero: break;
            case WeightDistribution::Kind::uniform: value = rng.uniform(-d.parameter, d.parameter); break;
            case WeightDistribution::Kind::normal: value = d.parameter * rng.normal(); break;
          }
        }
        values[i] = value;
      }
    }
    params += layer->param_count();
  }
}

}  // namespace lab
