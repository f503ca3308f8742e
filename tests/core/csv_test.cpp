// Tests for methods/core/csv.hpp: read_csv, parse_csv and table_to_dataset.
// Fixtures live in tests/data (CIKIT_TEST_DATA); each is a few lines, written by hand
// (good_gbk.csv = `iconv -f UTF-8 -t GB18030 good_utf8.csv`). Expected cells, line numbers
// and values are read off the fixture text.
//
// Tolerances: std::from_chars and the compiler both round decimal literals correctly, so parsed
// values equal the literals bit for bit; WithinRel(x, 1e-15) (a few ulp) only states that.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"

using Catch::Matchers::WithinRel;
using cikit::CsvColumns;
using cikit::CsvOptions;
using cikit::CsvTable;
using cikit::InvalidInput;
using cikit::parse_csv;
using cikit::read_csv;
using cikit::table_to_dataset;

namespace {

constexpr double kExact = 1e-15;  // see the file comment

/// Matches an exception whose what() contains `part`.
class MessageContains : public Catch::MatcherBase<std::exception> {
 public:
  explicit MessageContains(std::string part) : part_(std::move(part)) {}
  bool match(const std::exception& e) const override {
    return std::string_view(e.what()).find(part_) != std::string_view::npos;
  }
  std::string describe() const override { return "message contains \"" + part_ + "\""; }

 private:
  std::string part_;
};

std::string data_file(const std::string& name) { return std::string(CIKIT_TEST_DATA) + "/" + name; }

using Rows = std::vector<std::vector<std::string>>;

/// Columns of the good_*.csv fixtures: id, 名称, name, gdp, pop.
CsvColumns city_columns() {
  CsvColumns c;
  c.unit = "id";
  c.name_zh = "名称";
  c.name_en = "name";
  c.indicators = {"gdp", "pop"};
  return c;
}

CsvColumns simple_columns(std::vector<std::string> indicators) {
  CsvColumns c;
  c.unit = "id";
  c.indicators = std::move(indicators);
  return c;
}

void require_same_dataset(const cikit::Dataset& a, const cikit::Dataset& b) {
  REQUIRE(a.unit_ids == b.unit_ids);
  REQUIRE(a.unit_names_zh == b.unit_names_zh);
  REQUIRE(a.unit_names_en == b.unit_names_en);
  REQUIRE(a.indicator_ids == b.indicator_ids);
  REQUIRE(a.source_columns == b.source_columns);
  REQUIRE(a.source_lines == b.source_lines);
  REQUIRE(a.values.rows() == b.values.rows());
  REQUIRE(a.values.cols() == b.values.cols());
  for (Eigen::Index i = 0; i < a.values.rows(); ++i)
    for (Eigen::Index j = 0; j < a.values.cols(); ++j) {
      CAPTURE(i, j);
      if (std::isnan(a.values(i, j))) {
        REQUIRE(std::isnan(b.values(i, j)));
      } else {
        REQUIRE_THAT(b.values(i, j), WithinRel(a.values(i, j), kExact));
      }
    }
}

}  // namespace

// ---------------------------------------------------------------------------- reading files

TEST_CASE("read_csv: UTF-8 file gives header, cells and file lines", "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("good_utf8.csv"));
  REQUIRE(t.file == data_file("good_utf8.csv"));
  REQUIRE(t.encoding == "utf-8");
  REQUIRE_FALSE(t.had_bom);
  REQUIRE(t.delimiter == ',');
  REQUIRE(t.header == std::vector<std::string>{"id", "名称", "name", "gdp", "pop"});
  REQUIRE(t.header_line == 1);
  REQUIRE(t.rows == Rows{{"bj", "北京", "Beijing", "41610.9", "2184.3"},
                         {"sh", "上海", "Shanghai", "44652.8", "2475.9"},
                         {"sjz", "石家庄", "Shijiazhuang", "7100.6", "1122.4"},
                         {"hhht", "呼和浩特", "Hohhot", "3329.1", "355.1"}});
  REQUIRE(t.row_lines == std::vector<long>{2, 3, 4, 5});
}

