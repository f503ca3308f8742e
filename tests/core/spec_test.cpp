// Spec reader: schema, located errors (file:line:column), both tree forms.
#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/path_exists.hpp"

using cikit::InvalidInput;
using cikit::parse_spec;
using Catch::Contains;

namespace {
const std::string kGood = R"(index:
  id: demo
  label: {zh: 演示指数, en: Demo index}
data:
  file: data.csv
  unit: id
  names: {zh: name_zh, en: name_en}
  missing: ["", NA, "-"]
  delimiter: ";"
methods:
  normalize: {method: zscore, range: [0, 1]}
  weights: given
  aggregate: {method: arithmetic, missing: error}
  seed: 42
tree:
  - id: a
    weight: 0.6
    label: {zh: 甲, en: A}
    children:
      - {id: a1, direction: "+", weight: 1}
      - {id: a2, column: "A two", direction: "-", weight: 3, unit: "%", source: survey, goalposts: [0, 100]}
  - id: b
    weight: 0.4
    children:
      - {id: b1, direction: negative, weight: 1}
)";

cikit::Spec parse(const std::string& text) { return parse_spec(text, "t.yaml", "/base"); }

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}
}  // namespace

TEST_CASE("spec: a complete spec parses with every field", "[core][spec]") {
  const auto s = parse(kGood);
  CHECK(s.id == "demo");
  CHECK(s.label.zh == "演示指数");
  CHECK(s.data.file == std::filesystem::path("/base/data.csv"));
  CHECK(s.data.columns.unit == "id");
  CHECK(s.data.columns.name_en == "name_en");
  CHECK(s.data.columns.missing_tokens == std::vector<std::string>{"", "NA", "-"});
  CHECK(s.data.csv.delimiter == ';');
  CHECK(s.config.normalize == cikit::NormalizeMethod::ZScore);
  CHECK_THAT(s.config.range_hi, Catch::Matchers::WithinAbs(1.0, 0.0));  // exact literal, parsed
  CHECK(s.config.weights == cikit::WeightMethod::Given);
  CHECK(s.config.missing == cikit::MissingPolicy::Error);
  CHECK(s.config.seed == 42U);
  const auto& t = s.tree;
  REQUIRE(t.size() == 6);
  REQUIRE(t.leaves().size() == 3);
  const auto& a2 = t.node(*t.find("a2"));
  CHECK(a2.column == "A two");
  CHECK(a2.direction == cikit::Direction::Negative);
  CHECK(a2.unit.zh == "%");
  CHECK(a2.unit.en == "%");
  CHECK_THAT(a2.goalposts->second, Catch::Matchers::WithinAbs(100.0, 0.0));
  CHECK(t.node(*t.find("a1")).column == "a1");  // column defaults to the id
  CHECK(t.node(*t.find("b1")).direction == cikit::Direction::Negative);
  CHECK(t.height() == 2);
  CHECK(a2.where.line == 21);
  CHECK(s.hash.size() == 64);
}

TEST_CASE("spec: defaults", "[core][spec]") {
  const auto s = parse("index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n  - {id: i1, direction: \"+\"}\n");
  CHECK(s.config.normalize == cikit::NormalizeMethod::MinMax);
  CHECK(s.config.weights == cikit::WeightMethod::Equal);
  CHECK(s.config.missing == cikit::MissingPolicy::Available);
  CHECK(s.config.seed == cikit::kDefaultSeed);
  CHECK(s.data.csv.encoding == "auto");
  CHECK(s.tree.height() == 1);  // depth 1: indicators directly under the index
}

TEST_CASE("spec: flat form with parent references", "[core][spec]") {
  const auto s = parse(
      "index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n"
      "  - {id: g}\n"  // becomes a group through its children below
      "  - {id: i1, parent: g, direction: \"+\"}\n"
      "  - {id: i2, parent: g, direction: \"-\"}\n");
  const auto& t = s.tree;
  REQUIRE(t.node(*t.find("g")).children.size() == 2);
  CHECK(t.leaves().size() == 2);
}

