// The gradient test along a direction and its verdict (see gradient_check.hpp): the zero- and
// first-order errors, their rates, the rounding floor, the fitted slopes, and the sentences that
// say what they mean.
#include "core/check/gradient_check.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>
#include <limits>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/rng.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[GradientTest]";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rounding noise of a difference of two F values is a few ulps of |F|; below this many ulps the
// first-order error is taken to be at the floating-point floor.
constexpr double kFloorUlps = 1000.0;
// "Far above the floor": more than this many times its level. A first-order error that lands on
// the floor from that far in one halving of ε did not fall like a power of ε: F became exactly
// linear along d. A zero-order error at ε₀ no farther above it means ε₀ is too small to test (see explain).
constexpr double kFarAboveFloor = 1000.0;

// Slope of log2 e against log2 ε over the points k < end with e > 0, fitted by Theil–Sen: the
// median of the slopes between every pair of points. Unlike least squares it is not pulled off by
// the first, large ε where higher-order terms (or a ReLU kink crossed) still dominate.
double fitted_slope(const std::vector<double>& epsilon, const std::vector<double>& error, int end) {
  std::vector<double> slopes;
  for (int i = 0; i < end; ++i)
    for (int j = i + 1; j < end; ++j)
      if (error[i] > 0.0 && error[j] > 0.0)
        // (log2 e_j − log2 e_i) / (log2 ε_j − log2 ε_i)
        slopes.push_back((std::log2(error[j]) - std::log2(error[i])) / (std::log2(epsilon[j]) - std::log2(epsilon[i])));
  if (slopes.empty()) return kNaN;
  const std::size_t middle = slopes.size() / 2;
  std::nth_element(slopes.begin(), slopes.begin() + static_cast<long>(middle), slopes.end());
  if (slopes.size() % 2 == 1) return slopes[middle];
  const double upper = slopes[middle];
  return 0.5 * (upper + *std::max_element(slopes.begin(), slopes.begin() + static_cast<long>(middle)));
}

// log2(from / to), as a difference of logarithms so that it cannot overflow; NaN when an error is 0.
double rate(double from, double to) { return from > 0.0 && to > 0.0 ? std::log2(from) - std::log2(to) : kNaN; }

// Why fitted_slope found no slope over the points k < end ("" when it found one): fewer than two
// errors there lie above 0, and every error at or below the floor counts as the floor.
std::string missing_slope_note(const std::string& order, const std::vector<double>& error, int end, double slope) {
  if (!std::isnan(slope)) return "";
  const auto above = std::count_if(error.begin(), error.begin() + end, [](double e) { return e > 0.0; });
  return above == 0 ? "every " + order + " error is at the rounding floor, so there is no slope to fit"
                    : "only one " + order + " error lies above the rounding floor, and a slope needs two";
}

// "first-order slope 2.01", or "no first-order slope: <why>" when it is NaN.
std::string slope_text(const std::string& order, double slope, const std::string& note) {
  return std::isnan(slope) ? "no " + order + " slope: " + note : order + " slope " + format_fixed(slope, 2);
}

// What moves along d, for the sentences: "in W2", "in the weights"; nothing for "all".
std::string moved(Wrt wrt) {
  if (wrt == Wrt::all) return "";
  const std::string name(wrt_name(wrt));
  if (wrt == Wrt::weights || wrt == Wrt::biases || wrt == Wrt::input) return " in the " + name;
  return " in " + name;
}

