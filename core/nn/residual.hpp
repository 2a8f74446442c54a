// Residual block (seed 000, part 2.2): x' = x + W2 f(W1 x + b1), W1 and W2 square (width ×
// width), b1 (width). The block keeps the width of its input.
#pragma once

#include "core/nn/layer.hpp"

namespace lab {

class Residual final : public Layer {
 public:
  Residual(Index width, Activation activation);

  std::string_view type() const override { return "residual"; }
  Index input_size() const override { return width_; }
  Index output_size() const override { return width_; }
  const Activation& activation() const override { return activation_; }
  std::vector<ParamBlock> param_blocks() const override;
  void bind(double* params, double* grads) override;

  void forward(const Matrix& x, LayerCache& cache) const override;
  void backward(const Matrix& x, const Matrix& g, LayerCache& cache) override;

  std::vector<NamedMatrix> forward_values(const LayerCache& cache) const override;
  std::vector<NamedMatrix> backward_values(const LayerCache& cache) const override;

 private:
  Index width_;
  Activation activation_;
  RowMatrixMap W1_{nullptr, 0, 0};   // (width × width)
  VectorMap b1_{nullptr, 0};         // (width)
  RowMatrixMap W2_{nullptr, 0, 0};   // (width × width)
  RowMatrixMap dW1_{nullptr, 0, 0};  // (width × width)
  VectorMap db1_{nullptr, 0};        // (width)
  RowMatrixMap dW2_{nullptr, 0, 0};  // (width × width)
};

}  // namespace lab
