// The registry of teaching bugs (see derivative_bug.hpp).
#include "core/nn/derivative_bug.hpp"

#include "core/base/errors.hpp"

namespace lab {

const std::vector<DerivativeBugInfo>& derivative_bugs() {
  static const std::vector<DerivativeBugInfo> bugs = {
      {DerivativeBug::none, "none", "All derivatives are correct."},
      {DerivativeBug::sigmoid_prime_is_sigma, "sigmoid_prime_is_sigma",
       "The sigmoid derivative is computed as σ(z) instead of σ(z)(1 − σ(z))."},
      {DerivativeBug::tanh_prime_on_z, "tanh_prime_on_z",
       "The tanh derivative 1 − x² is evaluated on z instead of on a = tanh(z)."},
      {DerivativeBug::dW_missing_mean, "dW_missing_mean",
       "dW forgets the 1/m of the mean loss, so it is m times too large (invisible with one sample)."},
      {DerivativeBug::relu_prime_wrong_side, "relu_prime_wrong_side",
       "The ReLU derivative is 1 on the wrong side of the kink (z < 0 instead of z > 0)."},
      {DerivativeBug::delta_missing_transpose, "delta_missing_transpose",
       "The backward pass uses W δ instead of Wᵀ δ (only possible where W is square: residual "
       "blocks and dense layers with as many inputs as outputs)."},
  };
  return bugs;
}

std::string_view derivative_bug_name(DerivativeBug bug) {
  for (const auto& info : derivative_bugs())
    if (info.bug == bug) return info.name;
  return "unknown";
}

DerivativeBug derivative_bug_from_name(std::string_view name, std::string_view field) {
  std::string allowed;
  for (const auto& info : derivative_bugs()) {
    if (name == info.name) return info.bug;
    allowed += (allowed.empty() ? "" : ", ") + std::string(info.name);
  }
  throw SpecError("[GradientTest] " + std::string(field) + ": unknown bug \"" + std::string(name) +
                  "\"; allowed: " + allowed);
}

}  // namespace lab
