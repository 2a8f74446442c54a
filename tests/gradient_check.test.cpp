// Gradient and Jacobian tests as a teaching feature: correct derivatives give slopes 1 and 2,
// every teaching bug fails with a first-order slope near 1, the rounding floor is detected, a slope
// that cannot be fitted says why, the element-wise check points at the broken layer and says which
// entries it left out, and bad settings are rejected.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::random_matrix;

namespace {

Matrix one_hot_targets(Index classes, Index batch, std::uint64_t seed) {
  Rng rng(seed);
  Matrix y = Matrix::Zero(classes, batch);
  for (Index j = 0; j < batch; ++j) y(static_cast<Index>(rng.below(static_cast<std::uint64_t>(classes))), j) = 1.0;
  return y;
}

std::string network_spec(const std::string& activation, int hidden_layers, bool residual, std::uint64_t seed) {
  std::string layers = R"({"units":5,"activation":")" + activation + R"("})";
  for (int i = 1; i < hidden_layers; ++i)
    layers += residual ? R"(,{"type":"residual","activation":")" + activation + R"("})"
                       : R"(,{"units":5,"activation":")" + activation + R"("})";
  return R"({"input":4,"layers":[)" + layers + R"(,{"units":3,"activation":"softmax"}],"loss":"cross_entropy",
            "init":{"scheme":"xavier","scale":1,"seed":)" +
         std::to_string(seed) + "}}";
}

void check_passes(const GradientTestResult& r) {
  INFO(r.target << ": zero-order slope " << r.zero_order_slope << ", first-order slope " << r.first_order_slope
                << ", floor index " << r.floor_index << " — " << r.explanation);
  CHECK(r.verdict == "pass");
  CHECK(r.zero_order_slope == Approx(1.0).margin(0.15));
  CHECK(r.first_order_slope == Approx(2.0).margin(0.2));
}

void check_fails(const GradientTestResult& r) {
  INFO(r.target << " with bug " << r.bug << ": first-order slope " << r.first_order_slope << " — " << r.explanation);
  CHECK(r.verdict == "fail");
  CHECK_FALSE(r.passed);
  CHECK(r.first_order_slope < 1.3);
}

}  // namespace

TEST_CASE("The gradient test of a quadratic gives slopes 1 and 2 and plain data", "[gradcheck]") {
  // F(x) = ½‖x‖² + sin(x₀) with g = x + cos(x₀) e₀
  const auto F = [](const Vector& x) { return 0.5 * x.squaredNorm() + std::sin(x(0)); };
  Vector x(3);
  x << 0.3, -1.2, 2.0;
  Vector g = x;
  g(0) += std::cos(x(0));
  GradientTestSettings settings;
  const GradientTestResult r = gradient_test(F, x, g, settings);
  REQUIRE(r.epsilon.size() == 8);
  CHECK(r.epsilon[0] == 0.5);
  CHECK(r.epsilon[7] == 0.5 / 128.0);
  REQUIRE(r.first_order_rate.size() == 7);
  CHECK(r.floor_index == 8);
  check_passes(r);
  // a wrong gradient (a sign flipped) fails
  Vector wrong = g;
  wrong(1) = -wrong(1);
  check_fails(gradient_test(F, x, wrong, settings));
}

TEST_CASE("Softmax regression passes w.r.t. W, b and both, for several seeds", "[gradcheck][softmax]") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    for (Wrt wrt : {Wrt::W, Wrt::b, Wrt::all}) {
      DYNAMIC_SECTION("seed " << seed << " wrt " << wrt_name(wrt)) {
        GradientTestSettings settings;
        settings.seed = seed;
        settings.wrt = wrt;
        settings.iterations = 20;
        check_passes(softmax_regression_test({}, settings));
      }
    }
  }
}

