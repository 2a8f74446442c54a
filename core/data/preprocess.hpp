// Feature scaling fitted on the training part only and applied to every part: standardise
// (z-score, like sklearn's StandardScaler) or min-max to [0, 1] (like MinMaxScaler). Plus
// prepare(): split, fit the scaler on the training part, scale all parts.
#pragma once

#include <string>
#include <string_view>

#include "core/data/dataset.hpp"
#include "core/data/split.hpp"

namespace lab {

enum class Scaling { none, standardize, min_max };  // in the order of data_schema::kScalings
std::string_view scaling_name(Scaling scaling);
Scaling scaling_from_name(std::string_view name, std::string_view field);

// x' = (x − shift) / scale, feature by feature.
struct Scaler {
  Scaling kind = Scaling::none;
  Vector shift;  // (d) standardize: mean μ; min_max: minimum; none: 0
  Vector scale;  // (d) standardize: σ (population, ddof 0); min_max: max − min; none: 1.
                 // A constant feature gets scale 1 (as sklearn does), so it maps to 0.

  // X (d × n) → scaled copy. ShapeError when d differs from the fitted features.
  Matrix apply(const Matrix& X) const;
  // Scales the features of a dataset in place.
  void apply_to(Dataset& data) const;
};

// Fits on the columns of X_train (d × n, n ≥ 1).
Scaler fit_scaler(Scaling kind, const Matrix& X_train);

// A dataset split into parts, with the scaler fitted on the training part and applied to all.
struct PreparedData {
  DataSplit split;  // the scaled parts and their indices in the original data
  Scaler scaler;
};
PreparedData prepare(const Dataset& data, const SplitSettings& split, Scaling scaling);

}  // namespace lab
