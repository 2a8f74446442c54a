// Networks: NumPy fixtures (output, loss, flat gradient), finite differences over whole networks
// of several depths and activations, parameter counts against seed 000, and bad input.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using namespace lab::test;

namespace {

// Targets that fit the loss: one-hot classes, 0/1 labels, or real values.
Matrix targets_for(LossKind loss, Index outputs, Index batch, std::uint64_t seed) {
  Rng rng(seed);
  Matrix y = Matrix::Zero(outputs, batch);
  for (Index j = 0; j < batch; ++j) {
    if (loss == LossKind::cross_entropy)
      y(static_cast<Index>(rng.below(outputs)), j) = 1.0;
    else if (loss == LossKind::binary_cross_entropy)
      y(0, j) = static_cast<double>(rng.below(2));
    else
      for (Index i = 0; i < outputs; ++i) y(i, j) = rng.normal();
  }
  return y;
}

double network_fd_error(Network& net, const Matrix& X, const Matrix& Y) {
  net.compute_gradients(X, Y);
  const Vector analytic = net.gradients();
  const Vector start = net.parameters();
  const auto F = [&](const Vector& p) {
    net.set_parameters(p);
    return net.loss(X, Y).total();
  };
  const Vector numeric = central_difference(F, start);
  net.set_parameters(start);
  return max_relative_error(analytic, numeric);
}

}  // namespace

TEST_CASE("Network output, loss and gradient match the NumPy fixtures", "[network][fixture]") {
  const Json cases = load_fixture("networks.json");
  REQUIRE(cases.size() >= 5);
  for (const Json& c : cases) {
    DYNAMIC_SECTION(c["name"].get<std::string>()) {
      Network net(c["spec"].dump());
      net.set_parameters(to_vector(c["params"]));
      const Matrix X = samples_to_matrix(c["X"]);
      const Matrix Y = samples_to_matrix(c["Y"]);
      const Matrix expected_output = samples_to_matrix(c["output"]);
      const Matrix& output = net.forward(X);
      CHECK((output - expected_output).cwiseAbs().maxCoeff() < 1e-12);
      const LossParts loss = net.compute_gradients(X, Y);
      CHECK(loss.total() == Approx(c["loss"].get<double>()).epsilon(1e-12));
      const double error = max_relative_error(net.gradients(), to_vector(c["grad"]), 1e-12);
      INFO("largest relative difference from NumPy: " << error);
      CHECK(error < 1e-9);
    }
  }
}

TEST_CASE("Whole-network gradients match finite differences", "[network][grad]") {
  struct Case {
    const char* name;
    const char* spec;
  };
  const Case cases[] = {
      {"one dense sigmoid, mse", R"({"input":3,"layers":[{"units":2,"activation":"sigmoid"}],"loss":"mse"})"},
      {"2 layers tanh + softmax, l2",
       R"({"input":3,"layers":[{"units":5,"activation":"tanh"},{"units":4,"activation":"softmax"}],
           "loss":"cross_entropy","l2":0.05,"init":{"scheme":"normal","scale":0.8,"seed":1}})"},
      {"3 layers relu/leaky + sigmoid bce",
       R"({"input":2,"layers":[{"units":6,"activation":"relu"},{"units":5,"activation":"leaky_relu","alpha":0.2},
           {"units":1,"activation":"sigmoid"}],"loss":"binary_cross_entropy","init":{"scheme":"he","scale":1,"seed":2}})"},
      {"residual blocks of every activation, identity out, l2 and l1",
       R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"type":"residual","activation":"sigmoid"},
           {"type":"residual","activation":"relu"},{"type":"residual","activation":"leaky_relu","alpha":0.1},
           {"type":"residual","activation":"identity"},{"units":2,"activation":"identity"}],
           "loss":"mse","l2":0.01,"l1":0.02,"init":{"scheme":"xavier","scale":1,"seed":3}})"},
      {"deep sigmoid, 6 layers",
       R"({"input":4,"layers":[{"units":5,"activation":"sigmoid"},{"units":5,"activation":"sigmoid"},
           {"units":5,"activation":"tanh"},{"units":5,"activation":"sigmoid"},{"units":5,"activation":"identity"},
           {"units":3,"activation":"softmax"}],"loss":"cross_entropy","init":{"scheme":"uniform","scale":1,"seed":4}})"},
  };
  std::uint64_t seed = 500;
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      Network net(c.spec);
      const Matrix X = random_matrix(net.input_size(), 4, ++seed);
      const Matrix Y = targets_for(net.spec().loss, net.output_size(), 4, ++seed);
      const double error = network_fd_error(net, X, Y);
      INFO("max relative error " << error);
      CHECK(record_fd_error(error) < 1e-6);
    }
  }
}

