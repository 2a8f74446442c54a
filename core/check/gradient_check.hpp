// Gradient tests as in seed 000 (Fig. 3, 21, 29–30): along a seeded unit direction d, with
// ε_k = ε₀ (½)^k, the zero-order error |F(x+ε_k d) − F(x)| falls as O(ε) and the first-order
// error |F(x+ε_k d) − F(x) − ε_k dᵀg(x)| as O(ε²) when g is the true gradient. Targets: the
// softmax-regression loss, a whole network's loss, one layer's transposed Jacobian, and an
// element-wise central-difference check. Results are plain data for the page.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/derivative_bug.hpp"
#include "core/nn/network.hpp"

namespace lab {

struct GradientTestSettings {
  double epsilon0 = 0.5;    // ε₀
  int iterations = 8;       // K, the number of ε values (3..60)
  std::uint64_t seed = 1;   // direction d (and data where the target draws any)
  std::string wrt = "all";  // which parameters move: network "all" | "weights" | "biases";
                            // layer "W" | "b" | "W1" | "b1" | "W2" | "input" | "all"
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

// A whole network's loss on (X, Y) w.r.t. its flat parameters (wrt: all | weights | biases).
// The network's weights and bug switch are restored afterwards.
GradientTestResult network_gradient_test(Network& net, const Matrix& X, const Matrix& Y,
                                         const GradientTestSettings& settings,
                                         const std::optional<Vector>& direction = std::nullopt);

// Seed 000 §1.1: the softmax-regression loss of `samples` seeded random points with `features`
// features and `classes` classes, w.r.t. W, b or both (wrt: W | b | all).
struct SoftmaxRegressionProblem {
  Index samples = 100;
  Index features = 20;
  Index classes = 5;
};
GradientTestResult softmax_regression_test(const SoftmaxRegressionProblem& problem,
                                           const GradientTestSettings& settings);

// Seed 000 §2.1–2.2, the transposed Jacobian test: for layer `layer` of `net` (its weights), a
// seeded input x of `batch` samples and a fixed seeded u, the scalar g = Σ f(x) ⊙ u with gradient
// Jᵀu, w.r.t. one parameter array (W, b, W1, b1, W2), all of them ("all") or the input.
GradientTestResult jacobian_test(Network& net, std::size_t layer, Index batch, const GradientTestSettings& settings);

// CS231n's element-wise check: analytic gradient against central differences, per parameter.

// |a − n| / max(|a|, |n|, 1e-8). The floor 1e-8 is the one every finite-difference check of the
// tests uses (tests/support.hpp; comparisons of exact results against NumPy use 1e-12): below it a
// central difference with h = 1e-5 cannot resolve a derivative (its rounding noise is about
// 1e-16·|L|/h ≈ 1e-11·|L|), so there the error is absolute, scaled by 1/1e-8, and an exactly zero
// derivative (a dead ReLU unit, both sides 0) gives 0. A true derivative below about 1e-5·|L| can
// still read as wrong at the tolerance 1e-6.
double relative_error(double analytic, double numeric);

struct ElementCheck {
  Index index = 0;  // in the flat vector
  Index layer = 0;
  std::string block;       // "W", "b", …
  Index row = 0, col = 0;  // inside the block
  double analytic = 0.0, numeric = 0.0;
  double relative_error = 0.0;  // relative_error(analytic, numeric)
};
struct ElementwiseSettings {
  double step = 1e-5;       // h of the central difference
  Index max_entries = 200;  // each parameter block gets max_entries / (number of blocks) entries
                            // (at least 1); a larger block is checked on a seeded sample of that many
  std::uint64_t seed = 1;
  DerivativeBug bug = DerivativeBug::none;
  double tolerance = 1e-6;  // above it an entry counts as wrong
};
// Entries the check left out, for one reason. The only reason is "block_quota": a block with more
// entries than its share of max_entries is checked on a seeded sample.
struct SkippedEntries {
  std::string reason;       // "block_quota"
  Index count = 0;          // entries left out for this reason
  std::string explanation;  // which blocks and why, in words
};
struct ElementwiseResult {
  std::vector<ElementCheck> entries;
  double max_relative_error = 0.0;
  Index wrong_entries = 0;
  std::vector<double> layer_max_error;  // per layer, over its checked entries
  bool passed = false;
  std::string explanation;
  Index parameter_count = 0;            // entries in the network: entries.size() + Σ skipped counts
  std::vector<SkippedEntries> skipped;  // one per reason (empty when every entry was checked)
  std::string coverage;                 // "83 of 86 entries checked: …", the skipped reasons in words
};
ElementwiseResult elementwise_check(Network& net, const Matrix& X, const Matrix& Y,
                                    const ElementwiseSettings& settings);

// Settings from JSON: {"epsilon0", "iterations", "seed", "wrt", "bug"} and
// {"step", "max_entries", "seed", "bug", "tolerance"}.
GradientTestSettings parse_gradient_test_settings(std::string_view json_text);
// {"samples", "features", "classes"}: the softmax-regression problem, with seed 000's defaults.
SoftmaxRegressionProblem parse_softmax_regression_problem(std::string_view json_text);
ElementwiseSettings parse_elementwise_settings(std::string_view json_text);
void validate_gradient_test_settings(const GradientTestSettings& settings);

}  // namespace lab