TEST_CASE("Whole networks pass for several activations, depths and seeds", "[gradcheck][network]") {
  for (const char* activation : {"tanh", "sigmoid", "relu", "leaky_relu", "identity"}) {
    for (int depth : {1, 3}) {
      for (bool residual : {false, true}) {
        if (residual && depth == 1) continue;
        DYNAMIC_SECTION(activation << " depth " << depth << (residual ? " residual" : "")) {
          const std::uint64_t seed = static_cast<std::uint64_t>(depth * 10 + (residual ? 1 : 0));
          Network net(network_spec(activation, depth, residual, seed));
          const Matrix X = random_matrix(4, 6, seed + 100);
          const Matrix Y = one_hot_targets(3, 6, seed + 200);
          GradientTestSettings settings;
          settings.iterations = 20;  // seed 000's setting for whole networks
          settings.seed = seed;
          check_passes(network_gradient_test(net, X, Y, settings));
        }
      }
    }
  }
}

TEST_CASE("Dense and residual layers pass the transposed Jacobian test w.r.t. each array and the input",
          "[gradcheck][jacobian]") {
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"type":"residual","activation":"sigmoid"},
                  {"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"normal","scale":0.8,"seed":4}})");
  const Vector before = net.parameters();
  struct Case {
    std::size_t layer;
    Wrt wrt;
  };
  for (const Case c :
       {Case{0, Wrt::W}, Case{0, Wrt::b}, Case{0, Wrt::input}, Case{0, Wrt::all}, Case{1, Wrt::W1}, Case{1, Wrt::b1},
        Case{1, Wrt::input}, Case{1, Wrt::all}, Case{2, Wrt::W}, Case{2, Wrt::input}}) {
    DYNAMIC_SECTION("layer " << c.layer << " wrt " << wrt_name(c.wrt)) {
      GradientTestSettings settings;
      settings.wrt = c.wrt;
      settings.iterations = 20;
      check_passes(jacobian_test(net, c.layer, 3, settings));
    }
  }
  // x + W2 h is linear in W2: the first-order error is at the rounding floor for every ε
  GradientTestSettings settings;
  settings.wrt = Wrt::W2;
  const GradientTestResult linear = jacobian_test(net, 1, 3, settings);
  CHECK(linear.verdict == "pass");
  CHECK(linear.floor_index == 0);
  CHECK(linear.zero_order_slope == Approx(1.0).margin(0.01));
  CHECK(net.parameters() == before);
}

TEST_CASE("Every teaching bug makes the gradient test fail with a first-order slope near 1", "[gradcheck][bugs]") {
  struct Case {
    DerivativeBug bug;
    const char* activation;
    bool residual;
  };
  const Case cases[] = {
      {DerivativeBug::sigmoid_prime_is_sigma, "sigmoid", false}, {DerivativeBug::tanh_prime_on_z, "tanh", false},
      {DerivativeBug::sigmoid_prime_on_z, "sigmoid", false},     {DerivativeBug::dW_missing_mean, "tanh", false},
      {DerivativeBug::relu_prime_wrong_side, "relu", false},     {DerivativeBug::delta_missing_transpose, "tanh", true},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(derivative_bug_name(c.bug)) {
      Network net(network_spec(c.activation, 3, c.residual, 7));
      const Matrix X = random_matrix(4, 6, 8);
      const Matrix Y = one_hot_targets(3, 6, 9);
      GradientTestSettings settings;
      settings.iterations = 20;
      settings.bug = c.bug;
      check_fails(network_gradient_test(net, X, Y, settings));
      // the switch does not leak: the same network passes right after
      CHECK(net.derivative_bug() == DerivativeBug::none);
      settings.bug = DerivativeBug::none;
      check_passes(network_gradient_test(net, X, Y, settings));
    }
  }
}

