// The schema's sections collected into one JSON document (see schema.hpp).
#include "core/schema.hpp"

#include <span>
#include <string_view>
#include <vector>

#include "core/base/json_fields.hpp"
#include "core/check/check_schema.hpp"
#include "core/data/data_schema.hpp"
#include "core/nn/activation.hpp"
#include "core/nn/derivative_bug.hpp"
#include "core/nn/spec_schema.hpp"
#include "core/train/settings_schema.hpp"

namespace lab {
namespace {

Json section(std::span<const Field* const> rows) {
  Json out = Json::object();
  for (const Field* row : rows) out[std::string(row->path)] = field_json(*row);
  return out;
}

// A choice row whose names live in a registry: each name is its own label.
void list_names(Json& row, const std::vector<std::string>& names) {
  row["choices"] = Json::array();
  for (const std::string& name : names)
    row["choices"].push_back({{"name", name},
                              {"label", name},
                              {"description", ""},
                              {"uses", Json::array()},
                              {"parameter", ""},
                              {"fullBatch", false}});
  row["allowed"] = one_of(names);
}

}  // namespace

std::string schema_json() {
  Json root;
  root["spec"] = section(spec_schema::kAll);
  list_names(root["spec"][std::string(spec_schema::activation.path)], activation_names());
  root["settings"] = section(settings_schema::kAll);
  root["data"] = section(data_schema::kAll);
  root["check"] = section(check_schema::kAll);
  std::vector<std::string> bug_names;
  for (const DerivativeBugInfo& info : derivative_bugs()) bug_names.emplace_back(info.name);
  Json& bugs = root["check"][std::string(check_schema::bug.path)];
  list_names(bugs, bug_names);
  for (std::size_t i = 0; i < bug_names.size(); ++i)
    bugs["choices"][i]["description"] = derivative_bugs()[i].description;
  return root.dump();
}

}  // namespace lab
