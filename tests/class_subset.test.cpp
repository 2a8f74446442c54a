// Choosing classes of a classification dataset: the samples kept and their order, the labels
// renumbered in the order chosen, the names kept, and a clear message for each bad choice.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "dataset_files.hpp"

using namespace lab;
using namespace lab::test;

namespace {

// Five 2-D samples of 3 classes; feature 1 is the sample's number, so the kept samples are visible.
Dataset three_classes() {
  Dataset data;
  data.name = "small";
  data.X.resize(2, 5);
  data.X << 1, 2, 3, 4, 5,  //
      0, 1, 2, 3, 4;
  data.labels = {0, 2, 1, 2, 0};
  data.classes = 3;
  data.class_names = {"a", "b", "c"};
  data.feature_names = {"x1", "sample"};
  return data;
}

}  // namespace

TEST_CASE("Chosen classes keep their samples in order, renumbered in the order chosen, with their names",
          "[dataset][classes]") {
  const Dataset out = select_classes(three_classes(), {2, 0});
  CHECK(out.classes == 2);
  CHECK(out.class_names == std::vector<std::string>{"c", "a"});
  // samples 0, 1, 3, 4 (classes a, c, c, a): c is now 0 and a is 1
  CHECK(out.labels == std::vector<int>{1, 0, 0, 1});
  CHECK(out.X.row(1) == (Matrix(1, 4) << 0, 1, 3, 4).finished());
  CHECK(out.X.row(0) == (Matrix(1, 4) << 1, 2, 4, 5).finished());
  CHECK(out.feature_names == three_classes().feature_names);
  CHECK(out.name == "small");

  // all classes in their own order give back the dataset
  const Dataset same = select_classes(three_classes(), {0, 1, 2});
  CHECK(same.X == three_classes().X);
  CHECK(same.labels == three_classes().labels);
  CHECK(same.class_names == three_classes().class_names);
}

TEST_CASE("A bad choice of classes is refused with what is allowed", "[dataset][classes]") {
  using Catch::Matchers::Equals;
  const Dataset data = three_classes();
  CHECK_THROWS_WITH(select_classes(data, {1}),
                    Equals("[Dataset] classes: choose 2 to 3 of the classes 0..2 of \"small\", got 1"));
  CHECK_THROWS_WITH(select_classes(data, {0, 1, 2, 0}),
                    Equals("[Dataset] classes: choose 2 to 3 of the classes 0..2 of \"small\", got 4"));
  CHECK_THROWS_WITH(select_classes(data, {0, 3}),
                    Equals("[Dataset] classes: 3 is not a class of \"small\": its classes are 0..2"));
  CHECK_THROWS_WITH(select_classes(data, {-1, 0}),
                    Equals("[Dataset] classes: -1 is not a class of \"small\": its classes are 0..2"));
  CHECK_THROWS_WITH(select_classes(data, {2, 2}), Equals("[Dataset] classes: class 2 (c) is chosen twice"));
  Dataset missing = data;
  missing.labels = {0, 2, 0, 2, 0};
  CHECK_THROWS_WITH(select_classes(missing, {1, 2}),
                    Equals("[Dataset] classes: class 1 (b) has no samples in \"small\""));
  Dataset regression;
  regression.name = "sine";
  regression.task = "regression";
  regression.X = Matrix::Zero(1, 3);
  regression.targets = Matrix::Zero(1, 3);
  CHECK_THROWS_WITH(
      select_classes(regression, {0, 1}),
      Equals("[Dataset] classes: only a classification dataset has classes to choose; \"sine\" is regression"));
}

TEST_CASE("Seed 002's Shirt vs Sandal on fashion_mnist: 1200 images, Shirt is class 0 and Sandal class 1",
          "[dataset][classes][bundled]") {
  const Dataset fashion = load_preset("fashion_mnist");
  const Dataset pair = select_classes(fashion, {6, 5});
  CHECK(pair.samples() == 1200);
  CHECK(pair.class_names == std::vector<std::string>{"Shirt", "Sandal"});
  CHECK(class_counts(pair.labels, 2) == std::vector<long>{600, 600});
  CHECK(pair.image_width == 28);
  // the first kept image is the first Shirt or Sandal of the file, with its pixels
  std::size_t first = 0;
  while (fashion.labels[first] != 6 && fashion.labels[first] != 5) ++first;
  CHECK(pair.X.col(0) == fashion.X.col(static_cast<Index>(first)));
  CHECK(pair.labels[0] == (fashion.labels[first] == 6 ? 0 : 1));
}
