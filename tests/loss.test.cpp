// Losses: values against direct formulas, stability for extreme logits, and the output
// gradient against finite differences.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::central_difference;
using lab::test::max_relative_error;
using lab::test::record_fd_error;

TEST_CASE("mse is half the squared error, averaged over samples", "[loss]") {
  Matrix a(2, 2), y(2, 2);
  a << 1, 2, 3, 4;
  y << 0, 2, 1, 1;
  // samples: (1,3) vs (0,1): ½(1 + 4) = 2.5;  (2,4) vs (2,1): ½(0 + 9) = 4.5;  mean 3.5
  CHECK(loss_value(LossKind::mse, a, a, y) == Approx(3.5));
}

TEST_CASE("cross_entropy and binary_cross_entropy stay finite for extreme logits", "[loss]") {
  Matrix z(2, 1), y(2, 1), a(2, 1);
  z << 800.0, -800.0;
  y << 0.0, 1.0;
  a << 1.0, 0.0;
  CHECK(loss_value(LossKind::cross_entropy, z, a, y) == Approx(1600.0));
  Matrix zb(1, 1), yb(1, 1), ab(1, 1);
  zb << -800.0;
  yb << 1.0;
  ab << 0.0;
  CHECK(loss_value(LossKind::binary_cross_entropy, zb, ab, yb) == Approx(800.0));
}

TEST_CASE("Fused cross-entropy gradients match finite differences in z", "[loss][grad]") {
  Matrix z(3, 4), y = Matrix::Zero(3, 4);
  z << 0.3, -1.2, 2.0, 0.1, 1.1, 0.4, -0.7, 0.0, -0.5, 0.9, 0.2, 1.5;
  y(0, 0) = y(2, 1) = y(1, 2) = y(2, 3) = 1.0;
  const Activation softmax{ActivationKind::softmax};
  Matrix a, delta;
  softmax.activate(z, a);
  loss_output_gradient(a, y, delta);
  const auto F = [&](const Vector& flat) {
    Matrix zz = Eigen::Map<const Matrix>(flat.data(), 3, 4), aa;
    softmax.activate(zz, aa);
    return loss_value(LossKind::cross_entropy, zz, aa, y);
  };
  const Vector numeric = central_difference(F, Eigen::Map<const Vector>(z.data(), z.size()));
  CHECK(record_fd_error(max_relative_error(Eigen::Map<const Vector>(delta.data(), 12), numeric)) < 1e-6);

  Matrix zb(1, 3), yb(1, 3), ab, db;
  zb << 0.5, -2.0, 3.0;
  yb << 1, 0, 0;
  const Activation sigmoid{ActivationKind::sigmoid};
  sigmoid.activate(zb, ab);
  loss_output_gradient(ab, yb, db);
  const auto G = [&](const Vector& flat) {
    Matrix zz = Eigen::Map<const Matrix>(flat.data(), 1, 3), aa;
    sigmoid.activate(zz, aa);
    return loss_value(LossKind::binary_cross_entropy, zz, aa, yb);
  };
  const Vector numeric_b = central_difference(G, Eigen::Map<const Vector>(zb.data(), 3));
  CHECK(record_fd_error(max_relative_error(Eigen::Map<const Vector>(db.data(), 3), numeric_b)) < 1e-6);
}

TEST_CASE("mse gradient in a matches finite differences", "[loss][grad]") {
  Matrix a(2, 3), y(2, 3), g;
  a << 0.2, 0.5, -1.0, 1.5, 0.0, 0.3;
  y << 1.0, 0.0, 0.5, -0.5, 2.0, 0.3;
  loss_output_gradient(a, y, g);
  const auto F = [&](const Vector& flat) {
    Matrix aa = Eigen::Map<const Matrix>(flat.data(), 2, 3);
    return loss_value(LossKind::mse, aa, aa, y);
  };
  const Vector numeric = central_difference(F, Eigen::Map<const Vector>(a.data(), 6));
  CHECK(record_fd_error(max_relative_error(Eigen::Map<const Vector>(g.data(), 6), numeric)) < 1e-6);
}

TEST_CASE("Loss rejects targets of the wrong shape", "[loss][errors]") {
  Matrix a(2, 3), y(3, 2);
  a.setZero();
  y.setZero();
  CHECK_THROWS_WITH(loss_value(LossKind::mse, a, a, y), Catch::Contains("targets are 3 × 2"));
}
