// Numbers in sentences (see format.hpp).
#include "core/base/format.hpp"

#include <iomanip>
#include <sstream>

namespace lab {

std::string format_number(double value) {
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