TEST_CASE("Teaching bugs also fail the layer Jacobian tests", "[gradcheck][bugs][jacobian]") {
  Network sig(
      R"({"input":3,"layers":[{"units":3,"activation":"sigmoid"},{"type":"residual","activation":"tanh"},{"units":1}]})");
  GradientTestSettings settings;
  settings.iterations = 20;
  settings.wrt = Wrt::W;
  settings.bug = DerivativeBug::sigmoid_prime_is_sigma;
  check_fails(jacobian_test(sig, 0, 2, settings));
  settings.bug = DerivativeBug::sigmoid_prime_on_z;
  check_fails(jacobian_test(sig, 0, 2, settings));
  settings.bug = DerivativeBug::dW_missing_mean;
  check_fails(jacobian_test(sig, 0, 2, settings));
  settings.wrt = Wrt::input;
  settings.bug = DerivativeBug::delta_missing_transpose;
  check_fails(jacobian_test(sig, 0, 2, settings));  // a square 3 → 3 dense layer
  check_fails(jacobian_test(sig, 1, 2, settings));  // a residual block
  settings.wrt = Wrt::W1;
  settings.bug = DerivativeBug::tanh_prime_on_z;
  check_fails(jacobian_test(sig, 1, 2, settings));
}

TEST_CASE("sigmoid_prime_on_z gives exactly z(1 − z) ⊙ g for δ and fails the gradient test", "[gradcheck][bugs]") {
  // f′ applied to z instead of a: δ = z ⊙ (1 − z) ⊙ g where the textbook has a ⊙ (1 − a) ⊙ g
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"sigmoid"},{"units":2,"activation":"sigmoid"}],
                  "loss":"mse","init":{"scheme":"xavier","scale":1,"seed":5}})");
  const Matrix X = random_matrix(3, 5, 11);
  const Matrix Y = random_matrix(2, 5, 12);
  // the hand formula from the workspace's own z and g, computed directly with Eigen
  const auto on_z = [](const Matrix& z, const Matrix& g) -> Matrix {
    return (g.array() * (z.array() * (1.0 - z.array()))).matrix();
  };
  net.set_derivative_bug(DerivativeBug::sigmoid_prime_on_z);
  net.compute_gradients(X, Y);
  const Workspace& ws = net.last_workspace();
  const LayerCache& hidden = ws.layers[0];
  const LayerCache& output = ws.layers[1];
  CHECK(output.delta == on_z(output.z, ws.output_gradient));
  CHECK(hidden.delta == on_z(hidden.z, output.grad_in));
  // and it is a different δ from the right one, a (1 − a) ⊙ g
  CHECK_FALSE(
      output.delta.isApprox((ws.output_gradient.array() * output.a.array() * (1.0 - output.a.array())).matrix(), 1e-6));
  // the displayed f′(z) is broken the same way: z (1 − z)
  const std::vector<NamedMatrix> shown = net.layer(0).backward_values(hidden);
  CHECK(shown.front().name == "fprime");
  CHECK(shown.front().value == on_z(hidden.z, Matrix::Ones(4, 5)));
  net.set_derivative_bug(DerivativeBug::none);

  GradientTestSettings settings;
  settings.iterations = 20;
  settings.bug = DerivativeBug::sigmoid_prime_on_z;
  const GradientTestResult broken = network_gradient_test(net, X, Y, settings);
  check_fails(broken);
  CHECK(broken.first_order_slope == Approx(1.0).margin(0.15));
  settings.bug = DerivativeBug::none;
  check_passes(network_gradient_test(net, X, Y, settings));
  // it breaks the sigmoid only: a tanh network passes with it on
  Network tanh_net(network_spec("tanh", 2, false, 7));
  settings.bug = DerivativeBug::sigmoid_prime_on_z;
  check_passes(network_gradient_test(tanh_net, random_matrix(4, 6, 8), one_hot_targets(3, 6, 9), settings));
}

