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

// Index (0-based) of one label or target column in a row of `columns` cells.
std::size_t column_index(const CsvColumn& column, const std::vector<std::string>& first_row, bool header) {
  const std::size_t columns = first_row.size();
  if (!column.name.empty()) {
    if (!header)
      throw SpecError(tag + " label_column \"" + column.name +
                      "\" names a header column, but the file has no header row; give the column number instead");
    for (std::size_t c = 0; c < columns; ++c)
      if (first_row[c] == column.name) return c;
    std::string names;
    for (const std::string& name : first_row) names += (names.empty() ? "" : ", ") + quoted(name);
    throw SpecError(tag + " label_column \"" + column.name + "\" is not in the header; the names are: " + names);
  }
  if (column.number == 0) return columns - 1;
  if (column.number < 1 || static_cast<std::size_t>(column.number) > columns)
    throw SpecError(tag + " label_column must be 1.." + std::to_string(columns) + " (the file has " +
                    std::to_string(columns) + " columns), got " + std::to_string(column.number));
  return static_cast<std::size_t>(column.number - 1);
}

// The label or target columns (0-based, in the order given): each exists, none is given twice,
// and at least one feature column remains.
std::vector<std::size_t> target_indices(const CsvOptions& options, const std::vector<std::string>& first_row,
                                        bool header) {
  std::vector<std::size_t> indices;
  for (const CsvColumn& column : options.label_column.list) {
    const std::size_t c = column_index(column, first_row, header);
    if (std::find(indices.begin(), indices.end(), c) != indices.end())
      throw SpecError(tag + " label_column names column " + std::to_string(c + 1) +
                      (header ? " (" + quoted(first_row[c]) + ")" : std::string()) +
                      " twice; list each target column once");
    indices.push_back(c);
  }
  if (indices.size() >= first_row.size())
    throw SpecError(tag + " label_column names all " + std::to_string(first_row.size()) +
                    " columns of the file as targets; at least one feature column must remain");
  return indices;
}

// A column as the options give it, for a message: 5 or "y1".
std::string column_text(const CsvColumn& column) {
  return column.name.empty() ? std::to_string(column.number) : quoted(column.name);
}

void check_target_count(std::size_t count) {
  if (static_cast<Index>(count) > CsvLimits::max_targets)
    throw SpecError(tag + " label_column lists " + std::to_string(count) + " columns; at most " +
                    std::to_string(CsvLimits::max_targets) + " target columns are allowed");
}

