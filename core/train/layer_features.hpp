// The outputs of one hidden layer as features (seed 004 C.5): an autoencoder's bottleneck codes
// for every sample of a dataset, kept with the samples' labels as a new dataset that a classifier
// can be trained on.
// Legend: d = features, n = samples, m = the layer's units.
#pragma once

#include <cstddef>

#include "core/data/dataset.hpp"
#include "core/data/preprocess.hpp"
#include "core/nn/network.hpp"

namespace lab {

// a⁽ᵏ⁾ of the layer at 0-based index `layer` for every column of X (d × n), computed in batches:
// (m × n). `layer` must be a hidden layer (not the last); ShapeError for X of the wrong height.
Matrix layer_outputs(Network& net, const Matrix& X, std::size_t layer);

// A dataset whose features are layer_outputs(net, scaler.apply(data.X), layer), named h1..hm,
// with data's labels and class names (or regression targets): the codes of every sample, the
// inputs scaled as the network was trained. `data` is the whole dataset, before any split.
Dataset layer_features_set(Network& net, const Dataset& data, const Scaler& scaler, std::size_t layer);

}  // namespace lab
