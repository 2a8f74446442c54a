// The checks' settings from JSON (see check_settings.hpp). Every range and default is a row of
// check_schema.hpp, which the checks themselves validate with.
#include "core/check/check_settings.hpp"

#include <cstdint>

#include "core/base/json_fields.hpp"

namespace lab {
namespace {

namespace rows = check_schema;
constexpr const char* kTag = "[GradientTest]";

}  // namespace

GradientTestSettings parse_gradient_test_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"epsilon0", "iterations", "seed", "wrt", "bug"});
  GradientTestSettings s;
  s.epsilon0 = fields.number(rows::epsilon0);
  s.iterations = static_cast<int>(fields.integer(rows::iterations));
  s.seed = static_cast<std::uint64_t>(fields.integer(rows::seed));
  s.wrt = static_cast<Wrt>(fields.choice(rows::wrt));
  s.bug = derivative_bug_from_name(fields.text("bug", std::string(rows::bug.fallback_choice)), "bug");
  return s;
}

SoftmaxRegressionProblem parse_softmax_regression_problem(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"samples", "features", "classes"});
  SoftmaxRegressionProblem problem;
  problem.samples = static_cast<Index>(fields.integer(rows::samples));
  problem.features = static_cast<Index>(fields.integer(rows::features));
  problem.classes = static_cast<Index>(fields.integer(rows::classes));
  return problem;
}

ElementwiseSettings parse_elementwise_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"step", "max_entries", "seed", "bug", "tolerance"});
  ElementwiseSettings s;
  s.step = fields.number(rows::step);
  s.max_entries = static_cast<Index>(fields.integer(rows::max_entries));
  s.seed = static_cast<std::uint64_t>(fields.integer(rows::seed));
  s.bug = derivative_bug_from_name(fields.text("bug", std::string(rows::bug.fallback_choice)), "bug");
  s.tolerance = fields.number(rows::tolerance);
  return s;
}

}  // namespace lab
