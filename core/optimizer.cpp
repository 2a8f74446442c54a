// The five optimizers (see optimizer.hpp). Each update rule is written above the line that
// applies it; all of them are vector expressions without temporaries.
#include "core/optimizer.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/json_fields.hpp"

namespace lab {
namespace {

class Sgd final : public Optimizer {
 public:
  void step(Vector& p, const Vector& g, double lr) override {
    // p ← p − η g
    p.noalias() -= lr * g;
  }
  void reset() override {}
  std::string_view name() const override { return "sgd"; }
};

class Momentum final : public Optimizer {
 public:
  Momentum(double mu, Index n) : mu_(mu), v_(Vector::Zero(n)) {}
  void step(Vector& p, const Vector& g, double lr) override {
    // v ← μ v − η g;  p ← p + v
    v_ = mu_ * v_ - lr * g;
    p += v_;
  }
  void reset() override { v_.setZero(); }
  std::string_view name() const override { return "momentum"; }

 private:
  double mu_;
  Vector v_;  // (P) velocity
};

class Nesterov final : public Optimizer {
 public:
  Nesterov(double mu, Index n) : mu_(mu), v_(Vector::Zero(n)), v_prev_(Vector::Zero(n)) {}
  void step(Vector& p, const Vector& g, double lr) override {
    // v_prev ← v;  v ← μ v − η g;  p ← p − μ v_prev + (1 + μ) v   (Sutskever's form)
    v_prev_ = v_;
    v_ = mu_ * v_ - lr * g;
    p += (1.0 + mu_) * v_ - mu_ * v_prev_;
  }
  void reset() override {
    v_.setZero();
    v_prev_.setZero();
  }
  std::string_view name() const override { return "nesterov"; }

 private:
  double mu_;
  Vector v_;       // (P) velocity
  Vector v_prev_;  // (P) velocity before this step
};

class RmsProp final : public Optimizer {
 public:
  RmsProp(double rho, double eps, Index n) : rho_(rho), eps_(eps), s_(Vector::Zero(n)) {}
  void step(Vector& p, const Vector& g, double lr) override {
    // s ← ρ s + (1 − ρ) g²;  p ← p − η g / (√s + ε)
    s_ = rho_ * s_ + (1.0 - rho_) * g.cwiseAbs2();
    p.array() -= lr * g.array() / (s_.array().sqrt() + eps_);
  }
  void reset() override { s_.setZero(); }
  std::string_view name() const override { return "rmsprop"; }

 private:
  double rho_, eps_;
  Vector s_;  // (P) running mean of g²
};

class Adam final : public Optimizer {
 public:
  Adam(double beta1, double beta2, double eps, Index n)
      : beta1_(beta1), beta2_(beta2), eps_(eps), m_(Vector::Zero(n)), v_(Vector::Zero(n)) {}
  void step(Vector& p, const Vector& g, double lr) override {
    ++t_;
    // m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
    m_ = beta1_ * m_ + (1.0 - beta1_) * g;
    v_ = beta2_ * v_ + (1.0 - beta2_) * g.cwiseAbs2();
    // m̂ = m / (1 − β1^t);  v̂ = v / (1 − β2^t);  p ← p − η m̂ / (√v̂ + ε)
    const double m_scale = 1.0 / (1.0 - std::pow(beta1_, static_cast<double>(t_)));
    const double v_scale = 1.0 / (1.0 - std::pow(beta2_, static_cast<double>(t_)));
    p.array() -= lr * (m_.array() * m_scale) / ((v_.array() * v_scale).sqrt() + eps_);
  }
  void reset() override {
    m_.setZero();
    v_.setZero();
    t_ = 0;
  }
  std::string_view name() const override { return "adam"; }

 private:
  double beta1_, beta2_, eps_;
  Vector m_;  // (P) first moment
  Vector v_;  // (P) second moment
  long t_ = 0;
};

void check_coefficient(double value, double lo, double hi, bool open_hi, const char* field) {
  const bool ok = std::isfinite(value) && value >= lo && (open_hi ? value < hi : value <= hi);
  if (!ok)
    throw SpecError(std::string("[Settings] optimizer.") + field + " must be a number in " +
                    format_number(lo) + (open_hi ? "..<" : "..") + format_number(hi) + ", got " +
                    format_number(value));
}

}  // namespace

void validate_optimizer_settings(const OptimizerSettings& s) {
  if (s.name != "sgd" && s.name != "momentum" && s.name != "nesterov" && s.name != "rmsprop" &&
      s.name != "adam")
    throw SpecError("[Settings] optimizer.name: unknown optimizer \"" + s.name +
                    "\"; allowed: sgd, momentum, nesterov, rmsprop, adam");
  check_coefficient(s.momentum, 0.0, 1.0, true, "momentum");
  check_coefficient(s.rho, 0.0, 1.0, true, "rho");
  check_coefficient(s.beta1, 0.0, 1.0, true, "beta1");
  check_coefficient(s.beta2, 0.0, 1.0, true, "beta2");
  check_coefficient(s.eps, 1e-300, 1.0, false, "eps");
}

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& s, Index n) {
  validate_optimizer_settings(s);
  if (s.name == "momentum") return std::make_unique<Momentum>(s.momentum, n);
  if (s.name == "nesterov") return std::make_unique<Nesterov>(s.momentum, n);
  if (s.name == "rmsprop") return std::make_unique<RmsProp>(s.rho, s.eps, n);
  if (s.name == "adam") return std::make_unique<Adam>(s.beta1, s.beta2, s.eps, n);
  return std::make_unique<Sgd>();
}

}  // namespace lab
