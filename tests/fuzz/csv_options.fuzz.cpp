// Fuzzes the CSV options JSON, then reads a small fixed CSV with the options it accepted (three
// columns, so that two of them can be regression targets).
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lab::fuzz::refuse_or_accept([&] {
    const lab::CsvOptions options = lab::parse_csv_options(lab::fuzz::text_of(data, size));
    lab::parse_csv("a;b,c,d\n1,2,0\n3,4,1\n5,6,0\n", options);
  });
}
