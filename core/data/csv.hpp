// CSV import of a student's own data: an optional header row, a chosen label column (the last
// by default) with number or text classes mapped to indices (names kept), or one or more
// regression target columns.
// Every problem is a DataError naming the row (the line number in the file, header = row 1) and
// the column (1-based), e.g. [CSV] row 12, column 3: "abc" is not a number.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/data/dataset.hpp"

namespace lab {

// One column of the file: its 1-based number (0 = the last column) or its name in the header.
// Implicit from a number or a name, so that `options.label_column = 3` reads as it says.
struct CsvColumn {
  int number = 0;    // 1-based; 0 = the last column; read when name is empty
  std::string name;  // the column's name in the header row

  CsvColumn(int column = 0) : number(column) {}
  CsvColumn(std::string column) : name(std::move(column)) {}
  CsvColumn(const char* column) : name(column) {}
};

// The label column, or a regression's target columns in the order of the rows of `targets`:
// `label_column = 3`, `= "species"` or `= {"y1", 5}`.
struct CsvColumns {
  std::vector<CsvColumn> list{CsvColumn()};  // (t ≥ 1) the columns, as given

  CsvColumns() = default;
  CsvColumns(int column) : list{CsvColumn(column)} {}
  CsvColumns(std::string column) : list{CsvColumn(std::move(column))} {}
  CsvColumns(const char* column) : list{CsvColumn(column)} {}
  CsvColumns(std::initializer_list<CsvColumn> columns) : list(columns) {}
};

struct CsvOptions {
  std::optional<bool> header;           // nullopt: detect it (a header when a feature cell of the
                                        // first row is neither empty nor a number)
  CsvColumns label_column;              // the label column (the last by default), or several
                                        // target columns (regression only)
  std::string task = "classification";  // or "regression": the label column(s) hold numeric targets
  char delimiter = ',';                 // ',', ';' or '\t'
  std::string name = "csv";             // the dataset's name on the page
};

// The page's limits for an imported file (DataLimits).
struct CsvLimits {
  static constexpr Index max_rows = DataLimits::max_samples;       // data rows
  static constexpr Index max_features = DataLimits::max_features;  // columns besides the label
  static constexpr Index max_targets = DataLimits::max_features;   // target columns (all but one)
  static constexpr Index max_cells = DataLimits::max_cells;        // rows × features, and rows × targets
  static constexpr int max_classes = DataLimits::max_classes;      // distinct labels
};

// {"header":true|false|"auto","label_column":3|"species","task":"regression","delimiter":";",
//  "name":"my data"}; SpecError for unknown keys or bad values. For regression, label_column may
// name several target columns: [4,5], ["y1","y2"], ["y1",5] (in an array a string is always a
// header name, as written) or "y1, y2" / "4,5" (split at commas, trimmed; digits are a number).
CsvOptions parse_csv_options(std::string_view json_text);

// Parses the text and checks the result with validate_dataset: the target columns, in the order
// given, are the rows of `targets`; every other column is a feature, in file order. Throws
// DataError (or SpecError for a label column that does not exist, is given twice, leaves no
// feature, or is one of several with classification).
Dataset parse_csv(std::string_view text, const CsvOptions& options = {});
Dataset parse_csv(std::string_view text, std::string_view options_json);

}  // namespace lab
