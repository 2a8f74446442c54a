// What a network scores on a labelled set: its loss (data part and penalty) and its metric.
// The trainer's evaluate() fills it from a full pass; RunningMetrics from an epoch's mini-batches.
#pragma once

#include "core/data/dataset.hpp"
#include "core/nn/network.hpp"

namespace lab {

// What the data asks of the network. It decides the metric, whatever the output and loss: a
// classification set is scored by accuracy (the argmax of the outputs, or ≥ 0.5 for a single
// output), also under sigmoid + MSE (seeds 001 Q2.4 and 003); a regression set by R² averaged
// uniformly over its outputs; an autoencoder's reconstruction by the variance-weighted R²,
// 1 − Σ SS_res / Σ SS_tot over the features that vary (the share of the inputs' variance the
// reconstructions explain: pixels that are 0 in every image do not drown it).
enum class Task { classification, regression, reconstruction };

// The task of a dataset: its own, or reconstruction for an autoencoder's parts.
inline Task task_of(const Dataset& data) {
  if (data.is_classification()) return Task::classification;
  return data.reconstruction ? Task::reconstruction : Task::regression;
}

// Loss and metric of a network on a labelled set.
struct Evaluation {
  LossParts loss;
  double metric = 0.0;  // accuracy or R² (see Task)
};

}  // namespace lab
