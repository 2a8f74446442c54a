// The module-level functions the embind table binds (bindings.cpp): each parses its arguments,
// runs the core inside guarded() and returns JS values; an error becomes takeError()'s message.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "wasm/handles.hpp"

namespace lab::wasm {

using emscripten::val;

// The first `count` uniforms, then `count` normals, of the project's generator for `seed`.
val rng_sample(double seed, double count);
DatasetHandle* generate_dataset(const std::string& request_json, bool for_page);
// A dataset from JS arrays: features (n × d row-major) and labels (classification) or targets
// (n × t row-major, regression); the core checks it like any other dataset.
DatasetHandle* dataset_from_arrays(const val& description);
DatasetHandle* load_bundled_dataset(const std::string& name, const val& bytes);
DatasetHandle* parse_csv_dataset(const std::string& text, const std::string& options_json);
std::string bundled_list_json();
std::string generator_list_json();
val softmax_regression_test(const std::string& problem_json, const std::string& settings_json);
val classification_report(const val& truth, const val& predicted, double classes);
// PCA of n samples × d features (row-major): the fit's {mean, components, explainedVariance,
// explainedVarianceRatio} and the samples' `projection` (n × k row-major).
val pca_of(const val& values, double features, double samples, double components);
// A sorted seeded sample of `count` of the indices 0..n−1 (Int32Array).
val sample_indices_of(double n, double count, double seed);
val derivative_bug_list();  // [{name, description}]
val activation_list();
val loss_list();
// The flat parameter count of a spec, parsed and checked but not built.
double spec_parameter_count_of(const std::string& spec_json);
// True when the settings' early stopping watches a validation score (the trainer needs validation data).
bool watches_validation_of(const std::string& settings_json);
// Throws the core's ResourceError when a network of the spec, trained with the settings on
// n_train + n_val samples, would not fit in the module's memory.
void check_training_memory_of(const std::string& spec_json, const std::string& settings_json, double n_train,
                              double n_val);
// Per weight block of a spec: {layer (1-based), block, rows, cols, kind, parameter}.
val init_distributions(const std::string& spec_json);
int live_handle_count();
double heap_bytes_in_use();

}  // namespace lab::wasm
