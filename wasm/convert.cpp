// Typed-array conversions for the embind adapters (see convert.hpp).
#include "wasm/convert.hpp"

#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "core/backprop.hpp"

namespace lab::wasm {

std::int64_t whole_number(double value, const char* field, std::int64_t lo, std::int64_t hi) {
  if (!(std::floor(value) == value && value >= static_cast<double>(lo) && value <= static_cast<double>(hi))) {
    throw SpecError(std::string(field) + " must be a whole number in " + std::to_string(lo) + ".." +
                    std::to_string(hi) + ", got " +
                    (std::isnan(value) ? std::string("NaN or nothing") : format_number(value)));
  }
  return static_cast<std::int64_t>(value);
}

std::vector<double> doubles_from(const val& array) { return emscripten::convertJSArrayToNumberVector<double>(array); }

std::vector<int> ints_from(const val& array) { return emscripten::convertJSArrayToNumberVector<int>(array); }

Matrix batch_from(const val& array, Index features, Index samples, const char* what) {
  const std::vector<double> values = doubles_from(array);
  if (samples < 1 || static_cast<Index>(values.size()) != features * samples)
    throw ShapeError(std::string(what) + " must hold samples × " + std::to_string(features) + " numbers; got " +
                     std::to_string(values.size()) + " numbers for " + std::to_string(samples) + " samples");
  return Eigen::Map<const Matrix>(values.data(), features, samples);
}

val float64_array(const double* data, std::size_t size) {
  return val(emscripten::typed_memory_view(size, data)).call<val>("slice");
}

val float64_array(const std::vector<double>& values) { return float64_array(values.data(), values.size()); }

val float64_array(const Vector& values) {
  return float64_array(values.data(), static_cast<std::size_t>(values.size()));
}

val int32_array(const std::vector<int>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

val string_list(const std::vector<std::string>& values) {
  val list = val::array();
  for (const auto& value : values) list.call<void>("push", value);
  return list;
}

val batch_to_js(const Matrix& batch) { return float64_array(batch.data(), static_cast<std::size_t>(batch.size())); }

val matrix_object(const Eigen::Ref<const Matrix>& m) {
  const RowMatrix row_major = m;
  val object = val::object();
  object.set("rows", static_cast<double>(m.rows()));
  object.set("cols", static_cast<double>(m.cols()));
  object.set("data", float64_array(row_major.data(), static_cast<std::size_t>(row_major.size())));
  return object;
}

}  // namespace lab::wasm
