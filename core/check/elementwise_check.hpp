// CS231n's element-wise check: each parameter's analytic gradient against a central difference
// (L(p + h e_i) − L(p − h e_i)) / 2h, compared by a floored relative error, on a seeded sample of
// each parameter block when the network has more entries than the check's budget.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/types.hpp"
#include "core/check/check_schema.hpp"
#include "core/nn/derivative_bug.hpp"
#include "core/nn/network.hpp"

namespace lab {

// The floor of relative_error, and of every finite-difference check in tests/ (tests/support.hpp
// uses this constant). Below it a central difference with h = 1e-5 cannot resolve a derivative
// (its rounding noise is about 1e-16·|L|/h ≈ 1e-11·|L|), so there the error is absolute, scaled by
// 1/kRelativeErrorFloor, and an exactly zero derivative (a dead ReLU unit, both sides 0) gives 0.
// A true derivative below about 1e-5·|L| can still read as wrong at the tolerance 1e-6.
// (Comparisons of exact results against the NumPy fixtures are a different thing: they agree to 1e-12.)
inline constexpr double kRelativeErrorFloor = 1e-8;

// |a − n| / max(|a|, |n|, kRelativeErrorFloor)
double relative_error(double analytic, double numeric);

struct ElementCheck {
  Index index = 0;         // in the flat vector
  Index layer = 0;         // 0-based, as in the flat order (layer 1 of the textbook is 0)
  std::string block;       // "W", "b", …
  Index row = 0, col = 0;  // inside the block
  double analytic = 0.0, numeric = 0.0;
  double relative_error = 0.0;  // relative_error(analytic, numeric)
};
// Ranges and defaults: the rows of check_schema.hpp.
struct ElementwiseSettings {
  double step = check_schema::step.fallback;  // h of the central difference
  // each parameter block gets max_entries / (number of blocks) entries (at least 1); a larger
  // block is checked on a seeded sample of that many
  Index max_entries = as_integer(check_schema::max_entries.fallback);
  std::uint64_t seed = static_cast<std::uint64_t>(check_schema::seed.fallback);
  DerivativeBug bug = DerivativeBug::none;
  double tolerance = check_schema::tolerance.fallback;  // above it an entry counts as wrong
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
  std::vector<double> layer_max_error;  // (layers) per layer, over its checked entries
  bool passed = false;
  std::string explanation;
  Index parameter_count = 0;            // entries in the network: entries.size() + Σ skipped counts
  std::vector<SkippedEntries> skipped;  // one per reason (empty when every entry was checked)
  std::string coverage;                 // "83 of 86 entries checked: …", the skipped reasons in words
};
// The network's weights and bug switch are restored afterwards.
ElementwiseResult elementwise_check(Network& net, const Matrix& X, const Matrix& Y,
                                    const ElementwiseSettings& settings);

}  // namespace lab
