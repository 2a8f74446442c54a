// Seeded splits: disjoint parts that cover the set, sklearn's sizes, stratification by class,
// determinism per seed, and the settings' checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/backprop.hpp"

using namespace lab;
using Catch::Matchers::Contains;

namespace {

// n samples with unbalanced classes: class k has about (k + 1) shares.
Dataset unbalanced(Index n, int classes) {
  Dataset data;
  data.name = "unbalanced";
  data.X.resize(1, n);
  data.classes = classes;
  data.class_names = numbered_names("c", classes);
  data.feature_names = {"x"};
  const int shares = classes * (classes + 1) / 2;
  for (Index j = 0; j < n; ++j) {
    int position = static_cast<int>(j % shares), label = 0;
    while (position > label) position -= ++label;
    data.labels.push_back(label);
    data.X(0, j) = static_cast<double>(j);
  }
  return data;
}

void check_partition(const SplitIndices& parts, Index n) {
  std::vector<int> all;
  for (const auto* part : {&parts.train, &parts.validation, &parts.test}) {
    CHECK(std::is_sorted(part->begin(), part->end()));
    all.insert(all.end(), part->begin(), part->end());
  }
  std::sort(all.begin(), all.end());
  REQUIRE(all.size() == static_cast<std::size_t>(n));
  for (Index j = 0; j < n; ++j) CHECK(all[static_cast<std::size_t>(j)] == j);  // disjoint and complete
}

std::vector<long> counts_of(const Dataset& data, const std::vector<int>& indices) {
  std::vector<int> labels;
  for (int j : indices) labels.push_back(data.labels[static_cast<std::size_t>(j)]);
  return class_counts(labels, data.classes);
}

}  // namespace

TEST_CASE("Split parts are disjoint, cover every sample and have sklearn's sizes", "[datasets][split]") {
  const Dataset data = unbalanced(1797, 10);
  SplitSettings settings;
  settings.test = 0.5;
  SplitIndices parts = split_indices(data, settings);
  check_partition(parts, 1797);
  CHECK(parts.test.size() == 899);  // ⌈0.5 · 1797⌉, seed 001's digits split
  CHECK(parts.train.size() == 898);
  CHECK(parts.validation.empty());

  settings.validation = 0.15;
  settings.test = 0.25;
  parts = split_indices(data, settings);
  check_partition(parts, 1797);
  CHECK(parts.test.size() == 450);        // ⌈449.25⌉
  CHECK(parts.validation.size() == 270);  // ⌈269.55⌉
  CHECK(parts.train.size() == 1077);

  settings.validation = 0.0;
  settings.test = 0.0;
  parts = split_indices(data, settings);
  CHECK(parts.train.size() == 1797);
  CHECK(parts.test.empty());

  settings.test = 0.7;  // 0.7 · 1000 = 700.0000000000001 in doubles: still 700
  CHECK(split_indices(unbalanced(1000, 3), settings).test.size() == 700);
}

TEST_CASE("Stratified splits keep every class's share in each part within one sample", "[datasets][split]") {
  const Dataset data = unbalanced(1000, 4);  // classes of 100, 200, 300, 400
  const std::vector<long> totals = class_counts(data.labels, 4);
  REQUIRE(totals == std::vector<long>{100, 200, 300, 400});
  SplitSettings settings;
  settings.validation = 0.13;
  settings.test = 0.21;
  settings.seed = 5;
  const SplitIndices parts = split_indices(data, settings);
  check_partition(parts, 1000);
  const std::vector<long> test = counts_of(data, parts.test), validation = counts_of(data, parts.validation);
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("class " << k);
    CHECK(std::abs(static_cast<double>(test[k]) - 0.21 * static_cast<double>(totals[k])) < 1.0);
    CHECK(std::abs(static_cast<double>(validation[k]) - 0.13 * static_cast<double>(totals[k])) < 1.0);
  }
  // A plain (unstratified) split has the same part sizes.
  settings.stratify = false;
  const SplitIndices plain = split_indices(data, settings);
  check_partition(plain, 1000);
  CHECK(plain.test.size() == parts.test.size());
}

