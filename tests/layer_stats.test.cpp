// Per-layer statistics and the explanations drawn from them (issue 17): every number against a
// computation written out here, the trainer's records, and the explanations on runs that show
// them (zero initialisation, a deep sigmoid network, a too-high learning rate with ReLU) and on
// healthy runs (the digits recipe, ReLU with He), which must get none.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "dataset_files.hpp"

using namespace lab;
using namespace lab::test;

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The digits with min–max scaling and one-hot targets: (64 × n), (10 × n).
void digits(Matrix& X, Matrix& Y) {
  const Dataset data = load_preset("digits");
  const Scaler scaler = fit_scaler(Scaling::min_max, data.X);
  X = scaler.apply(data.X);
  Y = one_hot(data.labels, data.classes);
}

// The explanations of a trainer's last record, by kind.
std::vector<std::string> kinds(const Network& net, const Trainer& trainer) {
  std::vector<std::string> out;
  REQUIRE_FALSE(trainer.layer_stats().empty());
  for (const Diagnosis& d : diagnose(net.spec(), trainer.settings(), trainer.layer_stats().back()))
    out.push_back(d.kind);
  return out;
}

std::string hidden(const std::string& activation, std::initializer_list<int> units) {
  std::string layers;
  for (int u : units) layers += R"({"units":)" + std::to_string(u) + R"(,"activation":")" + activation + R"("},)";
  return layers;
}

TrainSettings sgd(double rate, int batch, int epochs) {
  TrainSettings settings;
  settings.learning_rate = rate;
  settings.batch_size = batch;
  settings.epochs = epochs;
  settings.epoch_metrics = EpochMetrics::running;
  return settings;
}

}  // namespace

TEST_CASE("A histogram counts values in equal bins, the largest in the last", "[layer_stats]") {
  Matrix values(2, 3);
  values << 0, 1, 2,  //
      3, 4, 4;
  const Histogram h = histogram_of(values, 4);
  CHECK(h.lo == 0.0);
  CHECK(h.hi == 4.0);
  // bins [0,1) [1,2) [2,3) [3,4]
  CHECK(h.counts == std::vector<long>{1, 1, 1, 3});
  const Histogram same = histogram_of(Matrix::Constant(2, 2, 5.0), 4);
  CHECK(same.counts == std::vector<long>{0, 0, 4, 0});
}

TEST_CASE("Identical units are rows of W with their bias equal to another row", "[layer_stats]") {
  Matrix W(4, 2);
  W << 1, 2,  //
      0, 0,   //
      1, 2,   //
      0, 1e-13;
  Vector b(4);
  b << 0.5, 0, 0.5, 0;
  // rows 0 and 2 are equal; rows 1 and 3 within the tolerance
  CHECK(identical_row_fraction(W, b) == 1.0);
  b(2) = 0.6;
  CHECK(identical_row_fraction(W, b) == 0.5);
  CHECK(identical_row_fraction(W, Vector()) == 1.0);
  CHECK(identical_row_fraction(Matrix::Zero(1, 3), Vector()) == 0.0);
  CHECK(identical_row_fraction(Matrix::Zero(5, 3), Vector::Zero(5)) == 1.0);
}

