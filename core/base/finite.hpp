// A finiteness test for the training loop's divergence guard. Eigen's allFinite() is a scalar loop
// that stops at the first NaN (about 1 ns per entry in wasm); this is one vectorised pass without a
// branch, so it costs a fraction of that on every step.
#pragma once

#include <cmath>

#include <Eigen/Core>

namespace lab {

// True when every entry of m is finite: x · 0 is ±0 for a finite x and NaN for ±∞ or NaN, so the
// sum of x · 0 is 0 exactly when all are finite (it never overflows). Needs IEEE arithmetic: the
// project never builds with -ffast-math, which would fold x · 0 to 0.
template <typename Derived>
bool all_finite(const Eigen::DenseBase<Derived>& m) {
  return std::isfinite((m.derived().array() * 0.0).sum());
}

}  // namespace lab