TEST_CASE("stratified_share hands out the remainder by largest remainder, lower class first", "[datasets][split]") {
  // 5 of {3, 3, 4}: exact shares 1.5, 1.5, 2 → floors 1, 1, 2, the one left goes to class 0.
  CHECK(stratified_share(5, {3, 3, 4}) == std::vector<long>{2, 1, 2});
  CHECK(stratified_share(0, {3, 3}) == std::vector<long>{0, 0});
  CHECK(stratified_share(6, {3, 3}) == std::vector<long>{3, 3});
  CHECK(stratified_share(3, {1, 0, 10}) == std::vector<long>{0, 0, 3});
  CHECK_THROWS_AS(stratified_share(7, {3, 3}), DataError);
}

TEST_CASE("The same seed gives the same split and another seed a different one", "[datasets][split]") {
  const Dataset data = generate(R"({"name":"gmm","samples":500})");
  SplitSettings settings;
  settings.validation = 0.2;
  settings.seed = 9;
  const SplitIndices a = split_indices(data, settings), b = split_indices(data, settings);
  CHECK(a.train == b.train);
  CHECK(a.validation == b.validation);
  CHECK(a.test == b.test);
  settings.seed = 10;
  CHECK(split_indices(data, settings).test != a.test);
}

TEST_CASE("Regression data is split by a seeded permutation", "[datasets][split]") {
  const Dataset data = generate(R"({"name":"sine","samples":101})");
  SplitSettings settings;
  settings.test = 0.3;
  const DataSplit split = split_dataset(data, settings);
  check_partition(split.indices, 101);
  CHECK(split.test.samples() == 31);
  CHECK(split.train.samples() == 70);
  CHECK(split.test.targets.cols() == 31);
  for (std::size_t k = 0; k < split.indices.test.size(); ++k)
    CHECK(split.test.targets(0, static_cast<Index>(k)) == data.targets(0, split.indices.test[k]));
}

TEST_CASE("split_dataset copies each part's samples and labels from the original indices", "[datasets][split]") {
  const Dataset data = generate(R"({"name":"blobs","samples":60,"classes":3})");
  SplitSettings settings;
  settings.validation = 0.25;
  settings.test = 0.25;
  const DataSplit split = split_dataset(data, settings);
  CHECK(split.train.samples() + split.validation.samples() + split.test.samples() == 60);
  CHECK(counts_of(data, split.indices.test) == std::vector<long>{5, 5, 5});
  for (std::size_t k = 0; k < split.indices.validation.size(); ++k) {
    const int j = split.indices.validation[k];
    CHECK(split.validation.X.col(static_cast<Index>(k)) == data.X.col(j));
    CHECK(split.validation.labels[k] == data.labels[static_cast<std::size_t>(j)]);
  }
}

TEST_CASE("Split settings reject unknown fields and fractions that leave no training samples", "[datasets][split]") {
  const SplitSettings parsed = parse_split_settings(R"({"validation":0.1,"test":0.2,"stratify":false,"seed":3})");
  CHECK(parsed.validation == 0.1);
  CHECK(parsed.test == 0.2);
  CHECK_FALSE(parsed.stratify);
  CHECK(parsed.seed == 3);
  CHECK_THROWS_WITH(parse_split_settings(R"({"tset":0.2})"), Contains("[Split] tset is not a known field"));
  CHECK_THROWS_WITH(parse_split_settings(R"({"test":1.5})"),
                    "[Split] test must be a number in 0..1 (below 1), got 1.5");
  CHECK_THROWS_WITH(parse_split_settings(R"({"validation":0.5,"test":0.5})"),
                    "[Split] validation + test must be less than 1 so that training samples remain, got 0.5 + 0.5");
  SplitSettings tiny;
  tiny.test = 0.5;
  tiny.validation = 0.4;
  CHECK_THROWS_WITH(split_indices(generate(R"({"name":"three_points"})"), tiny),
                    "[Split] validation 0.4 and test 0.5 of 3 samples take 2 + 2 samples and leave none for training; "
                    "use smaller fractions");
}

TEST_CASE("sample_indices draws a sorted, seeded sample without repeats, or every index", "[datasets][split]") {
  const std::vector<int> sample = sample_indices(40000, 5000, 7);
  REQUIRE(sample.size() == 5000);
  CHECK(std::is_sorted(sample.begin(), sample.end()));
  CHECK(std::adjacent_find(sample.begin(), sample.end()) == sample.end());  // sorted and no two equal
  CHECK(sample.front() >= 0);
  CHECK(sample.back() < 40000);
  // spread over the whole range, not the first 5,000
  CHECK(sample.back() > 35000);
  CHECK(sample_indices(40000, 5000, 7) == sample);
  CHECK(sample_indices(40000, 5000, 8) != sample);

  const std::vector<int> all = sample_indices(30, 100, 7);
  REQUIRE(all.size() == 30);
  for (int i = 0; i < 30; ++i) CHECK(all[static_cast<std::size_t>(i)] == i);
  CHECK(sample_indices(30, 0, 7).empty());
  CHECK_THROWS_WITH(sample_indices(0, 5, 1), Contains("[Sample] needs 1..100000 samples"));
  CHECK_THROWS_WITH(sample_indices(10, -1, 1), Contains("a count of 0 or more"));
}

