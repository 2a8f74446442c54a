// Early stopping after each epoch (see early_stopping_rule.hpp).
#include "core/train/early_stopping_rule.hpp"

#include <cmath>

#include "core/base/format.hpp"
#include "core/train/trainer.hpp"

namespace lab {

EarlyStoppingRule::EarlyStoppingRule(const EarlyStopping& settings, std::string metric, const Vector& start)
    : settings_(settings),
      on_train_loss_change_(settings.metric == StopMetric::train_loss_change),
      on_val_metric_(settings.metric == StopMetric::val_metric),
      metric_(std::move(metric)) {
  reset(start);
}

void EarlyStoppingRule::reset(const Vector& start) {
  best_parameters_ = start;
  best_score_ = 0.0;
  best_epoch_ = 0;
  epochs_without_improvement_ = 0;
  previous_train_loss_ = 0.0;
  message_.clear();
}

bool EarlyStoppingRule::restores_best() const { return settings_.restore_best && !on_train_loss_change_; }

bool EarlyStoppingRule::should_stop(const EpochRecord& record, const Vector& parameters) {
  if (!settings_.enabled) return false;
  return on_train_loss_change_ ? stop_on_train_loss_change(record) : stop_on_validation(record, parameters);
}

bool EarlyStoppingRule::stop_on_train_loss_change(const EpochRecord& record) {
  // seed 002: stop once |J_t − J_{t−1}| < ΔJ (min_delta) for `patience` epochs in a row
  const double previous = previous_train_loss_;
  previous_train_loss_ = record.train_loss;
  if (record.epoch < 2) return false;
  const double change = std::abs(record.train_loss - previous);
  epochs_without_improvement_ = change < settings_.min_delta ? epochs_without_improvement_ + 1 : 0;
  if (epochs_without_improvement_ < settings_.patience) return false;
  best_epoch_ = record.epoch;
  message_ = "stopped at epoch " + std::to_string(record.epoch) + ": the training loss changed by " +
             format_number(change) + ", less than ΔJ = " + format_number(settings_.min_delta) +
             (settings_.patience > 1 ? ", for " + std::to_string(settings_.patience) + " epochs in a row" : "") +
             " (converged)";
  return true;
}

bool EarlyStoppingRule::stop_on_validation(const EpochRecord& record, const Vector& parameters) {
  // higher is better for the metric; lower is better for the loss
  const double score = on_val_metric_ ? record.val_metric : -record.val_loss;
  if (record.epoch == 1 || score > best_score_ + settings_.min_delta) {
    best_score_ = score;
    best_epoch_ = record.epoch;
    best_parameters_ = parameters;
    epochs_without_improvement_ = 0;
    return false;
  }
  if (++epochs_without_improvement_ < settings_.patience) return false;
  const std::string what = on_val_metric_ ? "the validation " + metric_ : std::string("the validation loss");
  message_ = "stopped at epoch " + std::to_string(record.epoch) + ", best epoch " + std::to_string(best_epoch_) +
             (restores_best() ? " restored" : "") + ": " + what + " has not improved by more than " +
             format_number(settings_.min_delta) + " for " + std::to_string(settings_.patience) + " epochs";
  return true;
}

}  // namespace lab
