// The steppable trainer: one mini-batch, one epoch or n epochs at a time, never one blocking fit.
// Seeded shuffling every epoch, lr schedule, early stopping with the best weights kept, divergence
// detection that keeps the last finite weights, and a per-epoch history.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/rng.hpp"
#include "core/nn/network.hpp"
#include "core/train/early_stopping_rule.hpp"
#include "core/train/evaluation.hpp"
#include "core/train/layer_stats.hpp"
#include "core/train/lbfgs.hpp"
#include "core/train/optimizer.hpp"
#include "core/train/running_metrics.hpp"
#include "core/train/train_settings.hpp"
#include "core/train/training_path.hpp"

namespace lab {

enum class TrainStatus { ready, training, finished, early_stopped, diverged };
std::string_view train_status_name(TrainStatus status);

// The task a loss implies when nothing else is known: cross-entropies classify, mse regresses.
Task task_of_loss(LossKind loss);

// One row of the history, recorded at the end of each epoch: the training loss and metric over
// the whole training set, or (epoch_metrics "running") over the epoch's mini-batches as trained.
struct EpochRecord {
  int epoch = 0;               // 1-based: the number of completed epochs
  double train_loss = 0.0;     // data loss + penalty on the whole training set
  double train_metric = 0.0;   // accuracy (classification) or R² (regression)
  double val_loss = 0.0;       // NaN without a validation set
  double val_metric = 0.0;     // NaN without a validation set
  double learning_rate = 0.0;  // the rate used during this epoch
  double penalty = 0.0;        // the (λ/2)Σ‖W‖² inside train_loss and val_loss ("running": its
                               // mean over the epoch's batches, as inside train_loss)
  // With a reference optimum (Trainer::set_optimum; seed 000 §1.2), else NaN:
  double optimum_distance = 0.0;  // ‖θ − θ*‖ over the flat parameters
  double optimum_gap = 0.0;       // f(θ) − f(θ*), f = the full training loss (data + penalty)
  // Evaluations of the training loss f and of its gradient g since the start (cumulative). lbfgs:
  // every (f, g) on the whole training set its iterations made (its line searches included).
  // The mini-batch optimizers: full-batch equivalents, the samples their mini-batch gradients
  // covered divided by n (each mini-batch pass computes its loss too), so the number of epochs.
  // The pass that scores each epoch for this record is not counted.
  double function_evaluations = 0.0;
  double gradient_evaluations = 0.0;
};

// A known minimiser of the training loss (the exact ridge optimum of a least-squares problem),
// to measure an iterate against.
struct Optimum {
  Vector parameters;  // (P) θ*, in flat parameter order
  double loss = 0.0;  // f(θ*)
};

struct StepResult {
  int epoch = 0;                 // completed epochs after this call
  Index batch = 0;               // batches done in the current epoch (0 after an epoch ends)
  double batch_loss = 0.0;       // loss of the last mini-batch, before its update
  bool epoch_completed = false;  // this call finished at least one epoch
  TrainStatus status = TrainStatus::ready;
};

// Loss and metric of a network on a labelled set (evaluation.hpp). The metric is the task's;
// without a task, the one the loss implies.
Evaluation evaluate(Network& net, const Matrix& X, const Matrix& Y, Task task);
Evaluation evaluate(Network& net, const Matrix& X, const Matrix& Y);
// "accuracy" for classification, "r2" for regression.
std::string_view metric_name(Task task);
std::string_view metric_name(LossKind loss);

class Trainer {
 public:
  // The trainer keeps a reference to `net`, which must outlive it, and copies of the data.
  // X: (in × n), Y: (out × n); the validation set is optional unless early stopping on a
  // validation score is on. `task` decides the metric (default: the one the loss implies).
  Trainer(Network& net, Matrix X, Matrix Y, TrainSettings settings, std::optional<Matrix> X_val = std::nullopt,
          std::optional<Matrix> Y_val = std::nullopt, std::optional<Task> task = std::nullopt);

  // One mini-batch step (lbfgs: one iteration on the whole set, which is an epoch). Does nothing
  // once training has stopped (check status()).
  StepResult step();
  // Steps until the current epoch ends.
  StepResult step_epoch();
  // Up to `epochs` more epochs, fewer when training stops.
  StepResult run(int epochs);
  // New weights from the spec's init, empty history, fresh optimizer and shuffling.
  void reset();