TEST_CASE("k folds share the test part, and their validation parts cover the rest once, stratified",
          "[datasets][split][folds]") {
  const Dataset data = unbalanced(203, 4);  // classes of about 20, 41, 61 and 81 samples
  SplitSettings plain;
  plain.test = 0.2;
  plain.seed = 5;
  const SplitIndices without_folds = split_indices(data, plain);
  const long rest = 203 - static_cast<long>(without_folds.test.size());
  const std::vector<long> rest_counts = [&] {
    std::vector<long> counts = class_counts(data.labels, 4);
    const std::vector<long> test_counts = counts_of(data, without_folds.test);
    for (std::size_t k = 0; k < 4; ++k) counts[k] -= test_counts[k];
    return counts;
  }();
  std::vector<int> covered;
  for (int fold = 0; fold < 3; ++fold) {
    INFO("fold " << fold);
    SplitSettings settings = plain;
    settings.folds = 3;
    settings.fold = fold;
    settings.validation = 0.5;  // not used with folds
    const SplitIndices parts = split_indices(data, settings);
    check_partition(parts, 203);
    CHECK(parts.test == without_folds.test);  // the same test part as without folds
    // the folds' sizes differ by at most one: 162 = 54 · 3
    CHECK(static_cast<long>(parts.validation.size()) == rest / 3);
    // every class within one sample of its share of the fold
    const std::vector<long> counts = counts_of(data, parts.validation);
    for (std::size_t k = 0; k < 4; ++k) {
      const double share = static_cast<double>(rest_counts[k]) / 3.0;
      CHECK(std::abs(static_cast<double>(counts[k]) - share) < 1.0);
    }
    covered.insert(covered.end(), parts.validation.begin(), parts.validation.end());
  }
  std::sort(covered.begin(), covered.end());
  CHECK(std::adjacent_find(covered.begin(), covered.end()) == covered.end());  // no sample in two folds
  CHECK(static_cast<long>(covered.size()) == rest);

  // regression: one permutation, dealt out the same way
  const Dataset sine = generate(R"({"name":"sine","samples":100})");
  SplitSettings folds;
  folds.folds = 4;
  folds.test = 0;
  std::vector<int> all;
  for (int fold = 0; fold < 4; ++fold) {
    folds.fold = fold;
    const SplitIndices parts = split_indices(sine, folds);
    CHECK(parts.validation.size() == 25);
    CHECK(parts.train.size() == 75);
    CHECK(parts.test.empty());
    all.insert(all.end(), parts.validation.begin(), parts.validation.end());
  }
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(all.size() == 100);
}

TEST_CASE("Fold settings are checked: folds 1..10, a fold below folds, enough samples", "[datasets][split][folds]") {
  const SplitSettings parsed = parse_split_settings(R"({"test":0.2,"folds":3,"fold":2})");
  CHECK(parsed.folds == 3);
  CHECK(parsed.fold == 2);
  CHECK(parse_split_settings("{}").folds == 1);
  CHECK_THROWS_WITH(parse_split_settings(R"({"folds":3,"fold":3})"), "[Split] fold must be 0..2 for 3 folds, got 3");
  CHECK_THROWS_WITH(parse_split_settings(R"({"folds":11})"), Contains("folds must be an integer in 1..10, got 11"));
  // with folds the validation fraction is not used, so validation + test may reach 1
  CHECK(parse_split_settings(R"({"validation":0.5,"test":0.5,"folds":2})").folds == 2);
  SplitSettings settings;
  settings.test = 0.5;
  settings.folds = 3;
  CHECK_THROWS_WITH(split_indices(generate(R"({"name":"xor","samples":7})"), settings),
                    "[Split] 3 folds need at least 4 samples outside the test part (test 0.5 of 7 samples leaves 3); "
                    "use fewer folds or a smaller test fraction");
}
