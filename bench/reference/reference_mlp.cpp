// The hand-written reference MLP (see reference_mlp.hpp). Legend: B = batch size, L = layers.
#include "reference_mlp.hpp"

#include <cmath>
#include <numeric>

#include "core/base/rng.hpp"

namespace bench {

ReferenceMlp::ReferenceMlp(std::vector<int> sizes, Hidden hidden, const std::vector<double>& params)
    : sizes_(std::move(sizes)), hidden_(hidden), params_(Eigen::Map<const Eigen::VectorXd>(params.data(), static_cast<Eigen::Index>(params.size()))),
      grads_(Eigen::VectorXd::Zero(params_.size())) {
  const std::size_t layers = sizes_.size() - 1;
  std::size_t offset = 0;
  for (std::size_t l = 0; l < layers; ++l) {
    const int in = sizes_[l], out = sizes_[l + 1];
    W_.emplace_back(params_.data() + offset, out, in);
    dW_.emplace_back(grads_.data() + offset, out, in);
    offset += static_cast<std::size_t>(out) * static_cast<std::size_t>(in);
    b_.emplace_back(params_.data() + offset, out);
    db_.emplace_back(grads_.data() + offset, out);
    offset += static_cast<std::size_t>(out);
  }
  z_.resize(layers);
  a_.resize(layers);
  delta_.resize(layers);
}

double ReferenceMlp::step(const Matrix& Xb, const Matrix& Yb, double lr, long& correct) {
  const std::size_t L = W_.size();
  const Eigen::Index B = Xb.cols();
  const Matrix* x = &Xb;
  for (std::size_t l = 0; l < L; ++l) {
    // z = W x + b
    z_[l].resize(W_[l].rows(), B);
    z_[l].noalias() = W_[l] * *x;
    z_[l].colwise() += b_[l];
    if (l + 1 < L && hidden_ == Hidden::sigmoid) {
      a_[l] = (1.0 + (-z_[l].array()).exp()).inverse().matrix();
    } else if (l + 1 < L) {
      a_[l] = z_[l].cwiseMax(0.0);
    }
    x = &a_[l];
  }
  // softmax and the cross-entropy, one log per sample: L_j = m + log Σ e^(z − m) − y·z
  Matrix& z = z_[L - 1];
  Matrix& a = a_[L - 1];
  a.resize(z.rows(), B);
  double loss = 0.0;
  for (Eigen::Index j = 0; j < B; ++j) {
    const double m = z.col(j).maxCoeff();
    a.col(j) = (z.col(j).array() - m).exp().matrix();
    const double s = a.col(j).sum();
    a.col(j) /= s;
    loss += m + std::log(s) - Yb.col(j).dot(z.col(j));
    Eigen::Index predicted = 0, label = 0;
    a.col(j).maxCoeff(&predicted);
    Yb.col(j).maxCoeff(&label);
    correct += predicted == label ? 1 : 0;
  }
  // δ_L = (a − y)/B
  delta_[L - 1].noalias() = (a - Yb) / static_cast<double>(B);
  for (std::size_t l = L; l-- > 0;) {
    const Matrix& input = l == 0 ? Xb : a_[l - 1];
    // dW = δ xᵀ, db = Σ_batch δ
    dW_[l].noalias() = delta_[l] * input.transpose();
    db_[l].noalias() = delta_[l].rowwise().sum();
    if (l == 0) break;
    // δ_(l−1) = f'(z_(l−1)) ⊙ Wᵀ δ_l
    g_.resize(W_[l].cols(), B);
    g_.noalias() = W_[l].transpose() * delta_[l];
    if (hidden_ == Hidden::sigmoid) {
      delta_[l - 1] = (g_.array() * a_[l - 1].array() * (1.0 - a_[l - 1].array())).matrix();
    } else {
      delta_[l - 1] = (z_[l - 1].array() > 0.0).select(g_, 0.0);
    }
  }
  // θ ← θ − η ∇θ
  params_ -= lr * grads_;
  return loss / static_cast<double>(B);
}

double ReferenceMlp::train(const Matrix& X, const Matrix& Y, int epochs, int batch, double lr, std::uint64_t seed,
                           double& accuracy) {
  const Eigen::Index n = X.cols();
  std::vector<int> order(static_cast<std::size_t>(n));
  lab::Rng rng(seed);
  Matrix Xb, Yb;
  double epoch_loss = 0.0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    double loss_sum = 0.0;
    long correct = 0;
    for (Eigen::Index start = 0; start < n; start += batch) {
      const Eigen::Index size = std::min<Eigen::Index>(batch, n - start);
      Xb.resize(X.rows(), size);
      Yb.resize(Y.rows(), size);
      for (Eigen::Index j = 0; j < size; ++j) {
        Xb.col(j) = X.col(order[static_cast<std::size_t>(start + j)]);
        Yb.col(j) = Y.col(order[static_cast<std::size_t>(start + j)]);
      }
      loss_sum += step(Xb, Yb, lr, correct) * static_cast<double>(size);
    }
    epoch_loss = loss_sum / static_cast<double>(n);
    accuracy = static_cast<double>(correct) / static_cast<double>(n);
  }
  return epoch_loss;
}

}  // namespace bench
