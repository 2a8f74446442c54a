// Training settings parsing, validation and writing (see train_settings.hpp).
#include "core/train/train_settings.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[Settings]";
constexpr std::int64_t kMaxSeed = (std::int64_t{1} << 53) - 1;

OptimizerSettings parse_optimizer(const Json& value) {
  OptimizerSettings optimizer;
  if (value.is_string()) {
    optimizer.name = value.get<std::string>();
    return optimizer;
  }
  JsonFields fields(value, kTag, "optimizer", {"name", "momentum", "rho", "beta1", "beta2", "eps"});
  optimizer.name = fields.text("name", "sgd");
  optimizer.momentum = fields.number("momentum", 0.0, 0.999999, optimizer.momentum);
  optimizer.rho = fields.number("rho", 0.0, 0.999999, optimizer.rho);
  optimizer.beta1 = fields.number("beta1", 0.0, 0.999999, optimizer.beta1);
  optimizer.beta2 = fields.number("beta2", 0.0, 0.999999, optimizer.beta2);
  optimizer.eps = fields.number("eps", 1e-300, 1.0, optimizer.eps);
  return optimizer;
}

}  // namespace

TrainSettings parse_train_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "",
                    {"optimizer", "learning_rate", "batch_size", "epochs", "lr_schedule", "early_stopping", "shuffle",
                     "seed", "epoch_metrics"});
  TrainSettings settings;
  if (fields.has("optimizer")) settings.optimizer = parse_optimizer(fields.get("optimizer"));
  settings.learning_rate = fields.number("learning_rate", 0.0, TrainLimits::max_learning_rate, settings.learning_rate);
  settings.batch_size =
      static_cast<Index>(fields.integer("batch_size", 1, TrainLimits::max_batch_size, settings.batch_size));
  settings.epochs = static_cast<int>(fields.integer("epochs", 1, TrainLimits::max_epochs, settings.epochs));
  if (fields.has("lr_schedule")) {
    JsonFields schedule(fields.get("lr_schedule"), kTag, "lr_schedule", {"type", "factor", "every"});
    settings.lr_schedule.type = schedule.text("type", "constant");
    settings.lr_schedule.factor = schedule.number("factor", 1e-6, 1.0, settings.lr_schedule.factor);
    settings.lr_schedule.every =
        static_cast<int>(schedule.integer("every", 1, TrainLimits::max_epochs, settings.lr_schedule.every));
  }
  if (fields.has("early_stopping")) {
    const Json& value = fields.get("early_stopping");
    if (value.is_boolean()) {
      settings.early_stopping.enabled = value.get<bool>();
    } else if (!value.is_null()) {
      JsonFields stop(value, kTag, "early_stopping", {"enabled", "metric", "patience", "min_delta", "restore_best"});
      settings.early_stopping.enabled = stop.boolean("enabled", true);
      settings.early_stopping.metric = stop.text("metric", "val_loss");
      settings.early_stopping.patience = static_cast<int>(stop.integer("patience", 1, TrainLimits::max_epochs, 10));
      settings.early_stopping.min_delta = stop.number("min_delta", 0.0, 1e6, 0.0);
      settings.early_stopping.restore_best = stop.boolean("restore_best", true);
    }
  }
  settings.shuffle = fields.boolean("shuffle", true);
  settings.epoch_metrics = fields.text("epoch_metrics", settings.epoch_metrics);
  settings.seed = static_cast<std::uint64_t>(fields.integer("seed", 0, kMaxSeed, 42));
  validate_train_settings(settings);
  return settings;
}

void validate_train_settings(const TrainSettings& s) {
  const auto fail = [](const std::string& field, const std::string& what) {
    throw SpecError(std::string(kTag) + " " + field + " " + what);
  };
  validate_optimizer_settings(s.optimizer);
  if (!(std::isfinite(s.learning_rate) && s.learning_rate > 0.0 && s.learning_rate <= TrainLimits::max_learning_rate))
    fail("learning_rate", "must be a number in 0..1000 (above 0), got " + format_number(s.learning_rate));
  if (s.batch_size < 1 || s.batch_size > TrainLimits::max_batch_size)
    fail("batch_size", "must be an integer in 1..1000000, got " + std::to_string(s.batch_size));
  if (s.epochs < 1 || s.epochs > TrainLimits::max_epochs)
    fail("epochs", "must be an integer in 1..100000, got " + std::to_string(s.epochs));
  if (s.lr_schedule.type != "constant" && s.lr_schedule.type != "step")
    fail("lr_schedule.type", "must be \"constant\" or \"step\", got \"" + s.lr_schedule.type + "\"");
  if (!(s.lr_schedule.factor > 0.0 && s.lr_schedule.factor <= 1.0))
    fail("lr_schedule.factor", "must be a number in 0..1 (above 0), got " + format_number(s.lr_schedule.factor));
  if (s.lr_schedule.every < 1)
    fail("lr_schedule.every", "must be an integer of 1 or more, got " + std::to_string(s.lr_schedule.every));
  if (s.early_stopping.metric != "val_loss" && s.early_stopping.metric != "val_metric" &&
      s.early_stopping.metric != "train_loss_change")
    fail("early_stopping.metric",
         "must be \"val_loss\", \"val_metric\" (validation accuracy or R²) or \"train_loss_change\" "
         "(stop when the training loss changes by less than min_delta between epochs), got \"" +
             s.early_stopping.metric + "\"");
  if (s.early_stopping.patience < 1)
    fail("early_stopping.patience",
         "must be an integer of 1 or more, got " + std::to_string(s.early_stopping.patience));
  if (s.epoch_metrics != "full" && s.epoch_metrics != "running")
    fail("epoch_metrics",
         "must be \"full\" (a pass over the training set after each epoch) or \"running\" (means over "
         "the epoch's mini-batches), got \"" +
             s.epoch_metrics + "\"");
}

std::string train_settings_to_json(const TrainSettings& s) {
  Json root;
  root["optimizer"] = {{"name", s.optimizer.name},   {"momentum", s.optimizer.momentum}, {"rho", s.optimizer.rho},
                       {"beta1", s.optimizer.beta1}, {"beta2", s.optimizer.beta2},       {"eps", s.optimizer.eps}};
  root["learning_rate"] = s.learning_rate;
  root["batch_size"] = s.batch_size;
  root["epochs"] = s.epochs;
  root["lr_schedule"] = {{"type", s.lr_schedule.type},
                         {"factor", s.lr_schedule.factor},
                         {"every", s.lr_schedule.every}};
  root["early_stopping"] = {{"enabled", s.early_stopping.enabled},
                            {"metric", s.early_stopping.metric},
                            {"patience", s.early_stopping.patience},
                            {"min_delta", s.early_stopping.min_delta},
                            {"restore_best", s.early_stopping.restore_best}};
  root["shuffle"] = s.shuffle;
  root["epoch_metrics"] = s.epoch_metrics;
  root["seed"] = s.seed;
  return root.dump();
}

}  // namespace lab
