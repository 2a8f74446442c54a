// Metrics: classification report, MSE and R² against sklearn values in fixtures/metrics.json,
// labels from outputs/targets, hand-computed multi-output R², the SS_tot = 0 conventions and the
// errors thrown for bad input.
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::load_fixture;
using lab::test::to_vector;

namespace {

constexpr double kTol = 1e-12;

std::vector<int> to_labels(const lab::test::Json& values) { return values.get<std::vector<int>>(); }

// A list of B values → one output row (1 × B), one sample per column.
Matrix to_row(const lab::test::Json& values) {
  const Vector v = to_vector(values);
  return v.transpose();
}

}  // namespace

TEST_CASE("classification_report matches sklearn's confusion matrix, accuracy and F1", "[metrics]") {
  const auto fixture = load_fixture("metrics.json");
  const auto truth = to_labels(fixture["y_true"]);
  const auto predicted = to_labels(fixture["y_pred"]);
  const int classes = fixture["num_classes"].get<int>();
  REQUIRE(truth.size() == 40);
  REQUIRE(classes == 4);

  const ClassificationReport report = classification_report(truth, predicted, classes);
  CHECK(report.classes == 4);
  REQUIRE(report.confusion.rows() == 4);
  REQUIRE(report.confusion.cols() == 4);
  for (Index t = 0; t < 4; ++t)
    for (Index p = 0; p < 4; ++p) CHECK(report.confusion(t, p) == fixture["confusion"][t][p].get<double>());

  CHECK(report.accuracy == Approx(fixture["accuracy"].get<double>()).margin(kTol).epsilon(0));
  CHECK(accuracy(truth, predicted) == Approx(fixture["accuracy"].get<double>()).margin(kTol).epsilon(0));
  CHECK(report.macro_f1 == Approx(fixture["macro_f1"].get<double>()).margin(kTol).epsilon(0));

  const Vector precision = to_vector(fixture["per_class_precision"]);
  const Vector recall = to_vector(fixture["per_class_recall"]);
  const Vector f1 = to_vector(fixture["per_class_f1"]);
  REQUIRE(report.precision.size() == 4);
  REQUIRE(report.recall.size() == 4);
  REQUIRE(report.f1.size() == 4);
  REQUIRE(report.per_class_accuracy.size() == 4);
  REQUIRE(report.support.size() == 4);
  for (Index k = 0; k < 4; ++k) {
    CHECK(report.precision(k) == Approx(precision(k)).margin(kTol).epsilon(0));
    CHECK(report.recall(k) == Approx(recall(k)).margin(kTol).epsilon(0));
    CHECK(report.f1(k) == Approx(f1(k)).margin(kTol).epsilon(0));
    // per-class accuracy is the recall of the class
    CHECK(report.per_class_accuracy(k) == Approx(recall(k)).margin(kTol).epsilon(0));
  }
  // support = row sums of the confusion matrix: 6, 12, 9, 13
  CHECK(report.support == std::vector<long>{6, 12, 9, 13});
}

TEST_CASE("A class that is never predicted gets precision, recall and F1 of 0", "[metrics]") {
  const auto fixture = load_fixture("metrics.json");
  const ClassificationReport report =
      classification_report(to_labels(fixture["y_true"]), to_labels(fixture["y_pred"]), 4);
  // class 3 has 13 true samples but no predictions: precision 0/0 → 0, recall 0/13 = 0
  CHECK(report.confusion.col(3).sum() == 0.0);
  CHECK(report.precision(3) == 0.0);
  CHECK(report.recall(3) == 0.0);
  CHECK(report.f1(3) == 0.0);
}

TEST_CASE("A class with no samples and no predictions counts as 0 in macro F1", "[metrics]") {
  // classes = 3 but only 0 and 1 occur; all correct, so F1 = (1, 1, 0) and macro F1 = 2/3
  const ClassificationReport report = classification_report({0, 1, 1, 0}, {0, 1, 1, 0}, 3);
  CHECK(report.accuracy == 1.0);
  CHECK(report.precision(2) == 0.0);
  CHECK(report.recall(2) == 0.0);
  CHECK(report.f1(2) == 0.0);
  CHECK(report.per_class_accuracy(2) == 0.0);
  CHECK(report.support == std::vector<long>{2, 2, 0});
  CHECK(report.macro_f1 == Approx(2.0 / 3.0).margin(kTol).epsilon(0));
}

TEST_CASE("mean_squared_error and r2_score match sklearn on the regression fixture", "[metrics]") {
  const auto fixture = load_fixture("metrics.json");
  const Matrix target = to_row(fixture["r_true"]);
  const Matrix predicted = to_row(fixture["r_pred"]);
  REQUIRE(target.cols() == 30);
  CHECK(mean_squared_error(predicted, target) == Approx(fixture["mse"].get<double>()).margin(kTol).epsilon(0));
  CHECK(r2_score(predicted, target) == Approx(fixture["r2"].get<double>()).margin(kTol).epsilon(0));
}

