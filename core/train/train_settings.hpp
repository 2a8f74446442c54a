// Training settings (DESIGN.md: a separate object from the model spec): optimizer, learning rate,
// batch size, epochs, lr schedule, early stopping, shuffling and seed. Parsed from JSON with the
// same field-naming errors as the model spec.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/types.hpp"
#include "core/train/optimizer.hpp"

namespace lab {

struct LrSchedule {
  std::string type = "constant";  // "constant" or "step": lr · factor^⌊epoch / every⌋
  double factor = 0.5;
  int every = 50;
};

struct EarlyStopping {
  bool enabled = false;
  // "val_loss" (lower is better), "val_metric" (accuracy / R²), or "train_loss_change" (seed
  // 002's convergence rule: stop when |J_t − J_{t−1}| < min_delta; needs no validation set)
  std::string metric = "val_loss";
  int patience = 10;         // epochs without improvement (or of a change < ΔJ) before stopping
  double min_delta = 0.0;    // smallest change that counts as an improvement; ΔJ
  bool restore_best = true;  // put back the weights of the best epoch when stopping
};

struct TrainSettings {
  OptimizerSettings optimizer;
  double learning_rate = 0.1;
  Index batch_size = 32;  // 1 = per-sample SGD; ≥ n = full batch
  int epochs = 100;
  LrSchedule lr_schedule;
  EarlyStopping early_stopping;
  bool shuffle = true;
  std::uint64_t seed = 42;
  // How the history's training loss and metric are taken at the end of each epoch:
  // "full": one extra pass over the whole training set with the epoch's final weights;
  // "running": the means over the epoch's mini-batches as they were trained (seed 001's loss
  // curve, Keras's fit), which costs no extra pass.
  std::string epoch_metrics = "full";
};

struct TrainLimits {
  static constexpr double max_learning_rate = 1000.0;
  static constexpr Index max_batch_size = 1000000;
  static constexpr int max_epochs = 100000;
};

TrainSettings parse_train_settings(std::string_view json_text);
std::string train_settings_to_json(const TrainSettings& settings);
void validate_train_settings(const TrainSettings& settings);

}  // namespace lab
