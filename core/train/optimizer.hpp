// Optimizers over the flat parameter vector: sgd, momentum, nesterov, rmsprop and adam with their
// usual coefficients (docs/design.md, "Optimizers", states each rule). State (velocities, moments,
// the step count t) is sized once and reused every step; it can be read and restored.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"
#include "core/train/settings_schema.hpp"

namespace lab {

// In the order of settings_schema::kOptimizers.
// lbfgs is full batch: the trainer runs it (core/train/lbfgs.hpp), make_optimizer refuses it.
enum class OptimizerKind { sgd, momentum, nesterov, rmsprop, adam, lbfgs };
// Its name in JSON ("adam"); from_name throws SpecError naming `field` and the allowed names.
std::string_view optimizer_name(OptimizerKind kind);
OptimizerKind optimizer_from_name(std::string_view name, std::string_view field);

struct OptimizerSettings {
  // The rows of settings_schema.hpp say what each is, its range and its default.
  OptimizerKind kind = static_cast<OptimizerKind>(settings_schema::optimizer.default_index());
  double momentum = settings_schema::momentum.fallback;             // momentum and nesterov: μ
  double rho = settings_schema::rho.fallback;                       // rmsprop: ρ
  double beta1 = settings_schema::beta1.fallback;                   // adam: β₁
  double beta2 = settings_schema::beta2.fallback;                   // adam: β₂
  double eps = settings_schema::eps.fallback;                       // rmsprop and adam: ε
  int memory = static_cast<int>(settings_schema::memory.fallback);  // lbfgs: m, the (s, y) pairs kept
};

// One vector of an optimizer's state or of what a step derived from it, e.g. {"m", m}.
struct NamedVector {
  std::string name;
  Vector value;  // (P) in flat parameter order
};

// What an optimizer carries from one step to the next.
struct OptimizerState {
  long t = 0;                        // steps taken since the start (adam's bias corrections use it)
  std::vector<NamedVector> vectors;  // sgd: none; momentum, nesterov: v; rmsprop: s; adam: m, v
};

class Optimizer {
 public:
  explicit Optimizer(OptimizerSettings settings) : settings_(std::move(settings)) {}
  virtual ~Optimizer() = default;
  // One update of p (P) with gradient g (P) and learning rate lr; t counts it.
  void step(Vector& p, const Vector& g, double lr) { step(p, g, lr, p); }
  // The same update written to `out` (P), which may be p itself; p is then left as it was.
  void step(const Vector& p, const Vector& g, double lr, Vector& out) {
    ++t_;
    out.resize(p.size());
    update(p, g, lr, out);
  }
  // Forgets velocities and moments and sets t to 0 (a fresh start).
  void reset() {
    t_ = 0;
    clear();
  }
  // A copy of the state.
  OptimizerState state() const { return {t_, vectors()}; }
  // Continues from `state`, which must hold this optimizer's vectors (names, order, P entries
  // each, finite; squared-gradient averages ≥ 0) and an integer t ≥ 0; throws SpecError naming
  // the field otherwise and then keeps its own state.
  void set_state(const OptimizerState& state);
  // What the last step computed from the state on its way to the update: adam's m_hat, v_hat
  // (P each), exactly as it used them; empty for the others and before the first step.
  virtual std::vector<NamedVector> derived() const { return {}; }
  std::string_view name() const { return optimizer_name(settings_.kind); }
  const OptimizerSettings& settings() const { return settings_; }
  long steps() const { return t_; }

 protected:
  // out ← the updated p (element-wise: out may be p); t already counts this step.
  virtual void update(const Vector& p, const Vector& g, double lr, Vector& out) = 0;
  virtual void clear() = 0;                                        // zero every state vector
  virtual std::vector<NamedVector> vectors() const = 0;            // copies, in state order
  virtual void load(const std::vector<NamedVector>& vectors) = 0;  // checked by set_state

 private:
  OptimizerSettings settings_;
  long t_ = 0;
};

// Whether `kind` needs the whole training set at every step (lbfgs; its row's full_batch).
bool is_full_batch(OptimizerKind kind);
// Throws SpecError for a coefficient out of range, and for a full-batch optimizer (lbfgs), which
// takes no mini-batch step: the message names optimizer.name and the optimizers allowed.
std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& settings, Index parameter_count);
void validate_optimizer_settings(const OptimizerSettings& settings);

// The state's vectors one after another (in state order), for carrying it in a link.
Vector flatten_state(const OptimizerState& state);
// The inverse for `optimizer`: splits `flat` into its vectors. t arrives as a JS number, so it is
// checked here to be an integer ≥ 0; throws SpecError naming the field for a wrong size or t.
OptimizerState unflatten_state(const Optimizer& optimizer, double t, const Vector& flat);

}  // namespace lab
