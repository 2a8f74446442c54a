// Why a network learns or fails, in words (issue 17): explanations drawn from the per-layer
// statistics of the last recorded step (layer_stats.hpp) for the cases the seeds hit: symmetric
// units after zero initialisation, vanishing or exploding gradients, dead ReLU units, saturated
// sigmoid or tanh units, and updates too large for the weights. A healthy run gets none.
#pragma once

#include <string>
#include <vector>

#include "core/nn/spec.hpp"
#include "core/train/layer_stats.hpp"
#include "core/train/train_settings.hpp"

namespace lab {

// The thresholds; each explanation says the number it saw.
struct DiagnosisRule {
  static constexpr double vanishing = 1e-2;    // ‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴸ⁾‖ below this
  static constexpr double exploding = 1e2;     // … above this
  static constexpr double dead = 0.5;          // a hidden ReLU layer with this share of dead units
  static constexpr double saturated = 0.5;     // a hidden sigmoid/tanh layer with this share saturated
  static constexpr double large_update = 0.1;  // ‖ΔW‖ / ‖W‖ per step above this
};

struct Diagnosis {
  std::string kind;  // "symmetry", "vanishing", "exploding", "dead", "saturated", "large_update"
  int layer = 0;     // the layer it is about (0-based index)
  double value = 0;  // the number it saw: a fraction of units, a ratio of norms, an update ratio
  std::string text;  // the explanation, with the layers numbered from 1 as the textbook does
};

// The explanations for `stats` of a network built from `spec` and trained with `settings`.
std::vector<Diagnosis> diagnose(const ModelSpec& spec, const TrainSettings& settings, const EpochLayerStats& stats);

// What a run with no explanation at `epoch` passed, each threshold of DiagnosisRule in words.
std::string no_warning_text(int epoch);

// "10⁻⁶" for 1.3e-6, "10⁴" for 2e4: the power of ten nearest to a positive value.
std::string power_of_ten_text(double value);

}  // namespace lab
