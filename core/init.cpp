// Initialisation of a network's flat parameter vector (see init.hpp).
#include "core/init.hpp"

#include <cmath>

#include "core/rng.hpp"

namespace lab {

void initialise_parameters(const std::vector<const Layer*>& layers, const InitSpec& init,
                           double* params) {
  Rng rng(init.seed);
  const double s = init.scale;
  for (const Layer* layer : layers) {
    for (const ParamBlock& block : layer->param_blocks()) {
      double* values = params + block.offset;
      const Index count = block.rows * block.cols;
      const double fan_in = static_cast<double>(block.cols);
      const double fan_out = static_cast<double>(block.rows);
      for (Index i = 0; i < count; ++i) {
        double value = 0.0;
        if (block.is_weight) {
          switch (init.scheme) {
            case InitScheme::zeros:
              break;
            case InitScheme::uniform:
              value = rng.uniform(-s, s);
              break;
            case InitScheme::normal:
              value = s * rng.normal();
              break;
            case InitScheme::xavier: {
              const double r = s * std::sqrt(6.0 / (fan_in + fan_out));
              value = rng.uniform(-r, r);
              break;
            }
            case InitScheme::he:
              value = s * std::sqrt(2.0 / fan_in) * rng.normal();
              break;
          }
        }
        values[i] = value;
      }
    }
    params += layer->param_count();
  }
}

}  // namespace lab
