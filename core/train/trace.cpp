// Recording one training step (see trace.hpp).
#include "core/train/trace.hpp"

#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/schema.hpp"
#include "core/train/settings_schema.hpp"

namespace lab {
namespace {

// Copies of every parameter block of every layer from a flat vector (P), in flat order.
std::vector<Matrix> split_blocks(const Network& net, const Vector& flat) {
  std::vector<Matrix> blocks;
  for (std::size_t i = 0; i < net.layer_count(); ++i)
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      const double* start = flat.data() + net.layer_offset(i) + block.offset;
      blocks.emplace_back(Eigen::Map<const RowMatrix>(start, block.rows, block.cols));
    }
  return blocks;
}

// Per parameter block, its part of each named vector: result[k] holds block k's {name, part}.
std::vector<std::vector<NamedMatrix>> split_named(const Network& net, const std::vector<NamedVector>& vectors,
                                                  std::size_t blocks) {
  std::vector<std::vector<NamedMatrix>> out(blocks);
  for (const NamedVector& v : vectors) {
    const std::vector<Matrix> parts = split_blocks(net, v.value);
    for (std::size_t k = 0; k < blocks; ++k) out[k].push_back({v.name, parts[k]});
  }
  return out;
}

}  // namespace

StepTrace trace_step(Network& net, const Matrix& X, const Matrix& Y, Optimizer& optimizer, double lr) {
  if (X.cols() > kMaxTraceBatch)
    throw ShapeError("[Trace] a trace takes 1.." + std::to_string(kMaxTraceBatch) + " samples, got " +
                     std::to_string(X.cols()) + "; pick a smaller batch");
  check_field(settings_schema::learning_rate, lr, "[Trace]", "learning_rate");
  StepTrace trace;
  trace.input = X;
  trace.target = Y;
  trace.loss = net.compute_gradients(X, Y);
  trace.loss_name = std::string(loss_name(net.spec().loss));
  const Workspace& ws = net.last_workspace();
  trace.output = ws.layers.back().a;
  trace.output_gradient = ws.output_gradient;
  trace.output_gradient_is_delta = loss_is_fused(net.spec().loss);
  for (std::size_t i = 0; i < net.layer_count(); ++i) {
    const Layer& layer = net.layer(i);
    trace.layers.push_back({static_cast<Index>(i), std::string(layer.type()), std::string(layer.activation().name()),
                            layer.forward_values(ws.layers[i]), layer.backward_values(ws.layers[i])});
  }
  const Vector flat_before = net.parameters();
  const std::vector<Matrix> before = split_blocks(net, flat_before);
  const std::vector<Matrix> gradients = split_blocks(net, net.gradients());
  trace.state_before = optimizer.state();
  optimizer.step(net.parameter_storage(), net.gradients(), lr);
  if (!net.parameters().allFinite()) {
    net.set_parameters(flat_before);
    optimizer.set_state(trace.state_before);
    throw DataError("[Trace] this update makes some weights NaN or infinite: the learning rate " + format_number(lr) +
                    " is too high for this step. The weights are unchanged.");
  }
  const std::vector<Matrix> after = split_blocks(net, net.parameters());
  trace.optimizer = optimizer.settings();
  trace.learning_rate = lr;
  trace.state_after = optimizer.state();
  const auto state_before = split_named(net, trace.state_before.vectors, before.size());
  const auto state_after = split_named(net, trace.state_after.vectors, before.size());
  const auto derived = split_named(net, optimizer.derived(), before.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < net.layer_count(); ++i)
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      trace.updates.push_back({static_cast<Index>(i), block.name, before[k], gradients[k], after[k], state_before[k],
                               state_after[k], derived[k]});
      ++k;
    }
  trace.loss_after = net.loss(X, Y);
  return trace;
}

}  // namespace lab
