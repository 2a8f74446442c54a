// Seeded, stratified train/validation/test splits (see split.hpp).
#include "core/data/split.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"
#include "core/base/rng.hpp"

namespace lab {
namespace {

// ⌈fraction · n⌉, with a small tolerance so that 0.7 · 1000 = 700.0000000000001 stays 700.
long part_size(double fraction, Index samples) {
  if (fraction <= 0.0) return 0;
  return static_cast<long>(std::ceil(fraction * static_cast<double>(samples) - 1e-9));
}

void sort_parts(SplitIndices& parts) {
  std::sort(parts.train.begin(), parts.train.end());
  std::sort(parts.validation.begin(), parts.validation.end());
  std::sort(parts.test.begin(), parts.test.end());
}

// k-fold cross-validation (settings.folds = k ≥ 2): the test part is drawn exactly as without
// folds (the same samples for the same seed and test fraction); every other sample gets a fold.
// Stratified: each class's shuffled samples outside the test part, class after class, are dealt
// out in turn (position p in that sequence goes to fold p mod k), so every fold holds each class
// within one sample of its share and the folds' sizes differ by at most one. Otherwise the one
// seeded permutation's samples after the test part are dealt out the same way.
SplitIndices fold_indices(const Dataset& data, const SplitSettings& settings) {
  const Index n = data.samples();
  const long n_test = part_size(settings.test, n);
  Rng rng(settings.seed);
  std::vector<int> rest;  // the samples outside the test part, in dealing order
  SplitIndices parts;
  if (!(settings.stratify && data.is_classification())) {
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    parts.test.assign(order.begin(), order.begin() + n_test);
    rest.assign(order.begin() + n_test, order.end());
  } else {
    const std::vector<long> counts = class_counts(data.labels, data.classes);
    const std::vector<long> test_share = stratified_share(n_test, counts);
    std::vector<std::vector<int>> members(counts.size());
    for (Index j = 0; j < n; ++j)
      members[static_cast<std::size_t>(data.labels[static_cast<std::size_t>(j)])].push_back(static_cast<int>(j));
    for (std::size_t k = 0; k < members.size(); ++k) {
      rng.shuffle(members[k]);
      const auto cut = members[k].begin() + test_share[k];
      parts.test.insert(parts.test.end(), members[k].begin(), cut);
      rest.insert(rest.end(), cut, members[k].end());
    }
  }
  for (std::size_t p = 0; p < rest.size(); ++p)
    (static_cast<int>(p % static_cast<std::size_t>(settings.folds)) == settings.fold ? parts.validation : parts.train)
        .push_back(rest[p]);
  sort_parts(parts);
  return parts;
}

}  // namespace

SplitSettings parse_split_settings(std::string_view json_text) {
  const Json json = parse_json_text(json_text, "[Split]");
  const JsonFields fields(json, "[Split]", "", {"validation", "test", "stratify", "seed", "folds", "fold"});
  SplitSettings settings;
  settings.validation = fields.number(data_schema::validation);
  settings.test = fields.number(data_schema::test);
  settings.stratify = fields.boolean("stratify", settings.stratify);
  settings.seed = static_cast<std::uint64_t>(fields.integer(data_schema::split_seed));
  settings.folds = static_cast<int>(fields.integer(data_schema::folds));
  settings.fold = static_cast<int>(fields.integer(data_schema::fold));
  if (settings.fold >= settings.folds)
    throw SpecError("[Split] fold must be 0.." + std::to_string(settings.folds - 1) + " for " +
                    std::to_string(settings.folds) + " folds, got " + std::to_string(settings.fold));
  if (settings.folds == 1 && settings.validation + settings.test >= 1.0)
    throw SpecError("[Split] validation + test must be less than 1 so that training samples remain, got " +
                    format_number(settings.validation) + " + " + format_number(settings.test));
  return settings;
}

void validate_split_settings(const SplitSettings& settings, Index samples) {
  check_field(data_schema::validation, settings.validation, "[Split]", "validation");
  check_field(data_schema::test, settings.test, "[Split]", "test");
  check_field(data_schema::folds, settings.folds, "[Split]", "folds");
  check_field(data_schema::fold, settings.fold, "[Split]", "fold");
  if (settings.fold >= settings.folds)
    throw SpecError("[Split] fold must be 0.." + std::to_string(settings.folds - 1) + " for " +
                    std::to_string(settings.folds) + " folds, got " + std::to_string(settings.fold));
  if (settings.folds > 1) {
    const long rest = static_cast<long>(samples) - part_size(settings.test, samples);
    if (rest < settings.folds + 1)
      throw SpecError("[Split] " + std::to_string(settings.folds) + " folds need at least " +
                      std::to_string(settings.folds + 1) + " samples outside the test part (test " +
                      format_number(settings.test) + " of " + std::to_string(samples) + " samples leaves " +
                      std::to_string(rest) + "); use fewer folds or a smaller test fraction");
    return;
  }
  const long n_test = part_size(settings.test, samples), n_validation = part_size(settings.validation, samples);
  if (n_test + n_validation >= samples)
    throw SpecError("[Split] validation " + format_number(settings.validation) + " and test " +
                    format_number(settings.test) + " of " + std::to_string(samples) + " samples take " +
                    std::to_string(n_validation) + " + " + std::to_string(n_test) +
                    " samples and leave none for training; use smaller fractions");
}

std::vector<long> stratified_share(long count, const std::vector<long>& available) {
  const long total = std::accumulate(available.begin(), available.end(), 0L);
  std::vector<long> share(available.size(), 0);
  if (total == 0 || count == 0) return share;
  if (count > total)
    throw DataError("[Split] cannot take " + std::to_string(count) + " samples out of " + std::to_string(total));
  std::vector<std::int64_t> remainder(available.size());
  long given = 0;
  for (std::size_t k = 0; k < available.size(); ++k) {
    // count · a_k = share_k · N + remainder_k, in 64 bits (long is 32 bits in wasm)
    const std::int64_t product = std::int64_t{count} * available[k];
    share[k] = static_cast<long>(product / total);
    remainder[k] = product % total;
    given += share[k];
  }
  std::vector<std::size_t> order(available.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t i = 0; given < count; ++i) {
    const std::size_t k = order[i % order.size()];
    if (share[k] < available[k]) {
      ++share[k];
      ++given;
    }
  }
  return share;
}

SplitIndices split_indices(const Dataset& data, const SplitSettings& settings) {
  const Index n = data.samples();
  validate_split_settings(settings, n);
  if (settings.folds > 1) return fold_indices(data, settings);
  const long n_test = part_size(settings.test, n), n_validation = part_size(settings.validation, n);
  Rng rng(settings.seed);
  SplitIndices parts;

  if (!(settings.stratify && data.is_classification())) {
    // One seeded permutation: the first n_test samples are the test part, the next n_validation
    // the validation part, the rest training.
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    for (std::size_t i = 0; i < order.size(); ++i) {
      const long position = static_cast<long>(i);
      (position < n_test                  ? parts.test
       : position < n_test + n_validation ? parts.validation
                                          : parts.train)
          .push_back(order[i]);
    }
    sort_parts(parts);
    return parts;
  }

  // Stratified: the test share of each class first, then the validation share of what is left.
  // Each class's samples are shuffled (class by class, in class order) and dealt out in that order.
  const std::vector<long> counts = class_counts(data.labels, data.classes);
  const std::vector<long> test_share = stratified_share(n_test, counts);
  std::vector<long> left(counts.size());
  for (std::size_t k = 0; k < counts.size(); ++k) left[k] = counts[k] - test_share[k];
  const std::vector<long> validation_share = stratified_share(n_validation, left);

  std::vector<std::vector<int>> members(counts.size());
  for (Index j = 0; j < n; ++j)
    members[static_cast<std::size_t>(data.labels[static_cast<std::size_t>(j)])].push_back(static_cast<int>(j));
  for (std::size_t k = 0; k < members.size(); ++k) {
    rng.shuffle(members[k]);
    for (std::size_t i = 0; i < members[k].size(); ++i) {
      const long position = static_cast<long>(i);
      (position < test_share[k]                         ? parts.test
       : position < test_share[k] + validation_share[k] ? parts.validation
                                                        : parts.train)
          .push_back(members[k][i]);
    }
  }
  sort_parts(parts);
  return parts;
}

DataSplit split_dataset(const Dataset& data, const SplitSettings& settings) {
  DataSplit split;
  split.indices = split_indices(data, settings);
  split.train = subset(data, split.indices.train);
  split.validation = subset(data, split.indices.validation);
  split.test = subset(data, split.indices.test);
  return split;
}

std::vector<int> sample_indices(Index n, Index count, std::uint64_t seed) {
  if (n < 1 || n > DataLimits::max_samples || count < 0)
    throw DataError("[Sample] needs 1.." + std::to_string(DataLimits::max_samples) +
                    " samples and a count of 0 or more, got " + std::to_string(n) + " samples and a count of " +
                    std::to_string(count));
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  if (count >= n) return order;
  Rng rng(seed);
  rng.shuffle(order);
  order.resize(static_cast<std::size_t>(count));
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace lab
