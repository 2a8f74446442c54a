// Typed exceptions of the core. Messages name the class or field, the value, what is allowed
// and a hint, e.g. "[Dense] layer 2: units must be 1..4096, got 0" (DESIGN.md, "Errors").
#pragma once

#include <stdexcept>
#include <string>

namespace lab {

// Base of every error the core throws on purpose; the wasm layer turns it into a JS Error.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A model spec or settings object field is missing, of the wrong type or out of range.
struct SpecError : Error {
  using Error::Error;
};
// Matrix or vector sizes that do not fit together.
struct ShapeError : Error {
  using Error::Error;
};
// Data that cannot be used: non-finite values, labels out of range, empty sets.
struct DataError : Error {
  using Error::Error;
};
// A setting that would need more memory than the platform allows (checked before allocating).
struct ResourceError : Error {
  using Error::Error;
};
// A call that is not allowed in the object's current state.
struct StateError : Error {
  using Error::Error;
};

}  // namespace lab
