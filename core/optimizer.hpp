// Optimizers over the flat parameter vector: sgd, momentum, nesterov, rmsprop and adam with their
// usual coefficients. State (velocities, moments) is sized once and reused every step.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/types.hpp"

namespace lab {

struct OptimizerSettings {
  std::string name = "sgd";
  double momentum = 0.9;  // momentum and nesterov: μ
  double rho = 0.9;       // rmsprop: decay of the squared-gradient average
  double beta1 = 0.9;     // adam: decay of the first moment
  double beta2 = 0.999;   // adam: decay of the second moment
  double eps = 1e-8;      // rmsprop and adam: added to the root in the denominator
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // One update of p (P) with gradient g (P) and learning rate lr.
  virtual void step(Vector& p, const Vector& g, double lr) = 0;
  // Forgets velocities and moments (a fresh start).
  virtual void reset() = 0;
  virtual std::string_view name() const = 0;
};

// Throws SpecError for an unknown name or a coefficient out of range.
std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& settings, Index parameter_count);
void validate_optimizer_settings(const OptimizerSettings& settings);

}  // namespace lab
