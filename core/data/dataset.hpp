// A dataset as the lab passes it around: features with one sample per column, class labels or
// regression targets, and the metadata the page shows. Plus the checks every dataset passes, the
// targets a loss needs (one-hot, a 0/1 row, or the regression targets) and row subsets.
// Legend: d = features, n = samples, K = classes, t = regression outputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/nn/loss.hpp"

namespace lab {

struct Dataset {
  std::string name;                        // "circles", "iris", "my_data.csv"
  std::string description;                 // one line for the page
  std::string task = "classification";     // "classification" or "regression"
  Matrix X;                                // (d × n) features, one sample per column
  std::vector<int> labels;                 // (n) classes 0..K−1; empty for regression
  Matrix targets;                          // (t × n) regression targets; empty for classification
  int classes = 0;                         // K; 0 for regression
  std::vector<std::string> class_names;    // (K)
  std::vector<std::string> feature_names;  // (d)
  std::vector<std::string> target_names;   // (t); empty for classification
  int image_width = 0, image_height = 0;   // > 0 when a sample is an image, d = width · height,
                                           // pixels row by row
  bool reconstruction = false;             // an autoencoder's regression: targets = X (after
                                           // scaling), scored by the variance-weighted R²

  Index samples() const { return X.cols(); }
  Index features() const { return X.rows(); }
  bool is_classification() const { return task == "classification"; }
};

// What the page (and CSV import) allows, shared by every dataset check.
struct DataLimits {
  static constexpr Index max_samples = 100000;
  static constexpr Index max_features = 1024;
  static constexpr Index max_cells = 10000000;  // samples × features: 80 MB as doubles
  static constexpr int max_classes = 100;
};

// Checks the shapes, the limits, finite values, labels in 0..K−1 with at least two classes
// present, and the names. Throws ShapeError or DataError; messages start with `tag`.
void validate_dataset(const Dataset& data, std::string_view tag = "[Dataset]");

// Class counts: counts[k] = number of labels equal to k. (K)
std::vector<long> class_counts(const std::vector<int>& labels, int classes);

// One-hot targets: Y(k, j) = 1 if labels[j] == k else 0. (K × n)
Matrix one_hot(const std::vector<int>& labels, int classes);

// The target matrix Y (outputs × n) a network with `outputs` outputs trains on with this loss:
//   cross_entropy: one-hot (outputs == K);
//   binary_cross_entropy: a 0/1 row (outputs == 1, K == 2);
//   mse on classes: one-hot (outputs == K), or a 0/1 row (outputs == 1, K == 2, as seed 001's
//   iris task); mse on regression: the targets (outputs == t).
// Any other combination throws SpecError with a hint.
Matrix targets_for_loss(const Dataset& data, LossKind loss, Index outputs);

// The samples at `indices` (in that order), with the same metadata. Indices must be in 0..n−1.
Dataset subset(const Dataset& data, const std::vector<int>& indices);

// Keeps only the features at `features` (in that order), with their names.
Dataset select_features(const Dataset& data, const std::vector<int>& features);

// "class 0", "class 1", …: names for classes that have no better one.
std::vector<std::string> numbered_names(std::string_view prefix, int count, int first = 0);

}  // namespace lab
