// One hidden layer's outputs as a dataset (see layer_features.hpp).
#include "core/train/layer_features.hpp"

#include <algorithm>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"

namespace lab {
namespace {

// Columns per forward pass: bounds the workspace a large set needs (a 256-unit layer: 2 MB).
constexpr Index kBatch = 1024;

void check_hidden(const Network& net, std::size_t layer) {
  const std::size_t L = net.layer_count();
  if (L < 2)
    throw SpecError("[Features] the network has no hidden layer: its one layer is the output; add a hidden layer");
  if (layer >= L - 1) {
    const std::string allowed =
        L == 2 ? "0 (" + layer_text(0) + ")"
               : "0.." + std::to_string(L - 2) + " (" + layer_text(0) + " to " + layer_text(L - 2) + ")";
    throw SpecError("[Features] layer must be the index of a hidden layer, " + allowed + ", got " +
                    std::to_string(layer) + (layer == L - 1 ? ", the output layer" : ""));
  }
}

}  // namespace

Matrix layer_outputs(Network& net, const Matrix& X, std::size_t layer) {
  check_hidden(net, layer);
  net.check_inputs(X);
  const Index n = X.cols();
  Matrix out(net.layer(layer).output_size(), n);
  for (Index start = 0; start < n; start += kBatch) {
    const Index count = std::min(kBatch, n - start);
    net.forward(X.middleCols(start, count));
    // a⁽ᵏ⁾ = f(z⁽ᵏ⁾), kept by the forward pass in the layer's cache
    out.middleCols(start, count) = net.last_workspace().layers[layer].a;
  }
  return out;
}

Dataset layer_features_set(Network& net, const Dataset& data, const Scaler& scaler, std::size_t layer) {
  check_hidden(net, layer);
  Dataset out;
  out.X = layer_outputs(net, scaler.apply(data.X), layer);
  const Index m = out.X.rows();
  const std::string units = std::to_string(m) + (m == 1 ? " unit" : " units");
  out.name = data.name + " · " + layer_text(layer) + " features";
  out.description = "The outputs of " + layer_text(layer) + " (" + units + ", " +
                    std::string(net.spec().layers[layer].activation.name()) + ") for each sample of " + data.name +
                    ", with its " + (data.is_classification() ? "labels" : "targets");
  out.task = data.task;
  out.labels = data.labels;
  out.classes = data.classes;
  out.class_names = data.class_names;
  out.targets = data.targets;
  out.target_names = data.target_names;
  out.feature_names = numbered_names("h", static_cast<int>(m), 1);
  validate_dataset(out, "[Features]");
  return out;
}

}  // namespace lab
