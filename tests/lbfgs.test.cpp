// L-BFGS (core/train/lbfgs.hpp): the exact optimum of convex problems solved directly, both strong
// Wolfe conditions re-checked for every accepted step, evaluation counts worked out by hand, and
// SciPy's fmin_l_bfgs_b on a small network and on logistic regression (tests/fixtures/lbfgs.json).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <Eigen/Cholesky>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::Json;

namespace {

// f(θ) = ½ θᵀAθ − bᵀθ with A symmetric positive definite; its minimiser solves Aθ = b.
struct Quadratic {
  Matrix A;
  Vector b;
  double operator()(const Vector& theta, Vector& g) const {
    // g = Aθ − b
    g = A * theta - b;
    return 0.5 * theta.dot(A * theta) - b.dot(theta);
  }
};

Quadratic random_quadratic(Index n, std::uint64_t seed) {
  const Matrix M = test::random_matrix(n, n, seed);
  Quadratic q;
  // A = MᵀM + I/2: SPD, condition number in the hundreds
  q.A = M.transpose() * M + 0.5 * Matrix::Identity(n, n);
  q.b = test::random_matrix(n, 1, seed + 1).col(0);
  return q;
}

// Runs iterations until θ stops moving (at most `limit`), checking both strong Wolfe conditions of
// every accepted step by evaluating f and g again, independently of the optimizer: with s = θ₊ − θ
// (= α d), φ'(0) = gᵀs / α, so f(θ₊) ≤ f(θ) + c₁ gᵀs and |g₊ᵀs| ≤ c₂ |gᵀs|.
template <typename F>
int run_checked(Lbfgs& lbfgs, Vector& theta, F& f, int limit, int& wolfe_failures) {
  const Lbfgs::Objective objective = [&](const Vector& x, Vector& g) { return f(x, g); };
  Vector g0, g1;
  int moved = 0;
  for (int i = 0; i < limit; ++i) {
    const Vector before = theta;
    const LbfgsIteration it = lbfgs.iterate(theta, objective);
    if (it.outcome != LbfgsOutcome::moved) break;
    ++moved;
    const double f0 = f(before, g0), f1 = f(theta, g1);
    const Vector s = theta - before;
    const double slope0 = g0.dot(s);
    const bool armijo = f1 <= f0 + Lbfgs::kC1 * slope0;
    const bool curvature = std::abs(g1.dot(s)) <= Lbfgs::kC2 * std::abs(slope0);
    // L-BFGS takes only steps that satisfy both: checked here with f and g evaluated again
    if (!(armijo && curvature && slope0 < 0.0)) ++wolfe_failures;
    CHECK(it.f == Approx(f1).epsilon(1e-14));
    CHECK(lbfgs.pairs() <= lbfgs.memory());
  }
  return moved;
}

}  // namespace

// How close θ can get: near θ* f changes by ½ (θ − θ*)ᵀA(θ − θ*), which f resolves only down to
// its rounding ε|f|, so a line search on f places θ to about √ε (1e-8) of θ*, where f is f(θ*) to
// the last digits. The tests ask for that and no more.
TEST_CASE("L-BFGS reaches the exact minimiser of a strictly convex quadratic", "[lbfgs]") {
  for (int memory : {1, 3, 10}) {
    DYNAMIC_SECTION("m = " << memory) {
      const Quadratic q = random_quadratic(8, 77);
      const Vector exact = q.A.ldlt().solve(q.b);
      Lbfgs lbfgs(memory, 8);
      Vector theta = Vector::Zero(8);
      int wolfe_failures = 0;
      const int moved = run_checked(lbfgs, theta, q, 500, wolfe_failures);
      CHECK(wolfe_failures == 0);
      CHECK(moved > 1);
      CHECK((theta - exact).norm() <= 1e-7 * exact.norm());
      Vector g;
      const double f_exact = q(exact, g), f_reached = q(theta, g);
      CHECK(f_reached - f_exact <= 1e-14 * std::abs(f_exact));
      CHECK(lbfgs.function_evaluations() == lbfgs.gradient_evaluations());
      CHECK(lbfgs.function_evaluations() > moved);
    }
  }
}

