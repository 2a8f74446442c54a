// Values and Jacobians of the activations (see activation.hpp). Each derivative's formula is
// written above the line that applies it.
#include "core/nn/activation.hpp"

#include "core/base/errors.hpp"

namespace lab {
namespace {

struct NamedKind {
  ActivationKind kind;
  const char* name;
};
constexpr NamedKind kRegistry[] = {
    {ActivationKind::identity, "identity"},
    {ActivationKind::sigmoid, "sigmoid"},
    {ActivationKind::tanh, "tanh"},
    {ActivationKind::relu, "relu"},
    {ActivationKind::leaky_relu, "leaky_relu"},
    {ActivationKind::softmax, "softmax"},
};

}  // namespace

void Activation::activate(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  switch (kind) {
    case ActivationKind::identity: a = z; break;
    case ActivationKind::sigmoid:
      // σ(z) = 1 / (1 + e^(−z))
      a = (1.0 + (-z.array()).exp()).inverse().matrix();
      break;
    case ActivationKind::tanh: a = z.array().tanh().matrix(); break;
    case ActivationKind::relu: a = z.cwiseMax(0.0); break;
    case ActivationKind::leaky_relu: a = (z.array() > 0.0).select(z, alpha * z); break;
    case ActivationKind::softmax:
      // softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z), per column (shifted for stability)
      for (Index col = 0; col < z.cols(); ++col) {
        a.col(col) = (z.col(col).array() - z.col(col).maxCoeff()).exp().matrix();
        a.col(col) /= a.col(col).sum();
      }
      break;
  }
}

void Activation::apply_jacobian(const Matrix& z, const Matrix& a, const Matrix& g, Matrix& out) const {
  out.resize(z.rows(), z.cols());
  switch (kind) {
    case ActivationKind::identity:
      // f'(z) = 1
      out = g;
      break;
    case ActivationKind::sigmoid:
      // σ'(z) = σ(z) (1 − σ(z)) = a (1 − a)
      out = (g.array() * a.array() * (1.0 - a.array())).matrix();
      break;
    case ActivationKind::tanh:
      // tanh'(z) = 1 − tanh²(z) = 1 − a²
      out = (g.array() * (1.0 - a.array().square())).matrix();
      break;
    case ActivationKind::relu:
      // relu'(z) = 1 if z > 0, else 0 (0 at the kink)
      out = (z.array() > 0.0).select(g, 0.0);
      break;
    case ActivationKind::leaky_relu:
      // leaky'(z) = 1 if z > 0, else α
      out = (z.array() > 0.0).select(g, alpha * g);
      break;
    case ActivationKind::softmax:
      // J = diag(a) − a aᵀ, so Jᵀg = a ⊙ (g − (aᵀg)) per column
      out = (a.array() * (g.rowwise() - a.cwiseProduct(g).colwise().sum()).array()).matrix();
      break;
  }
}

void Activation::derivative(const Matrix& z, const Matrix& a, Matrix& out) const {
  switch (kind) {
    // the diagonal of J = diag(a) − a aᵀ: a ⊙ (1 − a)
    case ActivationKind::softmax: out = (a.array() * (1.0 - a.array())).matrix(); break;
    // f'(z) = J_f(z)ᵀ · 1 for an element-wise f
    default: apply_jacobian(z, a, Matrix::Ones(z.rows(), z.cols()), out);
  }
}

std::string_view Activation::name() const { return activation_name(kind); }

ActivationKind activation_from_name(std::string_view name, std::string_view field) {
  for (const auto& entry : kRegistry)
    if (name == entry.name) return entry.kind;
  std::string allowed;
  for (const auto& entry : kRegistry) allowed += (allowed.empty() ? "" : ", ") + std::string(entry.name);
  throw SpecError("[Spec] " + std::string(field) + ": unknown activation \"" + std::string(name) +
                  "\"; allowed: " + allowed);
}

std::string_view activation_name(ActivationKind kind) {
  for (const auto& entry : kRegistry)
    if (entry.kind == kind) return entry.name;
  return "unknown";
}

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : kRegistry) out.emplace_back(entry.name);
    return out;
  }();
  return names;
}

}  // namespace lab
