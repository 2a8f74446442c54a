// Broken derivatives for teaching: named, documented bugs that a network can switch on for one
// run, so that students see how a real mistake makes the gradient test fail (first-order slope
// ≈ 1) and what it does to training. The default is `none`; the switch lives on one Network.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lab {

enum class DerivativeBug {
  none,
  sigmoid_prime_is_sigma,   // σ'(z) computed as σ(z) instead of σ(z)(1 − σ(z))
  tanh_prime_on_z,          // tanh'(z) computed as 1 − z² instead of 1 − a² (a = tanh z)
  dW_missing_mean,          // dW = δ aᵀ without the 1/m of the mean loss (only shows with m > 1)
  relu_prime_wrong_side,    // relu' = 1 on the wrong side of the kink (z < 0 instead of z > 0)
  delta_missing_transpose,  // δ = W δ' instead of Wᵀ δ' (square W only; NumPy would raise a shape error elsewhere)
};

struct DerivativeBugInfo {
  DerivativeBug bug;
  const char* name;         // as used in settings and the URL
  const char* description;  // one sentence for the page
};

const std::vector<DerivativeBugInfo>& derivative_bugs();
std::string_view derivative_bug_name(DerivativeBug bug);
// Throws SpecError naming `field` and listing the allowed names.
DerivativeBug derivative_bug_from_name(std::string_view name, std::string_view field);

}  // namespace lab
