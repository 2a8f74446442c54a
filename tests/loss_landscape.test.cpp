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

TEST_CASE("The gradient direction is −g rescaled unit by unit, and the loss falls along it", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":5,"activation":"tanh"},{"units":2,"activation":"softmax"}],
                  "loss":"cross_entropy","l2":0.01,"init":{"scheme":"xavier","scale":1,"seed":3}})");
  const Problem p = small_problem(2);
  const Vector theta = net.parameters();
  const Vector d = gradient_direction(net, p.X, p.Y);
  net.compute_gradients(p.X, p.Y);
  const Vector g = net.gradients();
  // the gradient by central differences, independently of backprop
  Vector g_fd(theta.size());
  for (Index k = 0; k < theta.size(); ++k) {
    const double h = 1e-6;
    Vector plus = theta, minus = theta;
    plus(k) += h;
    minus(k) -= h;
    net.set_parameters(plus);
    const double f_plus = net.loss(p.X, p.Y).total();
    net.set_parameters(minus);
    g_fd(k) = (f_plus - net.loss(p.X, p.Y).total()) / (2 * h);
  }
  net.set_parameters(theta);
  CHECK((g - g_fd).norm() < 1e-7 * g.norm());
  for (std::size_t i = 0; i < net.layer_count(); ++i)
    for (const ParamBlock& block : net.layer(i).param_blocks())
      for (Index r = 0; r < block.rows; ++r) {
        const Index start = net.layer_offset(i) + block.offset + r * block.cols;
        const Vector dr = d.segment(start, block.cols), gr = g_fd.segment(start, block.cols);
        if (!block.is_weight) {
          CHECK(dr.isZero());
          continue;
        }
        // each unit's part: along −g, as long as the unit's weights
        CHECK(dr.norm() == Approx(theta.segment(start, block.cols).norm()).epsilon(1e-12));
        CHECK(dr.dot(-gr) == Approx(dr.norm() * gr.norm()).epsilon(1e-6));
      }
  CHECK(d.dot(g) < 0.0);
  const std::vector<double> f = loss_along(net, p.X, p.Y, d, {0.0, 1e-3});
  CHECK(f[1] < f[0]);
}

TEST_CASE("A training path keeps a bounded, evenly thinned set of snapshots", "[landscape]") {
  TrainingPath path(3, 12);  // 12 floats / 3 parameters: 4 snapshots
  REQUIRE(path.capacity() == 4);
  for (int epoch = 0; epoch <= 9; ++epoch) path.record(epoch, Vector::Constant(3, epoch));
  // 0 1 2 3 | 4 → 0 2 4 (every 2) | 6 | 8 → 0 4 8 (every 4)
  CHECK(path.epochs() == std::vector<int>{0, 4, 8});
  CHECK(path.every() == 4);
  CHECK(path.snapshot(2)(1) == 8.0f);
  path.record(8, Vector::Zero(3));  // an epoch already held is not recorded twice
  CHECK(path.size() == 3);
  CHECK_THROWS_AS(path.record(12, Vector::Zero(2)), ShapeError);
  path.clear();
  CHECK(path.size() == 0);
  CHECK(TrainingPath(10).capacity() == TrainingPath::kMostSnapshots);
  CHECK(TrainingPath(Index{1} << 24).capacity() == TrainingPath::kLeastSnapshots);
}

TEST_CASE("The path's plane holds a path that lies in a plane, and projects it exactly", "[landscape]") {
  // θ_t = end + a_t u + b_t v for orthogonal u, v: the plane is span{u, v} and holds all of it
  const Index P = 6;
  Vector end(P), u = Vector::Zero(P), v = Vector::Zero(P);
  end << 1, -2, 0.5, 3, 0, 1;
  u(0) = 0.6;
  u(3) = 0.8;
  v(1) = 1.0;
  TrainingPath path(P);
  // Σ a_t b_t = 0, so the principal directions are u and v themselves
  const double a[] = {-4, -2, -1, 0}, b[] = {0.5, -0.5, -1, 2};
  for (int t = 0; t < 4; ++t) path.record(t, end + a[t] * u + b[t] * v);
  const PathPlane plane = path_plane(path, end);
  CHECK(plane.d1.norm() == Approx(1.0));
  CHECK(plane.d2.norm() == Approx(1.0));
  CHECK(std::abs(plane.d1.dot(plane.d2)) < 1e-12);
  CHECK(plane.explained1 + plane.explained2 == Approx(1.0).epsilon(1e-9));
  CHECK(plane.explained1 > plane.explained2);
  // Σ a² = 21 > Σ b² = 5.5: the first direction is ±u; the sign puts θ₀ at a coordinate ≤ 0
  CHECK(plane.d1.dot(u) == Approx(1.0).epsilon(1e-6));
  const Matrix xy = project_path(path, end, plane.d1, plane.d2);
  REQUIRE(xy.cols() == 4);
  for (int t = 0; t < 4; ++t) {
    CHECK(xy(0, t) == Approx(a[t]).margin(1e-6));
    CHECK(std::abs(xy(1, t)) == Approx(std::abs(b[t])).margin(1e-6));
    // the snapshot is back from its coordinates, to float rounding
    const Vector back = end + xy(0, t) * plane.d1 + xy(1, t) * plane.d2;
    CHECK((back - path.snapshot(t).cast<double>()).norm() < 1e-5);
  }
  CHECK(xy(0, 0) <= 0.0);
  // any two independent directions give the least-squares coordinates
  const Matrix skew = project_path(path, end, u + v, v);
  for (int t = 0; t < 4; ++t) {
    CHECK(skew(0, t) == Approx(a[t]).margin(1e-6));
    CHECK(skew(1, t) == Approx(b[t] - a[t]).margin(1e-6));
  }
  CHECK_THROWS_AS(project_path(path, end, u, 2 * u), ShapeError);
}

TEST_CASE("A trainer records its path when it records statistics, from epoch 0, and a reset clears it", "[landscape]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"units":2,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":8}})");
  const Problem p = small_problem(2);
  TrainSettings settings = parse_train_settings(R"({"optimizer":"sgd","learning_rate":0.5,"batch_size":5,"epochs":3})");
  const Vector theta0 = net.parameters();
  Trainer trainer(net, p.X, p.Y, settings);
  trainer.run(3);
  REQUIRE(trainer.path().epochs() == std::vector<int>{0, 1, 2, 3});
  CHECK(trainer.path().snapshot(0) == theta0.cast<float>());
  CHECK(trainer.path().snapshot(3) == net.parameters().cast<float>());
  trainer.reset();
  CHECK(trainer.path().epochs() == std::vector<int>{0});
  settings.layer_stats = false;
  Trainer quiet(net, p.X, p.Y, settings);
  quiet.run(2);
  CHECK(quiet.path().size() == 0);
}