TEST_CASE("read_csv + table_to_dataset: values, names and source positions",
          "[core][csv][reference]") {
  const cikit::Dataset d = table_to_dataset(read_csv(data_file("good_utf8.csv")), city_columns());
  REQUIRE(d.unit_ids == std::vector<std::string>{"bj", "sh", "sjz", "hhht"});
  REQUIRE(d.unit_names_zh == std::vector<std::string>{"北京", "上海", "石家庄", "呼和浩特"});
  REQUIRE(d.unit_names_en ==
          std::vector<std::string>{"Beijing", "Shanghai", "Shijiazhuang", "Hohhot"});
  REQUIRE(d.indicator_ids == std::vector<std::string>{"gdp", "pop"});
  REQUIRE(d.source_columns == std::vector<long>{4, 5});
  REQUIRE(d.source_lines == std::vector<long>{2, 3, 4, 5});
  REQUIRE(d.source_file == data_file("good_utf8.csv"));
  REQUIRE(d.n_units() == 4);
  REQUIRE(d.n_indicators() == 2);
  REQUIRE(d.n_missing() == 0);
  REQUIRE_THAT(d.values(0, 0), WithinRel(41610.9, kExact));
  REQUIRE_THAT(d.values(1, 0), WithinRel(44652.8, kExact));
  REQUIRE_THAT(d.values(2, 1), WithinRel(1122.4, kExact));
  REQUIRE_THAT(d.values(3, 1), WithinRel(355.1, kExact));
}

TEST_CASE("table_to_dataset: indicators come in the requested order, names are optional",
          "[core][csv][reference]") {
  const cikit::Dataset d =
      table_to_dataset(read_csv(data_file("good_utf8.csv")), simple_columns({"pop", "gdp"}));
  REQUIRE(d.indicator_ids == std::vector<std::string>{"pop", "gdp"});
  REQUIRE(d.source_columns == std::vector<long>{5, 4});
  REQUIRE(d.unit_names_zh.empty());
  REQUIRE(d.unit_names_en.empty());
  REQUIRE_THAT(d.values(0, 0), WithinRel(2184.3, kExact));
  REQUIRE_THAT(d.values(0, 1), WithinRel(41610.9, kExact));
}

TEST_CASE("read_csv: a UTF-8 BOM is removed and the first header name is intact",
          "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("good_bom.csv"));
  REQUIRE(t.had_bom);
  REQUIRE(t.encoding == "utf-8");
  REQUIRE(t.header.front() == "id");
  REQUIRE(t.header.front().size() == 2);
  require_same_dataset(table_to_dataset(t, city_columns()),
                       table_to_dataset(read_csv(data_file("good_utf8.csv")), city_columns()));
}

TEST_CASE("read_csv: a GBK file gives the same Dataset as the UTF-8 file",
          "[core][csv][reference]") {
  const CsvTable gbk = read_csv(data_file("good_gbk.csv"));
  REQUIRE(gbk.encoding == "gbk");
  REQUIRE(gbk.header[1] == "名称");
  const cikit::Dataset from_gbk = table_to_dataset(gbk, city_columns());
  const cikit::Dataset from_utf8 =
      table_to_dataset(read_csv(data_file("good_utf8.csv")), city_columns());
  require_same_dataset(from_utf8, from_gbk);
  REQUIRE(from_gbk.unit_names_zh[3] == "呼和浩特");

  CsvOptions explicit_gbk;
  explicit_gbk.encoding = "gbk";
  require_same_dataset(
      from_utf8,
      table_to_dataset(read_csv(data_file("good_gbk.csv"), explicit_gbk), city_columns()));
}

TEST_CASE("read_csv: encoding utf-8 refuses a GBK file at the first bad byte",
          "[core][csv][error]") {
  CsvOptions opt;
  opt.encoding = "utf-8";
  // "id," is 3 bytes, so the first byte of 名 (0xC3 in GBK) is at column 4 of line 1.
  REQUIRE_THROWS_MATCHES(read_csv(data_file("good_gbk.csv"), opt), InvalidInput,
                         MessageContains("good_gbk.csv:1:4: byte 0xC3 at byte offset 3 is not "
                                         "valid UTF-8"));
}

TEST_CASE("read_csv: bytes that are neither UTF-8 nor GBK are located", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(read_csv(data_file("bad_bytes.csv")), InvalidInput,
                         MessageContains("bad_bytes.csv:3:2: byte 0xFF"));
}

