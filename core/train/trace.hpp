// The full record of one training step on one sample or a small batch: the input, z and a of
// every layer, the loss, δ, dW, db and the gradient passed down for every layer, every parameter
// and its optimizer state before and after the update. The Step-through lab is built on it.
#pragma once

#include <string>
#include <vector>

#include "core/nn/network.hpp"
#include "core/train/optimizer.hpp"

namespace lab {

struct LayerTrace {
  Index index = 0;
  std::string type;                   // "dense" or "residual"
  std::string activation;             // its name in the spec
  std::vector<NamedMatrix> forward;   // dense: z, a;  residual: z, h, a
  std::vector<NamedMatrix> backward;  // dense: fprime, delta, dW, db, grad_in;
                                      // residual: dh, fprime, delta, dW1, db1, dW2, grad_in
};

struct ParamUpdate {
  Index layer = 0;
  std::string name;  // "W", "b", "W1", "b1", "W2"
  Matrix before;     // as stored: W is out × in, b is a column
  Matrix gradient;   // dL/dparam including the l2/l1 term
  Matrix after;
  // This parameter's part of the optimizer state, shaped like it (momentum, nesterov: v;
  // rmsprop: s; adam: m, v; sgd: none), before and after the step
  std::vector<NamedMatrix> state_before;
  std::vector<NamedMatrix> state_after;
  std::vector<NamedMatrix> derived;  // adam: m_hat, v_hat as this step used them; others: none
};

struct StepTrace {
  Matrix input;   // (in × B)
  Matrix target;  // (out × B)
  Matrix output;  // (out × B) a of the last layer
  std::vector<LayerTrace> layers;
  std::string loss_name;
  LossParts loss;  // before the update
  // mse: dL/da = (a − y)/B; fused cross-entropies: δ = dL/dz = (a − y)/B of the last layer
  Matrix output_gradient;
  bool output_gradient_is_delta = false;
  OptimizerSettings optimizer;  // the name and every coefficient in use
  double learning_rate = 0.0;
  std::vector<ParamUpdate> updates;
  OptimizerState state_before;  // the whole state (t, P-vectors), to carry into the next step
  OptimizerState state_after;
  LossParts loss_after;  // the same batch's loss after the update
};

// Largest batch a trace accepts: it is meant to be read number by number.
constexpr Index kMaxTraceBatch = 256;

// Runs one training step on (X, Y) with `optimizer` at rate `lr`, records everything, and leaves
// the network and the optimizer updated. Throws like Network::compute_gradients for bad data; an
// update that overflows throws DataError and leaves the weights and the optimizer state as they were.
StepTrace trace_step(Network& net, const Matrix& X, const Matrix& Y, Optimizer& optimizer, double lr);

}  // namespace lab
