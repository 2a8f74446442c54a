// Optimizers: three steps of each against the NumPy fixtures, and coefficient checks.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using namespace lab::test;

TEST_CASE("Each optimizer's first three steps match NumPy", "[optimizer][fixture]") {
  const Json cases = load_fixture("optimizers.json");
  REQUIRE(cases.size() >= 6);
  for (const Json& c : cases) {
    DYNAMIC_SECTION(c["id"].get<std::string>()) {
      OptimizerSettings settings;
      settings.kind = optimizer_from_name(c["name"].get<std::string>(), "name");
      if (c.contains("momentum")) settings.momentum = c["momentum"].get<double>();
      if (c.contains("rho")) settings.rho = c["rho"].get<double>();
      if (c.contains("beta1")) settings.beta1 = c["beta1"].get<double>();
      if (c.contains("beta2")) settings.beta2 = c["beta2"].get<double>();
      if (c.contains("eps")) settings.eps = c["eps"].get<double>();
      Vector p = to_vector(c["params0"]);
      auto optimizer = make_optimizer(settings, p.size());
      for (std::size_t step = 0; step < 3; ++step) {
        optimizer->step(p, to_vector(c["grads"][step]), c["lr"].get<double>());
        const double error = max_relative_error(p, to_vector(c["params"][step]), 1e-12);
        INFO("step " << step + 1 << ": largest relative difference " << error);
        CHECK(error < 1e-12);
      }
      // reset forgets the state: the first step again gives the first fixture values
      optimizer->reset();
      p = to_vector(c["params0"]);
      optimizer->step(p, to_vector(c["grads"][0]), c["lr"].get<double>());
      CHECK(max_relative_error(p, to_vector(c["params"][0]), 1e-12) < 1e-12);
    }
  }
}

TEST_CASE("Unknown optimizers and bad coefficients are rejected", "[optimizer][errors]") {
  CHECK_THROWS_WITH(parse_train_settings(R"({"optimizer":"adagrad"})"),
                    Catch::Contains("optimizer.name must be one of") && Catch::Contains("got \"adagrad\"") &&
                        Catch::Contains("\"sgd\", \"momentum\", \"nesterov\", \"rmsprop\", \"adam\""));
  OptimizerSettings s;
  s.kind = OptimizerKind::momentum;
  s.momentum = 1.0;
  CHECK_THROWS_WITH(make_optimizer(s, 3), Catch::Contains("optimizer.momentum") && Catch::Contains("got 1"));
  s.momentum = 0.9;
  s.kind = OptimizerKind::adam;
  s.eps = 0.0;
  CHECK_THROWS_AS(make_optimizer(s, 3), SpecError);
}

TEST_CASE("lbfgs takes no mini-batch step: make_optimizer refuses it, naming the field", "[optimizer][lbfgs]") {
  OptimizerSettings s;
  s.kind = OptimizerKind::lbfgs;
  CHECK(is_full_batch(OptimizerKind::lbfgs));
  CHECK_FALSE(is_full_batch(OptimizerKind::adam));
  CHECK_THROWS_AS(make_optimizer(s, 3), SpecError);
  CHECK_THROWS_WITH(make_optimizer(s, 3), Catch::Contains("optimizer.name \"lbfgs\"") &&
                                              Catch::Contains("\"sgd\", \"momentum\", \"nesterov\", \"rmsprop\", "
                                                              "\"adam\"") &&
                                              !Catch::Contains("\"lbfgs\", "));
  s.memory = 0;
  CHECK_THROWS_WITH(make_optimizer(s, 3), Catch::Contains("optimizer.memory must be an integer in 1..100, got 0"));
}

namespace {

OptimizerSettings named(OptimizerKind kind) {
  OptimizerSettings s;
  s.kind = kind;
  return s;
}

}  // namespace

TEST_CASE("An optimizer given another's state continues exactly as the other does", "[optimizer][state]") {
  const Vector p0 = to_vector(Json::array({0.5, -1.0, 2.0, 0.25}));
  const Vector g1 = to_vector(Json::array({0.3, -0.2, 0.1, 4.0})), g2 = to_vector(Json::array({-0.7, 0.4, 0.0, 1.5}));
  for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::nesterov,
                             OptimizerKind::rmsprop, OptimizerKind::adam}) {
    DYNAMIC_SECTION(optimizer_name(kind)) {
      auto first = make_optimizer(named(kind), 4), second = make_optimizer(named(kind), 4);
      Vector p = p0;
      first->step(p, g1, 0.1);
      const OptimizerState after_one = first->state();
      CHECK(after_one.t == 1);
      // the flat form (a link's) reads back as the same state
      const OptimizerState copied = unflatten_state(*second, 1, flatten_state(after_one));
      second->set_state(copied);
      Vector q = p;
      first->step(p, g2, 0.1);
      second->step(q, g2, 0.1);
      CHECK(p == q);
      CHECK(flatten_state(first->state()) == flatten_state(second->state()));
      CHECK(second->state().t == 2);
      first->reset();
      CHECK(first->state().t == 0);
      CHECK(flatten_state(first->state()).isZero());
    }
  }
}

