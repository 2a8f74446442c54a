// The running metrics of epoch_metrics "running": an epoch's training loss and metric as the
// means over its mini-batches, each taken before its update and weighted by its size (seed 001's
// loss curve, Keras's logs), from sums kept as the batches are trained, with no extra pass.
#pragma once

#include "core/base/types.hpp"
#include "core/train/evaluation.hpp"

namespace lab {

class RunningMetrics {
 public:
  // For `outputs` rows of outputs and targets, scored as `task` asks (accuracy, R², weighted R²).
  RunningMetrics(Index outputs, Task task);
  RunningMetrics() = default;  // for no outputs: a placeholder until the trainer knows its task

  // Adds one trained mini-batch: its loss before the update, its outputs and targets (out × size).
  // Allocates nothing.
  void add(const LossParts& batch_loss, const Matrix& output, const Matrix& target);
  // The epoch's {loss, metric} over the batches added since the last take (at least one), and
  // clears the sums for the next epoch.
  Evaluation take();
  // Forgets the batches added so far.
  void clear();

 private:
  Task task_ = Task::regression;
  double loss_ = 0.0;        // Σ batch size × batch loss (data loss + penalty)
  double penalty_ = 0.0;     // Σ batch size × batch penalty
  Index samples_ = 0;        // samples trained this epoch
  Index correct_ = 0;        // of them classified correctly before their update
  Vector target_sum_;        // (out) Σ t       } per output row, for R² =
  Vector target_squares_;    // (out) Σ t²      } 1 − SS_res / SS_tot with
  Vector residual_squares_;  // (out) Σ (t − p)² } SS_tot = Σ t² − (Σ t)² / n
};

}  // namespace lab
