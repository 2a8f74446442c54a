// Training settings (DESIGN.md: a separate object from the model spec): optimizer, learning rate,
// batch size, epochs, lr schedule, early stopping, shuffling and seed. Parsed from JSON with the
// same field-naming errors as the model spec. Every name, range and default is a row of
// settings_schema.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/types.hpp"
#include "core/train/optimizer.hpp"
#include "core/train/settings_schema.hpp"

namespace lab {

// In the order of settings_schema::kScheduleTypes. step: lr · factor^⌊epoch / every⌋.
enum class ScheduleType { constant, step };
// In the order of settings_schema::kStopMetrics: the validation loss (lower is better), the
// validation accuracy or R² (higher is better), or seed 002's convergence rule (stop when
// |J_t − J_{t−1}| < min_delta; needs no validation set).
enum class StopMetric { val_loss, val_metric, train_loss_change };
// In the order of settings_schema::kEpochMetrics: how the history's training loss and metric are
// taken at the end of each epoch. full: one extra pass over the whole training set with the
// epoch's final weights; running: the means over the epoch's mini-batches as they were trained
// (seed 001's loss curve, Keras's fit), which costs no extra pass.
enum class EpochMetrics { full, running };

// Each one's name in JSON, from its row.
std::string_view schedule_type_name(ScheduleType type);
std::string_view stop_metric_name(StopMetric metric);
std::string_view epoch_metrics_name(EpochMetrics metrics);

struct LrSchedule {
  ScheduleType type = static_cast<ScheduleType>(settings_schema::schedule_type.default_index());
  double factor = settings_schema::schedule_factor.fallback;
  int every = static_cast<int>(settings_schema::schedule_every.fallback);
};

struct EarlyStopping {
  bool enabled = settings_schema::stop_enabled.fallback != 0.0;
  StopMetric metric = static_cast<StopMetric>(settings_schema::stop_metric.default_index());
  int patience = static_cast<int>(settings_schema::stop_patience.fallback);  // epochs without improvement
  double min_delta = settings_schema::stop_min_delta.fallback;               // ΔJ
  bool restore_best = settings_schema::stop_restore_best.fallback != 0.0;
};

struct TrainSettings {
  OptimizerSettings optimizer;
  double learning_rate = settings_schema::learning_rate.fallback;
  Index batch_size = as_integer(settings_schema::batch_size.fallback);  // 1 = per-sample SGD; ≥ n = full batch
  int epochs = static_cast<int>(settings_schema::epochs.fallback);
  LrSchedule lr_schedule;
  EarlyStopping early_stopping;
  bool shuffle = settings_schema::shuffle.fallback != 0.0;
  std::uint64_t seed = static_cast<std::uint64_t>(settings_schema::seed.fallback);
  EpochMetrics epoch_metrics = static_cast<EpochMetrics>(settings_schema::epoch_metrics.default_index());
  bool layer_stats = settings_schema::layer_stats.fallback != 0.0;  // record LayerStats (layer_stats.hpp)
};

TrainSettings parse_train_settings(std::string_view json_text);
std::string train_settings_to_json(const TrainSettings& settings);
void validate_train_settings(const TrainSettings& settings);
// True when early stopping watches a validation score (val_loss, val_metric): the trainer then
// needs validation data and scores it after every epoch.
bool watches_validation(const TrainSettings& settings);

}  // namespace lab
