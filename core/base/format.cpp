// Number formatting for messages (see format.hpp).
#include "core/base/format.hpp"

#include <cmath>
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

}  // namespace lab
