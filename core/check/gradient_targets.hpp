// What the gradient test of gradient_check.hpp is run on: a whole network's loss, one layer's
// transposed Jacobian (seed 000 §2.1–2.2), and seed 000 §1.1's softmax-regression loss. Each
// builds F and its gradient g, runs the test, and names the target in words.
#pragma once

#include <cstddef>
#include <optional>

#include "core/check/check_schema.hpp"
#include "core/check/gradient_check.hpp"
#include "core/nn/network.hpp"

namespace lab {

// A whole network's loss on (X, Y) w.r.t. its flat parameters (wrt: all | weights | biases).
// The network's weights and bug switch are restored afterwards.
GradientTestResult network_gradient_test(Network& net, const Matrix& X, const Matrix& Y,
                                         const GradientTestSettings& settings,
                                         const std::optional<Vector>& direction = std::nullopt);

// Seed 000 §1.1: the softmax-regression loss of `samples` seeded random points with `features`
// features and `classes` classes, w.r.t. W, b or both (wrt: W | b | all).
struct SoftmaxRegressionProblem {
  Index samples = as_integer(check_schema::samples.fallback);
  Index features = as_integer(check_schema::features.fallback);
  Index classes = as_integer(check_schema::classes.fallback);
};
// The problem's ranges: the rows of check_schema.hpp.
GradientTestResult softmax_regression_test(const SoftmaxRegressionProblem& problem,
                                           const GradientTestSettings& settings);

// Seed 000 §2.1–2.2, the transposed Jacobian test: for the layer at 0-based index `layer` of `net`
// (its weights; the target's name says "layer 1" for index 0, as the textbook numbers layers), a
// seeded input x of `batch` samples and a fixed seeded u, the scalar g = Σ f(x) ⊙ u with gradient
// Jᵀu, w.r.t. one parameter array (W, b, W1, b1, W2), all of them ("all") or the input.
GradientTestResult jacobian_test(Network& net, std::size_t layer, Index batch, const GradientTestSettings& settings);

}  // namespace lab
