// The regression generators: sine, polynomial, plane, seed 004's three points, and seed 000
// §1.2's synthetic least-squares problem with its exact ridge optimum. "noise" is the σ of the
// Gaussian noise added to the target.
#include <algorithm>
#include <cmath>

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "core/base/errors.hpp"
#include "core/base/rng.hpp"
#include "core/data/generators.hpp"

namespace lab::generators {
namespace {

constexpr double pi = 3.14159265358979323846;

Dataset regression(Index features, Index samples, std::vector<std::string> feature_names) {
  Dataset data;
  data.task = "regression";
  data.X.resize(features, samples);
  data.targets.resize(1, samples);
  data.feature_names = std::move(feature_names);
  data.target_names = {"y"};
  return data;
}

// n × r matrix with orthonormal columns, Haar-distributed like the singular vectors of a Gaussian
// matrix: the Q of a QR of an n × r N(0, 1) matrix (entries drawn row by row), with the sign of
// each column fixed so that diag(R) > 0.
Matrix random_orthonormal(Index n, Index r, Rng& rng) {
  Matrix gaussian(n, r);
  for (Index i = 0; i < n; ++i)
    for (Index k = 0; k < r; ++k) gaussian(i, k) = rng.normal();
  Eigen::HouseholderQR<Matrix> qr(gaussian);
  Matrix Q = qr.householderQ() * Matrix::Identity(n, r);
  for (Index k = 0; k < r; ++k)
    if (qr.matrixQR()(k, k) < 0.0) Q.col(k) = -Q.col(k);
  return Q;
}

}  // namespace

// y = sin x + noise · N(0, 1), x uniform in [−π, π).
Dataset sine(const GeneratorRequest& r) {
  Dataset data = regression(1, r.samples, {"x"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const double x = rng.uniform(-pi, pi);
    data.X(0, j) = x;
    data.targets(0, j) = std::sin(x) + r.noise * rng.normal();
  }
  return data;
}

// y = x³ − x + noise · N(0, 1), x uniform in [−1.5, 1.5).
Dataset polynomial(const GeneratorRequest& r) {
  Dataset data = regression(1, r.samples, {"x"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const double x = rng.uniform(-1.5, 1.5);
    data.X(0, j) = x;
    data.targets(0, j) = x * x * x - x + r.noise * rng.normal();
  }
  return data;
}

// y = 2 x1 − 3 x2 + 1 + noise · N(0, 1), (x1, x2) uniform in [−1, 1)².
Dataset plane(const GeneratorRequest& r) {
  Dataset data = regression(2, r.samples, {"x1", "x2"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const double x1 = rng.uniform(-1.0, 1.0);
    const double x2 = rng.uniform(-1.0, 1.0);
    data.X(0, j) = x1;
    data.X(1, j) = x2;
    data.targets(0, j) = 2.0 * x1 - 3.0 * x2 + 1.0 + r.noise * rng.normal();
  }
  return data;
}

// Seed 004 section A: the points (1, 3), (2, 4), (3, 5), on the line y = x + 2. No randomness.
Dataset three_points(const GeneratorRequest&) {
  Dataset data = regression(1, 3, {"x"});
  data.X << 1.0, 2.0, 3.0;
  data.targets << 3.0, 4.0, 5.0;
  return data;
}

Dataset least_squares(const GeneratorRequest& r) { return least_squares_problem(r).data; }

}  // namespace lab::generators

namespace lab {

// Seed 000 §1.2, in the seed's layout (A: m × n, one sample per row):
//   U (m × r), V (n × r) orthonormal, r = min(m, n);  s_i = exp(0.3 · N(0, 1));
//   A = U diag(s) Vᵀ;  x_true ~ N(0, I_n);  y = A x_true + noise · N(0, I_m);
//   w* solves ((1/m) AᵀA + λI) w = (1/m) Aᵀy  (the minimiser of f below).
// Draw order: U's Gaussian matrix, V's, s, x_true, then the noise.
LeastSquaresProblem least_squares_problem(const GeneratorRequest& request) {
  GeneratorRequest r = request;
  r.name = "least_squares";
  validate_generator_request(r);
  const Index m = r.samples, n = r.dimensions, rank = std::min(m, n);
  Rng rng(r.seed);
  const Matrix U = generators::random_orthonormal(m, rank, rng);
  const Matrix V = generators::random_orthonormal(n, rank, rng);
  Vector s(rank);
  for (Index i = 0; i < rank; ++i) s(i) = std::exp(0.3 * rng.normal());
  const Matrix A = U * s.asDiagonal() * V.transpose();  // (m × n)
  Vector x_true(n);
  for (Index i = 0; i < n; ++i) x_true(i) = rng.normal();
  Vector y = A * x_true;  // (m)
  for (Index j = 0; j < m; ++j) y(j) += r.noise * rng.normal();

  LeastSquaresProblem problem;
  const double inv_m = 1.0 / static_cast<double>(m);
  const Matrix normal_matrix = inv_m * (A.transpose() * A) + r.lambda * Matrix::Identity(n, n);
  problem.solution = normal_matrix.ldlt().solve(inv_m * (A.transpose() * y));
  problem.true_solution = x_true;
  problem.singular_values = s;
  problem.lambda = r.lambda;

  Dataset& data = problem.data;
  const GeneratorInfo& info = generator_info("least_squares");
  data.name = info.name;
  data.description = info.description;
  data.task = "regression";
  data.X = A.transpose();  // (n × m): one sample per column
  data.targets = y.transpose();
  data.feature_names = numbered_names("x", static_cast<int>(n), 1);
  data.target_names = {"y"};
  problem.optimum_loss = least_squares_loss(problem, problem.solution);
  return problem;
}

// f(w) = (1/2m) ‖Aw − y‖² + (λ/2) ‖w‖², with A = Xᵀ.
double least_squares_loss(const LeastSquaresProblem& problem, const Vector& w) {
  const Dataset& data = problem.data;
  if (w.size() != data.features())
    throw ShapeError("[LeastSquares] w has " + std::to_string(w.size()) + " entries, expected " +
                     std::to_string(data.features()));
  const Vector residual = data.X.transpose() * w - data.targets.row(0).transpose();
  const double m = static_cast<double>(data.samples());
  return residual.squaredNorm() / (2.0 * m) + 0.5 * problem.lambda * w.squaredNorm();
}

}  // namespace lab
