// Tests of methods/weighting/judgments: the bundled judgments file (cross-checked against the
// R yaml package's reading in validation/weighting/ahp/matrices.csv), order mapping, the pair
// form, and one test per documented error (each names file:line:column, node and expert).

#include "methods/weighting/judgments.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/ahp.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const cikit::Spec& governance() {
  static const cikit::Spec spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  return spec;
}
const cikit::IndicatorTree& tree() { return governance().tree; }

cikit::Judgments parse(const std::string& text) { return cikit::parse_judgments(text, "j.yaml", tree()); }

/// One expert, one node: the YAML for `body` under matrices.
std::string one(const std::string& body, const std::string& expert_extra = "") {
  return "experts:\n  - id: A\n" + expert_extra + "    matrices:\n" + body;
}

double frac(const std::string& s) {
  if (s == "NA") return std::nan("");
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::stod(s);
  return std::stod(s.substr(0, slash)) / std::stod(s.substr(slash + 1));
}

}  // namespace

TEST_CASE("judgments: the bundled example matches the R yaml reading", "[weighting][judgments][reference]") {
  const auto j = cikit::read_judgments(governance().judgments, tree());
  REQUIRE(j.experts.size() == 3);
  REQUIRE(j.scale == "saaty");
  REQUIRE(j.experts[1].id == "E2");
  REQUIRE(j.experts[1].label.en == "Expert 2");
  REQUIRE(j.expert_weights() == std::vector<double>(3, 1.0 / 3));
  // matrices.csv holds every >= 3 x 3 matrix as R's yaml package read it (file order).
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/weighting/ahp/matrices.csv");
  int checked = 0;
  for (const auto& ex : j.experts)
    for (const auto& nj : ex.nodes) {
      const auto& node = tree().node(nj.node);
      REQUIRE(nj.matrix.rows() == static_cast<Eigen::Index>(node.children.size()));
      REQUIRE(nj.n_missing == 0);
      const std::string id = "gov_" + ex.id + "_" + nj.node_id;
      for (std::size_t r = 1; r < t.size(); ++r)
        if (t[r][0] == id) {
          // The example's `order` is the tree's child order, so cells compare directly.
          REQUIRE_THAT(nj.matrix(std::stol(t[r][1]) - 1, std::stol(t[r][2]) - 1), WithinAbs(frac(t[r][3]), 0.0));
          ++checked;
        }
    }
  REQUIRE(checked > 200);
  // The spec helper reads the same file; a spec without judgments: is an error naming it.
  REQUIRE(cikit::read_spec_judgments(governance()).experts.size() == 3);
  cikit::Spec bare = governance();
  bare.judgments.clear();
  REQUIRE_THROWS_WITH(cikit::read_spec_judgments(bare), Contains("governance.yaml") && Contains("add 'judgments:"));
}

TEST_CASE("judgments: order is mapped to the tree's child order", "[weighting][judgments][property]") {
  // government_responsibility: children online_service_rate, gov_transparency_score, business_startup_days.
  const auto j = parse(one("      government_responsibility:\n"
                           "        order: [business_startup_days, online_service_rate, gov_transparency_score]\n"
                           "        matrix:\n"
                           "          - [1, 2, 3]\n"
                           "          - [1/2, 1, 3/2]\n"
                           "          - [1/3, 2/3, 1]\n",
                           "    weight: 2\n"));
  const auto& m = j.experts[0].nodes[0].matrix;
  // Tree order (online, transparency, startup): online vs transparency = 3/2, startup vs online = 2.
  REQUIRE_THAT(m(0, 1), WithinRel(1.5, 1e-15));
  REQUIRE_THAT(m(2, 0), WithinRel(2.0, 1e-15));
  REQUIRE_THAT(m(2, 1), WithinRel(3.0, 1e-15));
  REQUIRE_THAT(m(1, 2), WithinRel(1.0 / 3, 1e-15));
  REQUIRE(j.experts[0].weight == 2.0);
  REQUIRE(j.expert_weights() == std::vector<double>{1.0});
  const auto w = cikit::ahp_priorities(m).weights;  // consistent: w ∝ (2, 4/3, 4) / ...
  REQUIRE_THAT(w(2), WithinRel(3.0 / 5.5, 1e-12));
}

