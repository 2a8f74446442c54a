// The dataset checks, class counts, loss targets and subsets (see dataset.hpp).
#include "core/data/dataset.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"

namespace lab {
namespace {

std::string count_text(Index value) { return std::to_string(value); }

void check_names(const std::vector<std::string>& names, Index expected, std::string_view tag, const char* what) {
  if (static_cast<Index>(names.size()) != expected)
    throw ShapeError(std::string(tag) + " " + what + " has " + count_text(static_cast<Index>(names.size())) +
                     " names but the data has " + count_text(expected));
}

}  // namespace

void validate_dataset(const Dataset& data, std::string_view tag) {
  const std::string t(tag);
  if (data.task != "classification" && data.task != "regression")
    throw DataError(t + " task must be \"classification\" or \"regression\", got \"" + data.task + "\"");
  const Index n = data.samples(), d = data.features();
  if (n < 1 || d < 1)
    throw DataError(t + " " + data.name + " is empty (" + count_text(d) + " features × " + count_text(n) +
                    " samples); at least one feature and one sample are needed");
  if (n > DataLimits::max_samples)
    throw DataError(t + " " + count_text(n) + " samples is more than the limit of " +
                    count_text(DataLimits::max_samples) + "; use a smaller sample of the data");
  if (d > DataLimits::max_features)
    throw DataError(t + " " + count_text(d) + " features is more than the limit of " +
                    count_text(DataLimits::max_features));
  if (n * d > DataLimits::max_cells)
    throw DataError(t + " " + count_text(n) + " samples × " + count_text(d) + " features is more than the limit of " +
                    count_text(DataLimits::max_cells) + " values; use fewer samples");
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < d; ++i)
      if (!std::isfinite(data.X(i, j)))
        throw DataError(t + " sample " + count_text(j + 1) + ", feature " + count_text(i + 1) + ": " +
                        format_number(data.X(i, j)) + " is not a finite number (NaN and Inf are not allowed)");
  check_names(data.feature_names, d, tag, "feature_names");
  if (data.image_width != 0 || data.image_height != 0) {
    if (data.image_width < 1 || data.image_height < 1 || static_cast<Index>(data.image_width) * data.image_height != d)
      throw ShapeError(t + " an image of " + std::to_string(data.image_width) + " × " +
                       std::to_string(data.image_height) + " pixels does not match " + count_text(d) + " features");
  }

  if (data.reconstruction && data.is_classification())
    throw DataError(t + " a reconstruction is a regression whose targets are the features, not a classification");
  if (data.is_classification()) {
    if (data.classes < 2 || data.classes > DataLimits::max_classes)
      throw DataError(t + " classes must be 2.." + std::to_string(DataLimits::max_classes) + ", got " +
                      std::to_string(data.classes));
    if (static_cast<Index>(data.labels.size()) != n)
      throw ShapeError(t + " there are " + count_text(static_cast<Index>(data.labels.size())) + " labels for " +
                       count_text(n) + " samples");
    if (data.targets.size() != 0) throw ShapeError(t + " a classification dataset has labels, not regression targets");
    check_names(data.class_names, data.classes, tag, "class_names");
    for (std::size_t j = 0; j < data.labels.size(); ++j)
      if (data.labels[j] < 0 || data.labels[j] >= data.classes)
        throw DataError(t + " sample " + std::to_string(j + 1) + ": label " + std::to_string(data.labels[j]) +
                        " is out of range 0.." + std::to_string(data.classes - 1));
    int present = 0;
    for (long count : class_counts(data.labels, data.classes)) present += count > 0 ? 1 : 0;
    if (present < 2)
      throw DataError(t + " every sample has the same class (\"" + data.class_names[data.labels[0]] +
                      "\"): classification needs at least 2 classes");
  } else {
    if (!data.labels.empty() || data.classes != 0)
      throw ShapeError(t + " a regression dataset has targets, not class labels");
    if (data.targets.rows() < 1 || data.targets.cols() != n)
      throw ShapeError(t + " targets are " + count_text(data.targets.rows()) + " × " + count_text(data.targets.cols()) +
                       " but must be outputs × " + count_text(n) + " samples");
    check_names(data.target_names, data.targets.rows(), tag, "target_names");
    for (Index j = 0; j < n; ++j)
      for (Index i = 0; i < data.targets.rows(); ++i)
        if (!std::isfinite(data.targets(i, j)))
          throw DataError(t + " sample " + count_text(j + 1) + ", target " + count_text(i + 1) + ": " +
                          format_number(data.targets(i, j)) + " is not a finite number");
  }
}

std::vector<long> class_counts(const std::vector<int>& labels, int classes) {
  std::vector<long> counts(static_cast<std::size_t>(std::max(classes, 0)), 0);
  for (int label : labels) {
    if (label < 0 || label >= classes)
      throw DataError("[Dataset] label " + std::to_string(label) + " is out of range 0.." +
                      std::to_string(classes - 1));
    ++counts[static_cast<std::size_t>(label)];
  }
  return counts;
}

