// Catch2's main for the core tests, with a listener that prints the largest finite-difference
// relative error any gradient check saw during the run.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

struct FiniteDifferenceReport : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testRunEnded(const Catch::TestRunStats&) override {
    if (lab::test::largest_fd_error() > 0.0)
      Catch::cout() << "largest finite-difference relative error: " << lab::test::largest_fd_error() << "\n";
  }
};

}  // namespace

CATCH_REGISTER_LISTENER(FiniteDifferenceReport)
