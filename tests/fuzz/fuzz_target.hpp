// What every fuzz target shares: the core may refuse any input with its own error types
// (lab::Error and its kinds), and nothing else; anything else escaping (std::bad_alloc, a
// nlohmann exception, std::terminate) or any sanitizer report is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/backprop.hpp"

namespace lab::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs `parse` on the input; the core's own refusals are expected answers.
template <typename F>
int refuse_or_accept(F&& parse) {
  try {
    parse();
  } catch (const lab::Error&) {
  }
  return 0;
}

}  // namespace lab::fuzz
