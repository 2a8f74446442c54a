// The JSON model spec (DESIGN.md, "Model spec"): parsed and validated into a ModelSpec, and
// written back out. Every field has a range; a bad one throws SpecError naming it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/activation.hpp"
#include "core/nn/loss.hpp"

namespace lab {

enum class InitScheme { zeros, uniform, normal, xavier, he };

struct LayerSpec {
  std::string type = "dense";  // "dense" or "residual"
  Index units = 0;             // dense: output width; residual: the kept width (filled in)
  Activation activation;
  bool bias = true;  // dense: z = W a + b; false: z = W a (no b block)
};

struct InitSpec {
  InitScheme scheme = InitScheme::normal;
  double scale = 0.1;       // uniform: ±scale; normal: σ; xavier/he: multiplies their formula
  std::uint64_t seed = 42;  // 0 .. 2^53 − 1 so that it survives a round trip through JS
};

struct ModelSpec {
  Index input = 0;
  std::vector<LayerSpec> layers;
  LossKind loss = LossKind::mse;
  InitSpec init;
  double l2 = 0.0;
  double l1 = 0.0;
};

// Limits shared by the spec checks and the page's controls.
struct SpecLimits {
  static constexpr Index max_input = 100000;
  static constexpr Index max_units = 4096;
  static constexpr std::size_t max_layers = 64;
  static constexpr double max_penalty = 100.0;
};

ModelSpec parse_model_spec(std::string_view json_text);
std::string model_spec_to_json(const ModelSpec& spec);
// Checks the ranges and the combinations (softmax with cross_entropy, …) of a spec built in code.
void validate_model_spec(const ModelSpec& spec);

std::string_view init_scheme_name(InitScheme scheme);
InitScheme init_scheme_from_name(std::string_view name, std::string_view field);

}  // namespace lab
