// Reads fields of a JSON object with range checks and messages that name the field, the value
// and what is allowed, e.g. "[Spec] layers[1].units must be an integer in 1..4096, got 0".
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lab {

using Json = nlohmann::json;

// Parses JSON text; a syntax error becomes a SpecError that says where, a number beyond a double's
// range one that names its field, and nesting deeper than 64 levels is refused before parsing.
Json parse_json_text(std::string_view text, std::string_view tag);
// A value for a message: its JSON text, cut to about 60 characters (a 4 MB value stays short).
std::string excerpt(const Json& value);

class JsonFields {
 public:
  // `tag` starts each message ("[Spec]"); `path` names the object ("layers[1]", or "" for the
  // top level). Keys not in `allowed` are rejected so that a typo is never silently ignored.
  JsonFields(const Json& object, std::string tag, std::string path, std::initializer_list<std::string_view> allowed);

  bool has(std::string_view key) const;
  const Json& get(std::string_view key) const;  // throws when missing
  std::int64_t integer(std::string_view key, std::int64_t lo, std::int64_t hi,
                       std::optional<std::int64_t> fallback = std::nullopt) const;
  double number(std::string_view key, double lo, double hi, std::optional<double> fallback = std::nullopt) const;
  std::string text(std::string_view key, std::optional<std::string> fallback = std::nullopt) const;
  bool boolean(std::string_view key, std::optional<bool> fallback = std::nullopt) const;

  // "layers[1].units": the full name of a field, for messages built elsewhere.
  std::string field(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& what) const;

 private:
  const Json& object_;
  std::string tag_, path_;
};

}  // namespace lab
