// Range-checked JSON field reading (see json_fields.hpp).
#include "core/base/json_fields.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"

namespace lab {

namespace {

// Deeper nesting than this is refused before parsing: no setting needs more than a few levels,
// and a value nested 100,000 deep would overflow the stack when it is freed or printed.
constexpr int kMaxJsonDepth = 64;

// Calls visit(i) for each byte i of `text` outside "strings" (escapes inside them skipped) until
// visit returns false; visit may move i forward past what it has read.
template <typename Visit>
void outside_strings(std::string_view text, Visit&& visit) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (in_string) {
      if (text[i] == '\\')
        ++i;
      else if (text[i] == '"')
        in_string = false;
    } else if (text[i] == '"') {
      in_string = true;
    } else if (!visit(i)) {
      return;
    }
  }
}

// Throws when brackets outside strings nest deeper than kMaxJsonDepth.
void check_nesting(std::string_view text, std::string_view tag) {
  int depth = 0;
  outside_strings(text, [&](std::size_t& i) {
    const char c = text[i];
    if ((c == '[' || c == '{') && ++depth > kMaxJsonDepth)
      throw SpecError(std::string(tag) + " the JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                      " levels deep (at byte " + std::to_string(i) + "); no setting needs more than a few");
    if (c == ']' || c == '}') --depth;
    return true;
  });
}

// Where the first number beyond ±1.8e308 starts ("1e400", or 400 digits), or 0.
std::size_t overflowing_number(std::string_view text) {
  std::size_t position = 0;
  outside_strings(text, [&](std::size_t& i) {
    if (text[i] != '-' && !std::isdigit(static_cast<unsigned char>(text[i]))) return true;
    std::size_t end = i + 1;
    while (end < text.size() && std::strchr("0123456789.eE+-", text[end]) != nullptr) ++end;
    const std::string token(text.substr(i, end - i));
    if (!std::isfinite(std::strtod(token.c_str(), nullptr))) {
      position = i;
      return false;
    }
    i = end - 1;
    return true;
  });
  return position;
}

// The key whose value starts at or before `position`: the last "key": before it, or "" if none.
std::string key_before(std::string_view text, std::size_t position) {
  const std::size_t colon = text.rfind(':', position);
  if (colon == std::string_view::npos) return "";
  const std::size_t close = text.rfind('"', colon);
  if (close == std::string_view::npos || close == 0) return "";
  const std::size_t open = text.rfind('"', close - 1);
  if (open == std::string_view::npos) return "";
  return std::string(text.substr(open + 1, close - open - 1));
}

}  // namespace

Json parse_json_text(std::string_view text, std::string_view tag) {
  check_nesting(text, tag);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    throw SpecError(std::string(tag) + " the text is not valid JSON (at byte " + std::to_string(e.byte) +
                    "): check quotes, commas and brackets");
  } catch (const Json::out_of_range&) {
    // a number beyond ±1.8e308: name the field it belongs to
    const std::size_t position = overflowing_number(text);
    const std::string key = key_before(text, position);
    throw SpecError(std::string(tag) + " " + (key.empty() ? std::string("a number") : key) +
                    " is too large for a double (beyond ±1.8e308, at byte " + std::to_string(position) +
                    "); give a number in the field's range");
  }
}

std::string excerpt(const Json& value) {
  constexpr std::size_t kLimit = 60;
  std::string text = value.dump();
  if (text.size() > kLimit) text = text.substr(0, kLimit - 1) + "… (" + std::to_string(text.size()) + " characters)";
  return text;
}

JsonFields::JsonFields(const Json& object, std::string tag, std::string path,
                       std::initializer_list<std::string_view> allowed)
    : object_(object), tag_(std::move(tag)), path_(std::move(path)) {
  if (!object_.is_object())
    throw SpecError(tag_ + " " + (path_.empty() ? std::string("the top level") : path_) +
                    " must be a JSON object {…}, got " + excerpt(object_));
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
  if (!whole) fail(key, "must be an integer in " + range + ", got " + excerpt(value));
  const double as_double = value.get<double>();
  if (as_double < static_cast<double>(lo) || as_double > static_cast<double>(hi))
    fail(key, "must be an integer in " + range + ", got " + excerpt(value));
  return value.is_number_float() ? static_cast<std::int64_t>(as_double) : value.get<std::int64_t>();
}

