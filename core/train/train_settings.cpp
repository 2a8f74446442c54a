// Training settings parsing, validation and writing (see train_settings.hpp).
#include "core/train/train_settings.hpp"

#include <iterator>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"

namespace lab {
namespace {

namespace rows = settings_schema;
constexpr const char* kTag = "[Settings]";

OptimizerSettings parse_optimizer(const Json& value) {
  OptimizerSettings optimizer;
  if (value.is_string()) {
    optimizer.kind = optimizer_from_name(value.get<std::string>(), rows::optimizer.path);
    return optimizer;
  }
  JsonFields fields(value, kTag, "optimizer", {"name", "momentum", "rho", "beta1", "beta2", "eps", "memory"});
  optimizer.kind = static_cast<OptimizerKind>(fields.choice(rows::optimizer));
  optimizer.momentum = fields.number(rows::momentum);
  optimizer.rho = fields.number(rows::rho);
  optimizer.beta1 = fields.number(rows::beta1);
  optimizer.beta2 = fields.number(rows::beta2);
  optimizer.eps = fields.number(rows::eps);
  optimizer.memory = static_cast<int>(fields.integer(rows::memory));
  return optimizer;
}

}  // namespace

static_assert(std::size(rows::kScheduleTypes) == static_cast<std::size_t>(ScheduleType::step) + 1);
static_assert(std::size(rows::kStopMetrics) == static_cast<std::size_t>(StopMetric::train_loss_change) + 1);
static_assert(std::size(rows::kEpochMetrics) == static_cast<std::size_t>(EpochMetrics::running) + 1);

std::string_view schedule_type_name(ScheduleType type) {
  return rows::schedule_type.choices[static_cast<std::size_t>(type)].name;
}

std::string_view stop_metric_name(StopMetric metric) {
  return rows::stop_metric.choices[static_cast<std::size_t>(metric)].name;
}

std::string_view epoch_metrics_name(EpochMetrics metrics) {
  return rows::epoch_metrics.choices[static_cast<std::size_t>(metrics)].name;
}

TrainSettings parse_train_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "",
                    {"optimizer", "learning_rate", "batch_size", "epochs", "lr_schedule", "early_stopping", "shuffle",
                     "layer_stats", "seed", "epoch_metrics"});
  TrainSettings settings;
  if (fields.has("optimizer")) settings.optimizer = parse_optimizer(fields.get("optimizer"));
  settings.learning_rate = fields.number(rows::learning_rate);
  settings.batch_size = static_cast<Index>(fields.integer(rows::batch_size));
  settings.epochs = static_cast<int>(fields.integer(rows::epochs));
  if (fields.has("lr_schedule")) {
    JsonFields schedule(fields.get("lr_schedule"), kTag, "lr_schedule", {"type", "factor", "every"});
    settings.lr_schedule.type = static_cast<ScheduleType>(schedule.choice(rows::schedule_type));
    settings.lr_schedule.factor = schedule.number(rows::schedule_factor);
    settings.lr_schedule.every = static_cast<int>(schedule.integer(rows::schedule_every));
  }
  if (fields.has("early_stopping")) {
    const Json& value = fields.get("early_stopping");
    if (value.is_boolean()) {
      settings.early_stopping.enabled = value.get<bool>();
    } else if (!value.is_null()) {
      JsonFields stop(value, kTag, "early_stopping", {"enabled", "metric", "patience", "min_delta", "restore_best"});
      // an early_stopping object means "on" unless it says "enabled": false
      settings.early_stopping.enabled = stop.boolean("enabled", true);
      settings.early_stopping.metric = static_cast<StopMetric>(stop.choice(rows::stop_metric));
      settings.early_stopping.patience = static_cast<int>(stop.integer(rows::stop_patience));
      settings.early_stopping.min_delta = stop.number(rows::stop_min_delta);
      settings.early_stopping.restore_best = stop.flag(rows::stop_restore_best);
    }
  }
  settings.shuffle = fields.flag(rows::shuffle);
  settings.layer_stats = fields.flag(rows::layer_stats);
  settings.epoch_metrics = static_cast<EpochMetrics>(fields.choice(rows::epoch_metrics));
  settings.seed = static_cast<std::uint64_t>(fields.integer(rows::seed));
  validate_train_settings(settings);
  return settings;
}

bool watches_validation(const TrainSettings& settings) {
  return settings.early_stopping.enabled && settings.early_stopping.metric != StopMetric::train_loss_change;
}

void validate_train_settings(const TrainSettings& s) {
  validate_optimizer_settings(s.optimizer);
  const auto check = [](const Field& field, double value) { check_field(field, value, kTag, field.path); };
  check(rows::learning_rate, s.learning_rate);
  check(rows::batch_size, static_cast<double>(s.batch_size));
  check(rows::epochs, s.epochs);
  check(rows::schedule_factor, s.lr_schedule.factor);
  check(rows::schedule_every, s.lr_schedule.every);
  check(rows::stop_patience, s.early_stopping.patience);
  check(rows::stop_min_delta, s.early_stopping.min_delta);
  check(rows::seed, static_cast<double>(s.seed));
}

std::string train_settings_to_json(const TrainSettings& s) {
  Json root;
  root["optimizer"] = {{"name", std::string(optimizer_name(s.optimizer.kind))},
                       {"momentum", s.optimizer.momentum},
                       {"rho", s.optimizer.rho},
                       {"beta1", s.optimizer.beta1},
                       {"beta2", s.optimizer.beta2},
                       {"eps", s.optimizer.eps},
                       {"memory", s.optimizer.memory}};
  root["learning_rate"] = s.learning_rate;
  root["batch_size"] = s.batch_size;
  root["epochs"] = s.epochs;
  root["lr_schedule"] = {{"type", std::string(schedule_type_name(s.lr_schedule.type))},
                         {"factor", s.lr_schedule.factor},
                         {"every", s.lr_schedule.every}};
  root["early_stopping"] = {{"enabled", s.early_stopping.enabled},
                            {"metric", std::string(stop_metric_name(s.early_stopping.metric))},
                            {"patience", s.early_stopping.patience},
                            {"min_delta", s.early_stopping.min_delta},
                            {"restore_best", s.early_stopping.restore_best}};
  root["shuffle"] = s.shuffle;
  root["layer_stats"] = s.layer_stats;
  root["epoch_metrics"] = std::string(epoch_metrics_name(s.epoch_metrics));
  root["seed"] = s.seed;
  return root.dump();
}

}  // namespace lab
