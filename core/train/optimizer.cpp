// The five optimizers (see optimizer.hpp and docs/design.md, "Optimizers"). Each update rule is
// written above the line that applies it; all of them are vector expressions without temporaries.
// η stays inside the velocity (v ← μv − ηg), so under a schedule a new η acts on new gradients only.
#include "core/train/optimizer.hpp"

#include <cmath>
#include <iterator>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/schema.hpp"

namespace lab {
namespace {

class Sgd final : public Optimizer {
 public:
  using Optimizer::Optimizer;

 private:
  void update(const Vector& p, const Vector& g, double lr, Vector& out) override {
    // p ← p − η g
    out = p - lr * g;
  }
  void clear() override {}
  std::vector<NamedVector> vectors() const override { return {}; }
  void load(const std::vector<NamedVector>&) override {}
};

class Momentum final : public Optimizer {
 public:
  Momentum(const OptimizerSettings& s, Index n) : Optimizer(s), mu_(s.momentum), v_(Vector::Zero(n)) {}

 private:
  void update(const Vector& p, const Vector& g, double lr, Vector& out) override {
    // v ← μ v − η g;  p ← p + v
    v_ = mu_ * v_ - lr * g;
    out = p + v_;
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
  void update(const Vector& p, const Vector& g, double lr, Vector& out) override {
    // v_prev ← v;  v ← μ v − η g;  p ← p − μ v_prev + (1 + μ) v   (Sutskever's form)
    v_prev_ = v_;
    v_ = mu_ * v_ - lr * g;
    out = p + ((1.0 + mu_) * v_ - mu_ * v_prev_);
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
  void update(const Vector& p, const Vector& g, double lr, Vector& out) override {
    // s ← ρ s + (1 − ρ) g²;  p ← p − η g / (√s + ε)
    s_ = rho_ * s_ + (1.0 - rho_) * g.cwiseAbs2();
    out = (p.array() - lr * g.array() / (s_.array().sqrt() + eps_)).matrix();
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
  void update(const Vector& p, const Vector& g, double lr, Vector& out) override {
    // m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
    m_ = beta1_ * m_ + (1.0 - beta1_) * g;
    v_ = beta2_ * v_ + (1.0 - beta2_) * g.cwiseAbs2();
    // m̂ = m / (1 − β1^t);  v̂ = v / (1 − β2^t);  p ← p − η m̂ / (√v̂ + ε)
    const double m_scale_t = m_scale(), v_scale_t = v_scale();
    out = (p.array() - lr * (m_.array() * m_scale_t) / ((v_.array() * v_scale_t).sqrt() + eps_)).matrix();
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

// "m, v" for error messages.
std::string names_of(const std::vector<NamedVector>& vectors) {
  std::string out;
  for (const NamedVector& v : vectors) out += (out.empty() ? "" : ", ") + v.name;
  return out.empty() ? "none" : out;
}

}  // namespace

static_assert(std::size(settings_schema::kOptimizers) == static_cast<std::size_t>(OptimizerKind::lbfgs) + 1);

bool is_full_batch(OptimizerKind kind) {
  return settings_schema::optimizer.choices[static_cast<std::size_t>(kind)].full_batch;
}

std::string_view optimizer_name(OptimizerKind kind) {
  return settings_schema::optimizer.choices[static_cast<std::size_t>(kind)].name;
}

OptimizerKind optimizer_from_name(std::string_view name, std::string_view field) {
  return static_cast<OptimizerKind>(parse_choice(settings_schema::optimizer, name, "[Settings]", field));
}

void Optimizer::set_state(const OptimizerState& state) {
  const std::string tag = "[Optimizer] " + std::string(name()) + " state";
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
    const bool squares =
        settings_.kind == OptimizerKind::rmsprop || (settings_.kind == OptimizerKind::adam && own[i].name == "v");
    if (squares && v.value.minCoeff() < 0.0)
      throw SpecError(field + " is a mean of squared gradients and must be ≥ 0, got " +
                      format_number(v.value.minCoeff()));
  }
  load(state.vectors);
  t_ = state.t;
}

void validate_optimizer_settings(const OptimizerSettings& s) {
  namespace rows = settings_schema;
  constexpr const char* kTag = "[Settings]";
  check_field(rows::momentum, s.momentum, kTag, rows::momentum.path);
  check_field(rows::rho, s.rho, kTag, rows::rho.path);
  check_field(rows::beta1, s.beta1, kTag, rows::beta1.path);
  check_field(rows::beta2, s.beta2, kTag, rows::beta2.path);
  check_field(rows::eps, s.eps, kTag, rows::eps.path);
  check_field(rows::memory, s.memory, kTag, rows::memory.path);
}

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& s, Index n) {
  validate_optimizer_settings(s);
  switch (s.kind) {
    case OptimizerKind::sgd: break;
    case OptimizerKind::momentum: return std::make_unique<Momentum>(s, n);
    case OptimizerKind::nesterov: return std::make_unique<Nesterov>(s, n);
    case OptimizerKind::rmsprop: return std::make_unique<RmsProp>(s, n);
    case OptimizerKind::adam: return std::make_unique<Adam>(s, n);
    case OptimizerKind::lbfgs: {
      std::vector<std::string> steppable;
      for (const Choice& c : settings_schema::kOptimizers)
        if (!c.full_batch) steppable.emplace_back(c.name);
      throw SpecError("[Settings] optimizer.name \"" + std::string(optimizer_name(s.kind)) +
                      "\" takes one step on the whole training set (the Train lab runs it, one iteration per "
                      "epoch); a single mini-batch step needs " +
                      one_of(steppable));
    }
  }
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
