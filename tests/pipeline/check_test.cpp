// The check pipeline (methods/pipeline/check): statistics per indicator, blocking problems
// returned (not thrown), files, the table's language.

#include "methods/pipeline/check.hpp"

#include <catch2/catch.hpp>

#include "pipeline_support.hpp"

using Catch::Matchers::Contains;
using cikit_test::case_file;
using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::governance_spec;
using cikit_test::lines;
namespace pipeline = cikit::pipeline;

TEST_CASE("check pipeline: the bundled example passes", "[pipeline][check]") {
  const pipeline::CheckRun run = pipeline::run_check({governance_spec(), cikit::Lang::En, "unused-dir"});
  REQUIRE(run.problems.empty());
  REQUIRE(run.describe.indicators.size() == static_cast<std::size_t>(run.data.n_indicators()));
  REQUIRE(run.table.rows.size() == run.describe.indicators.size());
  REQUIRE(run.json["command"] == "check");
  REQUIRE(run.json["n_units"] == run.data.n_units());
  REQUIRE(run.json["indicators"].size() == run.describe.indicators.size());
  REQUIRE(file_names(run.files) == std::vector<std::string>{"check.csv", "check.json"});
  REQUIRE(lines(file_content(run.files, "check.csv"))[0] == "Indicator,Dir,n,Missing,Mean,SD,Min,Max,Skew,Kurt,Flags");
  const pipeline::CheckRun zh = pipeline::run_check({governance_spec(), cikit::Lang::Zh, ""});
  REQUIRE(zh.table.header[0] == "指标");
  REQUIRE(zh.json == run.json);  // the JSON does not depend on the language
}

TEST_CASE("check pipeline: a constant indicator is a problem, not an exception", "[pipeline][check]") {
  const pipeline::CheckRun run = pipeline::run_check({.spec = case_file("constant.yaml")});
  REQUIRE(run.problems.size() == 1);
  REQUIRE_THAT(run.problems[0], Contains("constant (all values"));
  REQUIRE(run.json["problems"].size() == 1);
  REQUIRE(run.table.rows[3].back() == "CONSTANT");  // b2, the fourth indicator
}

TEST_CASE("check pipeline: the treatment of methods.treat", "[pipeline][check]") {
  const pipeline::CheckRun run = pipeline::run_check({case_file("methods.yaml"), cikit::Lang::En, "unused-dir"});
  REQUIRE_FALSE(run.treated.columns.empty());
  REQUIRE(file_names(run.files) ==
          std::vector<std::string>{"check.csv", "check.json", "treatment.csv", "treated_points.csv"});
  REQUIRE(run.json["treatment"]["indicators"].size() == run.treated.columns.size());
}