TEST_CASE("spec: located errors", "[core][spec][error]") {
  SECTION("malformed YAML") {
    REQUIRE_THROWS_WITH(parse("index: {id: x\n"), Contains("t.yaml:") && Contains("malformed YAML"));
  }
  SECTION("unknown key, with its position") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "  unit: id\n", "  unit: id\n  colour: red\n")),
                        Contains("t.yaml:7:3: unknown key 'colour' in data"));
  }
  SECTION("duplicate key") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "  unit: id\n", "  unit: id\n  unit: id2\n")),
                        Contains("duplicate key 'unit'"));
  }
  SECTION("duplicate node id names both places") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "{id: b1,", "{id: a1,")),
                        Contains("t.yaml:25:9: duplicate node id 'a1' (first defined at t.yaml:20:9)"));
  }
  SECTION("a node id equal to the index id") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "{id: b1,", "{id: demo,")), Contains("duplicate node id 'demo'"));
  }
  SECTION("leaf without direction") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "{id: b1, direction: negative, weight: 1}", "{id: b1}")),
                        Contains("t.yaml:25:9: indicator 'b1' has no direction"));
  }
  SECTION("leaf with an empty column") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "column: \"A two\"", "column: \"\"")), Contains("column is empty"));
  }
  SECTION("bad direction") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "direction: negative", "direction: up")), Contains("direction 'up'"));
  }
  SECTION("group with indicator fields") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "    weight: 0.4\n", "    weight: 0.4\n    direction: \"+\"\n")),
                        Contains("node 'b' has children and also indicator fields"));
  }
  SECTION("empty children") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "    weight: 0.4\n    children:\n      - {id: b1, direction: negative, weight: 1}\n",
                                      "    children: []\n")),
                        Contains("children is an empty list"));
  }
  SECTION("cycle through parent references") {
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n"
                              "  - {id: a, children: [{id: a1, direction: \"+\"}]}\n"
                              "  - {id: p, parent: q, children: [{id: p1, direction: \"+\"}]}\n"
                              "  - {id: q, parent: p, children: [{id: q1, direction: \"+\"}]}\n"),
                        Contains("t.yaml:5:5: cycle"));
  }
  SECTION("self parent") {
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n"
                              "  - {id: p, parent: p, children: [{id: p1, direction: \"+\"}]}\n"),
                        Contains("cycle: node 'p' is its own parent"));
  }
  SECTION("unknown parent") {
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n"
                              "  - {id: p1, parent: zz, direction: \"+\"}\n"),
                        Contains("parent 'zz' of node 'p1' is not defined"));
  }
  SECTION("unknown method lists the accepted ones") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "weights: given", "weights: magic")),
                        Contains("unknown weighting method 'magic' (accepted: equal, given"));
  }
  SECTION("missing sections") {
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ntree: [{id: i, direction: \"+\"}]\n"), Contains("data: section is required"));
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ndata: {file: d.csv, unit: id}\n"), Contains("tree: section is required"));
    REQUIRE_THROWS_WITH(parse("data: {file: d.csv, unit: id}\ntree: [{id: i, direction: \"+\"}]\n"),
                        Contains("index: section is required"));
    REQUIRE_THROWS_WITH(parse("index: {id: x}\ndata: {file: d.csv}\ntree: [{id: i, direction: \"+\"}]\n"),
                        Contains("data.unit is required"));
  }
  SECTION("bad range and goalposts") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "range: [0, 1]", "range: [1, 0]")), Contains("low < high"));
    REQUIRE_THROWS_WITH(parse(replace(kGood, "goalposts: [0, 100]", "goalposts: [5, x]")),
                        Contains("goalposts max must be a finite number, but is 'x'"));
  }
  SECTION("negative weight") {
    REQUIRE_THROWS_WITH(parse(replace(kGood, "weight: 0.6", "weight: -1")), Contains("weight must be >= 0"));
  }
  SECTION("empty document") { REQUIRE_THROWS_WITH(parse(""), Contains("spec is empty")); }
  SECTION("not found") { REQUIRE_THROWS_WITH(cikit::read_spec("/nonexistent/x.yaml"), Contains("not found")); }
}

TEST_CASE("path_exists: a name the OS cannot look up counts as absent, never throws", "[core][spec][fuzz]") {
  // fuzz_delphi (2026-12-06) found std::filesystem::exists throwing filesystem_error
  // ("File name too long") on a 300-byte data-file name; readers now report "not found".
  const std::string long_name(5000, 'x');
  CHECK_FALSE(cikit::path_exists(std::filesystem::path("/tmp") / long_name));
  CHECK_FALSE(cikit::path_exists("/nonexistent/" + long_name + "/y.csv"));
  CHECK(cikit::path_exists("/"));
  REQUIRE_THROWS_WITH(cikit::read_spec("/tmp/" + long_name + ".yaml"), Contains("not found"));
}
