// Evaluation metrics (see metrics.hpp), checked against sklearn in tests/fixtures/metrics.json.
// Legend: B = samples (columns), K = classes, tp/fp/fn = true positives / false positives /
// false negatives of one class, read from the confusion matrix C (rows = true, columns = predicted).
#include "core/train/metrics.hpp"

#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lab {
namespace {

std::string shape_text(const Matrix& m) { return std::to_string(m.rows()) + " × " + std::to_string(m.cols()); }

void require_non_empty(const Matrix& m, const char* what) {
  if (m.rows() == 0 || m.cols() == 0)
    throw DataError(std::string("[Metrics] ") + what + " are empty (" + shape_text(m) +
                    ", outputs × samples); at least one output and one sample are needed");
}

void require_finite(const Matrix& m, const char* what) {
  for (Index col = 0; col < m.cols(); ++col)
    for (Index row = 0; row < m.rows(); ++row)
      if (!std::isfinite(m(row, col)))
        throw DataError(std::string("[Metrics] ") + what + " contain a non-finite value (" +
                        std::to_string(m(row, col)) + ") at output " + std::to_string(row) + ", sample " +
                        std::to_string(col) + "; check for a diverged model or bad data");
}

void require_same_shape(const Matrix& predicted, const Matrix& target) {
  if (predicted.rows() != target.rows() || predicted.cols() != target.cols())
    throw ShapeError("[Metrics] predicted values are " + shape_text(predicted) + " but targets are " +
                     shape_text(target) + " (outputs × samples)");
}

void require_matching_labels(const std::vector<int>& truth, const std::vector<int>& predicted) {
  if (predicted.size() != truth.size())
    throw ShapeError("[Metrics] predicted labels have " + std::to_string(predicted.size()) +
                     " entries but true labels have " + std::to_string(truth.size()));
  if (truth.empty()) throw DataError("[Metrics] no labels given; at least one sample is needed");
}

// Checks 0 ≤ label < classes (classes < 0 means no upper bound).
void require_labels_in_range(const std::vector<int>& labels, const char* what, int classes) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const int label = labels[i];
    if (label < 0 || (classes >= 0 && label >= classes)) {
      const std::string range = classes >= 0 ? "0.." + std::to_string(classes - 1) : std::string("0 or more");
      throw DataError(std::string("[Metrics] ") + what + " label " + std::to_string(label) + " is out of range " +
                      range + " (entry " + std::to_string(i) + ")");
    }
  }
}

std::vector<int> labels_from_matrix(const Matrix& m, const char* what) {
  require_non_empty(m, what);
  require_finite(m, what);
  std::vector<int> labels(static_cast<std::size_t>(m.cols()));
  for (Index col = 0; col < m.cols(); ++col)
    labels[static_cast<std::size_t>(col)] = static_cast<int>(label_of_column(m, col));
  return labels;
}

// n / d, or 0 when d = 0 (sklearn zero_division=0)
double safe_divide(double n, double d) { return d > 0.0 ? n / d : 0.0; }

}  // namespace

std::vector<int> labels_from_outputs(const Matrix& outputs) { return labels_from_matrix(outputs, "outputs"); }

std::vector<int> labels_from_targets(const Matrix& targets) { return labels_from_matrix(targets, "targets"); }

int class_count_for_rows(Index rows) {
  if (rows < 1)
    throw DataError("[Metrics] an output matrix needs at least 1 row to represent classes, got " +
                    std::to_string(rows));
  // K = rows, or 2 for a single sigmoid row (classes 0 and 1)
  return rows == 1 ? 2 : static_cast<int>(rows);
}

ClassificationReport classification_report(const std::vector<int>& truth, const std::vector<int>& predicted,
                                           int classes) {
  if (classes < 1) throw DataError("[Metrics] classes must be at least 1, got " + std::to_string(classes));
  require_matching_labels(truth, predicted);
  require_labels_in_range(truth, "true", classes);
  require_labels_in_range(predicted, "predicted", classes);

  const Index K = classes;
  ClassificationReport report;
  report.classes = classes;

  // C(t, p) = #{samples with true class t and predicted class p}
  report.confusion = Matrix::Zero(K, K);
  for (std::size_t i = 0; i < truth.size(); ++i) report.confusion(truth[i], predicted[i]) += 1.0;

  // accuracy = trace(C) / B
  report.accuracy = report.confusion.trace() / static_cast<double>(truth.size());

  report.precision = Vector::Zero(K);
  report.recall = Vector::Zero(K);
  report.f1 = Vector::Zero(K);
  report.support.assign(static_cast<std::size_t>(K), 0);
  const Vector true_counts = report.confusion.rowwise().sum();       // tp + fn, per class
  const Matrix predicted_counts = report.confusion.colwise().sum();  // tp + fp, per class (1 × K)
  for (Index k = 0; k < K; ++k) {
    const double tp = report.confusion(k, k);
    const double fn = true_counts(k) - tp;
    const double fp = predicted_counts(0, k) - tp;
    // precision = tp / (tp + fp), 0 when nothing was predicted as k
    report.precision(k) = safe_divide(tp, tp + fp);
    // recall = tp / (tp + fn), 0 when class k has no samples
    report.recall(k) = safe_divide(tp, tp + fn);
    // F1 = 2PR / (P + R) = 2tp / (2tp + fp + fn) (sklearn's form), 0 when tp = 0
    report.f1(k) = safe_divide(2.0 * tp, 2.0 * tp + fp + fn);
    report.support[static_cast<std::size_t>(k)] = static_cast<long>(true_counts(k));
  }
  // per-class accuracy = C(k, k) / Σ_p C(k, p) = recall
  report.per_class_accuracy = report.recall;
  // macro F1 = (1/K) Σ_k F1_k
  report.macro_f1 = report.f1.mean();
  return report;
}

