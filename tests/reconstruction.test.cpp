// The autoencoder's task (seed 004 C.4–5): targets equal to the inputs as the network sees them,
// a hidden layer's outputs checked against a forward pass written out by hand, and the whole
// hand-off: an autoencoder on digits whose reconstruction error falls, and a classifier trained on
// its bottleneck codes that learns.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "dataset_files.hpp"

using namespace lab;
using namespace lab::test;

namespace {

// Six 3-feature samples of 2 classes, as images of 3 × 1 pixels.
Dataset small_images() {
  Dataset data;
  data.name = "strips";
  data.X.resize(3, 6);
  data.X << 0, 1, 2, 3, 4, 5,  //
      1, 0, 1, 0, 1, 0,        //
      0.5, 0.25, 0, 1, 2, 4;
  data.labels = {0, 1, 0, 1, 0, 1};
  data.classes = 2;
  data.class_names = {"even", "odd"};
  data.feature_names = {"p1", "p2", "p3"};
  data.image_width = 3;
  data.image_height = 1;
  return data;
}

TrainSettings adam(double rate, int batch, int epochs) {
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::adam;
  settings.learning_rate = rate;
  settings.batch_size = batch;
  settings.epochs = epochs;
  return settings;
}

}  // namespace

TEST_CASE("A reconstruction set is a regression set whose targets are its features", "[reconstruction]") {
  const Dataset out = reconstruction_set(small_images());
  CHECK(out.task == "regression");
  CHECK(out.targets == small_images().X);
  CHECK(out.X == small_images().X);
  CHECK(out.target_names == std::vector<std::string>{"p1", "p2", "p3"});
  CHECK(out.labels.empty());
  CHECK(out.classes == 0);
  CHECK(out.class_names.empty());
  CHECK(out.image_width == 3);
  CHECK(out.name == "strips");
  CHECK_NOTHROW(validate_dataset(out));
  // an mse network with one output per feature trains on Y = X
  CHECK(targets_for_loss(out, LossKind::mse, 3) == small_images().X);
  CHECK_THROWS_WITH(targets_for_loss(out, LossKind::mse, 2), Catch::Contains("the last layer must have 3 unit(s)"));
}

TEST_CASE("Prepared parts reconstruct the scaled inputs the network sees", "[reconstruction]") {
  SplitSettings split;
  split.validation = 0.34;
  split.test = 0.0;
  PreparedData prepared = prepare(small_images(), split, Scaling::standardize);
  const SplitIndices indices = prepared.split.indices;
  const Matrix train_X = prepared.split.train.X;
  make_reconstruction(prepared);
  for (const Dataset* part : {&prepared.split.train, &prepared.split.validation, &prepared.split.test}) {
    CHECK(part->task == "regression");
    CHECK(part->targets == part->X);
  }
  CHECK(prepared.split.train.X == train_X);
  CHECK(prepared.split.test.samples() == 0);
  CHECK(prepared.split.indices.train == indices.train);
  // standardised with the training part's mean and σ, not the raw pixels
  CHECK(prepared.split.train.targets.row(0).mean() == Approx(0.0).margin(1e-12));
  CHECK(prepared.split.train.targets != small_images().X(Eigen::all, indices.train));
}

