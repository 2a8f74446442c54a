// Seeded train/validation/test splits. Classification data is stratified: every part keeps the
// class proportions as closely as whole samples allow. The sizes follow sklearn's
// train_test_split: n_test = ⌈test · n⌉, n_validation = ⌈validation · n⌉, the rest is training
// (so test = 0.5 on the 1797 digits gives seed 001's 898 / 899). With k folds (k-fold
// cross-validation, seed 004 C.3), the samples outside the test part are dealt into k folds
// instead, and fold i is the validation part: the k splits i = 0..k−1 share the test part and
// their validation parts cover the rest once.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/data/data_schema.hpp"
#include "core/data/dataset.hpp"

namespace lab {

struct SplitSettings {
  double validation = data_schema::validation.fallback;  // fraction of all samples, 0 ≤ validation < 1
  double test = data_schema::test.fallback;              // fraction of all samples, validation + test < 1
  bool stratify = true;                                  // by class, for classification data
  std::uint64_t seed = 0;
  int folds = 1;  // k ≥ 2: k-fold cross-validation (the validation fraction is then not used)
  int fold = 0;   // the fold that is the validation part, 0..k − 1
};

// Sample indices of each part, each in increasing order. Together they cover 0..n−1 once.
struct SplitIndices {
  std::vector<int> train, validation, test;
};

// Parses {"validation":0.1,"test":0.2,"stratify":true,"seed":1,"folds":3,"fold":0}; missing fields
// keep the defaults.
SplitSettings parse_split_settings(std::string_view json_text);
// Checks the fractions against n and that at least one training sample remains (with folds: that
// every fold and the training part get a sample).
void validate_split_settings(const SplitSettings& settings, Index samples);

SplitIndices split_indices(const Dataset& data, const SplitSettings& settings);

struct DataSplit {
  Dataset train, validation, test;  // validation / test have 0 samples when their fraction is 0
  SplitIndices indices;
};
DataSplit split_dataset(const Dataset& data, const SplitSettings& settings);

// A seeded sample of `count` of the indices 0..n−1 without replacement (the first `count` of a
// Fisher–Yates shuffle), in increasing order; all n indices when count ≥ n. The page draws a
// large set's points from it. n ≥ 1 and count ≥ 0, else DataError.
std::vector<int> sample_indices(Index n, Index count, std::uint64_t seed);

// The stratified share of `count` samples among classes with `available` samples each
// (largest-remainder rounding, exact integers): share_k = ⌊count · a_k / N⌋, then the
// count − Σ share_k samples left go one each to the classes with the largest remainders
// (count · a_k mod N), lower class first on ties. Σ share_k = count.
std::vector<long> stratified_share(long count, const std::vector<long>& available);

}  // namespace lab
