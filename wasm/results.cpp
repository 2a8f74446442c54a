// Core results copied into plain JS objects (see results.hpp).
#include "wasm/results.hpp"

#include "wasm/convert.hpp"

namespace lab::wasm {
namespace {

template <class T>
val number_list(const std::vector<T>& values) {
  val list = val::array();
  for (const T& value : values) list.call<void>("push", static_cast<double>(value));
  return list;
}

val named_matrices(const std::vector<NamedMatrix>& values) {
  val list = val::array();
  for (const NamedMatrix& item : values) {
    val entry = matrix_object(item.value);
    entry.set("name", item.name);
    list.call<void>("push", entry);
  }
  return list;
}

// {t, names, values}: the whole state with its vectors one after another (flatten_state).
val optimizer_state_to_js(const OptimizerState& state) {
  std::vector<std::string> names;
  for (const NamedVector& v : state.vectors) names.push_back(v.name);
  val out = val::object();
  out.set("t", static_cast<double>(state.t));
  out.set("names", string_list(names));
  out.set("values", float64_array(flatten_state(state)));
  return out;
}

val optimizer_settings_to_js(const OptimizerSettings& s) {
  val out = val::object();
  out.set("name", std::string(optimizer_name(s.kind)));
  out.set("momentum", s.momentum);
  out.set("rho", s.rho);
  out.set("beta1", s.beta1);
  out.set("beta2", s.beta2);
  out.set("eps", s.eps);
  out.set("memory", s.memory);
  return out;
}

}  // namespace

val loss_parts_to_js(const LossParts& parts) {
  val out = val::object();
  out.set("data", parts.data);
  out.set("penalty", parts.penalty);
  out.set("total", parts.total());
  return out;
}

val gradient_test_to_js(const GradientTestResult& r) {
  val out = val::object();
  out.set("target", r.target);
  out.set("value", r.value);
  out.set("directionalDerivative", r.directional_derivative);
  out.set("epsilon", float64_array(r.epsilon));
  out.set("zeroOrder", float64_array(r.zero_order));
  out.set("firstOrder", float64_array(r.first_order));
  out.set("zeroOrderRate", float64_array(r.zero_order_rate));
  out.set("firstOrderRate", float64_array(r.first_order_rate));
  val at_floor = val::array();
  for (bool flag : r.at_floor) at_floor.call<void>("push", flag);
  out.set("atFloor", at_floor);
  out.set("floorIndex", r.floor_index);
  out.set("floorLevel", r.floor_level);
  out.set("zeroOrderSlope", r.zero_order_slope);
  out.set("firstOrderSlope", r.first_order_slope);
  out.set("zeroOrderSlopeNote", r.zero_order_slope_note);
  out.set("firstOrderSlopeNote", r.first_order_slope_note);
  out.set("rateNote", r.rate_note);
  out.set("verdict", r.verdict);
  out.set("passed", r.passed);
  out.set("explanation", r.explanation);
  out.set("bug", r.bug);
  return out;
}

val elementwise_to_js(const ElementwiseResult& r) {
  val entries = val::array();
  for (const ElementCheck& e : r.entries) {
    val entry = val::object();
    entry.set("index", static_cast<double>(e.index));
    entry.set("layer", static_cast<double>(e.layer));
    entry.set("block", e.block);
    entry.set("row", static_cast<double>(e.row));
    entry.set("col", static_cast<double>(e.col));
    entry.set("analytic", e.analytic);
    entry.set("numeric", e.numeric);
    entry.set("relativeError", e.relative_error);
    entries.call<void>("push", entry);
  }
  val out = val::object();
  out.set("entries", entries);
  out.set("maxRelativeError", r.max_relative_error);
  out.set("wrongEntries", static_cast<double>(r.wrong_entries));
  out.set("layerMaxError", float64_array(r.layer_max_error));
  out.set("passed", r.passed);
  out.set("explanation", r.explanation);
  out.set("parameterCount", static_cast<double>(r.parameter_count));
  val skipped = val::array();
  for (const SkippedEntries& s : r.skipped) {
    val entry = val::object();
    entry.set("reason", s.reason);
    entry.set("count", static_cast<double>(s.count));
    entry.set("explanation", s.explanation);
    skipped.call<void>("push", entry);
  }
  out.set("skipped", skipped);
  out.set("coverage", r.coverage);
  return out;
}

val trace_to_js(const StepTrace& t) {
  val layers = val::array();
  for (const LayerTrace& layer : t.layers) {
    val entry = val::object();
    entry.set("index", static_cast<double>(layer.index));
    entry.set("type", layer.type);
    entry.set("activation", layer.activation);
    entry.set("forward", named_matrices(layer.forward));
    entry.set("backward", named_matrices(layer.backward));
    layers.call<void>("push", entry);
  }
  val updates = val::array();
  for (const ParamUpdate& u : t.updates) {
    val entry = val::object();
    entry.set("layer", static_cast<double>(u.layer));
    entry.set("name", u.name);
    entry.set("before", matrix_object(u.before));
    entry.set("gradient", matrix_object(u.gradient));
    entry.set("after", matrix_object(u.after));
    entry.set("stateBefore", named_matrices(u.state_before));
    entry.set("stateAfter", named_matrices(u.state_after));
    entry.set("derived", named_matrices(u.derived));
    updates.call<void>("push", entry);
  }
  val out = val::object();
  out.set("input", matrix_object(t.input));
  out.set("target", matrix_object(t.target));
  out.set("output", matrix_object(t.output));
  out.set("layers", layers);
  out.set("lossName", t.loss_name);
  out.set("loss", loss_parts_to_js(t.loss));
  out.set("outputGradient", matrix_object(t.output_gradient));
  out.set("outputGradientIsDelta", t.output_gradient_is_delta);
  out.set("optimizer", std::string(optimizer_name(t.optimizer.kind)));
  out.set("optimizerSettings", optimizer_settings_to_js(t.optimizer));
  out.set("learningRate", t.learning_rate);
  out.set("updates", updates);
  out.set("stateBefore", optimizer_state_to_js(t.state_before));
  out.set("stateAfter", optimizer_state_to_js(t.state_after));
  out.set("lossAfter", loss_parts_to_js(t.loss_after));
  return out;
}

val epoch_to_js(const EpochRecord& r) {
  val out = val::object();
  out.set("epoch", r.epoch);
  out.set("trainLoss", r.train_loss);
  out.set("trainMetric", r.train_metric);
  out.set("valLoss", r.val_loss);
  out.set("valMetric", r.val_metric);
  out.set("learningRate", r.learning_rate);
  out.set("penalty", r.penalty);
  out.set("optimumDistance", r.optimum_distance);
  out.set("optimumGap", r.optimum_gap);
  out.set("functionEvaluations", r.function_evaluations);
  out.set("gradientEvaluations", r.gradient_evaluations);
  return out;
}

namespace {

val histogram_to_js(const Histogram& h) {
  val out = val::object();
  out.set("lo", h.lo);
  out.set("hi", h.hi);
  out.set("counts", number_list(h.counts));
  return out;
}

}  // namespace

val layer_stats_to_js(const EpochLayerStats& stats) {
  val layers = val::array();
  for (const LayerStats& s : stats.layers) {
    val layer = val::object();
    layer.set("weightNorm", s.weight_norm);
    layer.set("gradientNorm", s.gradient_norm);
    layer.set("updateRatio", s.update_ratio);
    layer.set("units", s.units);
    layer.set("deadFraction", s.dead_fraction);
    layer.set("saturatedFraction", s.saturated_fraction);
    layer.set("identicalFraction", s.identical_fraction);
    layer.set("z", histogram_to_js(s.z));
    layer.set("a", histogram_to_js(s.a));
    layers.call<void>("push", layer);
  }
  val out = val::object();
  out.set("epoch", stats.epoch);
  out.set("layers", layers);
  return out;
}

val diagnosis_to_js(const Diagnosis& d) {
  val out = val::object();
  out.set("kind", d.kind);
  out.set("layer", d.layer);
  out.set("value", d.value);
  out.set("text", d.text);
  return out;
}

val step_result_to_js(const StepResult& r) {
  val out = val::object();
  out.set("epoch", r.epoch);
  out.set("batch", static_cast<double>(r.batch));
  out.set("batchLoss", r.batch_loss);
  out.set("epochCompleted", r.epoch_completed);
  out.set("status", std::string(train_status_name(r.status)));
  return out;
}

val classification_report_to_js(const ClassificationReport& report) {
  val out = val::object();
  out.set("classes", report.classes);
  out.set("confusion", matrix_object(report.confusion));
  out.set("accuracy", report.accuracy);
  out.set("macroF1", report.macro_f1);
  out.set("precision", float64_array(report.precision));
  out.set("recall", float64_array(report.recall));
  out.set("f1", float64_array(report.f1));
  out.set("perClassAccuracy", float64_array(report.per_class_accuracy));
  out.set("support", number_list(report.support));
  return out;
}

val classified_samples_to_js(const ClassifiedSamples& samples) {
  val out = val::object();
  out.set("matched", static_cast<double>(samples.matched));
  out.set("indices", int32_array(samples.indices));
  out.set("labels", int32_array(samples.truth));
  out.set("predicted", int32_array(samples.predicted));
  out.set("confidence", float64_array(samples.confidence));
  out.set("probabilities", samples.probabilities);
  return out;
}

val pca_to_js(const Pca& pca, const Matrix& projection) {
  val out = val::object();
  out.set("mean", float64_array(pca.mean));
  out.set("components", matrix_object(pca.components));
  out.set("explainedVariance", float64_array(pca.explained_variance));
  out.set("explainedVarianceRatio", float64_array(pca.explained_variance_ratio));
  out.set("projection", batch_to_js(projection));
  return out;
}

val dataset_info_to_js(const Dataset& d) {
  val out = val::object();
  out.set("name", d.name);
  out.set("description", d.description);
  out.set("task", d.task);
  out.set("samples", static_cast<double>(d.samples()));
  out.set("features", static_cast<double>(d.features()));
  out.set("classes", d.classes);
  out.set("classNames", string_list(d.class_names));
  out.set("featureNames", string_list(d.feature_names));
  out.set("targetNames", string_list(d.target_names));
  out.set("imageWidth", d.image_width);
  out.set("imageHeight", d.image_height);
  out.set("reconstruct", d.reconstruction);
  out.set("classCounts", d.is_classification() ? number_list(class_counts(d.labels, d.classes)) : val::array());
  return out;
}

val layer_info_to_js(const Layer& layer, Index offset) {
  val blocks = val::array();
  for (const ParamBlock& block : layer.param_blocks()) {
    val entry = val::object();
    entry.set("name", block.name);
    entry.set("rows", static_cast<double>(block.rows));
    entry.set("cols", static_cast<double>(block.cols));
    entry.set("offset", static_cast<double>(offset + block.offset));
    entry.set("isWeight", block.is_weight);
    blocks.call<void>("push", entry);
  }
  val out = val::object();
  out.set("type", std::string(layer.type()));
  out.set("activation", std::string(layer.activation().name()));
  out.set("inputSize", static_cast<double>(layer.input_size()));
  out.set("outputSize", static_cast<double>(layer.output_size()));
  out.set("parameterCount", static_cast<double>(layer.param_count()));
  out.set("offset", static_cast<double>(offset));
  out.set("blocks", blocks);
  return out;
}

}  // namespace lab::wasm
