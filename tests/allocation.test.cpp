// Counts heap allocations (glibc malloc interposed in this test binary) to check that the training
// hot path reuses its buffers: after the first step, a mini-batch step allocates nothing.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>

#include "core/backprop.hpp"

#if defined(__GLIBC__)
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
}

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
void note() {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

extern "C" {
void* malloc(std::size_t size) noexcept {
  note();
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) noexcept {
  note();
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size) noexcept {
  note();
  return __libc_realloc(pointer, size);
}
void* memalign(std::size_t alignment, std::size_t size) noexcept {
  note();
  return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  note();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  note();
  *out = __libc_memalign(alignment, size);
  return *out ? 0 : 12;  // ENOMEM
}
}

using namespace lab;

namespace {

// Allocations made by `steps` trainer steps after a warm-up step of each batch size.
long allocations_in_steps(const char* spec, Index features, Index classes, TrainSettings settings, int steps) {
  Rng rng(1);
  const Index n = 200;
  Matrix X(features, n), Y = Matrix::Zero(classes, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < features; ++i) X(i, j) = rng.normal();
    Y(static_cast<Index>(rng.below(static_cast<std::uint64_t>(classes))), j) = 1.0;
  }
  Network net(spec);
  Trainer trainer(net, X, Y, settings);
  trainer.run(1);  // warm-up: every batch size, the evaluation pass
  trainer.step();
  allocations = 0;
  counting = true;
  for (int i = 0; i < steps; ++i) trainer.step();
  counting = false;
  return allocations.load();
}

}  // namespace

TEST_CASE("A mini-batch step allocates no memory once the buffers exist", "[trainer][allocation]") {
  TrainSettings settings;
  settings.batch_size = 16;
  const int steps = 5;  // within one epoch of 13 batches
  SECTION("dense sigmoid + softmax, sgd") {
    CHECK(
        allocations_in_steps(
            R"({"input":8,"layers":[{"units":32,"activation":"sigmoid"},{"units":4,"activation":"softmax"}],"loss":"cross_entropy"})",
            8, 4, settings, steps) == 0);
  }
  SECTION("residual relu, adam, l2") {
    settings.optimizer.kind = OptimizerKind::adam;
    CHECK(
        allocations_in_steps(
            R"({"input":8,"layers":[{"units":16,"activation":"relu"},{"type":"residual","activation":"relu"},{"units":4,"activation":"softmax"}],"loss":"cross_entropy","l2":0.01})",
            8, 4, settings, steps) == 0);
  }
  SECTION("mse regression with nesterov") {
    settings.optimizer.kind = OptimizerKind::nesterov;
    CHECK(
        allocations_in_steps(
            R"({"input":8,"layers":[{"units":16,"activation":"tanh"},{"units":4,"activation":"identity"}],"loss":"mse"})",
            8, 4, settings, steps) == 0);
  }
  SECTION("running epoch metrics, classification and regression") {
    settings.epoch_metrics = EpochMetrics::running;
    CHECK(
        allocations_in_steps(
            R"({"input":8,"layers":[{"units":32,"activation":"sigmoid"},{"units":4,"activation":"softmax"}],"loss":"cross_entropy"})",
            8, 4, settings, steps) == 0);
    CHECK(
        allocations_in_steps(
            R"({"input":8,"layers":[{"units":16,"activation":"tanh"},{"units":4,"activation":"identity"}],"loss":"mse"})",
            8, 4, settings, steps) == 0);
  }
}

TEST_CASE("The allocation counter sees allocations", "[allocation]") {
  allocations = 0;
  counting = true;
  Matrix m(100, 100);
  m.setZero();
  counting = false;
  CHECK(allocations.load() >= 1);
}
#endif
