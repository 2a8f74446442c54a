// Loss values and output gradients (see loss.hpp). Legend: B = batch size, K = outputs.
#include "core/nn/loss.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/nn/spec_schema.hpp"

namespace lab {
namespace {

namespace rows = spec_schema;

}  // namespace

double loss_value(LossKind kind, const Matrix& z, const Matrix& a, const Matrix& y) {
  if (a.rows() != y.rows() || a.cols() != y.cols())
    throw ShapeError("[Loss] targets are " + std::to_string(y.rows()) + " × " + std::to_string(y.cols()) +
                     " but the output is " + std::to_string(a.rows()) + " × " + std::to_string(a.cols()) +
                     " (outputs × samples)");
  const double batch = static_cast<double>(a.cols());
  switch (kind) {
    case LossKind::mse:
      // L = (1/B) Σ_samples ½‖a − y‖²
      return 0.5 * (a - y).squaredNorm() / batch;
    case LossKind::cross_entropy: {
      // L = (1/B) Σ_samples −Σ_k y_k (z_k − lse),  lse = log Σ_j e^(z_j) = z_m − log a_m
      // for a = softmax(z) (spec: cross_entropy comes with a softmax output) and m = argmax z:
      // a_m ≥ 1/K never underflows, and one log per sample replaces K exponentials.
      double total = 0.0;
      for (Index col = 0; col < z.cols(); ++col) {
        Index m = 0;
        z.col(col).maxCoeff(&m);
        const double lse = z(m, col) - std::log(a(m, col));
        total += lse * y.col(col).sum() - y.col(col).dot(z.col(col));
      }
      return total / batch;
    }
    case LossKind::binary_cross_entropy: {
      // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z y + log(1 + e^(−|z|))
      const auto zs = z.array();
      return (zs.max(0.0) - zs * y.array() + (-zs.abs()).exp().log1p()).sum() / batch;
    }
  }
  return 0.0;
}

void loss_output_gradient(const Matrix& a, const Matrix& y, Matrix& out) {
  // mse: dL/da = (a − y)/B;  softmax + cross_entropy and sigmoid + bce: dL/dz = (a − y)/B
  out.resize(a.rows(), a.cols());
  out.noalias() = (a - y) / static_cast<double>(a.cols());
}

bool loss_is_fused(LossKind kind) { return kind != LossKind::mse; }

bool loss_is_classification(LossKind kind) { return kind != LossKind::mse; }

std::string_view loss_name(LossKind kind) { return rows::kLosses[static_cast<std::size_t>(kind)].name; }

LossKind loss_from_name(std::string_view name, std::string_view field) {
  return static_cast<LossKind>(parse_choice(rows::loss, name, "[Spec]", field));
}

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Choice& c : rows::kLosses) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

}  // namespace lab
