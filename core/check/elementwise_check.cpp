// The element-wise check (see elementwise_check.hpp): central differences entry by entry, a
// seeded sample of each block within the budget, and the sentences that say what was checked.
#include "core/check/elementwise_check.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/rng.hpp"
#include "core/check/network_restorer.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[GradientTest]";

// A parameter block checked on a seeded sample: its name ("layer 2 W") and its number of entries.
struct SampledBlock {
  std::string name;
  Index size = 0;
};

// result.coverage and result.skipped: how many entries were checked, and why the others were not.
// The only reason is the block quota: each of `blocks` blocks gets `quota` = budget / blocks entries.
void describe_coverage(ElementwiseResult& result, const std::vector<SampledBlock>& sampled, Index quota,
                       std::size_t blocks, Index budget) {
  const std::string checked = std::to_string(result.entries.size());
  const std::string total = std::to_string(result.parameter_count);
  if (sampled.empty()) {
    result.coverage = "All " + total + " entries checked.";
    return;
  }
  SkippedEntries skip{"block_quota", 0, ""};
  for (const SampledBlock& block : sampled) skip.count += block.size - quota;
  const std::string share =
      budget / static_cast<Index>(blocks) > 0
          ? "its budget of " + std::to_string(budget) + " ÷ " + std::to_string(blocks) + ", rounded down"
          : "at least 1, as its budget of " + std::to_string(budget) + " is smaller than the number of blocks";
  const std::string rule = "because the check takes at most " + std::to_string(quota) + " entr" +
                           (quota == 1 ? "y" : "ies") + " from each of the " + std::to_string(blocks) +
                           " parameter blocks (" + share + ") and samples any larger block by seed";
  const std::string count = std::to_string(skip.count);
  if (sampled.size() == 1) {
    skip.explanation = count + " of " + sampled.front().name + "’s " + std::to_string(sampled.front().size) +
                       " entries " + (skip.count == 1 ? "is" : "are") + " left out " + rule;
  } else {
    std::string list;
    for (const SampledBlock& block : sampled)
      list +=
          (list.empty() ? "" : ", ") + block.name + " " + std::to_string(quota) + " of " + std::to_string(block.size);
    skip.explanation = count + " entries are left out (checked: " + list + ") " + rule;
  }
  result.coverage = checked + " of " + total + " entries checked; " + skip.explanation + ".";
  result.skipped.push_back(skip);
}

}  // namespace

double relative_error(double analytic, double numeric) {
  // |a − n| / max(|a|, |n|, kRelativeErrorFloor)
  return std::abs(analytic - numeric) / std::max({std::abs(analytic), std::abs(numeric), kRelativeErrorFloor});
}

ElementwiseResult elementwise_check(Network& net, const Matrix& X, const Matrix& Y,
                                    const ElementwiseSettings& settings) {
  check_field(check_schema::step, settings.step, kTag, "step");
  check_field(check_schema::max_entries, static_cast<double>(settings.max_entries), kTag, "max_entries");
  check_field(check_schema::tolerance, settings.tolerance, kTag, "tolerance");
  NetworkRestorer restore(net);
  net.set_derivative_bug(settings.bug);
  net.compute_gradients(X, Y);
  const Vector analytic = net.gradients();
  Vector p = net.parameters();

  std::size_t blocks = 0;
  for (std::size_t i = 0; i < net.layer_count(); ++i) blocks += net.layer(i).param_blocks().size();
  const Index quota = std::max<Index>(1, settings.max_entries / static_cast<Index>(blocks));
  Rng rng(settings.seed);
  ElementwiseResult result;
  result.parameter_count = net.parameter_count();
  result.layer_max_error.assign(net.layer_count(), 0.0);
  std::vector<SampledBlock> sampled;
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      const Index count = block.rows * block.cols;
      std::vector<int> picks(static_cast<std::size_t>(count));
      std::iota(picks.begin(), picks.end(), 0);
      if (count > quota) {
        rng.shuffle(picks);
        picks.resize(static_cast<std::size_t>(quota));
        std::sort(picks.begin(), picks.end());
        sampled.push_back({layer_text(i) + " " + block.name, count});
      }
      for (int local : picks) {
        ElementCheck e;
        e.index = net.layer_offset(i) + block.offset + local;
        e.layer = static_cast<Index>(i);
        e.block = block.name;
        e.row = local / block.cols;
        e.col = local % block.cols;
        const double keep = p(e.index);
        p(e.index) = keep + settings.step;
        net.set_parameters(p);
        const double up = net.loss(X, Y).total();
        p(e.index) = keep - settings.step;
        net.set_parameters(p);
        const double down = net.loss(X, Y).total();
        p(e.index) = keep;
        if (!std::isfinite(up) || !std::isfinite(down))
          throw DataError(std::string(kTag) + " the loss is not finite when " + layer_text(i) + " " + block.name +
                          " entry " + std::to_string(local) + " moves by ±" + format_number(settings.step));
        // numeric = (L(p + h e_i) − L(p − h e_i)) / 2h
        e.numeric = (up - down) / (2.0 * settings.step);
        e.analytic = analytic(e.index);
        e.relative_error = relative_error(e.analytic, e.numeric);
        result.max_relative_error = std::max(result.max_relative_error, e.relative_error);
        result.layer_max_error[i] = std::max(result.layer_max_error[i], e.relative_error);
        if (e.relative_error > settings.tolerance) ++result.wrong_entries;
        result.entries.push_back(e);
      }
    }
  }
  result.passed = result.wrong_entries == 0;
  const std::string checked = std::to_string(result.entries.size());
  describe_coverage(result, sampled, quota, blocks, settings.max_entries);
  if (result.passed) {
    result.explanation = "All " + checked + " checked entries agree with central differences (largest relative error " +
                         format_scientific(result.max_relative_error) + ").";
  } else {
    std::string layers;
    for (std::size_t i = 0; i < result.layer_max_error.size(); ++i)
      if (result.layer_max_error[i] > settings.tolerance)
        layers += (layers.empty() ? "" : ", ") + std::to_string(i + 1);  // 1-based, as layer_text
    result.explanation = std::to_string(result.wrong_entries) + " of " + checked +
                         " checked entries disagree with central differences (largest relative error " +
                         format_scientific(result.max_relative_error) + "), in layer(s) " + layers +
                         ": look for the bug in the backward pass of the highest of them.";
  }
  return result;
}

}  // namespace lab
