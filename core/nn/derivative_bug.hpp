// Broken derivatives for teaching: named, documented bugs that a network can switch on for one
// run, so that students see how a real mistake makes the gradient test fail (first-order slope
// ≈ 1) and what it does to training. The default is `none`; the switch lives on one Network.
// Every bug enters through one hook (DerivativeHook, below), so that the layers and activations
// are written as the textbook has them and never mention a bug.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/nn/activation.hpp"

namespace lab {

enum class DerivativeBug {
  none,
  sigmoid_prime_is_sigma,   // σ'(z) computed as σ(z) instead of σ(z)(1 − σ(z))
  tanh_prime_on_z,          // tanh'(z) computed as 1 − z² instead of 1 − a² (a = tanh z)
  sigmoid_prime_on_z,       // σ'(z) computed as z (1 − z) instead of a (1 − a) (a = σ(z))
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

// The one place a teaching bug enters a backward pass. A layer computes each value a bug can break
// as the textbook does, then hands it to its hook. With no bug on (the default) the hook returns at
// once and leaves the value as it is; with a bug on, it overwrites the value that bug breaks with
// the broken one, from the same inputs. Shapes: B = batch size.
class DerivativeHook {
 public:
  void set(DerivativeBug bug) { bug_ = bug; }
  DerivativeBug bug() const { return bug_; }

  // delta = f'(z) ⊙ g as the activation computed it (z, a = f(z), g, delta: units × B); the
  // sigmoid, tanh and relu bugs recompute it with their broken f'.
  void delta(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g, Matrix& delta) const;
  // fprime = f'(z) element-wise, for display (units × B); broken by the same bugs.
  void fprime(const Activation& f, const Matrix& z, const Matrix& a, Matrix& fprime) const;
  // dW = δ xᵀ of a batch of `batch` samples, the 1/B of the mean loss inside δ; dW_missing_mean
  // multiplies it by B.
  void weight_gradient(Index batch, RowMatrixMap& dW) const;
  // passed = Wᵀ v, or base + Wᵀ v when `base` is given (a residual block's identity path): the
  // gradient a layer passes down through W. delta_missing_transpose recomputes it with W v where
  // W is square.
  void passed_down(const RowMatrixMap& W, const Matrix& v, Matrix& passed, const Matrix* base = nullptr) const;

 private:
  DerivativeBug bug_ = DerivativeBug::none;
};

}  // namespace lab
