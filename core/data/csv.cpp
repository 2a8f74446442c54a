// CSV import (see csv.hpp): split lines and cells (with "double-quoted" cells), detect the
// header, parse numbers strictly, map class labels to indices, then validate the dataset again.
#include "core/data/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/base/errors.hpp"
#include "core/base/format.hpp"
#include "core/base/json_fields.hpp"

namespace lab {
namespace {

const std::string tag = "[CSV]";

std::string where(long row, std::size_t column) {
  return tag + " row " + std::to_string(row) + ", column " + std::to_string(column + 1);
}

// A cell as it appears in a message: quoted, shortened to 40 characters.
std::string quoted(const std::string& text) {
  return "\"" + (text.size() > 40 ? text.substr(0, 37) + "..." : text) + "\"";
}

bool is_blank(char c, char delimiter) { return c == ' ' || (c == '\t' && delimiter != '\t'); }

// The longest cell read: no number or class name needs more, and a 100 MB line without a
// delimiter must fail here, not after it has been copied.
constexpr std::size_t kMaxCellLength = 4096;

// The cells of one line: unquoted cells are trimmed; "a ""quoted"" cell" keeps its inner text.
// The limits are checked while reading: at most max_features + 1 cells of kMaxCellLength each.
std::vector<std::string> split_cells(std::string_view line, char delimiter, long row) {
  std::vector<std::string> cells;
  const auto too_long = [&](std::size_t length) {
    if (length > kMaxCellLength)
      throw DataError(where(row, cells.size()) + ": the cell is longer than " + std::to_string(kMaxCellLength) +
                      " characters; a number or a class name is much shorter (is the delimiter right?)");
  };
  std::size_t i = 0;
  while (true) {
    if (static_cast<Index>(cells.size()) > CsvLimits::max_features) {
      // count the rest without copying it: cells read, plus the delimiters outside quotes ahead
      std::size_t columns = cells.size() + 1;
      bool quoted = false;
      for (std::size_t k = i; k < line.size(); ++k) {
        if (line[k] == '"')
          quoted = !quoted;
        else if (line[k] == delimiter && !quoted)
          ++columns;
      }
      throw DataError("[CSV] row " + std::to_string(row) + " has " + std::to_string(columns) + " columns: at most " +
                      std::to_string(CsvLimits::max_features) + " feature columns (plus the label) are allowed");
    }
    while (i < line.size() && is_blank(line[i], delimiter)) ++i;
    std::string cell;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        cell += line[i++];
        too_long(cell.size());
      }
      while (i < line.size() && is_blank(line[i], delimiter)) ++i;
      if (!closed || (i < line.size() && line[i] != delimiter))
        throw DataError(where(row, cells.size()) + ": a quoted cell must end with a \" before the next " +
                        (delimiter == '\t' ? std::string("tab") : std::string(1, delimiter)));
    } else {
      const std::size_t start = i;
      while (i < line.size() && line[i] != delimiter) {
        ++i;
        too_long(i - start);
      }
      std::size_t end = i;
      while (end > start && is_blank(line[end - 1], delimiter)) --end;
      cell = std::string(line.substr(start, end - start));
    }
    cells.push_back(std::move(cell));
    if (i >= line.size()) break;
    ++i;  // the delimiter
  }
  return cells;
}

enum class NumberKind { number, empty, not_a_number, not_finite };

// Strict decimal numbers only: digits, sign, point and exponent ("1", "-2.5", "3e-4").
// strtod would also take hex, "nan" and "inf"; those are rejected here.
NumberKind parse_number(const std::string& text, double& value) {
  if (text.empty()) return NumberKind::empty;
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const std::string_view body = lower[0] == '+' || lower[0] == '-' ? std::string_view(lower).substr(1) : lower;
  if (body == "nan" || body == "inf" || body == "infinity") return NumberKind::not_finite;
  if (lower.find_first_not_of("0123456789+-.e") != std::string::npos) return NumberKind::not_a_number;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return NumberKind::not_a_number;
  return std::isfinite(value) ? NumberKind::number : NumberKind::not_finite;  // 1e999 overflows to Inf
}

double number_cell(const std::string& text, long row, std::size_t column, const char* what) {
  double value = 0.0;
  switch (parse_number(text, value)) {
    case NumberKind::number: return value;
    case NumberKind::empty: throw DataError(where(row, column) + " is empty: every " + what + " needs a number");
    case NumberKind::not_a_number: throw DataError(where(row, column) + ": " + quoted(text) + " is not a number");
    case NumberKind::not_finite:
      throw DataError(where(row, column) + ": " + quoted(text) +
                      " is not a finite number (NaN and Inf are not allowed)");
  }
  return value;
}

