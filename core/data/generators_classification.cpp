// The classification generators: circles, xor, blobs, moons, spiral, peaks, swiss_roll and gmm.
// Sample j has class j mod K (balanced) except peaks, whose class comes from the surface height.
// "noise" is a Gaussian σ added to every coordinate after the class is fixed (blobs and gmm:
// the σ of each Gaussian). Draws happen in a fixed order, so a seed always gives the same data.
#include <cmath>

#include "core/base/rng.hpp"
#include "core/data/generators.hpp"

namespace lab::generators {
namespace {

constexpr double pi = 3.14159265358979323846;

Dataset classification(Index features, Index samples, int classes, std::vector<std::string> class_names) {
  Dataset data;
  data.task = "classification";
  data.X.resize(features, samples);
  data.labels.resize(static_cast<std::size_t>(samples));
  data.classes = classes;
  data.class_names = std::move(class_names);
  data.feature_names = numbered_names("x", static_cast<int>(features), 1);
  return data;
}

// Writes the 2-D point (x, y) plus Gaussian jitter of σ = noise into column j.
void put_point(Dataset& data, Index j, int label, double x, double y, double noise, Rng& rng) {
  const double jitter_x = noise * rng.normal();
  const double jitter_y = noise * rng.normal();
  data.X(0, j) = x + jitter_x;
  data.X(1, j) = y + jitter_y;
  data.labels[static_cast<std::size_t>(j)] = label;
}

}  // namespace

// Two rings (like seed 002's circles500 and sklearn's make_circles): class 0 on the outer ring of
// radius 1, class 1 on the inner ring of radius 0.5, angle θ uniform in [0, 2π).
Dataset circles(const GeneratorRequest& r) {
  Dataset data = classification(2, r.samples, 2, {"outer", "inner"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % 2);
    const double radius = label == 0 ? 1.0 : 0.5;
    const double theta = rng.uniform(0.0, 2.0 * pi);
    put_point(data, j, label, radius * std::cos(theta), radius * std::sin(theta), r.noise, rng);
  }
  return data;
}

// XOR of the signs: |x|, |y| uniform in [0.05, 1); class 0 has x·y > 0 (quadrants 1 and 3),
// class 1 has x·y < 0. The quadrant pair member is chosen at random.
Dataset xor_quadrants(const GeneratorRequest& r) {
  Dataset data = classification(2, r.samples, 2, {"same sign", "different sign"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % 2);
    const double magnitude_x = rng.uniform(0.05, 1.0);
    const double magnitude_y = rng.uniform(0.05, 1.0);
    const double sign_x = rng.uniform() < 0.5 ? -1.0 : 1.0;
    const double sign_y = label == 0 ? sign_x : -sign_x;
    put_point(data, j, label, sign_x * magnitude_x, sign_y * magnitude_y, r.noise, rng);
  }
  return data;
}

// Gaussian blobs (sklearn's make_blobs): K centres uniform in [−10, 10)^d drawn first, then
// x = centre[class] + noise · N(0, I).
Dataset blobs(const GeneratorRequest& r) {
  const Index d = r.dimensions;
  Dataset data = classification(d, r.samples, r.classes, numbered_names("blob ", r.classes));
  Rng rng(r.seed);
  Matrix centres(d, r.classes);  // (d × K)
  for (Index k = 0; k < r.classes; ++k)
    for (Index i = 0; i < d; ++i) centres(i, k) = rng.uniform(-10.0, 10.0);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % r.classes);
    for (Index i = 0; i < d; ++i) data.X(i, j) = centres(i, label) + r.noise * rng.normal();
    data.labels[static_cast<std::size_t>(j)] = label;
  }
  return data;
}

// Two interleaving half circles (sklearn's make_moons), t uniform in [0, π):
// class 0: (cos t, sin t); class 1: (1 − cos t, 0.5 − sin t).
Dataset moons(const GeneratorRequest& r) {
  Dataset data = classification(2, r.samples, 2, {"upper moon", "lower moon"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % 2);
    const double t = rng.uniform(0.0, pi);
    if (label == 0)
      put_point(data, j, label, std::cos(t), std::sin(t), r.noise, rng);
    else
      put_point(data, j, label, 1.0 - std::cos(t), 0.5 - std::sin(t), r.noise, rng);
  }
  return data;
}

