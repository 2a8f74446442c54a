// The settings schema: one row per setting (its JSON key, kind, range with open or closed ends,
// choices, default, unit, symbol and a one-line description). The rows are the only place these
// facts are written: the parsers check against them, messages quote them, and the page builds
// its URL table, forms and error texts from their JSON (lab.schema).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

enum class FieldKind { number, integer, choice, flag };

// One allowed value of a choice field.
struct Choice {
  std::string_view name;         // as written in JSON and in links
  std::string_view label;        // as the page lists it
  std::string_view description;  // one line
  // The other fields of the same group this choice reads (an optimizer's coefficients), if any.
  std::span<const std::string_view> uses = {};
  // What this choice calls the setting it reads, when it has a name of its own ("limit a", "σ").
  std::string_view parameter = {};
  // An optimizer that needs the whole training set at every step (lbfgs): one step on one
  // mini-batch means nothing for it, so the Step-through lab does not offer it.
  bool full_batch = false;
};

struct Field {
  std::string_view path;  // "learning_rate", "optimizer.momentum": the group and the JSON key
  FieldKind kind = FieldKind::number;
  // number and integer: lo..hi; an open end excludes its bound ("above 0", "below 1")
  double lo = 0.0, hi = 0.0;
  bool lo_open = false, hi_open = false;
  double fallback = 0.0;                 // number, integer, flag (0 or 1): the default
  std::span<const Choice> choices = {};  // choice: the allowed values, in the page's order
  std::string_view fallback_choice = {};
  std::string_view unit = {};    // "epochs", "samples" or empty
  std::string_view symbol = {};  // as text ("η") and as TeX ("\eta"), or empty
  std::string_view tex = {};
  std::string_view description = {};
  bool required = false;  // no default: the JSON must give it

  // The JSON key: the part of the path after its last '.'.
  constexpr std::string_view key() const {
    const std::size_t dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
  }
  // Whether x is inside the range (integers must also be whole); always false for NaN.
  bool allows(double x) const;
  // The index of `name` among the choices, or -1.
  constexpr int choice_index(std::string_view name) const {
    for (std::size_t i = 0; i < choices.size(); ++i)
      if (choices[i].name == name) return static_cast<int>(i);
    return -1;
  }
  // The index of the default choice (an enum whose order follows the choices converts from it).
  constexpr int default_index() const { return choice_index(fallback_choice); }
  // What is allowed, as the messages say it: "a number in 0..1000 (above 0)", "an integer in
  // 1..100000", "one of \"sgd\", \"momentum\"", "true or false".
  std::string allowed() const;
};

// "one of \"a\", \"b\"": how a choice's allowed names read in every message.
std::string one_of(const std::vector<std::string>& names);

// Throws SpecError "<tag> <name> must be <allowed>, got <value>" unless field.allows(value).
void check_field(const Field& field, double value, std::string_view tag, std::string_view name);
// The index of `name` among field's choices; throws SpecError naming the field and the choices.
int parse_choice(const Field& field, std::string_view name, std::string_view tag, std::string_view field_name);

// An integer field's value as a count: rows are written with doubles, exact up to 2^53.
constexpr std::int64_t as_integer(double value) { return static_cast<std::int64_t>(value); }

// The largest seed: seeds travel through JS numbers, whose integers are exact up to 2^53 − 1.
inline constexpr double kMaxSeed = 9007199254740991.0;

}  // namespace lab
