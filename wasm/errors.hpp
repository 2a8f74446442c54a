// Turns C++ exceptions into JS Errors with the same message. The exception is caught and its
// message copied before the JS throw, so that nothing C++ owns is left behind; the JS wrapper
// (web/js/engine.js) restores the wasm stack pointer after a throw.
#pragma once

#include <emscripten/em_js.h>

#include <exception>
#include <string>

namespace lab::wasm {

[[noreturn]] void throw_js_error(const std::string& message);

// Runs f(); any exception it throws reaches JS as `new Error(message)`.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  const char* message = nullptr;
  static std::string last_message;  // outlives the catch block, reused between errors
  try {
    return f();
  } catch (const std::exception& e) {
    last_message = e.what();
  } catch (...) {
    last_message = "unknown C++ exception";
  }
  message = last_message.c_str();
  throw_js_error(message);
}

}  // namespace lab::wasm
