// Fuzzes the model spec, and builds (and runs) the networks it accepts that are small enough.
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lab::set_memory_limit(64.0 * 1048576.0, "the fuzzer");
  return lab::fuzz::refuse_or_accept([&] {
    const lab::ModelSpec spec = lab::parse_model_spec(lab::fuzz::text_of(data, size));
    lab::Network net(spec);
    const lab::Matrix X = lab::Matrix::Constant(net.input_size(), 2, 0.5);
    net.forward(X);
  });
}
