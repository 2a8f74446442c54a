// Scalers fitted on training data only (see preprocess.hpp).
#include "core/data/preprocess.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/schema.hpp"
#include "core/data/data_schema.hpp"

namespace lab {

std::string_view scaling_name(Scaling scaling) {
  return data_schema::kScalings[static_cast<std::size_t>(scaling)].name;
}

Scaling scaling_from_name(std::string_view name, std::string_view field) {
  return static_cast<Scaling>(parse_choice(data_schema::scaling, name, "[Scaler]", field));
}

Scaler fit_scaler(Scaling kind, const Matrix& X_train) {
  const Index d = X_train.rows(), n = X_train.cols();
  if (n < 1) throw DataError("[Scaler] cannot fit on 0 training samples");
  Scaler scaler;
  scaler.kind = kind;
  scaler.shift = Vector::Zero(d);
  scaler.scale = Vector::Ones(d);
  for (Index i = 0; i < d; ++i) {
    const auto row = X_train.row(i);
    if (kind == Scaling::standardize) {
      // μ = (1/n) Σ x_j;  σ = √((1/n) Σ (x_j − μ)²)   (features near 1e308 overflow: refused below)
      const double mean = row.sum() / static_cast<double>(n);
      const double variance = (row.array() - mean).square().sum() / static_cast<double>(n);
      scaler.shift(i) = mean;
      scaler.scale(i) = variance > 0.0 || !std::isfinite(variance) ? std::sqrt(variance) : 1.0;
    } else if (kind == Scaling::min_max) {
      const double lo = row.minCoeff(), hi = row.maxCoeff();
      scaler.shift(i) = lo;
      scaler.scale(i) = hi > lo ? hi - lo : 1.0;
    }
    if (!std::isfinite(scaler.shift(i)) || !std::isfinite(scaler.scale(i)))
      throw DataError("[Scaler] feature " + std::to_string(i + 1) + " cannot be " +
                      (kind == Scaling::standardize ? "standardized" : "scaled to [0, 1]") + ": its values (from " +
                      format_number(row.minCoeff()) + " to " + format_number(row.maxCoeff()) +
                      ") spread too far for a double; rescale that column or choose scaling none");
  }
  return scaler;
}

Matrix Scaler::apply(const Matrix& X) const {
  if (X.rows() != shift.size())
    throw ShapeError("[Scaler] fitted on " + std::to_string(shift.size()) + " features, got data with " +
                     std::to_string(X.rows()));
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < X.rows(); ++i)
      if (!std::isfinite(X(i, j)))
        throw DataError("[Scaler] features must be finite numbers; sample " + std::to_string(j) + ", feature " +
                        std::to_string(i + 1) + " is " + format_number(X(i, j)));
  // x' = (x − shift) / scale, column by column
  return (X.colwise() - shift).array().colwise() / scale.array();
}

void Scaler::apply_to(Dataset& data) const { data.X = apply(data.X); }

PreparedData prepare(const Dataset& data, const SplitSettings& split, Scaling scaling) {
  PreparedData prepared;
  prepared.split = split_dataset(data, split);
  prepared.scaler = fit_scaler(scaling, prepared.split.train.X);
  prepared.scaler.apply_to(prepared.split.train);
  prepared.scaler.apply_to(prepared.split.validation);
  prepared.scaler.apply_to(prepared.split.test);
  return prepared;
}

}  // namespace lab
