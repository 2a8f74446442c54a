// Losses, as the mean over the B samples of a per-sample loss (DESIGN.md):
//   mse: ½‖a − y‖²;  cross_entropy: −Σ y log softmax(z);  binary_cross_entropy: the same for one
// sigmoid output. Cross-entropies are computed from z and fused with their activation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/nn/activation.hpp"

namespace lab {

enum class LossKind { mse, cross_entropy, binary_cross_entropy };  // in the order of spec_schema::kLosses

// Mean loss over the columns. z, a, y: (out × B); for cross_entropy, a = softmax(z) as the output
// layer computed it (its log-sum-exp is read from a).
double loss_value(LossKind kind, const Matrix& z, const Matrix& a, const Matrix& y);

// The gradient handed to the last layer:
//   mse: g = dL/da = (a − y) / B   (the layer then applies f');
//   cross_entropy (softmax) and binary_cross_entropy (sigmoid): δ = dL/dz = (a − y) / B, fused.
void loss_output_gradient(const Matrix& a, const Matrix& y, Matrix& out);
// True when loss_output_gradient gives dL/dz directly (the fused cross-entropies).
bool loss_is_fused(LossKind kind);
// True for the classification losses (accuracy is the metric), false for regression (R²).
bool loss_is_classification(LossKind kind);

std::string_view loss_name(LossKind kind);
LossKind loss_from_name(std::string_view name, std::string_view field);
const std::vector<std::string>& loss_names();

}  // namespace lab