// How many columns label_column may list: one for classification, 1..max_targets for regression.
void check_label_count(const CsvOptions& options) {
  const std::vector<CsvColumn>& list = options.label_column.list;
  if (list.empty()) throw SpecError(tag + " label_column must name at least one column");
  check_target_count(list.size());
  if (list.size() > 1 && options.task != "regression") {
    constexpr std::size_t kShown = 5;  // a long list is cut short in the message
    std::string names;
    for (std::size_t k = 0; k < std::min(list.size(), kShown); ++k)
      names += (k == 0 ? "" : ", ") + column_text(list[k]);
    if (list.size() > kShown) names += ", …";
    throw SpecError(tag + " label_column: classification takes one label column, got " + std::to_string(list.size()) +
                    " (" + names + "); choose the regression task for several targets");
  }
}

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// label_column as JSON: a column number, a name, "y1, y2" or "4,5" (split at commas, trimmed; a
// part of only digits is a number), or an array of numbers and names (a string is a name as written).
std::vector<CsvColumn> read_label_columns(const JsonFields& fields) {
  const Json& value = fields.get("label_column");
  const std::int64_t last = CsvLimits::max_features + 1;  // the most columns a row may have
  const std::string range = "0.." + std::to_string(last);
  std::vector<CsvColumn> columns;
  if (value.is_array()) {
    if (value.empty()) fields.fail("label_column", "must list at least one column, got []");
    check_target_count(value.size());
    for (std::size_t k = 0; k < value.size(); ++k) {
      const Json& item = value[k];
      if (item.is_string() && !item.get<std::string>().empty()) {
        columns.emplace_back(item.get<std::string>());
        continue;
      }
      const bool whole =
          item.is_number_integer() || (item.is_number_float() && std::floor(item.get<double>()) == item.get<double>());
      if (!whole || item.get<double>() < 0 || item.get<double>() > static_cast<double>(last))
        fields.fail("label_column[" + std::to_string(k) + "]",
                    "must be a column number in " + range + " or a header name, got " + excerpt(item));
      columns.emplace_back(static_cast<int>(item.get<double>()));
    }
    return columns;
  }
  if (value.is_string() && !value.get<std::string>().empty()) {
    const std::string& text = value.get_ref<const std::string&>();
    check_target_count(static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1);
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      const std::string part = trimmed(std::string_view(text).substr(start, comma - start));
      start = comma + 1;
      if (part.empty())
        fields.fail("label_column", "has an empty entry in " + excerpt(value) +
                                        "; separate column numbers or header names with single commas");
      if (part.find_first_not_of("0123456789") != std::string::npos) {
        columns.emplace_back(part);
        continue;
      }
      if (part.size() > 9 || std::stol(part) > last)
        fields.fail("label_column", "must be an integer in " + range + ", got " + part);
      columns.emplace_back(static_cast<int>(std::stol(part)));
    }
    return columns;
  }
  columns.emplace_back(static_cast<int>(fields.integer("label_column", 0, last)));
  return columns;
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
  if (fields.has("label_column")) options.label_column.list = read_label_columns(fields);
  options.task = fields.text("task", options.task);
  if (options.task != "classification" && options.task != "regression")
    fields.fail("task", "must be \"classification\" or \"regression\", got \"" + options.task + "\"");
  check_label_count(options);
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
  check_label_count(options);

  std::vector<std::string> first_row;
  bool header = false;
  std::size_t columns = 0;
  std::vector<std::size_t> targets;  // (t) the label or target columns, in the order given
  std::vector<bool> is_target;       // (columns)
  long first_row_number = 0;
  Index samples = 0;                     // data rows read
  std::vector<double> values;            // features, sample after sample (= d × n column-major)
  std::vector<std::string> label_texts;  // classification
  std::vector<double> target_values;     // regression, sample after sample (= t × n column-major)

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
      // The first row fixes the number of columns, the target columns and whether it is a header.
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
        // A header when a cell outside the targets given by number is text.
        std::vector<bool> skipped(columns, false);
        for (const CsvColumn& column : options.label_column.list)
          if (column.name.empty()) skipped[column_index(column, cells, false)] = true;
        for (std::size_t c = 0; c < columns; ++c) {
          double ignored = 0.0;
          if (!skipped[c] && parse_number(cells[c], ignored) == NumberKind::not_a_number) header = true;
        }
      }
      targets = target_indices(options, cells, header);
      is_target.assign(columns, false);
      for (std::size_t c : targets) is_target[c] = true;
      first_row = cells;
      first_row_number = row;
      if (header) continue;
    }

    if (cells.size() != columns)
      throw DataError(tag + " row " + std::to_string(row) + " has " + std::to_string(cells.size()) +
                      (cells.size() == 1 ? " column" : " columns") + ", expected " + std::to_string(columns) +
                      " like row " + std::to_string(first_row_number));
    ++samples;
    const Index d = static_cast<Index>(columns - targets.size()), t = static_cast<Index>(targets.size());
    if (samples > CsvLimits::max_rows)
      throw DataError(tag + " more than " + std::to_string(CsvLimits::max_rows) + " data rows (row " +
                      std::to_string(row) + "): the limit is " + std::to_string(CsvLimits::max_rows) +
                      " rows; use a sample of the file");
    if (samples * d > CsvLimits::max_cells)
      throw DataError(tag + " " + std::to_string(samples) + " rows × " + std::to_string(d) +
                      " features is more than the limit of " + std::to_string(CsvLimits::max_cells) + " values (row " +
                      std::to_string(row) + "); use fewer rows or columns");
    if (samples * t > CsvLimits::max_cells)
      throw DataError(tag + " " + std::to_string(samples) + " rows × " + std::to_string(t) +
                      " targets is more than the limit of " + std::to_string(CsvLimits::max_cells) + " values (row " +
                      std::to_string(row) + "); use fewer rows or target columns");
    for (std::size_t c = 0; c < columns; ++c)
      if (!is_target[c]) values.push_back(number_cell(cells[c], row, c, "feature"));
    if (regression) {
      for (std::size_t c : targets) target_values.push_back(number_cell(cells[c], row, c, "target"));
    } else {
      const std::size_t label = targets[0];
      if (cells[label].empty()) throw DataError(where(row, label) + ": the label is empty");
      label_texts.push_back(cells[label]);
    }
  }

  if (columns == 0)
    throw DataError(tag + " the file is empty: expected rows of numbers separated by \"" +
                    (options.delimiter == '\t' ? std::string("\\t") : std::string(1, options.delimiter)) + "\"");
  if (samples == 0) throw DataError(tag + " the file has a header row but no data rows");
  const Index n = samples, t = static_cast<Index>(targets.size()), d = static_cast<Index>(columns) - t;

  Dataset data;
  data.name = options.name;
  data.task = options.task;
  data.description = "Imported from CSV: " + std::to_string(n) + " rows, " + std::to_string(d) + " features" +
                     (t > 1 ? ", " + std::to_string(t) + " targets" : std::string());
  data.X = Eigen::Map<const Matrix>(values.data(), d, n);
  // Unnamed features are x1, x2, … in the order of their columns; unnamed targets y1, y2, … in
  // the order given (a single one is "target", a class label "label").
  const std::vector<std::string> numbered = numbered_names("x", static_cast<int>(d), 1);
  for (std::size_t c = 0; c < columns; ++c) {
    if (is_target[c]) continue;
    const std::string& fallback = numbered[data.feature_names.size()];
    data.feature_names.push_back(header && !first_row[c].empty() ? first_row[c] : fallback);
  }
  const std::vector<std::string> fallbacks =
      t == 1 ? std::vector<std::string>{regression ? "target" : "label"} : numbered_names("y", static_cast<int>(t), 1);
  std::vector<std::string> target_names;
  for (std::size_t k = 0; k < targets.size(); ++k)
    target_names.push_back(header && !first_row[targets[k]].empty() ? first_row[targets[k]] : fallbacks[k]);
  if (regression) {
    data.targets = Eigen::Map<const Matrix>(target_values.data(), t, n);
    data.target_names = target_names;
  } else {
    map_classes(label_texts, target_names[0], data);
  }
  validate_dataset(data, tag);
  return data;
}

}  // namespace lab
