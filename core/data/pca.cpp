// Principal component analysis (see pca.hpp): covariance C = Xc Xcᵀ / (n − 1) of the centred
// samples Xc = X − mean, its eigenvectors by decreasing eigenvalue, and a sign convention that
// makes the result deterministic (an eigenvector's sign is arbitrary).
#include "core/data/pca.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/errors.hpp"

namespace lab {

Pca fit_pca(const Matrix& X, Index components) {
  const Index d = X.rows();
  const Index n = X.cols();
  if (d < 1 || n < 2)
    throw DataError("[PCA] needs at least 2 samples of at least 1 feature, got " + std::to_string(n) + " samples of " +
                    std::to_string(d) + " features");
  if (components < 1 || components > d)
    throw DataError("[PCA] components must be a whole number in 1.." + std::to_string(d) +
                    " (the number of features), got " + std::to_string(components));
  if (!X.allFinite()) throw DataError("[PCA] the features hold a value that is not finite (NaN or infinite)");

  Pca pca;
  pca.mean = X.rowwise().mean();
  const Matrix centred = X.colwise() - pca.mean;
  // C = Xc Xcᵀ / (n − 1): (d × d), the sample covariance (numpy.cov, sklearn's explained_variance_)
  const Matrix covariance = (centred * centred.transpose()) / static_cast<double>(n - 1);
  const double total = covariance.trace();
  if (!(total > 0.0))
    throw DataError(
        "[PCA] the features do not vary (every sample is the same), so there is no direction to project onto");

  // eigenvalues in increasing order, eigenvectors as columns
  const Eigen::SelfAdjointEigenSolver<Matrix> solver(covariance);
  if (solver.info() != Eigen::Success) throw DataError("[PCA] the eigenvalue solver did not converge");
  pca.components.resize(components, d);
  pca.explained_variance.resize(components);
  for (Index c = 0; c < components; ++c) {
    const Index column = d - 1 - c;
    Vector direction = solver.eigenvectors().col(column);
    // the sign: the entry of largest magnitude (the first on ties) is made positive
    Index largest = 0;
    for (Index i = 1; i < d; ++i)
      if (std::abs(direction(i)) > std::abs(direction(largest))) largest = i;
    if (direction(largest) < 0.0) direction = -direction;
    pca.components.row(c) = direction.transpose();
    // rounding can leave an eigenvalue of a flat direction slightly below 0
    pca.explained_variance(c) = std::max(0.0, solver.eigenvalues()(column));
  }
  // ratio_c = λ_c / Σ_j λ_j, and Σ_j λ_j = trace(C)
  pca.explained_variance_ratio = pca.explained_variance / total;
  return pca;
}

Matrix pca_project(const Pca& pca, const Matrix& X) {
  if (X.rows() != pca.mean.size())
    throw ShapeError("[PCA] the samples have " + std::to_string(X.rows()) +
                     " features but the components were fitted to " + std::to_string(pca.mean.size()));
  // (k × n) = components (k × d) · (X − mean) (d × n)
  return pca.components * (X.colwise() - pca.mean);
}

}  // namespace lab
