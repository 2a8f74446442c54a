// Memory estimates and their checks (see memory.hpp). Legend: P = parameters, B = batch size,
// n = samples, Σw = the sum of the layers' output widths; 8 bytes a double.
#include "core/train/memory.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/train/lbfgs.hpp"
#include "core/train/optimizer.hpp"

namespace lab {
namespace {

double g_limit = 0.0;  // constant-initialised, so set_memory_limit may run from any static initialiser
// Built on first use, for the same reason (a global std::string could be constructed after a
// static initialiser of another file has set it).
std::string& holder() {
  static std::string name = "the machine";
  return name;
}

constexpr double kDouble = 8.0;

// Binary units, as memory sizes are quoted: 2³¹ bytes is "2.0 GB".
std::string gigabytes(double bytes) {
  constexpr double kGB = 1073741824.0, kMB = 1048576.0;
  char text[32];
  std::snprintf(text, sizeof text, bytes >= kGB ? "%.1f GB" : "%.0f MB", bytes >= kGB ? bytes / kGB : bytes / kMB);
  return text;
}

// Parameters of each layer, and Σw.
struct Shape {
  std::vector<Index> parameters;
  Index widths = 0;
};

Shape shape_of(const ModelSpec& spec) {
  Shape shape;
  Index width = spec.input;
  for (const LayerSpec& layer : spec.layers) {
    if (layer.type == LayerType::residual) {
      // x' = x + W2 f(W1 x + b1): 2w² + w
      shape.parameters.push_back(2 * width * width + width);
      shape.widths += 2 * width;  // h and the output
    } else {
      // z = W a + b: in·out + out (no + out without a bias)
      shape.parameters.push_back(width * layer.units + (layer.bias ? layer.units : 0));
      width = layer.units;
      shape.widths += width;
    }
  }
  return shape;
}

// The index of the layer with the most parameters.
std::size_t largest_layer(const Shape& shape) {
  return static_cast<std::size_t>(std::max_element(shape.parameters.begin(), shape.parameters.end()) -
                                  shape.parameters.begin());
}

// Optimizer state vectors of P doubles (momentum and nesterov v, rmsprop s, adam m and v), as
// the optimizer itself reports them for one parameter.
double state_vectors(const OptimizerSettings& optimizer) {
  // lbfgs: its 2m pairs and the vectors of its line search
  if (is_full_batch(optimizer.kind)) return Lbfgs::state_vectors(optimizer.memory);
  return static_cast<double>(make_optimizer(optimizer, 1)->state().vectors.size());
}

[[noreturn]] void refuse(double needed, const std::string& advice) {
  throw ResourceError("[Memory] about " + gigabytes(needed) + " needed, " + holder() + " allows " + gigabytes(g_limit) +
                      ": " + advice);
}

}  // namespace

void set_memory_limit(double bytes, std::string holder) {
  g_limit = bytes;
  lab::holder() = std::move(holder);
}

double memory_limit() { return g_limit; }

Index spec_parameter_count(const ModelSpec& spec) {
  Index total = 0;
  for (Index count : shape_of(spec).parameters) total += count;
  return total;
}

double network_bytes(const ModelSpec& spec) {
  // params, grads and the weight mask: 3 × P doubles
  return 3.0 * kDouble * static_cast<double>(spec_parameter_count(spec));
}

double training_bytes(const ModelSpec& spec, const TrainSettings& settings, Index n_train, Index n_val) {
  const Shape shape = shape_of(spec);
  const double P = static_cast<double>(spec_parameter_count(spec));
  const double outputs = spec.layers.empty() ? 0.0 : static_cast<double>(spec.layers.back().units);
  const double n = static_cast<double>(n_train + n_val);
  // lbfgs always takes the whole training set
  const Index batch_size = is_full_batch(settings.optimizer.kind) ? n_train : settings.batch_size;
  const double batch = static_cast<double>(std::min<Index>(batch_size, std::max<Index>(n_train, 1)));
  const double widths = static_cast<double>(shape.widths);
  // saved weights (last good, best) and the optimizer's state
  const double weights = (2.0 + state_vectors(settings.optimizer)) * P * kDouble;
  // the trainer's copies of X and Y, and its batch buffers
  const double data = (static_cast<double>(spec.input) + outputs) * (n + 2.0 * batch) * kDouble;
  // a batch's z, a, δ and dL/da per layer, and a full pass's z and a over the larger part
  const double passes = widths * (4.0 * batch + 2.0 * static_cast<double>(std::max(n_train, n_val))) * kDouble;
  return weights + data + passes;
}

void check_network_memory(const ModelSpec& spec) {
  if (g_limit <= 0.0) return;
  const double needed = network_bytes(spec);
  if (needed <= g_limit) return;
  refuse(needed, "reduce the units of " + layer_text(largest_layer(shape_of(spec))) +
                     " (it holds the most parameters) or remove layers");
}

void check_training_memory(const ModelSpec& spec, const TrainSettings& settings, Index n_train, Index n_val) {
  if (g_limit <= 0.0) return;
  const double needed = network_bytes(spec) + training_bytes(spec, settings, n_train, n_val);
  if (needed <= g_limit) return;
  refuse(needed, "reduce the units of " + layer_text(largest_layer(shape_of(spec))) +
                     ", the batch size or the number of samples");
}

}  // namespace lab