TEST_CASE("mean_squared_error is the plain mean over all entries, not halved", "[metrics]") {
  Matrix predicted(2, 2), target(2, 2);
  predicted << 1, 2, 3, 4;
  target << 0, 2, 1, 1;
  // squared errors 1, 0, 4, 9 → sum 14 over 4 entries = 3.5
  CHECK(mean_squared_error(predicted, target) == 3.5);
}

TEST_CASE("r2_score averages R² of each output row uniformly (samples are columns)", "[metrics]") {
  Matrix target(2, 3), predicted(2, 3);
  target << 1, 2, 3,  //
      0, 2, 4;
  predicted << 1, 2, 4,  //
      1, 2, 3;
  // row 0: mean 2, SS_tot = 1 + 0 + 1 = 2, SS_res = 0 + 0 + 1 = 1 → R² = 1 − 1/2 = 0.5
  // row 1: mean 2, SS_tot = 4 + 0 + 4 = 8, SS_res = 1 + 0 + 1 = 2 → R² = 1 − 2/8 = 0.75
  // uniform average: (0.5 + 0.75) / 2 = 0.625
  // (pooling all 6 entries instead would give 1 − 3/10 = 0.7)
  CHECK(r2_score(predicted, target) == Approx(0.625).margin(kTol).epsilon(0));
}

TEST_CASE("r2_score with a constant target is 1 for a perfect fit and 0 otherwise", "[metrics]") {
  Matrix target(1, 3), exact(1, 3), off(1, 3);
  target << 2, 2, 2;
  exact << 2, 2, 2;
  off << 2, 3, 2;
  // SS_tot = 0: SS_res = 0 → 1;  SS_res = 1 → 0 (sklearn force_finite)
  CHECK(r2_score(exact, target) == 1.0);
  CHECK(r2_score(off, target) == 0.0);

  // mixed rows: row 0 constant and exact (1), row 1 has R² 0.75 as above → (1 + 0.75) / 2
  Matrix target2(2, 3), predicted2(2, 3);
  target2 << 5, 5, 5,  //
      0, 2, 4;
  predicted2 << 5, 5, 5,  //
      1, 2, 3;
  CHECK(r2_score(predicted2, target2) == Approx(0.875).margin(kTol).epsilon(0));

  // a single sample always has SS_tot = 0
  Matrix one_t(1, 1), one_p(1, 1);
  one_t << 0.3;
  one_p << 0.3;
  CHECK(r2_score(one_p, one_t) == 1.0);
}

TEST_CASE("The variance-weighted R² of a reconstruction leaves constant rows out, as sklearn's",
          "[metrics][reconstruction]") {
  // three outputs (rows) of four samples: row 0 is 0 in every sample, like an MNIST border pixel.
  // sklearn: r2_score(T.T, P.T, multioutput='variance_weighted') = 0.782608695652174 and the
  // uniform average 0.39444444444444443 (row 0 counts as 0 there: SS_tot = 0, SS_res > 0)
  Matrix target(3, 4), predicted(3, 4);
  target << 0, 0, 0, 0,  //
      1, 2, 3, 4,        //
      0.5, 0.5, 1.5, 0.5;
  predicted << 0.1, 0, 0.2, 0,  //
      1.5, 2, 2.5, 4.5,         //
      0.5, 1, 1, 0.5;
  CHECK(r2_variance_weighted(predicted, target) == Approx(0.782608695652174).margin(kTol).epsilon(0));
  CHECK(r2_score(predicted, target) == Approx(0.39444444444444443).margin(kTol).epsilon(0));
  // by hand: SS_res = 0.75 + 0.5 over SS_tot = 5 + 0.75 of the rows that vary
  CHECK(r2_variance_weighted(predicted, target) == Approx(1.0 - 1.25 / 5.75).margin(kTol).epsilon(0));
  // only constant rows: 1 for an exact fit, else 0 (sklearn gives 0.0 for the first row alone)
  CHECK(r2_variance_weighted(predicted.topRows(1), target.topRows(1)) == 0.0);
  CHECK(r2_variance_weighted(target.topRows(1), target.topRows(1)) == 1.0);
  CHECK_THROWS_AS(r2_variance_weighted(predicted.leftCols(2), target), ShapeError);
}

