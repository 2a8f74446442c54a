// Memory estimates before allocating: the counts match a built network's, and under a limit a
// network or a training run that cannot fit is refused with a ResourceError naming the setting.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"

using namespace lab;

namespace {

// Sets a limit for one test and takes it away again.
struct Limit {
  explicit Limit(double bytes) { set_memory_limit(bytes, "the browser"); }
  ~Limit() { set_memory_limit(0.0, "the machine"); }
};

}  // namespace

TEST_CASE("The parameter count of a spec matches the built network's, without building it", "[memory]") {
  const ModelSpec spec = parse_model_spec(R"({"input":7,"layers":[{"units":5,"activation":"tanh"},{"type":"residual"},
      {"units":3,"bias":false},{"units":2,"activation":"softmax"}],"loss":"cross_entropy"})");
  Network net(spec);
  CHECK(spec_parameter_count(spec) == net.parameter_count());
  CHECK(network_bytes(spec) == 3.0 * 8.0 * static_cast<double>(net.parameter_count()));
}

TEST_CASE("Under a 2 GB limit, a network or training that cannot fit is refused with the setting named",
          "[memory][errors]") {
  const Limit limit(2147483648.0);
  // 64 layers of 4096 units: about 1.07 billion parameters, 25.8 GB as params, grads and mask
  std::string layers;
  for (int i = 0; i < 64; ++i) layers += std::string(i ? "," : "") + R"({"units":4096,"activation":"relu"})";
  const std::string huge = R"({"input":2,"layers":[)" + layers + R"(],"loss":"mse"})";
  CHECK_THROWS_AS(Network(huge), ResourceError);
  CHECK_THROWS_WITH(Network(huge), Catch::StartsWith("[Memory] about 23.6 GB needed") &&
                                       Catch::Contains("the browser allows 2.0 GB: reduce the units of layer 2"));
}

TEST_CASE("A network that fits can still be refused for training, with the batch size and samples named",
          "[memory][errors]") {
  const Limit limit(200.0 * 1048576.0);
  // 4 × 1500 units: 6.76 million parameters, 162 MB as a network; Adam's training adds 4 × 54 MB
  const std::string four =
      R"({"input":2,"layers":[{"units":1500,"activation":"relu"},{"units":1500,"activation":"relu"},
      {"units":1500,"activation":"relu"},{"units":1500,"activation":"relu"},{"units":1}],"loss":"mse"})";
  Network net(four);
  Matrix X = Matrix::Random(2, 100), Y = Matrix::Random(1, 100);
  TrainSettings settings;
  settings.optimizer.kind = OptimizerKind::adam;
  CHECK_THROWS_AS(Trainer(net, X, Y, settings), ResourceError);
  CHECK_THROWS_WITH(Trainer(net, X, Y, settings), Catch::Contains("MB needed, the browser allows 200 MB") &&
                                                      Catch::Contains("the batch size or the number of samples"));
  // a small network trains as before
  Network small(R"({"input":2,"layers":[{"units":8,"activation":"tanh"},{"units":1}],"loss":"mse"})");
  Trainer trainer(small, X, Y, settings);
  CHECK(trainer.run(1).epoch == 1);
}

TEST_CASE("Without a limit nothing is refused on account of memory", "[memory]") {
  CHECK(memory_limit() == 0.0);
  Network net(R"({"input":2,"layers":[{"units":512,"activation":"relu"},{"units":1}],"loss":"mse"})");
  CHECK(net.parameter_count() == 2 * 512 + 512 + 513);
}