TEST_CASE("read_csv: an unknown encoding option is rejected", "[core][csv][error]") {
  CsvOptions opt;
  opt.encoding = "latin-1";
  REQUIRE_THROWS_MATCHES(read_csv(data_file("good_utf8.csv"), opt), InvalidInput,
                         MessageContains("unknown encoding 'latin-1'"));
}

TEST_CASE("read_csv: semicolon delimiter is detected", "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("semicolon.csv"));
  REQUIRE(t.delimiter == ';');
  REQUIRE(t.header == std::vector<std::string>{"id", "gdp", "pop"});
  REQUIRE(t.rows == Rows{{"bj", "41610.9", "2184.3"}, {"sh", "44652.8", "2475.9"}});
}

TEST_CASE("read_csv: tab delimiter is detected; commas in cells stay", "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("tab.tsv"));
  REQUIRE(t.delimiter == '\t');
  REQUIRE(t.header == std::vector<std::string>{"id", "name", "gdp", "pop"});
  REQUIRE(t.rows == Rows{{"bj", "Beijing, China", "41610.9", "2184.3"},
                         {"sh", "Shanghai; China", "44652.8", "2475.9"}});
}

TEST_CASE("parse_csv: delimiter detection counts only the header, outside quotes",
          "[core][csv][reference]") {
  // One ',' and one ';' outside quotes: the tie goes to ','.
  const CsvTable tie = parse_csv("\"x;y;z\",b;c\n1,2\n", "tie.csv");
  REQUIRE(tie.delimiter == ',');
  REQUIRE(tie.header == std::vector<std::string>{"x;y;z", "b;c"});
  // Two ',' inside quotes do not count.
  const CsvTable semi = parse_csv("\"a,b,c\";d\n1;2\n", "semi.csv");
  REQUIRE(semi.delimiter == ';');
  REQUIRE(semi.header == std::vector<std::string>{"a,b,c", "d"});
  // Data rows have more ';' than ',' but the header decides.
  const CsvTable comma = parse_csv("a,b\n1;2;3;4,5\n", "comma.csv");
  REQUIRE(comma.delimiter == ',');
  REQUIRE(comma.rows == Rows{{"1;2;3;4", "5"}});
  // Semicolon beats tab; tab beats nothing; a single column falls back to ','.
  REQUIRE(parse_csv("a;b;c\td\n", "x.csv").delimiter == ';');
  REQUIRE(parse_csv("a\tb\n", "x.csv").delimiter == '\t');
  REQUIRE(parse_csv("only\n1\n", "x.csv").delimiter == ',');
}

TEST_CASE("parse_csv: an explicit delimiter overrides detection", "[core][csv][reference]") {
  const CsvTable t = parse_csv("a,b|c\n1,5|2\n", "pipe.csv", '|');
  REQUIRE(t.delimiter == '|');
  REQUIRE(t.header == std::vector<std::string>{"a,b", "c"});
  REQUIRE(t.rows == Rows{{"1,5", "2"}});
}

TEST_CASE("read_csv: quoted fields with delimiters, doubled quotes and newlines",
          "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("quoted.csv"));
  REQUIRE(t.header == std::vector<std::string>{"id", "name", "note", "gdp"});
  REQUIRE(t.rows == Rows{{"a", "Smith, John", "He said \"hi\"", "1.5"},
                         {"b", "line one\nline two", "plain", "2.5"},
                         {"c", "spaced", "  keep  ", "3"}});
  // Row b spans lines 3-4, so row c starts on line 5.
  REQUIRE(t.row_lines == std::vector<long>{2, 3, 5});
}

TEST_CASE("parse_csv: quoting details", "[core][csv][reference]") {
  // Empty quoted field, a field that is only a doubled quote, spaces around the quotes,
  // a quote inside an unquoted field (kept literally), CRLF inside quotes stored as '\n'.
  const CsvTable t =
      parse_csv("a,b,c,d\n\"\",\"\"\"\",  \"x\"  ,5'3\"\n\"p\r\nq\",2,3,4\n", "q.csv");
  REQUIRE(t.rows == Rows{{"", "\"", "x", "5'3\""}, {"p\nq", "2", "3", "4"}});
  REQUIRE(t.row_lines == std::vector<long>{2, 3});
}

