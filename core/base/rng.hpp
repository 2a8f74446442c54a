// The project's one seeded random generator: xoshiro256** seeded by splitmix64, with uniform,
// normal (Marsaglia polar, using the deterministic log below) and shuffling. It uses only
// integer and IEEE +,-,*,/,sqrt operations, so native and wasm builds give identical numbers.
#pragma once

#include <cstdint>
#include <vector>

namespace lab {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  std::uint64_t next_u64();
  // Uniform in [0, 1) with 53 random bits.
  double uniform();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi);
  // Standard normal N(0, 1).
  double normal();
  // Uniform integer in [0, n), unbiased (n > 0).
  std::uint64_t below(std::uint64_t n);
  // Fisher–Yates shuffle in place.
  void shuffle(std::vector<int>& values);

 private:
  std::uint64_t state_[4];
  double spare_normal_ = 0.0;
  bool has_spare_ = false;
};

// Natural logarithm from IEEE basic operations only (frexp split and an atanh series), so that
// it returns the same bits on every platform; accurate to about 1 ulp for x > 0.
double portable_log(double x);

}  // namespace lab
