// The gradient test's targets (see gradient_targets.hpp): a network's loss, seed 000's
// softmax-regression loss, and one layer's transposed Jacobian, each with its F, g and name.
#include "core/check/gradient_targets.hpp"

#include <string>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/rng.hpp"
#include "core/check/network_restorer.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[GradientTest]";

void check_range(const Field& row, const char* field, Index value) {
  check_field(row, static_cast<double>(value), kTag, field);
}

// A layer's parameter array ("W", "b1") as the wrt that moves it alone.
Wrt wrt_of(const ParamBlock& block) { return static_cast<Wrt>(check_schema::wrt.choice_index(block.name)); }

}  // namespace

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
    if (settings.wrt == Wrt::weights)
      d = d.cwiseProduct(net.weight_mask());
    else if (settings.wrt == Wrt::biases)
      d = d.cwiseProduct(Vector::Ones(x.size()) - net.weight_mask());
    else if (settings.wrt != Wrt::all)
      throw SpecError(std::string(kTag) + " wrt must be \"all\", \"weights\" or \"biases\" for a network, got \"" +
                      std::string(wrt_name(settings.wrt)) + "\"");
  }
  const auto F = [&](const Vector& p) {
    net.set_parameters(p);
    return net.loss(X, Y).total();
  };
  GradientTestResult r = gradient_test(F, x, g, settings, d);
  r.target = "network loss w.r.t. " +
             (settings.wrt == Wrt::all ? std::string("all parameters") : std::string(wrt_name(settings.wrt))) + " (" +
             std::to_string(x.size()) + " parameters, " + std::to_string(X.cols()) + " samples)";
  return r;
}

GradientTestResult softmax_regression_test(const SoftmaxRegressionProblem& problem,
                                           const GradientTestSettings& settings) {
  check_range(check_schema::samples, "samples", problem.samples);
  check_range(check_schema::features, "features", problem.features);
  check_range(check_schema::classes, "classes", problem.classes);
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
  if (settings.wrt == Wrt::W)
    network_settings.wrt = Wrt::weights;
  else if (settings.wrt == Wrt::b)
    network_settings.wrt = Wrt::biases;
  else if (settings.wrt != Wrt::all)
    throw SpecError(std::string(kTag) + " wrt must be \"W\", \"b\" or \"all\" for softmax regression, got \"" +
                    std::string(wrt_name(settings.wrt)) + "\"");
  GradientTestResult r = network_gradient_test(net, X, Y, network_settings);
  r.target = "softmax-regression loss w.r.t. " +
             (settings.wrt == Wrt::all ? std::string("W and b") : std::string(wrt_name(settings.wrt))) + " (" +
             std::to_string(problem.samples) + " samples, " + std::to_string(problem.features) + " features, " +
             std::to_string(problem.classes) + " classes)";
  return r;
}

GradientTestResult jacobian_test(Network& net, std::size_t layer_index, Index batch,
                                 const GradientTestSettings& settings) {
  validate_gradient_test_settings(settings);
  if (layer_index >= net.layer_count())
    throw SpecError(std::string(kTag) + " there is no layer at index " + std::to_string(layer_index) +
                    " (indices count from 0): the network has " + std::to_string(net.layer_count()) +
                    " layers, at indices 0.." + std::to_string(net.layer_count() - 1));
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

  const std::string where =
      std::string(layer.type()) + " " + layer_text(layer_index) + " (" + std::string(layer.activation().name()) + ")";
  GradientTestResult r;
  if (settings.wrt == Wrt::input) {
    const auto F = [&](const Vector& flat) {
      LayerCache c;
      layer.forward(flat.reshaped(layer.input_size(), batch), c);
      return c.a.cwiseProduct(u).sum();
    };
    r = gradient_test(F, x.reshaped(), cache.grad_in.reshaped(), settings);
  } else {
    std::string allowed = "input, all";
    Vector mask = Vector::Zero(net.parameter_count());
    bool found = settings.wrt == Wrt::all;
    for (const ParamBlock& block : layer.param_blocks()) {
      allowed += ", " + block.name;
      if (settings.wrt == Wrt::all || settings.wrt == wrt_of(block)) {
        mask.segment(offset + block.offset, block.rows * block.cols).setOnes();
        found = true;
      }
    }
    if (!found)
      throw SpecError(std::string(kTag) + " wrt \"" + std::string(wrt_name(settings.wrt)) +
                      "\" is not a parameter of " + where + "; allowed: " + allowed);
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
  r.target = "transposed Jacobian of " + where + " w.r.t. " + std::string(wrt_name(settings.wrt)) + " (g = f(x)ᵀu, " +
             std::to_string(batch) + " sample" + (batch == 1 ? "" : "s") + ")";
  return r;
}

}  // namespace lab