TEST_CASE("read_csv: CRLF line endings and a blank line", "[core][csv][reference]") {
  const CsvTable t = read_csv(data_file("crlf.csv"));
  REQUIRE(t.header == std::vector<std::string>{"id", "gdp", "pop"});
  REQUIRE(t.rows == Rows{{"a", "1.5", "2"}, {"b", "3", "4.25"}});
  REQUIRE(t.row_lines == std::vector<long>{2, 4});
  const cikit::Dataset d = table_to_dataset(t, simple_columns({"gdp", "pop"}));
  REQUIRE_THAT(d.values(1, 1), WithinRel(4.25, kExact));
}

TEST_CASE("parse_csv: lone CR line endings", "[core][csv][reference]") {
  const CsvTable t = parse_csv("id,x\r\ra,1\rb,2", "cr.csv");
  REQUIRE(t.rows == Rows{{"a", "1"}, {"b", "2"}});
  REQUIRE(t.row_lines == std::vector<long>{3, 4});
}

TEST_CASE("parse_csv: blank lines are skipped, a row of delimiters is kept",
          "[core][csv][reference]") {
  const CsvTable t = parse_csv("\n\nid,x\n\n1,2\n,\n\n3,4", "blank.csv");
  REQUIRE(t.header_line == 3);
  REQUIRE(t.rows == Rows{{"1", "2"}, {"", ""}, {"3", "4"}});
  REQUIRE(t.row_lines == std::vector<long>{5, 6, 8});
}

TEST_CASE("parse_csv: spaces around unquoted header names and cells are trimmed",
          "[core][csv][reference]") {
  const CsvTable t = parse_csv("  id , gdp\t,pop\n  bj ,\t1.5 , 2\n", "sp.csv");
  REQUIRE(t.header == std::vector<std::string>{"id", "gdp", "pop"});
  REQUIRE(t.rows == Rows{{"bj", "1.5", "2"}});
}

TEST_CASE("parse_csv: a BOM in the text is removed", "[core][csv][reference]") {
  const CsvTable t = parse_csv("\xEF\xBB\xBFid,x\na,1\n", "bom.csv");
  REQUIRE(t.had_bom);
  REQUIRE(t.header.front() == "id");
}

// ----------------------------------------------------------------------------- parse errors

TEST_CASE("read_csv: an empty file is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(read_csv(data_file("empty.csv")), InvalidInput,
                         MessageContains("empty.csv: file is empty"));
  REQUIRE_THROWS_MATCHES(parse_csv("\n\r\n\n", "blank.csv"), InvalidInput,
                         MessageContains("blank.csv: file is empty"));
  REQUIRE_THROWS_MATCHES(parse_csv("\xEF\xBB\xBF", "bom.csv"), InvalidInput,
                         MessageContains("bom.csv: file is empty"));
}

TEST_CASE("read_csv: a missing file is an error naming it", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(read_csv(data_file("no_such_file.csv")), InvalidInput,
                         MessageContains("no_such_file.csv: file not found"));
  REQUIRE_THROWS_MATCHES(read_csv(CIKIT_TEST_DATA), InvalidInput,
                         MessageContains("is a directory"));
}

TEST_CASE("read_csv: a header-only file parses, but gives no Dataset", "[core][csv][error]") {
  const CsvTable t = read_csv(data_file("header_only.csv"));
  REQUIRE(t.header == std::vector<std::string>{"id", "gdp", "pop"});
  REQUIRE(t.rows.empty());
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, simple_columns({"gdp"})), InvalidInput,
                         MessageContains("header_only.csv:1: no data rows"));
}

TEST_CASE("read_csv: a ragged row is reported with its line", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(read_csv(data_file("ragged.csv")), InvalidInput,
                         MessageContains("ragged.csv:3: row has 2 fields but the header has 3"));
  REQUIRE_THROWS_MATCHES(parse_csv("a,b\n1,2\n3,4,5\n", "long.csv"), InvalidInput,
                         MessageContains("long.csv:3: row has 3 fields but the header has 2 (a "
                                         "value containing the delimiter ',' must be quoted)"));
}

TEST_CASE("read_csv: an unterminated quote points at where it opened", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(read_csv(data_file("unterminated.csv")), InvalidInput,
                         MessageContains("unterminated.csv:3:2: unterminated quoted field"));
}

TEST_CASE("parse_csv: text after a closing quote is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(parse_csv("a,b\n1,\"x\"y\n", "q.csv"), InvalidInput,
                         MessageContains("q.csv:2:2: unexpected text after the closing quote"));
}

