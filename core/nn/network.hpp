// A network built from a model spec: forward on a batch, the mean loss with its regulariser,
// and the gradient of that loss w.r.t. every parameter, all in one flat vector (DESIGN.md order:
// layer by layer; dense W row-major then b; residual W1, b1, W2).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/nn/spec.hpp"

namespace lab {

// The values of one forward/backward pass for a batch of B samples, reused while B repeats.
struct Workspace {
  Index batch = 0;
  std::vector<LayerCache> layers;  // one per layer
  Matrix output_gradient;          // (out × B) dL/da or, for fused losses, δ of the last layer
};

// The parts of the loss: data term (mean over samples) and the l2/l1 penalty on weights.
struct LossParts {
  double data = 0.0;
  double penalty = 0.0;
  double total() const { return data + penalty; }
};

class Network {
 public:
  explicit Network(const ModelSpec& spec);
  explicit Network(std::string_view spec_json);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  const ModelSpec& spec() const { return spec_; }
  std::string spec_json() const { return model_spec_to_json(spec_); }
  Index input_size() const { return spec_.input; }
  Index output_size() const { return layers_.back()->output_size(); }
  Index parameter_count() const { return params_.size(); }
  std::size_t layer_count() const { return layers_.size(); }
  const Layer& layer(std::size_t i) const { return *layers_.at(i); }
  // For tests that drive one layer on its own (the Jacobian test): it shares the flat vectors.
  Layer& mutable_layer(std::size_t i) { return *layers_.at(i); }
  // Offset of layer i's slice in the flat vector.
  Index layer_offset(std::size_t i) const { return offsets_.at(i); }

  // Draws new weights with the spec's init settings (or the given ones).
  void initialise();
  void initialise(const InitSpec& init);

  const Vector& parameters() const { return params_; }
  // Throws ShapeError for a wrong length and DataError for a non-finite value.
  void set_parameters(const Eigen::Ref<const Vector>& values);
  const Vector& gradients() const { return grads_; }
  // The storage the layers read their parameters from, for optimizers to update in place. Its
  // size must never change.
  Vector& parameter_storage() { return params_; }
  // Makes `values` (P, finite, not checked) the parameters and hands the old ones back in it, in
  // O(1): the trainer writes each update beside the weights and swaps only when it is finite.
  void swap_parameters(Vector& values);
  // 1 for weights, 0 for biases, in flat order.
  const Vector& weight_mask() const { return weight_mask_; }

  // Output of the last layer for X (in × B); the reference stays valid until the next call
  // with the same B.
  const Matrix& forward(const Matrix& X);
  // The mean loss over the columns of X and Y (out × B), with its penalty.
  LossParts loss(const Matrix& X, const Matrix& Y);
  // Forward and backward: fills gradients() and returns the loss.
  // input_gradient: also dL/dX of the first layer (the trace shows it; training does not need it).
  LossParts compute_gradients(const Matrix& X, const Matrix& Y, bool input_gradient = true);
  // The same without check_targets, for data that passed it already: the trainer checks its sets
  // once when it is built and then gathers batches from them on every step.
  LossParts loss_unchecked(const Matrix& X, const Matrix& Y);
  LossParts compute_gradients_unchecked(const Matrix& X, const Matrix& Y, bool input_gradient);
  // The penalty (λ2/2)Σ‖W‖² + λ1 Σ|W| of the current weights.
  double penalty() const;

  // Switches a teaching bug on (or off with `none`) for every layer of this network only.
  void set_derivative_bug(DerivativeBug bug);
  DerivativeBug derivative_bug() const { return bug_; }

  // The workspace of the last forward pass (for the trace).
  const Workspace& last_workspace() const { return *last_; }

  // Checks X (and Y) against the network's sizes and for non-finite values.
  void check_inputs(const Matrix& X) const;
  void check_targets(const Matrix& X, const Matrix& Y) const;

 private:
  Workspace& workspace_for(Index batch);
  const Matrix& forward_unchecked(const Matrix& X);
  // Points every layer at its slices of params_ and grads_.
  void bind_layers();

  ModelSpec spec_;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Index> offsets_;
  Vector params_;       // (P) every parameter, flat order
  Vector grads_;        // (P) dL/dparams, flat order
  Vector weight_mask_;  // (P) 1 on weights, 0 on biases
  std::vector<std::unique_ptr<Workspace>> workspaces_;
  Workspace* last_ = nullptr;
  DerivativeBug bug_ = DerivativeBug::none;
};

}  // namespace lab
