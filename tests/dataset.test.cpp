// The dataset type: its checks (with row/feature in the messages), one-hot targets, the targets
// each loss trains on, subsets and feature selection.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/backprop.hpp"

using namespace lab;
using Catch::Matchers::Contains;

namespace {

// Four 2-D samples of 3 classes.
Dataset small_classes() {
  Dataset data;
  data.name = "small";
  data.X.resize(2, 4);
  data.X << 1, 2, 3, 4,  //
      5, 6, 7, 8;
  data.labels = {0, 2, 1, 2};
  data.classes = 3;
  data.class_names = {"a", "b", "c"};
  data.feature_names = {"x1", "x2"};
  return data;
}

Dataset small_regression() {
  Dataset data;
  data.name = "line";
  data.task = "regression";
  data.X = (Matrix(1, 3) << 1, 2, 3).finished();
  data.targets = (Matrix(1, 3) << 3, 4, 5).finished();
  data.feature_names = {"x"};
  data.target_names = {"y"};
  return data;
}

}  // namespace

TEST_CASE("one_hot puts a single 1 in the row of each sample's class", "[datasets][dataset]") {
  const Matrix Y = one_hot({0, 2, 1, 2}, 3);
  Matrix expected(3, 4);
  expected << 1, 0, 0, 0,  //
      0, 0, 1, 0,          //
      0, 1, 0, 1;
  CHECK(Y == expected);
  CHECK_THROWS_WITH(one_hot({0, 3}, 3), "[Dataset] sample 2: label 3 is out of range 0..2");
}

TEST_CASE("targets_for_loss gives one-hot, 0/1 rows or regression targets as the loss needs", "[datasets][dataset]") {
  const Dataset classes = small_classes();
  CHECK(targets_for_loss(classes, LossKind::cross_entropy, 3) == one_hot(classes.labels, 3));
  CHECK(targets_for_loss(classes, LossKind::mse, 3) == one_hot(classes.labels, 3));
  CHECK_THROWS_WITH(targets_for_loss(classes, LossKind::cross_entropy, 2),
                    Contains("cross_entropy needs one softmax output per class, i.e. 3 units in the last layer"));
  CHECK_THROWS_WITH(targets_for_loss(classes, LossKind::binary_cross_entropy, 1),
                    Contains("binary_cross_entropy needs 2 classes and 1 sigmoid output; this data has 3 classes"));
  CHECK_THROWS_AS(targets_for_loss(classes, LossKind::mse, 1), SpecError);

  Dataset two = classes;
  two.labels = {0, 1, 1, 0};
  two.classes = 2;
  two.class_names = {"a", "b"};
  const Matrix row = (Matrix(1, 4) << 0, 1, 1, 0).finished();
  CHECK(targets_for_loss(two, LossKind::binary_cross_entropy, 1) == row);
  CHECK(targets_for_loss(two, LossKind::mse, 1) == row);  // seed 001's iris: sigmoid output, l2 loss
  CHECK(targets_for_loss(two, LossKind::cross_entropy, 2) == one_hot(two.labels, 2));

  const Dataset line = small_regression();
  CHECK(targets_for_loss(line, LossKind::mse, 1) == line.targets);
  CHECK_THROWS_WITH(targets_for_loss(line, LossKind::cross_entropy, 1),
                    Contains("a regression dataset needs the mse loss"));
  CHECK_THROWS_WITH(targets_for_loss(line, LossKind::mse, 2),
                    Contains("the last layer must have 1 unit(s), one per target"));
}

TEST_CASE("validate_dataset names the sample and feature of a bad value and checks labels and names",
          "[datasets][dataset]") {
  CHECK_NOTHROW(validate_dataset(small_classes()));
  CHECK_NOTHROW(validate_dataset(small_regression()));

  Dataset nan = small_classes();
  nan.X(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(validate_dataset(nan),
                    "[Dataset] sample 3, feature 2: nan is not a finite number (NaN and Inf are not allowed)");
  Dataset inf = small_regression();
  inf.targets(0, 1) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(validate_dataset(inf), "[Dataset] sample 2, target 1: inf is not a finite number");

  Dataset out_of_range = small_classes();
  out_of_range.labels[3] = 5;
  CHECK_THROWS_WITH(validate_dataset(out_of_range), "[Dataset] sample 4: label 5 is out of range 0..2");
  Dataset single = small_classes();
  single.labels = {1, 1, 1, 1};
  CHECK_THROWS_WITH(validate_dataset(single),
                    "[Dataset] every sample has the same class (\"b\"): classification needs at least 2 classes");
  Dataset names = small_classes();
  names.feature_names.pop_back();
  CHECK_THROWS_WITH(validate_dataset(names), "[Dataset] feature_names has 1 names but the data has 2");
  Dataset labels = small_classes();
  labels.labels.pop_back();
  CHECK_THROWS_WITH(validate_dataset(labels), "[Dataset] there are 3 labels for 4 samples");
  Dataset empty;
  empty.name = "nothing";
  CHECK_THROWS_WITH(validate_dataset(empty), Contains("is empty (0 features × 0 samples)"));
  Dataset too_many = small_regression();
  too_many.X = Matrix::Zero(1025, 1);
  CHECK_THROWS_WITH(validate_dataset(too_many, "[CSV]"), "[CSV] 1025 features is more than the limit of 1024");
  Dataset image = small_classes();
  image.image_width = 3;
  image.image_height = 1;
  CHECK_THROWS_WITH(validate_dataset(image), "[Dataset] an image of 3 × 1 pixels does not match 2 features");
}

TEST_CASE("subset picks samples in the given order with their labels and keeps the metadata", "[datasets][dataset]") {
  const Dataset data = small_classes();
  const Dataset part = subset(data, {3, 0});
  CHECK(part.X == (Matrix(2, 2) << 4, 1, 8, 5).finished());
  CHECK(part.labels == std::vector<int>{2, 0});
  CHECK(part.classes == 3);
  CHECK(part.class_names == data.class_names);
  CHECK(part.feature_names == data.feature_names);
  CHECK(subset(data, {}).samples() == 0);
  CHECK_THROWS_WITH(subset(data, {4}), "[Dataset] subset index 4 is out of range 0..3");

  const Dataset line = subset(small_regression(), {2});
  CHECK(line.targets == (Matrix(1, 1) << 5).finished());

  const Dataset second = select_features(data, {1});
  CHECK(second.X == data.X.row(1));
  CHECK(second.feature_names == std::vector<std::string>{"x2"});
  CHECK_THROWS_WITH(select_features(data, {2}), "[Dataset] feature index 2 is out of range 0..1");
}

TEST_CASE("class_counts counts each class and numbered_names names them", "[datasets][dataset]") {
  CHECK(class_counts({0, 2, 1, 2}, 3) == std::vector<long>{1, 1, 2});
  CHECK(class_counts({}, 2) == std::vector<long>{0, 0});
  CHECK_THROWS_WITH(class_counts({-1}, 2), "[Dataset] label -1 is out of range 0..1");
  CHECK(numbered_names("x", 3, 1) == std::vector<std::string>{"x1", "x2", "x3"});
  CHECK(numbered_names("class ", 2) == std::vector<std::string>{"class 0", "class 1"});
}
