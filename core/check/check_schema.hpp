// The schema rows of the checks (see core/base/schema.hpp): a gradient or Jacobian test's ε₀, K,
// seed and what moves; the element-wise check's step, share and tolerance; the softmax-regression
// problem's size. check_settings.cpp parses against them, the checks validate with them, and the
// page reads them as lab.schema. The teaching bugs' names come from derivative_bug.hpp.
#pragma once

#include "core/base/schema.hpp"

namespace lab::check_schema {

inline constexpr Field epsilon0{.path = "check.epsilon0",
                                .lo = 0.0,
                                .hi = 10.0,
                                .lo_open = true,
                                .fallback = 0.5,
                                .symbol = "ε₀",
                                .tex = "\\varepsilon_0",
                                .description = "the first step; each next one is half the last"};
inline constexpr Field iterations{.path = "check.iterations",
                                  .kind = FieldKind::integer,
                                  .lo = 3.0,
                                  .hi = 60.0,
                                  .fallback = 8.0,
                                  .symbol = "K",
                                  .tex = "K",
                                  .description = "how many steps ε are tried"};
inline constexpr Field seed{.path = "check.seed",
                            .kind = FieldKind::integer,
                            .lo = 0.0,
                            .hi = kMaxSeed,
                            .fallback = 1.0,
                            .description = "the seed of the direction d (and of any data the target draws)"};
inline constexpr Choice kWrt[] = {
    {"all", "all parameters", "every parameter moves along d (a layer: W, b and the input)"},
    {"weights", "the weights only", "a network's weights move, its biases stay"},
    {"biases", "the biases only", "a network's biases move, its weights stay"},
    {"W", "W (weights)", "a dense layer's or softmax regression's W"},
    {"b", "b (biases)", "a dense layer's or softmax regression's b"},
    {"W1", "W1", "a residual block's first weights"},
    {"b1", "b1", "a residual block's bias"},
    {"W2", "W2", "a residual block's second weights"},
    {"input", "the input x", "the layer's input: the gradient passed down"},
};
inline constexpr Field wrt{.path = "check.wrt",
                           .kind = FieldKind::choice,
                           .choices = kWrt,
                           .fallback_choice = "all",
                           .description = "which parameters move; a target allows some of these"};
// choices: derivative_bug_names() (derivative_bug.hpp)
inline constexpr Field bug{.path = "check.bug",
                           .kind = FieldKind::choice,
                           .fallback_choice = "none",
                           .description = "a broken derivative switched on for this test only"};

inline constexpr Field step{.path = "elementwise.step",
                            .lo = 0.0,
                            .hi = 0.1,
                            .lo_open = true,
                            .fallback = 1e-5,
                            .symbol = "h",
                            .tex = "h",
                            .description = "the step of the central difference (L(θ + h) − L(θ − h)) / 2h"};
inline constexpr Field max_entries{.path = "elementwise.max_entries",
                                   .kind = FieldKind::integer,
                                   .lo = 1.0,
                                   .hi = 100000.0,
                                   .fallback = 200.0,
                                   .unit = "entries",
                                   .description = "entries checked at most, shared out among the parameter blocks"};
inline constexpr Field tolerance{.path = "elementwise.tolerance",
                                 .lo = 0.0,
                                 .hi = 1.0,
                                 .lo_open = true,
                                 .fallback = 1e-6,
                                 .description = "above this relative error an entry counts as wrong"};

inline constexpr Field samples{.path = "softmax.samples",
                               .kind = FieldKind::integer,
                               .lo = 1.0,
                               .hi = 10000.0,
                               .fallback = 100.0,
                               .unit = "samples",
                               .description = "seed 000 §1.1's problem: samples"};
inline constexpr Field features{.path = "softmax.features",
                                .kind = FieldKind::integer,
                                .lo = 1.0,
                                .hi = 1000.0,
                                .fallback = 20.0,
                                .unit = "features",
                                .description = "seed 000 §1.1's problem: features"};
inline constexpr Field classes{.path = "softmax.classes",
                               .kind = FieldKind::integer,
                               .lo = 2.0,
                               .hi = 100.0,
                               .fallback = 5.0,
                               .unit = "classes",
                               .description = "seed 000 §1.1's problem: classes"};

// Every row, in the order the page lists them.
inline constexpr const Field* kAll[] = {&epsilon0,    &iterations, &seed,    &wrt,      &bug,    &step,
                                        &max_entries, &tolerance,  &samples, &features, &classes};

}  // namespace lab::check_schema
