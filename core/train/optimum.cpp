// The least-squares reference optimum and the checks that it applies (see optimum.hpp).
#include "core/train/optimum.hpp"

#include "core/base/format.hpp"

namespace lab {

std::variant<Optimum, std::string> least_squares_reference(const LeastSquaresProblem& problem, const ModelSpec& spec,
                                                           const Matrix& X_train) {
  const std::string lambda = format_number(problem.lambda);
  if (spec.layers.size() != 1)
    return "the optimum w* is for a linear model: remove the hidden layers (" + std::to_string(spec.layers.size() - 1) +
           " now)";
  const LayerSpec& out = spec.layers.front();
  if (out.activation.kind != ActivationKind::identity || spec.loss != LossKind::mse)
    return std::string("the optimum w* is for an identity output with mean squared error");
  if (out.bias) return std::string("the optimum w* has no bias: choose \"no bias\" for the output layer");
  if (spec.l2 != problem.lambda || spec.l1 != 0.0)
    return "the optimum w* is for L2 λ = " + lambda + " (the generator's λ); the model's L2 λ is " +
           format_number(spec.l2);
  if (X_train.rows() != problem.data.X.rows() || X_train.cols() != problem.data.X.cols() || X_train != problem.data.X)
    return std::string(
        "the optimum w* is for all samples, unscaled: set the validation and test "
        "fractions to 0 and scaling to none");
  return Optimum{problem.solution, problem.optimum_loss};
}

}  // namespace lab
