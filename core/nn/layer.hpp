// The layer interface: forward with the values kept for backward, backward (δ, dW, db, and the
// gradient passed down), and parameters that live in the network's flat vectors.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/derivative_bug.hpp"

namespace lab {

// What one layer keeps from its forward pass for one batch size B (reused between steps).
struct LayerCache {
  Matrix z;        // (units × B) pre-activation: dense W a + b; residual W1 x + b1
  Matrix h;        // (units × B) residual only: f(z)
  Matrix a;        // (out × B) the layer's output
  Matrix dh;       // (units × B) residual only: dL/dh = W2ᵀ g
  Matrix delta;    // (units × B) δ = dL/dz
  Matrix grad_in;  // (in × B) dL/d(input), passed to the layer below
};

// A value shown in the trace and on the page, e.g. {"z", z}.
struct NamedMatrix {
  std::string name;
  Matrix value;
};

// Where one parameter array sits in the flat vector: W is rows × cols, stored row-major.
struct ParamBlock {
  std::string name;  // "W", "b", "W1", "b1", "W2"
  Index rows = 0;
  Index cols = 0;
  Index offset = 0;       // index of its first entry in the layer's slice of the flat vector
  bool is_weight = true;  // weights get the l2/l1 penalty; biases do not
};

class Layer {
 public:
  virtual ~Layer() = default;

  virtual std::string_view type() const = 0;
  virtual Index input_size() const = 0;
  virtual Index output_size() const = 0;
  virtual const Activation& activation() const = 0;
  // The layer's parameter arrays in flat order (offsets relative to the layer's slice).
  virtual std::vector<ParamBlock> param_blocks() const = 0;
  Index param_count() const;

  // Points the layer's parameters and gradients at its slices of the network's flat vectors.
  virtual void bind(double* params, double* grads) = 0;

  // Fills cache.z, cache.a (and cache.h) from x (in × B).
  virtual void forward(const Matrix& x, LayerCache& cache) const = 0;
  // Given g = dL/da (out × B) and the x of the forward pass, writes this layer's gradients into
  // its slice of the flat gradient vector and cache.grad_in = dL/dx.
  virtual void backward(const Matrix& x, const Matrix& g, LayerCache& cache) = 0;

  // The named values of a forward and of a backward pass, in the order a student computes them.
  // backward_values include "fprime", f'(z) element-wise (as used, bug included), for display.
  virtual std::vector<NamedMatrix> forward_values(const LayerCache& cache) const = 0;
  virtual std::vector<NamedMatrix> backward_values(const LayerCache& cache) const = 0;

  // The teaching bug this layer's backward pass makes (none unless a run switches one on).
  void set_derivative_bug(DerivativeBug bug) { hook_.set(bug); }
  DerivativeBug derivative_bug() const { return hook_.bug(); }
  // Whether backward computes grad_in (dL/dx); training skips it for the first layer.
  void set_input_gradient(bool on) { input_gradient_ = on; }

 protected:
  // Where a teaching bug may replace a value the backward pass computed as the textbook does; with
  // no bug on (always, outside a teaching run) it changes nothing. See derivative_bug.hpp.
  DerivativeHook hook_;
  bool input_gradient_ = true;
};

}  // namespace lab
