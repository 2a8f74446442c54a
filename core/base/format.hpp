// Numbers as the core writes them into sentences for people: error messages, verdicts,
// explanations. Plain text only (no JSON here, so numeric files can include it).
#pragma once

#include <cstddef>
#include <string>

namespace lab {

// A number as it would read in a message: 0.5, 1e-08, 42 (up to 10 significant digits; whole
// numbers below 10^16 in full, so a seed limit reads 9007199254740991).
std::string format_number(double value);
// Two fixed ways of writing a number in a sentence: "2.01" (format_fixed(x, 2)) and "1.2e-05"
// (format_scientific, one decimal), for slopes and error sizes.
std::string format_fixed(double value, int digits);
std::string format_scientific(double value);

// "layer 3" for the layer at 0-based index 2: the textbook's numbering, in which layer 1 is the
// first layer after the input (W⁽¹⁾). Every sentence the core writes names layers this way; only
// indices (JSON paths such as layers[0], API arguments, data fields) count from 0.
std::string layer_text(std::size_t index);

}  // namespace lab
