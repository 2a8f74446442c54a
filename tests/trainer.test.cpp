// The steppable trainer: learning happens (XOR, a residual net on 2-D rings), batching from 1 to
// n, seeded determinism, lr schedule, early stopping with the best weights, and divergence.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;

namespace {

// The four XOR points, one per column, with 0/1 targets.
void xor_data(Matrix& X, Matrix& Y) {
  X.resize(2, 4);
  Y.resize(1, 4);
  X << 0, 0, 1, 1,  //
      0, 1, 0, 1;
  Y << 0, 1, 1, 0;
}

// Two noisy concentric rings (inner class 0, outer class 1), one-hot targets.
void rings(Index n, std::uint64_t seed, Matrix& X, Matrix& Y) {
  Rng rng(seed);
  X.resize(2, n);
  Y = Matrix::Zero(2, n);
  for (Index j = 0; j < n; ++j) {
    const int label = static_cast<int>(j % 2);
    const double radius = (label == 0 ? 0.5 : 1.2) + 0.1 * rng.normal();
    const double angle = rng.uniform(0.0, 6.283185307179586);
    X(0, j) = radius * std::cos(angle);
    X(1, j) = radius * std::sin(angle);
    Y(label, j) = 1.0;
  }
}

// 40 random 5-D points with random labels of 3 classes, and a validation set of the same kind:
// a wide network memorises them and its validation loss soon rises (early stopping's case).
void random_labels(Matrix& X, Matrix& Y, Matrix& Xv, Matrix& Yv) {
  Rng rng(21);
  X.resize(5, 40);
  Xv.resize(5, 40);
  Y = Matrix::Zero(3, 40);
  Yv = Matrix::Zero(3, 40);
  for (Index j = 0; j < 40; ++j) {
    for (Index i = 0; i < 5; ++i) {
      X(i, j) = rng.normal();
      Xv(i, j) = rng.normal();
    }
    Y(static_cast<Index>(rng.below(3)), j) = 1.0;
    Yv(static_cast<Index>(rng.below(3)), j) = 1.0;
  }
}
constexpr const char* kMemoriser =
    R"({"input":5,"layers":[{"units":64,"activation":"tanh"},{"units":3,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":3}})";
TrainSettings memoriser_settings() {
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::adam;
  settings.learning_rate = 0.02;
  settings.batch_size = 8;
  settings.epochs = 500;
  return settings;
}

}  // namespace

