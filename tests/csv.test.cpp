// CSV import: headers (given or detected), the label column by number or name, text and number
// classes, regression targets (one column, or several by numbers, names or a list), quoting and
// line endings, and every error path with the exact message documented in datasets/README.md.
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

// ---------- several regression targets (seed 004 C.5, multi-output regression) ----------

namespace {

// Two features (a, b) and two targets (y1, y2) interleaved: a, y1, b, y2.
const char* two_targets =
    "a,y1,b,y2\n"
    "1,10,2,20\n"
    "3,30,4,40\n"
    "5,50,6,60\n";

CsvOptions regression_on(CsvColumns columns) {
  CsvOptions options;
  options.task = "regression";
  options.label_column = std::move(columns);
  return options;
}

}  // namespace

TEST_CASE("CSV regression with two targets by numbers, names, both, or a comma-separated string", "[datasets][csv]") {
  const Matrix features = (Matrix(2, 3) << 1, 3, 5, 2, 4, 6).finished();
  for (const char* columns :
       {R"([2,4])", R"(["y1","y2"])", R"(["y1",4])", R"([2,"y2"])", R"("y1, y2")", R"("2,4")", R"(" 2 , y2 ")"}) {
    INFO(columns);
    const Dataset data = parse_csv(two_targets, std::string(R"({"task":"regression","label_column":)") + columns + "}");
    CHECK(data.task == "regression");
    CHECK(data.samples() == 3);
    CHECK(data.features() == 2);
    CHECK(data.X == features);
    CHECK(data.feature_names == std::vector<std::string>{"a", "b"});
    CHECK(data.targets == (Matrix(2, 3) << 10, 30, 50, 20, 40, 60).finished());
    CHECK(data.target_names == std::vector<std::string>{"y1", "y2"});
    CHECK(data.labels.empty());
    CHECK(data.classes == 0);
    CHECK(data.description == "Imported from CSV: 3 rows, 2 features, 2 targets");
  }
  // the order given is the order of the targets' rows
  const Dataset reversed = parse_csv(two_targets, R"({"task":"regression","label_column":"y2,y1"})");
  CHECK(reversed.targets == (Matrix(2, 3) << 20, 40, 60, 10, 30, 50).finished());
  CHECK(reversed.target_names == std::vector<std::string>{"y2", "y1"});
  CHECK(reversed.X == features);
  // the same through CsvOptions, with 0 = the last column
  const Dataset from_struct = parse_csv(two_targets, regression_on({"y1", 0}));
  CHECK(from_struct.targets == (Matrix(2, 3) << 10, 30, 50, 20, 40, 60).finished());
  CHECK(from_struct.feature_names == std::vector<std::string>{"a", "b"});
}

TEST_CASE("CSV regression with three targets: features keep the file's order, targets the order given",
          "[datasets][csv]") {
  const char* text =
      "t1,p,t2,q,r,t3\n"
      "0.5,1,-1,2,3,7e1\n"
      "1.5,4,-2,5,6,8e1\n";
  for (const char* columns : {R"([6,1,3])", R"(["t3","t1","t2"])", R"("t3, 1, t2")", R"(["t3",1,"t2"])"}) {
    INFO(columns);
    const Dataset data = parse_csv(text, std::string(R"({"task":"regression","label_column":)") + columns + "}");
    CHECK(data.feature_names == std::vector<std::string>{"p", "q", "r"});
    CHECK(data.X == (Matrix(3, 2) << 1, 4, 2, 5, 3, 6).finished());
    CHECK(data.target_names == std::vector<std::string>{"t3", "t1", "t2"});
    CHECK(data.targets == (Matrix(3, 2) << 70, 80, 0.5, 1.5, -1, -2).finished());
  }
}

TEST_CASE("CSV targets without names are y1, y2, … and header detection skips every target column", "[datasets][csv]") {
  // no header: all numbers
  const Dataset plain = parse_csv("1,10,2,20\n3,30,4,40\n", R"({"task":"regression","label_column":"4,2"})");
  CHECK(plain.feature_names == std::vector<std::string>{"x1", "x2"});
  CHECK(plain.target_names == std::vector<std::string>{"y1", "y2"});
  CHECK(plain.targets == (Matrix(2, 2) << 20, 40, 10, 30).finished());
  CHECK(plain.X == (Matrix(2, 2) << 1, 3, 2, 4).finished());
  // an empty header cell of a target: its number among the targets
  const Dataset half = parse_csv("a,,b,v\n1,10,2,20\n", R"({"task":"regression","label_column":[4,2]})");
  CHECK(half.target_names == std::vector<std::string>{"v", "y2"});
  // a single unnamed target keeps its name "target"
  CHECK(parse_csv("1,2\n3,4\n", R"({"task":"regression"})").target_names == std::vector<std::string>{"target"});
  // text in the second target column of row 1 does not make it a header: that column is skipped
  check_error("1,2,3,b\n3,4,5,6\n", "[CSV] row 1, column 4: \"b\" is not a number", regression_on({2, 4}));
  // … while text in a feature column does
  CHECK(parse_csv("1,2,a,4\n3,4,5,6\n", regression_on({2, 4})).target_names == std::vector<std::string>{"2", "4"});
}

