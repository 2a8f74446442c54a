// Numbers as the core writes them into sentences for people: error messages, verdicts,
// explanations. Plain text only; JSON is written by the files that write JSON.
#pragma once

#include <string>

namespace lab {

// A number as it would read in a message: 0.5, 1e-08, 42 (up to 10 significant digits).
std::string format_number(double value);
// Two fixed ways of writing a number in a sentence: "2.01" (format_fixed(x, 2)) and "1.2e-05"
// (format_scientific, one decimal), for slopes and error sizes.
std::string format_fixed(double value, int digits);
std::string format_scientific(double value);

}  // namespace lab
