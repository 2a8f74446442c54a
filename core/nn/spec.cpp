// Model spec parsing, validation and writing (see spec.hpp).
#include "core/nn/spec.hpp"

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"

namespace lab {
namespace {

constexpr const char* kTag = "[Spec]";
constexpr std::int64_t kMaxSeed = (std::int64_t{1} << 53) - 1;

struct NamedScheme {
  InitScheme scheme;
  const char* name;
};
constexpr NamedScheme kSchemes[] = {{InitScheme::zeros, "zeros"},
                                    {InitScheme::uniform, "uniform"},
                                    {InitScheme::normal, "normal"},
                                    {InitScheme::xavier, "xavier"},
                                    {InitScheme::he, "he"}};

LayerSpec parse_layer(const Json& object, std::size_t index) {
  const std::string path = "layers[" + std::to_string(index) + "]";
  JsonFields fields(object, kTag, path, {"type", "units", "activation", "alpha", "bias"});
  LayerSpec layer;
  layer.type = fields.text("type", "dense");
  if (layer.type != "dense" && layer.type != "residual")
    fields.fail("type", "must be \"dense\" or \"residual\", got \"" + layer.type + "\"");
  if (layer.type == "dense") {
    layer.units = static_cast<Index>(fields.integer("units", 1, SpecLimits::max_units));
  } else if (fields.has("units")) {
    fields.fail("units", "is not allowed on a residual block: it keeps the width of its input");
  }
  layer.activation.kind = activation_from_name(fields.text("activation", "identity"), fields.field("activation"));
  if (fields.has("alpha") && layer.activation.kind != ActivationKind::leaky_relu)
    fields.fail("alpha", "is only used by leaky_relu");
  layer.activation.alpha = fields.number("alpha", 0.0, 1.0, 0.01);
  if (fields.has("bias") && layer.type != "dense")
    fields.fail("bias", "is only allowed on a dense layer (a residual block always has b1)");
  layer.bias = fields.boolean("bias", true);
  return layer;
}

}  // namespace

std::string_view init_scheme_name(InitScheme scheme) {
  for (const auto& entry : kSchemes)
    if (entry.scheme == scheme) return entry.name;
  return "unknown";
}

InitScheme init_scheme_from_name(std::string_view name, std::string_view field) {
  for (const auto& entry : kSchemes)
    if (name == entry.name) return entry.scheme;
  throw SpecError(std::string(kTag) + " " + std::string(field) + ": unknown init scheme \"" + std::string(name) +
                  "\"; allowed: zeros, uniform, normal, xavier, he");
}

ModelSpec parse_model_spec(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"input", "layers", "loss", "init", "l2", "l1"});
  ModelSpec spec;
  spec.input = static_cast<Index>(fields.integer("input", 1, SpecLimits::max_input));
  const Json& layers = fields.get("layers");
  if (!layers.is_array() || layers.empty() || layers.size() > SpecLimits::max_layers)
    fields.fail("layers", "must be a list of 1.." + std::to_string(SpecLimits::max_layers) + " layer objects, got " +
                              excerpt(layers));
  for (std::size_t i = 0; i < layers.size(); ++i) spec.layers.push_back(parse_layer(layers[i], i));
  spec.loss = loss_from_name(fields.text("loss", "mse"), "loss");
  spec.l2 = fields.number("l2", 0.0, SpecLimits::max_penalty, 0.0);
  spec.l1 = fields.number("l1", 0.0, SpecLimits::max_penalty, 0.0);
  if (fields.has("init")) {
    JsonFields init(fields.get("init"), kTag, "init", {"scheme", "scale", "seed"});
    spec.init.scheme = init_scheme_from_name(init.text("scheme", "normal"), "init.scheme");
    spec.init.scale = init.number("scale", 0.0, 1000.0, 0.1);
    spec.init.seed = static_cast<std::uint64_t>(init.integer("seed", 0, kMaxSeed, 42));
  }
  validate_model_spec(spec);
  return spec;
}

