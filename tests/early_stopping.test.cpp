// EarlyStoppingRule on its own, fed epoch records by hand: patience and min_delta on the
// validation loss or metric, the best epoch's weights kept for restore_best, seed 002's
// train_loss_change rule (|J_t − J_{t−1}| < ΔJ for `patience` epochs), and reset.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/backprop.hpp"

using namespace lab;

namespace {

EpochRecord record(int epoch, double train_loss, double val_loss, double val_metric) {
  EpochRecord r;
  r.epoch = epoch;
  r.train_loss = train_loss;
  r.val_loss = val_loss;
  r.val_metric = val_metric;
  return r;
}

// The weights "after epoch e": a vector of three e's, so that the kept ones name their epoch.
Vector weights(int epoch) { return Vector::Constant(3, static_cast<double>(epoch)); }

// Feeds the validation losses of epochs 1, 2, … until the rule stops; returns the epoch it stopped at (0: never).
int run(EarlyStoppingRule& rule, const std::vector<double>& val_losses) {
  for (std::size_t i = 0; i < val_losses.size(); ++i) {
    const int epoch = static_cast<int>(i) + 1;
    if (rule.should_stop(record(epoch, 1.0, val_losses[i], 0.0), weights(epoch))) return epoch;
  }
  return 0;
}

}  // namespace

TEST_CASE("Early stopping on the validation loss waits `patience` epochs after the best one", "[early_stopping]") {
  EarlyStoppingRule rule({true, StopMetric::val_loss, 3, 0.0, true}, "accuracy", weights(0));
  CHECK(run(rule, {1.0, 0.8, 0.9, 0.85, 0.95, 0.5}) == 5);
  CHECK(rule.best_epoch() == 2);
  CHECK(rule.restores_best());
  CHECK(rule.best_parameters() == weights(2));
  CHECK(rule.message() ==
        "stopped at epoch 5, best epoch 2 restored: the validation loss has not improved by more than 0 for 3 epochs");
}

TEST_CASE("An improvement of min_delta or less does not count", "[early_stopping]") {
  EarlyStoppingRule rule({true, StopMetric::val_loss, 2, 0.1, true}, "accuracy", weights(0));
  // 0.95 is within 0.1 of the best 1.0 and 0.8, 0.76 within 0.1 of the next best 0.85
  CHECK(run(rule, {1.0, 0.95, 0.85, 0.8, 0.76}) == 5);
  CHECK(rule.best_epoch() == 3);
  CHECK(rule.best_parameters() == weights(3));
}

TEST_CASE("Early stopping on the validation metric: higher is better, named by its task", "[early_stopping]") {
  EarlyStoppingRule rule({true, StopMetric::val_metric, 2, 0.0, false}, "r2", weights(0));
  bool stopped = false;
  int epoch = 0;
  for (double metric : {0.5, 0.7, 0.6, 0.7}) {
    ++epoch;
    stopped = rule.should_stop(record(epoch, 1.0, 9.0, metric), weights(epoch));
    if (stopped) break;
  }
  REQUIRE(stopped);
  CHECK(epoch == 4);  // 0.7 again is no improvement over 0.7
  CHECK(rule.best_epoch() == 2);
  CHECK_FALSE(rule.restores_best());  // restore_best off
  CHECK(rule.message() ==
        "stopped at epoch 4, best epoch 2: the validation r2 has not improved by more than 0 for 2 epochs");
}

TEST_CASE("Seed 002's rule stops once the training loss changes by less than ΔJ for patience epochs",
          "[early_stopping]") {
  EarlyStoppingRule rule({true, StopMetric::train_loss_change, 2, 1e-3, true}, "accuracy", weights(0));
  // changes: 0.5, 0.0005 (1 in a row), 0.1 (reset), 0.0002, 0.0001 (2 in a row: stop at epoch 6)
  const std::vector<double> losses = {1.0, 0.5, 0.4995, 0.3995, 0.3993, 0.3992, 0.3991};
  int stopped_at = 0;
  for (std::size_t i = 0; i < losses.size() && stopped_at == 0; ++i) {
    const int epoch = static_cast<int>(i) + 1;
    // the validation numbers are NaN: this rule needs no validation set
    if (rule.should_stop(record(epoch, losses[i], std::nan(""), std::nan("")), weights(epoch))) stopped_at = epoch;
  }
  CHECK(stopped_at == 6);
  CHECK(rule.best_epoch() == 6);
  CHECK_FALSE(rule.restores_best());  // it keeps the final weights, whatever restore_best says
  CHECK_THAT(rule.message(), Catch::StartsWith("stopped at epoch 6: the training loss changed by 0.0001") &&
                                 Catch::EndsWith("less than ΔJ = 0.001, for 2 epochs in a row (converged)"));
}

TEST_CASE("Early stopping that is off never stops, and reset forgets every epoch", "[early_stopping]") {
  EarlyStoppingRule off({false, StopMetric::val_loss, 1, 0.0, true}, "accuracy", weights(0));
  CHECK(run(off, {1.0, 2.0, 3.0, 4.0}) == 0);
  CHECK(off.best_epoch() == 0);

  EarlyStoppingRule rule({true, StopMetric::val_loss, 1, 0.0, true}, "accuracy", weights(0));
  CHECK(run(rule, {1.0, 2.0}) == 2);
  rule.reset(weights(7));
  CHECK(rule.best_epoch() == 0);
  CHECK(rule.message().empty());
  CHECK(rule.best_parameters() == weights(7));
  CHECK(run(rule, {3.0, 2.0, 2.5}) == 3);
  CHECK(rule.best_epoch() == 2);
}
