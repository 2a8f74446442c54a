// Numbers as the core's messages write them: the shortest text that reads back the same to ten
// significant digits (0.5, 1e-08, 42). No JSON here, so numeric files can include it.
#pragma once

#include <string>

namespace lab {

// A number as it would read in a message: 0.5, 1e-08, 42.
std::string format_number(double value);

}  // namespace lab
