// The weights a training run passed through (issue 17, item 5): a bounded number of snapshots of
// θ, one an epoch and thinned as the run grows, and the plane that follows them best (the two
// principal directions of θ_t − θ_end, as Li et al. 2018 draw optimisation paths).
// Legend: P = parameters, T = snapshots.
#pragma once

#include <vector>

#include "core/base/types.hpp"

namespace lab {

class TrainingPath {
 public:
  // Keeps at most min(kMostSnapshots, max(kLeastSnapshots, most_floats / P)) snapshots.
  explicit TrainingPath(Index parameters, Index most_floats = kMostFloats);

  // Records θ after `epoch` epochs (0: the initial weights) when epoch is a multiple of every();
  // when full, every other snapshot is dropped and every() doubles.
  void record(int epoch, const Vector& theta);
  void clear();

  Index size() const { return static_cast<Index>(epochs_.size()); }
  Index capacity() const { return capacity_; }
  int every() const { return every_; }
  const std::vector<int>& epochs() const { return epochs_; }
  // The t-th snapshot (P), stored as float.
  const Eigen::VectorXf& snapshot(Index t) const { return snapshots_[static_cast<std::size_t>(t)]; }

  static constexpr Index kMostSnapshots = 64;
  static constexpr Index kLeastSnapshots = 4;
  static constexpr Index kMostFloats = Index{1} << 22;  // 16 MB of snapshots

 private:
  Index parameters_;
  Index capacity_;
  int every_ = 1;
  std::vector<int> epochs_;                 // (T) the epoch of each snapshot, increasing
  std::vector<Eigen::VectorXf> snapshots_;  // (T) × (P)
};

// The plane through `end` that holds the path best: d1, d2 (P, unit length, orthogonal) are the
// first two left singular vectors of M = [θ_t − end] (P × T), not centred, so the plane passes
// through `end`; explained = σ_k² / Σσ², the share of Σ‖θ_t − end‖² each holds. Signs: the first
// snapshot has coordinates ≤ 0. A path with fewer than two independent steps gives zero
// directions past its rank (explained 0).
struct PathPlane {
  Vector d1, d2;  // (P)
  double explained1 = 0.0, explained2 = 0.0;
};
PathPlane path_plane(const TrainingPath& path, const Vector& end);

// The coordinates (2 × T) of every snapshot θ_t in the plane end + α d1 + β d2: the least-squares
// (α, β) of θ_t − end ≈ α d1 + β d2 (the orthogonal projection; d1, d2 independent, else ShapeError).
Matrix project_path(const TrainingPath& path, const Vector& end, const Vector& d1, const Vector& d2);

}  // namespace lab
