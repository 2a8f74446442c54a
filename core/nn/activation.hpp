// Activation functions f(z), applied element-wise (softmax: per column), with their Jacobians.
// One registry of names serves the model spec, the trace and the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"

namespace lab {

enum class ActivationKind { identity, sigmoid, tanh, relu, leaky_relu, softmax };

struct Activation {
  ActivationKind kind = ActivationKind::identity;
  double alpha = 0.01;  // slope for z ≤ 0, leaky_relu only

  // a = f(z). z, a: (units × B).
  void activate(const Matrix& z, Matrix& a) const;
  // out = J_f(z)ᵀ · g, the chain rule through f: dL/dz from dL/da = g. z, a, g, out: (units × B).
  // For element-wise f this is f'(z) ⊙ g; a is f(z) from the forward pass.
  void apply_jacobian(const Matrix& z, const Matrix& a, const Matrix& g, Matrix& out) const;
  // out = f'(z) element-wise (for display); softmax gives the diagonal of its Jacobian, a ⊙ (1 − a).
  void derivative(const Matrix& z, const Matrix& a, Matrix& out) const;

  std::string_view name() const;
};

// Name lookup shared with the model spec: throws SpecError naming `field` and the allowed names.
ActivationKind activation_from_name(std::string_view name, std::string_view field);
std::string_view activation_name(ActivationKind kind);
const std::vector<std::string>& activation_names();

}  // namespace lab
