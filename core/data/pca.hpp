// Principal component analysis of a batch of samples, as sklearn's PCA computes it: the centred
// data's covariance (n − 1 denominator), its top eigenvectors (Eigen's SelfAdjointEigenSolver)
// and their share of the variance. The Train lab projects data with more than two features onto
// the first two to draw it. Legend: d = features, n = samples, k = components.
#pragma once

#include "core/base/types.hpp"

namespace lab {

struct Pca {
  Vector mean;                      // (d) the features' means, subtracted before projecting
  Matrix components;                // (k × d) unit principal directions, one per row, by decreasing variance;
                                    // sign: each row's entry of largest magnitude (the first on ties) is positive
  Vector explained_variance;        // (k) the variance along each direction: the covariance's eigenvalues
  Vector explained_variance_ratio;  // (k) each as a fraction of the total variance (the covariance's trace)
};

// Fits k components to X (d × n, one sample per column): 1 ≤ k ≤ d, n ≥ 2, finite values and some
// variance. Bad input throws DataError naming what is allowed.
Pca fit_pca(const Matrix& X, Index components);
// The coordinates of X's samples along the components: (k × n) = components · (X − mean).
Matrix pca_project(const Pca& pca, const Matrix& X);

}  // namespace lab