void explain(GradientTestResult& r, int K, Wrt wrt) {
  const double s0 = r.zero_order_slope, s1 = r.first_order_slope;
  const int used = r.floor_index;
  std::string floor_note;
  if (used < K)
    floor_note = " From k = " + std::to_string(used) + " (ε = " + format_scientific(r.epsilon[used]) +
                 ") the first-order error reaches the rounding floor of double precision (about " +
                 format_scientific(r.floor_level) + ") and stops falling, so those points are left out of the verdict.";
  if (used == 0 && r.zero_order[0] <= kFarAboveFloor * r.floor_level) {
    // Every error is tiny because ε is: even a wrong gradient's error ε|dᵀ(g − ∇F)| would be.
    r.verdict = "inconclusive";
    r.explanation = "Every first-order error is at the rounding floor, but F itself hardly changes along d: at ε₀ = " +
                    format_scientific(r.epsilon[0]) + " the zero-order error is " + format_scientific(r.zero_order[0]) +
                    ", not even 1000 times the rounding floor (about " + format_scientific(r.floor_level) +
                    "), so a wrong gradient would look exact too; start from a larger ε₀.";
    return;
  }
  if (used == 0) {
    // The gradient is checked to a relative precision of floor / zero-order error, better than 1/1000.
    r.verdict = "pass";
    r.explanation = "F is linear" + moved(wrt) + " along d for every ε tested (ε ≤ " + format_scientific(r.epsilon[0]) +
                    "), to within rounding: " + r.first_order_slope_note +
                    "; that is exactly what a correct gradient of a linear function gives.";
    return;
  }
  if (used < K && r.first_order[static_cast<std::size_t>(used - 1)] > kFarAboveFloor * r.floor_level) {
    // A piecewise-linear F (ReLU, leaky ReLU, identity): while x + εd crosses a kink the
    // first-order error is O(ε); once ε is small enough to cross none, F is exactly linear along d
    // and the error drops at once to the rounding floor. A wrong gradient never does that: its
    // error keeps falling only like ε.
    r.verdict = "pass";
    r.explanation =
        "F is piecewise linear along d (ReLU-like kinks): for ε ≥ " + format_scientific(r.epsilon[used - 1]) +
        " the step crosses a kink, so the first-order error is large there, but from k = " + std::to_string(used) +
        " (ε = " + format_scientific(r.epsilon[used]) +
        ") it drops at once to the rounding floor: F is exactly linear there and the gradient "
        "matches it exactly. The slopes before the drop measure the kinks, not the gradient.";
    return;
  }
  if (used < 3) {
    r.verdict = "inconclusive";
    r.explanation = "Only " + std::to_string(used) +
                    " value(s) of ε lie above the rounding floor, too few "
                    "to measure a slope; start from a larger ε₀." +
                    floor_note;
    return;
  }
  // The last rates before the floor show the asymptotic order: O(ε) there means a small but real
  // gradient error even when the first points still fall like ε².
  double tail = 0.0;
  int tail_count = 0;
  for (int k = used - 2; k >= 0 && tail_count < 3; --k)
    if (std::isfinite(r.first_order_rate[k])) {
      tail += r.first_order_rate[k];
      ++tail_count;
    }
  tail = tail_count > 0 ? tail / tail_count : s1;
  const bool first_ok = s1 >= 1.7 && tail >= 1.5;
  const bool zero_ok = std::abs(s0 - 1.0) <= 0.3;
  // s1 is a number here (3 or more points above the floor); s0 may not be (F flat along d).
  // (appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "(" + a temporary string here)
  std::string slopes = "(";
  slopes += slope_text("first-order", s1, r.first_order_slope_note);
  slopes += ", ";
  slopes += slope_text("zero-order", s0, r.zero_order_slope_note);
  slopes += ")";
  if (first_ok && zero_ok) {
    r.verdict = "pass";
    r.explanation = "Each halving of ε divides the first-order error by about " + format_fixed(std::exp2(s1), 1) +
                    " and the zero-order error by about " + format_fixed(std::exp2(s0), 1) + " " + slopes +
                    ": the error falls as O(ε²), so the gradient matches the function." + floor_note;
  } else if (first_ok) {
    r.verdict = "inconclusive";
    r.explanation = "The first-order error falls as O(ε²) but the zero-order error does not yet fall as O(ε) " +
                    slopes +
                    ": along d the curvature outweighs the slope dᵀg for these ε; use more "
                    "iterations (smaller ε) or another seed." +
                    floor_note;
  } else {
    r.verdict = "fail";
    r.explanation = "The first-order error falls only like the zero-order error, O(ε) instead of O(ε²) " + slopes +
                    (s1 >= 1.7 ? ", at least for the smallest ε" : "") +
                    ": the gradient does not match the function, so a derivative is wrong." + floor_note;
  }
}

}  // namespace

Vector seeded_direction(Index size, std::uint64_t seed) {
  Rng rng(seed);
  Vector d(size);
  for (Index i = 0; i < size; ++i) d(i) = rng.normal();
  return d;
}

static_assert(std::size(check_schema::kWrt) == static_cast<std::size_t>(Wrt::input) + 1);

std::string_view wrt_name(Wrt wrt) { return check_schema::wrt.choices[static_cast<std::size_t>(wrt)].name; }

void validate_gradient_test_settings(const GradientTestSettings& s) {
  check_field(check_schema::epsilon0, s.epsilon0, kTag, "epsilon0");
  check_field(check_schema::iterations, s.iterations, kTag, "iterations");
}

