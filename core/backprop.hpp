// The public C++ API of the Backprop Lab core, in one include: what wasm/ binds and the tests use.
// Folders by concern: base/ (types, errors, rng, number formatting, JSON fields, the schema row), nn/ (layers,
// activations, losses, the network, init, the model spec, teaching bugs), train/ (optimizers,
// settings, the trainer with its running metrics and early stopping, metrics, predicted classes,
// the step trace, reference optima, a hidden layer's outputs as features), check/ (gradient and Jacobian tests, the
// element-wise check), data/ (datasets, generators, bundled files, CSV, splits, scaling, summaries, PCA, the
// reconstruction task).
#pragma once

// base: numbers, errors, randomness, limits, the schema's row type
#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/rng.hpp"
#include "core/base/schema.hpp"
#include "core/base/types.hpp"

// every setting's name, range and default, as rows and as JSON (lab.schema)
#include "core/check/check_schema.hpp"
#include "core/data/data_schema.hpp"
#include "core/nn/spec_schema.hpp"
#include "core/schema.hpp"
#include "core/train/settings_schema.hpp"

// nn: the network and what it is built from
#include "core/nn/activation.hpp"
#include "core/nn/dense.hpp"
#include "core/nn/derivative_bug.hpp"
#include "core/nn/init.hpp"
#include "core/nn/layer.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"
#include "core/nn/residual.hpp"
#include "core/nn/spec.hpp"

// train: optimizers, settings, the steppable trainer, what it reports, memory estimates
#include "core/train/diagnosis.hpp"
#include "core/train/early_stopping_rule.hpp"
#include "core/train/evaluation.hpp"
#include "core/train/layer_features.hpp"
#include "core/train/layer_stats.hpp"
#include "core/train/lbfgs.hpp"
#include "core/train/loss_landscape.hpp"
#include "core/train/memory.hpp"
#include "core/train/metrics.hpp"
#include "core/train/optimizer.hpp"
#include "core/train/optimum.hpp"
#include "core/train/predictions.hpp"
#include "core/train/running_metrics.hpp"
#include "core/train/trace.hpp"
#include "core/train/train_settings.hpp"
#include "core/train/trainer.hpp"
#include "core/train/training_path.hpp"

// check: gradient and Jacobian tests
#include "core/check/check_settings.hpp"
#include "core/check/elementwise_check.hpp"
#include "core/check/gradient_check.hpp"
#include "core/check/gradient_targets.hpp"

// data: where the numbers come from
#include "core/data/bundled.hpp"
#include "core/data/class_subset.hpp"
#include "core/data/csv.hpp"
#include "core/data/dataset.hpp"
#include "core/data/generators.hpp"
#include "core/data/pca.hpp"
#include "core/data/preprocess.hpp"
#include "core/data/reconstruction.hpp"
#include "core/data/split.hpp"
#include "core/data/summary.hpp"