TEST_CASE("XOR with a 2-4-1 tanh/sigmoid network reaches 100% training accuracy", "[trainer][learning]") {
  Network net(R"({"input":2,"layers":[{"units":4,"activation":"tanh"},{"units":1,"activation":"sigmoid"}],
                  "loss":"binary_cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
  Matrix X, Y;
  xor_data(X, Y);
  TrainSettings settings;
  settings.learning_rate = 0.5;
  settings.batch_size = 4;
  settings.epochs = 2000;
  Trainer trainer(net, X, Y, settings);
  const StepResult result = trainer.run(2000);
  CHECK(result.status == TrainStatus::finished);
  REQUIRE(trainer.history().size() == 2000);
  CHECK(trainer.history().back().train_metric == 1.0);
  CHECK(trainer.history().back().train_loss < 0.05);
  CHECK(trainer.history().back().train_loss < trainer.history().front().train_loss);
}

TEST_CASE("A residual network learns two rings in 2-D", "[trainer][learning][residual]") {
  Network net(R"({"input":2,"layers":[{"units":8,"activation":"tanh"},{"type":"residual","activation":"relu"},
                  {"type":"residual","activation":"tanh"},{"units":2,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":5}})");
  Matrix X, Y, Xv, Yv;
  rings(300, 1, X, Y);
  rings(100, 2, Xv, Yv);
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::adam;
  settings.learning_rate = 0.01;
  settings.batch_size = 32;
  settings.epochs = 60;
  Trainer trainer(net, X, Y, settings, Xv, Yv);
  trainer.run(60);
  const EpochRecord& last = trainer.history().back();
  INFO("train accuracy " << last.train_metric << ", validation accuracy " << last.val_metric);
  CHECK(last.train_metric > 0.97);
  CHECK(last.val_metric > 0.95);
  CHECK(last.val_loss < trainer.history().front().val_loss);
}

TEST_CASE("Batch size 1 takes n steps per epoch and full batch takes one exact gradient step", "[trainer]") {
  Matrix X, Y;
  xor_data(X, Y);
  const char* spec =
      R"({"input":2,"layers":[{"units":3,"activation":"sigmoid"},{"units":1,"activation":"sigmoid"}],"loss":"mse"})";
  {
    Network net(spec);
    TrainSettings settings;
    settings.batch_size = 1;
    Trainer trainer(net, X, Y, settings);
    CHECK(trainer.batches_per_epoch() == 4);
    for (int i = 0; i < 3; ++i) CHECK_FALSE(trainer.step().epoch_completed);
    CHECK(trainer.step().epoch_completed);
  }
  {
    Network net(spec), reference(spec);
    TrainSettings settings;
    settings.batch_size = 100;  // more than n: one full batch
    settings.learning_rate = 0.3;
    settings.shuffle = false;
    Trainer trainer(net, X, Y, settings);
    CHECK(trainer.effective_batch_size() == 4);
    CHECK(trainer.batches_per_epoch() == 1);
    trainer.step();
    reference.compute_gradients(X, Y);
    const Vector expected = reference.parameters() - 0.3 * reference.gradients();
    CHECK((net.parameters() - expected).cwiseAbs().maxCoeff() < 1e-15);
  }
}

TEST_CASE("A last smaller batch covers every sample once per epoch", "[trainer]") {
  Matrix X, Y;
  rings(10, 3, X, Y);
  Network net(R"({"input":2,"layers":[{"units":2,"activation":"softmax"}],"loss":"cross_entropy"})");
  TrainSettings settings;
  settings.batch_size = 4;
  Trainer trainer(net, X, Y, settings);
  CHECK(trainer.batches_per_epoch() == 3);
  CHECK_FALSE(trainer.step().epoch_completed);
  CHECK_FALSE(trainer.step().epoch_completed);
  const StepResult third = trainer.step();
  CHECK(third.epoch_completed);
  CHECK(third.epoch == 1);
}

TEST_CASE("The same seed gives the same weights and loss history", "[trainer][determinism]") {
  Matrix X, Y;
  rings(64, 4, X, Y);
  const char* spec = R"({"input":2,"layers":[{"units":6,"activation":"relu"},{"units":2,"activation":"softmax"}],
                         "loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":8}})";
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::momentum;
  settings.batch_size = 8;
  settings.learning_rate = 0.05;
  Network a(spec), b(spec), c(spec);
  Trainer ta(a, X, Y, settings), tb(b, X, Y, settings);
  TrainSettings other = settings;
  other.seed = 43;
  Trainer tc(c, X, Y, other);
  ta.run(5);
  tb.run(5);
  tc.run(5);
  CHECK(a.parameters() == b.parameters());
  for (std::size_t i = 0; i < 5; ++i) CHECK(ta.history()[i].train_loss == tb.history()[i].train_loss);
  CHECK(a.parameters() != c.parameters());  // another shuffling seed, another path

  // reset() starts over: the same run again gives the same numbers
  ta.reset();
  ta.run(5);
  CHECK(a.parameters() == b.parameters());
}

TEST_CASE("The step schedule multiplies the learning rate every k epochs", "[trainer]") {
  Matrix X, Y;
  xor_data(X, Y);
  Network net(R"({"input":2,"layers":[{"units":1,"activation":"sigmoid"}],"loss":"mse"})");
  TrainSettings settings;
  settings.learning_rate = 0.8;
  settings.lr_schedule = {ScheduleType::step, 0.5, 2};
  Trainer trainer(net, X, Y, settings);
  trainer.run(5);
  const double expected[] = {0.8, 0.8, 0.4, 0.4, 0.2};
  for (std::size_t i = 0; i < 5; ++i) CHECK(trainer.history()[i].learning_rate == Approx(expected[i]));
}

TEST_CASE("Early stopping stops after patience epochs and restores the best weights", "[trainer][early]") {
  // A wide network memorises random labels: the validation loss soon rises.
  Matrix X, Y, Xv, Yv;
  random_labels(X, Y, Xv, Yv);
  Network net(kMemoriser);
  TrainSettings settings = memoriser_settings();
  settings.early_stopping = {true, StopMetric::val_loss, 5, 0.0, true};
  Trainer trainer(net, X, Y, settings, Xv, Yv);
  const StepResult result = trainer.run(500);
  REQUIRE(result.status == TrainStatus::early_stopped);
  const int stopped = trainer.epoch();
  const int best = trainer.best_epoch();
  CHECK(stopped < 500);
  CHECK(stopped == best + 5);
  double lowest = INFINITY;
  for (const auto& record : trainer.history()) lowest = std::min(lowest, record.val_loss);
  CHECK(trainer.history()[static_cast<std::size_t>(best - 1)].val_loss == lowest);
  // the network now holds the weights of the best epoch
  CHECK(net.loss(Xv, Yv).total() == Approx(lowest).epsilon(1e-12));
  CHECK_THAT(trainer.message(), Catch::Contains("restored") && Catch::Contains("epoch " + std::to_string(best)));
  // stepping a stopped trainer changes nothing
  const Vector kept = net.parameters();
  CHECK(trainer.step().status == TrainStatus::early_stopped);
  CHECK(net.parameters() == kept);
}

