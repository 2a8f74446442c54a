// Dataset summaries for the page: shape, class balance, feature statistics, and the JSON form.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/backprop.hpp"
#include "core/base/json_fields.hpp"

using namespace lab;

TEST_CASE("summarize reports the shape, class counts, fractions and imbalance", "[datasets][summary]") {
  Dataset data;
  data.name = "toy";
  data.X.resize(2, 5);
  data.X << 1, 2, 3, 4, 5,  //
      0, 0, 0, 0, 10;
  data.labels = {0, 1, 1, 1, 0};
  data.classes = 3;
  data.class_names = {"a", "b", "c"};
  data.feature_names = {"u", "v"};
  const DatasetSummary summary = summarize(data);
  CHECK(summary.shape == "5 samples × 2 features");
  CHECK(summary.class_counts == std::vector<long>{2, 3, 0});
  CHECK(summary.class_fractions == std::vector<double>{0.4, 0.6, 0.0});
  CHECK(std::isinf(summary.imbalance_ratio));
  REQUIRE(summary.feature_stats.size() == 2);
  CHECK(summary.feature_stats[0].name == "u");
  CHECK(summary.feature_stats[0].min == 1.0);
  CHECK(summary.feature_stats[0].max == 5.0);
  CHECK(summary.feature_stats[0].mean == 3.0);
  CHECK(summary.feature_stats[0].std == Approx(std::sqrt(2.0)));  // population σ, like numpy's std
  CHECK(summary.feature_stats[1].mean == 2.0);
  CHECK(summary.feature_stats[1].std == Approx(4.0));

  const Json json = Json::parse(summary_to_json(summary));
  CHECK(json["class_counts"] == Json({2, 3, 0}));
  CHECK(json["imbalance_ratio"].is_null());  // ∞ has no JSON form
  CHECK(json["feature_stats"][1]["std"].get<double>() == Approx(4.0));
  CHECK(json["shape"] == "5 samples × 2 features");
}

TEST_CASE("summarize gives a balanced ratio of 1 and target statistics for regression", "[datasets][summary]") {
  const DatasetSummary spiral = summarize(generate(R"({"name":"spiral","samples":300,"classes":3})"));
  CHECK(spiral.class_counts == std::vector<long>{100, 100, 100});
  CHECK(spiral.imbalance_ratio == 1.0);
  CHECK(Json::parse(summary_to_json(spiral))["imbalance_ratio"] == 1.0);

  const DatasetSummary three = summarize(generate(R"({"name":"three_points"})"));
  CHECK(three.classes == 0);
  CHECK(three.class_counts.empty());
  REQUIRE(three.target_stats.size() == 1);
  CHECK(three.target_stats[0].name == "y");
  CHECK(three.target_stats[0].mean == 4.0);
  CHECK(three.target_stats[0].min == 3.0);
  CHECK(three.target_stats[0].max == 5.0);
}

TEST_CASE("summarize works on an empty part", "[datasets][summary]") {
  Dataset empty = subset(generate(R"({"name":"moons","samples":10})"), {});
  const DatasetSummary summary = summarize(empty);
  CHECK(summary.samples == 0);
  CHECK(summary.class_counts == std::vector<long>{0, 0});
  CHECK(summary.feature_stats[0].mean == 0.0);
}
