// Network forward, loss and backward over the flat parameter vector (see network.hpp).
#include "core/nn/network.hpp"

#include <algorithm>

#include "core/base/errors.hpp"
#include "core/nn/dense.hpp"
#include "core/nn/init.hpp"
#include "core/nn/residual.hpp"
#include "core/train/memory.hpp"

namespace lab {
namespace {

// How many batch sizes keep their buffers (training batch, last partial batch, evaluation sets).
constexpr std::size_t kMaxWorkspaces = 6;

std::string shape_text(const Matrix& m) { return std::to_string(m.rows()) + " × " + std::to_string(m.cols()); }

}  // namespace

Network::Network(std::string_view spec_json) : Network(parse_model_spec(spec_json)) {}

Network::Network(const ModelSpec& spec) : spec_(spec) {
  validate_model_spec(spec_);
  check_network_memory(spec_);  // before any allocation: a bare std::bad_alloc names nothing
  Index width = spec_.input;
  for (auto& layer_spec : spec_.layers) {
    if (layer_spec.type == LayerType::dense) {
      layers_.push_back(std::make_unique<Dense>(width, layer_spec.units, layer_spec.activation, layer_spec.bias));
      width = layer_spec.units;
    } else {
      layer_spec.units = width;
      layers_.push_back(std::make_unique<Residual>(width, layer_spec.activation));
    }
  }
  Index total = 0;
  for (const auto& layer : layers_) {
    offsets_.push_back(total);
    total += layer->param_count();
  }
  params_ = Vector::Zero(total);
  grads_ = Vector::Zero(total);
  weight_mask_ = Vector::Zero(total);
  bind_layers();
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    for (const ParamBlock& block : layers_[i]->param_blocks())
      if (block.is_weight) weight_mask_.segment(offsets_[i] + block.offset, block.rows * block.cols).setOnes();
  }
  initialise();
}

void Network::bind_layers() {
  for (std::size_t i = 0; i < layers_.size(); ++i)
    layers_[i]->bind(params_.data() + offsets_[i], grads_.data() + offsets_[i]);
}

void Network::swap_parameters(Vector& values) {
  if (values.size() != params_.size())
    throw ShapeError("[Network] swap_parameters needs " + std::to_string(params_.size()) + " values, got " +
                     std::to_string(values.size()));
  params_.swap(values);  // the two buffers change owners; no entry is copied
  bind_layers();
}

void Network::initialise() { initialise(spec_.init); }

void Network::set_derivative_bug(DerivativeBug bug) {
  bug_ = bug;
  for (auto& layer : layers_) layer->set_derivative_bug(bug);
}

void Network::initialise(const InitSpec& init) {
  std::vector<const Layer*> views;
  for (const auto& layer : layers_) views.push_back(layer.get());
  initialise_parameters(views, init, params_.data());
  grads_.setZero();
}

void Network::set_parameters(const Eigen::Ref<const Vector>& values) {
  if (values.size() != params_.size())
    throw ShapeError("[Network] parameters must have " + std::to_string(params_.size()) +
                     " values (the flat order of the spec), got " + std::to_string(values.size()));
  if (!values.allFinite()) throw DataError("[Network] parameters must be finite numbers; got NaN or infinity");
  params_ = values;
}

void Network::check_inputs(const Matrix& X) const {
  if (X.rows() != spec_.input)
    throw ShapeError("[Network] inputs must have " + std::to_string(spec_.input) + " features per sample, got " +
                     std::to_string(X.rows()));
  if (X.cols() < 1) throw ShapeError("[Network] inputs must hold at least one sample, got 0");
  if (!X.allFinite()) throw DataError("[Network] inputs contain NaN or infinity");
}

void Network::check_targets(const Matrix& X, const Matrix& Y) const {
  check_inputs(X);
  if (Y.rows() != output_size() || Y.cols() != X.cols())
    throw ShapeError("[Network] targets must be " + std::to_string(output_size()) + " × " + std::to_string(X.cols()) +
                     " (outputs × samples), got " + shape_text(Y));
  if (!Y.allFinite()) throw DataError("[Network] targets contain NaN or infinity");
}

Workspace& Network::workspace_for(Index batch) {
  for (auto& ws : workspaces_)
    if (ws->batch == batch) return *ws;
  if (workspaces_.size() >= kMaxWorkspaces) workspaces_.erase(workspaces_.begin());
  auto ws = std::make_unique<Workspace>();
  ws->batch = batch;
  ws->layers.resize(layers_.size());
  workspaces_.push_back(std::move(ws));
  return *workspaces_.back();
}

const Matrix& Network::forward(const Matrix& X) {
  check_inputs(X);
  return forward_unchecked(X);
}

const Matrix& Network::forward_unchecked(const Matrix& X) {
  Workspace& ws = workspace_for(X.cols());
  last_ = &ws;
  const Matrix* input = &X;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    layers_[i]->forward(*input, ws.layers[i]);
    input = &ws.layers[i].a;
  }
  return *input;
}

double Network::penalty() const {
  double total = 0.0;
  // (λ2/2) Σ W²  over weights only
  if (spec_.l2 > 0.0) total += 0.5 * spec_.l2 * (params_.cwiseProduct(weight_mask_)).squaredNorm();
  // λ1 Σ |W|
  if (spec_.l1 > 0.0) total += spec_.l1 * params_.cwiseProduct(weight_mask_).lpNorm<1>();
  return total;
}

LossParts Network::loss(const Matrix& X, const Matrix& Y) {
  check_targets(X, Y);
  return loss_unchecked(X, Y);
}

LossParts Network::loss_unchecked(const Matrix& X, const Matrix& Y) {
  const Matrix& out = forward_unchecked(X);
  const LayerCache& last = last_->layers.back();
  return {loss_value(spec_.loss, last.z, out, Y), penalty()};
}

LossParts Network::compute_gradients(const Matrix& X, const Matrix& Y, bool input_gradient) {
  check_targets(X, Y);
  return compute_gradients_unchecked(X, Y, input_gradient);
}

LossParts Network::compute_gradients_unchecked(const Matrix& X, const Matrix& Y, bool input_gradient) {
  const LossParts parts = loss_unchecked(X, Y);
  layers_.front()->set_input_gradient(input_gradient);
  Workspace& ws = *last_;
  const std::size_t n = layers_.size();
  loss_output_gradient(ws.layers[n - 1].a, Y, ws.output_gradient);
  for (std::size_t k = n; k-- > 0;) {
    const Matrix& input = k == 0 ? X : ws.layers[k - 1].a;
    if (k == n - 1 && loss_is_fused(spec_.loss)) {
      // δ = (a − y)/B comes straight from the fused softmax/sigmoid cross-entropy
      ws.layers[k].delta = ws.output_gradient;
      static_cast<Dense&>(*layers_[k]).backward_from_delta(input, ws.layers[k]);
    } else {
      const Matrix& g = k == n - 1 ? ws.output_gradient : ws.layers[k + 1].grad_in;
      layers_[k]->backward(input, g, ws.layers[k]);
    }
  }
  // d/dW of (λ2/2)‖W‖² = λ2 W
  if (spec_.l2 > 0.0) grads_.array() += spec_.l2 * weight_mask_.array() * params_.array();
  // d/dW of λ1 |W| = λ1 sign(W)
  if (spec_.l1 > 0.0) grads_.array() += spec_.l1 * weight_mask_.array() * params_.array().sign();
  return parts;
}

}  // namespace lab
