// Seeded generator shared by data generation, initialisation and shuffling (see rng.hpp).
#include "core/base/rng.hpp"

#include <cmath>

namespace lab {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t s = seed;
  for (auto& word : state_) word = splitmix64(s);
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  // Marsaglia polar method: (u, v) uniform in the unit disc, s = u² + v²,
  // then u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent N(0, 1).
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * portable_log(s) / s);
  spare_normal_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Rejection sampling on the largest multiple of n below 2^64 keeps every value equally likely.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
  std::uint64_t x;
  do {
    x = next_u64();
  } while (x >= limit);
  return x % n;
}

void Rng::shuffle(std::vector<int>& values) {
  for (std::size_t i = values.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(below(i));
    std::swap(values[i - 1], values[j]);
  }
}

double portable_log(double x) {
  if (!(x > 0.0)) return x == 0.0 ? -HUGE_VAL : NAN;
  if (std::isinf(x)) return x;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // x = m · 2^exponent, m in [0.5, 1)
  if (m < 0.70710678118654752440) {     // bring m into [√½, √2)
    m *= 2.0;
    exponent -= 1;
  }
  // ln m = 2 atanh(s) = 2s + 2s (s²/3 + s⁴/5 + …) with s = (m − 1)/(m + 1), |s| < 0.172;
  // the small correction is summed apart from 2s so that rounding stays near 1 ulp.
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double power = s2, correction = 0.0;
  for (int k = 3; k <= 41; k += 2) {
    correction += power / k;
    power *= s2;
  }
  const double log_m = 2.0 * s + 2.0 * s * correction;
  constexpr double ln2_hi = 6.93147180369123816490e-01;  // ln 2 split in two for exact e·ln2_hi
  constexpr double ln2_lo = 1.90821492927058770002e-10;
  return exponent * ln2_hi + (log_m + exponent * ln2_lo);
}

}  // namespace lab