TEST_CASE("A state that does not fit the optimizer is refused with the field named", "[optimizer][state][errors]") {
  auto adam = make_optimizer(named(OptimizerKind::adam), 3);
  CHECK_THROWS_WITH(unflatten_state(*adam, 1, Vector::Zero(5)),
                    Catch::Contains("adam state.values must hold 6 numbers (m, v, one per parameter each), got 5"));
  CHECK_THROWS_WITH(unflatten_state(*adam, 1.5, Vector::Zero(6)),
                    Catch::Contains("state.t must be an integer ≥ 0, got 1.5"));
  CHECK_THROWS_WITH(unflatten_state(*adam, -1, Vector::Zero(6)), Catch::Contains("state.t must be an integer ≥ 0"));
  Vector flat = Vector::Zero(6);
  flat(4) = -0.5;  // v, the mean of g², below 0
  CHECK_THROWS_WITH(adam->set_state(unflatten_state(*adam, 1, flat)),
                    Catch::Contains("adam state.v is a mean of squared gradients and must be ≥ 0"));
  flat(4) = std::nan("");
  CHECK_THROWS_WITH(adam->set_state(unflatten_state(*adam, 1, flat)),
                    Catch::Contains("adam state.v must hold finite numbers only"));
  OptimizerState wrong = make_optimizer(named(OptimizerKind::momentum), 3)->state();
  CHECK_THROWS_WITH(adam->set_state(wrong), Catch::Contains("adam state holds the vectors m, v, got v"));
  // a refused state leaves the optimizer as it was
  CHECK(adam->state().t == 0);
  CHECK(flatten_state(adam->state()).isZero());
}

TEST_CASE("Momentum keeps eta inside the velocity: torch.optim's form agrees until the rate changes",
          "[optimizer][convention]") {
  // torch.optim.SGD(momentum=μ): b ← μ b + g; p ← p − η b.  Here: v ← μ v − η g; p ← p + v.
  // With one η throughout, v = −η b exactly; after η changes, the old velocity keeps its old η.
  const double mu = 0.9;
  for (OptimizerKind kind : {OptimizerKind::momentum, OptimizerKind::nesterov}) {
    DYNAMIC_SECTION(optimizer_name(kind)) {
      const bool nesterov = kind == OptimizerKind::nesterov;
      auto ours = make_optimizer(named(kind), 2);
      Vector p = to_vector(Json::array({1.0, -2.0})), q = p, b = Vector::Zero(2);
      const double rates[] = {0.1, 0.1, 0.1, 0.05, 0.05};
      for (int step = 0; step < 5; ++step) {
        const Vector g = p.cwiseProduct(p) - to_vector(Json::array({0.5, 0.5}));
        const Vector h = q.cwiseProduct(q) - to_vector(Json::array({0.5, 0.5}));
        ours->step(p, g, rates[step]);
        b = mu * b + h;
        // torch's nesterov=True: p ← p − η (g + μ b)
        q -= rates[step] * (nesterov ? Vector(h + mu * b) : b);
        const double difference = (p - q).cwiseAbs().maxCoeff();
        INFO("step " << step + 1 << ": largest difference " << difference);
        if (step < 3)
          CHECK(difference < 1e-14);
        else
          CHECK(difference > 1e-4);
      }
    }
  }
}

TEST_CASE("An update written beside the weights equals the update in place, bit for bit", "[optimizer]") {
  // The trainer writes each update to a second vector (kept only when finite): it must be the
  // same numbers as updating in place, for every optimizer and over several steps.
  for (const char* name : {"sgd", "momentum", "nesterov", "rmsprop", "adam"}) {
    OptimizerSettings settings;
    settings.kind = optimizer_from_name(name, "optimizer");
    auto in_place = make_optimizer(settings, 5);
    auto beside = make_optimizer(settings, 5);
    Vector p(5), q(5), out(5), g(5);
    p << 0.5, -1.0, 2.0, 0.0, 3.0;
    q = p;
    for (int k = 0; k < 4; ++k) {
      g << 0.1 * k, -0.3, 0.7, 1e-3, -2.0 + k;
      in_place->step(p, g, 0.05);
      const Vector kept = q;
      beside->step(q, g, 0.05, out);
      CHECK(q == kept);  // the weights it read are untouched
      q = out;
      INFO(name << " step " << k);
      CHECK(q == p);
    }
  }
}