TEST_CASE("L-BFGS with m ≥ n ends a quadratic in few iterations", "[lbfgs]") {
  // with exact line searches it would take at most n steps; with strong Wolfe ones a few more
  const Quadratic q = random_quadratic(5, 3);
  const Vector exact = q.A.ldlt().solve(q.b);
  Lbfgs lbfgs(10, 5);
  Vector theta = Vector::Ones(5);
  int wolfe_failures = 0;
  run_checked(lbfgs, theta, q, 500, wolfe_failures);
  CHECK(wolfe_failures == 0);
  CHECK((theta - exact).norm() <= 1e-8 * exact.norm());
  CHECK(lbfgs.iterations() <= 40);
}

TEST_CASE("L-BFGS counts its evaluations exactly: f(x) = x² from x = 3", "[lbfgs]") {
  // Iteration 1: f and g at x₀ = 3 (g = 6; 1 evaluation), steepest descent d = −6 from α₀ = 1/‖g‖
  // = 1/6: x = 2, f = 4 ≤ 9 − 10⁻⁴·36/6 and |g·d| = 24 ≤ 0.9·36, accepted (2 evaluations in all).
  // Iteration 2: s = −1, y = 4 − 6 = −2, γ = sᵀy/yᵀy = 1/2, so d = −H g = −2 (the exact Newton step
  // of a quadratic) and α = 1 lands on x = 0 with g = 0: accepted (3 in all).
  // Iteration 3: g = 0, nothing to do (still 3).
  const Lbfgs::Objective f = [](const Vector& x, Vector& g) {
    g = 2.0 * x;
    return x.squaredNorm();
  };
  Lbfgs lbfgs(10, 1);
  Vector x(1);
  x << 3.0;
  LbfgsIteration it = lbfgs.iterate(x, f);
  CHECK(it.outcome == LbfgsOutcome::moved);
  CHECK(it.steepest);
  CHECK(it.step == Approx(1.0 / 6.0));
  CHECK(x(0) == Approx(2.0));
  CHECK(it.evaluations == 2);
  CHECK(lbfgs.function_evaluations() == 2);
  it = lbfgs.iterate(x, f);
  CHECK(it.outcome == LbfgsOutcome::moved);
  CHECK_FALSE(it.steepest);
  CHECK(it.step == 1.0);
  CHECK(std::abs(x(0)) <= 1e-15);
  CHECK(it.evaluations == 1);
  CHECK(lbfgs.function_evaluations() == 3);
  it = lbfgs.iterate(x, f);
  CHECK(it.outcome == LbfgsOutcome::converged);
  CHECK(it.evaluations == 0);
  CHECK(lbfgs.function_evaluations() == 3);
  CHECK(lbfgs.gradient_evaluations() == 3);
  CHECK(lbfgs.iterations() == 3);
  lbfgs.reset();
  CHECK(lbfgs.function_evaluations() == 0);
  CHECK(lbfgs.pairs() == 0);
}

TEST_CASE("L-BFGS shortens a step whose trial point is NaN, and counts it", "[lbfgs]") {
  // f(x) = x² for x > −0.5, NaN beyond. From x = 0.2 (g = 0.4) the first trial α₀ = 1/0.4 = 2.5
  // lands on x = −0.8 (NaN); the zoom then tries lo + (hi − lo)/10 = 0.25: x = 0.1, f = 0.01 and
  // |g·d| = 0.08 ≤ 0.9·0.16, accepted. Evaluations: the start, the NaN trial, the accepted one.
  const Lbfgs::Objective f = [](const Vector& x, Vector& g) {
    g = 2.0 * x;
    return x(0) > -0.5 ? x.squaredNorm() : std::numeric_limits<double>::quiet_NaN();
  };
  Lbfgs lbfgs(5, 1);
  Vector x(1);
  x << 0.2;
  const LbfgsIteration it = lbfgs.iterate(x, f);
  CHECK(it.outcome == LbfgsOutcome::moved);
  CHECK(x(0) == Approx(0.1));
  CHECK(it.evaluations == 3);
}