// Index of the label column (0-based) in a row of `columns` cells.
std::size_t label_index(const CsvOptions& options, const std::vector<std::string>& first_row, bool header) {
  const std::size_t columns = first_row.size();
  if (!options.label_name.empty()) {
    if (!header)
      throw SpecError(tag + " label_column \"" + options.label_name +
                      "\" names a header column, but the file has no header row; give the column number instead");
    for (std::size_t c = 0; c < columns; ++c)
      if (first_row[c] == options.label_name) return c;
    std::string names;
    for (const std::string& name : first_row) names += (names.empty() ? "" : ", ") + quoted(name);
    throw SpecError(tag + " label_column \"" + options.label_name + "\" is not in the header; the names are: " + names);
  }
  if (options.label_column == 0) return columns - 1;
  if (options.label_column < 1 || static_cast<std::size_t>(options.label_column) > columns)
    throw SpecError(tag + " label_column must be 1.." + std::to_string(columns) + " (the file has " +
                    std::to_string(columns) + " columns), got " + std::to_string(options.label_column));
  return static_cast<std::size_t>(options.label_column - 1);
}

// Class indices for the label texts: numbers in increasing numeric order when every label is a
// number, otherwise the texts in alphabetical (byte) order, like sklearn's LabelEncoder.
void map_classes(const std::vector<std::string>& texts, const std::string& column_name, Dataset& data) {
  bool all_numbers = true;
  std::map<double, std::vector<std::size_t>> by_number;
  std::map<std::string, std::vector<std::size_t>> by_text;
  for (std::size_t j = 0; j < texts.size(); ++j) {
    double value = 0.0;
    all_numbers = all_numbers && parse_number(texts[j], value) == NumberKind::number;
    if (all_numbers) by_number[value].push_back(j);
    by_text[texts[j]].push_back(j);
  }
  const std::size_t distinct = all_numbers ? by_number.size() : by_text.size();
  if (distinct > static_cast<std::size_t>(CsvLimits::max_classes))
    throw DataError(tag + " the label column \"" + column_name + "\" has " + std::to_string(distinct) +
                    " different values; at most " + std::to_string(CsvLimits::max_classes) +
                    " classes are allowed (for a continuous target choose the regression task)");
  if (distinct < 2)
    throw DataError(tag + " the label column \"" + column_name + "\" has a single class (" + quoted(texts[0]) +
                    "): classification needs at least 2 classes");
  data.labels.assign(texts.size(), 0);
  auto assign = [&](const std::string& name, const std::vector<std::size_t>& members) {
    for (std::size_t j : members) data.labels[j] = data.classes;
    data.class_names.push_back(name);
    ++data.classes;
  };
  if (all_numbers)
    for (const auto& [value, members] : by_number) assign(format_number(value), members);
  else
    for (const auto& [text, members] : by_text) assign(text, members);
}

}  // namespace

CsvOptions parse_csv_options(std::string_view json_text) {
  const Json json = parse_json_text(json_text, tag);
  const JsonFields fields(json, tag, "", {"header", "label_column", "task", "delimiter", "name"});
  CsvOptions options;
  if (fields.has("header")) {
    const Json& header = fields.get("header");
    if (header.is_string() && header.get<std::string>() == "auto")
      options.header.reset();
    else if (header.is_boolean())
      options.header = header.get<bool>();
    else
      fields.fail("header", "must be true, false or \"auto\", got " + excerpt(header));
  }
  if (fields.has("label_column")) {
    const Json& column = fields.get("label_column");
    if (column.is_string() && !column.get<std::string>().empty())
      options.label_name = column.get<std::string>();
    else
      options.label_column = static_cast<int>(fields.integer("label_column", 0, CsvLimits::max_features + 1));
  }
  options.task = fields.text("task", options.task);
  if (options.task != "classification" && options.task != "regression")
    fields.fail("task", "must be \"classification\" or \"regression\", got \"" + options.task + "\"");
  const std::string delimiter = fields.text("delimiter", ",");
  if (delimiter != "," && delimiter != ";" && delimiter != "\t")
    fields.fail("delimiter", "must be \",\", \";\" or a tab, got \"" + delimiter + "\"");
  options.delimiter = delimiter[0];
  options.name = fields.text("name", options.name);
  return options;
}

Dataset parse_csv(std::string_view text, std::string_view options_json) {
  return parse_csv(text, parse_csv_options(options_json));
}

