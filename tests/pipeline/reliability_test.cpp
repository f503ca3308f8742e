// Tests of methods/pipeline/reliability (run_reliability): the pipeline of `cikit reliability`
// on the bundled governance example. Its numbers come from alpha() on the direction-corrected
// blocks, and its JSON document and CSV files carry them.

#include "methods/pipeline/reliability.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <set>

#include "methods/reliability/alpha.hpp"
#include "support.hpp"

using Catch::Matchers::WithinRel;

namespace {
std::string governance() { return cikit_test::source_dir() + "/datasets/governance/governance.yaml"; }
}  // namespace

TEST_CASE("run_reliability: root alpha equals alpha() on the direction-corrected data",
          "[pipeline][reliability][property]") {
  const auto run = cikit::pipeline::run_reliability({.spec = governance()});
  REQUIRE(run.nodes.size() == 28);  // every inner node of the governance tree, root first
  REQUIRE(run.nodes.front().id == "cggi");
  REQUIRE(run.nodes.front().result.has_value());

  // alpha() called directly on all indicators, '-' ones multiplied by -1.
  const auto data = cikit::load_data(run.spec);
  Eigen::MatrixXd x = data.values;
  const auto& leaves = run.spec.tree.leaves();
  for (std::size_t j = 0; j < leaves.size(); ++j)
    if (run.spec.tree.node(leaves[j]).direction == cikit::Direction::Negative) x.col(static_cast<Eigen::Index>(j)) *= -1.0;
  cikit::AlphaOptions ao;
  ao.bootstrap_replicates = 0;
  const cikit::AlphaResult direct = cikit::alpha(x, ao);
  // Same closed form on the same matrix: equal up to summation order (1e-12 relative).
  REQUIRE_THAT(run.nodes.front().result->raw_alpha, WithinRel(direct.raw_alpha, 1e-12));
  REQUIRE_THAT(run.nodes.front().result->std_alpha, WithinRel(direct.std_alpha, 1e-12));
  REQUIRE_THAT(run.doc["nodes"][0]["alpha"]["raw_alpha"].get<double>(), WithinRel(direct.raw_alpha, 1e-12));

  // reliability.csv: one row per node, full precision of the same value.
  REQUIRE(run.csv.rows.size() == run.nodes.size());
  REQUIRE(run.csv.rows.front()[0] == "cggi");
  REQUIRE_THAT(std::stod(run.csv.rows.front()[6]), WithinRel(direct.raw_alpha, 1e-15));
  REQUIRE(run.doc["command"] == "reliability");
  REQUIRE(run.doc["options"]["bootstrap"] == 0);
}

TEST_CASE("run_reliability: output files and bootstrap option", "[pipeline][reliability][property]") {
  const auto run = cikit::pipeline::run_reliability({.spec = governance(), .bootstrap = 50, .seed = 7});
  std::set<std::string> names;
  for (const auto& f : run.outputs.files()) names.insert(f.first);
  REQUIRE(names == std::set<std::string>{"reliability.csv", "reliability.json", "split_half_omega.csv"});
  REQUIRE_FALSE(run.outputs.enabled());  // no folder given: nothing is written
  for (const auto& n : run.nodes) {
    INFO("node " << n.id);
    if (!n.result) continue;  // e.g. a sub-dimension left with one indicator by the Delphi screening
    REQUIRE(n.result->bootstrap.has_value());
    REQUIRE(n.result->bootstrap->replicates == 50);
  }
  REQUIRE(run.doc["nodes"][1]["alpha"]["bootstrap"]["seed"] == 7);
  // one row per node with a result (a node with one indicator has none)
  REQUIRE(run.split_half_csv.rows.size() ==
          static_cast<std::size_t>(std::count_if(run.nodes.begin(), run.nodes.end(), [](const auto& n) { return n.result.has_value(); })));
}

TEST_CASE("run_reliability: invalid options name the option", "[pipeline][reliability][error]") {
  using cikit::pipeline::run_reliability;
  REQUIRE_THROWS_MATCHES(run_reliability({.spec = governance(), .missing = "casewise"}), cikit::InvalidInput,
                         Catch::Matchers::Message("run_reliability: missing is 'casewise', but must be pairwise or "
                                                  "listwise"));
  REQUIRE_THROWS_AS(run_reliability({.spec = governance(), .bootstrap = -1}), cikit::InvalidInput);
}

