// The module-level functions of the embind table (bindings.cpp): thin adapters that parse their
// arguments, call the core inside guarded() and convert what it returns (see functions.hpp).
#include "wasm/functions.hpp"

#include <malloc.h>

#include "core/backprop.hpp"
#include "wasm/convert.hpp"
#include "wasm/errors.hpp"
#include "wasm/results.hpp"

namespace lab::wasm {

// The first n uniforms and normals of the project's generator, for cross-build checks.
val rng_sample(double seed, double count) {
  return guarded([&] {
    const auto s = static_cast<std::uint64_t>(whole_number(seed, "[Rng] seed", 0, as_integer(kMaxSeed)));
    const auto n = whole_number(count, "[Rng] count", 0, 1000000);
    Rng uniform_rng(s);
    Rng normal_rng(s);
    std::vector<double> values;
    for (std::int64_t i = 0; i < n; ++i) values.push_back(uniform_rng.uniform());
    for (std::int64_t i = 0; i < n; ++i) values.push_back(normal_rng.normal());
    return float64_array(values);
  });
}

DatasetHandle* generate_dataset(const std::string& request_json, bool for_page) {
  return guarded([&] { return new DatasetHandle(generate(parse_generator_request(request_json, for_page))); });
}

// A dataset from JS arrays: features (n × d row-major) and labels (classification) or targets
// (n × t row-major, regression), with optional featureNames, classNames and targetNames (else
// numbered); the core checks it like any other dataset.
namespace {

// The strings of a JS array, or `fallback` when the value is undefined or null (validate_dataset
// checks the count).
std::vector<std::string> names_or(const val& description, const char* field, std::vector<std::string> fallback) {
  const val names = description[field];
  const std::string what = std::string("[Dataset] ") + field;
  if (names.isUndefined() || names.isNull()) return fallback;
  if (!names.isArray()) throw SpecError(what + " must be an array of strings");
  std::vector<std::string> out;
  const auto length = names["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) {
    if (!names[i].isString())
      throw SpecError(what + " must be an array of strings; entry " + std::to_string(i) + " is not");
    out.push_back(names[i].as<std::string>());
  }
  return out;
}

}  // namespace

DatasetHandle* dataset_from_arrays(const val& description) {
  return guarded([&] {
    Dataset data;
    const Index n = sample_count(description["samples"].as<double>(), "[Dataset] samples");
    const Index d =
        whole_index(description["features"].as<double>(), "[Dataset] features", 1, DataLimits::max_features);
    data.name = description["name"].isString() ? description["name"].as<std::string>() : "data";
    data.X = batch_from(description["featureValues"], d, n, "[Dataset] featureValues");
    if (!description["labels"].isUndefined() && !description["labels"].isNull()) {
      data.task = "classification";
      data.labels = ints_from(description["labels"]);
      data.classes = static_cast<int>(
          whole_number(description["classes"].as<double>(), "[Dataset] classes", 2, DataLimits::max_classes));
      data.class_names = names_or(description, "classNames", numbered_names("class ", data.classes));
    } else {
      data.task = "regression";
      const Index t =
          whole_index(description["outputs"].as<double>(), "[Dataset] outputs", 1, DataLimits::max_features);
      data.targets = batch_from(description["targetValues"], t, n, "[Dataset] targetValues");
      data.target_names = names_or(description, "targetNames", numbered_names("y", static_cast<int>(t), 1));
    }
    data.feature_names = names_or(description, "featureNames", numbered_names("x", static_cast<int>(d), 1));
    validate_dataset(data);
    return new DatasetHandle(std::move(data));
  });
}

DatasetHandle* load_bundled_dataset(const std::string& name, const val& bytes) {
  return guarded([&] {
    const std::vector<std::uint8_t> raw = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
    return new DatasetHandle(load_bundled(name, raw.data(), raw.size()));
  });
}

DatasetHandle* parse_csv_dataset(const std::string& text, const std::string& options_json) {
  return guarded([&] { return new DatasetHandle(parse_csv(text, options_json)); });
}

std::string bundled_list_json() { return bundled_presets_json(); }

val softmax_regression_test(const std::string& problem_json, const std::string& settings_json) {
  return guarded([&] {
    return gradient_test_to_js(lab::softmax_regression_test(parse_softmax_regression_problem(problem_json),
                                                            parse_gradient_test_settings(settings_json)));
  });
}

val classification_report(const val& truth, const val& predicted, double classes) {
  return guarded([&] {
    return classification_report_to_js(lab::classification_report(
        ints_from(truth), ints_from(predicted),
        static_cast<int>(whole_number(classes, "[Metrics] classes", 1, DataLimits::max_classes))));
  });
}

val pca_of(const val& values, double features, double samples, double components) {
  return guarded([&] {
    const Index d = whole_index(features, "[PCA] features", 1, DataLimits::max_features);
    const Matrix X = batch_from(values, d, sample_count(samples, "[PCA] samples"), "[PCA] values");
    const Pca pca = fit_pca(X, whole_index(components, "[PCA] components", 1, d));
    return pca_to_js(pca, pca_project(pca, X));
  });
}

val sample_indices_of(double n, double count, double seed) {
  return guarded([&] {
    return int32_array(
        sample_indices(sample_count(n, "[Sample] samples"), sample_count(count, "[Sample] count", 0),
                       static_cast<std::uint64_t>(whole_number(seed, "[Sample] seed", 0, as_integer(kMaxSeed)))));
  });
}

val derivative_bug_list() {
  val list = val::array();
  for (const auto& info : derivative_bugs()) {
    val entry = val::object();
    entry.set("name", std::string(info.name));
    entry.set("description", std::string(info.description));
    list.call<void>("push", entry);
  }
  return list;
}

val activation_list() { return string_list(activation_names()); }

// The flat parameter count of a spec, parsed and checked but not built (no weights allocated).
double spec_parameter_count_of(const std::string& spec_json) {
  return guarded([&] { return static_cast<double>(spec_parameter_count(parse_model_spec(spec_json))); });
}

// Throws the core's ResourceError when a network of the spec, trained with the settings on
// n_train + n_val samples, would not fit in the module's memory; checked before anything is built.
void check_training_memory_of(const std::string& spec_json, const std::string& settings_json, double n_train,
                              double n_val) {
  guarded([&] {
    check_training_memory(parse_model_spec(spec_json), parse_train_settings(settings_json),
                          sample_count(n_train, "[Memory] training samples", 0),
                          sample_count(n_val, "[Memory] validation samples", 0));
  });
}

// True when the settings' early stopping watches a validation score (the trainer then needs
// validation data); false for train_loss_change or no early stopping.
bool watches_validation_of(const std::string& settings_json) {
  return guarded([&] { return watches_validation(parse_train_settings(settings_json)); });
}

// Per weight block of a spec: {layer (1-based), block, rows, cols, kind: 'zero' | 'uniform' |
// 'normal', parameter: the limit or σ}, without building the network.
val init_distributions(const std::string& spec_json) {
  return guarded([&] {
    val list = val::array();
    for (const BlockDistribution& b : weight_distributions(parse_model_spec(spec_json))) {
      val item = val::object();
      item.set("layer", b.layer);
      item.set("block", b.block);
      item.set("rows", static_cast<double>(b.rows));
      item.set("cols", static_cast<double>(b.cols));
      using Kind = WeightDistribution::Kind;
      item.set("kind", std::string(b.distribution.kind == Kind::uniform  ? "uniform"
                                   : b.distribution.kind == Kind::normal ? "normal"
                                                                         : "zero"));
      item.set("parameter", b.distribution.parameter);
      list.call<void>("push", item);
    }
    return list;
  });
}
val loss_list() { return string_list(loss_names()); }
std::string generator_list_json() { return generators_json(); }
int live_handle_count() { return live_handles(); }
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace lab::wasm
