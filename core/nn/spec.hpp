// The JSON model spec (DESIGN.md, "Model spec"): parsed and validated into a ModelSpec, and
// written back out. Every field has a range; a bad one throws SpecError naming it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/spec_schema.hpp"

namespace lab {

// In the order of spec_schema::kInitSchemes.
enum class InitScheme { zeros, uniform, normal, xavier, he };
// In the order of spec_schema::kLayerTypes.
enum class LayerType { dense, residual };

struct LayerSpec {
  LayerType type = static_cast<LayerType>(spec_schema::layer_type.default_index());
  Index units = 0;  // dense: output width; residual: the kept width (filled in)
  Activation activation;
  bool bias = true;  // dense: z = W a + b; false: z = W a (no b block)
};

struct InitSpec {
  InitScheme scheme = static_cast<InitScheme>(spec_schema::init_scheme.default_index());
  double scale = spec_schema::init_scale.fallback;  // uniform: ±scale; normal: σ; xavier/he: a factor
  std::uint64_t seed = static_cast<std::uint64_t>(spec_schema::init_seed.fallback);  // 0 .. 2^53 − 1
};

struct ModelSpec {
  Index input = 0;
  std::vector<LayerSpec> layers;
  LossKind loss = LossKind::mse;
  InitSpec init;
  double l2 = spec_schema::l2.fallback;
  double l1 = spec_schema::l1.fallback;
};

ModelSpec parse_model_spec(std::string_view json_text);
std::string model_spec_to_json(const ModelSpec& spec);
// Checks the ranges and the combinations (softmax with cross_entropy, …) of a spec built in code.
void validate_model_spec(const ModelSpec& spec);

std::string_view layer_type_name(LayerType type);
std::string_view init_scheme_name(InitScheme scheme);
InitScheme init_scheme_from_name(std::string_view name, std::string_view field);

}  // namespace lab
