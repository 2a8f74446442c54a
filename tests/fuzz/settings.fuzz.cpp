// Fuzzes the training settings and writes back what it accepts (the round trip must parse again).
#include "core/backprop.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lab::fuzz::refuse_or_accept([&] {
    const lab::TrainSettings settings = lab::parse_train_settings(lab::fuzz::text_of(data, size));
    lab::parse_train_settings(lab::train_settings_to_json(settings));
  });
}