TEST_CASE("judgments: pair form gives an incomplete matrix", "[weighting][judgments][property]") {
  const auto j = parse(one("      cggi:\n"
                           "        pairs:\n"
                           "          - [system, capacity, 3]\n"
                           "          - [performance, capacity, \"1/2\"]\n"
                           "          - [feedback, system, 0.25]\n"));
  const auto& nj = j.experts[0].nodes[0];
  REQUIRE(nj.n_missing == 3);
  REQUIRE_THAT(nj.matrix(0, 1), WithinAbs(3.0, 0.0));
  REQUIRE_THAT(nj.matrix(1, 0), WithinRel(1.0 / 3, 1e-15));
  REQUIRE_THAT(nj.matrix(2, 1), WithinAbs(0.5, 0.0));
  REQUIRE_THAT(nj.matrix(1, 2), WithinAbs(2.0, 0.0));
  REQUIRE_THAT(nj.matrix(0, 3), WithinAbs(4.0, 0.0));
  REQUIRE(std::isnan(nj.matrix(0, 2)));
  REQUIRE(std::isnan(nj.matrix(2, 0)));
  // A spanning tree of comparisons: the optimal completion is consistent, CR = 0.
  cikit::AhpOptions o;
  o.missing = cikit::MissingJudgments::LambdaOptimal;
  const auto r = cikit::ahp_priorities(nj.matrix, o);
  REQUIRE_THAT(r.cr, WithinAbs(0, 1e-12));
  // w_system/w_capacity = 3, w_capacity/w_performance = 2, w_system/w_feedback = 4.
  REQUIRE_THAT(r.weights(0) / r.weights(1), WithinRel(3.0, 1e-9));
  REQUIRE_THAT(r.weights(1) / r.weights(2), WithinRel(2.0, 1e-9));
  REQUIRE_THAT(r.weights(0) / r.weights(3), WithinRel(4.0, 1e-9));
}

TEST_CASE("judgments: missing cells in the matrix form", "[weighting][judgments][property]") {
  const auto j = parse(one("      government_responsibility:\n"
                           "        order: [online_service_rate, gov_transparency_score, business_startup_days]\n"
                           "        matrix:\n"
                           "          - [1, 2, ~]\n"
                           "          - [1/2, 1, 3]\n"
                           "          - [NA, 1/3, 1]\n"));
  REQUIRE(j.experts[0].nodes[0].n_missing == 1);
  REQUIRE(std::isnan(j.experts[0].nodes[0].matrix(2, 0)));
}

TEST_CASE("judgments: parse_judgment is strict", "[weighting][judgments][error]") {
  REQUIRE_THAT(cikit::parse_judgment("3"), WithinAbs(3.0, 0.0));
  REQUIRE_THAT(cikit::parse_judgment("2.5"), WithinAbs(2.5, 0.0));
  REQUIRE_THAT(cikit::parse_judgment("1/3"), WithinAbs(1.0 / 3.0, 0.0));
  REQUIRE_THAT(cikit::parse_judgment("1/2.5"), WithinAbs(1.0 / 2.5, 0.0));
  for (const char* bad : {"", "-3", "1/", "/3", "1 /3", "1e2", "abc", "1//3", "1/3/4", "+2", "0x3", "3.", ".5", "1.2.3"}) {
    INFO(bad);
    REQUIRE_THROWS_WITH(cikit::parse_judgment(bad), Contains("is not a valid judgment"));
  }
  REQUIRE_THROWS_WITH(cikit::parse_judgment("1/0"), Contains("denominator is 0"));
  REQUIRE_THROWS_WITH(cikit::parse_judgment("0"), Contains("must be positive"));
  REQUIRE_THROWS_WITH(cikit::parse_judgment("0/3"), Contains("must be positive"));
  // Found by fuzz_judgments: a ratio of 2.2e57 made the eigenvector overflow (InternalError);
  // beyond 1/1000–1000 a judgment is refused where it is written.
  REQUIRE_THAT(cikit::parse_judgment("1000"), WithinAbs(1000.0, 0.0));
  REQUIRE_THAT(cikit::parse_judgment("1/1000"), WithinAbs(1e-3, 0.0));
  for (const char* far : {"1001", "1/1001", "2222222222222222222322222222222222222222222222222222222223"}) {
    INFO(far);
    REQUIRE_THROWS_WITH(cikit::parse_judgment(far), Contains("must lie between 1/1000 and 1000"));
  }
}

