// Running means over an epoch's mini-batches (see running_metrics.hpp).
#include "core/train/running_metrics.hpp"

#include <algorithm>

#include "core/train/metrics.hpp"

namespace lab {

RunningMetrics::RunningMetrics(Index outputs, bool classifier)
    : classifier_(classifier),
      target_sum_(Vector::Zero(outputs)),
      target_squares_(Vector::Zero(outputs)),
      residual_squares_(Vector::Zero(outputs)) {}

void RunningMetrics::add(const LossParts& batch_loss, const Matrix& output, const Matrix& target) {
  const Index size = target.cols();
  loss_ += batch_loss.total() * static_cast<double>(size);
  penalty_ += batch_loss.penalty * static_cast<double>(size);
  samples_ += size;
  if (classifier_) {
    for (Index j = 0; j < size; ++j) correct_ += label_of_column(output, j) == label_of_column(target, j) ? 1 : 0;
  } else {
    target_sum_ += target.rowwise().sum();
    target_squares_ += target.array().square().matrix().rowwise().sum();
    residual_squares_ += (target - output).array().square().matrix().rowwise().sum();
  }
}

Evaluation RunningMetrics::take() {
  Evaluation result;
  const double n = static_cast<double>(samples_);
  // loss = Σ size_b · loss_b / n: the mean over the epoch's samples
  // penalty = Σ size_b · penalty_b / n, the part of that mean that is the L2 term
  result.loss.penalty = penalty_ / n;
  result.loss.data = loss_ / n - result.loss.penalty;
  if (classifier_) {
    result.metric = static_cast<double>(correct_) / n;
  } else {
    double total = 0.0;
    for (Index row = 0; row < target_sum_.size(); ++row) {
      // SS_tot = Σ t² − (Σ t)² / n, taken as 0 within rounding of Σ t² (constant targets)
      double ss_tot = target_squares_(row) - target_sum_(row) * target_sum_(row) / n;
      if (ss_tot <= 1e-12 * std::max(1.0, target_squares_(row))) ss_tot = 0.0;
      total += r2_from_sums(residual_squares_(row), ss_tot);
    }
    result.metric = total / static_cast<double>(target_sum_.size());
  }
  clear();
  return result;
}

void RunningMetrics::clear() {
  loss_ = 0.0;
  penalty_ = 0.0;
  samples_ = 0;
  correct_ = 0;
  target_sum_.setZero();
  target_squares_.setZero();
  residual_squares_.setZero();
}

}  // namespace lab