Dataset parse_csv(std::string_view text, const CsvOptions& options) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  const bool regression = options.task == "regression";

  std::vector<std::string> first_row, names;
  bool header = false;
  std::size_t columns = 0, label = 0;
  long first_row_number = 0;
  std::vector<double> values;            // features, sample after sample (= d × n column-major)
  std::vector<std::string> label_texts;  // classification
  std::vector<double> target_values;     // regression

  long row = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++row;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
    std::vector<std::string> cells = split_cells(line, options.delimiter, row);

    if (columns == 0) {
      // The first row fixes the number of columns, the label column and whether it is a header.
      columns = cells.size();
      if (columns < 2)
        throw DataError(
            tag + " row " + std::to_string(row) +
            " has 1 column: at least one feature column and a label column are needed (is the delimiter \"" +
            (options.delimiter == '\t' ? std::string("\\t") : std::string(1, options.delimiter)) + "\"?)");
      if (static_cast<Index>(columns - 1) > CsvLimits::max_features)
        throw DataError(tag + " row " + std::to_string(row) + " has " + std::to_string(columns) + " columns: at most " +
                        std::to_string(CsvLimits::max_features) + " feature columns (plus the label) are allowed");
      if (options.header) {
        header = *options.header;
      } else {
        const std::size_t label_guess = options.label_name.empty() ? label_index(options, cells, false) : columns;
        for (std::size_t c = 0; c < columns; ++c) {
          double ignored = 0.0;
          if (c != label_guess && parse_number(cells[c], ignored) == NumberKind::not_a_number) header = true;
        }
      }
      label = label_index(options, cells, header);
      first_row = cells;
      first_row_number = row;
      if (header) continue;
    }

    if (cells.size() != columns)
      throw DataError(tag + " row " + std::to_string(row) + " has " + std::to_string(cells.size()) +
                      (cells.size() == 1 ? " column" : " columns") + ", expected " + std::to_string(columns) +
                      " like row " + std::to_string(first_row_number));
    const Index samples = static_cast<Index>(label_texts.size() + target_values.size()) + 1;
    if (samples > CsvLimits::max_rows)
      throw DataError(tag + " more than " + std::to_string(CsvLimits::max_rows) + " data rows (row " +
                      std::to_string(row) + "): the limit is " + std::to_string(CsvLimits::max_rows) +
                      " rows; use a sample of the file");
    if (samples * static_cast<Index>(columns - 1) > CsvLimits::max_cells)
      throw DataError(tag + " " + std::to_string(samples) + " rows × " + std::to_string(columns - 1) +
                      " features is more than the limit of " + std::to_string(CsvLimits::max_cells) + " values (row " +
                      std::to_string(row) + "); use fewer rows or columns");
    for (std::size_t c = 0; c < columns; ++c) {
      if (c == label) continue;
      values.push_back(number_cell(cells[c], row, c, "feature"));
    }
    if (regression) {
      target_values.push_back(number_cell(cells[label], row, label, "target"));
    } else {
      if (cells[label].empty()) throw DataError(where(row, label) + ": the label is empty");
      label_texts.push_back(cells[label]);
    }
  }

  if (columns == 0)
    throw DataError(tag + " the file is empty: expected rows of numbers separated by \"" +
                    (options.delimiter == '\t' ? std::string("\\t") : std::string(1, options.delimiter)) + "\"");
  const Index n = static_cast<Index>(regression ? target_values.size() : label_texts.size());
  const Index d = static_cast<Index>(columns - 1);
  if (n == 0) throw DataError(tag + " the file has a header row but no data rows");

  Dataset data;
  data.name = options.name;
  data.task = options.task;
  data.description = "Imported from CSV: " + std::to_string(n) + " rows, " + std::to_string(d) + " features";
  data.X = Eigen::Map<const Matrix>(values.data(), d, n);
  std::string label_name = regression ? "target" : "label";
  if (header && !first_row[label].empty()) label_name = first_row[label];
  // Unnamed features are x1, x2, … in the order of their columns.
  const std::vector<std::string> numbered = numbered_names("x", static_cast<int>(d), 1);
  for (std::size_t c = 0; c < columns; ++c) {
    if (c == label) continue;
    const std::string& fallback = numbered[data.feature_names.size()];
    data.feature_names.push_back(header && !first_row[c].empty() ? first_row[c] : fallback);
  }
  if (regression) {
    data.targets = Eigen::Map<const Matrix>(target_values.data(), 1, n);
    data.target_names = {label_name};
  } else {
    map_classes(label_texts, label_name, data);
  }
  validate_dataset(data, tag);
  return data;
}

}  // namespace lab
