// Range checks and message texts of the settings schema (see schema.hpp).
#include "core/base/schema.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"

namespace lab {

bool Field::allows(double x) const {
  if (kind == FieldKind::choice) return false;
  if (kind == FieldKind::flag) return x == 0.0 || x == 1.0;
  if (!std::isfinite(x)) return false;
  if (kind == FieldKind::integer && std::floor(x) != x) return false;
  const bool above = lo_open ? x > lo : x >= lo;
  const bool below = hi_open ? x < hi : x <= hi;
  return above && below;
}

std::string Field::allowed() const {
  switch (kind) {
    case FieldKind::flag: return "true or false";
    case FieldKind::choice: {
      std::vector<std::string> names;
      for (const Choice& c : choices) names.emplace_back(c.name);
      return one_of(names);
    }
    case FieldKind::integer:
    case FieldKind::number: {
      std::string text = std::string(kind == FieldKind::integer ? "an integer" : "a number") + " in " +
                         format_number(lo) + ".." + format_number(hi);
      if (lo_open && hi_open)
        text += " (above " + format_number(lo) + ", below " + format_number(hi) + ")";
      else if (lo_open)
        text += " (above " + format_number(lo) + ")";
      else if (hi_open)
        text += " (below " + format_number(hi) + ")";
      return text;
    }
  }
  return "";
}

std::string one_of(const std::vector<std::string>& names) {
  std::string text = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "\"" : ", \"") + names[i] + "\"";
  return text;
}

void check_field(const Field& field, double value, std::string_view tag, std::string_view name) {
  if (field.allows(value)) return;
  throw SpecError(std::string(tag) + " " + std::string(name) + " must be " + field.allowed() + ", got " +
                  format_number(value));
}

int parse_choice(const Field& field, std::string_view name, std::string_view tag, std::string_view field_name) {
  const int index = field.choice_index(name);
  if (index < 0)
    throw SpecError(std::string(tag) + " " + std::string(field_name) + " must be " + field.allowed() + ", got \"" +
                    std::string(name) + "\"");
  return index;
}

}  // namespace lab
