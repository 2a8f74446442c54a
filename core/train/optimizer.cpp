// The five optimizers (see optimizer.hpp and docs/design.md, "Optimizers"). Each update rule is
// written above the line that applies it; all of them are vector expressions without temporaries.
// η stays inside the velocity (v ← μv − ηg), so under a schedule a new η acts on new gradients only.
#include "core/train/optimizer.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"

namespace lab {
namespace {

class Sgd final : public Optimizer {
 public:
  using Optimizer::Optimizer;

 private:
  void update(Vector& p, const Vector& g, double lr) override {
    // p ← p − η g
    p.noalias() -= lr * g;
  }
  void clear() override {}
  std::vector<NamedVector> vectors() const override { return {}; }
  void load(const std::vector<NamedVector>&) override {}
};

class Momentum final : public Optimizer {
 public:
  Momentum(const OptimizerSettings& s, Index n) : Optimizer(s), mu_(s.momentum), v_(Vector::Zero(n)) {}

 private:
  void update(Vector& p, const Vector& g, double lr) override {
    // v ← μ v − η g;  p ← p + v
    v_ = mu_ * v_ - lr * g;
    p += v_;
  }
  void clear() override { v_.setZero(); }
  std::vector<NamedVector> vectors() const override { return {{"v", v_}}; }
  void load(const std::vector<NamedVector>& s) override { v_ = s[0].value; }

  double mu_;
  Vector v_;  // (P) velocity
};

class Nesterov final : public Optimizer {
 public:
  Nesterov(const OptimizerSettings& s, Index n)
      : Optimizer(s), mu_(s.momentum), v_(Vector::Zero(n)), v_prev_(Vector::Zero(n)) {}

 private:
  void update(Vector& p, const Vector& g, double lr) override {
    // v_prev ← v;  v ← μ v − η g;  p ← p − μ v_prev + (1 + μ) v   (Sutskever's form)
    v_prev_ = v_;
    v_ = mu_ * v_ - lr * g;
    p += (1.0 + mu_) * v_ - mu_ * v_prev_;
  }
  void clear() override {
    v_.setZero();
    v_prev_.setZero();
  }
  // v_prev is scratch: every step sets it from v first.
  std::vector<NamedVector> vectors() const override { return {{"v", v_}}; }
  void load(const std::vector<NamedVector>& s) override { v_ = s[0].value; }

  double mu_;
  Vector v_;       // (P) velocity
  Vector v_prev_;  // (P) velocity before this step
};

class RmsProp final : public Optimizer {
 public:
  RmsProp(const OptimizerSettings& s, Index n) : Optimizer(s), rho_(s.rho), eps_(s.eps), s_(Vector::Zero(n)) {}

 private:
  void update(Vector& p, const Vector& g, double lr) override {
    // s ← ρ s + (1 − ρ) g²;  p ← p − η g / (√s + ε)
    s_ = rho_ * s_ + (1.0 - rho_) * g.cwiseAbs2();
    p.array() -= lr * g.array() / (s_.array().sqrt() + eps_);
  }
  void clear() override { s_.setZero(); }
  std::vector<NamedVector> vectors() const override { return {{"s", s_}}; }
  void load(const std::vector<NamedVector>& s) override { s_ = s[0].value; }

  double rho_, eps_;
  Vector s_;  // (P) running mean of g²
};

class Adam final : public Optimizer {
 public:
  Adam(const OptimizerSettings& s, Index n)
      : Optimizer(s), beta1_(s.beta1), beta2_(s.beta2), eps_(s.eps), m_(Vector::Zero(n)), v_(Vector::Zero(n)) {}

  std::vector<NamedVector> derived() const override {
    if (steps() == 0) return {};
    return {{"m_hat", m_ * m_scale()}, {"v_hat", v_ * v_scale()}};
  }

 private:
  void update(Vector& p, const Vector& g, double lr) override {
    // m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
    m_ = beta1_ * m_ + (1.0 - beta1_) * g;
    v_ = beta2_ * v_ + (1.0 - beta2_) * g.cwiseAbs2();
    // m̂ = m / (1 − β1^t);  v̂ = v / (1 − β2^t);  p ← p − η m̂ / (√v̂ + ε)
    const double m_scale_t = m_scale(), v_scale_t = v_scale();
    p.array() -= lr * (m_.array() * m_scale_t) / ((v_.array() * v_scale_t).sqrt() + eps_);
  }
  // 1 / (1 − β1^t) and 1 / (1 − β2^t) for the current t (derived() multiplies by the same numbers)
  double m_scale() const { return 1.0 / (1.0 - std::pow(beta1_, static_cast<double>(steps()))); }
  double v_scale() const { return 1.0 / (1.0 - std::pow(beta2_, static_cast<double>(steps()))); }
  void clear() override {
    m_.setZero();
    v_.setZero();
  }
  std::vector<NamedVector> vectors() const override { return {{"m", m_}, {"v", v_}}; }
  void load(const std::vector<NamedVector>& s) override {
    m_ = s[0].value;
    v_ = s[1].value;
  }

