// The embind table: the handle classes and the module-level functions, nothing else. Conversions
// live in convert.cpp and results.cpp, the handles' methods in handles.cpp, the module-level
// functions in functions.cpp, the error store in errors.cpp.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include "core/backprop.hpp"
#include "wasm/convert.hpp"
#include "wasm/errors.hpp"
#include "wasm/functions.hpp"
#include "wasm/handles.hpp"
#include "wasm/results.hpp"

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
      .function("selectClasses", &DatasetHandle::select_classes, allow_raw_pointers())
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
      .function("classificationReport", &NetworkHandle::classification_report)
      .function("classifySamples", &NetworkHandle::classify_samples)
      .function("layerFeatures", &NetworkHandle::layer_features, allow_raw_pointers())
      .function("lossLine", &NetworkHandle::loss_line)
      .function("lossSurface", &NetworkHandle::loss_surface)
      .function("randomDirection", &NetworkHandle::random_direction)
      .function("gradientDirection", &NetworkHandle::gradient_direction);

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
      .function("layerStatsSince", &TrainerHandle::layer_stats_since)
      .function("diagnoses", &TrainerHandle::diagnoses)
      .function("pathPlane", &TrainerHandle::path_plane)
      .function("projectPath", &TrainerHandle::project_path)
      .function("parameters", &TrainerHandle::parameters);

  function("generate", &generate_dataset, allow_raw_pointers());
  function("datasetFromArrays", &dataset_from_arrays, allow_raw_pointers());
  function("generatorsJson", &generator_list_json);
  function("loadBundled", &load_bundled_dataset, allow_raw_pointers());
  function("parseCsv", &parse_csv_dataset, allow_raw_pointers());
  function("bundledPresetsJson", &bundled_list_json);
  function("softmaxRegressionTest", &softmax_regression_test);
  function("classificationReport", &classification_report);
  function("pca", &pca_of);
  function("sampleIndices", &sample_indices_of);
  function("derivativeBugs", &derivative_bug_list);
  function("activationNames", &activation_list);
  function("initDistributions", &init_distributions);
  function("specParameterCount", &spec_parameter_count_of);
  function("checkTrainingMemory", &check_training_memory_of);
  function("watchesValidation", &watches_validation_of);
  function("lossNames", &loss_list);
  function("schemaJson", &lab::schema_json);
  function("rngSample", &rng_sample);
  function("takeError", &take_error);
  function("liveHandles", &live_handle_count);
  function("heapBytesInUse", &heap_bytes_in_use);
}
