// Mini-batch training, one step at a time (see trainer.hpp).
#include "core/train/trainer.hpp"

#include <cmath>
#include <limits>
#include <numeric>

#include "core/base/errors.hpp"
#include "core/base/finite.hpp"
#include "core/base/format.hpp"
#include "core/train/memory.hpp"
#include "core/train/metrics.hpp"

namespace lab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_set(const Network& net, const Matrix& X, const Matrix& Y, const char* name) {
  try {
    net.check_targets(X, Y);
  } catch (const Error& e) {
    throw DataError(std::string("[Trainer] ") + name + " set: " + e.what());
  }
}

}  // namespace

std::string_view train_status_name(TrainStatus status) {
  switch (status) {
    case TrainStatus::ready: return "ready";
    case TrainStatus::training: return "training";
    case TrainStatus::finished: return "finished";
    case TrainStatus::early_stopped: return "early_stopped";
    case TrainStatus::diverged: return "diverged";
  }
  return "unknown";
}

Task task_of_loss(LossKind loss) { return loss_is_classification(loss) ? Task::classification : Task::regression; }

std::string_view metric_name(Task task) { return task == Task::classification ? "accuracy" : "r2"; }
std::string_view metric_name(LossKind loss) { return metric_name(task_of_loss(loss)); }

Evaluation evaluate(Network& net, const Matrix& X, const Matrix& Y) {
  return evaluate(net, X, Y, task_of_loss(net.spec().loss));
}

namespace {

// The scores of the forward pass the network just made on Y's samples, whose loss is `loss`.
Evaluation scores_of_last_pass(Network& net, const Matrix& Y, LossParts loss, Task task) {
  Evaluation result;
  result.loss = loss;
  const Matrix& output = net.last_workspace().layers.back().a;
  if (!output.allFinite()) {
    result.metric = kNaN;
  } else if (task == Task::classification) {
    result.metric = accuracy(labels_from_targets(Y), labels_from_outputs(output));
  } else if (task == Task::reconstruction) {
    result.metric = r2_variance_weighted(output, Y);
  } else {
    result.metric = r2_score(output, Y);
  }
  return result;
}

// evaluate() on data the trainer checked once when it was built: no finiteness pass every epoch.
Evaluation evaluate_checked_data(Network& net, const Matrix& X, const Matrix& Y, Task task) {
  return scores_of_last_pass(net, Y, net.loss_unchecked(X, Y), task);
}

}  // namespace

Evaluation evaluate(Network& net, const Matrix& X, const Matrix& Y, Task task) {
  return scores_of_last_pass(net, Y, net.loss(X, Y), task);
}

