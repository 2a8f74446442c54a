// The checks' settings from JSON (see check_settings.hpp). Every range comes from the limits the
// checks themselves validate with (GradientTestLimits, SoftmaxRegressionLimits, ElementwiseLimits).
#include "core/check/check_settings.hpp"

#include <cstdint>

#include "core/base/json_fields.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[GradientTest]";
// Seeds are whole numbers a JS double holds exactly.
constexpr std::int64_t kMaxSeed = (std::int64_t{1} << 53) - 1;

}  // namespace

GradientTestSettings parse_gradient_test_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"epsilon0", "iterations", "seed", "wrt", "bug"});
  GradientTestSettings s;
  s.epsilon0 = fields.number("epsilon0", 1e-300, GradientTestLimits::max_epsilon0, s.epsilon0);
  s.iterations = static_cast<int>(fields.integer("iterations", GradientTestLimits::min_iterations,
                                                 GradientTestLimits::max_iterations, s.iterations));
  s.seed = static_cast<std::uint64_t>(fields.integer("seed", 0, kMaxSeed, 1));
  s.wrt = fields.text("wrt", "all");
  s.bug = derivative_bug_from_name(fields.text("bug", "none"), "bug");
  return s;
}

SoftmaxRegressionProblem parse_softmax_regression_problem(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"samples", "features", "classes"});
  using Limits = SoftmaxRegressionLimits;
  SoftmaxRegressionProblem problem;
  problem.samples =
      static_cast<Index>(fields.integer("samples", Limits::min_samples, Limits::max_samples, problem.samples));
  problem.features =
      static_cast<Index>(fields.integer("features", Limits::min_features, Limits::max_features, problem.features));
  problem.classes =
      static_cast<Index>(fields.integer("classes", Limits::min_classes, Limits::max_classes, problem.classes));
  return problem;
}

ElementwiseSettings parse_elementwise_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"step", "max_entries", "seed", "bug", "tolerance"});
  ElementwiseSettings s;
  s.step = fields.number("step", 1e-12, ElementwiseLimits::max_step, s.step);
  s.max_entries = static_cast<Index>(
      fields.integer("max_entries", ElementwiseLimits::min_entries, ElementwiseLimits::max_entries, s.max_entries));
  s.seed = static_cast<std::uint64_t>(fields.integer("seed", 0, kMaxSeed, 1));
  s.bug = derivative_bug_from_name(fields.text("bug", "none"), "bug");
  s.tolerance = fields.number("tolerance", 1e-15, 1.0, s.tolerance);
  return s;
}

}  // namespace lab