TEST_CASE("Layer statistics equal the norms, ratios and unit counts computed by hand", "[layer_stats]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"relu"},{"units":3,"activation":"sigmoid"},
                  {"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"normal","scale":2,"seed":5}})");
  Rng rng(3);
  Matrix X(3, 6), Y = Matrix::Zero(2, 6);
  for (Index j = 0; j < 6; ++j) {
    for (Index i = 0; i < 3; ++i) X(i, j) = rng.normal();
    Y(j % 2, j) = 1.0;
  }
  net.compute_gradients(X, Y);
  const Vector g = net.gradients();
  const Vector before = net.parameters();
  // an SGD step with η = 0.1
  net.set_parameters(before - 0.1 * g);
  const std::vector<LayerStats> stats = layer_stats(net, g, before);
  REQUIRE(stats.size() == 3);

  // layer 1: W (4 × 3) at 0, b at 12; layer 2: W (3 × 4) at 16, b at 28
  const Matrix W1 = Eigen::Map<const RowMajor>(before.data(), 4, 3);
  const Vector b1 = before.segment(12, 4);
  const Matrix W2 = Eigen::Map<const RowMajor>(before.data() + 16, 3, 4);
  const Vector b2 = before.segment(28, 3);
  const Matrix gW1 = Eigen::Map<const RowMajor>(g.data(), 4, 3);
  const Matrix z1 = (W1 * X).colwise() + b1;
  const Matrix a1 = z1.cwiseMax(0.0);
  const Matrix z2 = (W2 * a1).colwise() + b2;
  const Matrix a2 = (1.0 / (1.0 + (-z2.array()).exp())).matrix();

  CHECK(stats[0].weight_norm == Approx((W1 - 0.1 * gW1).norm()).epsilon(1e-12));
  CHECK(stats[0].gradient_norm == Approx(gW1.norm()).epsilon(1e-12));
  // ‖ΔW‖ / ‖W_before‖ = η ‖∂L/∂W‖ / ‖W‖
  CHECK(stats[0].update_ratio == Approx(0.1 * gW1.norm() / W1.norm()).epsilon(1e-12));
  // dead: every z of the unit ≤ 0 over the batch
  int dead = 0;
  for (Index u = 0; u < 4; ++u) dead += (z1.row(u).array() <= 0.0).all() ? 1 : 0;
  CHECK(stats[0].dead_fraction == Approx(dead / 4.0));
  CHECK(std::isnan(stats[0].saturated_fraction));
  // saturated: σ′ = a(1 − a) < 1% of ¼ for every sample
  int saturated = 0;
  for (Index u = 0; u < 3; ++u) saturated += ((a2.row(u).array() * (1.0 - a2.row(u).array())) < 0.0025).all() ? 1 : 0;
  CHECK(stats[1].saturated_fraction == Approx(saturated / 3.0));
  CHECK(std::isnan(stats[1].dead_fraction));
  CHECK(std::isnan(stats[2].dead_fraction));
  // the histograms hold every value of the batch, between its smallest and largest
  long count = 0;
  for (long c : stats[1].a.counts) count += c;
  CHECK(count == 3 * 6);
  CHECK(stats[1].z.lo == Approx(z2.minCoeff()).epsilon(1e-12));
  CHECK(stats[1].z.hi == Approx(z2.maxCoeff()).epsilon(1e-12));
  CHECK(stats[0].a.lo == 0.0);
  CHECK(stats[0].units == 4);
  CHECK(stats[0].identical_fraction == 0.0);
}

TEST_CASE("The trainer records the statistics once an epoch, at most 200 times, and not when asked not to",
          "[layer_stats][trainer]") {
  Matrix X, Y;
  digits(X, Y);
  Network net(R"({"input":64,"layers":[{"units":8,"activation":"relu"},{"units":10,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":1}})");
  TrainSettings settings = sgd(0.1, 512, 5);
  Trainer trainer(net, X.leftCols(1000), Y.leftCols(1000), settings);
  trainer.run(5);
  REQUIRE(trainer.layer_stats().size() == 5);
  CHECK(trainer.layer_stats()[2].epoch == 3);
  CHECK(trainer.layer_stats()[0].layers.size() == 2);
  trainer.reset();
  CHECK(trainer.layer_stats().empty());

  settings.epochs = 1000;
  Trainer long_run(net, X.leftCols(1000), Y.leftCols(1000), settings);
  CHECK(long_run.stats_every() == 5);
  long_run.run(12);
  // epochs 1, 5, 10
  REQUIRE(long_run.layer_stats().size() == 3);
  CHECK(long_run.layer_stats()[2].epoch == 10);

  settings.layer_stats = false;
  Trainer quiet(net, X.leftCols(1000), Y.leftCols(1000), settings);
  quiet.run(2);
  CHECK(quiet.layer_stats().empty());
  CHECK(parse_train_settings(R"({"layer_stats":false})").layer_stats == false);
  CHECK_THROWS_WITH(parse_train_settings(R"({"layer_stats":2})"), Catch::Contains("layer_stats"));
}

