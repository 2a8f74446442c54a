// Numbers in sentences (see format.hpp).
#include "core/base/format.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace lab {

std::string format_number(double value) {
  // whole numbers below 10^16 in full (a seed's limit reads 9007199254740991, not 9.007e+15)
  if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e16)
    return std::to_string(static_cast<long long>(value));
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

std::string format_fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string format_scientific(double value) {
  std::ostringstream out;
  out << std::scientific << std::setprecision(1) << value;
  return out.str();
}

std::string layer_text(std::size_t index) { return "layer " + std::to_string(index + 1); }

}  // namespace lab
