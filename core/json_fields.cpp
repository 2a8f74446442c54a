// Range-checked JSON field reading (see json_fields.hpp).
#include "core/json_fields.hpp"

#include <cmath>
#include <sstream>

#include "core/errors.hpp"

namespace lab {

Json parse_json_text(std::string_view text, std::string_view tag) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    throw SpecError(std::string(tag) + " the text is not valid JSON (at byte " + std::to_string(e.byte) +
                    "): check quotes, commas and brackets");
  }
}

std::string format_number(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

JsonFields::JsonFields(const Json& object, std::string tag, std::string path,
                       std::initializer_list<std::string_view> allowed)
    : object_(object), tag_(std::move(tag)), path_(std::move(path)) {
  if (!object_.is_object())
    throw SpecError(tag_ + " " + (path_.empty() ? std::string("the top level") : path_) +
                    " must be a JSON object {…}, got " + object_.dump());
  for (const auto& item : object_.items()) {
    bool known = false;
    for (auto key : allowed) known = known || item.key() == key;
    if (!known) {
      std::string names;
      for (auto key : allowed) names += (names.empty() ? "" : ", ") + std::string(key);
      throw SpecError(tag_ + " " + field(item.key()) + " is not a known field; allowed: " + names);
    }
  }
}

std::string JsonFields::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonFields::fail(std::string_view key, const std::string& what) const {
  throw SpecError(tag_ + " " + field(key) + " " + what);
}

bool JsonFields::has(std::string_view key) const { return object_.contains(key); }

const Json& JsonFields::get(std::string_view key) const {
  if (!has(key)) fail(key, "is missing");
  return object_.at(std::string(key));
}

std::int64_t JsonFields::integer(std::string_view key, std::int64_t lo, std::int64_t hi,
                                 std::optional<std::int64_t> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
  const bool whole = value.is_number_integer() ||
                     (value.is_number_float() && std::isfinite(value.get<double>()) &&
                      std::floor(value.get<double>()) == value.get<double>() && std::abs(value.get<double>()) < 9.0e15);
  if (!whole) fail(key, "must be an integer in " + range + ", got " + value.dump());
  const double as_double = value.get<double>();
  if (as_double < static_cast<double>(lo) || as_double > static_cast<double>(hi))
    fail(key, "must be an integer in " + range + ", got " + value.dump());
  return value.is_number_float() ? static_cast<std::int64_t>(as_double) : value.get<std::int64_t>();
}

double JsonFields::number(std::string_view key, double lo, double hi, std::optional<double> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  const std::string range = format_number(lo) + ".." + format_number(hi);
  if (!value.is_number()) fail(key, "must be a number in " + range + ", got " + value.dump());
  const double x = value.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) fail(key, "must be a number in " + range + ", got " + value.dump());
  return x;
}

std::string JsonFields::text(std::string_view key, std::optional<std::string> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  if (!value.is_string()) fail(key, "must be a string, got " + value.dump());
  return value.get<std::string>();
}

bool JsonFields::boolean(std::string_view key, std::optional<bool> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  if (!value.is_boolean()) fail(key, "must be true or false, got " + value.dump());
  return value.get<bool>();
}

}  // namespace lab