TEST_CASE("CSV label_column strings: digits are a column number, names are trimmed", "[datasets][csv]") {
  const Dataset by_number = parse_csv(iris_like, R"({"label_column":"3"})");
  CHECK(by_number.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  const Dataset first = parse_csv("kind,a,b\nx,1,2\ny,3,4\n", R"({"label_column":" 1 "})");
  CHECK(first.feature_names == std::vector<std::string>{"a", "b"});
  const Dataset trimmed = parse_csv(iris_like, R"({"label_column":"  species "})");
  CHECK(trimmed.class_names.size() == 3);
  // in an array a string is a header name as written, even when it is digits or has a comma
  const Dataset named =
      parse_csv("\"1\",\"a,b\",c\n5,6,7\n8,9,10\n", R"({"task":"regression","label_column":["a,b","1"]})");
  CHECK(named.target_names == std::vector<std::string>{"a,b", "1"});
  CHECK(named.targets == (Matrix(2, 2) << 6, 9, 5, 8).finished());
  CHECK(named.feature_names == std::vector<std::string>{"c"});
}

TEST_CASE("CSV several targets: errors name label_column and what is allowed", "[datasets][csv][errors]") {
  // classification takes one label column
  CHECK_THROWS_WITH(parse_csv_options(R"({"label_column":["y1","y2"]})"),
                    "[CSV] label_column: classification takes one label column, got 2 (\"y1\", \"y2\"); choose the "
                    "regression task for several targets");
  CHECK_THROWS_WITH(parse_csv_options(R"({"label_column":"4, y2","task":"classification"})"),
                    "[CSV] label_column: classification takes one label column, got 2 (4, \"y2\"); choose the "
                    "regression task for several targets");
  CsvOptions classification;
  classification.label_column = {1, 2, 3, 4, 5, 6};
  check_error(two_targets,
              "[CSV] label_column: classification takes one label column, got 6 (1, 2, 3, 4, 5, …); choose the "
              "regression task for several targets",
              classification);
  CHECK_THROWS_AS(parse_csv(two_targets, classification), SpecError);
  CHECK_NOTHROW(parse_csv_options(R"({"label_column":["y1"]})"));  // a list of one is one label column

  // each column once
  check_error(two_targets, "[CSV] label_column names column 2 (\"y1\") twice; list each target column once",
              regression_on({"y1", "y1"}));
  check_error(two_targets, "[CSV] label_column names column 2 (\"y1\") twice; list each target column once",
              regression_on({2, 4, "y1"}));
  check_error(two_targets, "[CSV] label_column names column 4 (\"y2\") twice; list each target column once",
              regression_on({4, 0}));
  check_error("1,2,3\n4,5,6\n", "[CSV] label_column names column 3 twice; list each target column once",
              regression_on({3, 3}));

  // each column exists (the messages of a single label column)
  check_error(two_targets, "[CSV] label_column must be 1..4 (the file has 4 columns), got 9", regression_on({2, 9}));
  check_error(two_targets,
              "[CSV] label_column \"y3\" is not in the header; the names are: \"a\", \"y1\", \"b\", \"y2\"",
              regression_on({"y1", "y3"}));
  check_error("1,2,3\n4,5,6\n",
              "[CSV] label_column \"y2\" names a header column, but the file has no header row; give the column "
              "number instead",
              regression_on({1, "y2"}));

  // at least one feature column remains
  check_error("y1,y2\n1,2\n3,4\n",
              "[CSV] label_column names all 2 columns of the file as targets; at least one feature column must remain",
              regression_on({"y1", "y2"}));
  check_error(two_targets,
              "[CSV] label_column names all 4 columns of the file as targets; at least one feature column must remain",
              regression_on({1, 2, 3, 4}));
  CHECK_THROWS_AS(parse_csv(two_targets, regression_on({1, 2, 3, 4})), SpecError);

  // bad cells of a target name its row and column
  check_error("a,y1,b,y2\n1,2,3,4\n1,2,3,x\n", "[CSV] row 3, column 4: \"x\" is not a number", regression_on({2, 4}));
  check_error("a,y1,b,y2\n1,,3,4\n", "[CSV] row 2, column 2 is empty: every target needs a number",
              regression_on({2, 4}));
}

TEST_CASE("CSV label_column lists: bad JSON forms are rejected with the field and what is allowed",
          "[datasets][csv][errors]") {
  const auto options = [](const std::string& column) {
    return R"({"task":"regression","label_column":)" + column + "}";
  };
  CHECK_THROWS_WITH(parse_csv_options(options("[]")), "[CSV] label_column must list at least one column, got []");
  CHECK_THROWS_WITH(parse_csv_options(options("[1,true]")),
                    "[CSV] label_column[1] must be a column number in 0..1025 or a header name, got true");
  CHECK_THROWS_WITH(parse_csv_options(options("[1.5]")),
                    "[CSV] label_column[0] must be a column number in 0..1025 or a header name, got 1.5");
  CHECK_THROWS_WITH(parse_csv_options(options("[2,-1]")),
                    "[CSV] label_column[1] must be a column number in 0..1025 or a header name, got -1");
  CHECK_THROWS_WITH(parse_csv_options(options("[2,1026]")),
                    "[CSV] label_column[1] must be a column number in 0..1025 or a header name, got 1026");
  CHECK_THROWS_WITH(parse_csv_options(options(R"(["y1",""])")),
                    "[CSV] label_column[1] must be a column number in 0..1025 or a header name, got \"\"");
  CHECK_THROWS_WITH(parse_csv_options(options(R"([["y1"]])")),
                    "[CSV] label_column[0] must be a column number in 0..1025 or a header name, got [\"y1\"]");
  CHECK_THROWS_WITH(parse_csv_options(options(R"("y1,,y2")")),
                    "[CSV] label_column has an empty entry in \"y1,,y2\"; separate column numbers or header names "
                    "with single commas");
  CHECK_THROWS_WITH(parse_csv_options(options(R"("y1, ")")),
                    "[CSV] label_column has an empty entry in \"y1, \"; separate column numbers or header names "
                    "with single commas");
  CHECK_THROWS_WITH(parse_csv_options(options(R"("2,99999999999")")),
                    "[CSV] label_column must be an integer in 0..1025, got 99999999999");
  CHECK_THROWS_WITH(parse_csv_options(options(R"("2,1026")")),
                    "[CSV] label_column must be an integer in 0..1025, got 1026");
  // the empty string keeps its message
  CHECK_THROWS_WITH(parse_csv_options(options(R"("")")), "[CSV] label_column must be an integer in 0..1025, got \"\"");
  // at most 1,024 targets (a row has at most 1,025 columns, one of them a feature)
  std::string many;  // 1,2,…,1025
  for (int k = 1; k <= 1025; ++k) {
    if (k > 1) many += ',';
    many += std::to_string(k);
  }
  CHECK_THROWS_WITH(parse_csv_options(options("[" + many + "]")),
                    "[CSV] label_column lists 1025 columns; at most 1024 target columns are allowed");
  CHECK_THROWS_WITH(parse_csv_options(options("\"" + many + "\"")),
                    "[CSV] label_column lists 1025 columns; at most 1024 target columns are allowed");
  CHECK(parse_csv_options(options("[" + many.substr(0, many.rfind(',')) + "]")).label_column.list.size() == 1024);
}

TEST_CASE("CSV several targets: the rows × targets values have the page's limit too", "[datasets][csv][errors]") {
  // 1 feature and 1,024 targets: 9,766 rows × 1,024 targets passes 10,000,000 values
  std::vector<CsvColumn> targets;
  for (int c = 2; c <= 1025; ++c) targets.emplace_back(c);
  CsvOptions options;
  options.task = "regression";
  options.label_column.list = targets;
  check_error(numbers(9766, 1025),
              "[CSV] 9766 rows × 1024 targets is more than the limit of 10000000 values (row 9766); use fewer rows "
              "or target columns",
              options);
  const Dataset wide = parse_csv(numbers(3, 1025), options);
  CHECK(wide.features() == 1);
  CHECK(wide.targets.rows() == 1024);
  CHECK(wide.target_names.back() == "y1024");
}

TEST_CASE("CSV with two targets trains a network of two outputs with mse", "[datasets][csv][trainer]") {
  // y1 = a + 2b and y2 = a − b on a 4 × 4 grid: a linear network of two outputs can fit both
  std::string text = "y2,a,b,y1\n";
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 4; ++k) {
      const double a = 0.25 * i, b = 0.25 * k;
      text += format_number(a - b) + "," + format_number(a) + "," + format_number(b) + "," + format_number(a + 2 * b) +
              "\n";
    }
  const Dataset data = parse_csv(text, R"({"task":"regression","label_column":"y1,y2"})");
  REQUIRE(data.targets.rows() == 2);
  REQUIRE(data.samples() == 16);
  CHECK(data.targets(0, 5) == Approx(data.X(0, 5) + 2 * data.X(1, 5)));
  CHECK(data.targets(1, 5) == Approx(data.X(0, 5) - data.X(1, 5)));

  const Matrix Y = targets_for_loss(data, LossKind::mse, 2);
  CHECK(Y == data.targets);
  CHECK_THROWS_WITH(targets_for_loss(data, LossKind::mse, 1), Contains("the last layer must have 2 unit(s)"));

  Network net(R"({"input":2,"layers":[{"units":2,"activation":"identity"}],"loss":"mse",
                  "init":{"scheme":"normal","scale":0.1,"seed":1}})");
  TrainSettings settings;
  settings.learning_rate = 0.5;
  settings.batch_size = 16;
  settings.epochs = 2000;
  Trainer trainer(net, data.X, Y, settings);
  CHECK(trainer.run(2000).status == TrainStatus::finished);
  CHECK(trainer.history().back().train_loss < 1e-4 * trainer.history().front().train_loss);
  const Matrix predicted = net.forward(data.X);
  CHECK(predicted.rows() == 2);
  CHECK((predicted - data.targets).cwiseAbs().maxCoeff() < 1e-2);
}