TEST_CASE("Piecewise-linear layers pass once the step crosses no kink, and their bugs still fail",
          "[gradcheck][floor]") {
  // g(W) = Σ relu(W x + b) ⊙ u is piecewise linear in W: the first-order error is O(ε) while the
  // step crosses a kink and then drops straight to the rounding floor.
  Network relu(R"({"input":4,"layers":[{"units":6,"activation":"relu"},{"type":"residual","activation":"relu"},
                   {"units":3,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
  Network leaky(R"({"input":4,"layers":[{"units":5,"activation":"leaky_relu","alpha":0.1},
                    {"units":5,"activation":"leaky_relu","alpha":0.1},{"units":3,"activation":"softmax"}],
                    "loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
  GradientTestSettings settings;
  settings.iterations = 20;
  for (Wrt wrt : {Wrt::W, Wrt::all}) {
    settings.wrt = wrt;
    settings.bug = DerivativeBug::none;
    for (Network* net : {&relu, &leaky}) {
      const GradientTestResult r = jacobian_test(*net, 0, 1, settings);
      INFO(r.target << ": " << r.explanation);
      CHECK(r.verdict == "pass");
      CHECK(r.floor_index < 20);
    }
    settings.bug = DerivativeBug::relu_prime_wrong_side;
    check_fails(jacobian_test(relu, 0, 1, settings));
  }
  settings.wrt = Wrt::W1;
  settings.bug = DerivativeBug::none;
  CHECK(jacobian_test(relu, 1, 1, settings).verdict == "pass");
}

TEST_CASE("The rounding floor is detected and left out of the verdict", "[gradcheck][floor]") {
  Network net(network_spec("tanh", 2, false, 3));
  const Matrix X = random_matrix(4, 5, 1);
  const Matrix Y = one_hot_targets(3, 5, 2);
  GradientTestSettings settings;
  settings.iterations = 30;
  const GradientTestResult r = network_gradient_test(net, X, Y, settings);
  INFO(r.explanation);
  CHECK(r.floor_index < 30);
  CHECK(r.floor_index > 8);
  for (int k = 0; k < 30; ++k) CHECK(r.at_floor[static_cast<std::size_t>(k)] == (k >= r.floor_index));
  CHECK_THAT(r.explanation, Catch::Contains("rounding floor"));
  check_passes(r);
  // an exactly linear function is all floor and passes
  const auto linear = [](const Vector& x) { return 3.0 * x(0) - 2.0 * x(1); };
  Vector x(2), g(2);
  x << 1, 1;
  g << 3, -2;
  const GradientTestResult flat = gradient_test(linear, x, g, settings);
  CHECK(flat.floor_index == 0);
  CHECK(flat.verdict == "pass");
}

TEST_CASE("A slope that cannot be fitted is NaN with a note that says why, and no text shows nan",
          "[gradcheck][floor]") {
  const auto no_nan = [](const GradientTestResult& r) {
    INFO(r.explanation);
    CHECK_THAT(r.explanation, !Catch::Contains("nan") && !Catch::Contains("inf"));
  };
  SECTION("x + W2 h is linear in W2: every first-order error is at the floor") {
    Network net(R"({"input":4,"layers":[{"units":6,"activation":"relu"},{"type":"residual","activation":"relu"},
                    {"units":3,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":1}})");
    GradientTestSettings settings;
    settings.wrt = Wrt::W2;
    settings.iterations = 20;
    const GradientTestResult r = jacobian_test(net, 1, 8, settings);
    CHECK(r.verdict == "pass");
    CHECK(r.floor_index == 0);
    CHECK(std::isnan(r.first_order_slope));
    CHECK_THAT(r.first_order_slope_note,
               Catch::Contains("every first-order error is at the rounding floor, so there is no slope to fit"));
    CHECK(std::isfinite(r.zero_order_slope));
    CHECK(r.zero_order_slope_note.empty());
    CHECK_THAT(r.explanation, Catch::Contains("linear in W2 along d") &&
                                  Catch::Contains("exactly what a correct gradient of a linear function gives"));
    no_nan(r);
  }
  SECTION("a kink crossed only at the first ε leaves one point above the floor") {
    // F(x) = max(0, x₀ − 0.3) with g = 0 at x = 0: only ε = 0.5 reaches the kink
    const auto F = [](const Vector& x) { return std::max(0.0, x(0) - 0.3); };
    const Vector x = Vector::Zero(1), g = Vector::Zero(1), d = Vector::Ones(1);
    const GradientTestResult r = gradient_test(F, x, g, GradientTestSettings{}, d);
    CHECK(r.floor_index == 1);
    CHECK(std::isnan(r.first_order_slope));
    CHECK_THAT(r.first_order_slope_note, Catch::Contains("only one first-order error lies above the rounding floor"));
    no_nan(r);
  }
  SECTION("a constant F with a wrong gradient: no zero-order slope, and the rates of zero errors") {
    const auto F = [](const Vector&) { return 1.0; };
    const Vector x = Vector::Zero(2), g = Vector::Ones(2);
    const GradientTestResult r = gradient_test(F, x, g, GradientTestSettings{});
    CHECK(r.verdict == "fail");
    CHECK(std::isnan(r.zero_order_slope));
    CHECK_THAT(r.zero_order_slope_note, Catch::Contains("every zero-order error is at the rounding floor"));
    CHECK(r.first_order_slope_note.empty());
    CHECK_THAT(r.explanation, Catch::Contains("no zero-order slope"));
    CHECK(std::isnan(r.zero_order_rate[0]));
    CHECK_THAT(r.rate_note, Catch::Contains("exactly 0"));
    no_nan(r);
  }
  SECTION("every rate is a number: no rate note") {
    const auto F = [](const Vector& x) { return 0.5 * x.squaredNorm(); };
    const Vector x = Vector::Ones(2);
    CHECK(gradient_test(F, x, x, GradientTestSettings{}).rate_note.empty());
  }
  SECTION("an F that is not finite is an error, not a verdict") {
    const auto F = [](const Vector& x) { return x(0) > 0.4 ? std::numeric_limits<double>::infinity() : x(0); };
    const Vector x = Vector::Zero(1), g = Vector::Ones(1), d = Vector::Ones(1);
    CHECK_THROWS_AS(gradient_test(F, x, g, GradientTestSettings{}, d), DataError);
    CHECK_THROWS_WITH(gradient_test(F, x, g, GradientTestSettings{}, d),
                      Catch::Contains("F(x + εd) is not finite at ε = 5.0e-01"));
  }
}

TEST_CASE("An ε₀ too small for F to change is inconclusive, not a pass, even with a broken derivative",
          "[gradcheck][floor]") {
  // at ε₀ = 1e-12 every first-order error, a wrong gradient's ε|dᵀ(g − ∇F)| included, is at the floor
  Network net(network_spec("sigmoid", 2, false, 5));
  const Matrix X = random_matrix(4, 6, 6);
  const Matrix Y = one_hot_targets(3, 6, 7);
  GradientTestSettings settings;
  settings.iterations = 20;
  settings.epsilon0 = 1e-12;
  for (DerivativeBug bug : {DerivativeBug::none, DerivativeBug::sigmoid_prime_is_sigma}) {
    settings.bug = bug;
    const GradientTestResult r = network_gradient_test(net, X, Y, settings);
    INFO(derivative_bug_name(bug) << ": " << r.explanation);
    CHECK(r.floor_index == 0);
    CHECK(r.verdict == "inconclusive");
    CHECK_THAT(r.explanation, Catch::Contains("start from a larger ε₀"));
  }
  // from ε₀ = 0.5 the same broken derivative fails
  settings.epsilon0 = 0.5;
  CHECK(network_gradient_test(net, X, Y, settings).verdict == "fail");
}

TEST_CASE("The element-wise check finds the wrong entries when a bug touches one layer", "[gradcheck][elementwise]") {
  // only the first layer is sigmoid, so only its gradients are wrong under the sigmoid bug
  Network net(R"({"input":3,"layers":[{"units":4,"activation":"sigmoid"},{"units":4,"activation":"tanh"},
                  {"units":2,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"xavier","scale":1,"seed":2}})");
  const Matrix X = random_matrix(3, 5, 3);
  const Matrix Y = one_hot_targets(2, 5, 4);
  ElementwiseSettings settings;
  const ElementwiseResult ok = elementwise_check(net, X, Y, settings);
  INFO(ok.explanation);
  CHECK(ok.passed);
  CHECK(ok.entries.size() == static_cast<std::size_t>(net.parameter_count()));
  CHECK(ok.max_relative_error < 1e-6);
  lab::test::record_fd_error(ok.max_relative_error);

  settings.bug = DerivativeBug::sigmoid_prime_is_sigma;
  const ElementwiseResult broken = elementwise_check(net, X, Y, settings);
  INFO(broken.explanation);
  CHECK_FALSE(broken.passed);
  CHECK(broken.layer_max_error[0] > 1e-2);
  CHECK(broken.layer_max_error[1] < 1e-6);
  CHECK(broken.layer_max_error[2] < 1e-6);
  for (const ElementCheck& e : broken.entries)
    if (e.relative_error > settings.tolerance) CHECK(e.layer == 0);
  CHECK_THAT(broken.explanation, Catch::Contains("layer(s) 1"));

  // a sample spread over every block when there are many parameters
  settings.bug = DerivativeBug::none;
  settings.max_entries = 12;
  const ElementwiseResult sample = elementwise_check(net, X, Y, settings);
  CHECK(sample.entries.size() == 12);  // 6 blocks × 2
}

TEST_CASE("The element-wise check reports how many entries it left out and why", "[gradcheck][elementwise]") {
  // the Gradient-test lab's 3-layer tanh network: 86 parameters in 6 blocks, max_entries 200
  Network net(R"({"input":4,"layers":[{"units":6,"activation":"tanh"},{"units":6,"activation":"tanh"},
                  {"units":2,"activation":"sigmoid"}],"loss":"mse","init":{"scheme":"xavier","scale":1,"seed":1}})");
  const Matrix X = random_matrix(4, 8, 5);
  const Matrix Y = random_matrix(2, 8, 6).cwiseAbs().cwiseMin(1.0);
  ElementwiseSettings settings;
  const ElementwiseResult r = elementwise_check(net, X, Y, settings);
  CHECK(r.parameter_count == 86);
  CHECK(r.entries.size() == 83);
  REQUIRE(r.skipped.size() == 1);
  CHECK(r.skipped[0].reason == "block_quota");
  CHECK(r.skipped[0].count == 3);
  CHECK_THAT(r.skipped[0].explanation, Catch::Contains("3 of layer 2 W’s 36 entries"));
  CHECK_THAT(r.coverage,
             Catch::StartsWith("83 of 86 entries checked") &&
                 Catch::Contains("at most 33 entries from each of the 6 parameter blocks (its budget of 200 ÷ 6"));
  CHECK(std::count_if(r.entries.begin(), r.entries.end(),
                      [](const ElementCheck& e) { return e.layer == 1 && e.block == "W"; }) == 33);

  settings.max_entries = 12;  // 2 per block: every block but none is sampled
  const ElementwiseResult small = elementwise_check(net, X, Y, settings);
  REQUIRE(small.skipped.size() == 1);
  CHECK(small.skipped[0].count == 86 - 12);
  CHECK_THAT(small.coverage, Catch::StartsWith("12 of 86 entries checked"));

  Network tiny(
      R"({"input":2,"layers":[{"units":3,"activation":"sigmoid"},{"units":1,"activation":"sigmoid"}],"loss":"mse"})");
  settings.max_entries = 200;
  const ElementwiseResult all = elementwise_check(tiny, random_matrix(2, 4, 1), Matrix::Constant(1, 4, 0.5), settings);
  CHECK(all.parameter_count == 13);
  CHECK(all.skipped.empty());
  CHECK(all.coverage == "All 13 entries checked.");
}