double JsonFields::number(std::string_view key, double lo, double hi, std::optional<double> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  const std::string range = format_number(lo) + ".." + format_number(hi);
  if (!value.is_number()) fail(key, "must be a number in " + range + ", got " + excerpt(value));
  const double x = value.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) fail(key, "must be a number in " + range + ", got " + excerpt(value));
  return x;
}

std::string JsonFields::text(std::string_view key, std::optional<std::string> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  if (!value.is_string()) fail(key, "must be a string, got " + excerpt(value));
  return value.get<std::string>();
}

bool JsonFields::boolean(std::string_view key, std::optional<bool> fallback) const {
  if (!has(key) && fallback) return *fallback;
  const Json& value = get(key);
  if (!value.is_boolean()) fail(key, "must be true or false, got " + excerpt(value));
  return value.get<bool>();
}

double JsonFields::number(const Field& f) const {
  const std::string_view key = f.key();
  if (!has(key) && !f.required) return f.fallback;
  const Json& value = get(key);
  if (!value.is_number() || !f.allows(value.get<double>()))
    fail(key, "must be " + f.allowed() + ", got " + excerpt(value));
  return value.get<double>();
}

std::int64_t JsonFields::integer(const Field& f) const {
  const std::string_view key = f.key();
  if (!has(key) && !f.required) return as_integer(f.fallback);
  const Json& value = get(key);
  // whole numbers written as 3.0 are accepted; beyond 2^53 a double is no longer exact
  const bool whole = value.is_number_integer() || (value.is_number_float() && std::abs(value.get<double>()) < 9.0e15);
  if (!whole || !f.allows(value.get<double>())) fail(key, "must be " + f.allowed() + ", got " + excerpt(value));
  return value.is_number_float() ? static_cast<std::int64_t>(value.get<double>()) : value.get<std::int64_t>();
}

int JsonFields::choice(const Field& f) const {
  const std::string_view key = f.key();
  if (!has(key) && !f.required) return f.choice_index(f.fallback_choice);
  const Json& value = get(key);
  const int index = value.is_string() ? f.choice_index(value.get<std::string>()) : -1;
  if (index < 0) fail(key, "must be " + f.allowed() + ", got " + excerpt(value));
  return index;
}

bool JsonFields::flag(const Field& f) const {
  const std::string_view key = f.key();
  if (!has(key) && !f.required) return f.fallback != 0.0;
  const Json& value = get(key);
  if (!value.is_boolean()) fail(key, "must be " + f.allowed() + ", got " + excerpt(value));
  return value.get<bool>();
}

Json field_json(const Field& f) {
  static constexpr const char* kKinds[] = {"number", "integer", "choice", "flag"};
  Json row;
  row["path"] = std::string(f.path);
  row["kind"] = kKinds[static_cast<int>(f.kind)];
  if (f.kind == FieldKind::number || f.kind == FieldKind::integer) {
    row["min"] = f.lo;
    row["max"] = f.hi;
    row["minOpen"] = f.lo_open;
    row["maxOpen"] = f.hi_open;
  }
  if (f.kind == FieldKind::choice) {
    row["choices"] = Json::array();
    for (const Choice& c : f.choices) {
      Json uses = Json::array();
      for (std::string_view u : c.uses) uses.push_back(std::string(u));
      row["choices"].push_back({{"name", std::string(c.name)},
                                {"label", std::string(c.label)},
                                {"description", std::string(c.description)},
                                {"uses", uses},
                                {"parameter", std::string(c.parameter)},
                                {"fullBatch", c.full_batch}});
    }
  }
  if (f.required)
    row["default"] = nullptr;
  else if (f.kind == FieldKind::choice)
    row["default"] = std::string(f.fallback_choice);
  else if (f.kind == FieldKind::flag)
    row["default"] = f.fallback != 0.0;
  else
    row["default"] = f.fallback;
  row["required"] = f.required;
  row["allowed"] = f.allowed();
  row["unit"] = std::string(f.unit);
  row["symbol"] = std::string(f.symbol);
  row["tex"] = std::string(f.tex);
  row["description"] = std::string(f.description);
  return row;
}

}  // namespace lab
