// Dataset summaries for the page (see summary.hpp).
#include "core/data/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/json_fields.hpp"

namespace lab {
namespace {

// min, max, mean μ and σ = √((1/n) Σ (x − μ)²) of one row of M.
ColumnSummary row_summary(const Matrix& M, Index i, std::string name) {
  ColumnSummary s;
  s.name = std::move(name);
  const Index n = M.cols();
  if (n == 0) return s;
  const auto row = M.row(i);
  s.min = row.minCoeff();
  s.max = row.maxCoeff();
  s.mean = row.sum() / static_cast<double>(n);
  s.std = std::sqrt((row.array() - s.mean).square().sum() / static_cast<double>(n));
  return s;
}

Json column_json(const ColumnSummary& s) {
  return {{"name", s.name}, {"min", s.min}, {"max", s.max}, {"mean", s.mean}, {"std", s.std}};
}

}  // namespace

DatasetSummary summarize(const Dataset& data) {
  DatasetSummary summary;
  summary.name = data.name;
  summary.description = data.description;
  summary.task = data.task;
  summary.samples = data.samples();
  summary.features = data.features();
  summary.shape = std::to_string(summary.samples) + " samples × " + std::to_string(summary.features) + " features";
  summary.classes = data.classes;
  summary.class_names = data.class_names;
  summary.image_width = data.image_width;
  summary.image_height = data.image_height;
  if (data.is_classification()) {
    summary.class_counts = class_counts(data.labels, data.classes);
    long largest = 0, smallest = std::numeric_limits<long>::max();
    for (long count : summary.class_counts) {
      summary.class_fractions.push_back(
          summary.samples > 0 ? static_cast<double>(count) / static_cast<double>(summary.samples) : 0.0);
      largest = std::max(largest, count);
      smallest = std::min(smallest, count);
    }
    summary.imbalance_ratio = smallest > 0 ? static_cast<double>(largest) / static_cast<double>(smallest)
                                           : std::numeric_limits<double>::infinity();
  }
  for (Index i = 0; i < data.features(); ++i)
    summary.feature_stats.push_back(row_summary(data.X, i, data.feature_names.at(static_cast<std::size_t>(i))));
  for (Index i = 0; i < data.targets.rows(); ++i)
    summary.target_stats.push_back(row_summary(data.targets, i, data.target_names.at(static_cast<std::size_t>(i))));
  return summary;
}

std::string summary_to_json(const DatasetSummary& summary) {
  Json features = Json::array(), targets = Json::array();
  for (const ColumnSummary& s : summary.feature_stats) features.push_back(column_json(s));
  for (const ColumnSummary& s : summary.target_stats) targets.push_back(column_json(s));
  Json json = {{"name", summary.name},
               {"description", summary.description},
               {"task", summary.task},
               {"shape", summary.shape},
               {"samples", summary.samples},
               {"features", summary.features},
               {"classes", summary.classes},
               {"class_names", summary.class_names},
               {"class_counts", summary.class_counts},
               {"class_fractions", summary.class_fractions},
               // JSON has no ∞: an empty class is written as null.
               {"imbalance_ratio", std::isfinite(summary.imbalance_ratio) ? Json(summary.imbalance_ratio) : Json()},
               {"feature_stats", features},
               {"target_stats", targets},
               {"image_width", summary.image_width},
               {"image_height", summary.image_height}};
  return json.dump();
}

}  // namespace lab