TEST_CASE("A hidden layer's outputs equal f(W a + b) written out by hand, across batches",
          "[reconstruction][features]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"units":2,"activation":"sigmoid"},
                  {"units":3,"activation":"identity"}],"loss":"mse","init":{"scheme":"normal","scale":0.5,"seed":3}})");
  Rng rng(9);
  Matrix X(3, 2500);  // more columns than one batch of the forward passes
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < 3; ++i) X(i, j) = rng.normal();
  // flat order: W1 (4 × 3) row-major, b1 (4), W2 (2 × 4) row-major, b2 (2), …
  const Vector& p = net.parameters();
  const Matrix W1 = Eigen::Map<const Eigen::Matrix<double, 4, 3, Eigen::RowMajor>>(p.data());
  const Vector b1 = p.segment(12, 4);
  const Matrix W2 = Eigen::Map<const Eigen::Matrix<double, 2, 4, Eigen::RowMajor>>(p.data() + 16);
  const Vector b2 = p.segment(24, 2);
  const Matrix a1 = ((W1 * X).colwise() + b1).array().tanh().matrix();
  const Matrix a2 = (1.0 / (1.0 + (-((W2 * a1).colwise() + b2).array()).exp())).matrix();
  const Matrix first = layer_outputs(net, X, 0);
  const Matrix second = layer_outputs(net, X, 1);
  REQUIRE(first.rows() == 4);
  REQUIRE(second.cols() == 2500);
  CHECK((first - a1).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((second - a2).cwiseAbs().maxCoeff() < 1e-12);

  CHECK_THROWS_WITH(layer_outputs(net, X, 2),
                    "[Features] layer must be the index of a hidden layer, 0..1 (layer 1 to layer 2), got 2, the "
                    "output layer");
  CHECK_THROWS_AS(layer_outputs(net, Matrix::Zero(2, 5), 0), ShapeError);
  Network single(R"({"input":3,"layers":[{"units":3,"activation":"identity"}],"loss":"mse"})");
  CHECK_THROWS_WITH(layer_outputs(single, X, 0), Catch::Contains("the network has no hidden layer"));
}

TEST_CASE("A features set keeps every sample's label and scales the inputs as in training",
          "[reconstruction][features]") {
  Network net(R"({"input":3,"layers":[{"units":2,"activation":"relu"},{"units":3,"activation":"identity"}],
                  "loss":"mse","init":{"scheme":"normal","scale":1,"seed":1}})");
  const Dataset data = small_images();
  const Scaler scaler = fit_scaler(Scaling::min_max, data.X);
  const Dataset codes = layer_features_set(net, data, scaler, 0);
  CHECK(codes.task == "classification");
  CHECK(codes.labels == data.labels);
  CHECK(codes.class_names == data.class_names);
  CHECK(codes.feature_names == std::vector<std::string>{"h1", "h2"});
  CHECK(codes.image_width == 0);
  CHECK(codes.name == "strips · layer 1 features");
  CHECK(codes.X == layer_outputs(net, scaler.apply(data.X), 0));
}

TEST_CASE("An autoencoder on digits learns, and a classifier on its codes learns too",
          "[reconstruction][features][learning][slow]") {
  const Dataset digits = load_preset("digits");
  SplitSettings split;
  split.validation = 0.2;
  split.test = 0.0;
  split.seed = 1;
  // the pixels are 0..16: min–max scaling puts them, and so the targets, in [0, 1]
  PreparedData prepared = prepare(digits, split, Scaling::min_max);
  make_reconstruction(prepared);
  // 64-32-16-32-64 with a sigmoid output
  Network autoencoder(R"({"input":64,"layers":[{"units":32,"activation":"relu"},{"units":16,"activation":"relu"},
      {"units":32,"activation":"relu"},{"units":64,"activation":"sigmoid"}],"loss":"mse",
      "init":{"scheme":"he","scale":1,"seed":2}})");
  const Dataset& train = prepared.split.train;
  const Dataset& held = prepared.split.validation;
  Trainer trainer(autoencoder, train.X, train.targets, adam(0.01, 32, 30), held.X, held.targets);
  trainer.run(30);
  const auto& history = trainer.history();
  REQUIRE(history.size() == 30);
  // the reconstruction error ½‖x̂ − x‖² per image falls to well under a third of its start
  CHECK(history.back().val_loss < history.front().val_loss / 3);
  CHECK(history.back().train_loss < history.front().train_loss / 3);

  // the hand-off: the 16 codes of every digit, its label kept, then a classifier on them
  const Dataset codes = layer_features_set(autoencoder, digits, prepared.scaler, 1);
  REQUIRE(codes.features() == 16);
  PreparedData parts = prepare(codes, split, Scaling::standardize);
  Network classifier(R"({"input":16,"layers":[{"units":32,"activation":"relu"},{"units":10,"activation":"softmax"}],
      "loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":3}})");
  const Dataset& c_train = parts.split.train;
  const Dataset& c_held = parts.split.validation;
  Trainer classify(classifier, c_train.X, one_hot(c_train.labels, 10), adam(0.01, 32, 40), c_held.X,
                   one_hot(c_held.labels, 10));
  classify.run(40);
  // chance is 0.1: the codes keep what tells the digits apart
  CHECK(classify.history().back().val_metric > 0.8);
}
