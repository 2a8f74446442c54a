// Dense layers and residual blocks: backward against finite differences of g = Σ f(x) ⊙ u with
// respect to every parameter (W, b; W1, b1, W2) and to the layer input.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::central_difference;
using lab::test::max_relative_error;
using lab::test::record_fd_error;

namespace {

Vector random_vector(Index n, std::uint64_t seed, double scale = 1.0) {
  Rng rng(seed);
  Vector v(n);
  for (Index i = 0; i < n; ++i) v(i) = scale * rng.normal();
  return v;
}

// Checks a layer's parameter gradient and input gradient against central differences.
void check_layer(Layer& layer, std::uint64_t seed) {
  const Index batch = 3;
  Vector params = random_vector(layer.param_count(), seed, 0.7);
  Vector grads = Vector::Zero(layer.param_count());
  layer.bind(params.data(), grads.data());
  const Matrix x = random_vector(layer.input_size() * batch, seed + 1).reshaped(layer.input_size(), batch);
  const Matrix u = random_vector(layer.output_size() * batch, seed + 2).reshaped(layer.output_size(), batch);

  LayerCache cache;
  layer.forward(x, cache);
  layer.backward(x, u, cache);
  const Vector analytic_params = grads;
  const Matrix analytic_input = cache.grad_in;

  const auto F_params = [&](const Vector& p) {
    params = p;
    LayerCache c;
    layer.forward(x, c);
    return c.a.cwiseProduct(u).sum();
  };
  const Vector keep = params;
  const Vector numeric_params = central_difference(F_params, keep);
  params = keep;
  const double param_error = max_relative_error(analytic_params, numeric_params);
  INFO("parameters: max relative error " << param_error);
  CHECK(record_fd_error(param_error) < 1e-6);

  const auto F_input = [&](const Vector& flat) {
    LayerCache c;
    layer.forward(flat.reshaped(layer.input_size(), batch), c);
    return c.a.cwiseProduct(u).sum();
  };
  const Vector numeric_input = central_difference(F_input, x.reshaped());
  const double input_error = max_relative_error(analytic_input.reshaped(), numeric_input);
  INFO("input: max relative error " << input_error);
  CHECK(record_fd_error(input_error) < 1e-6);
}

}  // namespace

TEST_CASE("Dense backward matches finite differences w.r.t. W, b and the input", "[dense][grad]") {
  const ActivationKind kinds[] = {ActivationKind::identity, ActivationKind::sigmoid,    ActivationKind::tanh,
                                  ActivationKind::relu,     ActivationKind::leaky_relu, ActivationKind::softmax};
  std::uint64_t seed = 100;
  for (ActivationKind kind : kinds) {
    DYNAMIC_SECTION(activation_name(kind)) {
      Dense layer(4, 3, Activation{kind, 0.1});
      check_layer(layer, seed += 10);
    }
  }
}

TEST_CASE("Residual backward matches finite differences w.r.t. W1, b1, W2 and the input", "[residual][grad]") {
  const ActivationKind kinds[] = {ActivationKind::identity, ActivationKind::sigmoid, ActivationKind::tanh,
                                  ActivationKind::relu, ActivationKind::leaky_relu};
  std::uint64_t seed = 300;
  for (ActivationKind kind : kinds) {
    DYNAMIC_SECTION(activation_name(kind)) {
      Residual block(4, Activation{kind, 0.1});
      check_layer(block, seed += 10);
    }
  }
}

TEST_CASE("Dense and residual parameter blocks follow the documented flat order", "[dense][residual]") {
  Dense dense(2, 3, Activation{});
  const auto blocks = dense.param_blocks();
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].name == "W");
  CHECK(blocks[1].offset == 6);
  CHECK(dense.param_count() == 9);
  Vector params(9), grads(9);
  for (Index i = 0; i < 9; ++i) params(i) = static_cast<double>(i);
  dense.bind(params.data(), grads.data());
  CHECK(dense.W()(0, 1) == 1.0);  // row-major: W(0,1) is the second value
  CHECK(dense.W()(1, 0) == 2.0);
  CHECK(dense.b()(2) == 8.0);

  Residual block(3, Activation{ActivationKind::relu});
  const auto rblocks = block.param_blocks();
  REQUIRE(rblocks.size() == 3);
  CHECK(rblocks[1].name == "b1");
  CHECK(rblocks[1].offset == 9);
  CHECK(rblocks[2].offset == 12);
  CHECK(block.param_count() == 21);
}

TEST_CASE("A dense layer without a bias computes z = W a and has no b block", "[dense][grad][bias]") {
  Dense layer(4, 3, Activation{ActivationKind::tanh}, false);
  REQUIRE(layer.param_count() == 12);
  const auto blocks = layer.param_blocks();
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].name == "W");
  check_layer(layer, 41);
  // z is exactly W a: compared with a direct product
  Vector params = random_vector(12, 5);
  Vector grads = Vector::Zero(12);
  layer.bind(params.data(), grads.data());
  const Matrix x = random_vector(8, 6).reshaped(4, 2);
  LayerCache cache;
  layer.forward(x, cache);
  const Matrix W = Eigen::Map<const RowMatrix>(params.data(), 3, 4);
  CHECK((cache.z - W * x).cwiseAbs().maxCoeff() < 1e-14);
}
