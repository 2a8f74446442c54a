// Optimizers: three steps of each against the NumPy fixtures, and coefficient checks.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/optimizer.hpp"
#include "support.hpp"

using namespace lab;
using namespace lab::test;

TEST_CASE("Each optimizer's first three steps match NumPy", "[optimizer][fixture]") {
  const Json cases = load_fixture("optimizers.json");
  REQUIRE(cases.size() >= 6);
  for (const Json& c : cases) {
    DYNAMIC_SECTION(c["id"].get<std::string>()) {
      OptimizerSettings settings;
      settings.name = c["name"].get<std::string>();
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
  OptimizerSettings s;
  s.name = "adagrad";
  CHECK_THROWS_WITH(make_optimizer(s, 3), Catch::Contains("unknown optimizer \"adagrad\"") &&
                                              Catch::Contains("sgd, momentum, nesterov, rmsprop, adam"));
  s.name = "momentum";
  s.momentum = 1.0;
  CHECK_THROWS_WITH(make_optimizer(s, 3), Catch::Contains("optimizer.momentum") && Catch::Contains("got 1"));
  s.momentum = 0.9;
  s.name = "adam";
  s.eps = 0.0;
  CHECK_THROWS_AS(make_optimizer(s, 3), SpecError);
}
