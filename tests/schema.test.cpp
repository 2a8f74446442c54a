// The settings schema: every row is consistent (its default is allowed, its choices are unique),
// the parsers enforce exactly the rows' ranges with the rows' own words, and lab.schema's JSON
// carries the same facts the parsers use.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "core/backprop.hpp"

using namespace lab;
using Json = nlohmann::json;

namespace {

std::vector<const Field*> every_row() {
  std::vector<const Field*> rows;
  for (const Field* f : spec_schema::kAll) rows.push_back(f);
  for (const Field* f : settings_schema::kAll) rows.push_back(f);
  for (const Field* f : data_schema::kAll) rows.push_back(f);
  for (const Field* f : check_schema::kAll) rows.push_back(f);
  return rows;
}

// {"a": {"b": value}} for the path "a.b".
Json nested(std::string_view path, const Json& value) {
  const std::size_t dot = path.find('.');
  if (dot == std::string_view::npos) return Json{{std::string(path), value}};
  return Json{{std::string(path.substr(0, dot)), nested(path.substr(dot + 1), value)}};
}

// Values just outside a row's range: below lo (or lo itself when open), above hi (or hi itself).
std::vector<double> outside(const Field& f) {
  const double step = f.kind == FieldKind::integer ? 1.0 : std::max(1e-9, std::abs(f.hi - f.lo) * 1e-6);
  return {f.lo_open ? f.lo : f.lo - step, f.hi_open ? f.hi : f.hi + step};
}

}  // namespace

TEST_CASE("Every schema row is consistent: lo ≤ hi, the default allowed, the choices unique", "[schema]") {
  std::set<std::string_view> paths;
  for (const Field* f : every_row()) {
    INFO(f->path);
    CHECK(paths.insert(f->path).second);
    CHECK_FALSE(f->description.empty());
    switch (f->kind) {
      case FieldKind::number:
      case FieldKind::integer:
        CHECK(f->lo <= f->hi);
        if (!f->required) CHECK(f->allows(f->fallback));
        CHECK_FALSE(f->allows(std::numeric_limits<double>::quiet_NaN()));
        for (double x : outside(*f)) CHECK_FALSE(f->allows(x));
        break;
      case FieldKind::flag: CHECK((f->fallback == 0.0 || f->fallback == 1.0)); break;
      case FieldKind::choice: {
        std::set<std::string_view> names;
        for (const Choice& c : f->choices) CHECK(names.insert(c.name).second);
        // activation and loss take their choices from their registries
        if (!f->choices.empty()) CHECK(f->default_index() >= 0);
        break;
      }
    }
  }
}

TEST_CASE("Messages quote the row: one text for a range on both sides of the wasm boundary", "[schema][errors]") {
  const Field& lr = settings_schema::learning_rate;
  CHECK(lr.allowed() == "a number in 0..1000 (above 0)");
  CHECK(settings_schema::momentum.allowed() == "a number in 0..1 (below 1)");
  CHECK(settings_schema::seed.allowed() == "an integer in 0..9007199254740991");
  CHECK(settings_schema::epoch_metrics.allowed() == "one of \"full\", \"running\"");
  CHECK_THROWS_WITH(parse_train_settings(R"({"learning_rate":0})"),
                    "[Settings] learning_rate must be " + lr.allowed() + ", got 0");
  TrainSettings built;
  built.learning_rate = 2000.0;
  CHECK_THROWS_WITH(validate_train_settings(built), "[Settings] learning_rate must be " + lr.allowed() + ", got 2000");
}

TEST_CASE("The training-settings parser enforces each row's range, open ends included", "[schema][settings]") {
  for (const Field* f : settings_schema::kAll) {
    if (f->kind != FieldKind::number && f->kind != FieldKind::integer) continue;
    for (double x : outside(*f)) {
      INFO(f->path << " = " << x);
      CHECK_THROWS_WITH(parse_train_settings(nested(f->path, x).dump()),
                        Catch::Contains(std::string(f->path) + " must be " + f->allowed()));
    }
    INFO(f->path << " at its default");
    CHECK_NOTHROW(parse_train_settings(nested(f->path, f->fallback).dump()));
  }
  for (const Field* f : data_schema::kAll) {
    if (f->path.rfind("split.", 0) != 0 || f->kind != FieldKind::number) continue;
    for (double x : outside(*f)) {
      INFO(f->path << " = " << x);
      CHECK_THROWS_WITH(parse_split_settings(Json{{std::string(f->key()), x}}.dump()),
                        Catch::Contains(std::string(f->key()) + " must be " + f->allowed()));
    }
  }
}

