// Running means over an epoch's mini-batches (see running_metrics.hpp).
#include "core/train/running_metrics.hpp"

#include <algorithm>

#include "core/train/metrics.hpp"

namespace lab {

RunningMetrics::RunningMetrics(Index outputs, Task task)
    : task_(task),
      target_sum_(Vector::Zero(outputs)),
      target_squares_(Vector::Zero(outputs)),
      residual_squares_(Vector::Zero(outputs)) {}

void RunningMetrics::add(const LossParts& batch_loss, const Matrix& output, const Matrix& target) {
  const Index size = target.cols();
  loss_ += batch_loss.total() * static_cast<double>(size);
  penalty_ += batch_loss.penalty * static_cast<double>(size);
  samples_ += size;
  if (task_ == Task::classification) {
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
  if (task_ == Task::classification) {
    result.metric = static_cast<double>(correct_) / n;
  } else {
    Vector ss_tot(target_sum_.size());
    for (Index row = 0; row < target_sum_.size(); ++row) {
      // SS_tot = Σ t² − (Σ t)² / n, taken as 0 within rounding of Σ t² (constant targets)
      ss_tot(row) = target_squares_(row) - target_sum_(row) * target_sum_(row) / n;
      if (ss_tot(row) <= 1e-12 * std::max(1.0, target_squares_(row))) ss_tot(row) = 0.0;
    }
    if (task_ == Task::reconstruction) {
      result.metric = r2_weighted_from_sums(residual_squares_, ss_tot);
    } else {
      double total = 0.0;
      for (Index row = 0; row < ss_tot.size(); ++row) total += r2_from_sums(residual_squares_(row), ss_tot(row));
      result.metric = total / static_cast<double>(ss_tot.size());
    }
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
