// Explanations from per-layer statistics (see diagnosis.hpp).
#include "core/train/diagnosis.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/format.hpp"

namespace lab {
namespace {

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(100.0 * fraction))) + "%"; }

// Why a gradient shrinks on its way back through the hidden layers' activations.
std::string shrink_reason(const ModelSpec& spec) {
  bool sigmoid = true, tanh = true;
  for (std::size_t i = 0; i + 1 < spec.layers.size(); ++i) {
    sigmoid = sigmoid && spec.layers[i].activation.kind == ActivationKind::sigmoid;
    tanh = tanh && spec.layers[i].activation.kind == ActivationKind::tanh;
  }
  if (sigmoid) return "the sigmoid's derivative is at most ¼, so it shrinks at every layer";
  if (tanh) return "tanh's derivative is below 1 once z moves away from 0, so it shrinks at every layer";
  return "every layer multiplies it by f′(z) and by its weights, which shrink it here";
}

}  // namespace

std::string power_of_ten_text(double value) {
  static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  const long power = std::lround(std::log10(value));
  std::string text = "10";
  if (power < 0) text += "⁻";
  for (char c : std::to_string(std::labs(power))) text += digits[c - '0'];
  return text;
}

std::string no_warning_text(int epoch) {
  return "No warning signs at epoch " + std::to_string(epoch) + ": layer 1's gradient is between " +
         power_of_ten_text(DiagnosisRule::vanishing) + " and " + power_of_ten_text(DiagnosisRule::exploding) +
         " of the last layer's, no hidden layer has " + percent(DiagnosisRule::dead) +
         " or more of its units dead or " + percent(DiagnosisRule::saturated) +
         " or more saturated, or all of them identical, and no step changes the weights by more than " +
         percent(DiagnosisRule::large_update) + ".";
}

std::vector<Diagnosis> diagnose(const ModelSpec& spec, const TrainSettings& settings, const EpochLayerStats& stats) {
  std::vector<Diagnosis> out;
  const auto& layers = stats.layers;
  const std::size_t L = layers.size();
  if (L == 0) return out;
  std::vector<bool> symmetric(L, false);
  // symmetry: every unit of a hidden layer has the same weights, so every unit gets the same gradient
  std::vector<std::size_t> same;
  for (std::size_t i = 0; i + 1 < L; ++i) {
    if (layers[i].units < 2 || layers[i].identical_fraction < 1.0) continue;
    symmetric[i] = true;
    same.push_back(i);
  }
  if (!same.empty()) {
    const std::string cause =
        spec.init.scheme == InitScheme::zeros ? "zero initialisation gives" : "units that start with equal weights get";
    std::string which;
    if (same.size() == 1) {
      which = "All " + std::to_string(layers[same[0]].units) + " units of " + layer_text(same[0]) + " have";
    } else {
      // "layer 1 (256 units), layer 2 (128) and layer 3 (64)"
      for (std::size_t k = 0; k < same.size(); ++k) {
        which += (k == 0                 ? ""
                  : k + 1 == same.size() ? " and "
                                         : ", ") +
                 layer_text(same[k]) + " (" + std::to_string(layers[same[k]].units) + (k == 0 ? " units)" : ")");
      }
      which = "In each of " + which + " all units have";
    }
    out.push_back({"symmetry", static_cast<int>(same[0]), 1.0,
                   which + " identical weights: " + cause +
                       " every unit the same gradient, so they never become different (symmetry is never broken). " +
                       (same.size() == 1 ? "The layer works" : "Each layer works") +
                       " as a single unit; start from random weights (He or Xavier)."});
  }
  // vanishing or exploding: the first layer's gradient against the last layer's
  if (L >= 3 && !symmetric[0] && layers[L - 1].gradient_norm > 0.0) {
    const double ratio = layers[0].gradient_norm / layers[L - 1].gradient_norm;
    const std::string last = layer_text(L - 1);
    if (ratio < DiagnosisRule::vanishing) {
      const std::string size = ratio > 0.0 ? "is " + power_of_ten_text(ratio) + " of " + last + "'s" : "is 0";
      out.push_back({"vanishing", 0, ratio,
                     "Layer 1's gradient " + size + ": " + shrink_reason(spec) +
                         " on the way back (vanishing gradients), and the first layers hardly learn. Try ReLU with He "
                         "initialisation."});
    } else if (ratio > DiagnosisRule::exploding) {
      out.push_back({"exploding", 0, ratio,
                     "Layer 1's gradient is " + power_of_ten_text(ratio) + " times " + last +
                         "'s: it grows at every layer on the way back (exploding gradients). Try a smaller "
                         "initialisation scale, or Xavier or He initialisation."});
    }
  }
  for (std::size_t i = 0; i + 1 < L; ++i) {
    const LayerStats& s = layers[i];
    if (symmetric[i]) continue;
    const std::string act(spec.layers[i].activation.name());
    if (s.dead_fraction >= DiagnosisRule::dead) {
      out.push_back({"dead", static_cast<int>(i), s.dead_fraction,
                     percent(s.dead_fraction) + " of " + layer_text(i) + "'s " +
                         (act == "relu" ? "ReLU" : "leaky ReLU") +
                         " units are dead: z ≤ 0 for every input of a batch, so they pass no gradient and cannot "
                         "recover. Large steps push them there (the learning rate is " +
                         format_number(settings.learning_rate) + "): try a smaller one, or leaky ReLU."});
    }
    if (s.saturated_fraction >= DiagnosisRule::saturated) {
      out.push_back({"saturated", static_cast<int>(i), s.saturated_fraction,
                     percent(s.saturated_fraction) + " of " + layer_text(i) + "'s " + act +
                         " units are saturated: |z| is so large for every input that f′(z) ≈ 0, so almost no gradient "
                         "passes. Standardize the inputs, or start from smaller weights."});
    }
  }
  // the largest update for the weights it changes; not after symmetry, whose weights are still near
  // their zero start (every relative update is large then)
  if (std::find(symmetric.begin(), symmetric.end(), true) != symmetric.end()) return out;
  std::size_t worst = L;
  for (std::size_t i = 0; i < L; ++i)
    if (std::isfinite(layers[i].update_ratio) && (worst == L || layers[i].update_ratio > layers[worst].update_ratio))
      worst = i;
  if (worst < L && layers[worst].update_ratio > DiagnosisRule::large_update) {
    out.push_back({"large_update", static_cast<int>(worst), layers[worst].update_ratio,
                   "The update is " + percent(layers[worst].update_ratio) + " of " + layer_text(worst) +
                       "'s weights per step: the learning rate " + format_number(settings.learning_rate) +
                       " is too high (a steady update is about 0.1% of the weights)."});
  }
  return out;
}

}  // namespace lab
