// L-BFGS over a flat parameter vector (Nocedal & Wright, Numerical Optimization, 2nd ed., §7.2):
// the two-loop recursion over the last m (s, y) pairs, and a line search for the strong Wolfe
// conditions (Algorithms 3.5 and 3.6). One call of iterate() is one iteration; it counts every
// evaluation of the objective θ → (f, g).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/base/types.hpp"

namespace lab {

// What one iteration did.
enum class LbfgsOutcome {
  moved,      // a step that satisfies the strong Wolfe conditions was taken
  converged,  // ‖g‖∞ was already at most the tolerance: θ left as it was, nothing evaluated
  stalled,    // no strong-Wolfe step within the line search's evaluations, along the L-BFGS direction
              // nor along −g: θ left as it was (at a minimum, f no longer falls in double precision)
  not_finite  // f or g at θ itself is NaN or infinite: θ left as it was
};
std::string_view lbfgs_outcome_name(LbfgsOutcome outcome);

struct LbfgsIteration {
  LbfgsOutcome outcome = LbfgsOutcome::moved;
  double f = 0.0;              // f at the θ the iteration ends at
  double gradient_norm = 0.0;  // ‖g‖₂ there
  double step = 0.0;           // the accepted α (0 when θ did not move)
  bool steepest = false;       // the direction was −g (first iteration, or a fallback)
  bool pair_stored = false;    // the (s, y) pair passed the curvature test and was kept
  int evaluations = 0;         // evaluations of (f, g) this iteration made
};

class Lbfgs {
 public:
  // f(θ), with the gradient written to `gradient` (resized to θ's size by the callee or already P).
  using Objective = std::function<double(const Vector& theta, Vector& gradient)>;

  static constexpr double kC1 = 1e-4;        // sufficient decrease (Armijo)
  static constexpr double kC2 = 0.9;         // curvature (strong Wolfe), the usual quasi-Newton choice
  static constexpr int kMaxLineSearch = 20;  // evaluations per line search (SciPy's maxls)

  // m pairs kept (m ≥ 1) for P parameters; `tolerance` is the ‖g‖∞ at which θ counts as optimal.
  Lbfgs(int memory, Index parameter_count, double tolerance = 0.0);

  // One iteration from θ (P), which it updates in place. Evaluates f and g at θ first unless the
  // previous iteration ended at this very θ (then its f and g are reused).
  LbfgsIteration iterate(Vector& theta, const Objective& objective);
  // Forgets the pairs, the cached point and the counts (a fresh start).
  void reset();

  // Evaluations of f and of g since the start. Every evaluation computes both (one forward and
  // one backward pass over the data, as SciPy's fmin_l_bfgs_b does), so the two are equal.
  long function_evaluations() const { return function_evaluations_; }
  long gradient_evaluations() const { return gradient_evaluations_; }
  long iterations() const { return iterations_; }
  int pairs() const { return count_; }
  int memory() const { return memory_; }
  // P-vectors held: the 2m pairs, θ, g and d at the current point, the trial point and its g.
  static constexpr double state_vectors(int memory) { return 2.0 * memory + 5.0; }

 private:
  struct Trial {
    double alpha = 0.0, f = 0.0, slope = 0.0;  // α, φ(α) = f(θ + αd), φ'(α) = g(θ + αd)ᵀd
    bool finite = false;                       // φ and φ' are finite numbers
  };
  struct Search {
    bool wolfe = false;  // a step satisfying both strong Wolfe conditions was found: `best`
    Trial best;
  };

  // f and g at x_ + α d_ into trial_x_ and trial_g_, counted.
  Trial evaluate(double alpha, const Objective& objective);
  // The trial just evaluated satisfies both conditions: the search's result (copied to best_x_, best_g_).
  void accept(const Trial& t, Search& search);
  // Algorithm 3.5: brackets a strong-Wolfe step along d_ from α₀, then zooms (Algorithm 3.6)
  // between lo (sufficient decrease, the lowest f so far) and hi; `budget` counts evaluations left.
  Search line_search(double alpha0, const Objective& objective);
  Search zoom(Trial lo, Trial hi, int& budget, Search search, const Objective& objective);
  // d_ ← −H g_ by the two-loop recursion over the pairs kept.
  void direction();
  // The pair from x_, g_ to best_x_, best_g_, kept when it passes the curvature test.
  bool store_pair();

  int memory_;
  double tolerance_;
  double phi0_ = 0.0, slope0_ = 0.0;  // φ(0) and φ'(0) = gᵀd of the current line search
  std::vector<Vector> s_, y_;         // m × (P): the pairs s = θ₊ − θ, y = g₊ − g, a ring
  Vector rho_;                        // (m) 1 / yᵀs of each pair
  Vector alpha_;                      // (m) the first loop's coefficients
  int newest_ = -1, count_ = 0;       // the ring's newest slot and the number of pairs in it
  Vector x_, g_;                      // (P) the point the last iteration ended at and its gradient
  double f_ = 0.0;                    // f there
  bool has_point_ = false;
  Vector d_;                  // (P) the search direction
  Vector trial_x_, trial_g_;  // (P) the line search's trial point and its gradient
  Vector best_x_, best_g_;    // (P) the accepted trial point and its gradient
  long function_evaluations_ = 0, gradient_evaluations_ = 0, iterations_ = 0;
};

}  // namespace lab
