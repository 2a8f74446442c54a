// The registry of teaching bugs and the hook through which they break a backward pass (see
// derivative_bug.hpp). Each broken formula is written above the line that computes it, with the
// textbook one it replaces.
#include "core/nn/derivative_bug.hpp"

#include "core/base/errors.hpp"

namespace lab {
namespace {

// out = the broken f'(z) ⊙ g when `bug` breaks f's derivative, and true; false (out untouched)
// otherwise. z, a = f(z), g, out: (units × B).
bool broken_jacobian(DerivativeBug bug, const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g,
                     Matrix& out) {
  if (bug == DerivativeBug::sigmoid_prime_is_sigma && f.kind == ActivationKind::sigmoid) {
    // BUG (teaching): σ'(z) taken as σ(z) = a, instead of a (1 − a)
    out = (g.array() * a.array()).matrix();
    return true;
  }
  if (bug == DerivativeBug::tanh_prime_on_z && f.kind == ActivationKind::tanh) {
    // BUG (teaching): 1 − x² evaluated on z instead of on a = tanh(z)
    out = (g.array() * (1.0 - z.array().square())).matrix();
    return true;
  }
  if (bug == DerivativeBug::sigmoid_prime_on_z && f.kind == ActivationKind::sigmoid) {
    // BUG (teaching): x (1 − x) evaluated on z instead of on a = σ(z)
    out = (g.array() * (z.array() * (1.0 - z.array()))).matrix();
    return true;
  }
  if (bug == DerivativeBug::relu_prime_wrong_side && f.kind == ActivationKind::relu) {
    // BUG (teaching): the mask on the wrong side of the kink, 1 if z < 0 instead of z > 0
    out = (z.array() < 0.0).select(g, 0.0);
    return true;
  }
  return false;
}

}  // namespace

const std::vector<DerivativeBugInfo>& derivative_bugs() {
  static const std::vector<DerivativeBugInfo> bugs = {
      {DerivativeBug::none, "none", "All derivatives are correct."},
      {DerivativeBug::sigmoid_prime_is_sigma, "sigmoid_prime_is_sigma",
       "The sigmoid derivative is computed as σ(z) instead of σ(z)(1 − σ(z))."},
      {DerivativeBug::tanh_prime_on_z, "tanh_prime_on_z",
       "The tanh derivative 1 − x² is evaluated on z instead of on a = tanh(z)."},
      {DerivativeBug::sigmoid_prime_on_z, "sigmoid_prime_on_z",
       "The sigmoid derivative x(1 − x) is evaluated on z instead of on a = σ(z)."},
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

void DerivativeHook::delta(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g,
                           Matrix& delta) const {
  if (bug_ == DerivativeBug::none) return;
  broken_jacobian(bug_, f, z, a, g, delta);
}

void DerivativeHook::fprime(const Activation& f, const Matrix& z, const Matrix& a, Matrix& fprime) const {
  if (bug_ == DerivativeBug::none) return;
  broken_jacobian(bug_, f, z, a, Matrix::Ones(z.rows(), z.cols()), fprime);
}

void DerivativeHook::weight_gradient(Index batch, RowMatrixMap& dW) const {
  // BUG (teaching): the 1/B forgotten, dW is B times too large
  if (bug_ == DerivativeBug::dW_missing_mean) dW *= static_cast<double>(batch);
}

void DerivativeHook::passed_down(const RowMatrixMap& W, const Matrix& v, Matrix& passed, const Matrix* base) const {
  if (bug_ != DerivativeBug::delta_missing_transpose || W.rows() != W.cols()) return;
  // BUG (teaching): W v instead of Wᵀ v
  if (base == nullptr) {
    passed.noalias() = W * v;
  } else {
    passed = *base;
    passed.noalias() += W * v;
  }
}

}  // namespace lab