TEST_CASE("labels_from_outputs takes the argmax per column, the first row on ties", "[metrics]") {
  Matrix softmax(3, 4);
  softmax << 0.7, 0.1, 0.2, 0.4,  //
      0.2, 0.3, 0.7, 0.4,         //
      0.1, 0.6, 0.1, 0.2;
  CHECK(labels_from_outputs(softmax) == std::vector<int>{0, 2, 1, 0});
  CHECK(labels_from_targets(Matrix::Identity(3, 3)) == std::vector<int>{0, 1, 2});
}

TEST_CASE("A single output row is thresholded at 0.5, with 0.5 itself giving class 1", "[metrics]") {
  Matrix sigmoid(1, 5);
  sigmoid << 0.0, 0.49999999, 0.5, 0.50000001, 1.0;
  CHECK(labels_from_outputs(sigmoid) == std::vector<int>{0, 0, 1, 1, 1});
  Matrix targets(1, 3);
  targets << 1, 0, 1;
  CHECK(labels_from_targets(targets) == std::vector<int>{1, 0, 1});
}

TEST_CASE("class_count_for_rows is the row count, or 2 for a single row", "[metrics]") {
  CHECK(class_count_for_rows(1) == 2);
  CHECK(class_count_for_rows(2) == 2);
  CHECK(class_count_for_rows(10) == 10);
  CHECK_THROWS_AS(class_count_for_rows(0), DataError);
  CHECK_THROWS_WITH(class_count_for_rows(0), Catch::Contains("at least 1 row"));
}

TEST_CASE("Classification metrics reject mismatched, empty and out-of-range labels", "[metrics]") {
  const std::vector<int> forty(40, 1), thirty_nine(39, 1);
  CHECK_THROWS_AS(classification_report(forty, thirty_nine, 4), ShapeError);
  CHECK_THROWS_WITH(classification_report(forty, thirty_nine, 4),
                    Catch::Contains("predicted labels have 39 entries but true labels have 40"));
  CHECK_THROWS_AS(accuracy(forty, thirty_nine), ShapeError);

  CHECK_THROWS_AS(classification_report({}, {}, 4), DataError);
  CHECK_THROWS_WITH(classification_report({}, {}, 4), Catch::Contains("no labels"));
  CHECK_THROWS_AS(accuracy({}, {}), DataError);

  CHECK_THROWS_AS(classification_report({0, 1}, {0, 7}, 4), DataError);
  CHECK_THROWS_WITH(classification_report({0, 1}, {0, 7}, 4),
                    Catch::Contains("predicted label 7 is out of range 0..3"));
  CHECK_THROWS_WITH(classification_report({0, -1}, {0, 1}, 4), Catch::Contains("true label -1 is out of range 0..3"));
  CHECK_THROWS_AS(accuracy({0, -1}, {0, 1}), DataError);

  CHECK_THROWS_AS(classification_report({0}, {0}, 0), DataError);
  CHECK_THROWS_WITH(classification_report({0}, {0}, 0), Catch::Contains("classes must be at least 1, got 0"));
}

TEST_CASE("Regression metrics reject mismatched shapes, empty and non-finite input", "[metrics]") {
  const Matrix a = Matrix::Zero(1, 3), b = Matrix::Zero(2, 3);
  CHECK_THROWS_AS(mean_squared_error(a, b), ShapeError);
  CHECK_THROWS_AS(r2_score(a, b), ShapeError);
  CHECK_THROWS_WITH(r2_score(a, b), Catch::Contains("predicted values are 1 × 3 but targets are 2 × 3"));

  const Matrix empty(1, 0);
  CHECK_THROWS_AS(mean_squared_error(empty, empty), DataError);
  CHECK_THROWS_AS(r2_score(empty, empty), DataError);
  CHECK_THROWS_WITH(r2_score(empty, empty), Catch::Contains("predicted values are empty"));

  Matrix bad = Matrix::Zero(1, 3);
  bad(0, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(mean_squared_error(bad, a), DataError);
  CHECK_THROWS_WITH(mean_squared_error(bad, a), Catch::Contains("predicted values contain a non-finite value"));
  bad(0, 2) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(r2_score(a, bad), DataError);
  CHECK_THROWS_WITH(r2_score(a, bad), Catch::Contains("targets contain a non-finite value"));
}

TEST_CASE("labels_from_outputs rejects empty and non-finite outputs", "[metrics]") {
  CHECK_THROWS_AS(labels_from_outputs(Matrix(0, 3)), DataError);
  CHECK_THROWS_WITH(labels_from_outputs(Matrix(3, 0)), Catch::Contains("outputs are empty"));
  Matrix nan_out = Matrix::Zero(2, 2);
  nan_out(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(labels_from_outputs(nan_out), DataError);
  CHECK_THROWS_WITH(labels_from_outputs(nan_out), Catch::Contains("outputs contain a non-finite value"));
  CHECK_THROWS_WITH(labels_from_targets(nan_out), Catch::Contains("targets contain a non-finite value"));
}
