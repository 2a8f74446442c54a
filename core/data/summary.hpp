// What the page shows about a dataset before training: its shape, the class balance and each
// feature's range, mean and spread (or the targets' for regression). Also as JSON.
#pragma once

#include <string>
#include <vector>

#include "core/data/dataset.hpp"

namespace lab {

struct ColumnSummary {
  std::string name;
  double min = 0.0, max = 0.0, mean = 0.0;
  double std = 0.0;  // population σ (ddof 0)
};

struct DatasetSummary {
  std::string name, description, task;
  std::string shape;  // "150 samples × 4 features"
  Index samples = 0, features = 0;
  int classes = 0;
  std::vector<std::string> class_names;
  std::vector<long> class_counts;            // (K)
  std::vector<double> class_fractions;       // (K) count / n
  double imbalance_ratio = 0.0;              // largest class count / smallest (∞ when a class is empty)
  std::vector<ColumnSummary> feature_stats;  // (d)
  std::vector<ColumnSummary> target_stats;   // (t) regression only
  int image_width = 0, image_height = 0;
};

// Works on any part, including an empty one (counts 0, stats 0).
DatasetSummary summarize(const Dataset& data);
std::string summary_to_json(const DatasetSummary& summary);

}  // namespace lab