// K spiral arms (the CS231n softmax example): radius ρ uniform in [0, 1), arm c at angle
// θ = 2πc/K + 4ρ (4 radians of winding), point ρ (cos θ, sin θ).
Dataset spiral(const GeneratorRequest& r) {
  Dataset data = classification(2, r.samples, r.classes, numbered_names("arm ", r.classes));
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % r.classes);
    const double rho = rng.uniform();
    const double theta = 2.0 * pi * label / r.classes + 4.0 * rho;
    put_point(data, j, label, rho * std::cos(theta), rho * std::sin(theta), r.noise, rng);
  }
  return data;
}

// peaks(x, y) = 3(1−x)² e^(−x²−(y+1)²) − 10(x/5 − x³ − y⁵) e^(−x²−y²) − ⅓ e^(−(x+1)²−y²)
double peaks_surface(double x, double y) {
  const double a = 3.0 * (1.0 - x) * (1.0 - x) * std::exp(-x * x - (y + 1.0) * (y + 1.0));
  const double b = 10.0 * (x / 5.0 - x * x * x - y * y * y * y * y) * std::exp(-x * x - y * y);
  const double c = std::exp(-(x + 1.0) * (x + 1.0) - y * y) / 3.0;
  return a - b - c;
}

// A stand-in for seed 000's PeaksData: (x, y) uniform in [−3, 3)², class = the band of
// peaks(x, y) between thresholds at the surface's quintiles over the square (computed once on a
// 4001 × 4001 grid), so the 5 classes each cover about 20% of the square.
Dataset peaks(const GeneratorRequest& r) {
  static constexpr double thresholds[4] = {-0.3074, 0.0017, 0.1532, 1.3126};
  Dataset data =
      classification(2, r.samples, 5, {"level 1 (lowest)", "level 2", "level 3", "level 4", "level 5 (highest)"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const double x = rng.uniform(-3.0, 3.0);
    const double y = rng.uniform(-3.0, 3.0);
    const double height = peaks_surface(x, y);
    int label = 0;
    while (label < 4 && height >= thresholds[label]) ++label;
    put_point(data, j, label, x, y, r.noise, rng);
  }
  return data;
}

// A stand-in for seed 000's SwissRollData: two interleaved rolls. t uniform in [1.5π, 4.5π)
// (sklearn's make_swiss_roll range), class 0 at (t cos t, t sin t) / 4.5π and class 1 the same
// point turned by π, so both fit in the unit disc.
Dataset swiss_roll(const GeneratorRequest& r) {
  Dataset data = classification(2, r.samples, 2, {"roll A", "roll B"});
  Rng rng(r.seed);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % 2);
    const double t = rng.uniform(1.5 * pi, 4.5 * pi);
    const double side = label == 0 ? 1.0 : -1.0;
    put_point(data, j, label, side * t * std::cos(t) / (4.5 * pi), side * t * std::sin(t) / (4.5 * pi), r.noise, rng);
  }
  return data;
}

// A stand-in for seed 000's GMMData: each of the K classes is a mixture of `components` Gaussians
// in d dimensions. Means uniform in [−1, 1)^d (all drawn first, class by class), then a sample of
// class c picks a component uniformly and adds noise · N(0, I). With the defaults (d = 5, K = 5,
// 4 components, σ = 0.2) a linear softmax reaches about 45–70% (depending on the seed) and a
// 5-45-5 network about 94–96%, like the seed's results.
Dataset gmm(const GeneratorRequest& r) {
  const Index d = r.dimensions;
  Dataset data = classification(d, r.samples, r.classes, numbered_names("class ", r.classes));
  Rng rng(r.seed);
  Matrix means(d, static_cast<Index>(r.classes) * r.components);  // column c·components + m
  for (Index column = 0; column < means.cols(); ++column)
    for (Index i = 0; i < d; ++i) means(i, column) = rng.uniform(-1.0, 1.0);
  for (Index j = 0; j < r.samples; ++j) {
    const int label = static_cast<int>(j % r.classes);
    const Index component = static_cast<Index>(rng.below(static_cast<std::uint64_t>(r.components)));
    const Index column = static_cast<Index>(label) * r.components + component;
    for (Index i = 0; i < d; ++i) data.X(i, j) = means(i, column) + r.noise * rng.normal();
    data.labels[static_cast<std::size_t>(j)] = label;
  }
  return data;
}

}  // namespace lab::generators