TEST_CASE("Zero initialisation: every hidden unit identical, explained as symmetry never broken",
          "[layer_stats][diagnosis][learning]") {
  Matrix X, Y;
  digits(X, Y);
  Network net(R"({"input":64,"layers":[)" + hidden("sigmoid", {32, 16}) +
              R"({"units":10,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"zeros"}})");
  Trainer trainer(net, X, Y, sgd(0.5, 32, 3));
  trainer.run(3);
  const auto diagnoses = diagnose(net.spec(), trainer.settings(), trainer.layer_stats().back());
  REQUIRE(diagnoses.size() == 1);
  CHECK(diagnoses[0].kind == "symmetry");
  CHECK(diagnoses[0].layer == 0);
  CHECK(diagnoses[0].text ==
        "In each of layer 1 (32 units) and layer 2 (16) all units have identical weights: zero initialisation gives "
        "every unit the same gradient, so they never become different (symmetry is never broken). Each layer works as "
        "a single unit; start from random weights (He or Xavier).");
  // one such layer alone
  EpochLayerStats one = trainer.layer_stats().back();
  one.layers[1].identical_fraction = 0.5;
  const auto single = diagnose(net.spec(), trainer.settings(), one);
  REQUIRE_FALSE(single.empty());
  CHECK(single[0].text ==
        "All 32 units of layer 1 have identical weights: zero initialisation gives every unit the same gradient, so "
        "they never become different (symmetry is never broken). The layer works as a single unit; start from random "
        "weights (He or Xavier).");
}

TEST_CASE("A deep sigmoid network: the first layer's gradient vanishes", "[layer_stats][diagnosis][learning]") {
  Matrix X, Y;
  digits(X, Y);
  Network net(
      R"({"input":64,"layers":[)" + hidden("sigmoid", {256, 128, 64, 32}) +
      R"({"units":10,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"normal","scale":0.1,"seed":1}})");
  Trainer trainer(net, X, Y, sgd(0.1, 128, 3));
  trainer.run(3);
  const EpochLayerStats& last = trainer.layer_stats().back();
  const auto diagnoses = diagnose(net.spec(), trainer.settings(), last);
  REQUIRE(diagnoses.size() >= 1);
  CHECK(diagnoses[0].kind == "vanishing");
  const double ratio = last.layers[0].gradient_norm / last.layers[4].gradient_norm;
  CHECK(diagnoses[0].value == ratio);
  CHECK(ratio < DiagnosisRule::vanishing);
  CHECK_THAT(diagnoses[0].text, Catch::StartsWith("Layer 1's gradient is " + power_of_ten_text(ratio) +
                                                  " of layer 5's: the sigmoid's derivative is at most ¼"));
  for (const Diagnosis& d : diagnoses) CHECK(d.kind != "symmetry");
}

TEST_CASE("ReLU with a learning rate far too high: dead units and updates too large",
          "[layer_stats][diagnosis][learning]") {
  Matrix X, Y;
  digits(X, Y);
  Network net(
      R"({"input":64,"layers":[)" + hidden("relu", {64, 32}) +
      R"({"units":10,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":1}})");
  Trainer trainer(net, X, Y, sgd(2.0, 32, 3));
  trainer.run(3);
  const auto found = kinds(net, trainer);
  CHECK(std::find(found.begin(), found.end(), "dead") != found.end());
}

TEST_CASE("Healthy runs get no explanation: the digits recipe, and ReLU with He and Adam",
          "[layer_stats][diagnosis][learning]") {
  Matrix X, Y;
  digits(X, Y);
  SECTION("seed 001's 64-32-10 sigmoid network, η 0.5") {
    Network net(R"({"input":64,"layers":[{"units":32,"activation":"sigmoid"},{"units":10,"activation":"softmax"}],
                    "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
    Trainer trainer(net, X, Y, sgd(0.5, 32, 20));
    trainer.run(20);
    CHECK(kinds(net, trainer).empty());
  }
  SECTION("ReLU with He initialisation, 5 layers, Adam") {
    Network net(
        R"({"input":64,"layers":[)" + hidden("relu", {256, 128, 64, 32}) +
        R"({"units":10,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":1}})");
    TrainSettings settings = sgd(0.001, 128, 5);
    settings.optimizer.kind = OptimizerKind::adam;
    Trainer trainer(net, X, Y, settings);
    trainer.run(5);
    CHECK(kinds(net, trainer).empty());
  }
}

TEST_CASE("A healthy record's sentence names every threshold of the rules", "[layer_stats][diagnosis]") {
  CHECK(no_warning_text(3) ==
        "No warning signs at epoch 3: layer 1's gradient is between 10⁻² and 10² of the last layer's, no hidden layer "
        "has 50% or more of its units dead or 50% or more saturated, or all of them identical, and no step changes "
        "the weights by more than 10%.");
}
