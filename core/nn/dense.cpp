// Dense layer forward and backward (see dense.hpp). Legend: B = batch size.
#include "core/nn/dense.hpp"

#include <new>

namespace lab {

Dense::Dense(Index in, Index out, Activation activation, bool bias)
    : in_(in), out_(out), activation_(activation), bias_(bias) {}

std::vector<ParamBlock> Dense::param_blocks() const {
  if (!bias_) return {{"W", out_, in_, 0, true}};
  return {{"W", out_, in_, 0, true}, {"b", out_, 1, out_ * in_, false}};
}

void Dense::bind(double* params, double* grads) {
  const Index bias_size = bias_ ? out_ : 0;
  new (&W_) RowMatrixMap(params, out_, in_);
  new (&b_) VectorMap(params + out_ * in_, bias_size);
  new (&dW_) RowMatrixMap(grads, out_, in_);
  new (&db_) VectorMap(grads + out_ * in_, bias_size);
}

void Dense::forward(const Matrix& x, LayerCache& cache) const {
  // z = W a + b   (out × B)
  cache.z.resize(out_, x.cols());
  cache.z.noalias() = W_ * x;
  if (bias_) cache.z.colwise() += b_;
  // a' = f(z)
  activation_.activate(cache.z, cache.a);
}

void Dense::backward(const Matrix& x, const Matrix& g, LayerCache& cache) {
  // δ = dL/dz = f'(z) ⊙ dL/da
  activation_.apply_jacobian(cache.z, cache.a, g, cache.delta);
  hook_.delta(activation_, cache.z, cache.a, g, cache.delta);
  backward_from_delta(x, cache);
}

void Dense::backward_from_delta(const Matrix& x, LayerCache& cache) {
  // dL/dW = δ aᵀ  (the 1/B of the mean loss is already inside δ)
  dW_.noalias() = cache.delta * x.transpose();
  hook_.weight_gradient(x.cols(), dW_);
  // dL/db = Σ over the batch of δ
  if (bias_) db_.noalias() = cache.delta.rowwise().sum();
  if (!input_gradient_) return;  // nobody reads dL/dx of the first layer while training
  // dL/da_in = Wᵀ δ   (in × B)
  cache.grad_in.resize(in_, x.cols());
  cache.grad_in.noalias() = W_.transpose() * cache.delta;
  hook_.passed_down(W_, cache.delta, cache.grad_in);
}

std::vector<NamedMatrix> Dense::forward_values(const LayerCache& cache) const {
  return {{"z", cache.z}, {"a", cache.a}};
}

std::vector<NamedMatrix> Dense::backward_values(const LayerCache& cache) const {
  Matrix fprime;
  activation_.derivative(cache.z, cache.a, fprime);
  hook_.fprime(activation_, cache.z, cache.a, fprime);
  return {{"fprime", fprime}, {"delta", cache.delta}, {"dW", dW_}, {"db", db_}, {"grad_in", cache.grad_in}};
}

}  // namespace lab
