// Model spec parsing, validation and writing (see spec.hpp).
#include "core/nn/spec.hpp"

#include <iterator>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"
#include "core/nn/spec_schema.hpp"

namespace lab {
namespace {

namespace rows = spec_schema;
constexpr const char* kTag = "[Spec]";

LayerSpec parse_layer(const Json& object, std::size_t index) {
  const std::string path = "layers[" + std::to_string(index) + "]";
  JsonFields fields(object, kTag, path, {"type", "units", "activation", "alpha", "bias"});
  LayerSpec layer;
  layer.type = static_cast<LayerType>(fields.choice(rows::layer_type));
  if (layer.type == LayerType::dense) {
    layer.units = static_cast<Index>(fields.integer(rows::units));
  } else if (fields.has("units")) {
    fields.fail("units", "is not allowed on a residual block: it keeps the width of its input");
  }
  layer.activation.kind = activation_from_name(fields.text("activation", std::string(rows::activation.fallback_choice)),
                                               fields.field("activation"));
  if (fields.has("alpha") && layer.activation.kind != ActivationKind::leaky_relu)
    fields.fail("alpha", "is only used by leaky_relu");
  layer.activation.alpha = fields.number(rows::alpha);
  if (fields.has("bias") && layer.type != LayerType::dense)
    fields.fail("bias", "is only allowed on a dense layer (a residual block always has b1)");
  layer.bias = fields.flag(rows::bias);
  return layer;
}

}  // namespace

static_assert(std::size(rows::kLayerTypes) == static_cast<std::size_t>(LayerType::residual) + 1);

std::string_view layer_type_name(LayerType type) {
  return rows::layer_type.choices[static_cast<std::size_t>(type)].name;
}

std::string_view init_scheme_name(InitScheme scheme) {
  return rows::init_scheme.choices[static_cast<std::size_t>(scheme)].name;
}

InitScheme init_scheme_from_name(std::string_view name, std::string_view field) {
  return static_cast<InitScheme>(parse_choice(rows::init_scheme, name, kTag, field));
}

ModelSpec parse_model_spec(std::string_view json_text) {
  const Json root = parse_json_text(json_text, kTag);
  JsonFields fields(root, kTag, "", {"input", "layers", "loss", "init", "l2", "l1"});
  ModelSpec spec;
  spec.input = static_cast<Index>(fields.integer(rows::input));
  const Json& layers = fields.get("layers");
  if (!layers.is_array() || !rows::layers.allows(static_cast<double>(layers.size())))
    fields.fail("layers", "must be a list of " + format_number(rows::layers.lo) + ".." +
                              format_number(rows::layers.hi) + " layer objects, got " + excerpt(layers));
  for (std::size_t i = 0; i < layers.size(); ++i) spec.layers.push_back(parse_layer(layers[i], i));
  spec.loss = loss_from_name(fields.text("loss", std::string(rows::loss.fallback_choice)), "loss");
  spec.l2 = fields.number(rows::l2);
  spec.l1 = fields.number(rows::l1);
  if (fields.has("init")) {
    JsonFields init(fields.get("init"), kTag, "init", {"scheme", "scale", "seed"});
    spec.init.scheme = static_cast<InitScheme>(init.choice(rows::init_scheme));
    spec.init.scale = init.number(rows::init_scale);
    spec.init.seed = static_cast<std::uint64_t>(init.integer(rows::init_seed));
  }
  validate_model_spec(spec);
  return spec;
}

void validate_model_spec(const ModelSpec& spec) {
  const auto fail = [](const std::string& field, const std::string& what) {
    throw SpecError(std::string(kTag) + " " + field + " " + what);
  };
  check_field(rows::input, static_cast<double>(spec.input), kTag, "input");
  if (!rows::layers.allows(static_cast<double>(spec.layers.size())))
    fail("layers", "must hold " + format_number(rows::layers.lo) + ".." + format_number(rows::layers.hi) +
                       " layers, got " + std::to_string(spec.layers.size()));
  Index width = spec.input;
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& layer = spec.layers[i];
    const std::string path = "layers[" + std::to_string(i) + "]";
    const bool last = i + 1 == spec.layers.size();
    if (layer.type == LayerType::dense) {
      check_field(rows::units, static_cast<double>(layer.units), kTag, path + ".units");
      width = layer.units;
    } else if (!layer.bias) {
      fail(path + ".bias", "is only allowed on a dense layer (a residual block always has b1)");
    } else if (layer.units != 0 && layer.units != width) {
      fail(path, "is a residual block of width " + std::to_string(layer.units) + " but its input has width " +
                     std::to_string(width) + "; a residual block keeps the width (W1, W2 are square)");
    }
    if (layer.activation.kind == ActivationKind::softmax && !last)
      fail(path + ".activation", "softmax is only allowed on the last layer, with cross_entropy");
    check_field(rows::alpha, layer.activation.alpha, kTag, path + ".alpha");
  }
  const LayerSpec& out = spec.layers.back();
  const std::string out_path = "layers[" + std::to_string(spec.layers.size() - 1) + "]";
  if (spec.loss == LossKind::cross_entropy) {
    if (out.type != LayerType::dense || out.activation.kind != ActivationKind::softmax || width < 2)
      fail("loss",
           "cross_entropy needs a last dense layer with activation softmax and at least 2 "
           "units; " +
               out_path + " is " + std::string(layer_type_name(out.type)) + " " + std::string(out.activation.name()) +
               " with " + std::to_string(width) + " units");
  } else if (spec.loss == LossKind::binary_cross_entropy) {
    if (out.type != LayerType::dense || out.activation.kind != ActivationKind::sigmoid || width != 1)
      fail("loss",
           "binary_cross_entropy needs a last dense layer with 1 unit and activation "
           "sigmoid; " +
               out_path + " is " + std::string(layer_type_name(out.type)) + " " + std::string(out.activation.name()) +
               " with " + std::to_string(width) + " units");
  } else if (out.activation.kind == ActivationKind::softmax) {
    fail("loss", "softmax output needs loss cross_entropy, got " + std::string(loss_name(spec.loss)));
  }
  check_field(rows::l2, spec.l2, kTag, "l2");
  check_field(rows::l1, spec.l1, kTag, "l1");
  check_field(rows::init_scale, spec.init.scale, kTag, "init.scale");
  check_field(rows::init_seed, static_cast<double>(spec.init.seed), kTag, "init.seed");
}

std::string model_spec_to_json(const ModelSpec& spec) {
  Json root;
  root["input"] = spec.input;
  root["layers"] = Json::array();
  for (const auto& layer : spec.layers) {
    Json item;
    item["type"] = std::string(layer_type_name(layer.type));
    if (layer.type == LayerType::dense) item["units"] = layer.units;
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
