// Recording one training step (see trace.hpp).
#include "core/trace.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/json_fields.hpp"

namespace lab {
namespace {

// Copies of every parameter block of every layer from a flat vector.
std::vector<Matrix> split_blocks(const Network& net, const Vector& flat) {
  std::vector<Matrix> blocks;
  for (std::size_t i = 0; i < net.layer_count(); ++i)
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      const double* start = flat.data() + net.layer_offset(i) + block.offset;
      blocks.emplace_back(Eigen::Map<const RowMatrix>(start, block.rows, block.cols));
    }
  return blocks;
}

}  // namespace

StepTrace trace_step(Network& net, const Matrix& X, const Matrix& Y, Optimizer& optimizer, double lr) {
  if (X.cols() > kMaxTraceBatch)
    throw ShapeError("[Trace] a trace takes 1.." + std::to_string(kMaxTraceBatch) +
                     " samples, got " + std::to_string(X.cols()) + "; pick a smaller batch");
  if (!(lr > 0.0) || !std::isfinite(lr))
    throw SpecError("[Trace] learning_rate must be a number above 0, got " + format_number(lr));
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
    trace.layers.push_back({static_cast<Index>(i), std::string(layer.type()),
                            std::string(layer.activation().name()),
                            layer.forward_values(ws.layers[i]), layer.backward_values(ws.layers[i])});
  }
  const Vector flat_before = net.parameters();
  const std::vector<Matrix> before = split_blocks(net, flat_before);
  const std::vector<Matrix> gradients = split_blocks(net, net.gradients());
  optimizer.step(net.parameter_storage(), net.gradients(), lr);
  if (!net.parameters().allFinite()) {
    net.set_parameters(flat_before);
    throw DataError("[Trace] this update makes some weights NaN or infinite: the learning rate " +
                    format_number(lr) + " is too high for this step. The weights are unchanged.");
  }
  const std::vector<Matrix> after = split_blocks(net, net.parameters());
  trace.optimizer = std::string(optimizer.name());
  trace.learning_rate = lr;
  std::size_t k = 0;
  for (std::size_t i = 0; i < net.layer_count(); ++i)
    for (const ParamBlock& block : net.layer(i).param_blocks()) {
      trace.updates.push_back({static_cast<Index>(i), block.name, before[k], gradients[k], after[k]});
      ++k;
    }
  trace.loss_after = net.loss(X, Y);
  return trace;
}

}  // namespace lab
