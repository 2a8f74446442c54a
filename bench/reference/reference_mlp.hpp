// The benchmarks' "limit": a minimal hand-written Eigen MLP for workloads A and B (sigmoid or ReLU
// hidden layers, softmax + cross-entropy, plain SGD), the same maths as the core and nothing else:
// no checks, no trace, no divergence guard, no generality. bench/ compares the core against it.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace bench {

using Matrix = Eigen::MatrixXd;                                                         // column-major
using RowMap = Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;  // W
using VecMap = Eigen::Map<Eigen::VectorXd>;

enum class Hidden { sigmoid, relu };

class ReferenceMlp {
 public:
  // sizes: input, hidden…, output. params: the core's flat order (per layer W row-major, then b).
  ReferenceMlp(std::vector<int> sizes, Hidden hidden, const std::vector<double>& params);

  // Trains `epochs` epochs of mini-batch SGD over X (in × n) with one-hot targets Y (out × n),
  // shuffling with lab::Rng(seed) as the core's Trainer does. Returns the last epoch's running
  // mean loss; `accuracy` gets its running accuracy.
  double train(const Matrix& X, const Matrix& Y, int epochs, int batch, double lr, std::uint64_t seed,
               double& accuracy);

  const Eigen::VectorXd& parameters() const { return params_; }

 private:
  // The batch's mean cross-entropy (fills a, z of every layer and the gradients).
  double step(const Matrix& Xb, const Matrix& Yb, double lr, long& correct);

  std::vector<int> sizes_;
  Hidden hidden_;
  Eigen::VectorXd params_;      // (P) flat, as the core stores them (aligned, as the core's)
  std::vector<RowMap> W_, dW_;  // (out × in) per layer, into params_ and grads_
  std::vector<VecMap> b_, db_;  // (out) per layer
  Eigen::VectorXd grads_;       // (P)
  std::vector<Matrix> z_, a_, delta_;  // (out × B) per layer
  Matrix g_;                           // (in × B) Wᵀ δ, passed down
};

}  // namespace bench