GradientTestResult gradient_test(const std::function<double(const Vector&)>& F, const Vector& x, const Vector& g,
                                 const GradientTestSettings& settings, const std::optional<Vector>& direction) {
  validate_gradient_test_settings(settings);
  if (x.size() == 0) throw ShapeError(std::string(kTag) + " x is empty: there is nothing to test");
  if (g.size() != x.size())
    throw ShapeError(std::string(kTag) + " the gradient has " + std::to_string(g.size()) + " entries but x has " +
                     std::to_string(x.size()));
  Vector d = direction ? *direction : seeded_direction(x.size(), settings.seed);
  if (d.size() != x.size())
    throw ShapeError(std::string(kTag) + " the direction has " + std::to_string(d.size()) + " entries but x has " +
                     std::to_string(x.size()));
  if (!d.allFinite() || d.norm() == 0.0)
    throw DataError(std::string(kTag) + " the direction must be finite and not all zeros");
  d.normalize();

  const int K = settings.iterations;
  GradientTestResult r;
  r.bug = std::string(derivative_bug_name(settings.bug));
  r.value = F(x);
  if (!std::isfinite(r.value))
    throw DataError(std::string(kTag) + " F(x) is not finite (" + format_number(r.value) +
                    "): there is nothing to test");
  r.directional_derivative = d.dot(g);
  if (!std::isfinite(r.directional_derivative))
    throw DataError(std::string(kTag) +
                    " the gradient is not finite: dᵀg = " + format_number(r.directional_derivative));
  Vector step(x.size());
  double largest_value = std::abs(r.value);
  for (int k = 0; k < K; ++k) {
    // ε_k = ε₀ (½)^k
    const double eps = std::ldexp(settings.epsilon0, -k);
    step = x + eps * d;
    const double Fk = F(step);
    if (!std::isfinite(Fk))
      throw DataError(std::string(kTag) + " F(x + εd) is not finite at ε = " + format_scientific(eps) + " (" +
                      format_number(Fk) + "); start from a smaller ε₀");
    largest_value = std::max(largest_value, std::abs(Fk));
    r.epsilon.push_back(eps);
    // zero order: |F(x + ε d) − F(x)|;  first order: |F(x + ε d) − F(x) − ε dᵀg|
    r.zero_order.push_back(std::abs(Fk - r.value));
    r.first_order.push_back(std::abs(Fk - r.value - eps * r.directional_derivative));
  }
  for (int k = 0; k + 1 < K; ++k) {
    r.zero_order_rate.push_back(rate(r.zero_order[k], r.zero_order[k + 1]));
    r.first_order_rate.push_back(rate(r.first_order[k], r.first_order[k + 1]));
  }
  // The floor: errors within kFloorUlps ulps of the values compared, or rising again once small.
  r.floor_level = kFloorUlps * DBL_EPSILON * std::max(largest_value, DBL_MIN);
  r.floor_index = K;
  for (int k = 0; k < K; ++k) {
    const bool tiny = r.first_order[k] <= r.floor_level;
    const bool rising = k > 0 && r.first_order[k] > r.first_order[k - 1] && r.first_order[k] <= 100.0 * r.floor_level;
    if (tiny || rising) {
      r.floor_index = k;
      break;
    }
  }
  r.at_floor.assign(static_cast<std::size_t>(K), false);
  for (int k = r.floor_index; k < K; ++k) r.at_floor[static_cast<std::size_t>(k)] = true;
  // The zero-order error has its own floor only at far smaller ε: fit it over every point above
  // the rounding level (all of them for a linear F, whose first-order error is all floor).
  int zero_order_end = K;
  while (zero_order_end > 0 && r.zero_order[static_cast<std::size_t>(zero_order_end - 1)] <= r.floor_level)
    --zero_order_end;
  r.zero_order_slope = fitted_slope(r.epsilon, r.zero_order, zero_order_end);
  r.first_order_slope = fitted_slope(r.epsilon, r.first_order, r.floor_index);
  r.zero_order_slope_note = missing_slope_note("zero-order", r.zero_order, zero_order_end, r.zero_order_slope);
  r.first_order_slope_note = missing_slope_note("first-order", r.first_order, r.floor_index, r.first_order_slope);
  const auto is_nan = [](double v) { return std::isnan(v); };
  if (std::any_of(r.zero_order_rate.begin(), r.zero_order_rate.end(), is_nan) ||
      std::any_of(r.first_order_rate.begin(), r.first_order_rate.end(), is_nan))
    r.rate_note =
        "There is no rate where one of its two errors is exactly 0 (F(x + εd) came out as the same double "
        "as F(x), or as F(x) + ε dᵀg): 0 has no logarithm.";
  explain(r, K, settings.wrt);
  r.passed = r.verdict == "pass";
  return r;
}

}  // namespace lab