double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted) {
  require_matching_labels(truth, predicted);
  require_labels_in_range(truth, "true", -1);
  require_labels_in_range(predicted, "predicted", -1);
  // accuracy = #{i : truth_i = predicted_i} / B
  std::size_t correct = 0;
  for (std::size_t i = 0; i < truth.size(); ++i)
    if (truth[i] == predicted[i]) ++correct;
  return static_cast<double>(correct) / static_cast<double>(truth.size());
}

double mean_squared_error(const Matrix& predicted, const Matrix& target) {
  require_same_shape(predicted, target);
  require_non_empty(predicted, "predicted values");
  require_finite(predicted, "predicted values");
  require_finite(target, "targets");
  // MSE = (1 / (out·B)) Σ_ij (pred_ij − target_ij)²
  return (predicted - target).squaredNorm() / static_cast<double>(predicted.size());
}

Index label_of_column(const Matrix& m, Index col) {
  // label = 1 if a ≥ 0.5 else 0 (one sigmoid output)
  if (m.rows() == 1) return m(0, col) >= 0.5 ? 1 : 0;
  // label = argmax_k m(k, col), the first k on ties
  Index best = 0;
  for (Index row = 1; row < m.rows(); ++row)
    if (m(row, col) > m(best, col)) best = row;
  return best;
}

double r2_from_sums(double ss_res, double ss_tot) {
  // R²_row = 1 − SS_res / SS_tot; if SS_tot = 0: 1 when SS_res = 0, else 0
  if (ss_tot > 0.0) return 1.0 - ss_res / ss_tot;
  return ss_res == 0.0 ? 1.0 : 0.0;
}

namespace {

// Per output row: SS_res = Σ_j (t_j − p_j)² and SS_tot = Σ_j (t_j − mean(t))², after the checks.
void r2_sums(const Matrix& predicted, const Matrix& target, Vector& ss_res, Vector& ss_tot) {
  require_same_shape(predicted, target);
  require_non_empty(predicted, "predicted values");
  require_finite(predicted, "predicted values");
  require_finite(target, "targets");
  ss_res = (target - predicted).array().square().matrix().rowwise().sum();
  ss_tot = (target.colwise() - target.rowwise().mean()).array().square().matrix().rowwise().sum();
}

}  // namespace

double r2_score(const Matrix& predicted, const Matrix& target) {
  Vector ss_res, ss_tot;
  r2_sums(predicted, target, ss_res, ss_tot);
  double total = 0.0;
  for (Index row = 0; row < target.rows(); ++row) total += r2_from_sums(ss_res(row), ss_tot(row));
  // R² = (1/out) Σ_rows R²_row
  return total / static_cast<double>(target.rows());
}

double r2_weighted_from_sums(const Vector& ss_res, const Vector& ss_tot) {
  double residual = 0.0, total = 0.0;
  for (Index row = 0; row < ss_tot.size(); ++row) {
    if (ss_tot(row) <= 0.0) continue;  // weight SS_tot = 0: a constant row does not count
    residual += ss_res(row);
    total += ss_tot(row);
  }
  // R² = Σ SS_tot,row · R²_row / Σ SS_tot,row = 1 − Σ SS_res / Σ SS_tot over the rows that vary
  if (total > 0.0) return 1.0 - residual / total;
  return r2_from_sums(ss_res.sum(), 0.0);
}

double r2_variance_weighted(const Matrix& predicted, const Matrix& target) {
  Vector ss_res, ss_tot;
  r2_sums(predicted, target, ss_res, ss_tot);
  return r2_weighted_from_sums(ss_res, ss_tot);
}

}  // namespace lab
