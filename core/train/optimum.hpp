// Reference optima a trainer can measure its iterates against (Trainer::set_optimum): the exact
// ridge optimum of seed 000 §1.2's least-squares problem, which applies only when the network's
// training loss is exactly that problem's f(w) = (1/2m)‖Xw − y‖² + (λ/2)‖w‖².
#pragma once

#include <string>
#include <variant>

#include "core/data/generators.hpp"
#include "core/nn/spec.hpp"
#include "core/train/trainer.hpp"

namespace lab {

// The problem's optimum when `spec` trained on `X_train` (features × samples) minimises f: one
// dense identity layer with one unit and no bias, loss mse, l2 = λ, l1 = 0, and X_train equal to
// the problem's X (all m samples, unscaled). Otherwise, the reason in words, naming the setting.
std::variant<Optimum, std::string> least_squares_reference(const LeastSquaresProblem& problem, const ModelSpec& spec,
                                                           const Matrix& X_train);

}  // namespace lab
