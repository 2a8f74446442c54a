// The history's two ways of taking the training loss and metric: "full" (a pass over the training
// set after each epoch) and "running" (means over the epoch's mini-batches as they were trained).
// With a learning rate too small to move the weights, both must agree with evaluate().
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;

namespace {

// n samples of `features` normal inputs; one-hot targets of `classes` classes, or (classes = 0)
// regression targets that depend on the inputs plus noise, 2 outputs.
void data(Index n, Index features, Index classes, Matrix& X, Matrix& Y) {
  Rng rng(3);
  X.resize(features, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < features; ++i) X(i, j) = rng.normal();
  if (classes > 0) {
    Y = Matrix::Zero(classes, n);
    for (Index j = 0; j < n; ++j) Y(static_cast<Index>(rng.below(static_cast<std::uint64_t>(classes))), j) = 1.0;
  } else {
    Y.resize(2, n);
    for (Index j = 0; j < n; ++j) {
      Y(0, j) = X(0, j) - 0.5 * X(1, j) + 0.3 * rng.normal();
      Y(1, j) = 2.0 + X(2, j) + 0.3 * rng.normal();
    }
  }
}

// Trains one epoch with a learning rate that leaves the weights as they were (to 1e-12).
EpochRecord one_still_epoch(const char* spec, const Matrix& X, const Matrix& Y, Index batch, EpochMetrics mode) {
  Network net(parse_model_spec(spec));
  TrainSettings settings;
  settings.learning_rate = 1e-12;
  settings.batch_size = batch;
  settings.epoch_metrics = mode;
  Trainer trainer(net, X, Y, settings);
  trainer.run(1);
  REQUIRE(trainer.history().size() == 1);
  return trainer.history().front();
}

}  // namespace

TEST_CASE("Running epoch metrics weigh each mini-batch by its size and match a full pass", "[trainer][epoch_metrics]") {
  Matrix X, Y;
  SECTION("softmax classifier, batches of 4, 4 and 2 samples") {
    data(10, 3, 3, X, Y);
    const char* spec =
        R"({"input":3,"layers":[{"units":5,"activation":"tanh"},{"units":3,"activation":"softmax"}],"loss":"cross_entropy","l2":0.01,"init":{"scheme":"normal","scale":1,"seed":2}})";
    Network net(parse_model_spec(spec));
    const Evaluation before = evaluate(net, X, Y);
    const EpochRecord running = one_still_epoch(spec, X, Y, 4, EpochMetrics::running);
    const EpochRecord full = one_still_epoch(spec, X, Y, 4, EpochMetrics::full);
    CHECK(running.train_loss == Approx(before.loss.total()).epsilon(1e-9));
    CHECK(running.train_metric == before.metric);
    CHECK(full.train_loss == Approx(before.loss.total()).epsilon(1e-9));
    CHECK(full.train_metric == before.metric);
    CHECK(before.metric > 0.0);
    CHECK(before.metric < 1.0);
  }
  SECTION("one sigmoid output with binary cross-entropy") {
    data(9, 2, 2, X, Y);
    Matrix y = Y.row(1);
    const char* spec =
        R"({"input":2,"layers":[{"units":4,"activation":"tanh"},{"units":1,"activation":"sigmoid"}],"loss":"binary_cross_entropy","init":{"scheme":"normal","scale":1,"seed":5}})";
    Network net(parse_model_spec(spec));
    const Evaluation before = evaluate(net, X, y);
    const EpochRecord running = one_still_epoch(spec, X, y, 2, EpochMetrics::running);
    CHECK(running.train_loss == Approx(before.loss.total()).epsilon(1e-9));
    CHECK(running.train_metric == before.metric);
  }
  SECTION("regression with two outputs: R² from running sums") {
    data(12, 3, 0, X, Y);
    const char* spec =
        R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"units":2,"activation":"identity"}],"loss":"mse","init":{"scheme":"normal","scale":0.5,"seed":7}})";
    Network net(parse_model_spec(spec));
    const Evaluation before = evaluate(net, X, Y);
    const EpochRecord running = one_still_epoch(spec, X, Y, 5, EpochMetrics::running);
    CHECK(running.train_loss == Approx(before.loss.total()).epsilon(1e-9));
    CHECK(running.train_metric == Approx(before.metric).epsilon(1e-9));
  }
}

TEST_CASE("Running epoch metrics follow the weights as they train, and reset clears them", "[trainer][epoch_metrics]") {
  Matrix X, Y;
  data(64, 4, 2, X, Y);
  Network net(parse_model_spec(
      R"({"input":4,"layers":[{"units":8,"activation":"tanh"},{"units":2,"activation":"softmax"}],"loss":"cross_entropy"})"));
  TrainSettings settings;
  settings.learning_rate = 0.5;
  settings.batch_size = 8;
  settings.epoch_metrics = EpochMetrics::running;
  Trainer trainer(net, X, Y, settings);
  // the running loss of an epoch is the size-weighted mean of its batch losses
  double sum = 0.0;
  for (int b = 0; b < 8; ++b) sum += 8.0 * trainer.step().batch_loss;
  REQUIRE(trainer.history().size() == 1);
  CHECK(trainer.history()[0].train_loss == Approx(sum / 64.0).epsilon(1e-12));
  trainer.step();  // part of a second epoch, then a reset
  trainer.reset();
  trainer.run(1);
  Network again(parse_model_spec(
      R"({"input":4,"layers":[{"units":8,"activation":"tanh"},{"units":2,"activation":"softmax"}],"loss":"cross_entropy"})"));
  Trainer fresh(again, X, Y, settings);
  fresh.run(1);
  CHECK(trainer.history()[0].train_loss == fresh.history()[0].train_loss);
  CHECK(trainer.history()[0].train_metric == fresh.history()[0].train_metric);
}

TEST_CASE("epoch_metrics is read, written and checked with the allowed values named",
          "[train_settings][epoch_metrics]") {
  CHECK(parse_train_settings(R"({"epoch_metrics":"running"})").epoch_metrics == EpochMetrics::running);
  CHECK(parse_train_settings("{}").epoch_metrics == EpochMetrics::full);
  CHECK(parse_train_settings(train_settings_to_json(parse_train_settings(R"({"epoch_metrics":"running"})")))
            .epoch_metrics == EpochMetrics::running);
  CHECK_THROWS_WITH(parse_train_settings(R"({"epoch_metrics":"sometimes"})"),
                    Catch::Contains("epoch_metrics") && Catch::Contains("\"full\"") && Catch::Contains("\"running\""));
}
