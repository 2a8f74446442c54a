// Scalers fitted on the training part only: standardise and min-max, constant features, the
// shape check, and prepare() (split + fit on train + apply to every part).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/backprop.hpp"

using namespace lab;
using Catch::Matchers::Contains;

TEST_CASE("Standardize subtracts the training mean and divides by the training population std",
          "[datasets][preprocess]") {
  Matrix train(2, 4), test(2, 2);
  train << 1, 2, 3, 4,  //
      7, 7, 7, 7;       // a constant feature
  test << 10, -2,       //
      8, 7;
  const Scaler scaler = fit_scaler(Scaling::standardize, train);
  CHECK(scaler.shift(0) == 2.5);
  CHECK(scaler.scale(0) == Approx(std::sqrt(1.25)));  // numpy: np.std([1, 2, 3, 4])
  CHECK(scaler.shift(1) == 7.0);
  CHECK(scaler.scale(1) == 1.0);  // constant: scale 1 (sklearn's rule), so it maps to 0
  const Matrix scaled_train = scaler.apply(train);
  CHECK(scaled_train.row(0).sum() == Approx(0.0).margin(1e-12));
  CHECK(scaled_train.row(0).squaredNorm() / 4.0 == Approx(1.0));
  CHECK(scaled_train.row(1).isZero());
  // The test part uses the training statistics, not its own.
  const Matrix scaled_test = scaler.apply(test);
  CHECK(scaled_test(0, 0) == Approx((10.0 - 2.5) / std::sqrt(1.25)));
  CHECK(scaled_test(0, 1) == Approx((-2.0 - 2.5) / std::sqrt(1.25)));
  CHECK(scaled_test(1, 0) == 1.0);
}

TEST_CASE("Min-max maps the training range to 0..1 and lets other parts fall outside", "[datasets][preprocess]") {
  Matrix train(1, 3), test(1, 2);
  train << 2, 4, 6;
  test << 0, 7;
  const Scaler scaler = fit_scaler(Scaling::min_max, train);
  CHECK(scaler.apply(train) == (Matrix(1, 3) << 0.0, 0.5, 1.0).finished());
  CHECK(scaler.apply(test) == (Matrix(1, 2) << -0.5, 1.25).finished());
  const Scaler none = fit_scaler(Scaling::none, train);
  CHECK(none.apply(test) == test);
}

TEST_CASE("A scaler rejects data with another number of features and an empty training set", "[datasets][preprocess]") {
  const Scaler scaler = fit_scaler(Scaling::standardize, Matrix::Ones(3, 5));
  CHECK_THROWS_WITH(scaler.apply(Matrix::Ones(2, 5)), "[Scaler] fitted on 3 features, got data with 2");
  CHECK_THROWS_WITH(fit_scaler(Scaling::min_max, Matrix(3, 0)), "[Scaler] cannot fit on 0 training samples");
  CHECK(scaling_from_name("min_max", "scaling") == Scaling::min_max);
  CHECK_THROWS_WITH(scaling_from_name("zscore", "scaling"),
                    "[Scaler] scaling must be one of \"none\", \"standardize\", \"min_max\", got \"zscore\"");
}

TEST_CASE("prepare fits the scaler on the training part only and applies it to every part", "[datasets][preprocess]") {
  const Dataset data = generate(R"({"name":"blobs","samples":300,"classes":3,"dimensions":4,"seed":2})");
  SplitSettings settings;
  settings.validation = 0.2;
  settings.test = 0.2;
  settings.seed = 1;
  const PreparedData prepared = prepare(data, settings, Scaling::standardize);
  const DataSplit& split = prepared.split;

  // The statistics are those of the original training columns.
  Matrix original_train(data.features(), static_cast<Index>(split.indices.train.size()));
  for (std::size_t k = 0; k < split.indices.train.size(); ++k)
    original_train.col(static_cast<Index>(k)) = data.X.col(split.indices.train[k]);
  const Scaler expected = fit_scaler(Scaling::standardize, original_train);
  CHECK(prepared.scaler.shift.isApprox(expected.shift));
  CHECK(prepared.scaler.scale.isApprox(expected.scale));
  const Scaler from_all = fit_scaler(Scaling::standardize, data.X);
  CHECK_FALSE(prepared.scaler.shift.isApprox(from_all.shift, 1e-9));

  // Training part: mean 0, std 1 per feature; the others are scaled with those numbers.
  const Index n_train = split.train.samples();
  for (Index i = 0; i < data.features(); ++i) {
    CHECK(split.train.X.row(i).sum() / static_cast<double>(n_train) == Approx(0.0).margin(1e-12));
    CHECK(split.train.X.row(i).squaredNorm() / static_cast<double>(n_train) == Approx(1.0));
  }
  for (std::size_t k = 0; k < split.indices.test.size(); ++k) {
    const Vector raw = data.X.col(split.indices.test[k]);
    const Vector manual = (raw - expected.shift).cwiseQuotient(expected.scale);
    CHECK(split.test.X.col(static_cast<Index>(k)).isApprox(manual));
  }
  CHECK(split.test.labels.size() == split.indices.test.size());
}

TEST_CASE("Features too large to scale are refused naming the feature, and a scaler refuses non-finite input",
          "[datasets][preprocess][errors]") {
  Matrix X(2, 4);
  X << 1, 2, 3, 4,  //
      1e308, -1e308, 1.5e308, 1e308;
  CHECK_THROWS_AS(fit_scaler(Scaling::standardize, X), DataError);
  CHECK_THROWS_WITH(fit_scaler(Scaling::standardize, X),
                    Catch::Contains("[Scaler] feature 2 cannot be standardized") && Catch::Contains("spread too far"));
  CHECK_THROWS_WITH(fit_scaler(Scaling::min_max, X), Catch::Contains("[Scaler] feature 2 cannot be scaled to [0, 1]"));
  const Scaler ok = fit_scaler(Scaling::standardize, X.topRows(1));
  Matrix bad(1, 2);
  bad << 1.0, std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(ok.apply(bad), Catch::Contains("[Scaler] features must be finite numbers; sample 1, feature 1"));
}