TEST_CASE("judgments: errors name file:line:column, node and expert", "[weighting][judgments][error]") {
  const std::string gr = "      government_responsibility:\n"
                         "        order: [online_service_rate, gov_transparency_score, business_startup_days]\n"
                         "        matrix:\n";
  SECTION("non-reciprocal pair") {
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [1, 2, 3]\n"
                                       "          - [1/2, 1, 3]\n"
                                       "          - [1/3, 1/2, 1]\n")),
                        Contains("j.yaml:9:19, node 'government_responsibility': judgments: expert 'A': a[2,3] "
                                 "(gov_transparency_score vs business_startup_days) = 3 but a[3,2] = 1/2"));
  }
  SECTION("diagonal, fraction, shape") {
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [2, 2, 3]\n          - [1/2, 1, 3]\n          - [1/3, 1/3, 1]\n")),
                        Contains("j.yaml:7:14") && Contains("diagonal cell a[1,1]"));
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [1, 2, 3]\n          - [1/2, 1, 3]\n          - [1/3, one, 1]\n")),
                        Contains("j.yaml:9:19") && Contains("'one' is not a valid judgment"));
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [1, 2, 3]\n          - [1/2, 1]\n          - [1/3, 1/3, 1]\n")),
                        Contains("j.yaml:8:13") && Contains("row 2 of 'matrix' (gov_transparency_score) must have 3 cells"));
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [1, 2, 3]\n")), Contains("'matrix' must have 3 rows"));
    REQUIRE_THROWS_WITH(parse(one(gr + "          - [1, 2, ~]\n          - [1/2, 1, 3]\n          - [1/3, 1/3, 1]\n")),
                        Contains("a[1,3] (online_service_rate vs business_startup_days) is missing but a[3,1] = 1/3"));
  }
  SECTION("order: not a child, duplicate, too short") {
    const std::string mat = "        matrix:\n          - [1, 2]\n          - [1/2, 1]\n";
    REQUIRE_THROWS_WITH(parse(one("      government_responsibility:\n        order: [online_service_rate, x, "
                                  "business_startup_days]\n        matrix: []\n")),
                        Contains("j.yaml:5:38") && Contains("'x' is not a child of node 'government_responsibility'"));
    REQUIRE_THROWS_WITH(parse(one("      government_responsibility:\n        order: [online_service_rate, "
                                  "online_service_rate, business_startup_days]\n        matrix: []\n")),
                        Contains("'online_service_rate' appears twice in 'order'"));
    REQUIRE_THROWS_WITH(parse(one("      government_responsibility:\n        order: [online_service_rate, "
                                  "business_startup_days]\n" + mat)),
                        Contains("'order' lists 2 ids, but node 'government_responsibility' has 3 children"));
    REQUIRE_THROWS_WITH(parse(one("      government_responsibility:\n        order: [online_service_rate]\n")),
                        Contains("has 'order' but no 'matrix'"));
  }
  SECTION("node: unknown, leaf, twice") {
    REQUIRE_THROWS_WITH(parse(one("      nowhere:\n        pairs: []\n")),
                        Contains("j.yaml:4:7") && Contains("unknown node 'nowhere'"));
    REQUIRE_THROWS_WITH(parse(one("      online_service_rate:\n        pairs: []\n")),
                        Contains("is an indicator (a leaf)"));
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        pairs: []\n      cggi:\n        pairs: []\n")),
                        Contains("duplicate key 'cggi'") || Contains("given twice"));
  }
  SECTION("pairs: self, twice, not a child, both forms") {
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        pairs:\n          - [system, system, 3]\n")),
                        Contains("j.yaml:6:13") && Contains("compares 'system' with itself"));
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        pairs:\n          - [system, capacity, 3]\n"
                                  "          - [capacity, system, 1/3]\n")),
                        Contains("j.yaml:7:13") && Contains("pair (capacity, system) is given twice (first at line 6)"));
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        pairs:\n          - [system, rule_of_law, 3]\n")),
                        Contains("'rule_of_law' is not a child of node 'cggi'"));
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        pairs: [[system, capacity]]\n")),
                        Contains("must be [child, child, value]"));
    REQUIRE_THROWS_WITH(parse(one("      cggi:\n        order: [system]\n        pairs: []\n")),
                        Contains("either 'order' and 'matrix' or 'pairs'"));
  }
  SECTION("file level: experts, ids, weights, keys, YAML") {
    REQUIRE_THROWS_WITH(parse("scale: saaty\n"), Contains("needs 'experts:'"));
    REQUIRE_THROWS_WITH(parse("experts: []\n"), Contains("non-empty list"));
    REQUIRE_THROWS_WITH(parse("expert: []\n"), Contains("unknown key 'expert'"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - matrices: {}\n"), Contains("needs 'id:'"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - {id: A, matrices: {}}\n  - {id: A, matrices: {}}\n"),
                        Contains("j.yaml:3:10") && Contains("duplicate expert id 'A'"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - {id: A, weight: 1, matrices: {}}\n  - {id: B, matrices: {}}\n"),
                        Contains("j.yaml:3:5") && Contains("expert 'B' has no weight but expert 'A' has one"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - {id: A, weight: -1, matrices: {}}\n"),
                        Contains("expert weight '-1' must be a number >= 0"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - {id: A, weight: 0, matrices: {}}\n"), Contains("all expert weights are 0"));
    REQUIRE_THROWS_WITH(parse("experts:\n  - {id: A}\n"), Contains("expert 'A': the expert has no 'matrices:'"));
    REQUIRE_THROWS_WITH(parse("experts: [\n"), Contains("malformed YAML"));
    REQUIRE_THROWS_WITH(parse(""), Contains("the file is empty"));
    REQUIRE_THROWS_WITH(cikit::read_judgments("/nonexistent/j.yaml", tree()), Contains("not found"));
  }
}

TEST_CASE("parse_judgment: numerals beyond the double range are refused, not thrown as out_of_range",
          "[weighting][judgments][fuzz]") {
  // fuzz_number (2026-12-06): std::stod threw std::out_of_range on a 300-digit denominator.
  const std::string huge(400, '7');
  REQUIRE_THROWS_WITH(cikit::parse_judgment("1/" + huge), Contains("too large"));
  REQUIRE_THROWS_WITH(cikit::parse_judgment(huge), Contains("too large"));
  // an underflowing numeral is 0: not positive
  REQUIRE_THROWS_AS(cikit::parse_judgment("0." + std::string(400, '0') + "1"), cikit::InvalidInput);
  CHECK_THAT(cikit::parse_judgment("1/3"), WithinAbs(1.0 / 3.0, 1e-16));
}