TEST_CASE("run_reliability: statistics = alpha only is the alpha part of the full run, bit for bit",
          "[pipeline][reliability][property]") {
  using cikit::pipeline::run_reliability;
  // Bootstrap included: the alpha-only run must draw the same resamples and give the same CIs.
  const auto full = run_reliability({.spec = governance(), .bootstrap = 40, .seed = 11});
  const auto only = run_reliability({.spec = governance(), .bootstrap = 40, .seed = 11, .statistics = {"alpha"}});
  // reliability.csv is the same text (every number at 17 significant digits).
  REQUIRE(only.csv.csv() == full.csv.csv());
  REQUIRE(only.nodes.size() == full.nodes.size());
  for (std::size_t i = 0; i < full.nodes.size(); ++i) {
    INFO("node " << full.nodes[i].id);
    const auto& jf = full.doc["nodes"][i];
    const auto& jo = only.doc["nodes"][i];
    // The alpha object (alpha, CIs, bootstrap, alpha if dropped, item statistics) is identical.
    REQUIRE(jo.value("alpha", nlohmann::json()) == jf.value("alpha", nlohmann::json()));
    REQUIRE(jo.value("error", std::string()) == jf.value("error", std::string()));
    // Neither split-half nor omega was computed or reported.
    REQUIRE_FALSE(only.nodes[i].split_half.has_value());
    REQUIRE_FALSE(only.nodes[i].omega.has_value());
    REQUIRE_FALSE(only.nodes[i].omega_sl.has_value());
    for (const char* key : {"split_half", "split_half_error", "omega", "omega_error", "omega_sl", "omega_sl_error"})
      REQUIRE_FALSE(jo.contains(key));
  }
  REQUIRE(only.warnings == full.warnings);
  std::set<std::string> names;
  for (const auto& f : only.outputs.files()) names.insert(f.first);
  REQUIRE(names == std::set<std::string>{"reliability.csv", "reliability.json"});
  REQUIRE(only.doc["options"]["statistics"] == nlohmann::json::array({"alpha"}));
  REQUIRE(full.doc["options"]["statistics"] == nlohmann::json::array({"alpha", "split-half", "omega"}));
}

TEST_CASE("run_reliability: statistics = alpha + omega keeps omega as in the full run, no split-half",
          "[pipeline][reliability][property]") {
  using cikit::pipeline::run_reliability;
  const auto full = run_reliability({.spec = governance()});
  const auto part = run_reliability({.spec = governance(), .statistics = {"omega", "alpha"}});
  REQUIRE(part.csv.csv() == full.csv.csv());
  REQUIRE(part.split_half_csv.header == full.split_half_csv.header);
  REQUIRE(part.split_half_csv.rows.size() == full.split_half_csv.rows.size());
  for (std::size_t r = 0; r < full.split_half_csv.rows.size(); ++r) {
    const auto& f = full.split_half_csv.rows[r];
    const auto& p = part.split_half_csv.rows[r];
    INFO("row " << f[0]);
    REQUIRE(p[0] == f[0]);
    REQUIRE(p[1] == f[1]);
    for (std::size_t c = 2; c <= 9; ++c) REQUIRE(p[c].empty());  // the split-half columns
    for (std::size_t c = 10; c <= 14; ++c) REQUIRE(p[c] == f[c]);  // omega, omega_h, SL: same text
  }
  for (std::size_t i = 0; i < full.nodes.size(); ++i) {
    const auto& jf = full.doc["nodes"][i];
    const auto& jp = part.doc["nodes"][i];
    REQUIRE(jp.value("omega", nlohmann::json()) == jf.value("omega", nlohmann::json()));
    REQUIRE(jp.value("omega_sl", nlohmann::json()) == jf.value("omega_sl", nlohmann::json()));
    REQUIRE_FALSE(jp.contains("split_half"));
    REQUIRE_FALSE(jp.contains("split_half_error"));
  }
}

TEST_CASE("run_reliability: statistics must be known names and include alpha", "[pipeline][reliability][error]") {
  using cikit::pipeline::run_reliability;
  REQUIRE_THROWS_MATCHES(run_reliability({.spec = governance(), .statistics = {"alpha", "lambda"}}),
                         cikit::InvalidInput,
                         Catch::Matchers::Message("run_reliability: statistic 'lambda' is unknown; it must be alpha, "
                                                  "split-half or omega"));
  REQUIRE_THROWS_MATCHES(run_reliability({.spec = governance(), .statistics = {"omega"}}), cikit::InvalidInput,
                         Catch::Matchers::Message("run_reliability: the statistics must include alpha "
                                                  "(reliability.csv is its table; split-half and omega come on top "
                                                  "of it)"));
}