TEST_CASE("Defaults of the settings structs are the rows' defaults", "[schema]") {
  const TrainSettings s;
  CHECK(s.learning_rate == settings_schema::learning_rate.fallback);
  CHECK(s.batch_size == as_integer(settings_schema::batch_size.fallback));
  CHECK(s.epochs == settings_schema::epochs.fallback);
  CHECK(optimizer_name(s.optimizer.kind) == settings_schema::optimizer.fallback_choice);
  CHECK(s.optimizer.beta2 == settings_schema::beta2.fallback);
  CHECK(schedule_type_name(s.lr_schedule.type) == settings_schema::schedule_type.fallback_choice);
  CHECK(stop_metric_name(s.early_stopping.metric) == settings_schema::stop_metric.fallback_choice);
  CHECK(s.early_stopping.patience == settings_schema::stop_patience.fallback);
  CHECK(epoch_metrics_name(s.epoch_metrics) == settings_schema::epoch_metrics.fallback_choice);
  const ModelSpec spec = parse_model_spec(R"({"input": 2, "layers": [{"units": 1}], "init": {}})");
  CHECK(init_scheme_name(spec.init.scheme) == spec_schema::init_scheme.fallback_choice);
  CHECK(spec.init.scale == spec_schema::init_scale.fallback);
  CHECK(spec.layers[0].bias == (spec_schema::bias.fallback != 0.0));
}

TEST_CASE("lab.schema's JSON holds every row with the parser's facts", "[schema]") {
  const Json schema = Json::parse(schema_json());
  const Json& lr = schema["settings"]["learning_rate"];
  CHECK(lr["kind"] == "number");
  CHECK(lr["min"] == 0.0);
  CHECK(lr["minOpen"] == true);
  CHECK(lr["max"] == 1000.0);
  CHECK(lr["maxOpen"] == false);
  CHECK(lr["default"] == 0.1);
  CHECK(lr["allowed"] == settings_schema::learning_rate.allowed());
  CHECK(lr["symbol"] == "η");
  const Json& optimizer = schema["settings"]["optimizer.name"];
  REQUIRE(optimizer["choices"].size() == 6);
  CHECK(optimizer["choices"][4]["name"] == "adam");
  CHECK(optimizer["choices"][4]["uses"] == Json::array({"beta1", "beta2", "eps"}));
  CHECK(optimizer["choices"][4]["fullBatch"] == false);
  CHECK(optimizer["choices"][5]["name"] == "lbfgs");
  CHECK(optimizer["choices"][5]["uses"] == Json::array({"memory"}));
  CHECK(optimizer["choices"][5]["fullBatch"] == true);
  const Json& memory = schema["settings"]["optimizer.memory"];
  CHECK(memory["kind"] == "integer");
  CHECK(memory["min"] == 1.0);
  CHECK(memory["max"] == 100.0);
  CHECK(memory["default"] == 10.0);
  CHECK(schema["spec"]["layers.activation"]["choices"].size() == activation_names().size());
  CHECK(schema["spec"]["loss"]["choices"].size() == loss_names().size());
  CHECK(schema["spec"]["input"]["default"].is_null());
  CHECK(schema["data"]["scaling"]["choices"][2]["name"] == "min_max");
  std::size_t rows = 0;
  CHECK(schema["check"]["check.bug"]["choices"].size() == derivative_bugs().size());
  CHECK(schema["check"]["check.epsilon0"]["allowed"] == "a number in 0..10 (above 0)");
  for (const char* section : {"spec", "settings", "data", "check"}) rows += schema[section].size();
  CHECK(rows == every_row().size());
}