TEST_CASE("parse_csv: an empty header name is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(parse_csv("id,,gdp\n", "h.csv"), InvalidInput,
                         MessageContains("h.csv:1:2: empty column name in header (column 2)"));
  REQUIRE_THROWS_MATCHES(parse_csv("\nid,gdp,  \n", "h.csv"), InvalidInput,
                         MessageContains("h.csv:2:3: empty column name"));
}

TEST_CASE("parse_csv: a duplicated header name is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(parse_csv("id,gdp,pop, gdp\n", "h.csv"), InvalidInput,
                         MessageContains("h.csv:1:4: duplicate column name 'gdp' in header "
                                         "(columns 2 and 4)"));
}

TEST_CASE("parse_csv: a quote or line break cannot be the delimiter", "[core][csv][error]") {
  REQUIRE_THROWS_AS(parse_csv("a\n", "d.csv", '"'), InvalidInput);
  REQUIRE_THROWS_AS(parse_csv("a\n", "d.csv", '\n'), InvalidInput);
}

// -------------------------------------------------------------------------- table_to_dataset

TEST_CASE("table_to_dataset: missing tokens become NaN, an all-missing column is kept",
          "[core][csv][reference]") {
  // missing.csv: gdp = NA, "", 3.5, "—"; pop = 1, 2, "  ", 4; area = "", "-", "..", "null".
  const cikit::Dataset d =
      table_to_dataset(read_csv(data_file("missing.csv")), simple_columns({"gdp", "pop", "area"}));
  REQUIRE(d.n_missing() == 8);
  REQUIRE(std::isnan(d.values(0, 0)));
  REQUIRE(std::isnan(d.values(1, 0)));
  REQUIRE_THAT(d.values(2, 0), WithinRel(3.5, kExact));
  REQUIRE(std::isnan(d.values(3, 0)));
  REQUIRE_THAT(d.values(0, 1), WithinRel(1.0, kExact));
  REQUIRE(std::isnan(d.values(2, 1)));
  for (Eigen::Index i = 0; i < 4; ++i) REQUIRE(std::isnan(d.values(i, 2)));
}

TEST_CASE("table_to_dataset: custom missing tokens replace the defaults",
          "[core][csv][reference]") {
  CsvColumns c = simple_columns({"x"});
  c.missing_tokens = {"-999", " n.a. "};  // tokens are compared trimmed
  const cikit::Dataset d = table_to_dataset(parse_csv("id,x\na,-999\nb,n.a.\nc,7\n", "m.csv"), c);
  REQUIRE(std::isnan(d.values(0, 0)));
  REQUIRE(std::isnan(d.values(1, 0)));
  REQUIRE_THAT(d.values(2, 0), WithinRel(7.0, kExact));
  // "NA" is no longer a token, and an empty cell is not either.
  REQUIRE_THROWS_MATCHES(table_to_dataset(parse_csv("id,x\na,NA\n", "m.csv"), c), InvalidInput,
                         MessageContains("m.csv:2:2: non-numeric value 'NA' in column 'x'"));
  REQUIRE_THROWS_MATCHES(table_to_dataset(parse_csv("id,x\na,\n", "m.csv"), c), InvalidInput,
                         MessageContains("non-numeric value '' in column 'x'"));
}

TEST_CASE("table_to_dataset: number syntax accepted by from_chars", "[core][csv][reference]") {
  const CsvTable t = parse_csv(
      "id,x\na,+1.5\nb,-2\nc,1e3\nd,2.5E-2\ne, 42 \nf,\" 7 \"\ng,.5\nh,5.\ni,1e-310\n", "n.csv");
  const cikit::Dataset d = table_to_dataset(t, simple_columns({"x"}));
  const std::vector<double> expected{1.5, -2.0, 1000.0, 0.025, 42.0, 7.0, 0.5, 5.0, 1e-310};
  REQUIRE(d.n_units() == static_cast<Eigen::Index>(expected.size()));
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    REQUIRE_THAT(d.values(static_cast<Eigen::Index>(i), 0), WithinRel(expected[i], kExact));
  }
}

TEST_CASE("table_to_dataset: a non-numeric cell names file:line:column and column",
          "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(read_csv(data_file("nonnumeric.csv")),
                       simple_columns({"gdp", "pop", "area"})),
      InvalidInput,
      MessageContains("nonnumeric.csv:3:4: non-numeric value 'abc' in column 'area'"));
}

