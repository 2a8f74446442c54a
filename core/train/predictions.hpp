// Which samples a classifier gets wrong: each sample's predicted class (the metrics' rule) with the
// network's output for that class, its probability when the outputs are probabilities. The Train
// lab's gallery shows the first samples, or only the mistakes, of the part it scores.
// Legend: B = samples (columns), K = classes.
#pragma once

#include <vector>

#include "core/data/dataset.hpp"
#include "core/nn/network.hpp"

namespace lab {

enum class SampleFilter { all, mistakes };

struct ClassifiedSamples {
  Index matched = 0;               // samples the filter keeps: all B, or every mistake
  std::vector<int> indices;        // the first `limit` of them in sample order (columns of the outputs)
  std::vector<int> truth;          // their true classes
  std::vector<int> predicted;      // their predicted classes: argmax, or a ≥ 0.5 for one output
  std::vector<double> confidence;  // the output for the predicted class (1 − a for class 0 of one output)
  bool probabilities = false;      // the outputs are class probabilities (softmax, or one sigmoid unit)
};

// True when a network of `spec` outputs class probabilities: a dense softmax layer, or one sigmoid unit.
bool outputs_are_probabilities(const ModelSpec& spec);

// From outputs (out × B, finite) and B true labels; limit ≥ 0 bounds the samples listed, not `matched`.
ClassifiedSamples classify_samples(const Matrix& outputs, const std::vector<int>& truth, bool probabilities,
                                   SampleFilter filter, Index limit);
// The network's outputs on a classification dataset.
ClassifiedSamples classify_samples(Network& net, const Dataset& data, SampleFilter filter, Index limit);

}  // namespace lab
