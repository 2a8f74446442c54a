// Fuzzes the CSV reader with the default options (a header row, the label in the last column).
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lab::fuzz::refuse_or_accept([&] { lab::parse_csv(lab::fuzz::text_of(data, size)); });
}
