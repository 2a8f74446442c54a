// Activations: known values, and every Jacobian against central finite differences.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::central_difference;
using lab::test::max_relative_error;
using lab::test::record_fd_error;

namespace {

Matrix random_matrix(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) {
    double x = rng.normal() * 1.5;
    if (std::abs(x) < 1e-3) x += 0.01;  // keep away from the relu kink
    m.data()[i] = x;
  }
  return m;
}

}  // namespace

TEST_CASE("Activations give their textbook values", "[activation]") {
  Matrix z(1, 3);
  z << -1.0, 0.0, 2.0;
  Matrix a;
  Activation{ActivationKind::sigmoid}.activate(z, a);
  CHECK(a(0, 1) == Approx(0.5));
  CHECK(a(0, 2) == Approx(1.0 / (1.0 + std::exp(-2.0))));
  Activation{ActivationKind::relu}.activate(z, a);
  CHECK(a(0, 0) == 0.0);
  CHECK(a(0, 2) == 2.0);
  Activation{ActivationKind::leaky_relu, 0.1}.activate(z, a);
  CHECK(a(0, 0) == Approx(-0.1));
  Activation{ActivationKind::tanh}.activate(z, a);
  CHECK(a(0, 2) == Approx(std::tanh(2.0)));

  Matrix logits(3, 1);
  logits << 1000.0, 1001.0, 1002.0;  // shifted softmax must not overflow
  Activation{ActivationKind::softmax}.activate(logits, a);
  CHECK(a.sum() == Approx(1.0));
  CHECK(a(2, 0) == Approx(std::exp(2.0) / (1.0 + std::exp(1.0) + std::exp(2.0))));

  Matrix very_negative(1, 1);
  very_negative << -800.0;
  Activation{ActivationKind::sigmoid}.activate(very_negative, a);
  CHECK(a(0, 0) == 0.0);
}

TEST_CASE("Every activation's Jacobian matches finite differences", "[activation][grad]") {
  const Activation kinds[] = {{ActivationKind::identity}, {ActivationKind::sigmoid},         {ActivationKind::tanh},
                              {ActivationKind::relu},     {ActivationKind::leaky_relu, 0.2}, {ActivationKind::softmax}};
  for (const Activation& f : kinds) {
    DYNAMIC_SECTION(f.name()) {
      const Matrix z = random_matrix(4, 3, 9);
      const Matrix u = random_matrix(4, 3, 10);
      // g(z) = Σ f(z) ⊙ u has gradient Jᵀu
      Matrix a, analytic;
      f.activate(z, a);
      f.apply_jacobian(z, a, u, analytic);
      const auto F = [&](const Vector& flat) {
        Matrix out;
        f.activate(Eigen::Map<const Matrix>(flat.data(), 4, 3), out);
        return out.cwiseProduct(u).sum();
      };
      const Vector numeric = central_difference(F, Eigen::Map<const Vector>(z.data(), z.size()));
      const double error = max_relative_error(Eigen::Map<const Vector>(analytic.data(), analytic.size()), numeric);
      INFO("max relative error " << error);
      CHECK(record_fd_error(error) < 1e-6);
    }
  }
}

TEST_CASE("Unknown activation names are rejected with the allowed list", "[activation][errors]") {
  CHECK_THROWS_AS(activation_from_name("gelu", "layers[0].activation"), SpecError);
  CHECK_THROWS_WITH(activation_from_name("gelu", "layers[0].activation"), Catch::Contains("layers[0].activation") &&
                                                                              Catch::Contains("gelu") &&
                                                                              Catch::Contains("leaky_relu"));
  CHECK(activation_from_name("tanh", "x") == ActivationKind::tanh);
}
