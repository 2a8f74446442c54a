// Helpers shared by the Catch2 tests: fixture loading, NumPy-layout conversions and central
// finite differences with the relative error used throughout (CS231n style).
#pragma once

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/backprop.hpp"

namespace lab::test {

using Json = nlohmann::json;

inline Json load_fixture(const std::string& name) {
  std::ifstream file(std::string(BACKPROP_FIXTURES) + "/" + name);
  if (!file) throw std::runtime_error("missing fixture " + name);
  std::stringstream text;
  text << file.rdbuf();
  return Json::parse(text.str());
}

// A rows × cols matrix of N(0, 1) values from the project's generator.
inline Matrix random_matrix(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.normal();
  return m;
}

// NumPy layout (one sample per row, a list of lists) → one sample per column.
inline Matrix samples_to_matrix(const Json& rows) {
  Matrix m(static_cast<Index>(rows[0].size()), static_cast<Index>(rows.size()));
  for (Index j = 0; j < m.cols(); ++j)
    for (Index i = 0; i < m.rows(); ++i) m(i, j) = rows[j][i].get<double>();
  return m;
}

inline Vector to_vector(const Json& values) {
  Vector v(static_cast<Index>(values.size()));
  for (Index i = 0; i < v.size(); ++i) v(i) = values[i].get<double>();
  return v;
}

// max_i |a_i − b_i| / max(|a_i|, |b_i|, floor); the floor of the core's element-wise check (1e-8)
inline double max_relative_error(const Vector& a, const Vector& b, double floor = kRelativeErrorFloor) {
  double worst = 0.0;
  for (Index i = 0; i < a.size(); ++i) {
    const double scale = std::max({std::abs(a(i)), std::abs(b(i)), floor});
    worst = std::max(worst, std::abs(a(i) - b(i)) / scale);
  }
  return worst;
}

// Central differences (F(x + h e_i) − F(x − h e_i)) / 2h for every coordinate of x.
inline Vector central_difference(const std::function<double(const Vector&)>& F, Vector x, double h = 1e-5) {
  Vector g(x.size());
  for (Index i = 0; i < x.size(); ++i) {
    const double keep = x(i);
    x(i) = keep + h;
    const double up = F(x);
    x(i) = keep - h;
    const double down = F(x);
    x(i) = keep;
    g(i) = (up - down) / (2.0 * h);
  }
  return g;
}

// Largest finite-difference relative error seen by any test, printed at the end of the run.
inline double& largest_fd_error() {
  static double worst = 0.0;
  return worst;
}
inline double record_fd_error(double error) {
  largest_fd_error() = std::max(largest_fd_error(), error);
  return error;
}

}  // namespace lab::test
