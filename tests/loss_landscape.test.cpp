// The loss along a line and on a plane around the weights (issue 17, item 5): every value equals
// the loss at those weights computed directly, the weights come back unchanged, directions are
// normalised filter by filter as Li et al. do, and a linear model's loss along a line is a parabola.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"

using namespace lab;

namespace {

struct Problem {
  Matrix X, Y;
};

Problem small_problem(Index outputs) {
  Rng rng(7);
  Problem p{Matrix(3, 20), Matrix::Zero(outputs, 20)};
  for (Index j = 0; j < 20; ++j) {
    for (Index i = 0; i < 3; ++i) p.X(i, j) = rng.normal();
    for (Index k = 0; k < outputs; ++k)
      p.Y(k, j) = outputs == 1 ? p.X(0, j) - 2 * p.X(2, j) : (j % outputs == k ? 1.0 : 0.0);
  }
  return p;
}

}  // namespace

TEST_CASE("The loss along a line equals the loss at those weights, and the weights come back", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":5,"activation":"tanh"},{"units":2,"activation":"softmax"}],
                  "loss":"cross_entropy","l2":0.01,"init":{"scheme":"xavier","scale":1,"seed":3}})");
  const Problem p = small_problem(2);
  const Vector theta = net.parameters();
  const Vector d = filter_normalized_direction(net, 11);
  const std::vector<double> alphas{-1.0, -0.25, 0.0, 0.5, 1.0};
  const std::vector<double> line = loss_along(net, p.X, p.Y, d, alphas);
  REQUIRE(line.size() == alphas.size());
  CHECK(net.parameters() == theta);
  CHECK(line[2] == net.loss(p.X, p.Y).total());
  Network copy(net.spec_json());
  for (std::size_t k = 0; k < alphas.size(); ++k) {
    copy.set_parameters(theta + alphas[k] * d);
    CHECK(line[k] == Approx(copy.loss(p.X, p.Y).total()).epsilon(1e-14));
  }
  CHECK_THROWS_AS(loss_along(net, p.X, p.Y, Vector::Zero(3), alphas), ShapeError);
}

TEST_CASE("A filter-normalised direction gives every unit's weights their own length and biases none", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"relu"},{"type":"residual","activation":"tanh"},
                  {"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"he","scale":1,"seed":5}})");
  const Vector d = filter_normalized_direction(net, 2);
  CHECK(d == filter_normalized_direction(net, 2));
  CHECK(d != filter_normalized_direction(net, 3));
  const Vector& theta = net.parameters();
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      const Index start = net.layer_offset(i) + block.offset;
      if (!block.is_weight) {
        CHECK(d.segment(start, block.rows * block.cols).isZero());
        continue;
      }
      for (Index r = 0; r < block.rows; ++r) {
        const auto row = [&](const Vector& v) { return v.segment(start + r * block.cols, block.cols).norm(); };
        CHECK(row(d) == Approx(row(theta)).epsilon(1e-12));
      }
    }
  }
  // zero weights: a zero direction
  Network zeros(R"({"input":3,"layers":[{"units":2,"activation":"identity"}],"loss":"mse","init":{"scheme":"zeros"}})");
  CHECK(filter_normalized_direction(zeros, 1).isZero());
}

TEST_CASE("A linear model's loss along a line is a parabola in α", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":1,"activation":"identity"}],"loss":"mse",
                  "init":{"scheme":"normal","scale":1,"seed":4}})");
  const Problem p = small_problem(1);
  Rng rng(9);
  Vector d(net.parameter_count());
  for (Index k = 0; k < d.size(); ++k) d(k) = rng.normal();
  std::vector<double> alphas;
  for (int k = -4; k <= 4; ++k) alphas.push_back(0.5 * k);
  const std::vector<double> f = loss_along(net, p.X, p.Y, d, alphas);
  // f(θ + αd) = f(θ) + α gᵀd + ½ α² dᵀHd: its second differences are all h² dᵀHd
  const double second = f[2] - 2 * f[1] + f[0];
  for (std::size_t k = 1; k + 1 < f.size(); ++k) CHECK(f[k + 1] - 2 * f[k] + f[k - 1] == Approx(second).epsilon(1e-9));
  CHECK(second > 0.0);
}

TEST_CASE("The loss on a plane holds the loss along each of its lines", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"sigmoid"},{"units":2,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":8}})");
  const Problem p = small_problem(2);
  const Vector theta = net.parameters();
  const Vector d1 = filter_normalized_direction(net, 1), d2 = filter_normalized_direction(net, 2);
  const std::vector<double> alphas{-1.0, 0.0, 1.0, 2.0}, betas{-0.5, 0.0, 0.5};
  const Matrix plane = loss_plane(net, p.X, p.Y, d1, d2, alphas, betas);
  REQUIRE(plane.rows() == 3);
  REQUIRE(plane.cols() == 4);
  CHECK(net.parameters() == theta);
  // β = 0 is the line along d₁; α = 0 the line along d₂
  const std::vector<double> along1 = loss_along(net, p.X, p.Y, d1, alphas);
  const std::vector<double> along2 = loss_along(net, p.X, p.Y, d2, betas);
  for (std::size_t i = 0; i < alphas.size(); ++i)
    CHECK(plane(1, static_cast<Index>(i)) == Approx(along1[i]).epsilon(1e-14));
  for (std::size_t j = 0; j < betas.size(); ++j)
    CHECK(plane(static_cast<Index>(j), 1) == Approx(along2[j]).epsilon(1e-14));
  CHECK_THROWS_WITH(loss_plane(net, p.X, p.Y, d1, Vector::Zero(2), alphas, betas),
                    "[Landscape] d2 has 2 entries; the network has " + std::to_string(net.parameter_count()) +
                        " parameters");
}