TEST_CASE("table_to_dataset: rejects separators, percent signs, inf/nan spellings, hex",
          "[core][csv][error]") {
  const std::vector<std::string> bad{"\"1,234\"", "12%",    "abc",   "inf", "-inf", "Infinity",
                                     "NAN",       "nan(1)", "0x10",  "+-1", "++1",  "+",
                                     "1e",        "1.2.3",  "1 000"};
  for (const std::string& cell : bad) {
    CAPTURE(cell);
    const CsvTable t = parse_csv("id,v\na," + cell + "\n", "bad.csv");
    REQUIRE_THROWS_MATCHES(
        table_to_dataset(t, simple_columns({"v"})), InvalidInput,
        MessageContains("bad.csv:2:2: non-numeric value '") && MessageContains("in column 'v'"));
  }
}

TEST_CASE("table_to_dataset: non-numeric messages carry a hint", "[core][csv][error]") {
  const CsvColumns c = simple_columns({"v"});
  REQUIRE_THROWS_MATCHES(table_to_dataset(parse_csv("id,v\na,\"1,5\"\n", "h.csv"), c), InvalidInput,
                         MessageContains("use '.' as the decimal point"));
  REQUIRE_THROWS_MATCHES(table_to_dataset(parse_csv("id,v\na,12%\n", "h.csv"), c), InvalidInput,
                         MessageContains("write percentages as plain numbers"));
  REQUIRE_THROWS_MATCHES(table_to_dataset(parse_csv("id,v\na,n/a\n", "h.csv"), c), InvalidInput,
                         MessageContains("a missing value must be one of: (empty cell), 'NA'"));
}

TEST_CASE("table_to_dataset: a value outside the double range is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(parse_csv("id,v\na,1\nb,1e999\n", "r.csv"), simple_columns({"v"})),
      InvalidInput,
      MessageContains("r.csv:3:2: value '1e999' in column 'v' is outside the range of a double"));
}

TEST_CASE("table_to_dataset: a missing column lists the header", "[core][csv][error]") {
  const CsvTable t = read_csv(data_file("good_utf8.csv"));
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(t, simple_columns({"gdp", "gdp_pc"})), InvalidInput,
      MessageContains("good_utf8.csv:1: indicator column 'gdp_pc' not found in header "
                      "(columns: id, 名称, name, gdp, pop)"));
  CsvColumns c = simple_columns({"gdp"});
  c.unit = "city";
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, c), InvalidInput,
                         MessageContains("unit id column 'city' not found"));
  c = simple_columns({"gdp"});
  c.name_en = "name_en";
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, c), InvalidInput,
                         MessageContains("name column 'name_en' not found"));
}

TEST_CASE("table_to_dataset: a duplicated unit id names both lines", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(read_csv(data_file("duplicate_unit.csv")), simple_columns({"gdp"})),
      InvalidInput,
      MessageContains("duplicate_unit.csv:4:1: duplicate unit id 'a' in "
                      "column 'id' (lines 2 and 4)"));
  // Ids are trimmed before comparing, also when quoted.
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(parse_csv("id,v\n\"a \",1\na,2\n", "t.csv"), simple_columns({"v"})),
      InvalidInput, MessageContains("t.csv:3:1: duplicate unit id 'a'"));
}

TEST_CASE("table_to_dataset: an empty unit id is an error", "[core][csv][error]") {
  REQUIRE_THROWS_MATCHES(
      table_to_dataset(parse_csv("v,id\n1,a\n2,\" \"\n", "e.csv"), simple_columns({"v"})),
      InvalidInput, MessageContains("e.csv:3:2: empty unit id in column 'id'"));
}

TEST_CASE("table_to_dataset: the column request itself is checked", "[core][csv][error]") {
  const CsvTable t = read_csv(data_file("good_utf8.csv"));
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, simple_columns({})), InvalidInput,
                         MessageContains("no indicator columns given"));
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, simple_columns({"gdp", "pop", "gdp"})), InvalidInput,
                         MessageContains("indicator column 'gdp' is requested twice"));
  CsvColumns c = simple_columns({"gdp"});
  c.unit.clear();
  REQUIRE_THROWS_MATCHES(table_to_dataset(t, c), InvalidInput,
                         MessageContains("no unit id column given"));
}