Trainer::Trainer(Network& net, Matrix X, Matrix Y, TrainSettings settings, std::optional<Matrix> X_val,
                 std::optional<Matrix> Y_val, std::optional<Task> task)
    : net_(net),
      X_(std::move(X)),
      Y_(std::move(Y)),
      X_val_(std::move(X_val)),
      Y_val_(std::move(Y_val)),
      settings_(std::move(settings)),
      rng_(settings_.seed),
      path_(net.parameter_count()) {
  validate_train_settings(settings_);
  check_training_memory(net_.spec(), settings_, X_.cols(), X_val_ ? X_val_->cols() : 0);
  check_set(net_, X_, Y_, "training");
  if (X_val_.has_value() != Y_val_.has_value())
    throw DataError("[Trainer] a validation set needs both inputs and targets");
  if (X_val_) check_set(net_, *X_val_, *Y_val_, "validation");
  if (watches_validation(settings_) && !X_val_)
    throw SpecError("[Settings] early_stopping needs a validation set for " +
                    std::string(stop_metric_name(settings_.early_stopping.metric)) +
                    ": split off validation data, stop on train_loss_change, or turn early stopping off");
  const bool full_batch = is_full_batch(settings_.optimizer.kind);
  if (full_batch) {
    // ‖g‖∞ ≤ 0: only an exact optimum counts as converged; a minimum to rounding shows as a stall
    lbfgs_ = std::make_unique<Lbfgs>(settings_.optimizer.memory, net_.parameter_count(), 0.0);
    lbfgs_theta_.resize(net_.parameter_count());
  } else {
    optimizer_ = make_optimizer(settings_.optimizer, net_.parameter_count());
  }
  batch_size_ = full_batch ? X_.cols() : std::min<Index>(settings_.batch_size, X_.cols());
  order_.resize(static_cast<std::size_t>(X_.cols()));
  const Index tail = X_.cols() % batch_size_;
  // lbfgs reads X_ and Y_ themselves
  X_batch_.resize(X_.rows(), full_batch ? 0 : batch_size_);
  Y_batch_.resize(Y_.rows(), full_batch ? 0 : batch_size_);
  X_tail_.resize(X_.rows(), tail);
  Y_tail_.resize(Y_.rows(), tail);
  next_params_.resize(net_.parameter_count());
  // lbfgs has no mini-batches to average: its epochs are always scored by a full pass
  running_metrics_ = settings_.epoch_metrics == EpochMetrics::running && !full_batch;
  task_ = task.value_or(task_of_loss(net_.spec().loss));
  running_ = RunningMetrics(Y_.rows(), task_);
  stats_every_ = std::max(1, (settings_.epochs + kMostLayerStats - 1) / kMostLayerStats);
  stats_batch_ = std::max<Index>(0, X_.cols() / batch_size_ - 1);
  early_stopping_ = EarlyStoppingRule(settings_.early_stopping, std::string(metric_name(task_)), net_.parameters());
  if (settings_.layer_stats) path_.record(0, net_.parameters());
}

Index Trainer::batches_per_epoch() const { return (X_.cols() + batch_size_ - 1) / batch_size_; }

double Trainer::current_learning_rate() const {
  const LrSchedule& schedule = settings_.lr_schedule;
  if (schedule.type != ScheduleType::step) return settings_.learning_rate;
  // η_epoch = η₀ · factor^⌊epoch / every⌋   (seed 000: halve every 50 epochs)
  return settings_.learning_rate * std::pow(schedule.factor, std::floor(epoch_ / schedule.every));
}

void Trainer::start_epoch() {
  std::iota(order_.begin(), order_.end(), 0);
  if (settings_.shuffle) rng_.shuffle(order_);
}

void Trainer::gather_batch(Index start, Index size, Matrix& Xb, Matrix& Yb) const {
  for (Index j = 0; j < size; ++j) {
    const Index sample = order_[static_cast<std::size_t>(start + j)];
    Xb.col(j) = X_.col(sample);
    Yb.col(j) = Y_.col(sample);
  }
}

void Trainer::stop(TrainStatus status, std::string message) {
  status_ = status;
  message_ = std::move(message);
}

