// Dense layer: z = W a + b, a' = f(z), with W (out × in) and b (out); without a bias (seed 000
// §1.2's least-squares model), z = W a and the layer has no b block.
#pragma once

#include "core/nn/layer.hpp"

namespace lab {

class Dense final : public Layer {
 public:
  Dense(Index in, Index out, Activation activation, bool bias = true);

  std::string_view type() const override { return "dense"; }
  Index input_size() const override { return in_; }
  Index output_size() const override { return out_; }
  const Activation& activation() const override { return activation_; }
  std::vector<ParamBlock> param_blocks() const override;
  void bind(double* params, double* grads) override;

  void forward(const Matrix& x, LayerCache& cache) const override;
  void backward(const Matrix& x, const Matrix& g, LayerCache& cache) override;
  // The second half of backward, for a loss fused with this layer's activation: cache.delta
  // already holds δ = dL/dz.
  void backward_from_delta(const Matrix& x, LayerCache& cache);

  std::vector<NamedMatrix> forward_values(const LayerCache& cache) const override;
  std::vector<NamedMatrix> backward_values(const LayerCache& cache) const override;

  Eigen::Ref<const RowMatrix> W() const { return W_; }
  Eigen::Ref<const Vector> b() const { return b_; }
  bool has_bias() const { return bias_; }

 private:
  Index in_, out_;
  Activation activation_;
  bool bias_ = true;
  RowMatrixMap W_{nullptr, 0, 0};   // (out × in)
  VectorMap b_{nullptr, 0};         // (out), or (0) without a bias
  RowMatrixMap dW_{nullptr, 0, 0};  // (out × in)
  VectorMap db_{nullptr, 0};        // (out), or (0) without a bias
};

}  // namespace lab
