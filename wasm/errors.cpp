// The message of the last failed call, kept until JS asks for it (see errors.hpp).
#include "wasm/errors.hpp"

namespace lab::wasm {

namespace {

std::string& pending_error() {
  static std::string message;
  return message;
}

}  // namespace

void set_error(const char* message) { pending_error() = message; }

std::string take_error() {
  std::string message;
  message.swap(pending_error());
  return message;
}

}  // namespace lab::wasm
