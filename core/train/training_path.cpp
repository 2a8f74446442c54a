// Snapshots of the weights along a run, their principal plane and their projection (see training_path.hpp).
#include "core/train/training_path.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <Eigen/Eigenvalues>

#include "core/base/errors.hpp"

namespace lab {

TrainingPath::TrainingPath(Index parameters, Index most_floats)
    : parameters_(parameters),
      capacity_(std::min(kMostSnapshots, std::max(kLeastSnapshots, most_floats / std::max<Index>(parameters, 1)))) {}

void TrainingPath::clear() {
  epochs_.clear();
  snapshots_.clear();
  every_ = 1;
}

void TrainingPath::record(int epoch, const Vector& theta) {
  if (theta.size() != parameters_)
    throw ShapeError("[TrainingPath] θ has " + std::to_string(theta.size()) + " entries; expected " +
                     std::to_string(parameters_));
  if (epoch % every_ != 0 || (!epochs_.empty() && epoch <= epochs_.back())) return;
  if (size() == capacity_) {
    // keep snapshots 0, 2, 4, …: epochs that are multiples of 2·every
    std::size_t kept = 0;
    for (std::size_t t = 0; t < epochs_.size(); t += 2, ++kept) {
      epochs_[kept] = epochs_[t];
      snapshots_[kept] = std::move(snapshots_[t]);
    }
    epochs_.resize(kept);
    snapshots_.resize(kept);
    every_ *= 2;
    if (epoch % every_ != 0) return;
  }
  epochs_.push_back(epoch);
  snapshots_.push_back(theta.cast<float>());
}

namespace {

// M = [θ_t − end] (P × T) in double.
Matrix differences(const TrainingPath& path, const Vector& end) {
  Matrix M(end.size(), path.size());
  for (Index t = 0; t < path.size(); ++t) {
    if (path.snapshot(t).size() != end.size())
      throw ShapeError("[TrainingPath] the end has " + std::to_string(end.size()) + " entries; the snapshots have " +
                       std::to_string(path.snapshot(t).size()));
    M.col(t) = path.snapshot(t).cast<double>() - end;
  }
  return M;
}

}  // namespace

PathPlane path_plane(const TrainingPath& path, const Vector& end) {
  PathPlane plane{Vector::Zero(end.size()), Vector::Zero(end.size())};
  if (path.size() == 0) return plane;
  const Matrix M = differences(path, end);
  // The Gram matrix G = MᵀM (T × T) has eigenvalues σ_k² and eigenvectors v_k; u_k = M v_k / σ_k.
  const Matrix G = M.transpose() * M;
  const Eigen::SelfAdjointEigenSolver<Matrix> eig(G);
  const Vector& values = eig.eigenvalues();  // increasing
  const double total = values.cwiseMax(0.0).sum();
  if (!(total > 0.0)) return plane;
  const Index T = values.size();
  Vector* directions[2] = {&plane.d1, &plane.d2};
  double* explained[2] = {&plane.explained1, &plane.explained2};
  for (Index k = 0; k < std::min<Index>(2, T); ++k) {
    const double sigma2 = values(T - 1 - k);
    // a direction whose σ² is at rounding level of the largest is no direction
    if (!(sigma2 > 1e-12 * values(T - 1))) break;
    Vector u = M * eig.eigenvectors().col(T - 1 - k) / std::sqrt(sigma2);
    // sign: the first snapshot's coordinate u·(θ_0 − end) ≤ 0, so the path runs towards +
    if (u.dot(M.col(0)) > 0.0) u = -u;
    *directions[k] = std::move(u);
    *explained[k] = sigma2 / total;
  }
  return plane;
}

Matrix project_path(const TrainingPath& path, const Vector& end, const Vector& d1, const Vector& d2) {
  if (d1.size() != end.size() || d2.size() != end.size())
    throw ShapeError("[TrainingPath] the directions must have " + std::to_string(end.size()) + " entries");
  const Matrix M = differences(path, end);
  Matrix D(end.size(), 2);
  D << d1, d2;
  // (α, β)_t = (DᵀD)⁻¹ Dᵀ (θ_t − end)
  const Eigen::Matrix2d gram = D.transpose() * D;
  const Eigen::FullPivLU<Eigen::Matrix2d> lu(gram);
  if (!lu.isInvertible()) throw ShapeError("[TrainingPath] the two directions must be independent");
  return lu.solve(D.transpose() * M);
}

}  // namespace lab
