// The samples a classifier gets right or wrong, with the class it predicts and its output for
// that class (see predictions.hpp); the predicted class is label_of_column's, as in the metrics.
#include "core/train/predictions.hpp"

#include <string>

#include "core/base/errors.hpp"
#include "core/train/metrics.hpp"

namespace lab {

bool outputs_are_probabilities(const ModelSpec& spec) {
  if (spec.layers.empty()) return false;
  const LayerSpec& last = spec.layers.back();
  if (last.type != LayerType::dense) return false;
  return last.activation.kind == ActivationKind::softmax ||
         (last.activation.kind == ActivationKind::sigmoid && last.units == 1);
}

ClassifiedSamples classify_samples(const Matrix& outputs, const std::vector<int>& truth, bool probabilities,
                                   SampleFilter filter, Index limit) {
  const std::vector<int> predicted = labels_from_outputs(outputs);  // checks: non-empty, finite
  if (truth.size() != predicted.size())
    throw ShapeError("[Predictions] the outputs have " + std::to_string(predicted.size()) + " samples but " +
                     std::to_string(truth.size()) + " true labels were given");
  if (limit < 0) throw DataError("[Predictions] limit must be 0 or more, got " + std::to_string(limit));
  ClassifiedSamples result;
  result.probabilities = probabilities;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (filter == SampleFilter::mistakes && predicted[i] == truth[i]) continue;
    ++result.matched;
    if (static_cast<Index>(result.indices.size()) >= limit) continue;
    const auto col = static_cast<Index>(i);
    const int k = predicted[i];
    // one output a = P(class 1): class 0's output is 1 − a; else the predicted row's output
    const double confidence =
        outputs.rows() == 1 ? (k == 1 ? outputs(0, col) : 1.0 - outputs(0, col)) : outputs(k, col);
    result.indices.push_back(static_cast<int>(i));
    result.truth.push_back(truth[i]);
    result.predicted.push_back(k);
    result.confidence.push_back(confidence);
  }
  return result;
}

ClassifiedSamples classify_samples(Network& net, const Dataset& data, SampleFilter filter, Index limit) {
  if (!data.is_classification())
    throw DataError("[Predictions] mistakes need class labels; \"" + data.name + "\" is a regression set");
  return classify_samples(net.forward(data.X), data.labels, outputs_are_probabilities(net.spec()), filter, limit);
}

}  // namespace lab