TEST_CASE("Divergence stops training with a hint and keeps the last finite weights", "[trainer][errors]") {
  Matrix X(1, 4), Y(1, 4);
  X << 1, 2, 3, 4;
  Y << 100, 200, 300, 400;
  Network net(R"({"input":1,"layers":[{"units":4,"activation":"relu"},{"units":1}],"loss":"mse",
                  "init":{"scheme":"normal","scale":1,"seed":2}})");
  TrainSettings settings;
  settings.learning_rate = 50.0;
  settings.batch_size = 4;
  settings.epochs = 1000;
  Trainer trainer(net, X, Y, settings);
  const StepResult result = trainer.run(1000);
  REQUIRE(result.status == TrainStatus::diverged);
  CHECK_THAT(trainer.message(), Catch::Contains("learning rate 50 is likely too high"));
  CHECK(net.parameters().allFinite());
  const Vector kept = net.parameters();
  CHECK(trainer.step().status == TrainStatus::diverged);
  CHECK(net.parameters() == kept);
  // reset() makes the trainer usable again
  trainer.reset();
  CHECK(trainer.status() == TrainStatus::ready);
  CHECK(trainer.history().empty());
}

TEST_CASE("Divergence is caught at the step where it happens, with the weights from just before it",
          "[trainer][errors]") {
  // Each step is redone beside the trainer on a second network: p ← p − η ∇L(p). The trainer must
  // take every finite update, and stop at the first step whose loss, gradient or update is not
  // finite, still holding that step's starting weights bit for bit. With full-pass epoch metrics
  // the epoch's end (one batch per epoch here) can stop it too: when the update is finite but the
  // training loss at it is not, at that epoch, with the update kept.
  Matrix X(1, 4), Y(1, 4);
  X << 1, 2, 3, 4;
  Y << 100, 200, 300, 400;
  const char* spec = R"({"input":1,"layers":[{"units":4,"activation":"relu"},{"units":1}],"loss":"mse",
                        "init":{"scheme":"normal","scale":1,"seed":2}})";
  for (const EpochMetrics metrics : {EpochMetrics::running, EpochMetrics::full}) {
    Network net(spec), twin(spec);
    TrainSettings settings;
    settings.learning_rate = 50.0;
    settings.batch_size = 4;  // the whole set, in order: every step sees the same batch
    settings.shuffle = false;
    settings.epochs = 1000;
    settings.epoch_metrics = metrics;
    Trainer trainer(net, X, Y, settings);
    int diverged_at = 0;
    bool at_step = false;
    for (int k = 1; k <= 1000 && diverged_at == 0; ++k) {
      const Vector before = twin.parameters();
      REQUIRE(net.parameters() == before);
      const double loss = twin.compute_gradients(X, Y).total();
      const Vector expected = before - settings.learning_rate * twin.gradients();
      const bool finite = std::isfinite(loss) && twin.gradients().allFinite() && expected.allFinite();
      const StepResult result = trainer.step();
      if (!finite) {
        CHECK(result.status == TrainStatus::diverged);
        CHECK(net.parameters() == before);
        CHECK_THAT(trainer.message(), Catch::Contains("at epoch " + std::to_string(k) + ", batch 1"));
        diverged_at = k;
        at_step = true;
        continue;
      }
      twin.set_parameters(expected);
      CHECK(net.parameters() == expected);
      const bool epoch_stops = metrics == EpochMetrics::full && !std::isfinite(twin.loss(X, Y).total());
      REQUIRE(result.status == (epoch_stops ? TrainStatus::diverged : TrainStatus::training));
      if (epoch_stops) {
        CHECK_THAT(trainer.message(),
                   Catch::Contains("training loss became") && Catch::Contains("at epoch " + std::to_string(k) + ";"));
        diverged_at = k;
      }
    }
    CHECK(diverged_at > 1);  // a few finite steps first: the guard did not fire early
    // running metrics have no full pass: the step itself must catch it
    if (metrics == EpochMetrics::running) CHECK(at_step);
  }
}

