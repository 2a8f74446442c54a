// Evaluation metrics, matching sklearn: labels from network outputs, the confusion matrix,
// accuracy, per-class precision/recall/F1 and macro F1 (zero_division=0), MSE and R².
// Legend: B = samples (columns), K = classes. Bad input throws DataError / ShapeError.
#pragma once

#include <vector>

#include "core/base/types.hpp"

namespace lab {

// Class per column: argmax over rows (the first row on ties, like numpy.argmax); for a single-row
// output (sigmoid), 1 if value >= 0.5 else 0. outputs: (out × B), finite, non-empty.
std::vector<int> labels_from_outputs(const Matrix& outputs);
// Same rule applied to one-hot / 0-1 target matrices (argmax; single row: >= 0.5).
std::vector<int> labels_from_targets(const Matrix& targets);
// Number of classes an output/target matrix of this many rows represents: rows, or 2 when
// rows == 1. Throws DataError when rows < 1.
int class_count_for_rows(Index rows);

struct ClassificationReport {
  int classes = 0;
  Matrix confusion;              // (K × K) counts as doubles, rows = true class, columns = predicted class
  double accuracy = 0.0;         // fraction correct
  double macro_f1 = 0.0;         // mean over classes of F1, with 0 for a class whose precision+recall is 0
                                 // (sklearn zero_division=0)
  Vector precision, recall, f1;  // (K) per class, 0 when undefined (zero_division=0)
  Vector per_class_accuracy;     // (K) recall of each class (correct / true count), 0 for a class
                                 // with no samples
  std::vector<long> support;     // (K) true samples per class
};

// truth and predicted: B labels each in 0..classes−1, B ≥ 1, classes ≥ 1.
ClassificationReport classification_report(const std::vector<int>& truth, const std::vector<int>& predicted,
                                           int classes);
// Fraction of equal entries; labels must be ≥ 0, B ≥ 1.
double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted);

// Regression, over all entries: mean of (pred − target)² (NOT halved; this is sklearn's MSE, not
// the loss). predicted, target: (out × B), same shape, finite, non-empty.
double mean_squared_error(const Matrix& predicted, const Matrix& target);
// R² = 1 − SS_res / SS_tot per output row, averaged uniformly over rows (sklearn r2_score default
// multioutput='uniform_average', samples are columns). When SS_tot is 0: R² is 1 if SS_res is 0,
// else 0 (sklearn's force_finite convention; this also covers B = 1, where sklearn gives NaN).
double r2_score(const Matrix& predicted, const Matrix& target);
// One output row's R² from its sums: 1 − SS_res / SS_tot; when SS_tot = 0: 1 if SS_res = 0, else 0.
double r2_from_sums(double ss_res, double ss_tot);
// The variance-weighted R² (sklearn r2_score multioutput='variance_weighted'): the rows' R² averaged
// with weights SS_tot, = 1 − Σ SS_res / Σ SS_tot over the rows with SS_tot > 0 (a constant row
// weighs 0); with no such row, r2_from_sums(Σ SS_res, 0). Same requirements as r2_score.
double r2_variance_weighted(const Matrix& predicted, const Matrix& target);
// The same from per-row sums (out): SS_res and SS_tot.
double r2_weighted_from_sums(const Vector& ss_res, const Vector& ss_tot);
// The class of column `col` of outputs or targets: a ≥ 0.5 for one sigmoid row, else the first argmax.
Index label_of_column(const Matrix& m, Index col);

}  // namespace lab
