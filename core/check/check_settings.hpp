// The checks' settings from JSON text, with the same field-naming errors as the model spec: a
// gradient or Jacobian test's, the softmax-regression problem's, the element-wise check's.
#pragma once

#include <string_view>

#include "core/check/elementwise_check.hpp"
#include "core/check/gradient_check.hpp"
#include "core/check/gradient_targets.hpp"

namespace lab {

// {"epsilon0", "iterations", "seed", "wrt", "bug"}
GradientTestSettings parse_gradient_test_settings(std::string_view json_text);
// {"samples", "features", "classes"}: the softmax-regression problem, with seed 000's defaults.
SoftmaxRegressionProblem parse_softmax_regression_problem(std::string_view json_text);
// {"step", "max_entries", "seed", "bug", "tolerance"}
ElementwiseSettings parse_elementwise_settings(std::string_view json_text);

}  // namespace lab