  double beta1_, beta2_, eps_;
  Vector m_;  // (P) first moment
  Vector v_;  // (P) second moment
};

void check_coefficient(double value, double lo, double hi, bool open_hi, const char* field) {
  const bool ok = std::isfinite(value) && value >= lo && (open_hi ? value < hi : value <= hi);
  if (!ok)
    throw SpecError(std::string("[Settings] optimizer.") + field + " must be a number in " + format_number(lo) +
                    (open_hi ? "..<" : "..") + format_number(hi) + ", got " + format_number(value));
}

// "m, v" for error messages.
std::string names_of(const std::vector<NamedVector>& vectors) {
  std::string out;
  for (const NamedVector& v : vectors) out += (out.empty() ? "" : ", ") + v.name;
  return out.empty() ? "none" : out;
}

}  // namespace

void Optimizer::set_state(const OptimizerState& state) {
  const std::string tag = "[Optimizer] " + settings_.name + " state";
  if (state.t < 0) throw SpecError(tag + ".t must be an integer ≥ 0, got " + std::to_string(state.t));
  const std::vector<NamedVector> own = vectors();
  if (state.vectors.size() != own.size())
    throw SpecError(tag + " holds the vectors " + names_of(own) + ", got " + names_of(state.vectors));
  for (std::size_t i = 0; i < own.size(); ++i) {
    const NamedVector& v = state.vectors[i];
    const std::string field = tag + "." + own[i].name;
    if (v.name != own[i].name)
      throw SpecError(tag + " holds the vectors " + names_of(own) + " in this order, got " + names_of(state.vectors));
    if (v.value.size() != own[i].value.size())
      throw SpecError(field + " must hold " + std::to_string(own[i].value.size()) +
                      " numbers (one per parameter), got " + std::to_string(v.value.size()));
    if (!v.value.allFinite()) throw SpecError(field + " must hold finite numbers only");
    // squared-gradient averages go under a square root
    const bool squares = settings_.name == "rmsprop" || (settings_.name == "adam" && own[i].name == "v");
    if (squares && v.value.minCoeff() < 0.0)
      throw SpecError(field + " is a mean of squared gradients and must be ≥ 0, got " +
                      format_number(v.value.minCoeff()));
  }
  load(state.vectors);
  t_ = state.t;
}

void validate_optimizer_settings(const OptimizerSettings& s) {
  if (s.name != "sgd" && s.name != "momentum" && s.name != "nesterov" && s.name != "rmsprop" && s.name != "adam")
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
  if (s.name == "momentum") return std::make_unique<Momentum>(s, n);
  if (s.name == "nesterov") return std::make_unique<Nesterov>(s, n);
  if (s.name == "rmsprop") return std::make_unique<RmsProp>(s, n);
  if (s.name == "adam") return std::make_unique<Adam>(s, n);
  return std::make_unique<Sgd>(s);
}

Vector flatten_state(const OptimizerState& state) {
  Index size = 0;
  for (const NamedVector& v : state.vectors) size += v.value.size();
  Vector flat(size);
  Index offset = 0;
  for (const NamedVector& v : state.vectors) {
    flat.segment(offset, v.value.size()) = v.value;
    offset += v.value.size();
  }
  return flat;
}

OptimizerState unflatten_state(const Optimizer& optimizer, double t, const Vector& flat) {
  const std::string tag = "[Optimizer] " + std::string(optimizer.name()) + " state";
  if (!(t >= 0.0) || t != std::floor(t) || t > 1e15)
    throw SpecError(tag + ".t must be an integer ≥ 0, got " + format_number(t));
  OptimizerState state = optimizer.state();
  state.t = static_cast<long>(t);
  const Index expected = flatten_state(state).size();
  if (flat.size() != expected)
    throw SpecError(tag + ".values must hold " + std::to_string(expected) + " numbers (" + names_of(state.vectors) +
                    ", one per parameter each), got " + std::to_string(flat.size()));
  Index offset = 0;
  for (NamedVector& v : state.vectors) {
    v.value = flat.segment(offset, v.value.size());
    offset += v.value.size();
  }
  return state;
}

}  // namespace lab