void validate_model_spec(const ModelSpec& spec) {
  const auto fail = [](const std::string& field, const std::string& what) {
    throw SpecError(std::string(kTag) + " " + field + " " + what);
  };
  if (spec.input < 1 || spec.input > SpecLimits::max_input)
    fail("input",
         "must be an integer in 1.." + std::to_string(SpecLimits::max_input) + ", got " + std::to_string(spec.input));
  if (spec.layers.empty() || spec.layers.size() > SpecLimits::max_layers)
    fail("layers", "must hold 1.." + std::to_string(SpecLimits::max_layers) + " layers, got " +
                       std::to_string(spec.layers.size()));
  Index width = spec.input;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& layer = spec.layers[i];
    const std::string path = "layers[" + std::to_string(i) + "]";
    const bool last = i + 1 == spec.layers.size();
    if (layer.type == "dense") {
      if (layer.units < 1 || layer.units > SpecLimits::max_units)
        fail(path + ".units", "must be an integer in 1.." + std::to_string(SpecLimits::max_units) + ", got " +
                                  std::to_string(layer.units));
      width = layer.units;
    } else if (layer.type != "residual") {
      fail(path + ".type", "must be \"dense\" or \"residual\", got \"" + layer.type + "\"");
    } else if (!layer.bias) {
      fail(path + ".bias", "is only allowed on a dense layer (a residual block always has b1)");
    } else if (layer.units != 0 && layer.units != width) {
      fail(path, "is a residual block of width " + std::to_string(layer.units) + " but its input has width " +
                     std::to_string(width) + "; a residual block keeps the width (W1, W2 are square)");
    }
    if (layer.activation.kind == ActivationKind::softmax && !last)
      fail(path + ".activation", "softmax is only allowed on the last layer, with cross_entropy");
    if (!(layer.activation.alpha >= 0.0 && layer.activation.alpha <= 1.0))
      fail(path + ".alpha", "must be a number in 0..1, got " + format_number(layer.activation.alpha));
  }
  const LayerSpec& out = spec.layers.back();
  const std::string out_path = "layers[" + std::to_string(spec.layers.size() - 1) + "]";
  if (spec.loss == LossKind::cross_entropy) {
    if (out.type != "dense" || out.activation.kind != ActivationKind::softmax || width < 2)
      fail("loss",
           "cross_entropy needs a last dense layer with activation softmax and at least 2 "
           "units; " +
               out_path + " is " + out.type + " " + std::string(out.activation.name()) + " with " +
               std::to_string(width) + " units");
  } else if (spec.loss == LossKind::binary_cross_entropy) {
    if (out.type != "dense" || out.activation.kind != ActivationKind::sigmoid || width != 1)
      fail("loss",
           "binary_cross_entropy needs a last dense layer with 1 unit and activation "
           "sigmoid; " +
               out_path + " is " + out.type + " " + std::string(out.activation.name()) + " with " +
               std::to_string(width) + " units");
  } else if (out.activation.kind == ActivationKind::softmax) {
    fail("loss", "softmax output needs loss cross_entropy, got " + std::string(loss_name(spec.loss)));
  }
  if (!(spec.l2 >= 0.0 && spec.l2 <= SpecLimits::max_penalty))
    fail("l2", "must be a number in 0..100, got " + format_number(spec.l2));
  if (!(spec.l1 >= 0.0 && spec.l1 <= SpecLimits::max_penalty))
    fail("l1", "must be a number in 0..100, got " + format_number(spec.l1));
  if (!(spec.init.scale >= 0.0 && spec.init.scale <= 1000.0))
    fail("init.scale", "must be a number in 0..1000, got " + format_number(spec.init.scale));
}

std::string model_spec_to_json(const ModelSpec& spec) {
  Json root;
  root["input"] = spec.input;
  root["layers"] = Json::array();
  for (const auto& layer : spec.layers) {
    Json item;
    item["type"] = layer.type;
    if (layer.type == "dense") item["units"] = layer.units;
    item["activation"] = std::string(layer.activation.name());
    if (!layer.bias) item["bias"] = false;
    if (layer.activation.kind == ActivationKind::leaky_relu) item["alpha"] = layer.activation.alpha;
    root["layers"].push_back(item);
  }
  root["loss"] = std::string(loss_name(spec.loss));
  root["init"] = {{"scheme", std::string(init_scheme_name(spec.init.scheme))},
                  {"scale", spec.init.scale},
                  {"seed", spec.init.seed}};
  root["l2"] = spec.l2;
  root["l1"] = spec.l1;
  return root.dump();
}

}  // namespace lab
