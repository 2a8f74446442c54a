// The schema rows of the model spec (see core/base/schema.hpp): the input width, the layers,
// their units, the penalties and the initialisation are written here once; spec.cpp parses and
// validates against them and the page reads them as lab.schema. Activation and loss names come
// from their registries (activation.hpp, loss.hpp), which the schema's JSON lists.
#pragma once

#include "core/base/schema.hpp"

namespace lab::spec_schema {

inline constexpr Field input{.path = "input",
                             .kind = FieldKind::integer,
                             .lo = 1.0,
                             .hi = 100000.0,
                             .unit = "features",
                             .description = "the width of the input: features per sample",
                             .required = true};
inline constexpr Field layers{.path = "layers",
                              .kind = FieldKind::integer,
                              .lo = 1.0,
                              .hi = 64.0,
                              .unit = "layers",
                              .description =
                                  "how many layers (dense layers and residual blocks), the output layer included",
                              .required = true};
inline constexpr Choice kLayerTypes[] = {
    {"dense", "dense", "z = W a + b, a' = f(z)"},
    {"residual", "residual block", "x' = x + W2 f(W1 x + b1): keeps the width"},
};
inline constexpr Field layer_type{.path = "layers.type",
                                  .kind = FieldKind::choice,
                                  .choices = kLayerTypes,
                                  .fallback_choice = "dense",
                                  .description = "the kind of layer"};
inline constexpr Field units{.path = "layers.units",
                             .kind = FieldKind::integer,
                             .lo = 1.0,
                             .hi = 4096.0,
                             .unit = "units",
                             .description = "a dense layer's output width",
                             .required = true};
// choices: activation_names() (activation.hpp)
inline constexpr Field activation{.path = "layers.activation",
                                  .kind = FieldKind::choice,
                                  .fallback_choice = "identity",
                                  .description = "the function f applied to z"};
inline constexpr Field alpha{.path = "layers.alpha",
                             .lo = 0.0,
                             .hi = 1.0,
                             .fallback = 0.01,
                             .symbol = "α",
                             .tex = "\\alpha",
                             .description = "leaky_relu: the slope for z ≤ 0"};
inline constexpr Field bias{.path = "layers.bias",
                            .kind = FieldKind::flag,
                            .fallback = 1.0,
                            .description = "a dense layer's bias b (false: z = W a)"};
// In the order of LossKind (loss.hpp); the description is the per-sample loss a student writes.
inline constexpr Choice kLosses[] = {
    {"mse", "mean squared error", "½‖a − y‖² (half the squared error)"},
    {"cross_entropy", "cross-entropy", "the cross-entropy −Σₖ yₖ log aₖ (softmax outputs a)"},
    {"binary_cross_entropy", "binary cross-entropy", "the binary cross-entropy −[y log a + (1 − y) log(1 − a)]"},
};
inline constexpr Field loss{.path = "loss",
                            .kind = FieldKind::choice,
                            .choices = kLosses,
                            .fallback_choice = "mse",
                            .description = "the loss, a mean over the samples"};
inline constexpr Field l2{.path = "l2",
                          .lo = 0.0,
                          .hi = 100.0,
                          .fallback = 0.0,
                          .symbol = "λ",
                          .tex = "\\lambda",
                          .description = "L2 penalty (λ/2)‖W‖² added to the loss (weights only)"};
inline constexpr Field l1{.path = "l1",
                          .lo = 0.0,
                          .hi = 100.0,
                          .fallback = 0.0,
                          .symbol = "λ₁",
                          .tex = "\\lambda_1",
                          .description = "L1 penalty λ₁‖W‖₁ added to the loss (weights only)"};
// In the order of InitScheme.
inline constexpr std::string_view kScaleUse[] = {"scale"};
inline constexpr Choice kInitSchemes[] = {
    {"zeros", "zeros", "Every weight starts at 0 (biases always start at 0): the scale is not used."},
    {"uniform", "uniform ±a", "Each weight is drawn from U(−a, a), the same a for every layer.", kScaleUse, "limit a"},
    {"normal", "normal σ", "Each weight is drawn from N(0, σ²), the same σ for every layer.", kScaleUse, "σ"},
    {"xavier", "Xavier (Glorot)",
     "Each weight is drawn from U(−r, r) with r = g·√(6 / (fan-in + fan-out)); g = 1 is Glorot's.", kScaleUse,
     "gain g"},
    {"he", "He (Kaiming)", "Each weight is drawn from N(0, σ²) with σ = g·√(2 / fan-in); g = 1 is He's.", kScaleUse,
     "gain g"},
};
inline constexpr Field init_scheme{.path = "init.scheme",
                                   .kind = FieldKind::choice,
                                   .choices = kInitSchemes,
                                   .fallback_choice = "normal",
                                   .description = "how the weights are drawn; biases start at 0"};
inline constexpr Field init_scale{.path = "init.scale",
                                  .lo = 0.0,
                                  .hi = 1000.0,
                                  .fallback = 0.1,
                                  .description =
                                      "uniform: the limit; normal: σ; Xavier and He: multiplies their formula"};
inline constexpr Field init_seed{.path = "init.seed",
                                 .kind = FieldKind::integer,
                                 .lo = 0.0,
                                 .hi = kMaxSeed,
                                 .fallback = 42.0,
                                 .description = "the seed of the weights"};

// Every row, in the order the page lists them.
inline constexpr const Field* kAll[] = {&input, &layers, &layer_type, &units,       &activation, &alpha,    &bias,
                                        &loss,  &l2,     &l1,         &init_scheme, &init_scale, &init_seed};

}  // namespace lab::spec_schema