  TrainStatus status() const { return status_; }
  // Why training stopped (diverged, early stopping, finished); empty while it runs.
  const std::string& message() const { return message_; }
  const std::vector<EpochRecord>& history() const { return history_; }
  // Per-layer statistics (settings.layer_stats; not for lbfgs), recorded at the last full
  // mini-batch of epoch 1 and of every stats_every()-th epoch: at most kMostLayerStats records.
  const std::vector<EpochLayerStats>& layer_stats() const { return layer_stats_; }
  int stats_every() const { return stats_every_; }
  // Snapshots of the weights at epoch 0 and after epochs (settings.layer_stats), for the loss
  // landscape's training path; at most TrainingPath::capacity() of them, thinned evenly.
  const TrainingPath& path() const { return path_; }
  static constexpr int kMostLayerStats = 200;
  int epoch() const { return epoch_; }
  Index batch_in_epoch() const { return batch_in_epoch_; }
  Index batches_per_epoch() const;
  Index effective_batch_size() const { return batch_size_; }
  double current_learning_rate() const;
  bool has_validation() const { return X_val_.has_value(); }
  int best_epoch() const { return early_stopping_.best_epoch(); }
  // True once early stopping has put the best epoch's weights back: the network then holds the
  // weights recorded in history()[best_epoch() − 1], not the last epoch's.
  bool restored_best() const { return restored_best_; }
  Task task() const { return task_; }
  // Measures every later epoch against `optimum` (its parameters must have the network's size).
  void set_optimum(Optimum optimum);
  const TrainSettings& settings() const { return settings_; }
  Network& network() { return net_; }

 private:
  void start_epoch();
  void finish_epoch();
  // Early stopping after the epoch just recorded; true when it stopped training.
  bool check_early_stopping(const EpochRecord& record);
  void stop(TrainStatus status, std::string message);
  void gather_batch(Index start, Index size, Matrix& Xb, Matrix& Yb) const;
  // step() for lbfgs: one iteration over the whole training set, then the epoch's record.
  StepResult lbfgs_step();

  Network& net_;
  Matrix X_, Y_;  // (in × n), (out × n) training set
  std::optional<Matrix> X_val_, Y_val_;
  TrainSettings settings_;
  std::unique_ptr<Optimizer> optimizer_;  // the mini-batch optimizers; null for lbfgs
  std::unique_ptr<Lbfgs> lbfgs_;          // lbfgs only
  Vector lbfgs_theta_;                    // (P) lbfgs: the iterate, written back to the network
  long samples_trained_ = 0;              // mini-batch optimizers: samples of all gradients so far
  Rng rng_;
  Index batch_size_;                  // min(settings.batch_size, n); lbfgs: n
  std::vector<int> order_;            // (n) sample order of the current epoch
  Matrix X_batch_, Y_batch_;          // (in × batch), (out × batch) full batches
  Matrix X_tail_, Y_tail_;            // the last, smaller batch of an epoch
  Vector next_params_;                // (P) the optimizer's update, swapped in when finite
  EarlyStoppingRule early_stopping_;  // its best epoch and, for restore_best, that epoch's weights
  bool restored_best_ = false;
  std::optional<Optimum> optimum_;
  std::vector<EpochRecord> history_;
  std::vector<EpochLayerStats> layer_stats_;  // see layer_stats()
  std::vector<LayerStats> pending_stats_;     // this epoch's, recorded when it ends
  int stats_every_ = 1;                       // ⌈epochs / kMostLayerStats⌉
  Index stats_batch_ = 0;                     // the batch of an epoch recorded: the last full one
  TrainingPath path_;                         // see path()
  // Read once from the settings and the spec, not per step:
  bool running_metrics_ = false;  // epoch_metrics == EpochMetrics::running
  Task task_ = Task::classification;
  RunningMetrics running_;  // the current epoch's mini-batches (epoch_metrics "running")
  int epoch_ = 0;
  Index batch_in_epoch_ = 0;
  TrainStatus status_ = TrainStatus::ready;
  std::string message_;
};

}  // namespace lab
