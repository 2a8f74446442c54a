// The JSON model spec: defaults, round trips, and an error for every kind of bad field.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"

using namespace lab;

TEST_CASE("A spec parses with defaults and writes every field back", "[spec]") {
  const ModelSpec spec = parse_model_spec(R"({"input": 2, "layers": [{"units": 3}]})");
  CHECK(spec.input == 2);
  CHECK(spec.layers[0].activation.kind == ActivationKind::identity);
  CHECK(spec.loss == LossKind::mse);
  CHECK(spec.init.scheme == InitScheme::normal);
  CHECK(spec.init.seed == 42);
  const std::string json = model_spec_to_json(spec);
  CHECK(json.find("\"l2\":0.0") != std::string::npos);
  const ModelSpec again = parse_model_spec(json);
  CHECK(model_spec_to_json(again) == json);
}

TEST_CASE("The DESIGN.md example spec parses", "[spec]") {
  const ModelSpec spec = parse_model_spec(R"({
    "input": 2,
    "layers": [
      {"type": "dense", "units": 3, "activation": "sigmoid"},
      {"type": "residual", "activation": "tanh"},
      {"type": "dense", "units": 1, "activation": "sigmoid"}
    ],
    "loss": "mse",
    "init": {"scheme": "normal", "scale": 0.1, "seed": 42},
    "l2": 0.0
  })");
  CHECK(spec.layers.size() == 3);
  CHECK(spec.layers[1].type == LayerType::residual);
}

TEST_CASE("Bad specs are rejected with the field, the value and what is allowed", "[spec][errors]") {
  struct Case {
    const char* json;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"input": 2, "layers": [{"units": 0}]})", "layers[0].units must be an integer in 1..4096, got 0"},
      {R"({"input": 0, "layers": [{"units": 1}]})", "input must be an integer in 1..100000, got 0"},
      {R"({"input": 2.5, "layers": [{"units": 1}]})", "input must be an integer"},
      {R"({"input": 2, "layers": []})", "layers must be a list of 1..64"},
      {R"({"input": 2, "layers": [{"units": 2, "activation": "swish"}]})",
       "unknown activation \"swish\"; allowed: identity"},
      {R"({"input": 2, "layers": [{"units": 2, "activation": "softmax"}, {"units": 2}]})",
       "softmax is only allowed on the last layer"},
      {R"({"input": 2, "layers": [{"units": 2, "activation": "sigmoid"}], "loss": "cross_entropy"})",
       "cross_entropy needs a last dense layer with activation softmax"},
      {R"({"input": 2, "layers": [{"units": 2, "activation": "sigmoid"}], "loss": "binary_cross_entropy"})",
       "binary_cross_entropy needs a last dense layer with 1 unit"},
      {R"({"input": 2, "layers": [{"units": 2, "activation": "softmax"}], "loss": "mse"})",
       "softmax output needs loss cross_entropy"},
      {R"({"input": 2, "layers": [{"type": "residual", "units": 3}]})", "not allowed on a residual block"},
      {R"({"input": 2, "layers": [{"type": "conv", "units": 3}]})",
       "layers[0].type must be one of \"dense\", \"residual\", got \"conv\""},
      {R"({"input": 2, "layers": [{"units": 3}], "lr": 0.1})", "lr is not a known field; allowed: input, layers"},
      {R"({"input": 2, "layers": [{"units": 3}], "l2": -1})", "l2 must be a number in 0..100, got -1"},
      {R"({"input": 2, "layers": [{"units": 3}], "init": {"scheme": "glorot"}})",
       "init.scheme must be one of \"zeros\", \"uniform\", \"normal\", \"xavier\", \"he\", got \"glorot\""},
      {R"({"input": 2, "layers": [{"units": 3}], "init": {"seed": -4}})",
       "init.seed must be an integer in 0..9007199254740991, got -4"},
      {R"({"input": 2, "layers": [{"units": 3, "alpha": 0.2}]})", "alpha is only used by leaky_relu"},
      {R"({"input": 2, "layers": [{"units": 3, "activation": "leaky_relu", "alpha": 2}]})",
       "layers[0].alpha must be a number in 0..1, got 2"},
      {R"({"input": 2, "layers": [{"units": 3}],)", "not valid JSON"},
      {R"([1, 2])", "the top level must be a JSON object"},
      {R"({"input": 2, "layers": [{"type": "residual", "bias": false}]})",
       "layers[0].bias is only allowed on a dense layer"},
      {R"({"input": 2, "layers": [{"units": 1, "bias": 0}]})", "layers[0].bias"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.expected) {
      CHECK_THROWS_AS(parse_model_spec(c.json), SpecError);
      CHECK_THROWS_WITH(parse_model_spec(c.json), Catch::Contains("[Spec]") && Catch::Contains(c.expected));
    }
  }
}

