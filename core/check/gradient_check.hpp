// Gradient tests as in seed 000 (Fig. 3, 21, 29–30): along a seeded unit direction d, with
// ε_k = ε₀ (½)^k, the zero-order error |F(x+ε_k d) − F(x)| falls as O(ε) and the first-order
// error |F(x+ε_k d) − F(x) − ε_k dᵀg(x)| as O(ε²) when g is the true gradient. This header is the
// test itself and its verdict; what it is run on is in gradient_targets.hpp, the element-wise
// check in elementwise_check.hpp, the JSON settings in check_settings.hpp. Results are plain data.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/check/check_schema.hpp"
#include "core/nn/derivative_bug.hpp"

namespace lab {

// Which parameters move, in the order of check_schema::kWrt. Each target allows some of them:
// a network all | weights | biases; softmax regression W | b | all; a layer input | all and its
// own arrays (dense W, b; residual W1, b1, W2).
enum class Wrt { all, weights, biases, W, b, W1, b1, W2, input };
// Its name in JSON and in the sentences ("W1"), from its row.
std::string_view wrt_name(Wrt wrt);

// Ranges and defaults: the rows of check_schema.hpp.
struct GradientTestSettings {
  double epsilon0 = check_schema::epsilon0.fallback;                             // ε₀
  int iterations = static_cast<int>(check_schema::iterations.fallback);          // K, the number of ε values
  std::uint64_t seed = static_cast<std::uint64_t>(check_schema::seed.fallback);  // direction d (and data)
  Wrt wrt = static_cast<Wrt>(check_schema::wrt.default_index());                 // which parameters move
  DerivativeBug bug = DerivativeBug::none;
};

struct GradientTestResult {
  std::string target;                   // what was tested, in words
  double value = 0.0;                   // F(x)
  double directional_derivative = 0.0;  // dᵀg(x)
  std::vector<double> epsilon;          // (K) ε_k
  std::vector<double> zero_order;       // (K) |F(x+ε_k d) − F(x)|
  std::vector<double> first_order;      // (K) |F(x+ε_k d) − F(x) − ε_k dᵀg|
  std::vector<double> zero_order_rate;  // (K−1) log2(e_k / e_(k+1)): 1 for O(ε), 2 for O(ε²)
  std::vector<double> first_order_rate;
  std::vector<bool> at_floor;          // (K) first-order error at the rounding floor of doubles
  int floor_index = 0;                 // first k at the floor (K when none)
  double floor_level = 0.0;            // the error size below which rounding dominates
  double zero_order_slope = 0.0;       // fitted d log2 e / d log2 ε over k < floor_index (Theil–Sen:
                                       // the median of the slopes between all pairs of points);
  double first_order_slope = 0.0;      // NaN when fewer than two errors lie above the floor
  std::string zero_order_slope_note;   // why zero_order_slope is NaN ("" when it is a number)
  std::string first_order_slope_note;  // why first_order_slope is NaN ("" when it is a number)
  std::string rate_note;               // why some rates are NaN ("" when every rate is a number)
  std::string verdict;                 // "pass", "fail" or "inconclusive"
  bool passed = false;
  std::string explanation;  // one or two plain sentences for the page
  std::string bug;          // the teaching bug that was on ("none" normally)
};

// The test itself, for any F with gradient g at x along direction d (seeded unit vector when
// `direction` is empty). Throws SpecError/ShapeError for bad settings or sizes, DataError when a
// value of F is not finite.
GradientTestResult gradient_test(const std::function<double(const Vector&)>& F, const Vector& x, const Vector& g,
                                 const GradientTestSettings& settings,
                                 const std::optional<Vector>& direction = std::nullopt);
void validate_gradient_test_settings(const GradientTestSettings& settings);

// The direction d of a test given none: `size` seeded N(0, 1) draws (gradient_test normalises it).
Vector seeded_direction(Index size, std::uint64_t seed);

}  // namespace lab
