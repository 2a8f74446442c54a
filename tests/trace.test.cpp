// The trace of one training step: the seed 004 hand computation number by number, agreement with
// Network's gradients, the update rule, and residual blocks.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using namespace lab::test;

namespace {

const Matrix& value(const std::vector<NamedMatrix>& values, const std::string& name) {
  for (const auto& v : values)
    if (v.name == name) return v.value;
  throw std::runtime_error("no value named " + name);
}

}  // namespace

TEST_CASE("The trace of seed 004's first samples holds every number of the hand computation", "[trace][seeds]") {
  Network net(
      R"({"input":1,"layers":[{"units":1,"activation":"relu"},{"units":1,"activation":"identity"}],"loss":"mse"})");
  Vector p(4);
  p << 1, 0, 1, 0;
  net.set_parameters(p);
  auto sgd = make_optimizer(OptimizerSettings{}, 4);
  const Json samples = load_fixture("seed_examples.json")["seed004"]["samples"];
  const double xs[] = {1, 2, 3}, ys[] = {3, 4, 5};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("sample " << i + 1);
    const Json& s = samples[i];
    Matrix x(1, 1), y(1, 1);
    x << xs[i];
    y << ys[i];
    const StepTrace t = trace_step(net, x, y, *sgd, 0.01);
    REQUIRE(t.layers.size() == 2);
    CHECK(value(t.layers[0].forward, "z")(0, 0) == Approx(s["z1"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[0].forward, "a")(0, 0) == Approx(s["a1"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[1].forward, "z")(0, 0) == Approx(s["z2"].get<double>()).epsilon(1e-13));
    CHECK(t.loss.total() == Approx(s["loss"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[0].backward, "dW")(0, 0) == Approx(s["dW1"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[0].backward, "db")(0, 0) == Approx(s["db1"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[1].backward, "dW")(0, 0) == Approx(s["dW2"].get<double>()).epsilon(1e-13));
    CHECK(value(t.layers[1].backward, "db")(0, 0) == Approx(s["db2"].get<double>()).epsilon(1e-13));
    REQUIRE(t.updates.size() == 4);
    CHECK(t.updates[0].name == "W");
    CHECK(t.updates[0].after(0, 0) == Approx(s["w1"].get<double>()).epsilon(1e-13));
    CHECK(t.updates[3].after(0, 0) == Approx(s["b2"].get<double>()).epsilon(1e-13));
    CHECK(t.learning_rate == 0.01);
    CHECK(t.optimizer.kind == OptimizerKind::sgd);
    CHECK(t.loss_after.total() < t.loss.total());
  }
  // the first sample in the seed's own words: dL/dw2 = (1 − 3)·1·1 = −2 and w1 = 1 − 0.01·(−2) = 1.02
}

TEST_CASE("Trace gradients equal the network's and every update follows p - lr g", "[trace]") {
  const char* spec = R"({"input":3,"layers":[{"units":4,"activation":"tanh"},{"type":"residual","activation":"relu"},
                         {"units":2,"activation":"softmax"}],"loss":"cross_entropy","l2":0.01,
                         "init":{"scheme":"normal","scale":0.5,"seed":6}})";
  Network net(spec), reference(spec);
  Matrix X(3, 2), Y = Matrix::Zero(2, 2);
  X << 0.5, -1.0, 0.2, 0.3, -0.7, 1.1;
  Y(0, 0) = Y(1, 1) = 1.0;
  auto sgd = make_optimizer(OptimizerSettings{}, net.parameter_count());
  const StepTrace t = trace_step(net, X, Y, *sgd, 0.1);
  reference.compute_gradients(X, Y);
  CHECK(t.output_gradient_is_delta);
  CHECK(t.layers[1].type == "residual");
  CHECK(t.layers[1].forward.size() == 3);   // z, h, a
  CHECK(t.layers[1].backward.size() == 7);  // dh, fprime, delta, dW1, db1, dW2, grad_in
  // δ = dL/dh ⊙ f'(z) with the f' the trace shows
  const Matrix& fprime = value(t.layers[1].backward, "fprime");
  CHECK((value(t.layers[1].backward, "delta") - value(t.layers[1].backward, "dh").cwiseProduct(fprime))
            .cwiseAbs()
            .maxCoeff() < 1e-15);
  REQUIRE(t.updates.size() == 2 + 3 + 2);
  Index offset = 0;
  for (const ParamUpdate& u : t.updates) {
    const Index n = u.before.size();
    const Matrix g =
        Eigen::Map<const RowMatrix>(reference.gradients().data() + offset, u.before.rows(), u.before.cols());
    CHECK((u.gradient - g).cwiseAbs().maxCoeff() == 0.0);
    CHECK((u.after - (u.before - 0.1 * u.gradient)).cwiseAbs().maxCoeff() < 1e-15);
    offset += n;
  }
  CHECK(offset == net.parameter_count());
  // the δ of the last layer is (a − y)/B for softmax with cross-entropy
  CHECK((t.output_gradient - (t.output - Y) / 2.0).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("Trace refuses large batches and keeps the weights when an update overflows", "[trace][errors]") {
  Network net(R"({"input":1,"layers":[{"units":1}],"loss":"mse"})");
  auto sgd = make_optimizer(OptimizerSettings{}, 2);
  CHECK_THROWS_WITH(trace_step(net, Matrix::Zero(1, 300), Matrix::Zero(1, 300), *sgd, 0.1),
                    Catch::Contains("1..256 samples, got 300"));
  Vector p(2);
  p << 1e300, 0;
  net.set_parameters(p);
  Matrix x(1, 1), y(1, 1);
  x << 1e10;
  y << 0;
  CHECK_THROWS_AS(trace_step(net, x, y, *sgd, 1000.0), DataError);
  CHECK(net.parameters() == p);
}

namespace {

const Matrix& part(const std::vector<NamedMatrix>& values, const std::string& name) { return value(values, name); }

// Every block's part of the state vector `name`, joined in flat order.
Vector joined(const StepTrace& t, const std::vector<NamedMatrix> ParamUpdate::*which, const std::string& name) {
  std::vector<double> out;
  for (const ParamUpdate& u : t.updates) {
    const RowMatrix m = part(u.*which, name);  // row-major, as the flat vector holds W
    out.insert(out.end(), m.data(), m.data() + m.size());
  }
  return Eigen::Map<const Vector>(out.data(), static_cast<Index>(out.size()));
}

const Vector& state_vector(const OptimizerState& s, const std::string& name) {
  for (const NamedVector& v : s.vectors)
    if (v.name == name) return v.value;
  throw std::runtime_error("no state vector named " + name);
}

}  // namespace

TEST_CASE("The trace carries each parameter's optimizer state, as the optimizer holds it and the rule gives",
          "[trace][optimizer]") {
  const char* spec = R"({"input":2,"layers":[{"units":3,"activation":"tanh"},{"units":1,"activation":"identity"}],
                         "loss":"mse","init":{"scheme":"normal","scale":0.5,"seed":3}})";
  Matrix X(2, 2), Y(1, 2);
  X << 0.5, -1.0, 0.2, 0.3;
  Y << 1.0, -0.5;
  const double lr = 0.05;
  for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::nesterov,
                             OptimizerKind::rmsprop, OptimizerKind::adam}) {
    DYNAMIC_SECTION(optimizer_name(kind)) {
      Network net(spec);
      OptimizerSettings settings;
      settings.kind = kind;
      auto optimizer = make_optimizer(settings, net.parameter_count());
      const OptimizerState expected_names = optimizer->state();
      OptimizerState previous = optimizer->state();
      for (long step = 1; step <= 3; ++step) {
        INFO("step " << step);
        const StepTrace t = trace_step(net, X, Y, *optimizer, lr);
        CHECK(t.optimizer.kind == kind);
        // the whole state: before is the last step's after; after is what the optimizer holds now
        CHECK(t.state_before.t == step - 1);
        CHECK(t.state_after.t == step);
        CHECK(flatten_state(t.state_before) == flatten_state(previous));
        CHECK(flatten_state(t.state_after) == flatten_state(optimizer->state()));
        REQUIRE(t.state_after.vectors.size() == expected_names.vectors.size());
        // each parameter's part, joined in flat order, is the whole state
        for (const NamedVector& v : t.state_after.vectors) {
          CHECK(joined(t, &ParamUpdate::state_after, v.name) == v.value);
          CHECK(joined(t, &ParamUpdate::state_before, v.name) == state_vector(t.state_before, v.name));
        }
        // each parameter's update by its rule, from the traced gradient and state before
        const OptimizerSettings& c = t.optimizer;
        for (const ParamUpdate& u : t.updates) {
          const Matrix& g = u.gradient;
          Matrix expected;
          if (c.kind == OptimizerKind::sgd) {
            CHECK(u.state_after.empty());
            expected = u.before - lr * g;
          } else if (c.kind == OptimizerKind::momentum || c.kind == OptimizerKind::nesterov) {
            const Matrix& v0 = part(u.state_before, "v");
            const Matrix v1 = c.momentum * v0 - lr * g;
            CHECK((part(u.state_after, "v") - v1).cwiseAbs().maxCoeff() < 1e-15);
            expected = c.kind == OptimizerKind::momentum ? Matrix(u.before + v1)
                                                         : Matrix(u.before - c.momentum * v0 + (1 + c.momentum) * v1);
          } else if (c.kind == OptimizerKind::rmsprop) {
            const Matrix s1 = c.rho * part(u.state_before, "s") + (1 - c.rho) * g.cwiseAbs2();
            CHECK((part(u.state_after, "s") - s1).cwiseAbs().maxCoeff() < 1e-15);
            expected = u.before.array() - lr * g.array() / (s1.array().sqrt() + c.eps);
          } else {
            const Matrix m1 = c.beta1 * part(u.state_before, "m") + (1 - c.beta1) * g;
            const Matrix v1 = c.beta2 * part(u.state_before, "v") + (1 - c.beta2) * g.cwiseAbs2();
            const Matrix m_hat = m1 / (1 - std::pow(c.beta1, step)), v_hat = v1 / (1 - std::pow(c.beta2, step));
            CHECK((part(u.state_after, "m") - m1).cwiseAbs().maxCoeff() < 1e-15);
            CHECK((part(u.state_after, "v") - v1).cwiseAbs().maxCoeff() < 1e-15);
            CHECK((part(u.derived, "m_hat") - m_hat).cwiseAbs().maxCoeff() < 1e-14);
            CHECK((part(u.derived, "v_hat") - v_hat).cwiseAbs().maxCoeff() < 1e-14);
            expected = u.before.array() - lr * m_hat.array() / (v_hat.array().sqrt() + c.eps);
          }
          if (c.kind != OptimizerKind::adam) CHECK(u.derived.empty());
          CHECK((u.after - expected).cwiseAbs().maxCoeff() < 1e-14);
        }
        previous = optimizer->state();
      }
    }
  }
}

TEST_CASE("A refused update leaves the optimizer's state as it was", "[trace][optimizer][errors]") {
  Network net(R"({"input":1,"layers":[{"units":1}],"loss":"mse"})");
  OptimizerSettings settings;
  settings.kind = OptimizerKind::momentum;
  auto momentum = make_optimizer(settings, 2);
  Matrix x(1, 1), y(1, 1);
  x << 1;
  y << 0;
  Vector p(2);
  p << 1, 0;
  net.set_parameters(p);
  trace_step(net, x, y, *momentum, 0.1);
  const OptimizerState kept = momentum->state();
  p << 1e300, 0;
  net.set_parameters(p);
  x << 1e10;
  CHECK_THROWS_AS(trace_step(net, x, y, *momentum, 1000.0), DataError);
  CHECK(net.parameters() == p);
  CHECK(momentum->state().t == kept.t);
  CHECK(flatten_state(momentum->state()) == flatten_state(kept));
}
