// The schema rows of data preparation (see core/base/schema.hpp): the split fractions, feature
// scaling and the generators' shared settings are written here once; split.cpp, preprocess.cpp
// and generators.cpp check against them and the page reads them as lab.schema. Each generator's
// own sizes, noise and class ranges are in its entry of generators.cpp (lab.generators).
#pragma once

#include "core/base/schema.hpp"

namespace lab::data_schema {

inline constexpr Field validation{.path = "split.validation",
                                  .lo = 0.0,
                                  .hi = 1.0,
                                  .hi_open = true,
                                  .fallback = 0.0,
                                  .description = "the share of all samples held out to watch while training"};
inline constexpr Field test{.path = "split.test",
                            .lo = 0.0,
                            .hi = 1.0,
                            .hi_open = true,
                            .fallback = 0.2,
                            .description = "the share of all samples held out until the end"};
inline constexpr Field split_seed{.path = "split.seed",
                                  .kind = FieldKind::integer,
                                  .lo = 0.0,
                                  .hi = kMaxSeed,
                                  .fallback = 0.0,
                                  .description = "the seed of the split"};
inline constexpr Field folds{.path = "split.folds",
                             .kind = FieldKind::integer,
                             .lo = 1.0,
                             .hi = 10.0,
                             .fallback = 1.0,
                             .description =
                                 "cross-validation: the samples outside the test part are dealt into this "
                                 "many folds, and each fold is the validation part once (1: no folds)"};
inline constexpr Field fold{.path = "split.fold",
                            .kind = FieldKind::integer,
                            .lo = 0.0,
                            .hi = 9.0,
                            .fallback = 0.0,
                            .description = "with folds: the fold held out as the validation part, 0..folds − 1"};
// In the order of Scaling (preprocess.hpp).
inline constexpr Choice kScalings[] = {
    {"none", "none", "the features as they are"},
    {"standardize", "standardize (z-score)", "(x − mean) / std, fitted on the training part"},
    {"min_max", "min–max to [0, 1]", "(x − min) / (max − min), fitted on the training part"},
};
inline constexpr Field scaling{.path = "scaling",
                               .kind = FieldKind::choice,
                               .choices = kScalings,
                               .fallback_choice = "none",
                               .description = "how the features are scaled"};
inline constexpr Field generator_seed{.path = "generator.seed",
                                      .kind = FieldKind::integer,
                                      .lo = 0.0,
                                      .hi = kMaxSeed,
                                      .fallback = 0.0,
                                      .description = "the seed of a generated dataset"};
inline constexpr Field generator_lambda{.path = "generator.lambda",
                                        .lo = 0.0,
                                        .hi = 100.0,
                                        .fallback = 0.0,
                                        .symbol = "λ",
                                        .tex = "\\lambda",
                                        .description = "least_squares: the ridge coefficient of f(w)"};

// Every row, in the order the page lists them.
inline constexpr const Field* kAll[] = {&validation, &test,    &split_seed,     &folds,
                                        &fold,       &scaling, &generator_seed, &generator_lambda};

}  // namespace lab::data_schema