Matrix one_hot(const std::vector<int>& labels, int classes) {
  if (classes < 1) throw DataError("[Dataset] one_hot needs at least 1 class, got " + std::to_string(classes));
  Matrix Y = Matrix::Zero(classes, static_cast<Index>(labels.size()));
  for (std::size_t j = 0; j < labels.size(); ++j) {
    if (labels[j] < 0 || labels[j] >= classes)
      throw DataError("[Dataset] sample " + std::to_string(j + 1) + ": label " + std::to_string(labels[j]) +
                      " is out of range 0.." + std::to_string(classes - 1));
    Y(labels[j], static_cast<Index>(j)) = 1.0;
  }
  return Y;
}

Matrix targets_for_loss(const Dataset& data, LossKind loss, Index outputs) {
  const std::string what = "[Dataset] " + data.name + " with loss " + std::string(loss_name(loss)) + " and " +
                           count_text(outputs) + " network output" + (outputs == 1 ? "" : "s");
  if (!data.is_classification()) {
    if (loss != LossKind::mse) throw SpecError(what + ": a regression dataset needs the mse loss");
    if (outputs != data.targets.rows())
      throw SpecError(what + ": the last layer must have " + count_text(data.targets.rows()) +
                      " unit(s), one per target");
    return data.targets;
  }
  // A single output for two classes: the label itself, 0 or 1.
  auto zero_one_row = [&] {
    Matrix Y(1, static_cast<Index>(data.labels.size()));
    for (std::size_t j = 0; j < data.labels.size(); ++j) Y(0, static_cast<Index>(j)) = data.labels[j];
    return Y;
  };
  switch (loss) {
    case LossKind::cross_entropy:
      if (outputs != data.classes)
        throw SpecError(what + ": cross_entropy needs one softmax output per class, i.e. " +
                        std::to_string(data.classes) + " units in the last layer");
      return one_hot(data.labels, data.classes);
    case LossKind::binary_cross_entropy:
      if (data.classes != 2 || outputs != 1)
        throw SpecError(what + ": binary_cross_entropy needs 2 classes and 1 sigmoid output; this data has " +
                        std::to_string(data.classes) + " classes (use cross_entropy with softmax)");
      return zero_one_row();
    case LossKind::mse:
      if (outputs == data.classes) return one_hot(data.labels, data.classes);
      if (outputs == 1 && data.classes == 2) return zero_one_row();
      throw SpecError(what + ": mse on classes needs " + std::to_string(data.classes) + " outputs (one-hot)" +
                      (data.classes == 2 ? " or 1 output (0/1)" : ""));
  }
  throw SpecError(what + ": unknown loss");
}

Dataset subset(const Dataset& data, const std::vector<int>& indices) {
  Dataset part;
  part.name = data.name;
  part.description = data.description;
  part.task = data.task;
  part.classes = data.classes;
  part.class_names = data.class_names;
  part.feature_names = data.feature_names;
  part.target_names = data.target_names;
  part.image_width = data.image_width;
  part.image_height = data.image_height;
  part.reconstruction = data.reconstruction;
  const Index m = static_cast<Index>(indices.size());
  part.X.resize(data.features(), m);
  if (!data.is_classification()) part.targets.resize(data.targets.rows(), m);
  for (Index k = 0; k < m; ++k) {
    const int j = indices[static_cast<std::size_t>(k)];
    if (j < 0 || j >= data.samples())
      throw DataError("[Dataset] subset index " + std::to_string(j) + " is out of range 0.." +
                      count_text(data.samples() - 1));
    part.X.col(k) = data.X.col(j);
    if (data.is_classification())
      part.labels.push_back(data.labels[static_cast<std::size_t>(j)]);
    else
      part.targets.col(k) = data.targets.col(j);
  }
  return part;
}

Dataset select_features(const Dataset& data, const std::vector<int>& features) {
  if (features.empty())
    throw DataError("[Dataset] selectFeatures: features must name at least one of the " +
                    std::to_string(data.features()) + " features, got none");
  Dataset out = data;
  out.X.resize(static_cast<Index>(features.size()), data.samples());
  out.feature_names.clear();
  for (std::size_t k = 0; k < features.size(); ++k) {
    const int i = features[k];
    if (i < 0 || i >= data.features())
      throw DataError("[Dataset] feature index " + std::to_string(i) + " is out of range 0.." +
                      count_text(data.features() - 1));
    out.X.row(static_cast<Index>(k)) = data.X.row(i);
    out.feature_names.push_back(data.feature_names[static_cast<std::size_t>(i)]);
  }
  // A subset of the pixels is no longer an image.
  out.image_width = out.image_height = 0;
  return out;
}

std::vector<std::string> numbered_names(std::string_view prefix, int count, int first) {
  std::vector<std::string> names;
  for (int k = 0; k < count; ++k) names.push_back(std::string(prefix) + std::to_string(first + k));
  return names;
}

}  // namespace lab