TEST_CASE("L-BFGS leaves θ alone where f is NaN, and stalls at a minimum to rounding", "[lbfgs]") {
  const Lbfgs::Objective nan = [](const Vector& x, Vector& g) {
    g = x;
    return std::numeric_limits<double>::quiet_NaN();
  };
  Lbfgs lbfgs(3, 2);
  Vector x = Vector::Ones(2);
  CHECK(lbfgs.iterate(x, nan).outcome == LbfgsOutcome::not_finite);
  CHECK(x == Vector::Ones(2));

  // f = (x − 1)² + 1 near x = 1: once f cannot fall any more in double precision, no step is taken
  const Lbfgs::Objective bowl = [](const Vector& v, Vector& g) {
    g = 2.0 * (v.array() - 1.0).matrix();
    return (v.array() - 1.0).square().sum() + 1.0;
  };
  Lbfgs again(3, 2);
  Vector y = Vector::Constant(2, 5.0);
  LbfgsOutcome outcome = LbfgsOutcome::moved;
  for (int i = 0; i < 100 && outcome == LbfgsOutcome::moved; ++i) outcome = again.iterate(y, bowl).outcome;
  CHECK((outcome == LbfgsOutcome::stalled || outcome == LbfgsOutcome::converged));
  CHECK((y.array() - 1.0).abs().maxCoeff() <= 1e-7);
  CHECK_THROWS_AS(Lbfgs(0, 2), SpecError);
}

namespace {

// The fixture's objective through the core's network: θ → (mean BCE + (λ/2)Σ‖W‖², ∇).
struct NetworkObjective {
  Network net;
  Matrix X, Y;
  explicit NetworkObjective(const Json& c)
      : net(c["spec"].dump()), X(test::samples_to_matrix(c["X"])), Y(1, static_cast<Index>(c["Y"].size())) {
    for (Index j = 0; j < Y.cols(); ++j) Y(0, j) = c["Y"][static_cast<std::size_t>(j)].get<double>();
  }
  double operator()(const Vector& theta, Vector& g) {
    net.parameter_storage() = theta;
    const double f = net.compute_gradients(X, Y).total();
    g = net.gradients();
    return f;
  }
};

}  // namespace

TEST_CASE("L-BFGS reaches SciPy's converged loss on a 2-4-1 tanh network and its optimum on logistic regression",
          "[lbfgs][fixtures]") {
  const Json cases = test::load_fixture("lbfgs.json");
  for (const Json& c : cases) {
    DYNAMIC_SECTION(c["name"].get<std::string>()) {
      NetworkObjective objective(c);
      Vector theta = test::to_vector(c["params0"]);
      Vector g;
      // the same objective at the same start: the network computes what NumPy did
      CHECK(objective(theta, g) == Approx(c["f0"].get<double>()).epsilon(1e-12));
      Lbfgs lbfgs(10, theta.size());
      int wolfe_failures = 0;
      run_checked(lbfgs, theta, objective, 5000, wolfe_failures);
      CHECK(wolfe_failures == 0);
      const double loss = objective(theta, g);
      const double scipy = c["loss"].get<double>();
      // paths differ (the line searches differ), the converged loss must not
      CHECK(std::abs(loss - scipy) <= 1e-6 * scipy);
      CHECK(loss <= scipy + 1e-12);
      CHECK(g.norm() <= 1e-6);
      if (c["name"] == "logistic_ridge") {
        // strictly convex: one minimiser, so the parameters agree too
        CHECK(test::max_relative_error(theta, test::to_vector(c["params"]), 1e-6) <= 1e-6);
      }
    }
  }
}
