// The embind table: handle classes and conversions only; no maths and no training loop here.
// Bulk numbers cross as Float64Array: read with one typed-array copy, returned as copies
// (slice) so that wasm memory growth never invalidates them.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <vector>

#include "core/errors.hpp"
#include "core/network.hpp"
#include "core/rng.hpp"
#include "wasm/errors.hpp"

using emscripten::val;

EM_JS(void, js_throw_error, (const char* message), { throw new Error(UTF8ToString(message)); });

namespace lab::wasm {

void throw_js_error(const std::string& message) {
  js_throw_error(message.c_str());
  __builtin_unreachable();
}

namespace {

std::vector<double> to_doubles(const val& array) {
  return emscripten::convertJSArrayToNumberVector<double>(array);
}

val to_float64_array(const double* data, std::size_t size) {
  return val(emscripten::typed_memory_view(size, data)).call<val>("slice");
}

// A JS array of n samples × d features in row-major order is the d × n column-major batch.
Matrix to_batch(const val& array, Index features, Index samples, const char* what) {
  std::vector<double> values = to_doubles(array);
  if (samples < 1 || static_cast<Index>(values.size()) != features * samples)
    throw ShapeError(std::string("[Network] ") + what + " must hold samples × " +
                     std::to_string(features) + " numbers; got " + std::to_string(values.size()) +
                     " numbers for " + std::to_string(samples) + " samples");
  return Eigen::Map<const Matrix>(values.data(), features, samples);
}

// JS handle of lab::Network.
class NetworkHandle {
 public:
  explicit NetworkHandle(const std::string& spec_json)
      : net_(guarded([&] { return std::make_unique<Network>(spec_json); })) {}

  std::string spec_json() const { return net_->spec_json(); }
  double parameter_count() const { return static_cast<double>(net_->parameter_count()); }
  double input_size() const { return static_cast<double>(net_->input_size()); }
  double output_size() const { return static_cast<double>(net_->output_size()); }
  val parameters() const {
    return to_float64_array(net_->parameters().data(), static_cast<std::size_t>(net_->parameter_count()));
  }
  void set_parameters(const val& values) {
    guarded([&] {
      const std::vector<double> flat = to_doubles(values);
      net_->set_parameters(Eigen::Map<const Vector>(flat.data(), static_cast<Index>(flat.size())));
    });
  }
  val forward(const val& inputs, double samples) {
    return guarded([&] {
      const Matrix X = to_batch(inputs, net_->input_size(), static_cast<Index>(samples), "inputs");
      const Matrix& out = net_->forward(X);
      return to_float64_array(out.data(), static_cast<std::size_t>(out.size()));
    });
  }

 private:
  std::unique_ptr<Network> net_;
};

// The first n uniforms and normals of the project's generator, for cross-build checks.
val rng_sample(double seed, double count) {
  Rng uniform_rng(static_cast<std::uint64_t>(seed));
  Rng normal_rng(static_cast<std::uint64_t>(seed));
  std::vector<double> values;
  for (int i = 0; i < static_cast<int>(count); ++i) values.push_back(uniform_rng.uniform());
  for (int i = 0; i < static_cast<int>(count); ++i) values.push_back(normal_rng.normal());
  return to_float64_array(values.data(), values.size());
}

}  // namespace
}  // namespace lab::wasm

EMSCRIPTEN_BINDINGS(backprop_lab) {
  using namespace lab::wasm;
  emscripten::class_<NetworkHandle>("Network")
      .constructor<const std::string&>()
      .function("specJson", &NetworkHandle::spec_json)
      .function("parameterCount", &NetworkHandle::parameter_count)
      .function("inputSize", &NetworkHandle::input_size)
      .function("outputSize", &NetworkHandle::output_size)
      .function("parameters", &NetworkHandle::parameters)
      .function("setParameters", &NetworkHandle::set_parameters)
      .function("forward", &NetworkHandle::forward);
  emscripten::function("rngSample", &rng_sample);
}
