// The reference MLP for the benchmark page: one embind class, ReferenceRun, holding a workload's
// data and initial weights (copied in once, not timed) and training it on request.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "reference_mlp.hpp"

namespace {

using emscripten::val;

std::vector<double> doubles(const val& array) { return emscripten::convertJSArrayToNumberVector<double>(array); }

class ReferenceRun {
 public:
  // sizes: [input, hidden…, output]; X (in × n) and Y (out × n) column by column.
  ReferenceRun(const val& sizes, const std::string& hidden, const val& params, const val& X, const val& Y)
      : sizes_(emscripten::convertJSArrayToNumberVector<int>(sizes)),
        hidden_(hidden == "sigmoid" ? bench::Hidden::sigmoid : bench::Hidden::relu),
        params_(doubles(params)) {
    const std::vector<double> x = doubles(X), y = doubles(Y);
    const Eigen::Index n = static_cast<Eigen::Index>(x.size()) / sizes_.front();
    X_ = Eigen::Map<const bench::Matrix>(x.data(), sizes_.front(), n);
    Y_ = Eigen::Map<const bench::Matrix>(y.data(), sizes_.back(), n);
  }

  // A fresh network from the initial weights, trained; {loss, accuracy} of the last epoch.
  val train(int epochs, int batch, double lr, double seed) {
    mlp_ = std::make_unique<bench::ReferenceMlp>(sizes_, hidden_, params_);
    double accuracy = 0.0;
    const double loss = mlp_->train(X_, Y_, epochs, batch, lr, static_cast<std::uint64_t>(seed), accuracy);
    val out = val::object();
    out.set("loss", loss);
    out.set("accuracy", accuracy);
    return out;
  }

  // The weights after the last train(), in the core's flat order.
  val parameters() const {
    const Eigen::VectorXd& p = mlp_->parameters();
    return val::global("Float64Array").new_(val(emscripten::typed_memory_view(static_cast<std::size_t>(p.size()), p.data())));
  }

 private:
  std::vector<int> sizes_;
  bench::Hidden hidden_;
  std::vector<double> params_;
  bench::Matrix X_, Y_;
  std::unique_ptr<bench::ReferenceMlp> mlp_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(reference) {
  emscripten::class_<ReferenceRun>("ReferenceRun")
      .constructor<const val&, const std::string&, const val&, const val&, const val&>()
      .function("train", &ReferenceRun::train)
      .function("parameters", &ReferenceRun::parameters);
}
