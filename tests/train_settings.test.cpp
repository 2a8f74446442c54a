// Training settings JSON: defaults, the string shorthand for optimizers, round trips and errors.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"

using namespace lab;

TEST_CASE("Training settings parse with defaults and round-trip", "[settings]") {
  const TrainSettings s = parse_train_settings(R"({"optimizer":"adam","learning_rate":0.001,"batch_size":1})");
  CHECK(s.optimizer.kind == OptimizerKind::adam);
  CHECK(s.optimizer.beta2 == 0.999);
  CHECK(s.batch_size == 1);
  CHECK(s.epochs == 100);
  CHECK(s.shuffle);
  const std::string json = train_settings_to_json(s);
  CHECK(train_settings_to_json(parse_train_settings(json)) == json);

  const TrainSettings seed000 = parse_train_settings(
      R"({"optimizer":{"name":"momentum","momentum":0.8},"lr_schedule":{"type":"step","factor":0.5,"every":50},
          "early_stopping":{"metric":"val_metric","patience":20},"epochs":200})");
  CHECK(seed000.optimizer.momentum == 0.8);
  CHECK(seed000.lr_schedule.every == 50);
  CHECK(seed000.early_stopping.enabled);
  CHECK(seed000.early_stopping.restore_best);
  CHECK_FALSE(parse_train_settings(R"({"early_stopping":false})").early_stopping.enabled);
}

TEST_CASE("Bad training settings name the field and what is allowed", "[settings][errors]") {
  struct Case {
    const char* json;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"optimizer":"adagrad"})",
       "optimizer.name must be one of \"sgd\", \"momentum\", \"nesterov\", \"rmsprop\", \"adam\", \"lbfgs\", got "
       "\"adagrad\""},
      {R"({"optimizer":{"name":"lbfgs","memory":0}})", "optimizer.memory must be an integer in 1..100, got 0"},
      {R"({"optimizer":{"name":"lbfgs","memory":101}})", "optimizer.memory must be an integer in 1..100, got 101"},
      {R"({"optimizer":{"name":"lbfgs","memory":2.5}})", "optimizer.memory must be an integer in 1..100, got 2.5"},
      {R"({"learning_rate":0})", "learning_rate must be a number in 0..1000 (above 0), got 0"},
      {R"({"learning_rate":"fast"})", "learning_rate must be a number in 0..1000 (above 0), got \"fast\""},
      {R"({"batch_size":0})", "batch_size must be an integer in 1..1000000, got 0"},
      {R"({"epochs":1.5})", "epochs must be an integer in 1..100000, got 1.5"},
      {R"({"lr_schedule":{"type":"cosine"}})",
       "lr_schedule.type must be one of \"constant\", \"step\", got \"cosine\""},
      {R"({"lr_schedule":{"type":"step","factor":2}})", "lr_schedule.factor must be a number in 0..1 (above 0), got 2"},
      {R"({"early_stopping":{"metric":"val_acc"}})",
       "early_stopping.metric must be one of \"val_loss\", \"val_metric\", \"train_loss_change\", got "
       "\"val_acc\""},
      {R"({"early_stopping":{"patience":0}})", "early_stopping.patience must be an integer in 1..100000, got 0"},
      {R"({"optimizer":{"name":"adam","beta1":1.5}})", "optimizer.beta1 must be a number in 0..1 (below 1), got 1.5"},
      {R"({"lr":0.1})", "lr is not a known field"},
      {R"({"seed":-1})", "seed must be an integer in 0..9007199254740991, got -1"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.expected) {
      CHECK_THROWS_AS(parse_train_settings(c.json), SpecError);
      CHECK_THROWS_WITH(parse_train_settings(c.json), Catch::Contains("[Settings]") && Catch::Contains(c.expected));
    }
  }
}

TEST_CASE("Settings, generator requests and CSV options refuse numbers beyond a double and deep nesting",
          "[settings][errors][json]") {
  CHECK_THROWS_WITH(parse_train_settings(R"({"learning_rate": 1e400})"),
                    Catch::Contains("[Settings] learning_rate is too large for a double"));
  CHECK_THROWS_WITH(parse_train_settings(R"({"early_stopping": {"min_delta": 9e9999}})"),
                    Catch::Contains("min_delta is too large"));
  CHECK_THROWS_WITH(parse_generator_request(R"({"name": "circles", "noise": 1e400})"),
                    Catch::Contains("[Generator] noise is too large"));
  CHECK_THROWS_WITH(parse_csv(std::string_view("a,b\n1,0\n2,1\n"), std::string_view(R"({"label_column": 1e400})")),
                    Catch::Contains("label_column is too large"));
  const std::string deep = std::string(5000, '{') + std::string(5000, '}');
  CHECK_THROWS_WITH(parse_train_settings(deep), Catch::Contains("nested more than 64 levels"));
  CHECK_THROWS_WITH(parse_generator_request(deep), Catch::Contains("nested more than 64 levels"));
}

TEST_CASE("Early stopping watches a validation score unless it is off or on train_loss_change", "[settings]") {
  CHECK_FALSE(watches_validation(parse_train_settings("{}")));
  CHECK(watches_validation(parse_train_settings(R"({"early_stopping": {"enabled": true}})")));
  CHECK(watches_validation(parse_train_settings(R"({"early_stopping": {"enabled": true, "metric": "val_metric"}})")));
  CHECK_FALSE(watches_validation(
      parse_train_settings(R"({"early_stopping": {"enabled": true, "metric": "train_loss_change"}})")));
  CHECK_FALSE(
      watches_validation(parse_train_settings(R"({"early_stopping": {"enabled": false, "metric": "val_loss"}})")));
}
