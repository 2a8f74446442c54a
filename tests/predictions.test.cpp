// Predicted classes with their outputs: every mistake counted over the whole set, the first
// `limit` listed in sample order, the probability of the predicted class (softmax, one sigmoid
// output read as P(class 1)), agreement with the confusion matrix, and the errors.
#include <catch2/catch.hpp>

#include <vector>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using Catch::Matchers::Contains;

TEST_CASE("classify_samples counts every mistake and lists the first ones with their output", "[predictions]") {
  // 3 classes × 6 samples; columns are softmax-like outputs
  Matrix outputs(3, 6);
  outputs << 0.7, 0.1, 0.2, 0.6, 0.3, 0.1,  //
      0.2, 0.8, 0.5, 0.3, 0.3, 0.1,         //
      0.1, 0.1, 0.3, 0.1, 0.4, 0.8;
  const std::vector<int> truth = {0, 1, 2, 1, 2, 0};  // predicted: 0, 1, 1, 0, 2, 2 → mistakes at 2, 3, 5

  const ClassifiedSamples mistakes = classify_samples(outputs, truth, true, SampleFilter::mistakes, 2);
  CHECK(mistakes.matched == 3);
  CHECK(mistakes.indices == std::vector<int>{2, 3});
  CHECK(mistakes.truth == std::vector<int>{2, 1});
  CHECK(mistakes.predicted == std::vector<int>{1, 0});
  CHECK(mistakes.confidence == std::vector<double>{0.5, 0.6});
  CHECK(mistakes.probabilities);

  const ClassifiedSamples all = classify_samples(outputs, truth, false, SampleFilter::all, 4);
  CHECK(all.matched == 6);
  CHECK(all.indices == std::vector<int>{0, 1, 2, 3});
  CHECK(all.predicted == std::vector<int>{0, 1, 1, 0});
  CHECK(all.confidence == std::vector<double>{0.7, 0.8, 0.5, 0.6});
  CHECK_FALSE(all.probabilities);

  // a limit of 0 still counts
  const ClassifiedSamples none = classify_samples(outputs, truth, true, SampleFilter::mistakes, 0);
  CHECK(none.matched == 3);
  CHECK(none.indices.empty());
}

TEST_CASE("One sigmoid output gives class 1 its output a and class 0 the probability 1 − a", "[predictions]") {
  Matrix outputs(1, 3);
  outputs << 0.9, 0.2, 0.5;  // classes 1, 0, 1 (a ≥ 0.5)
  const ClassifiedSamples all = classify_samples(outputs, {0, 0, 1}, true, SampleFilter::all, 10);
  CHECK(all.predicted == std::vector<int>{1, 0, 1});
  CHECK(all.confidence[0] == 0.9);
  CHECK(all.confidence[1] == Approx(0.8).epsilon(1e-15));
  CHECK(all.confidence[2] == 0.5);
  const ClassifiedSamples mistakes = classify_samples(outputs, {0, 0, 1}, true, SampleFilter::mistakes, 10);
  CHECK(mistakes.matched == 1);
  CHECK(mistakes.indices == std::vector<int>{0});
}

TEST_CASE("A network's mistakes agree with its confusion matrix and its softmax outputs", "[predictions]") {
  Dataset data = generate(R"({"name":"spiral","samples":300,"noise":0.2,"seed":3,"classes":3})");
  Network net(R"({"input":2,"layers":[{"units":8,"activation":"tanh"},{"units":3,"activation":"softmax"}],
                  "loss":"cross_entropy","init":{"scheme":"xavier","seed":5}})");
  const ClassificationReport report = classification_report(data.labels, labels_from_outputs(net.forward(data.X)), 3);
  const double correct = report.confusion.trace();
  const ClassifiedSamples mistakes = classify_samples(net, data, SampleFilter::mistakes, 48);
  CHECK(static_cast<double>(mistakes.matched) == report.confusion.sum() - correct);
  REQUIRE(mistakes.matched > 48);  // an untrained network: more mistakes than listed
  REQUIRE(mistakes.indices.size() == 48);
  const Matrix outputs = net.forward(data.X);
  for (std::size_t i = 0; i < mistakes.indices.size(); ++i) {
    const Index col = mistakes.indices[i];
    CHECK(mistakes.truth[i] == data.labels[static_cast<std::size_t>(col)]);
    CHECK(mistakes.predicted[i] != mistakes.truth[i]);
    CHECK(mistakes.confidence[i] == outputs(mistakes.predicted[i], col));
    CHECK(mistakes.confidence[i] == outputs.col(col).maxCoeff());
  }
  CHECK(mistakes.probabilities);
  CHECK_FALSE(outputs_are_probabilities(
      parse_model_spec(R"({"input":2,"layers":[{"units":3,"activation":"sigmoid"}],"loss":"mse"})")));
  CHECK(outputs_are_probabilities(
      parse_model_spec(R"({"input":2,"layers":[{"units":1,"activation":"sigmoid"}],"loss":"binary_cross_entropy"})")));
}

TEST_CASE("classify_samples refuses regression data, mismatched labels and a negative limit", "[predictions]") {
  Matrix outputs(2, 2);
  outputs << 0.6, 0.3, 0.4, 0.7;
  CHECK_THROWS_WITH(classify_samples(outputs, {0}, true, SampleFilter::all, 5),
                    Contains("[Predictions] the outputs have 2 samples but 1 true labels"));
  CHECK_THROWS_WITH(classify_samples(outputs, {0, 1}, true, SampleFilter::all, -1),
                    Contains("limit must be 0 or more"));
  Dataset sine = generate(R"({"name":"sine","samples":20,"seed":1})");
  Network net(R"({"input":1,"layers":[{"units":1,"activation":"identity"}],"loss":"mse"})");
  CHECK_THROWS_WITH(classify_samples(net, sine, SampleFilter::all, 5), Contains("is a regression set"));
}
