// How core errors reach JS: an adapter runs the core inside guarded(), which catches every C++
// exception, records its message and returns an empty value. The JS wrapper (web/js/engine.js)
// asks takeError() after each call and throws `new Error(message)`. No JS exception ever unwinds
// through C++ frames, so no destructor is skipped and nothing leaks.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <string>
#include <type_traits>

namespace lab::wasm {

// The message of the last failed call ("" when none); take_error() clears it.
void set_error(const char* message);
std::string take_error();

template <class F>
auto guarded(F&& f) -> decltype(f()) {
  using Result = decltype(f());
  try {
    return f();
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception");
  }
  if constexpr (std::is_same_v<Result, emscripten::val>)
    return emscripten::val::undefined();
  else if constexpr (!std::is_void_v<Result>)
    return Result{};
}

}  // namespace lab::wasm
