// The trainer with lbfgs: one epoch is one L-BFGS iteration on the whole training set, the history
// counts the evaluations of f and g, the ridge least-squares optimum is reached exactly, early
// stopping, reset and bad settings behave as for the other optimizers.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;

namespace {

// Two noisy blobs in 2-D, one-hot targets (2 × n): a small classification set.
void blobs(Index n, std::uint64_t seed, Matrix& X, Matrix& Y) {
  Rng rng(seed);
  X.resize(2, n);
  Y = Matrix::Zero(2, n);
  for (Index j = 0; j < n; ++j) {
    const int label = static_cast<int>(j % 2);
    X(0, j) = (label == 0 ? -0.7 : 0.7) + 0.6 * rng.normal();
    X(1, j) = (label == 0 ? 0.3 : -0.3) + 0.6 * rng.normal();
    Y(label, j) = 1.0;
  }
}

const char* const kNet = R"({"input":2,"layers":[{"units":6,"activation":"tanh"},{"units":2,"activation":"softmax"}],
                             "loss":"cross_entropy","l2":0.001,"init":{"scheme":"xavier","seed":5}})";

TrainSettings lbfgs_settings(int epochs) {
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::lbfgs;
  settings.epochs = epochs;
  settings.batch_size = 4;  // ignored by lbfgs
  return settings;
}

}  // namespace

TEST_CASE("With lbfgs one epoch is one iteration on the whole set, and the history counts evaluations",
          "[trainer][lbfgs]") {
  Matrix X, Y;
  blobs(40, 1, X, Y);
  Network net(kNet);
  Trainer trainer(net, X, Y, lbfgs_settings(15));
  CHECK(trainer.effective_batch_size() == 40);
  CHECK(trainer.batches_per_epoch() == 1);
  const StepResult first = trainer.step();
  CHECK(first.epoch_completed);
  CHECK(first.epoch == 1);
  REQUIRE(trainer.history().size() == 1);
  const EpochRecord r1 = trainer.history()[0];  // a copy: the history grows below
  // the start and at least one trial of the line search
  CHECK(r1.function_evaluations >= 2.0);
  CHECK(r1.gradient_evaluations == r1.function_evaluations);
  CHECK(std::isnan(r1.learning_rate));
  // the recorded loss is the f that L-BFGS minimises, at the network's weights
  CHECK(r1.train_loss == Approx(net.loss(X, Y).total()).epsilon(1e-12));
  CHECK(first.batch_loss == Approx(r1.train_loss).epsilon(1e-12));
  trainer.run(14);
  const auto& history = trainer.history();
  REQUIRE(history.size() == 15);
  for (std::size_t i = 1; i < history.size(); ++i) {
    // every accepted step satisfies sufficient decrease: f falls every epoch
    CHECK(history[i].train_loss < history[i - 1].train_loss);
    CHECK(history[i].function_evaluations > history[i - 1].function_evaluations);
  }
  CHECK(trainer.status() == TrainStatus::finished);
  CHECK(history.back().train_metric >= 0.8);
  const double last_loss = history.back().train_loss;

  // reset: the same run again, counts from the start
  trainer.reset();
  CHECK(trainer.history().empty());
  trainer.run(15);
  REQUIRE(trainer.history().size() == 15);
  CHECK(trainer.history()[0].function_evaluations == r1.function_evaluations);
  CHECK(trainer.history().back().train_loss == last_loss);
}

TEST_CASE("lbfgs reaches a lower training loss than SGD in far fewer epochs", "[trainer][lbfgs]") {
  Matrix X, Y;
  blobs(60, 2, X, Y);
  Network a(kNet), b(kNet);
  TrainSettings sgd;
  sgd.learning_rate = 0.5;
  sgd.batch_size = 10;
  sgd.epochs = 200;
  Trainer slow(a, X, Y, sgd);
  slow.run(200);
  Trainer fast(b, X, Y, lbfgs_settings(30));
  fast.run(30);
  CHECK(fast.history().back().train_loss < slow.history().back().train_loss);
  // SGD's records count full-batch equivalents: samples of its gradients / n, so one per epoch
  CHECK(slow.history().back().gradient_evaluations == 200.0);
  CHECK(slow.history()[4].function_evaluations == 5.0);
}