TEST_CASE("The trainer rejects bad data and settings with readable errors", "[trainer][errors]") {
  Network net(R"({"input":2,"layers":[{"units":2,"activation":"softmax"}],"loss":"cross_entropy"})");
  Matrix X = Matrix::Zero(2, 4), Y = Matrix::Zero(2, 4);
  Y.row(0).setOnes();
  TrainSettings settings;
  CHECK_THROWS_WITH(Trainer(net, Matrix::Zero(3, 4), Y, settings),
                    Catch::Contains("[Trainer] training set") && Catch::Contains("2 features"));
  Matrix bad = X;
  bad(0, 0) = NAN;
  CHECK_THROWS_AS(Trainer(net, bad, Y, settings), DataError);
  settings.early_stopping.enabled = true;
  CHECK_THROWS_WITH(Trainer(net, X, Y, settings), Catch::Contains("early_stopping needs a validation set"));
  settings.early_stopping.enabled = false;
  settings.learning_rate = -1;
  CHECK_THROWS_WITH(Trainer(net, X, Y, settings), Catch::Contains("learning_rate") && Catch::Contains("got -1"));
  settings.learning_rate = 0.1;
  Trainer ok(net, X, Y, settings);
  CHECK_THROWS_AS(ok.run(0), SpecError);
  CHECK(ok.step().status == TrainStatus::training);
}

TEST_CASE("evaluate reports accuracy for classifiers and R² for regression", "[trainer]") {
  Network net(R"({"input":1,"layers":[{"units":1}],"loss":"mse"})");
  Vector p(2);
  p << 2.0, 1.0;  // y = 2x + 1
  net.set_parameters(p);
  Matrix X(1, 3), Y(1, 3);
  X << 0, 1, 2;
  Y << 1, 3, 5;
  const Evaluation e = evaluate(net, X, Y);
  CHECK(e.loss.total() == 0.0);
  CHECK(e.metric == 1.0);
  CHECK(metric_name(LossKind::mse) == "r2");
  CHECK(metric_name(LossKind::cross_entropy) == "accuracy");
}

TEST_CASE("A short seeded run gives the pinned loss history shared with the wasm tests", "[trainer][determinism]") {
  // The same run is repeated against the wasm build in tests/node/api.test.mjs, with these numbers.
  Matrix X, Y;
  xor_data(X, Y);
  Network net(R"({"input":2,"layers":[{"units":4,"activation":"tanh"},{"units":1,"activation":"sigmoid"}],
                  "loss":"binary_cross_entropy","init":{"scheme":"xavier","scale":1,"seed":7}})");
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::momentum;
  settings.learning_rate = 0.5;
  settings.batch_size = 2;
  settings.epochs = 5;
  settings.seed = 3;
  Trainer trainer(net, X, Y, settings);
  trainer.run(5);
  const double expected[] = {0.71385922469825103, 0.71971333088024281, 0.70237649161721716, 0.65568250643732873,
                             0.63700298259425558};
  REQUIRE(trainer.history().size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(trainer.history()[i].train_loss == Approx(expected[i]).epsilon(1e-12));
  CHECK(net.parameters()(0) == Approx(0.52470133129891106).epsilon(1e-12));
}

TEST_CASE("A classification set is scored by accuracy whatever the loss (sigmoid + MSE)", "[trainer][task]") {
  // Seeds 001 Q2.4 and 003: sigmoid outputs trained with ½‖a − y‖² on one-hot targets.
  Matrix X, Y;
  rings(60, 4, X, Y);
  Network net(R"({"input":2,"layers":[{"units":6,"activation":"tanh"},{"units":2,"activation":"sigmoid"}],
                  "loss":"mse","init":{"scheme":"xavier","scale":1,"seed":2}})");
  TrainSettings settings;
  settings.learning_rate = 1.0;
  settings.batch_size = 10;
  settings.epochs = 5;
  Trainer trainer(net, X, Y, settings, X, Y, Task::classification);
  CHECK(metric_name(trainer.task()) == "accuracy");
  trainer.run(5);
  const EpochRecord& last = trainer.history().back();
  // accuracy counted directly: argmax of the outputs against the one-hot targets
  const Matrix out = net.forward(X);
  Index correct = 0;
  for (Index j = 0; j < X.cols(); ++j) {
    Index predicted = 0, truth = 0;
    out.col(j).maxCoeff(&predicted);
    Y.col(j).maxCoeff(&truth);
    correct += predicted == truth ? 1 : 0;
  }
  CHECK(last.train_metric == static_cast<double>(correct) / 60.0);
  CHECK(last.val_metric == last.train_metric);
  // without a task the loss decides (mse → R²), which is what the page used to show
  Trainer by_loss(net, X, Y, settings);
  CHECK(by_loss.task() == Task::regression);
  CHECK(evaluate(net, X, Y, Task::classification).metric == last.train_metric);
}