TEST_CASE("Parameter count matches seed 000's calculate_total_params", "[network]") {
  // calculate_total_params(layers, is_resNet): Σ l_i l_(i+1) + l_(i+1), plus l_1² (len − 3) for a
  // ResNet (each middle transition is a residual block W1, b1, W2 instead of a dense h → h).
  const auto seed_count = [](const std::vector<Index>& layers, bool resnet) {
    Index total = 0;
    for (std::size_t i = 0; i + 1 < layers.size(); ++i) total += layers[i] * layers[i + 1] + layers[i + 1];
    if (resnet) total += layers[1] * layers[1] * static_cast<Index>(layers.size() - 3);
    return total;
  };
  CHECK(
      Network(
          R"({"input":2,"layers":[{"units":45,"activation":"relu"},{"units":5,"activation":"softmax"}],"loss":"cross_entropy"})")
          .parameter_count() == seed_count({2, 45, 5}, false));
  CHECK(
      Network(
          R"({"input":2,"layers":[{"units":17,"activation":"relu"},{"units":17,"activation":"relu"},{"units":5,"activation":"softmax"}],"loss":"cross_entropy"})")
          .parameter_count() == seed_count({2, 17, 17, 5}, false));
  CHECK(
      Network(
          R"({"input":2,"layers":[{"units":10,"activation":"relu"},{"type":"residual","activation":"relu"},{"type":"residual","activation":"relu"},{"units":5,"activation":"softmax"}],"loss":"cross_entropy"})")
          .parameter_count() == seed_count({2, 10, 10, 10, 5}, true));
  CHECK(seed_count({2, 10, 10, 10, 5}, true) == 505);
}

TEST_CASE("Parameters read and write in flat order and the spec round-trips", "[network]") {
  Network net(
      R"({"input":2,"layers":[{"units":3,"activation":"tanh"},{"type":"residual","activation":"relu"},{"units":1,"activation":"identity"}]})");
  CHECK(net.parameter_count() == 9 + 21 + 4);
  Vector p = Vector::LinSpaced(net.parameter_count(), 0.0, 1.0);
  net.set_parameters(p);
  CHECK(net.parameters() == p);
  CHECK(net.layer_offset(1) == 9);
  CHECK(net.layer_offset(2) == 30);
  CHECK(net.weight_mask().sum() == 6 + 18 + 3);

  Network copy(net.spec_json());
  CHECK(copy.spec_json() == net.spec_json());
  CHECK(copy.parameter_count() == net.parameter_count());
}

TEST_CASE("The same init seed gives the same weights and another seed differs", "[network][determinism]") {
  const char* spec =
      R"({"input":3,"layers":[{"units":4,"activation":"relu"},{"units":2}],"init":{"scheme":"he","scale":1,"seed":9}})";
  Network a(spec), b(spec);
  CHECK(a.parameters() == b.parameters());
  InitSpec other = a.spec().init;
  other.seed = 10;
  b.initialise(other);
  CHECK(a.parameters() != b.parameters());
  // biases start at zero for every scheme
  CHECK(a.parameters().segment(12, 4).isZero());
}

