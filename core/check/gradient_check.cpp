// Gradient tests, Jacobian tests and the element-wise check (see gradient_check.hpp).
#include "core/check/gradient_check.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iomanip>
#include <limits>
#include <numeric>
#include <sstream>

#include "core/base/errors.hpp"
#include "core/base/json_fields.hpp"
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

std::string fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string sci(double value) {
  std::ostringstream out;
  out << std::scientific << std::setprecision(1) << value;
  return out.str();
}

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
  return std::isnan(slope) ? "no " + order + " slope: " + note : order + " slope " + fixed(slope, 2);
}

// What moves along d, for the sentences: "in W2", "in the weights"; nothing for "all".
std::string moved(const std::string& wrt) {
  if (wrt == "all") return "";
  if (wrt == "weights" || wrt == "biases" || wrt == "input") return " in the " + wrt;
  return " in " + wrt;
}

// Restores a network's weights and bug switch when a test ends, even by an exception.
class NetworkRestorer {
 public:
  explicit NetworkRestorer(Network& net) : net_(net), params_(net.parameters()), bug_(net.derivative_bug()) {}
  ~NetworkRestorer() {
    net_.set_parameters(params_);
    net_.set_derivative_bug(bug_);
  }
  NetworkRestorer(const NetworkRestorer&) = delete;
  NetworkRestorer& operator=(const NetworkRestorer&) = delete;

 private:
  Network& net_;
  Vector params_;
  DerivativeBug bug_;
};

Vector seeded_direction(Index size, std::uint64_t seed) {
  Rng rng(seed);
  Vector d(size);
  for (Index i = 0; i < size; ++i) d(i) = rng.normal();
  return d;
}

