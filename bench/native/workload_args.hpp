// The command line the native benchmarks share: a workload as bench/native.mjs passes it
// (<file.bpds.gz> <preset> <divisor> <spec json> <settings json> <runs> <warm-up s>), read into
// the data, its one-hot targets, the spec and the settings.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "core/backprop.hpp"
#include "gunzip.hpp"

namespace bench {

struct Workload {
  lab::Dataset data;  // pixels divided by <divisor>
  lab::Matrix Y;      // (out × n) the targets the spec's loss needs
  lab::ModelSpec spec;
  lab::TrainSettings settings;
  int runs = 0;
  double warm_up_seconds = 0.0;
};

// argv[1..7] as above (run_main has checked argc == 8).
inline Workload read_workload(char** argv) {
  Workload w;
  const std::vector<std::uint8_t> bytes = gunzip_file(argv[1]);
  w.data = lab::load_bundled(argv[2], bytes.data(), bytes.size());
  w.data.X /= std::stod(argv[3]);
  w.spec = lab::parse_model_spec(argv[4]);
  w.settings = lab::parse_train_settings(argv[5]);
  w.runs = std::atoi(argv[6]);
  w.warm_up_seconds = std::stod(argv[7]);
  w.Y = lab::targets_for_loss(w.data, w.spec.loss, lab::Network(w.spec).output_size());
  return w;
}

// A benchmark's main(): checks the argument count, reads the workload and runs `body(workload)`,
// which prints its JSON line; 2 on a wrong command line, 1 (with the message) on an error.
template <class Body>
int run_main(int argc, char** argv, const char* program, Body body) {
  if (argc != 8) {
    std::fprintf(stderr, "usage: %s <file.bpds.gz> <preset> <divisor> <spec> <settings> <runs> <warm-up s>\n", program);
    return 2;
  }
  try {
    body(read_workload(argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    return 1;
  }
  return 0;
}

}  // namespace bench
