// Puts a network's weights and teaching-bug switch back when a check ends, even by an exception:
// every check that moves a network's parameters (core/check/) holds one for its whole run.
#pragma once

#include "core/nn/network.hpp"

namespace lab {

class NetworkRestorer {
 public:
  explicit NetworkRestorer(Network& net) : net_(net), params_(net.parameters()), bug_(net.derivative_bug()) {}
  ~NetworkRestorer() {
    net_.set_parameters(params_);
    net_.set_derivative_bug(bug_);
  }
  NetworkRestorer(const NetworkRestorer&) = delete;
  NetworkRestorer& operator=(const NetworkRestorer&) = delete;

 private:
  Network& net_;
  Vector params_;  // (P) the weights when the check started
  DerivativeBug bug_;
};

}  // namespace lab