TEST_CASE("The relative error uses the floor 1e-8 of the finite-difference checks", "[gradcheck][elementwise]") {
  CHECK(relative_error(2.0, 1.0) == 0.5);
  CHECK(relative_error(0.0, 0.0) == 0.0);
  CHECK(relative_error(0.0, 1e-10) == Approx(1e-2));  // |a − n| / 1e-8, not / 1e-12
  CHECK(relative_error(1e-9, 2e-9) == Approx(1e-1));
}

TEST_CASE("Invalid gradient-test settings give clear errors", "[gradcheck][errors]") {
  const auto F = [](const Vector& x) { return x.squaredNorm(); };
  Vector x = Vector::Ones(3);
  GradientTestSettings s;
  s.epsilon0 = 0.0;
  CHECK_THROWS_WITH(gradient_test(F, x, x, s), Catch::Contains("epsilon0 must be a number in 0..10 (above 0), got 0"));
  s.epsilon0 = 0.5;
  s.iterations = 2;
  CHECK_THROWS_WITH(gradient_test(F, x, x, s), Catch::Contains("iterations must be an integer in 3..60, got 2"));
  s.iterations = 61;
  CHECK_THROWS_AS(gradient_test(F, x, x, s), SpecError);
  s.iterations = 8;
  CHECK_THROWS_WITH(gradient_test(F, x, x, s, Vector::Ones(2)), Catch::Contains("direction has 2 entries but x has 3"));
  CHECK_THROWS_WITH(gradient_test(F, Vector(), Vector(), s), Catch::Contains("x is empty"));
  CHECK_THROWS_WITH(parse_model_spec(R"({"input":2,"layers":[]})"), Catch::Contains("layers must be a list of 1..64"));
  CHECK_THROWS_WITH(parse_gradient_test_settings(R"({"bug":"sigmoid"})"),
                    Catch::Contains("unknown bug \"sigmoid\"; allowed: none, sigmoid_prime_is_sigma"));
  CHECK_THROWS_WITH(parse_gradient_test_settings(R"({"iterations":100})"),
                    Catch::Contains("iterations must be an integer in 3..60"));

  Network net(R"({"input":2,"layers":[{"units":2,"activation":"tanh"}]})");
  s.wrt = Wrt::W1;
  CHECK_THROWS_WITH(jacobian_test(net, 0, 2, s), Catch::Contains("wrt \"W1\" is not a parameter of dense layer 1") &&
                                                     Catch::Contains("allowed: input, all, W, b"));
  s.wrt = Wrt::all;
  CHECK_THROWS_WITH(jacobian_test(net, 3, 2, s), Catch::Contains("there is no layer at index 3"));
  s.wrt = Wrt::W1;
  CHECK_THROWS_WITH(network_gradient_test(net, Matrix::Ones(2, 2), Matrix::Ones(2, 2), s),
                    Catch::Contains("wrt must be \"all\", \"weights\" or \"biases\" for a network, got \"W1\""));
  CHECK_THROWS_WITH(parse_gradient_test_settings(R"({"wrt":"kernels"})"),
                    Catch::Contains("wrt must be one of \"all\", \"weights\", \"biases\"") &&
                        Catch::Contains("got \"kernels\""));
  const GradientTestSettings parsed =
      parse_gradient_test_settings(R"({"epsilon0":0.25,"iterations":20,"bug":"tanh_prime_on_z","wrt":"weights"})");
  CHECK(parsed.iterations == 20);
  CHECK(parsed.wrt == Wrt::weights);
  CHECK(parsed.bug == DerivativeBug::tanh_prime_on_z);
}