TEST_CASE("A residual block of the wrong width is rejected in a spec built in code", "[spec][errors]") {
  ModelSpec spec;
  spec.input = 3;
  LayerSpec block;
  block.type = LayerType::residual;
  block.units = 4;
  spec.layers.push_back(block);
  CHECK_THROWS_WITH(validate_model_spec(spec), Catch::Contains("width 4") && Catch::Contains("input has width 3"));
}

TEST_CASE("A dense layer without a bias round-trips through the spec", "[spec][bias]") {
  const ModelSpec spec = parse_model_spec(R"({"input": 3, "layers": [{"units": 1, "bias": false}]})");
  REQUIRE(spec.layers.size() == 1);
  CHECK_FALSE(spec.layers[0].bias);
  const std::string text = model_spec_to_json(spec);
  CHECK_THAT(text, Catch::Contains("\"bias\":false"));
  CHECK_FALSE(parse_model_spec(text).layers[0].bias);
  // the default keeps the bias and writes nothing
  CHECK_THAT(model_spec_to_json(parse_model_spec(R"({"input": 3, "layers": [{"units": 1}]})")),
             !Catch::Contains("bias"));
}

TEST_CASE("Deeply nested JSON is refused before parsing, and messages quote a short excerpt", "[spec][errors][json]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THROWS_AS(parse_model_spec(deep), SpecError);
  CHECK_THROWS_WITH(parse_model_spec(deep), Catch::Contains("nested more than 64 levels deep (at byte 64)"));
  // a bracket inside a string does not count
  CHECK_THROWS_WITH(parse_model_spec(R"({"input": 2, "layers": [{"units": 1, "activation": ")" + std::string(200, '[') +
                                     R"("}]})"),
                    Catch::Contains("unknown activation"));
  // a huge value is quoted as a short excerpt, not in full
  std::string ones;
  for (int i = 0; i < 2000000; ++i) ones += i ? ",1" : "1";
  const std::string huge = R"({"input": 2, "layers": [{"units": 1}], "loss": [)" + ones + "]}";
  try {
    parse_model_spec(huge);
    FAIL("a 4 MB loss value was accepted");
  } catch (const SpecError& e) {
    CHECK(std::string(e.what()).size() < 200);
    CHECK_THAT(e.what(), Catch::Contains("loss") && Catch::Contains("characters)"));
  }
}

TEST_CASE("A number too large for a double is a core error naming its field", "[spec][errors][json]") {
  CHECK_THROWS_AS(parse_model_spec(R"({"input": 2, "layers": [{"units": 1}], "l2": 1e400})"), SpecError);
  CHECK_THROWS_WITH(parse_model_spec(R"({"input": 2, "layers": [{"units": 1}], "l2": 1e400})"),
                    Catch::Contains("[Spec] l2 is too large for a double"));
  CHECK_THROWS_WITH(parse_model_spec(R"({"input": 2, "layers": [{"units": 1}], "l2": -2.5E+999})"),
                    Catch::Contains("l2 is too large for a double"));
  // 400 digits, after a string that holds digits and an "e"
  CHECK_THROWS_WITH(parse_model_spec(R"({"input": 2, "layers": [{"units": 1, "activation": "relu 1e999"}], "l1": )" +
                                     std::string(400, '9') + "}"),
                    Catch::Contains("[Spec] l1 is too large for a double"));
}
