// The schema rows of the training settings (see core/base/schema.hpp): every name, range and
// default of an optimizer, its coefficients, the batch, the epochs, the schedule and early
// stopping is written here once; TrainSettings' defaults, the parser, validate_train_settings and
// the page (lab.schema) read them.
#pragma once

#include <string_view>

#include "core/base/schema.hpp"

namespace lab::settings_schema {

inline constexpr std::string_view kMomentumUses[] = {"momentum"};
inline constexpr std::string_view kRmsPropUses[] = {"rho", "eps"};
inline constexpr std::string_view kAdamUses[] = {"beta1", "beta2", "eps"};
inline constexpr std::string_view kLbfgsUses[] = {"memory"};
inline constexpr Choice kOptimizers[] = {
    {"sgd", "SGD", "w ← w − η g"},
    {"momentum", "SGD + momentum", "a velocity v ← μ v − η g is added to w", kMomentumUses},
    {"nesterov", "Nesterov momentum", "momentum with the gradient taken at the look-ahead point", kMomentumUses},
    {"rmsprop", "RMSProp", "each step divided by a running root mean square of the gradient", kRmsPropUses},
    {"adam", "Adam", "momentum and RMSProp with bias-corrected moments", kAdamUses},
    {"lbfgs",
     "L-BFGS (full batch)",
     "a quasi-Newton step on the whole training set, its length found by a line search; one epoch is one "
     "iteration, the batch size and η are not used",
     kLbfgsUses,
     {},
     true},
};
inline constexpr Field optimizer{.path = "optimizer.name",
                                 .kind = FieldKind::choice,
                                 .choices = kOptimizers,
                                 .fallback_choice = "sgd",
                                 .description = "the update rule"};
inline constexpr Field momentum{.path = "optimizer.momentum",
                                .lo = 0.0,
                                .hi = 1.0,
                                .hi_open = true,
                                .fallback = 0.9,
                                .symbol = "μ",
                                .tex = "\\mu",
                                .description = "momentum and Nesterov: the share of the velocity kept each step"};
inline constexpr Field rho{.path = "optimizer.rho",
                           .lo = 0.0,
                           .hi = 1.0,
                           .hi_open = true,
                           .fallback = 0.9,
                           .symbol = "ρ",
                           .tex = "\\rho",
                           .description = "RMSProp: the decay of the squared-gradient average"};
inline constexpr Field beta1{.path = "optimizer.beta1",
                             .lo = 0.0,
                             .hi = 1.0,
                             .hi_open = true,
                             .fallback = 0.9,
                             .symbol = "β₁",
                             .tex = "\\beta_1",
                             .description = "Adam: the decay of the first moment"};
inline constexpr Field beta2{.path = "optimizer.beta2",
                             .lo = 0.0,
                             .hi = 1.0,
                             .hi_open = true,
                             .fallback = 0.999,
                             .symbol = "β₂",
                             .tex = "\\beta_2",
                             .description = "Adam: the decay of the second moment"};
inline constexpr Field eps{.path = "optimizer.eps",
                           .lo = 0.0,
                           .hi = 1.0,
                           .lo_open = true,
                           .fallback = 1e-8,
                           .symbol = "ε",
                           .tex = "\\varepsilon",
                           .description = "RMSProp and Adam: added to the root in the denominator"};
inline constexpr Field memory{.path = "optimizer.memory",
                              .kind = FieldKind::integer,
                              .lo = 1.0,
                              .hi = 100.0,
                              .fallback = 10.0,
                              .unit = "pairs",
                              .symbol = "m",
                              .tex = "m",
                              .description =
                                  "L-BFGS: the number of recent (s, y) pairs kept to model the curvature "
                                  "(SciPy's maxcor)"};
// The coefficients in the order the page shows them (each choice's `uses` names some of them).
inline constexpr const Field* kCoefficients[] = {&momentum, &rho, &beta1, &beta2, &eps, &memory};

inline constexpr Field learning_rate{.path = "learning_rate",
                                     .lo = 0.0,
                                     .hi = 1000.0,
                                     .lo_open = true,
                                     .fallback = 0.1,
                                     .symbol = "η",
                                     .tex = "\\eta",
                                     .description =
                                         "the step size of each update (lbfgs does not use it: its "
                                         "line search picks each step)"};
inline constexpr Field batch_size{.path = "batch_size",
                                  .kind = FieldKind::integer,
                                  .lo = 1.0,
                                  .hi = 1000000.0,
                                  .fallback = 32.0,
                                  .unit = "samples",
                                  .description =
                                      "samples per update: 1 is per-sample SGD, the whole set is full batch "
                                      "(lbfgs ignores it and always uses the whole set)"};
inline constexpr Field epochs{.path = "epochs",
                              .kind = FieldKind::integer,
                              .lo = 1.0,
                              .hi = 100000.0,
                              .fallback = 100.0,
                              .unit = "epochs",
                              .description = "passes over the training set"};

inline constexpr Choice kScheduleTypes[] = {
    {"constant", "constant", "η stays the same"},
    {"step", "step decay", "η · factor^⌊epoch / every⌋"},
};
inline constexpr Field schedule_type{.path = "lr_schedule.type",
                                     .kind = FieldKind::choice,
                                     .choices = kScheduleTypes,
                                     .fallback_choice = "constant",
                                     .description = "how the learning rate changes over the epochs"};
inline constexpr Field schedule_factor{.path = "lr_schedule.factor",
                                       .lo = 0.0,
                                       .hi = 1.0,
                                       .lo_open = true,
                                       .fallback = 0.5,
                                       .description = "step decay: η is multiplied by this every `every` epochs"};
inline constexpr Field schedule_every{.path = "lr_schedule.every",
                                      .kind = FieldKind::integer,
                                      .lo = 1.0,
                                      .hi = epochs.hi,
                                      .fallback = 50.0,
                                      .unit = "epochs",
                                      .description = "step decay: epochs between two decays"};

inline constexpr Field stop_enabled{.path = "early_stopping.enabled",
                                    .kind = FieldKind::flag,
                                    .fallback = 0.0,
                                    .description = "stop before the last epoch when the metric stops improving"};
inline constexpr Choice kStopMetrics[] = {
    {"val_loss", "when the validation loss stops falling", "the validation loss, lower is better"},
    {"val_metric", "when the validation accuracy (or R²) stops rising",
     "the validation accuracy or R², higher is better"},
    {"train_loss_change", "when the training loss changes by less than ΔJ (seed 002)",
     "seed 002's rule: stop when |J_t − J_{t−1}| < min_delta; needs no validation set"},
};
inline constexpr Field stop_metric{.path = "early_stopping.metric",
                                   .kind = FieldKind::choice,
                                   .choices = kStopMetrics,
                                   .fallback_choice = "val_loss",
                                   .description = "what early stopping watches"};
inline constexpr Field stop_patience{.path = "early_stopping.patience",
                                     .kind = FieldKind::integer,
                                     .lo = 1.0,
                                     .hi = epochs.hi,
                                     .fallback = 10.0,
                                     .unit = "epochs",
                                     .description =
                                         "epochs without improvement (or with a change below ΔJ) before stopping"};
inline constexpr Field stop_min_delta{.path = "early_stopping.min_delta",
                                      .lo = 0.0,
                                      .hi = 1e6,
                                      .fallback = 0.0,
                                      .symbol = "ΔJ",
                                      .tex = "\\Delta J",
                                      .description = "the smallest change that counts as an improvement"};
inline constexpr Field stop_restore_best{.path = "early_stopping.restore_best",
                                         .kind = FieldKind::flag,
                                         .fallback = 1.0,
                                         .description = "put back the weights of the best epoch when stopping"};

inline constexpr Field shuffle{.path = "shuffle",
                               .kind = FieldKind::flag,
                               .fallback = 1.0,
                               .description = "a new order of the samples every epoch"};
inline constexpr Field layer_stats{
    .path = "layer_stats",
    .kind = FieldKind::flag,
    .fallback = 1.0,
    .description =
        "record every layer's gradient and weight norms, update ratio, histograms "
        "and dead, saturated and identical units once an epoch, and the weights' path for the loss landscape"};
inline constexpr Field seed{.path = "seed",
                            .kind = FieldKind::integer,
                            .lo = 0.0,
                            .hi = kMaxSeed,
                            .fallback = 42.0,
                            .description = "the seed of the shuffling"};
inline constexpr Choice kEpochMetrics[] = {
    {"full", "a pass over the training set after each epoch",
     "one extra pass over the training set with the epoch's final weights"},
    {"running", "running mean over the epoch's batches (seed 001, Keras)",
     "the means over the epoch's mini-batches as they were trained (no extra pass)"},
};
inline constexpr Field epoch_metrics{.path = "epoch_metrics",
                                     .kind = FieldKind::choice,
                                     .choices = kEpochMetrics,
                                     .fallback_choice = "full",
                                     .description = "how each epoch's training loss and metric are taken"};

// Every row, in the order the page lists them.
inline constexpr const Field* kAll[] = {
    &optimizer,      &momentum,      &rho,           &beta1,         &beta2,          &eps,
    &memory,         &learning_rate, &batch_size,    &epochs,        &schedule_type,  &schedule_factor,
    &schedule_every, &stop_enabled,  &stop_metric,   &stop_patience, &stop_min_delta, &stop_restore_best,
    &shuffle,        &seed,          &epoch_metrics, &layer_stats};

}  // namespace lab::settings_schema
