// Numbers in sentences (see format.hpp).
#include "core/base/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lab {

namespace {

// printf's conversion of one number (no iostreams: their locale machinery is about 60 KB of wasm).
std::string printed(const char* format, int precision, double value) {
  char text[400];  // "%.*f" of 1e308 with a few decimals is about 320 characters
  const int length = std::snprintf(text, sizeof text, format, precision, value);
  return std::string(text, static_cast<std::size_t>(length < 0 ? 0 : std::min<int>(length, sizeof text - 1)));
}

}  // namespace

std::string format_number(double value) {
  // whole numbers below 10^16 in full (a seed's limit reads 9007199254740991, not 9.007e+15)
  if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e16)
    return std::to_string(static_cast<long long>(value));
  return printed("%.*g", 10, value);
}

std::string format_fixed(double value, int digits) { return printed("%.*f", digits, value); }

std::string format_scientific(double value) { return printed("%.*e", 1, value); }

std::string layer_text(std::size_t index) { return "layer " + std::to_string(index + 1); }

}  // namespace lab
