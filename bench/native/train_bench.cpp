// Times one benchmark workload with the native core: a fresh network and Trainer per run, and
// Trainer::run(epochs) timed (shuffle, batching, forward, backward, update), after a warm-up that
// repeats the run until it has taken <warm-up seconds> (at least once).
// Usage: train_bench <file.bpds.gz> <preset> <divisor> <spec json> <settings json> <runs> <warm-up seconds>
// Prints one JSON object: {"seconds": [...], "samples": epochs × n, "accuracy": a}.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/backprop.hpp"
#include "workload_args.hpp"

namespace {

struct Timed {
  double seconds = 0.0;
  double accuracy = 0.0;
};

// One run from the spec's initial weights; the final accuracy pass is not timed.
Timed train_once(const lab::ModelSpec& spec, const lab::Matrix& X, const lab::Matrix& Y,
                 const lab::TrainSettings& settings) {
  lab::Network net(spec);
  lab::Trainer trainer(net, X, Y, settings);
  const auto start = std::chrono::steady_clock::now();
  trainer.run(settings.epochs);
  const auto stop = std::chrono::steady_clock::now();
  Timed result;
  result.seconds = std::chrono::duration<double>(stop - start).count();
  result.accuracy = lab::evaluate(net, X, Y).metric;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main(argc, argv, "train_bench", [](const bench::Workload& w) {
    const lab::TrainSettings& settings = w.settings;
    double spent = 0.0;
    for (int i = 0; i < 50 && (i == 0 || spent < w.warm_up_seconds); ++i)
      spent += train_once(w.spec, w.data.X, w.Y, settings).seconds;
    std::vector<Timed> timed;
    for (int i = 0; i < w.runs; ++i) timed.push_back(train_once(w.spec, w.data.X, w.Y, settings));

    std::printf("{\"samples\": %ld, \"accuracy\": %.6f, \"seconds\": [",
                static_cast<long>(settings.epochs) * static_cast<long>(w.data.samples()), timed.back().accuracy);
    for (std::size_t i = 0; i < timed.size(); ++i) std::printf("%s%.6f", i ? ", " : "", timed[i].seconds);
    std::printf("]}\n");
  });
}
