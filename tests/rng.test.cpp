// The project's generator: fixed values (shared with the node test of the wasm build), its
// distributions, and the portable log it relies on.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "core/backprop.hpp"

using lab::Rng;

TEST_CASE("Rng gives the same fixed values for seed 42 on every platform", "[rng]") {
  // The raw outputs were checked against an independent Python implementation of splitmix64 +
  // xoshiro256**. The same numbers are asserted by tests/node/engine.test.mjs on the wasm build.
  Rng rng(42);
  CHECK(rng.next_u64() == 1546998764402558742ULL);
  CHECK(rng.next_u64() == 6990951692964543102ULL);
  CHECK(rng.next_u64() == 12544586762248559009ULL);
  Rng uniform(42);
  CHECK(uniform.uniform() == 0.083862971059882163);
  CHECK(uniform.uniform() == 0.37898025066266861);
  Rng normal(42);
  CHECK(normal.normal() == -0.72621913824478568);
  CHECK(normal.normal() == -0.21119691823195985);
  CHECK(normal.normal() == 0.22162270150359331);
}

TEST_CASE("Rng uniform stays within 0 (inclusive) and 1 (exclusive) with mean 1/2 and variance 1/12", "[rng]") {
  Rng rng(7);
  double sum = 0.0, sum_sq = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(sum_sq / n - mean * mean == Approx(1.0 / 12.0).margin(0.002));
}

TEST_CASE("Rng normal has mean 0, variance 1 and Gaussian tails", "[rng]") {
  Rng rng(11);
  const int n = 200000;
  double sum = 0.0, sum_sq = 0.0;
  int beyond_two_sigma = 0;
  for (int i = 0; i < n; ++i) {
    const double x = rng.normal();
    sum += x;
    sum_sq += x * x;
    beyond_two_sigma += std::abs(x) > 2.0;
  }
  CHECK(sum / n == Approx(0.0).margin(0.01));
  CHECK(sum_sq / n == Approx(1.0).margin(0.01));
  // P(|X| > 2) = 0.0455 for a standard normal
  CHECK(static_cast<double>(beyond_two_sigma) / n == Approx(0.0455).margin(0.002));
}

TEST_CASE("Rng below covers every value equally and shuffle is a permutation", "[rng]") {
  Rng rng(3);
  int counts[5] = {0, 0, 0, 0, 0};
  for (int i = 0; i < 50000; ++i) ++counts[rng.below(5)];
  for (int c : counts) CHECK(c == Approx(10000).margin(400));

  std::vector<int> values(100);
  std::iota(values.begin(), values.end(), 0);
  rng.shuffle(values);
  std::vector<int> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 100; ++i) CHECK(sorted[i] == i);
  CHECK(values != sorted);
}

TEST_CASE("Same seed gives the same sequence, different seeds differ", "[rng]") {
  Rng a(123), b(123), c(124);
  for (int i = 0; i < 10; ++i) {
    const double x = a.normal();
    CHECK(x == b.normal());
    CHECK(x != c.normal());
  }
}

TEST_CASE("portable_log agrees with std::log to 2 ulp", "[rng]") {
  Rng rng(5);
  for (int i = 0; i < 100000; ++i) {
    const double x = std::ldexp(rng.uniform() + 0.5, static_cast<int>(rng.below(200)) - 100);
    const double expected = std::log(x);
    const double got = lab::portable_log(x);
    REQUIRE(std::abs(got - expected) <= 2.0 * std::abs(std::nextafter(expected, 0.0) - expected) + 1e-300);
  }
  CHECK(lab::portable_log(1.0) == 0.0);
  CHECK(std::isinf(lab::portable_log(0.0)));
  CHECK(std::isnan(lab::portable_log(-1.0)));
}
