// all_finite (core/base/finite.hpp), the divergence guard's test: every kind of non-finite entry
// anywhere is found, and huge finite values are not mistaken for overflow.
#include <catch2/catch.hpp>

#include <limits>

#include "core/base/finite.hpp"
#include "core/base/types.hpp"

using namespace lab;

TEST_CASE("all_finite finds NaN and infinities anywhere and accepts huge finite values", "[finite]") {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double big = std::numeric_limits<double>::max();
  Vector v = Vector::Constant(37, big);  // odd length: the tail after the SIMD packets counts too
  v(3) = -big;
  v(5) = std::numeric_limits<double>::denorm_min();
  CHECK(all_finite(v));  // Σ x·0 never overflows, unlike Σ x or Σ x²
  CHECK(all_finite(Vector(0)));
  for (const double bad : {nan, inf, -inf}) {
    for (const Index at : {Index{0}, Index{17}, Index{36}}) {
      Vector w = v;
      w(at) = bad;
      CHECK_FALSE(all_finite(w));
    }
  }
  Matrix m = Matrix::Ones(3, 5);
  m(2, 4) = nan;
  CHECK_FALSE(all_finite(m));
}