StepResult Trainer::step() {
  StepResult result;
  if (status_ != TrainStatus::ready && status_ != TrainStatus::training) {
    result.epoch = epoch_;
    result.batch = batch_in_epoch_;
    result.status = status_;
    return result;
  }
  if (lbfgs_) return lbfgs_step();
  if (batch_in_epoch_ == 0) start_epoch();
  status_ = TrainStatus::training;

  const Index start = batch_in_epoch_ * batch_size_;
  const Index size = std::min<Index>(batch_size_, X_.cols() - start);
  Matrix& Xb = size == batch_size_ ? X_batch_ : X_tail_;
  Matrix& Yb = size == batch_size_ ? Y_batch_ : Y_tail_;
  gather_batch(start, size, Xb, Yb);

  const double lr = current_learning_rate();
  // X_ and Y_ passed check_targets in the constructor; a batch is gathered from them
  const LossParts loss = net_.compute_gradients_unchecked(Xb, Yb, false);
  samples_trained_ += size;
  result.batch_loss = loss.total();
  if (running_metrics_) running_.add(loss, net_.last_workspace().layers.back().a, Yb);
  // Messages are only built when something went wrong: the normal step allocates nothing.
  const auto diverged = [&](const std::string& what) {
    stop(TrainStatus::diverged,
         what + " at epoch " + std::to_string(epoch_ + 1) + ", batch " + std::to_string(batch_in_epoch_ + 1) +
             "; the learning rate " + format_number(lr) +
             " is likely too high (try one 10× smaller). The weights from before this step are kept.");
  };
  // The update is written beside the weights and only swapped in when it is finite, so that the
  // network keeps the weights from before a diverging step without copying them on every step.
  if (!std::isfinite(loss.total())) {
    diverged(std::isnan(loss.total()) ? "loss became NaN" : "loss became infinite");
  } else if (!all_finite(net_.gradients())) {
    diverged("a gradient became NaN or infinite");
  } else {
    optimizer_->step(net_.parameters(), net_.gradients(), lr, next_params_);
    if (all_finite(next_params_)) {
      net_.swap_parameters(next_params_);
      // once an epoch, on its last full batch: next_params_ now holds the weights before the step
      const int epoch = epoch_ + 1;
      if (settings_.layer_stats && batch_in_epoch_ == stats_batch_ && (epoch == 1 || epoch % stats_every_ == 0))
        pending_stats_ = lab::layer_stats(net_, net_.gradients(), next_params_);
    } else {
      diverged("the weights became NaN or infinite");
    }
  }
  if (status_ == TrainStatus::diverged) {
    result.epoch = epoch_;
    result.batch = batch_in_epoch_;
    result.status = status_;
    return result;
  }

  ++batch_in_epoch_;
  if (batch_in_epoch_ == batches_per_epoch()) {
    batch_in_epoch_ = 0;
    finish_epoch();
    result.epoch_completed = true;
  }
  result.epoch = epoch_;
  result.batch = batch_in_epoch_;
  result.status = status_;
  return result;
}

StepResult Trainer::lbfgs_step() {
  status_ = TrainStatus::training;
  StepResult result;
  // f(θ) = the full training loss (data + penalty) and g = ∇f on the whole set, the same f the
  // history reports
  const Lbfgs::Objective objective = [this](const Vector& theta, Vector& gradient) {
    net_.parameter_storage() = theta;
    const LossParts loss = net_.compute_gradients_unchecked(X_, Y_, false);
    gradient = net_.gradients();
    return loss.total();
  };
  lbfgs_theta_ = net_.parameters();
  const LbfgsIteration iteration = lbfgs_->iterate(lbfgs_theta_, objective);
  // the iterate (or the start, when it did not move) and not the last trial point
  net_.parameter_storage() = lbfgs_theta_;
  result.batch_loss = iteration.f;
  if (iteration.outcome == LbfgsOutcome::not_finite) {
    stop(TrainStatus::diverged, "the training loss or its gradient is NaN or infinite at the start of epoch " +
                                    std::to_string(epoch_ + 1) +
                                    "; L-BFGS cannot take a step from these weights. They are kept as they are.");
  } else {
    finish_epoch();
    result.epoch_completed = true;
    if (status_ == TrainStatus::training && iteration.outcome != LbfgsOutcome::moved) {
      const std::string why = iteration.outcome == LbfgsOutcome::converged
                                  ? "the gradient is exactly 0"
                                  : "no step along the search direction (nor along −g) lowers the training loss "
                                    "enough any more (‖g‖ = " +
                                        format_number(iteration.gradient_norm) +
                                        "): a minimum, as far as double precision can tell";
      stop(TrainStatus::finished, "L-BFGS stopped at epoch " + std::to_string(epoch_) + ": " + why);
    }
  }
  result.epoch = epoch_;
  result.status = status_;
  return result;
}