TEST_CASE("Early stopping with restored weights reports the best epoch, whose record is the network's scores",
          "[trainer][early]") {
  Matrix X, Y, Xv, Yv;
  random_labels(X, Y, Xv, Yv);
  Network net(kMemoriser);
  TrainSettings settings = memoriser_settings();
  settings.early_stopping = {true, StopMetric::val_metric, 5, 0.0, true};
  Trainer trainer(net, X, Y, settings, Xv, Yv);
  CHECK_FALSE(trainer.restored_best());
  REQUIRE(trainer.run(500).status == TrainStatus::early_stopped);
  REQUIRE(trainer.restored_best());
  const int best = trainer.best_epoch();
  const EpochRecord& record = trainer.history()[static_cast<std::size_t>(best - 1)];
  // the best epoch's record (full pass) is exactly what the restored network scores now
  const Evaluation train = evaluate(net, X, Y);
  const Evaluation val = evaluate(net, Xv, Yv);
  CHECK(record.train_loss == train.loss.total());
  CHECK(record.train_metric == train.metric);
  CHECK(record.val_metric == val.metric);
  CHECK(trainer.history().back().epoch == best + 5);
  CHECK_THAT(trainer.message(), Catch::StartsWith("stopped at epoch " + std::to_string(best + 5) + ", best epoch " +
                                                  std::to_string(best) + " restored") &&
                                    Catch::Contains("validation accuracy"));
  trainer.reset();
  CHECK_FALSE(trainer.restored_best());
}

TEST_CASE("Seed 002's rule stops when the training loss changes by less than ΔJ between epochs", "[trainer][early]") {
  Matrix X, Y;
  xor_data(X, Y);
  Network net(R"({"input":2,"layers":[{"units":4,"activation":"tanh"},{"units":1,"activation":"sigmoid"}],
                  "loss":"binary_cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
  TrainSettings settings;
  settings.learning_rate = 0.5;
  settings.batch_size = 4;
  settings.epochs = 5000;
  settings.early_stopping = {true, StopMetric::train_loss_change, 1, 1e-5, false};
  Trainer trainer(net, X, Y, settings);  // no validation set needed
  REQUIRE(trainer.run(5000).status == TrainStatus::early_stopped);
  const auto& h = trainer.history();
  REQUIRE(h.size() >= 2);
  // it stopped at the first epoch whose change was below ΔJ, and not before
  CHECK(std::abs(h.back().train_loss - h[h.size() - 2].train_loss) < 1e-5);
  for (std::size_t i = 1; i + 1 < h.size(); ++i) CHECK(std::abs(h[i].train_loss - h[i - 1].train_loss) >= 1e-5);
  CHECK_THAT(trainer.message(), Catch::Contains("less than ΔJ = 1e-05") || Catch::Contains("less than ΔJ = 0.00001"));
  // on a validation score it still needs a validation set
  settings.early_stopping.metric = StopMetric::val_loss;
  CHECK_THROWS_WITH(Trainer(net, X, Y, settings), Catch::Contains("needs a validation set"));
}

TEST_CASE("The history records the L2 penalty inside the loss, full and running", "[trainer][penalty]") {
  Matrix X, Y;
  rings(40, 8, X, Y);
  for (EpochMetrics metrics : {EpochMetrics::full, EpochMetrics::running}) {
    DYNAMIC_SECTION(epoch_metrics_name(metrics)) {
      Network net(R"({"input":2,"layers":[{"units":5,"activation":"tanh"},{"units":2,"activation":"softmax"}],
                      "loss":"cross_entropy","l2":0.01,"init":{"scheme":"xavier","scale":1,"seed":2}})");
      TrainSettings settings;
      settings.learning_rate = 1e-12;  // the weights stay put, so every batch's penalty is the same
      settings.batch_size = 7;
      settings.epochs = 2;
      settings.epoch_metrics = metrics;
      Trainer trainer(net, X, Y, settings);
      trainer.run(2);
      const LossParts direct = net.loss(X, Y);
      CHECK(direct.penalty > 0.0);
      CHECK(trainer.history().back().penalty == Approx(direct.penalty).epsilon(1e-9));
      CHECK(trainer.history().back().train_loss == Approx(direct.total()).epsilon(1e-9));
    }
  }
}
