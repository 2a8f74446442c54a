// The core against the hand-written reference MLP (bench/reference/), natively: the same workload,
// the same initial weights and shuffling, runs interleaved (core, reference, core, …) after a
// warm-up of each. Prints {"core": [s…], "reference": [s…], "samples", "max_weight_difference"}.
// Usage: reference_bench <file.bpds.gz> <preset> <divisor> <spec json> <settings json> <runs> <warm-up s>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/reference/reference_mlp.hpp"
#include "core/backprop.hpp"
#include "workload_args.hpp"

namespace {

struct Run {
  double seconds = 0.0;
  std::vector<double> weights;
};

template <typename F>
double seconds_of(F&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Run core_once(const lab::ModelSpec& spec, const lab::Matrix& X, const lab::Matrix& Y, const lab::TrainSettings& s) {
  lab::Network net(spec);
  lab::Trainer trainer(net, X, Y, s);
  Run run;
  run.seconds = seconds_of([&] { trainer.run(s.epochs); });
  run.weights.assign(net.parameters().data(), net.parameters().data() + net.parameter_count());
  return run;
}

Run reference_once(const lab::ModelSpec& spec, const lab::Matrix& X, const lab::Matrix& Y,
                   const lab::TrainSettings& s) {
  lab::Network net(spec);  // only for the initial weights
  std::vector<int> sizes{static_cast<int>(spec.input)};
  for (const auto& layer : spec.layers) sizes.push_back(static_cast<int>(layer.units));
  const bool sigmoid = spec.layers.front().activation.kind == lab::ActivationKind::sigmoid;
  bench::ReferenceMlp mlp(sizes, sigmoid ? bench::Hidden::sigmoid : bench::Hidden::relu,
                          std::vector<double>(net.parameters().data(),
                                              net.parameters().data() + net.parameter_count()));
  double accuracy = 0.0;
  Run run;
  run.seconds =
      seconds_of([&] { mlp.train(X, Y, s.epochs, static_cast<int>(s.batch_size), s.learning_rate, s.seed, accuracy); });
  run.weights.assign(mlp.parameters().data(), mlp.parameters().data() + mlp.parameters().size());
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main(argc, argv, "reference_bench", [](const bench::Workload& w) {
    const lab::TrainSettings& settings = w.settings;
    const lab::Matrix& X = w.data.X;
    double spent = 0.0;
    for (int i = 0; i < 50 && (i == 0 || spent < w.warm_up_seconds); ++i)
      spent += core_once(w.spec, X, w.Y, settings).seconds + reference_once(w.spec, X, w.Y, settings).seconds;
    std::vector<double> core, reference;
    double difference = 0.0;
    for (int i = 0; i < w.runs; ++i) {
      const Run c = core_once(w.spec, X, w.Y, settings);
      const Run r = reference_once(w.spec, X, w.Y, settings);
      core.push_back(c.seconds);
      reference.push_back(r.seconds);
      for (std::size_t k = 0; k < c.weights.size(); ++k)
        difference = std::max(difference, std::abs(c.weights[k] - r.weights[k]));
    }
    const auto list = [](const std::vector<double>& v) {
      std::string out;
      for (double x : v) out += (out.empty() ? "" : ", ") + std::to_string(x);
      return out;
    };
    std::printf("{\"samples\": %ld, \"core\": [%s], \"reference\": [%s], \"max_weight_difference\": %.3g}\n",
                static_cast<long>(settings.epochs) * static_cast<long>(w.data.samples()), list(core).c_str(),
                list(reference).c_str(), difference);
  });
}
