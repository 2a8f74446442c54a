// The embind table: the handle classes and the module-level functions, nothing else. Conversions
// live in convert.cpp and results.cpp, the handles' methods in handles.cpp.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>
#include <malloc.h>

#include "core/backprop.hpp"
#include "wasm/convert.hpp"
#include "wasm/errors.hpp"
#include "wasm/handles.hpp"
#include "wasm/results.hpp"

namespace lab::wasm {

namespace {

std::string& pending_error() {
  static std::string message;
  return message;
}

}  // namespace

void set_error(const char* message) { pending_error() = message; }

std::string take_error() {
  std::string message;
  message.swap(pending_error());
  return message;
}

namespace {

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
// (n × t row-major, regression); the core checks it like any other dataset.
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
      data.class_names = numbered_names("class ", data.classes);
    } else {
      data.task = "regression";
      const Index t =
          whole_index(description["outputs"].as<double>(), "[Dataset] outputs", 1, DataLimits::max_features);
      data.targets = batch_from(description["targetValues"], t, n, "[Dataset] targetValues");
      data.target_names = numbered_names("y", static_cast<int>(t), 1);
    }
    data.feature_names = numbered_names("x", static_cast<int>(d), 1);
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

}  // namespace
}  // namespace lab::wasm

EMSCRIPTEN_BINDINGS(backprop_lab) {
  // the module's memory is at most 2 GB (Emscripten's maximum with memory growth), which also
  // holds the data and the engine, and grows in steps: a network and its training get 1.5 GB.
  // What cannot fit is refused before allocating, naming the setting.
  lab::set_memory_limit(1.5 * 1073741824.0, "the browser");
  using namespace emscripten;
  using namespace lab::wasm;

  class_<DatasetHandle>("Dataset")
      .function("info", &DatasetHandle::info)
      .function("summaryJson", &DatasetHandle::summary_json)
      .function("features", &DatasetHandle::features)
      .function("labels", &DatasetHandle::labels)
      .function("targets", &DatasetHandle::targets)
      .function("subset", &DatasetHandle::subset, allow_raw_pointers())
      .function("selectFeatures", &DatasetHandle::select_features, allow_raw_pointers())
      .function("prepare", &DatasetHandle::prepare, allow_raw_pointers());

  class_<PreparedHandle>("Prepared")
      .function("part", &PreparedHandle::part, allow_raw_pointers())
      .function("indices", &PreparedHandle::indices)
      .function("scaler", &PreparedHandle::scaler)
      .function("scale", &PreparedHandle::scale);

  class_<NetworkHandle>("Network")
      .constructor<const std::string&>()
      .function("specJson", &NetworkHandle::spec_json)
      .function("parameterCount", &NetworkHandle::parameter_count)
      .function("inputSize", &NetworkHandle::input_size)
      .function("outputSize", &NetworkHandle::output_size)
      .function("layers", &NetworkHandle::layers)
      .function("parameters", &NetworkHandle::parameters)
      .function("setParameters", &NetworkHandle::set_parameters)
      .function("gradients", &NetworkHandle::gradients)
      .function("initialise", &NetworkHandle::initialise)
      .function("setDerivativeBug", &NetworkHandle::set_derivative_bug)
      .function("derivativeBug", &NetworkHandle::derivative_bug)
      .function("forward", &NetworkHandle::forward)
      .function("loss", &NetworkHandle::loss)
      .function("computeGradients", &NetworkHandle::compute_gradients)
      .function("trace", &NetworkHandle::trace)
      .function("setTraceState", &NetworkHandle::set_trace_state)
      .function("resetTraceOptimizer", &NetworkHandle::reset_trace_optimizer)
      .function("gradientTest", &NetworkHandle::gradient_test)
      .function("jacobianTest", &NetworkHandle::jacobian_test)
      .function("elementwiseCheck", &NetworkHandle::elementwise_check)
      .function("predict", &NetworkHandle::predict)
      .function("predictLabels", &NetworkHandle::predict_labels)
      .function("targetsFor", &NetworkHandle::targets_for)
      .function("evaluate", &NetworkHandle::evaluate)
      .function("classificationReport", &NetworkHandle::classification_report);

  class_<TrainerHandle>("Trainer")
      .constructor<const NetworkHandle&, const DatasetHandle&, const std::string&>()
      .constructor<const NetworkHandle&, const DatasetHandle&, const DatasetHandle&, const std::string&>()
      .function("step", &TrainerHandle::step)
      .function("stepEpoch", &TrainerHandle::step_epoch)
      .function("run", &TrainerHandle::run)
      .function("reset", &TrainerHandle::reset)
      .function("status", &TrainerHandle::status)
      .function("message", &TrainerHandle::message)
      .function("epoch", &TrainerHandle::epoch)
      .function("batchInEpoch", &TrainerHandle::batch_in_epoch)
      .function("batchesPerEpoch", &TrainerHandle::batches_per_epoch)
      .function("batchSize", &TrainerHandle::batch_size)
      .function("learningRate", &TrainerHandle::learning_rate)
      .function("bestEpoch", &TrainerHandle::best_epoch)
      .function("restoredBest", &TrainerHandle::restored_best)
      .function("useLeastSquaresOptimum", &TrainerHandle::use_least_squares_optimum)
      .function("hasValidation", &TrainerHandle::has_validation)
      .function("metricName", &TrainerHandle::metric_name)
      .function("settingsJson", &TrainerHandle::settings_json)
      .function("history", &TrainerHandle::history)
      .function("historySince", &TrainerHandle::history_since)
      .function("parameters", &TrainerHandle::parameters);

  function("generate", &generate_dataset, allow_raw_pointers());
  function("datasetFromArrays", &dataset_from_arrays, allow_raw_pointers());
  function("generatorsJson", &generator_list_json);
  function("loadBundled", &load_bundled_dataset, allow_raw_pointers());
  function("parseCsv", &parse_csv_dataset, allow_raw_pointers());
  function("bundledPresetsJson", &bundled_list_json);
  function("softmaxRegressionTest", &softmax_regression_test);
  function("classificationReport", &classification_report);
  function("derivativeBugs", &derivative_bug_list);
  function("activationNames", &activation_list);
  function("initDistributions", &init_distributions);
  function("specParameterCount", &spec_parameter_count_of);
  function("checkTrainingMemory", &check_training_memory_of);
  function("lossNames", &loss_list);
  function("schemaJson", &lab::schema_json);
  function("rngSample", &rng_sample);
  function("takeError", &take_error);
  function("liveHandles", &live_handle_count);
  function("heapBytesInUse", &heap_bytes_in_use);
}
