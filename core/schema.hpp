// The whole settings schema as JSON (lab.schema): every row of the model spec, the training
// settings and data preparation, with the activation, loss and teaching-bug names from their
// registries. The page builds its URL table, forms and error texts from it and copies none.
#pragma once

#include <string>

namespace lab {

// {"spec": {path: row}, "settings": {path: row}, "data": {path: row}, "check": {path: row}}; a row is field_json's
// (core/base/json_fields.hpp).
std::string schema_json();

}  // namespace lab
