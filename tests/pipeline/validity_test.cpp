// Tests of methods/pipeline/validity (run_validity): the pipeline of `cikit validity` on the
// bundled governance example (few parallel-analysis replicates, so it is fast).

#include "methods/pipeline/validity.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "support.hpp"

using Catch::Matchers::WithinRel;

namespace {
std::string governance() { return cikit_test::source_dir() + "/datasets/governance/governance.yaml"; }
}  // namespace

TEST_CASE("run_validity: tables, JSON and files agree with the structure result", "[pipeline][validity][property]") {
  const auto run = cikit::pipeline::run_validity({.spec = governance(), .replicates = 20, .seed = 3});
  const auto& s = run.structure;
  REQUIRE(s.dimensions.size() == 4);
  REQUIRE(run.n_units == 119);  // cities.csv
  // Summary: one row per dimension, then the whole system.
  REQUIRE(run.tables.summary.rows.size() == s.dimensions.size() + 1);
  REQUIRE(run.tables.summary.rows.back()[0] == "(whole system)");
  REQUIRE(run.tables.summary.rows.back()[1] == std::to_string(run.n_indicators));
  // The JSON carries the same KMO (stored as a double: equal to the last bit).
  REQUIRE(run.doc["scopes"].size() == s.dimensions.size() + 1);
  REQUIRE_THAT(run.doc["scopes"].back()["kmo"]["msa"].get<double>(), WithinRel(s.system.kmo.msa, 1e-15));
  REQUIRE(run.doc["options"]["parallel_replicates"] == 20);
  REQUIRE(run.doc["options"]["correlation"] == "pairwise");
  // The governance spec declares criteria: the index and its 4 dimensions against each column.
  REQUIRE_FALSE(run.criteria.empty());
  REQUIRE(run.criteria.size() % 5 == 0);
  REQUIRE(run.tables.criterion.rows.size() == run.criteria.size());
  std::set<std::string> names;
  for (const auto& f : run.outputs.files()) names.insert(f.first);
  REQUIRE(names == std::set<std::string>{"validity_summary.csv", "validity_eigenvalues.csv", "validity_loadings.csv",
                                         "validity_htmt.csv", "validity_item_dimension.csv",
                                         "validity_dimension_scores.csv", "validity_criterion.csv", "validity.json"});
}

TEST_CASE("run_validity: the language changes labels only, not numbers", "[pipeline][validity][property]") {
  const auto en = cikit::pipeline::run_validity({.spec = governance(), .replicates = 10});
  const auto zh = cikit::pipeline::run_validity({.spec = governance(), .lang = cikit::Lang::Zh, .replicates = 10});
  REQUIRE(zh.tables.summary.rows.back()[0] == "（整体）");
  REQUIRE(en.doc.dump() == zh.doc.dump());
  REQUIRE(en.tables.eigenvalues.rows.size() == zh.tables.eigenvalues.rows.size());
  REQUIRE(en.tables.eigenvalues.rows[0][2] == zh.tables.eigenvalues.rows[0][2]);
  REQUIRE_THAT(std::stod(en.tables.eigenvalues.rows[0][2]),
               WithinRel(en.structure.dimensions.front().pca.eigenvalues(0), 5e-4));  // printed with 3 decimals
}

TEST_CASE("run_validity: too few replicates", "[pipeline][validity][error]") {
  REQUIRE_THROWS_MATCHES(cikit::pipeline::run_validity({.spec = governance(), .replicates = 1}), cikit::InvalidInput,
                         Catch::Matchers::Message("run_validity: replicates is 1, but must be >= 2"));
}