TEST_CASE("Bad inputs throw readable errors and leave the network usable", "[network][errors]") {
  Network net(
      R"({"input":2,"layers":[{"units":3,"activation":"sigmoid"},{"units":1,"activation":"sigmoid"}],"loss":"binary_cross_entropy"})");
  const Vector before = net.parameters();
  CHECK_THROWS_AS(net.set_parameters(Vector::Zero(3)), ShapeError);
  CHECK_THROWS_WITH(net.set_parameters(Vector::Zero(3)), Catch::Contains("13 values") && Catch::Contains("got 3"));
  Vector nan_params = before;
  nan_params(4) = std::nan("");
  CHECK_THROWS_AS(net.set_parameters(nan_params), DataError);
  CHECK(net.parameters() == before);

  CHECK_THROWS_WITH(net.forward(Matrix::Zero(3, 2)), Catch::Contains("2 features") && Catch::Contains("got 3"));
  Matrix bad = Matrix::Zero(2, 2);
  bad(1, 1) = INFINITY;
  CHECK_THROWS_AS(net.forward(bad), DataError);
  CHECK_THROWS_WITH(net.loss(Matrix::Zero(2, 2), Matrix::Zero(2, 2)), Catch::Contains("1 × 2"));

  const Matrix ok = Matrix::Ones(2, 2);
  CHECK(net.forward(ok).allFinite());
  CHECK(net.parameters() == before);
}

TEST_CASE("Each weight block's init distribution is the scheme's formula, and the drawn weights follow it",
          "[network][init]") {
  // 64 → 256 (he, gain 1.5): σ = 1.5·√(2/64); then a residual block of width 256 and a 256 → 10 layer
  const ModelSpec spec = parse_model_spec(R"({"input":64,"layers":[{"units":256,"activation":"relu"},
      {"type":"residual","activation":"relu"},{"units":10,"activation":"softmax"}],"loss":"cross_entropy",
      "init":{"scheme":"he","scale":1.5,"seed":4}})");
  const auto blocks = weight_distributions(spec);
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].layer == 1);
  CHECK(blocks[1].block == "W1");
  CHECK(blocks[2].block == "W2");
  CHECK(blocks[3].layer == 3);
  CHECK(blocks[0].distribution.kind == WeightDistribution::Kind::normal);
  CHECK(blocks[0].distribution.parameter == Approx(1.5 * std::sqrt(2.0 / 64.0)));
  CHECK(blocks[1].distribution.parameter == Approx(1.5 * std::sqrt(2.0 / 256.0)));
  CHECK(blocks[3].distribution.parameter == Approx(1.5 * std::sqrt(2.0 / 256.0)));
  // the drawn weights of layer 1 (16,384 of them) have that standard deviation within 3%
  Network net(spec);
  const Vector p = net.parameters();
  const Eigen::Map<const Vector> W(p.data(), 256 * 64);
  const double sd = std::sqrt(W.array().square().mean());
  CHECK(sd == Approx(blocks[0].distribution.parameter).epsilon(0.03));

  ModelSpec xavier = spec;
  xavier.init.scheme = InitScheme::xavier;
  xavier.init.scale = 1.0;
  const auto x = weight_distributions(xavier);
  CHECK(x[0].distribution.kind == WeightDistribution::Kind::uniform);
  CHECK(x[0].distribution.parameter == Approx(std::sqrt(6.0 / (64.0 + 256.0))));
  CHECK(x[3].distribution.parameter == Approx(std::sqrt(6.0 / (256.0 + 10.0))));
  Network xnet(xavier);
  const Vector q = xnet.parameters();
  const Eigen::Map<const Vector> Wx(q.data(), 256 * 64);
  CHECK(Wx.cwiseAbs().maxCoeff() <= x[0].distribution.parameter);
  CHECK(Wx.cwiseAbs().maxCoeff() > 0.98 * x[0].distribution.parameter);

  ModelSpec normal = spec;
  normal.init.scheme = InitScheme::normal;
  normal.init.scale = 0.05;
  for (const auto& b : weight_distributions(normal)) CHECK(b.distribution.parameter == 0.05);
}
