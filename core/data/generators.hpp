// Seeded dataset generators: 2-D classification (circles, xor, blobs, moons, spiral, peaks,
// swiss_roll), gmm, regression (sine, polynomial, plane, three_points) and the seed 000 §1.2
// synthetic least-squares problem. All randomness comes from lab::Rng, so a seed gives the same
// data natively and in wasm. A request is JSON, e.g.
//   {"name":"spiral","samples":300,"noise":0.1,"seed":1,"classes":3}
// and every setting a generator does not use is rejected with its name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.hpp"

namespace lab {

// The settings of one generator call. Fields a generator does not use keep their defaults.
struct GeneratorRequest {
  std::string name;
  Index samples = 0;       // n
  double noise = 0.0;      // see each generator's description (usually a Gaussian σ)
  std::uint64_t seed = 0;  // 0 .. 2^53 − 1 (it survives a round trip through JS)
  int classes = 0;         // blobs, spiral, gmm
  int dimensions = 0;      // blobs, gmm: features; least_squares: unknowns (n of the seed)
  int components = 0;      // gmm: Gaussians per class
  double lambda = 0.0;     // least_squares: ridge coefficient λ
};

// A setting with a range: the page builds its controls from these.
struct IntSetting {
  int fallback = 0, lo = 0, hi = 0;
};

// What the page needs to know about one generator.
struct GeneratorInfo {
  std::string name;
  std::string task;                   // "classification" or "regression"
  std::string description;            // one line for the page
  std::string noise_meaning;          // what "noise" does for this generator
  std::vector<std::string> settings;  // the JSON keys it accepts besides "name"
  Index default_samples = 0;          // the size the seeds used
  Index page_samples = 0;             // a smaller default for interactive use
  Index min_samples = 1;
  Index max_samples = 0;
  double default_noise = 0.0, max_noise = 0.0;
  IntSetting classes, dimensions, components;  // used when listed in settings
  double default_lambda = 0.0;
};

// Every generator, in the order the page lists them.
const std::vector<GeneratorInfo>& generator_infos();
const GeneratorInfo& generator_info(std::string_view name);  // SpecError for an unknown name
std::string generators_json();                               // generator_infos() as JSON

// The defaults of a generator (its seed-sized default_samples; page_samples when `for_page`).
GeneratorRequest default_request(std::string_view name, bool for_page = false);
// Parses a JSON request; missing settings take the generator's defaults (page sizes when
// `for_page`). Unknown keys and out-of-range values throw SpecError naming the field.
GeneratorRequest parse_generator_request(std::string_view json_text, bool for_page = false);
// Checks the ranges of a request built in code.
void validate_generator_request(const GeneratorRequest& request);

Dataset generate(const GeneratorRequest& request);
Dataset generate(std::string_view request_json);

// Seed 000 §1.2: X (m × n in the seed's layout) = U diag(s) Vᵀ with s_i = exp(0.3·N(0,1)) and
// U, V orthonormal, y = X·x_true + noise·N(0,1), and the ridge optimum for λ.
struct LeastSquaresProblem {
  Dataset data;            // X as features × samples (n × m), targets y (1 × m)
  Vector true_solution;    // (n) x_true that generated y
  Vector solution;         // (n) ridge optimum w* = ((1/m)XᵀX + λI)⁻¹ (1/m)Xᵀy
  Vector singular_values;  // (min(m, n)) s
  double lambda = 0.0;
  double optimum_loss = 0.0;  // f(w*) with f(w) = (1/2m)‖Xw − y‖² + (λ/2)‖w‖²
};
LeastSquaresProblem least_squares_problem(const GeneratorRequest& request);
// f(w) above, for comparing an SGD iterate with the optimum. w: (n)
double least_squares_loss(const LeastSquaresProblem& problem, const Vector& w);

// The generators themselves (called by generate() after validation).
namespace generators {
Dataset circles(const GeneratorRequest& r);
Dataset xor_quadrants(const GeneratorRequest& r);
Dataset blobs(const GeneratorRequest& r);
Dataset moons(const GeneratorRequest& r);
Dataset spiral(const GeneratorRequest& r);
Dataset peaks(const GeneratorRequest& r);
Dataset swiss_roll(const GeneratorRequest& r);
Dataset gmm(const GeneratorRequest& r);
Dataset sine(const GeneratorRequest& r);
Dataset polynomial(const GeneratorRequest& r);
Dataset plane(const GeneratorRequest& r);
Dataset three_points(const GeneratorRequest& r);
Dataset least_squares(const GeneratorRequest& r);
// The classic MATLAB surface peaks(x, y) that the peaks classes come from.
double peaks_surface(double x, double y);
}  // namespace generators

}  // namespace lab
