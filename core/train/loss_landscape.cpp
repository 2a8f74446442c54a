// The loss along a line and on a plane around the current weights (see loss_landscape.hpp).
#include "core/train/loss_landscape.hpp"

#include <string>

#include "core/base/errors.hpp"
#include "core/base/rng.hpp"

namespace lab {
namespace {

void check_direction(const Network& net, const Vector& d, const char* name) {
  if (d.size() != net.parameter_count())
    throw ShapeError(std::string("[Landscape] ") + name + " has " + std::to_string(d.size()) +
                     " entries; the network has " + std::to_string(net.parameter_count()) + " parameters");
}

// Puts θ back when the evaluation ends, also when it throws.
struct Restore {
  Network& net;
  Vector theta;
  ~Restore() { net.parameter_storage() = theta; }
};

}  // namespace

Vector filter_normalize(const Network& net, Vector d) {
  check_direction(net, d, "direction");
  const Vector& theta = net.parameters();
  Vector out = Vector::Zero(theta.size());  // biases: 0
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    const Index offset = net.layer_offset(i);
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      if (!block.is_weight) continue;
      for (Index r = 0; r < block.rows; ++r) {
        const Index start = offset + block.offset + r * block.cols;  // a row-major row: one unit's weights
        // d_row ← d_row / ‖d_row‖ · ‖θ_row‖
        const double d_norm = d.segment(start, block.cols).norm();
        const double theta_norm = theta.segment(start, block.cols).norm();
        if (d_norm > 0.0) out.segment(start, block.cols) = d.segment(start, block.cols) * (theta_norm / d_norm);
      }
    }
  }
  return out;
}

Vector filter_normalized_direction(const Network& net, std::uint64_t seed) {
  Rng rng(seed);
  Vector d(net.parameter_count());
  for (Index k = 0; k < d.size(); ++k) d(k) = rng.normal();
  return filter_normalize(net, std::move(d));
}

Vector gradient_direction(Network& net, const Matrix& X, const Matrix& Y) {
  net.compute_gradients(X, Y, false);
  return filter_normalize(net, -net.gradients());
}

std::vector<double> loss_along(Network& net, const Matrix& X, const Matrix& Y, const Vector& direction,
                               const std::vector<double>& alphas) {
  check_direction(net, direction, "direction");
  net.check_targets(X, Y);
  Restore restore{net, net.parameters()};
  std::vector<double> out;
  out.reserve(alphas.size());
  for (double alpha : alphas) {
    // θ + α d
    net.parameter_storage() = restore.theta + alpha * direction;
    out.push_back(net.loss_unchecked(X, Y).total());
  }
  return out;
}

Matrix loss_plane(Network& net, const Matrix& X, const Matrix& Y, const Vector& d1, const Vector& d2,
                  const std::vector<double>& alphas, const std::vector<double>& betas) {
  check_direction(net, d1, "d1");
  check_direction(net, d2, "d2");
  net.check_targets(X, Y);
  Restore restore{net, net.parameters()};
  Matrix out(static_cast<Index>(betas.size()), static_cast<Index>(alphas.size()));
  for (std::size_t j = 0; j < betas.size(); ++j)
    for (std::size_t i = 0; i < alphas.size(); ++i) {
      // θ + α_i d₁ + β_j d₂
      net.parameter_storage() = restore.theta + alphas[i] * d1 + betas[j] * d2;
      out(static_cast<Index>(j), static_cast<Index>(i)) = net.loss_unchecked(X, Y).total();
    }
  return out;
}

}  // namespace lab
