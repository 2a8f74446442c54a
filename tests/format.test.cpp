// Numbers in sentences (core/base/format.hpp): written with printf's conversions, they must read
// exactly as the iostream formatting they replaced (precision 10, std::fixed, std::scientific).
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include "core/base/format.hpp"

using namespace lab;

namespace {

const double kValues[] = {0.5,
                          1e-8,
                          1.0 / 3.0,
                          -2.5e-300,
                          1e20,
                          6.02214076e23,
                          123456.789012345,
                          0.1 + 0.2,
                          -0.0,
                          1e16,
                          12345678901.5,
                          std::numeric_limits<double>::denorm_min(),
                          std::numeric_limits<double>::max(),
                          -std::numeric_limits<double>::infinity(),
                          std::numeric_limits<double>::quiet_NaN()};

std::string streamed(double value, int precision, std::ios_base::fmtflags flags) {
  std::ostringstream out;
  out.flags(flags);
  out << std::setprecision(precision) << value;
  return out.str();
}

}  // namespace

TEST_CASE("format_number reads as a stream with precision 10, and whole numbers in full", "[format]") {
  for (const double value : kValues) {
    const bool whole = std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e16;
    if (!whole) CHECK(format_number(value) == streamed(value, 10, std::ios_base::dec));
  }
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(1e-8) == "1e-08");
  CHECK(format_number(42) == "42");
  CHECK(format_number(-7) == "-7");
  CHECK(format_number(9007199254740991.0) == "9007199254740991");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333");
}

TEST_CASE("format_fixed and format_scientific read as std::fixed and std::scientific", "[format]") {
  for (const double value : kValues) {
    for (const int digits : {0, 2, 6})
      CHECK(format_fixed(value, digits) == streamed(value, digits, std::ios_base::fixed));
    CHECK(format_scientific(value) == streamed(value, 1, std::ios_base::scientific));
  }
  CHECK(format_fixed(2.0 / 3.0, 2) == "0.67");
  CHECK(format_scientific(1.234e-5) == "1.2e-05");
  // the longest fixed text (the largest double, 6 decimals) is not cut
  CHECK(format_fixed(std::numeric_limits<double>::max(), 6).size() == 309 + 7);
}
