// Tests of methods/pipeline/delphi (run_delphi): the pipeline of `cikit delphi` on the bundled
// governance example's expert consultation.

#include "methods/pipeline/delphi.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "support.hpp"

namespace {
std::string governance() { return cikit_test::source_dir() + "/datasets/governance/governance.yaml"; }
}  // namespace

TEST_CASE("run_delphi: rounds, groups and the CSV tables", "[pipeline][delphi][property]") {
  cikit::pipeline::DelphiOptions o;
  o.spec = governance();
  o.permutations = 100;
  const auto run = cikit::pipeline::run_delphi(o);
  REQUIRE(run.result.rounds.size() == 2);
  REQUIRE(run.doc["rounds"].size() == 2);
  std::size_t groups = 0, items = 0;
  for (const auto& R : run.result.rounds) {
    REQUIRE_FALSE(R.groups.empty());
    for (const auto& g : R.groups) {
      ++groups;
      items += g.indicators.size();
      REQUIRE(g.kendall.has_value());
      REQUIRE(g.kendall->permutations == 100);  // the override replaces the Delphi file's value
    }
  }
  // delphi_panel.csv: one row per round x aspect x level; delphi_items.csv: one per indicator in each.
  REQUIRE(run.panel_csv.rows.size() == groups);
  REQUIRE(run.items_csv.rows.size() == items);
  REQUIRE(run.items_csv.header.front() == "round");
  REQUIRE(run.doc["rounds"][0]["groups"][0]["kendall"]["permutations"] == 100);
  std::set<std::string> names;
  for (const auto& f : run.outputs.files()) names.insert(f.first);
  REQUIRE(names == std::set<std::string>{"delphi.json", "delphi_items.csv", "delphi_panel.csv"});
}

TEST_CASE("run_delphi: the permutation test does not depend on the thread count", "[pipeline][delphi][property]") {
  cikit::pipeline::DelphiOptions o;
  o.spec = governance();
  o.permutations = 200;
  o.seed = 5;
  o.threads = 1;
  const auto one = cikit::pipeline::run_delphi(o);
  o.threads = 2;
  const auto two = cikit::pipeline::run_delphi(o);
  REQUIRE(one.input.seed == 5);
  REQUIRE(one.doc.dump() == two.doc.dump());
  REQUIRE(one.panel_csv.csv() == two.panel_csv.csv());
}

TEST_CASE("run_delphi: a spec without a Delphi file, bad options", "[pipeline][delphi][error]") {
  cikit::pipeline::DelphiOptions o;
  o.spec = cikit_test::source_dir() + "/tests/cli/cases/good.yaml";
  REQUIRE_THROWS_AS(cikit::pipeline::run_delphi(o), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(cikit::pipeline::run_delphi(o), Catch::Matchers::Contains("the spec has no 'delphi:' key"));
  o.spec = governance();
  o.permutations = -1;
  REQUIRE_THROWS_MATCHES(cikit::pipeline::run_delphi(o), cikit::InvalidInput,
                         Catch::Matchers::Message("run_delphi: permutations is -1, but must be >= 0"));
}