void explain(GradientTestResult& r, int K, const std::string& wrt) {
  const double s0 = r.zero_order_slope, s1 = r.first_order_slope;
  const int used = r.floor_index;
  std::string floor_note;
  if (used < K)
    floor_note = " From k = " + std::to_string(used) + " (ε = " + sci(r.epsilon[used]) +
                 ") the first-order error reaches the rounding floor of double precision (about " + sci(r.floor_level) +
                 ") and stops falling, so those points are left out of the verdict.";
  if (used == 0 && r.zero_order[0] <= kFarAboveFloor * r.floor_level) {
    // Every error is tiny because ε is: even a wrong gradient's error ε|dᵀ(g − ∇F)| would be.
    r.verdict = "inconclusive";
    r.explanation = "Every first-order error is at the rounding floor, but F itself hardly changes along d: at ε₀ = " +
                    sci(r.epsilon[0]) + " the zero-order error is " + sci(r.zero_order[0]) +
                    ", not even 1000 times the rounding floor (about " + sci(r.floor_level) +
                    "), so a wrong gradient would look exact too; start from a larger ε₀.";
    return;
  }
  if (used == 0) {
    // The gradient is checked to a relative precision of floor / zero-order error, better than 1/1000.
    r.verdict = "pass";
    r.explanation = "F is linear" + moved(wrt) + " along d for every ε tested (ε ≤ " + sci(r.epsilon[0]) +
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
        "F is piecewise linear along d (ReLU-like kinks): for ε ≥ " + sci(r.epsilon[used - 1]) +
        " the step crosses a kink, so the first-order error is large there, but from k = " + std::to_string(used) +
        " (ε = " + sci(r.epsilon[used]) +
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
  const std::string slopes = "(" + slope_text("first-order", s1, r.first_order_slope_note) + ", " +
                             slope_text("zero-order", s0, r.zero_order_slope_note) + ")";
  if (first_ok && zero_ok) {
    r.verdict = "pass";
    r.explanation = "Each halving of ε divides the first-order error by about " + fixed(std::exp2(s1), 1) +
                    " and the zero-order error by about " + fixed(std::exp2(s0), 1) + " " + slopes +
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

// A parameter block checked on a seeded sample: its name ("layer 1 W") and its number of entries.
struct SampledBlock {
  std::string name;
  Index size = 0;
};

// result.coverage and result.skipped: how many entries were checked, and why the others were not.
// The only reason is the block quota: each of `blocks` blocks gets `quota` = budget / blocks entries.
void describe_coverage(ElementwiseResult& result, const std::vector<SampledBlock>& sampled, Index quota,
                       std::size_t blocks, Index budget) {
  const std::string checked = std::to_string(result.entries.size());
  const std::string total = std::to_string(result.parameter_count);
  if (sampled.empty()) {
    result.coverage = "All " + total + " entries checked.";
    return;
  }
  SkippedEntries skip{"block_quota", 0, ""};
  for (const SampledBlock& block : sampled) skip.count += block.size - quota;
  const std::string share =
      budget / static_cast<Index>(blocks) > 0
          ? "its budget of " + std::to_string(budget) + " ÷ " + std::to_string(blocks) + ", rounded down"
          : "at least 1, as its budget of " + std::to_string(budget) + " is smaller than the number of blocks";
  const std::string rule = "because the check takes at most " + std::to_string(quota) + " entr" +
                           (quota == 1 ? "y" : "ies") + " from each of the " + std::to_string(blocks) +
                           " parameter blocks (" + share + ") and samples any larger block by seed";
  const std::string count = std::to_string(skip.count);
  if (sampled.size() == 1) {
    skip.explanation = count + " of " + sampled.front().name + "’s " + std::to_string(sampled.front().size) +
                       " entries " + (skip.count == 1 ? "is" : "are") + " left out " + rule;
  } else {
    std::string list;
    for (const SampledBlock& block : sampled)
      list +=
          (list.empty() ? "" : ", ") + block.name + " " + std::to_string(quota) + " of " + std::to_string(block.size);
    skip.explanation = count + " entries are left out (checked: " + list + ") " + rule;
  }
  result.coverage = checked + " of " + total + " entries checked; " + skip.explanation + ".";
  result.skipped.push_back(skip);
}

}  // namespace

void validate_gradient_test_settings(const GradientTestSettings& s) {
  if (!(std::isfinite(s.epsilon0) && s.epsilon0 > 0.0 && s.epsilon0 <= 10.0))
    throw SpecError(std::string(kTag) + " epsilon0 must be a number in 0..10 (above 0), got " +
                    format_number(s.epsilon0));
  if (s.iterations < 3 || s.iterations > 60)
    throw SpecError(std::string(kTag) + " iterations must be an integer in 3..60, got " + std::to_string(s.iterations));
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
      throw DataError(std::string(kTag) + " F(x + εd) is not finite at ε = " + sci(eps) + " (" + format_number(Fk) +
                      "); start from a smaller ε₀");
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

GradientTestResult network_gradient_test(Network& net, const Matrix& X, const Matrix& Y,
                                         const GradientTestSettings& settings, const std::optional<Vector>& direction) {
  validate_gradient_test_settings(settings);
  NetworkRestorer restore(net);
  net.set_derivative_bug(settings.bug);
  net.compute_gradients(X, Y);
  const Vector g = net.gradients();
  const Vector x = net.parameters();
  Vector d = direction ? *direction : seeded_direction(x.size(), settings.seed);
  if (d.size() == x.size()) {
    if (settings.wrt == "weights")
      d = d.cwiseProduct(net.weight_mask());
    else if (settings.wrt == "biases")
      d = d.cwiseProduct(Vector::Ones(x.size()) - net.weight_mask());
    else if (settings.wrt != "all")
      throw SpecError(std::string(kTag) + " wrt must be \"all\", \"weights\" or \"biases\" for a network, got \"" +
                      settings.wrt + "\"");
  }
  const auto F = [&](const Vector& p) {
    net.set_parameters(p);
    return net.loss(X, Y).total();
  };
  GradientTestResult r = gradient_test(F, x, g, settings, d);
  r.target = "network loss w.r.t. " + (settings.wrt == "all" ? std::string("all parameters") : settings.wrt) + " (" +
             std::to_string(x.size()) + " parameters, " + std::to_string(X.cols()) + " samples)";
  return r;
}

GradientTestResult softmax_regression_test(const SoftmaxRegressionProblem& problem,
                                           const GradientTestSettings& settings) {
  if (problem.samples < 1 || problem.samples > 10000)
    throw SpecError(std::string(kTag) + " samples must be an integer in 1..10000, got " +
                    std::to_string(problem.samples));
  if (problem.features < 1 || problem.features > 1000)
    throw SpecError(std::string(kTag) + " features must be an integer in 1..1000, got " +
                    std::to_string(problem.features));
  if (problem.classes < 2 || problem.classes > 100)
    throw SpecError(std::string(kTag) + " classes must be an integer in 2..100, got " +
                    std::to_string(problem.classes));
  // Seed 000 §1.1: X ~ N(0, 1), labels uniform, W and b ~ N(0, 1).
  Rng rng(settings.seed);
  Matrix X(problem.features, problem.samples), Y = Matrix::Zero(problem.classes, problem.samples);
  for (Index j = 0; j < problem.samples; ++j) {
    for (Index i = 0; i < problem.features; ++i) X(i, j) = rng.normal();
    Y(static_cast<Index>(rng.below(static_cast<std::uint64_t>(problem.classes))), j) = 1.0;
  }
  ModelSpec spec;
  spec.input = problem.features;
  LayerSpec softmax;
  softmax.units = problem.classes;
  softmax.activation.kind = ActivationKind::softmax;
  spec.layers.push_back(softmax);
  spec.loss = LossKind::cross_entropy;
  spec.init = {InitScheme::normal, 1.0, settings.seed + 1};
  Network net(spec);
  Vector b(problem.classes);
  for (Index i = 0; i < b.size(); ++i) b(i) = rng.normal();
  Vector p = net.parameters();
  p.tail(problem.classes) = b;
  net.set_parameters(p);

  GradientTestSettings network_settings = settings;
  if (settings.wrt == "W")
    network_settings.wrt = "weights";
  else if (settings.wrt == "b")
    network_settings.wrt = "biases";
  else if (settings.wrt != "all")
    throw SpecError(std::string(kTag) + " wrt must be \"W\", \"b\" or \"all\" for softmax regression, got \"" +
                    settings.wrt + "\"");
  GradientTestResult r = network_gradient_test(net, X, Y, network_settings);
  r.target = "softmax-regression loss w.r.t. " + (settings.wrt == "all" ? std::string("W and b") : settings.wrt) +
             " (" + std::to_string(problem.samples) + " samples, " + std::to_string(problem.features) + " features, " +
             std::to_string(problem.classes) + " classes)";
  return r;
}

GradientTestResult jacobian_test(Network& net, std::size_t layer_index, Index batch,
                                 const GradientTestSettings& settings) {
  validate_gradient_test_settings(settings);
  if (layer_index >= net.layer_count())
    throw SpecError(std::string(kTag) + " layer " + std::to_string(layer_index) + " does not exist; the network has " +
                    std::to_string(net.layer_count()) + " layers (0.." + std::to_string(net.layer_count() - 1) + ")");
  if (batch < 1 || batch > 256)
    throw SpecError(std::string(kTag) + " batch must be an integer in 1..256, got " + std::to_string(batch));
  NetworkRestorer restore(net);
  net.set_derivative_bug(settings.bug);
  Layer& layer = net.mutable_layer(layer_index);
  const Index offset = net.layer_offset(layer_index);

  // x ~ N(0, 1) (in × B) and a fixed u ~ N(0, 1) (out × B)
  Rng rng(settings.seed);
  Matrix x(layer.input_size(), batch), u(layer.output_size(), batch);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
  for (Index i = 0; i < u.size(); ++i) u.data()[i] = rng.normal();
  LayerCache cache;
  layer.forward(x, cache);
  layer.backward(x, u, cache);  // g = Σ f(x) ⊙ u has dg/df = u: backward gives Jᵀu

  const std::string where = std::string(layer.type()) + " layer " + std::to_string(layer_index) + " (" +
                            std::string(layer.activation().name()) + ")";
  GradientTestResult r;
  if (settings.wrt == "input") {
    const auto F = [&](const Vector& flat) {
      LayerCache c;
      layer.forward(flat.reshaped(layer.input_size(), batch), c);
      return c.a.cwiseProduct(u).sum();
    };
    r = gradient_test(F, x.reshaped(), cache.grad_in.reshaped(), settings);
  } else {
    std::string allowed = "input, all";
    Vector mask = Vector::Zero(net.parameter_count());
    bool found = settings.wrt == "all";
    for (const ParamBlock& block : layer.param_blocks()) {
      allowed += ", " + block.name;
      if (settings.wrt == "all" || settings.wrt == block.name) {
        mask.segment(offset + block.offset, block.rows * block.cols).setOnes();
        found = true;
      }
    }
    if (!found)
      throw SpecError(std::string(kTag) + " wrt \"" + settings.wrt + "\" is not a parameter of " + where +
                      "; allowed: " + allowed);
    Vector g = Vector::Zero(net.parameter_count());
    g.segment(offset, layer.param_count()) = net.gradients().segment(offset, layer.param_count());
    const auto F = [&](const Vector& p) {
      net.set_parameters(p);
      LayerCache c;
      layer.forward(x, c);
      return c.a.cwiseProduct(u).sum();
    };
    const Vector start = net.parameters();  // a copy: F moves the network's own vector
    r = gradient_test(F, start, g, settings,
                      seeded_direction(net.parameter_count(), settings.seed + 1).cwiseProduct(mask));
  }
  r.target = "transposed Jacobian of " + where + " w.r.t. " + settings.wrt + " (g = f(x)ᵀu, " + std::to_string(batch) +
             " sample" + (batch == 1 ? "" : "s") + ")";
  return r;
}

double relative_error(double analytic, double numeric) {
  // |a − n| / max(|a|, |n|, 1e-8)
  return std::abs(analytic - numeric) / std::max({std::abs(analytic), std::abs(numeric), 1e-8});
}

ElementwiseResult elementwise_check(Network& net, const Matrix& X, const Matrix& Y,
                                    const ElementwiseSettings& settings) {
  if (!(settings.step > 0.0 && settings.step <= 0.1))
    throw SpecError(std::string(kTag) + " step must be a number in 0..0.1 (above 0), got " +
                    format_number(settings.step));
  if (settings.max_entries < 1 || settings.max_entries > 100000)
    throw SpecError(std::string(kTag) + " max_entries must be an integer in 1..100000, got " +
                    std::to_string(settings.max_entries));
  if (!(settings.tolerance > 0.0))
    throw SpecError(std::string(kTag) + " tolerance must be a number above 0, got " +
                    format_number(settings.tolerance));
  NetworkRestorer restore(net);
  net.set_derivative_bug(settings.bug);
  net.compute_gradients(X, Y);
  const Vector analytic = net.gradients();
  Vector p = net.parameters();

  std::size_t blocks = 0;
  for (std::size_t i = 0; i < net.layer_count(); ++i) blocks += net.layer(i).param_blocks().size();
  const Index quota = std::max<Index>(1, settings.max_entries / static_cast<Index>(blocks));
  Rng rng(settings.seed);
  ElementwiseResult result;
  result.parameter_count = net.parameter_count();
  result.layer_max_error.assign(net.layer_count(), 0.0);
  std::vector<SampledBlock> sampled;
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      const Index count = block.rows * block.cols;
      std::vector<int> picks(static_cast<std::size_t>(count));
      std::iota(picks.begin(), picks.end(), 0);
      if (count > quota) {
        rng.shuffle(picks);
        picks.resize(static_cast<std::size_t>(quota));
        std::sort(picks.begin(), picks.end());
        sampled.push_back({"layer " + std::to_string(i) + " " + block.name, count});
      }
      for (int local : picks) {
        ElementCheck e;
        e.index = net.layer_offset(i) + block.offset + local;
        e.layer = static_cast<Index>(i);
        e.block = block.name;
        e.row = local / block.cols;
        e.col = local % block.cols;
        const double keep = p(e.index);
        p(e.index) = keep + settings.step;
        net.set_parameters(p);
        const double up = net.loss(X, Y).total();
        p(e.index) = keep - settings.step;
        net.set_parameters(p);
        const double down = net.loss(X, Y).total();
        p(e.index) = keep;
        if (!std::isfinite(up) || !std::isfinite(down))
          throw DataError(std::string(kTag) + " the loss is not finite when layer " + std::to_string(i) + " " +
                          block.name + " entry " + std::to_string(local) + " moves by ±" +
                          format_number(settings.step));
        // numeric = (L(p + h e_i) − L(p − h e_i)) / 2h
        e.numeric = (up - down) / (2.0 * settings.step);
        e.analytic = analytic(e.index);
        e.relative_error = relative_error(e.analytic, e.numeric);
        result.max_relative_error = std::max(result.max_relative_error, e.relative_error);
        result.layer_max_error[i] = std::max(result.layer_max_error[i], e.relative_error);
        if (e.relative_error > settings.tolerance) ++result.wrong_entries;
        result.entries.push_back(e);
      }
    }
  }
  result.passed = result.wrong_entries == 0;
  const std::string checked = std::to_string(result.entries.size());
  describe_coverage(result, sampled, quota, blocks, settings.max_entries);
  if (result.passed) {
    result.explanation = "All " + checked + " checked entries agree with central differences (largest relative error " +
                         sci(result.max_relative_error) + ").";
  } else {
    std::string layers;
    for (std::size_t i = 0; i < result.layer_max_error.size(); ++i)
      if (result.layer_max_error[i] > settings.tolerance) layers += (layers.empty() ? "" : ", ") + std::to_string(i);
    result.explanation = std::to_string(result.wrong_entries) + " of " + checked +
                         " checked entries disagree with central differences (largest relative error " +
                         sci(result.max_relative_error) + "), in layer(s) " + layers +
                         ": look for the bug in the backward pass of the highest of them.";
  }
  return result;
}

GradientTestSettings parse_gradient_test_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"epsilon0", "iterations", "seed", "wrt", "bug"});
  GradientTestSettings s;
  s.epsilon0 = fields.number("epsilon0", 1e-300, 10.0, s.epsilon0);
  s.iterations = static_cast<int>(fields.integer("iterations", 3, 60, s.iterations));
  s.seed = static_cast<std::uint64_t>(fields.integer("seed", 0, (std::int64_t{1} << 53) - 1, 1));
  s.wrt = fields.text("wrt", "all");
  s.bug = derivative_bug_from_name(fields.text("bug", "none"), "bug");
  return s;
}

SoftmaxRegressionProblem parse_softmax_regression_problem(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"samples", "features", "classes"});
  SoftmaxRegressionProblem problem;
  problem.samples = static_cast<Index>(fields.integer("samples", 1, 10000, problem.samples));
  problem.features = static_cast<Index>(fields.integer("features", 1, 1000, problem.features));
  problem.classes = static_cast<Index>(fields.integer("classes", 2, 100, problem.classes));
  return problem;
}

ElementwiseSettings parse_elementwise_settings(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"step", "max_entries", "seed", "bug", "tolerance"});
  ElementwiseSettings s;
  s.step = fields.number("step", 1e-12, 0.1, s.step);
  s.max_entries = static_cast<Index>(fields.integer("max_entries", 1, 100000, s.max_entries));
  s.seed = static_cast<std::uint64_t>(fields.integer("seed", 0, (std::int64_t{1} << 53) - 1, 1));
  s.bug = derivative_bug_from_name(fields.text("bug", "none"), "bug");
  s.tolerance = fields.number("tolerance", 1e-15, 1.0, s.tolerance);
  return s;
}

}  // namespace lab
