// Early stopping, judged after each epoch from its record: on the validation loss or metric, with
// patience and min_delta, keeping the best epoch's weights to put back (restore_best); or seed
// 002's convergence rule train_loss_change, |J_t − J_{t−1}| < ΔJ (= min_delta) for `patience`
// epochs in a row, which keeps the final weights.
#pragma once

#include <string>

#include "core/base/types.hpp"
#include "core/train/train_settings.hpp"

namespace lab {

struct EpochRecord;

class EarlyStoppingRule {
 public:
  // `metric` names what val_metric is ("accuracy", "r2") in the message; `start` is the weights
  // training starts from (P), the best so far until an epoch is recorded.
  EarlyStoppingRule(const EarlyStopping& settings, std::string metric, const Vector& start);
  EarlyStoppingRule() = default;  // off

  // Judges the epoch just recorded, whose training ended with `parameters` (P). True when training
  // should stop: message() then says why, and when restores_best() the trainer puts back
  // best_parameters(). Does nothing (false) when early stopping is off.
  bool should_stop(const EpochRecord& record, const Vector& parameters);
  // Forgets every epoch seen, as at the start of training from `start`.
  void reset(const Vector& start);

  // The epoch with the best validation score so far (train_loss_change: the epoch it stopped at);
  // 0 before any, or when early stopping is off.
  int best_epoch() const { return best_epoch_; }
  // Whether stopping puts the best epoch's weights back (restore_best on a validation score).
  bool restores_best() const;
  const Vector& best_parameters() const { return best_parameters_; }
  const std::string& message() const { return message_; }

 private:
  bool stop_on_train_loss_change(const EpochRecord& record);
  bool stop_on_validation(const EpochRecord& record, const Vector& parameters);

  EarlyStopping settings_;
  bool on_train_loss_change_ = false;  // settings_.metric == StopMetric::train_loss_change
  bool on_val_metric_ = false;         // settings_.metric == StopMetric::val_metric
  std::string metric_;                 // "accuracy" or "r2"
  Vector best_parameters_;             // (P) weights of the best epoch
  double best_score_ = 0.0;            // higher is better: the metric, or −(validation loss)
  int best_epoch_ = 0;
  int epochs_without_improvement_ = 0;  // or, for train_loss_change, epochs in a row with a change < ΔJ
  double previous_train_loss_ = 0.0;    // J_(t−1), train_loss_change only
  std::string message_;
};

}  // namespace lab
