// Per-layer statistics of a training step (see layer_stats.hpp).
#include "core/train/layer_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A block of the flat vector `flat` as its (rows × cols) matrix (stored row-major), not copied.
Eigen::Map<const RowMajor> block_of(const Vector& flat, Index layer_offset, const ParamBlock& block) {
  return {flat.data() + layer_offset + block.offset, block.rows, block.cols};
}

}  // namespace

Histogram histogram_of(const Matrix& values, int bins) {
  Histogram h;
  h.counts.assign(static_cast<std::size_t>(bins), 0);
  if (values.size() == 0) return h;
  h.lo = values.minCoeff();
  h.hi = values.maxCoeff();
  const double width = (h.hi - h.lo) / bins;
  for (Index k = 0; k < values.size(); ++k) {
    // bin = ⌊(v − lo) / width⌋, the largest value in the last bin
    const int bin = width > 0.0 ? std::min(bins - 1, static_cast<int>((values(k) - h.lo) / width)) : bins / 2;
    ++h.counts[static_cast<std::size_t>(bin)];
  }
  return h;
}

double identical_row_fraction(const Matrix& W, const Vector& b) {
  const Index m = W.rows();
  if (m < 2) return 0.0;
  // rows with their bias, sorted by their first entry: equal rows sit within the tolerance of
  // each other in that order, so each row is compared with its neighbours only while they are close
  Matrix rows(m, W.cols() + (b.size() > 0 ? 1 : 0));
  rows.leftCols(W.cols()) = W;
  if (b.size() > 0) rows.col(W.cols()) = b;
  std::vector<Index> order(static_cast<std::size_t>(m));
  for (Index i = 0; i < m; ++i) order[static_cast<std::size_t>(i)] = i;
  std::sort(order.begin(), order.end(), [&](Index x, Index y) { return rows(x, 0) < rows(y, 0); });
  const auto tolerance = [&](Index x, Index y) {
    return LayerStatsRule::identical_tolerance *
           (1.0 + std::max(rows.row(x).cwiseAbs().maxCoeff(), rows.row(y).cwiseAbs().maxCoeff()));
  };
  std::vector<bool> identical(static_cast<std::size_t>(m), false);
  for (std::size_t i = 0; i < order.size(); ++i) {
    // a row matched already equals an earlier one, which was compared with every later row
    if (identical[i]) continue;
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const Index x = order[i], y = order[j];
      if (rows(y, 0) - rows(x, 0) > tolerance(x, y)) break;
      if ((rows.row(x) - rows.row(y)).cwiseAbs().maxCoeff() <= tolerance(x, y)) identical[i] = identical[j] = true;
    }
  }
  return static_cast<double>(std::count(identical.begin(), identical.end(), true)) / static_cast<double>(m);
}

std::vector<LayerStats> layer_stats(const Network& net, const Vector& gradients, const Vector& before) {
  const Vector& after = net.parameters();
  const Workspace& ws = net.last_workspace();
  std::vector<LayerStats> out;
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    const Layer& layer = net.layer(i);
    const LayerCache& cache = ws.layers[i];
    const Index offset = net.layer_offset(i);
    LayerStats s;
    double w2 = 0.0, g2 = 0.0, d2 = 0.0, before2 = 0.0;
    Matrix W_first, b_first;
    for (const ParamBlock& block : layer.param_blocks()) {
      if (!block.is_weight) {
        if (b_first.size() == 0) b_first = block_of(after, offset, block);
        continue;
      }
      const auto W = block_of(after, offset, block);
      const auto W_before = block_of(before, offset, block);
      if (W_first.size() == 0) W_first = W;
      // ‖W‖²_F, ‖∂L/∂W‖²_F, ‖ΔW‖²_F and ‖W_before‖²_F summed over the layer's weight blocks
      w2 += W.squaredNorm();
      g2 += block_of(gradients, offset, block).squaredNorm();
      d2 += (W - W_before).squaredNorm();
      before2 += W_before.squaredNorm();
    }
    s.weight_norm = std::sqrt(w2);
    s.gradient_norm = std::sqrt(g2);
    s.update_ratio = before2 > 0.0 ? std::sqrt(d2 / before2) : kNaN;

    // the units' activations: f(z), which is a for a dense layer and h for a residual block
    const Matrix& units = layer.type() == "residual" ? cache.h : cache.a;
    s.z = histogram_of(cache.z, LayerStatsRule::bins);
    s.a = histogram_of(units, LayerStatsRule::bins);
    s.units = static_cast<int>(cache.z.rows());
    const Index m = cache.z.rows();
    const ActivationKind kind = layer.activation().kind;
    s.dead_fraction = kNaN;
    s.saturated_fraction = kNaN;
    if (kind == ActivationKind::relu || kind == ActivationKind::leaky_relu) {
      // dead: z ≤ 0 for every sample, so f′ = 0 (ReLU) and no gradient reaches its weights
      const Index dead = (cache.z.array() <= 0.0).rowwise().all().count();
      s.dead_fraction = static_cast<double>(dead) / static_cast<double>(m);
    } else if (kind == ActivationKind::sigmoid || kind == ActivationKind::tanh) {
      // saturated: |f′(z)| < 1% of f′'s largest value (σ′ ≤ ¼, tanh′ ≤ 1) for every sample
      Matrix fprime;
      layer.activation().derivative(cache.z, units, fprime);
      const double largest = kind == ActivationKind::sigmoid ? 0.25 : 1.0;
      const Index saturated =
          (fprime.array().abs() < LayerStatsRule::saturated_share * largest).rowwise().all().count();
      s.saturated_fraction = static_cast<double>(saturated) / static_cast<double>(m);
    }
    s.identical_fraction = identical_row_fraction(W_first, b_first.size() ? Vector(b_first.reshaped()) : Vector());
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lab
