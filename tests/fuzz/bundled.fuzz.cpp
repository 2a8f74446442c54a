// Fuzzes the decompressed BPDS reader (a JSON header, uint8 features and labels, a CRC-32).
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lab::fuzz::refuse_or_accept([&] { lab::parse_bundled(data, size); });
}
