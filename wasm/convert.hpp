// Conversions between JS values and core types for the embind adapters. Bulk numbers cross as
// typed arrays: read with one typed-array copy, returned as copies (slice) so that wasm memory
// growth never invalidates them. Matrices go to JS as {rows, cols, data} with data row-major.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/backprop.hpp"

namespace lab::wasm {

using emscripten::val;

// A whole number from JS (where NaN, undefined, 2.5 or 1e10 can arrive as a double), checked
// before any cast: `field` names it in the SpecError, e.g. "[Trainer] run: epochs must be a whole
// number in 1..100000, got 2.5".
std::int64_t whole_number(double value, const char* field, std::int64_t lo, std::int64_t hi);
// The same for a count or index that fits an Index (samples, features, a batch).
inline Index whole_index(double value, const char* field, Index lo, Index hi) {
  return static_cast<Index>(whole_number(value, field, lo, hi));
}
// A number of samples: 1 up to the dataset limit (0 allowed with `lo` 0, e.g. an empty part).
inline Index sample_count(double value, const char* field, Index lo = 1) {
  return whole_index(value, field, lo, DataLimits::max_samples);
}

std::vector<double> doubles_from(const val& array);
std::vector<int> ints_from(const val& array);
// n samples × d features, row-major in JS, is the (d × n) column-major batch.
Matrix batch_from(const val& array, Index features, Index samples, const char* what);

val float64_array(const double* data, std::size_t size);
val float64_array(const std::vector<double>& values);
val float64_array(const Vector& values);
val int32_array(const std::vector<int>& values);
val string_list(const std::vector<std::string>& values);
// A (d × n) batch back to JS as n × d row-major numbers.
val batch_to_js(const Matrix& batch);
// {rows, cols, data}: data row-major (row r, column c at r·cols + c).
val matrix_object(const Eigen::Ref<const Matrix>& m);

}  // namespace lab::wasm
