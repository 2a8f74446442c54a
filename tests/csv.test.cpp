// CSV import: headers (given or detected), the label column by number or name, text and number
// classes, regression targets, quoting and line endings, and every error path with the exact
// message documented in datasets/README.md.
#include <catch2/catch.hpp>

#include <string>

#include "core/backprop.hpp"

using namespace lab;
using Catch::Matchers::Contains;

namespace {

const char* iris_like =
    "sepal length,sepal width,species\n"
    "5.1,3.5,setosa\n"
    "7.0,3.2,versicolor\n"
    "6.3,3.3,virginica\n"
    "4.9,3.0,setosa\n";

// rows lines of `columns` cells, the last one alternating 0/1.
std::string numbers(long rows, int columns) {
  std::string text;
  for (long r = 0; r < rows; ++r) {
    for (int c = 0; c + 1 < columns; ++c) text += "1,";
    text += (r % 2 == 0 ? "0\n" : "1\n");
  }
  return text;
}

void check_error(const std::string& text, const std::string& message, const CsvOptions& options = {}) {
  INFO(text.substr(0, 200));
  CHECK_THROWS_WITH(parse_csv(text, options), message);
}

}  // namespace

TEST_CASE("CSV with a header and text labels gives features, sorted class names and indices", "[datasets][csv]") {
  const Dataset data = parse_csv(iris_like);
  CHECK(data.task == "classification");
  CHECK(data.samples() == 4);
  CHECK(data.features() == 2);
  CHECK(data.X == (Matrix(2, 4) << 5.1, 7.0, 6.3, 4.9, 3.5, 3.2, 3.3, 3.0).finished());
  CHECK(data.feature_names == std::vector<std::string>{"sepal length", "sepal width"});
  CHECK(data.classes == 3);
  CHECK(data.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  CHECK(data.labels == std::vector<int>{0, 1, 2, 0});
  CHECK(data.name == "csv");
}

TEST_CASE("CSV without a header: detected from numbers, numeric labels sorted by value", "[datasets][csv]") {
  CsvOptions options;
  options.label_column = 1;
  const Dataset data = parse_csv("10,0.5,1\n2,1.5,2\n9,2.5,3\n1.0,3.5,4\n", options);
  CHECK(data.samples() == 4);
  CHECK(data.feature_names == std::vector<std::string>{"x1", "x2"});
  CHECK(data.class_names == std::vector<std::string>{"1", "2", "9", "10"});  // numeric order; 1.0 is 1
  CHECK(data.labels == std::vector<int>{3, 1, 2, 0});
  CHECK(data.X(0, 0) == 0.5);
  CHECK(data.X(1, 0) == 1.0);
  const Dataset merged = parse_csv("0.1,1\n0.2,1.0\n0.3,0\n");
  CHECK(merged.classes == 2);
  CHECK(merged.labels == std::vector<int>{1, 1, 0});
}

TEST_CASE("CSV label column by name, regression targets, semicolons, quotes, CRLF, BOM and blank lines",
          "[datasets][csv]") {
  const Dataset by_name = parse_csv("kind,a,b\nx,1,2\ny,3,4\n", R"({"label_column":"kind","name":"mine"})");
  CHECK(by_name.class_names == std::vector<std::string>{"x", "y"});
  CHECK(by_name.feature_names == std::vector<std::string>{"a", "b"});
  CHECK(by_name.X == (Matrix(2, 2) << 1, 3, 2, 4).finished());
  CHECK(by_name.name == "mine");

  const Dataset regression = parse_csv("x,y\n1,3\n2,4\n3,5\n", R"({"task":"regression"})");
  CHECK(regression.task == "regression");
  CHECK(regression.classes == 0);
  CHECK(regression.targets == (Matrix(1, 3) << 3, 4, 5).finished());
  CHECK(regression.target_names == std::vector<std::string>{"y"});

  const Dataset styled =
      parse_csv("\xEF\xBB\xBF\"f 1\";f2;label\r\n\r\n 1.5 ; -2e-1 ;\"Iris; \"\"setosa\"\"\"\r\n3;4;other\r\n\n",
                R"({"delimiter":";"})");
  CHECK(styled.feature_names == std::vector<std::string>{"f 1", "f2"});
  CHECK(styled.X == (Matrix(2, 2) << 1.5, 3, -0.2, 4).finished());
  CHECK(styled.class_names == std::vector<std::string>{"Iris; \"setosa\"", "other"});

  const Dataset tabs = parse_csv("1\t2\ta\n3\t4\tb\n", R"({"delimiter":"\t","header":false})");
  CHECK(tabs.samples() == 2);
}

TEST_CASE("CSV errors: empty file, header only, one column, too many columns", "[datasets][csv]") {
  check_error("", "[CSV] the file is empty: expected rows of numbers separated by \",\"");
  check_error("\n  \n\r\n", "[CSV] the file is empty: expected rows of numbers separated by \",\"");
  check_error("a,b,label\n", "[CSV] the file has a header row but no data rows");
  check_error("1\n2\n",
              "[CSV] row 1 has 1 column: at least one feature column and a label column are needed "
              "(is the delimiter \",\"?)");
  check_error(numbers(2, 1026),
              "[CSV] row 1 has 1026 columns: at most 1024 feature columns (plus the label) are allowed");
  CHECK_NOTHROW(parse_csv(numbers(2, 1025)));
}

TEST_CASE("CSV errors: ragged rows name the row and the expected column count", "[datasets][csv]") {
  check_error("1,2,0\n3,4,1\n5,1\n", "[CSV] row 3 has 2 columns, expected 3 like row 1");
  check_error("a,b,c\n1,2,0\n\n3,4,1,7\n", "[CSV] row 4 has 4 columns, expected 3 like row 1");
  check_error("\n\n1,2,0\n3\n", "[CSV] row 4 has 1 column, expected 3 like row 3");
}

TEST_CASE("CSV errors: non-numeric, empty and non-finite cells name row and column", "[datasets][csv]") {
  check_error("a,b,label\n1,abc,x\n", "[CSV] row 2, column 2: \"abc\" is not a number");
  check_error("a,b,label\n1,2,x\n0x1A,2,y\n", "[CSV] row 3, column 1: \"0x1A\" is not a number");
  check_error("a,b,label\n1,2,x\n1,2.5.1,y\n", "[CSV] row 3, column 2: \"2.5.1\" is not a number");
  check_error("a,b,label\n,2,x\n", "[CSV] row 2, column 1 is empty: every feature needs a number");
  check_error("a,b,label\nNaN,2,x\n",
              "[CSV] row 2, column 1: \"NaN\" is not a finite number (NaN and Inf are not allowed)");
  check_error("a,b,label\n1,-inf,x\n",
              "[CSV] row 2, column 2: \"-inf\" is not a finite number (NaN and Inf are not allowed)");
  check_error("a,b,label\n1,1e999,x\n",
              "[CSV] row 2, column 2: \"1e999\" is not a finite number (NaN and Inf are not allowed)");
  check_error("a,b,label\n1,2,x\n1,2,\n", "[CSV] row 3, column 3: the label is empty");
  CsvOptions no_header;
  no_header.header = false;
  check_error("a,b,label\n1,2,x\n", "[CSV] row 1, column 1: \"a\" is not a number", no_header);
  check_error("1,2,\"open\n", "[CSV] row 1, column 3: a quoted cell must end with a \" before the next ,");
  check_error("1,\"a\"b,x\n", "[CSV] row 1, column 2: a quoted cell must end with a \" before the next ,");
}

TEST_CASE("CSV errors: a single class, too many classes, and bad regression targets", "[datasets][csv]") {
  check_error(
      "a,b,species\n1,2,setosa\n3,4,setosa\n",
      "[CSV] the label column \"species\" has a single class (\"setosa\"): classification needs at least 2 classes");
  std::string many = "x,label\n";
  for (int k = 0; k < 101; ++k) many += "1," + std::to_string(k) + ".5\n";
  check_error(many,
              "[CSV] the label column \"label\" has 101 different values; at most 100 classes are allowed "
              "(for a continuous target choose the regression task)");
  CsvOptions regression;
  regression.task = "regression";
  CHECK_NOTHROW(parse_csv(many, regression));
  check_error("a,b,y\n1,2,high\n", "[CSV] row 2, column 3: \"high\" is not a number", regression);
  check_error("a,b,y\n1,2,\n", "[CSV] row 2, column 3 is empty: every target needs a number", regression);
  check_error("a,b,y\n1,2,nan\n", "[CSV] row 2, column 3: \"nan\" is not a finite number (NaN and Inf are not allowed)",
              regression);
}

TEST_CASE("CSV errors: more rows or values than the page allows", "[datasets][csv]") {
  // 100,000 data rows are allowed, one more is not.
  CHECK(parse_csv(numbers(100000, 2)).samples() == 100000);
  check_error(numbers(100001, 2),
              "[CSV] more than 100000 data rows (row 100001): the limit is 100000 rows; use a sample of the file");
  // 9,766 rows × 1,024 features passes 10,000,000 values.
  check_error(numbers(9766, 1025),
              "[CSV] 9766 rows × 1024 features is more than the limit of 10000000 values (row 9766); "
              "use fewer rows or columns");
}

TEST_CASE("CSV options: the label column must exist and unknown options are rejected", "[datasets][csv]") {
  CHECK_THROWS_WITH(parse_csv(iris_like, R"({"label_column":5})"),
                    "[CSV] label_column must be 1..3 (the file has 3 columns), got 5");
  CHECK_THROWS_WITH(
      parse_csv(iris_like, R"({"label_column":"specis"})"),
      "[CSV] label_column \"specis\" is not in the header; the names are: \"sepal length\", \"sepal width\", "
      "\"species\"");
  CHECK_THROWS_WITH(parse_csv("1,2,0\n3,4,1\n", R"({"label_column":"species"})"),
                    "[CSV] label_column \"species\" names a header column, but the file has no header row; give the "
                    "column number instead");
  CHECK_THROWS_AS(parse_csv(iris_like, R"({"label_column":5})"), SpecError);
  CHECK_THROWS_WITH(parse_csv_options(R"({"heade":true})"),
                    "[CSV] heade is not a known field; allowed: header, label_column, task, delimiter, name");
  CHECK_THROWS_WITH(parse_csv_options(R"({"task":"clustering"})"),
                    "[CSV] task must be \"classification\" or \"regression\", got \"clustering\"");
  CHECK_THROWS_WITH(parse_csv_options(R"({"delimiter":"|"})"),
                    "[CSV] delimiter must be \",\", \";\" or a tab, got \"|\"");
  CHECK_THROWS_WITH(parse_csv_options(R"({"header":"yes"})"),
                    "[CSV] header must be true, false or \"auto\", got \"yes\"");
  CHECK_THROWS_WITH(parse_csv_options(R"({"label_column":-1})"),
                    Contains("[CSV] label_column must be an integer in 0..1025"));
  CHECK_FALSE(parse_csv_options(R"({"header":"auto"})").header.has_value());
}

TEST_CASE("CSV limits are checked while reading: a huge cell or too many columns fail at once", "[csv][errors]") {
  // a 100 MB line without a delimiter fails after 4,096 characters, not after it has been copied
  const std::string huge = "a,b\n" + std::string(100000000, '7') + ",1\n";
  CHECK_THROWS_AS(parse_csv(huge), DataError);
  CHECK_THROWS_WITH(parse_csv(huge), Catch::Contains("row 2") && Catch::Contains("longer than 4096 characters"));
  std::string wide = "h";
  for (int i = 0; i < 2000; ++i) wide += ",1";
  CHECK_THROWS_WITH(parse_csv(wide + "\n" + wide + "\n"),
                    Catch::Contains("row 1 has 2001 columns: at most 1024 feature columns"));
}
