// Residual block forward and backward (see residual.hpp). Legend: B = batch size, w = width.
#include "core/nn/residual.hpp"

#include <new>

namespace lab {

Residual::Residual(Index width, Activation activation) : width_(width), activation_(activation) {}

std::vector<ParamBlock> Residual::param_blocks() const {
  const Index n = width_ * width_;
  return {{"W1", width_, width_, 0, true}, {"b1", width_, 1, n, false}, {"W2", width_, width_, n + width_, true}};
}

void Residual::bind(double* params, double* grads) {
  const Index n = width_ * width_;
  new (&W1_) RowMatrixMap(params, width_, width_);
  new (&b1_) VectorMap(params + n, width_);
  new (&W2_) RowMatrixMap(params + n + width_, width_, width_);
  new (&dW1_) RowMatrixMap(grads, width_, width_);
  new (&db1_) VectorMap(grads + n, width_);
  new (&dW2_) RowMatrixMap(grads + n + width_, width_, width_);
}

void Residual::forward(const Matrix& x, LayerCache& cache) const {
  // z = W1 x + b1   (w × B)
  cache.z.resize(width_, x.cols());
  cache.z.noalias() = W1_ * x;
  cache.z.colwise() += b1_;
  // h = f(z)
  activation_.activate(cache.z, cache.h);
  // x' = x + W2 h
  cache.a = x;
  cache.a.noalias() += W2_ * cache.h;
}

void Residual::backward(const Matrix& x, const Matrix& g, LayerCache& cache) {
  // dL/dW2 = g hᵀ   with g = dL/dx'
  dW2_.noalias() = g * cache.h.transpose();
  hook_.weight_gradient(x.cols(), dW2_);
  // dL/dh = W2ᵀ g
  cache.dh.resize(width_, x.cols());
  cache.dh.noalias() = W2_.transpose() * g;
  hook_.passed_down(W2_, g, cache.dh);
  // δ = dL/dz = f'(z) ⊙ dL/dh
  activation_.apply_jacobian(cache.z, cache.h, cache.dh, cache.delta);
  hook_.delta(activation_, cache.z, cache.h, cache.dh, cache.delta);
  // dL/dW1 = δ xᵀ,  dL/db1 = Σ over the batch of δ
  dW1_.noalias() = cache.delta * x.transpose();
  hook_.weight_gradient(x.cols(), dW1_);
  db1_.noalias() = cache.delta.rowwise().sum();
  // dL/dx = g + W1ᵀ δ   (the identity path plus the branch)
  cache.grad_in = g;
  cache.grad_in.noalias() += W1_.transpose() * cache.delta;
  hook_.passed_down(W1_, cache.delta, cache.grad_in, &g);
}

std::vector<NamedMatrix> Residual::forward_values(const LayerCache& cache) const {
  return {{"z", cache.z}, {"h", cache.h}, {"a", cache.a}};
}

std::vector<NamedMatrix> Residual::backward_values(const LayerCache& cache) const {
  Matrix fprime;
  activation_.derivative(cache.z, cache.h, fprime);
  hook_.fprime(activation_, cache.z, cache.h, fprime);
  return {{"dh", cache.dh}, {"fprime", fprime}, {"delta", cache.delta},    {"dW1", dW1_},
          {"db1", db1_},    {"dW2", dW2_},      {"grad_in", cache.grad_in}};
}

}  // namespace lab
