// Core results as plain JS objects (camelCase keys), for the embind adapters. Nothing is
// computed here: every number is copied from the core's result.
#pragma once

#include <emscripten/val.h>

#include "core/backprop.hpp"

namespace lab::wasm {

using emscripten::val;

val gradient_test_to_js(const GradientTestResult& result);
val elementwise_to_js(const ElementwiseResult& result);
val trace_to_js(const StepTrace& trace);
val epoch_to_js(const EpochRecord& record);
val layer_stats_to_js(const EpochLayerStats& stats);
val diagnosis_to_js(const Diagnosis& diagnosis);
val step_result_to_js(const StepResult& result);
val classification_report_to_js(const ClassificationReport& report);
val classified_samples_to_js(const ClassifiedSamples& samples);
// The fit and `projection`, the samples' coordinates (n × k row-major, from the core's pca_project).
val pca_to_js(const Pca& pca, const Matrix& projection);
val loss_parts_to_js(const LossParts& parts);
val dataset_info_to_js(const Dataset& data);
val layer_info_to_js(const Layer& layer, Index offset);

}  // namespace lab::wasm