void Trainer::finish_epoch() {
  EpochRecord record;
  // lbfgs uses no learning rate: its line search picks each step
  record.learning_rate = lbfgs_ ? kNaN : current_learning_rate();
  ++epoch_;
  record.epoch = epoch_;
  if (!pending_stats_.empty()) layer_stats_.push_back({epoch_, std::move(pending_stats_)});
  pending_stats_.clear();
  const Evaluation train = running_metrics_ ? running_.take() : evaluate_checked_data(net_, X_, Y_, task_);
  record.train_loss = train.loss.total();
  record.train_metric = train.metric;
  record.penalty = train.loss.penalty;
  record.val_loss = kNaN;
  record.val_metric = kNaN;
  if (X_val_) {
    const Evaluation val = evaluate_checked_data(net_, *X_val_, *Y_val_, task_);
    record.val_loss = val.loss.total();
    record.val_metric = val.metric;
  }
  record.optimum_distance = kNaN;
  record.optimum_gap = kNaN;
  if (optimum_) {
    // ‖θ − θ*‖ and f(θ) − f(θ*), f from a full pass (the running mean is not f at one θ)
    record.optimum_distance = (net_.parameters() - optimum_->parameters).norm();
    const double f = running_metrics_ ? net_.loss(X_, Y_).total() : record.train_loss;
    record.optimum_gap = f - optimum_->loss;
  }
  if (lbfgs_) {
    record.function_evaluations = static_cast<double>(lbfgs_->function_evaluations());
    record.gradient_evaluations = static_cast<double>(lbfgs_->gradient_evaluations());
  } else {
    // full-batch equivalents: samples of the gradients so far / n
    record.function_evaluations = static_cast<double>(samples_trained_) / static_cast<double>(X_.cols());
    record.gradient_evaluations = record.function_evaluations;
  }
  history_.push_back(record);
  if (settings_.layer_stats && std::isfinite(record.train_loss)) path_.record(epoch_, net_.parameters());

  if (!std::isfinite(record.train_loss)) {
    stop(TrainStatus::diverged, "the training loss became " +
                                    std::string(std::isnan(record.train_loss) ? "NaN" : "infinite") + " at epoch " +
                                    std::to_string(epoch_) + "; the learning rate " +
                                    format_number(record.learning_rate) + " is likely too high (try one 10× smaller).");
    return;
  }
  if (check_early_stopping(record)) return;
  if (epoch_ >= settings_.epochs) stop(TrainStatus::finished, "finished " + std::to_string(epoch_) + " epochs");
}

bool Trainer::check_early_stopping(const EpochRecord& record) {
  if (!early_stopping_.should_stop(record, net_.parameters())) return false;
  if (early_stopping_.restores_best()) {
    net_.parameter_storage() = early_stopping_.best_parameters();
    restored_best_ = true;
  }
  stop(TrainStatus::early_stopped, early_stopping_.message());
  return true;
}

StepResult Trainer::step_epoch() {
  StepResult result = step();
  while (!result.epoch_completed && (status_ == TrainStatus::training)) {
    result = step();
  }
  return result;
}

void Trainer::set_optimum(Optimum optimum) {
  if (optimum.parameters.size() != net_.parameter_count())
    throw ShapeError("[Trainer] the optimum has " + std::to_string(optimum.parameters.size()) +
                     " parameters but the network has " + std::to_string(net_.parameter_count()) +
                     "; it only applies to the model it was computed for");
  optimum_ = std::move(optimum);
}

StepResult Trainer::run(int epochs) {
  if (epochs < 1) throw SpecError("[Trainer] run: epochs must be 1 or more, got " + std::to_string(epochs));
  StepResult result;
  bool any_completed = false;
  for (int i = 0; i < epochs; ++i) {
    result = step_epoch();
    any_completed = any_completed || result.epoch_completed;
    if (status_ != TrainStatus::training) break;
  }
  result.epoch_completed = any_completed;
  return result;
}

void Trainer::reset() {
  net_.initialise();
  if (optimizer_) optimizer_->reset();
  if (lbfgs_) lbfgs_->reset();
  samples_trained_ = 0;
  rng_ = Rng(settings_.seed);
  history_.clear();
  layer_stats_.clear();
  pending_stats_.clear();
  path_.clear();
  if (settings_.layer_stats) path_.record(0, net_.parameters());
  running_.clear();
  epoch_ = 0;
  batch_in_epoch_ = 0;
  early_stopping_.reset(net_.parameters());
  restored_best_ = false;
  status_ = TrainStatus::ready;
  message_.clear();
}

}  // namespace lab
