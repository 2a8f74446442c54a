// Shared numeric types of the core. Every number is a double (see DESIGN.md, "Numeric conventions").
// Legend used across core/: B = samples in a batch (columns), in/out = layer widths,
// P = number of parameters in the flat vector, K = classes.
#pragma once

#include <Eigen/Core>

namespace lab {

using Index = Eigen::Index;
// A batch: one sample per column (features × B), column-major like the JS Float64Array of
// n samples × d features in row-major order.
using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using Vector = Eigen::VectorXd;
// Weights are stored row-major so that the flat parameter vector holds W row by row.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixMap = Eigen::Map<RowMatrix>;
using VectorMap = Eigen::Map<Vector>;

}  // namespace lab
