// PCA: sklearn's means, components (up to the core's sign convention, applied to the fixture),
// explained variance and projections in fixtures/pca.json; the sign convention itself; and the
// errors for too few samples, a bad component count, flat or non-finite data.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using Catch::Matchers::Contains;
using lab::test::load_fixture;
using lab::test::samples_to_matrix;
using lab::test::to_vector;

namespace {

// A list of rows (k × d) as a matrix.
Matrix rows_to_matrix(const lab::test::Json& rows) { return samples_to_matrix(rows).transpose(); }

}  // namespace

TEST_CASE("fit_pca matches sklearn's PCA: mean, components, explained variance and projection", "[pca]") {
  const auto fixture = load_fixture("pca.json");
  REQUIRE(fixture.size() == 3);
  for (const auto& item : fixture) {
    const std::string name = item["name"].get<std::string>();
    SECTION(name) {
      const Matrix X = samples_to_matrix(item["X"]);  // d × n
      const Index k = item["components_count"].get<Index>();
      const Pca pca = fit_pca(X, k);
      const Matrix expected_components = rows_to_matrix(item["components"]);
      REQUIRE(pca.components.rows() == k);
      REQUIRE(pca.components.cols() == X.rows());
      const double mean_error = (pca.mean - to_vector(item["mean"])).cwiseAbs().maxCoeff();
      const double component_error = (pca.components - expected_components).cwiseAbs().maxCoeff();
      const double variance_error =
          (pca.explained_variance - to_vector(item["explained_variance"])).cwiseAbs().maxCoeff();
      const double ratio_error =
          (pca.explained_variance_ratio - to_vector(item["explained_variance_ratio"])).cwiseAbs().maxCoeff();
      // projection: n × k in the fixture, k × n here
      const double projection_error =
          (pca_project(pca, X) - samples_to_matrix(item["projection"])).cwiseAbs().maxCoeff();
      INFO(name << ": largest differences: mean " << mean_error << ", components " << component_error << ", variance "
                << variance_error << ", ratio " << ratio_error << ", projection " << projection_error);
      CHECK(mean_error < 1e-12);
      CHECK(component_error < 1e-9);
      CHECK(variance_error < 1e-10);
      CHECK(ratio_error < 1e-10);
      CHECK(projection_error < 1e-9);
    }
  }
}

TEST_CASE("PCA components are unit length, orthogonal, sorted, with their largest entry positive", "[pca]") {
  const Matrix X = lab::test::random_matrix(5, 2000, 3).array().colwise() * Vector{{4.0, 0.5, 2.0, 1.0, 3.0}}.array();
  const Pca pca = fit_pca(X, 3);
  const Matrix gram = pca.components * pca.components.transpose();
  CHECK((gram - Matrix::Identity(3, 3)).cwiseAbs().maxCoeff() < 1e-12);
  for (Index c = 0; c < 3; ++c) {
    Index largest = 0;
    pca.components.row(c).cwiseAbs().maxCoeff(&largest);
    CHECK(pca.components(c, largest) > 0.0);
    if (c > 0) CHECK(pca.explained_variance(c) <= pca.explained_variance(c - 1));
  }
  // with every component, the ratios add up to 1
  CHECK(fit_pca(X, 5).explained_variance_ratio.sum() == Approx(1.0).epsilon(1e-12));
  // the axis-aligned scales: the first direction is feature 0 (σ = 4), then feature 4 (σ = 3)
  CHECK(std::abs(pca.components(0, 0)) > 0.99);
  CHECK(std::abs(pca.components(1, 4)) > 0.99);
}

TEST_CASE("fit_pca refuses too few samples, a bad component count, flat and non-finite data", "[pca]") {
  CHECK_THROWS_WITH(fit_pca(Matrix::Ones(3, 1), 2), Contains("[PCA] needs at least 2 samples"));
  CHECK_THROWS_WITH(fit_pca(lab::test::random_matrix(3, 10, 1), 4),
                    Contains("components must be a whole number in 1..3"));
  CHECK_THROWS_WITH(fit_pca(lab::test::random_matrix(3, 10, 1), 0), Contains("got 0"));
  CHECK_THROWS_WITH(fit_pca(Matrix::Constant(3, 10, 2.5), 2), Contains("the features do not vary"));
  Matrix bad = lab::test::random_matrix(3, 10, 1);
  bad(1, 4) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(fit_pca(bad, 2), Contains("not finite"));
  const Pca pca = fit_pca(lab::test::random_matrix(3, 10, 1), 2);
  CHECK_THROWS_AS(pca_project(pca, Matrix::Ones(4, 2)), ShapeError);
}
