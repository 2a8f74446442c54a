// L-BFGS with a strong-Wolfe line search (see lbfgs.hpp; Nocedal & Wright §7.2, Algorithms 3.5,
// 3.6 and 7.4). Each formula is written above the line that computes it.
#include "core/train/lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/errors.hpp"

namespace lab {

std::string_view lbfgs_outcome_name(LbfgsOutcome outcome) {
  switch (outcome) {
    case LbfgsOutcome::moved: return "moved";
    case LbfgsOutcome::converged: return "converged";
    case LbfgsOutcome::stalled: return "stalled";
    case LbfgsOutcome::not_finite: return "not_finite";
  }
  return "unknown";
}

Lbfgs::Lbfgs(int memory, Index parameter_count, double tolerance) : memory_(memory), tolerance_(tolerance) {
  if (memory < 1) throw SpecError("[L-BFGS] the memory m must be 1 or more, got " + std::to_string(memory));
  const auto m = static_cast<std::size_t>(memory);
  s_.assign(m, Vector::Zero(parameter_count));
  y_.assign(m, Vector::Zero(parameter_count));
  rho_ = Vector::Zero(memory);
  alpha_ = Vector::Zero(memory);
  for (Vector* v : {&x_, &g_, &d_, &trial_x_, &trial_g_, &best_x_, &best_g_}) v->setZero(parameter_count);
}

void Lbfgs::reset() {
  newest_ = -1;
  count_ = 0;
  has_point_ = false;
  function_evaluations_ = 0;
  gradient_evaluations_ = 0;
  iterations_ = 0;
}

void Lbfgs::direction() {
  const int m = memory_;
  const auto slot = [&](int k) { return static_cast<std::size_t>((newest_ - k + m) % m); };  // k = 0: newest
  // q ← g
  d_ = g_;
  for (int k = 0; k < count_; ++k) {
    const std::size_t i = slot(k);
    // αᵢ = ρᵢ sᵢᵀ q;  q ← q − αᵢ yᵢ   (newest pair first)
    alpha_(k) = rho_(static_cast<Index>(i)) * s_[i].dot(d_);
    d_ -= alpha_(k) * y_[i];
  }
  const std::size_t newest = slot(0);
  // r = γ q with H₀ = γ I,  γ = sᵀy / yᵀy of the newest pair
  d_ *= s_[newest].dot(y_[newest]) / y_[newest].squaredNorm();
  for (int k = count_ - 1; k >= 0; --k) {
    const std::size_t i = slot(k);
    // β = ρᵢ yᵢᵀ r;  r ← r + sᵢ (αᵢ − β)   (oldest pair first)
    const double beta = rho_(static_cast<Index>(i)) * y_[i].dot(d_);
    d_ += s_[i] * (alpha_(k) - beta);
  }
  // d = −H g
  d_ = -d_;
}

bool Lbfgs::store_pair() {
  // s = θ₊ − θ,  y = g₊ − g   (into the scratch vectors, so that a full ring keeps its oldest pair
  // when this one is refused)
  trial_x_ = best_x_ - x_;
  trial_g_ = best_g_ - g_;
  const double sy = trial_x_.dot(trial_g_);
  // kept only when sᵀy > ε ‖y‖² (the curvature condition, ε the machine epsilon as in L-BFGS-B):
  // then H stays positive definite
  if (!(sy > std::numeric_limits<double>::epsilon() * trial_g_.squaredNorm())) return false;
  newest_ = (newest_ + 1) % memory_;
  const auto i = static_cast<std::size_t>(newest_);
  s_[i].swap(trial_x_);
  y_[i].swap(trial_g_);
  // ρ = 1 / yᵀs
  rho_(newest_) = 1.0 / sy;
  count_ = std::min(count_ + 1, memory_);
  return true;
}

Lbfgs::Trial Lbfgs::evaluate(double alpha, const Objective& objective) {
  // θ + α d
  trial_x_ = x_ + alpha * d_;
  Trial t;
  t.alpha = alpha;
  t.f = objective(trial_x_, trial_g_);
  ++function_evaluations_;
  ++gradient_evaluations_;
  // φ'(α) = g(θ + α d)ᵀ d
  t.slope = trial_g_.dot(d_);
  t.finite = std::isfinite(t.f) && std::isfinite(t.slope) && trial_g_.allFinite();
  return t;
}

void Lbfgs::accept(const Trial& t, Search& search) {
  best_x_ = trial_x_;
  best_g_ = trial_g_;
  search.best = t;
  search.wolfe = true;
}

namespace {

// A trial step between lo and hi (Algorithm 3.6's interpolation): the minimiser of the cubic
// through φ and φ' at both ends, else of the quadratic through φ(lo), φ'(lo), φ(hi), kept at least
// a tenth of the interval away from either end (else the midpoint). A non-finite hi gives lo + w/10.
double interpolate(double a, double fa, double da, double b, double fb, double db, bool b_finite) {
  const double w = b - a;
  if (!b_finite) return a + 0.1 * w;
  double alpha = std::numeric_limits<double>::quiet_NaN();
  // d₁ = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b);  d₂ = sign(b − a) √(d₁² − φ'(a) φ'(b))
  const double d1 = da + db - 3.0 * (fa - fb) / (a - b);
  const double radicand = d1 * d1 - da * db;
  if (radicand >= 0.0) {
    const double d2 = std::copysign(std::sqrt(radicand), w);
    // α = b − (b − a) (φ'(b) + d₂ − d₁) / (φ'(b) − φ'(a) + 2 d₂)   (N&W eq. 3.59)
    alpha = b - w * (db + d2 - d1) / (db - da + 2.0 * d2);
  }
  if (!std::isfinite(alpha)) {
    // α = a − φ'(a) w² / (2 (φ(b) − φ(a) − φ'(a) w))   (the quadratic's minimiser)
    alpha = a - da * w * w / (2.0 * (fb - fa - da * w));
  }
  const double low = std::min(a + 0.1 * w, b - 0.1 * w), high = std::max(a + 0.1 * w, b - 0.1 * w);
  if (!std::isfinite(alpha) || alpha < low || alpha > high) alpha = a + 0.5 * w;
  return alpha;
}

}  // namespace

Lbfgs::Search Lbfgs::zoom(Trial lo, Trial hi, int& budget, Search search, const Objective& objective) {
  while (budget > 0) {
    // an interval narrower than the rounding of α: no smaller step can be told apart
    if (std::abs(hi.alpha - lo.alpha) <= 4.0 * std::numeric_limits<double>::epsilon() * std::abs(hi.alpha)) break;
    const double alpha = interpolate(lo.alpha, lo.f, lo.slope, hi.alpha, hi.f, hi.slope, hi.finite);
    const Trial t = evaluate(alpha, objective);
    --budget;
    // sufficient decrease: φ(α) ≤ φ(0) + c₁ α φ'(0)
    const bool armijo = t.finite && t.f <= phi0_ + kC1 * alpha * slope0_;
    if (!armijo || t.f >= lo.f) {
      hi = t;
      continue;
    }
    // curvature: |φ'(α)| ≤ c₂ |φ'(0)|
    if (std::abs(t.slope) <= -kC2 * slope0_) {
      accept(t, search);
      return search;
    }
    if (t.slope * (hi.alpha - lo.alpha) >= 0.0) hi = lo;
    lo = t;
  }
  return search;
}

Lbfgs::Search Lbfgs::line_search(double alpha0, const Objective& objective) {
  int budget = kMaxLineSearch;
  Search search;
  Trial previous{0.0, phi0_, slope0_, true};
  double alpha = alpha0;
  for (int i = 1; budget > 0; ++i) {
    const Trial t = evaluate(alpha, objective);
    --budget;
    // sufficient decrease: φ(α) ≤ φ(0) + c₁ α φ'(0)
    const bool armijo = t.finite && t.f <= phi0_ + kC1 * alpha * slope0_;
    if (!armijo || (i > 1 && t.f >= previous.f)) return zoom(previous, t, budget, search, objective);
    // curvature: |φ'(α)| ≤ c₂ |φ'(0)|
    if (std::abs(t.slope) <= -kC2 * slope0_) {
      accept(t, search);
      return search;
    }
    if (t.slope >= 0.0) return zoom(t, previous, budget, search, objective);
    previous = t;
    // still descending with a steep slope: a longer step
    alpha *= 4.0;
  }
  return search;
}

LbfgsIteration Lbfgs::iterate(Vector& theta, const Objective& objective) {
  LbfgsIteration result;
  const long evaluations_before = function_evaluations_;
  ++iterations_;
  if (!has_point_ || theta.size() != x_.size() || theta != x_) {
    x_ = theta;
    f_ = objective(x_, g_);
    ++function_evaluations_;
    ++gradient_evaluations_;
    has_point_ = true;
  }
  const auto finish = [&](LbfgsOutcome outcome) {
    result.outcome = outcome;
    result.f = f_;
    result.gradient_norm = g_.norm();
    result.evaluations = static_cast<int>(function_evaluations_ - evaluations_before);
    return result;
  };
  if (!std::isfinite(f_) || !g_.allFinite()) {
    has_point_ = false;
    return finish(LbfgsOutcome::not_finite);
  }
  if (g_.lpNorm<Eigen::Infinity>() <= tolerance_) return finish(LbfgsOutcome::converged);

  bool steepest = count_ == 0;
  if (!steepest) {
    direction();
    // φ'(0) = gᵀd must be negative for d to descend
    slope0_ = g_.dot(d_);
    if (!(slope0_ < 0.0) || !d_.allFinite()) steepest = true;
  }
  Search search;
  for (;;) {
    double alpha0 = 1.0;
    if (steepest) {
      // d = −g, first tried with the step α₀ = 1 / ‖g‖ (a unit move), as L-BFGS-B does
      d_ = -g_;
      slope0_ = -g_.squaredNorm();
      alpha0 = 1.0 / g_.norm();
    }
    phi0_ = f_;
    search = line_search(alpha0, objective);
    if (search.wolfe || steepest) break;
    // the quasi-Newton direction gave no strong-Wolfe step: forget the pairs, try −g
    newest_ = -1;
    count_ = 0;
    steepest = true;
  }
  result.steepest = steepest;
  // only a step that satisfies both conditions is taken
  if (!search.wolfe) return finish(LbfgsOutcome::stalled);
  result.pair_stored = store_pair();
  x_ = best_x_;
  g_ = best_g_;
  f_ = search.best.f;
  theta = x_;
  result.step = search.best.alpha;
  return finish(LbfgsOutcome::moved);
}

}  // namespace lab
