// The loss around the current weights (issue 17, item 5): along a line θ + α d and on a plane
// θ + α d₁ + β d₂, with random directions normalised filter by filter as in Li et al.,
// "Visualizing the Loss Landscape of Neural Nets" (2018), so that a direction moves every unit's
// weights by as much as they are long, and biases not at all.
// Legend: P = parameters.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/types.hpp"
#include "core/nn/network.hpp"

namespace lab {

// `direction` (P) with every row of every weight block (a unit's incoming weights, a "filter")
// rescaled to the norm of that row of the network's weights, and bias entries 0. A row of zero
// weights, or a zero row of the direction, gets zeros.
Vector filter_normalize(const Network& net, Vector direction);

// A seeded N(0, I) direction (P), filter-normalised.
Vector filter_normalized_direction(const Network& net, std::uint64_t seed);

// The direction of steepest descent −∇f(θ) on X, Y, filter-normalised so that its steps compare
// with a random direction's. Still a descent direction: rescaling each row of −g by a positive
// number keeps its inner product with g negative.
Vector gradient_direction(Network& net, const Matrix& X, const Matrix& Y);

// f(θ + α d) for every α: the mean loss with its penalty on X (in × n), Y (out × n). The network's
// parameters are θ again afterwards. d must have P entries (ShapeError).
std::vector<double> loss_along(Network& net, const Matrix& X, const Matrix& Y, const Vector& direction,
                               const std::vector<double>& alphas);

// f(θ + α_i d₁ + β_j d₂) as a (betas × alphas) matrix: row j, column i. θ is restored.
Matrix loss_plane(Network& net, const Matrix& X, const Matrix& Y, const Vector& d1, const Vector& d2,
                  const std::vector<double>& alphas, const std::vector<double>& betas);

}  // namespace lab
