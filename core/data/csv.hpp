// CSV import of a student's own data: an optional header row, a chosen label column (the last
// by default) with number or text classes mapped to indices (names kept), or a regression target.
// Every problem is a DataError naming the row (the line number in the file, header = row 1) and
// the column (1-based), e.g. [CSV] row 12, column 3: "abc" is not a number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/data/dataset.hpp"

namespace lab {

struct CsvOptions {
  std::optional<bool> header;           // nullopt: detect it (a header when a feature cell of the
                                        // first row is neither empty nor a number)
  int label_column = 0;                 // 1-based; 0 = the last column
  std::string label_name;               // or the label column's name in the header
  std::string task = "classification";  // or "regression": the label column is a numeric target
  char delimiter = ',';                 // ',', ';' or '\t'
  std::string name = "csv";             // the dataset's name on the page
};

// The page's limits for an imported file (DataLimits).
struct CsvLimits {
  static constexpr Index max_rows = DataLimits::max_samples;       // data rows
  static constexpr Index max_features = DataLimits::max_features;  // columns besides the label
  static constexpr Index max_cells = DataLimits::max_cells;        // rows × features
  static constexpr int max_classes = DataLimits::max_classes;      // distinct labels
};

// {"header":true|false|"auto","label_column":3|"species","task":"regression","delimiter":";",
//  "name":"my data"}; SpecError for unknown keys or bad values.
CsvOptions parse_csv_options(std::string_view json_text);

// Parses the text and checks the result with validate_dataset. Throws DataError (or SpecError
// for a label column that does not exist).
Dataset parse_csv(std::string_view text, const CsvOptions& options = {});
Dataset parse_csv(std::string_view text, std::string_view options_json);

}  // namespace lab