TEST_CASE("lbfgs reaches the exact ridge optimum of seed 000's least-squares problem", "[trainer][lbfgs][optimum]") {
  const LeastSquaresProblem problem = least_squares_problem(
      parse_generator_request(R"({"name":"least_squares","samples":60,"dimensions":20,"seed":3})"));
  Network net(R"({"input":20,"layers":[{"units":1,"activation":"identity","bias":false}],"loss":"mse",
                  "l2":0.001,"init":{"scheme":"zeros"}})");
  Trainer trainer(net, problem.data.X, problem.data.targets, lbfgs_settings(200));
  trainer.set_optimum({problem.solution, problem.optimum_loss});
  trainer.run(200);
  // it stops by itself once no step lowers f, long before 200 epochs
  CHECK(trainer.status() == TrainStatus::finished);
  CHECK_THAT(trainer.message(), Catch::Contains("L-BFGS stopped at epoch"));
  CHECK(trainer.epoch() < 100);
  CHECK(trainer.history().back().optimum_distance <= 1e-7 * problem.solution.norm());
  CHECK(std::abs(trainer.history().back().optimum_gap) <= 1e-12);
}

TEST_CASE("lbfgs with early stopping on ΔJ and on the validation loss", "[trainer][lbfgs][early]") {
  Matrix X, Y, Xv, Yv;
  blobs(40, 3, X, Y);
  blobs(20, 4, Xv, Yv);
  Network net(kNet);
  TrainSettings settings = lbfgs_settings(500);
  settings.early_stopping.enabled = true;
  settings.early_stopping.metric = StopMetric::train_loss_change;
  settings.early_stopping.patience = 1;
  settings.early_stopping.min_delta = 1e-3;
  Trainer trainer(net, X, Y, settings);
  trainer.run(500);
  CHECK(trainer.status() == TrainStatus::early_stopped);
  const auto& h = trainer.history();
  REQUIRE(h.size() >= 2);
  CHECK(std::abs(h.back().train_loss - h[h.size() - 2].train_loss) < 1e-3);

  settings.early_stopping.metric = StopMetric::val_loss;
  settings.early_stopping.min_delta = 0.0;
  settings.early_stopping.patience = 3;
  Network other(kNet);
  Trainer watched(other, X, Y, settings, Xv, Yv);
  watched.run(500);
  CHECK(watched.status() != TrainStatus::training);
  if (watched.status() == TrainStatus::early_stopped) {
    // the best epoch's weights are back
    CHECK(watched.restored_best());
    const EpochRecord& best = watched.history()[static_cast<std::size_t>(watched.best_epoch() - 1)];
    CHECK(evaluate(other, Xv, Yv).loss.total() == Approx(best.val_loss).epsilon(1e-12));
  }
}

TEST_CASE("lbfgs refuses a memory out of range, naming the field and the range", "[trainer][lbfgs][errors]") {
  Matrix X, Y;
  blobs(10, 5, X, Y);
  Network net(kNet);
  TrainSettings settings = lbfgs_settings(5);
  settings.optimizer.memory = 0;
  CHECK_THROWS_AS(Trainer(net, X, Y, settings), SpecError);
  CHECK_THROWS_WITH(Trainer(net, X, Y, settings),
                    Catch::Contains("optimizer.memory must be an integer in 1..100, got 0"));
  CHECK_THROWS_WITH(parse_train_settings(R"({"optimizer":{"name":"lbfgs","memory":500}})"),
                    Catch::Contains("optimizer.memory must be an integer in 1..100, got 500"));
  const TrainSettings parsed = parse_train_settings(R"({"optimizer":{"name":"lbfgs","memory":3}})");
  CHECK(parsed.optimizer.memory == 3);
  CHECK(parse_train_settings(train_settings_to_json(parsed)).optimizer.memory == 3);
  // memory 1 trains too
  settings.optimizer.memory = 1;
  Trainer one(net, X, Y, settings);
  one.run(5);
  CHECK(one.history().size() == 5);
}

TEST_CASE("lbfgs stops with the weights kept when the loss is NaN at the start", "[trainer][lbfgs][errors]") {
  Matrix X, Y;
  blobs(10, 6, X, Y);
  Network net(kNet);
  Trainer trainer(net, X, Y, lbfgs_settings(5));
  net.parameter_storage().setConstant(std::numeric_limits<double>::infinity());
  const StepResult result = trainer.step();
  CHECK(result.status == TrainStatus::diverged);
  CHECK_THAT(trainer.message(), Catch::Contains("NaN or infinite") && Catch::Contains("epoch 1"));
  CHECK(trainer.history().empty());
}

TEST_CASE("The memory estimate counts lbfgs's 2m pairs", "[memory][lbfgs]") {
  const ModelSpec spec = parse_model_spec(kNet);
  TrainSettings sgd, lbfgs = lbfgs_settings(5);
  const double P = static_cast<double>(spec_parameter_count(spec));
  lbfgs.optimizer.memory = 10;
  const double difference = training_bytes(spec, lbfgs, 4, 0) - training_bytes(spec, sgd, 4, 0);
  // 2m + 5 state vectors against none (the batch of 4 is the whole set either way)
  CHECK(difference == Approx((2.0 * 10 + 5.0) * P * 8.0));
}
