// What a network scores on a labelled set: its loss (data part and penalty) and its metric.
// The trainer's evaluate() fills it from a full pass; RunningMetrics from an epoch's mini-batches.
#pragma once

#include "core/nn/network.hpp"

namespace lab {

// Loss and metric of a network on a labelled set.
struct Evaluation {
  LossParts loss;
  double metric = 0.0;  // accuracy or R²
};

}  // namespace lab
