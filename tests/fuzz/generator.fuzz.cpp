// Fuzzes generator requests and generates the (page-sized) datasets it accepts.
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lab::fuzz::refuse_or_accept([&] {
    const lab::GeneratorRequest request = lab::parse_generator_request(lab::fuzz::text_of(data, size), true);
    if (request.samples <= 2000) lab::generate(request);
  });
}
