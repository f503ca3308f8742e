// Tests of methods/reliability/tree_alpha (alpha_by_node): each first-level dimension of the
// governance example equals psych::alpha on its direction-corrected block
// (validation/reliability/alpha/ref_total.csv), and degenerate nodes carry an error.

#include "methods/reliability/tree_alpha.hpp"

#include <catch2/catch.hpp>

#include "methods/core/spec.hpp"
#include "support.hpp"

using Catch::Matchers::WithinRel;
using cikit_test::column;
using cikit_test::read_table;
using cikit_test::ref_number;

TEST_CASE("alpha_by_node: governance dimensions match psych::alpha blocks", "[reliability][tree_alpha][reference]") {
  const auto spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  const auto data = cikit::load_data(spec);
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 0;
  const auto nodes = cikit::alpha_by_node(data, spec.tree, o);
  const auto t = read_table(cikit_test::validation_dir() + "/reliability/alpha/ref_total.csv");
  int matched = 0;
  for (const auto& n : nodes) {
    if (n.depth != 1) continue;
    INFO("node " << n.id);
    REQUIRE(n.result.has_value());
    for (std::size_t r = 1; r < t.size(); ++r)
      if (t[r][column(t, "dataset")] == "gov" && t[r][column(t, "block")] == n.id &&
          t[r][column(t, "variant")] == "pairwise") {
        // Same closed forms as alpha_test (1e-10 relative).
        REQUIRE_THAT(n.result->raw_alpha, WithinRel(ref_number(t[r][column(t, "raw_alpha")]), 1e-10));
        REQUIRE_THAT(n.result->std_alpha, WithinRel(ref_number(t[r][column(t, "std_alpha")]), 1e-10));
        REQUIRE_THAT(n.result->g6_smc, WithinRel(ref_number(t[r][column(t, "g6_smc")]), 1e-10));
        ++matched;
      }
  }
  REQUIRE(matched == 4);
  REQUIRE(nodes.front().id == "cggi");
  REQUIRE(nodes.front().indicators.size() == 56);
}

TEST_CASE("alpha_by_node: degenerate nodes get an error, others a result", "[reliability][tree_alpha][error]") {
  const auto spec = cikit::read_spec(cikit_test::source_dir() + "/tests/cli/cases/good.yaml");
  const auto data = cikit::load_data(spec);
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 0;
  const auto nodes = cikit::alpha_by_node(data, spec.tree, o);
  REQUIRE(nodes.size() == 3);
  REQUIRE(nodes[1].id == "a");
  REQUIRE(nodes[1].result.has_value());
  REQUIRE(nodes[2].id == "b");
  REQUIRE_FALSE(nodes[2].result.has_value());
  REQUIRE(nodes[2].error.find("outside [-1, 1]") != std::string::npos);
}

TEST_CASE("alpha_by_node with split-half and omega: the same blocks as the R references", "[reliability][tree_alpha][reference]") {
  const auto spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  const auto data = cikit::load_data(spec);
  cikit::AlphaOptions o;
  cikit::NodeReliabilityOptions extra;
  extra.split_half = true;
  extra.omega = true;
  const auto nodes = cikit::alpha_by_node(data, spec.tree, o, extra);
  // Split-half of each first-level dimension = psych::splitHalf on its block (closed forms, 1e-10).
  const auto t = read_table(cikit_test::validation_dir() + "/reliability/split_half/ref_split_half.csv");
  int matched = 0;
  for (const auto& n : nodes) {
    INFO("node " << n.id);
    if (n.indicators.size() < 2) continue;
    REQUIRE(n.split_half.has_value());
    // omega_h only where the node has >= 2 sub-groups: the root and the four dimensions.
    CHECK(n.omega_sl.has_value() == (n.depth <= 1));
    CHECK(n.omega.has_value() == (n.indicators.size() >= 3));
    if (n.depth != 1) continue;
    for (std::size_t r = 1; r < t.size(); ++r)
      if (t[r][column(t, "dataset")] == "gov" && t[r][column(t, "block")] == n.id && t[r][column(t, "covar")] == "FALSE") {
        REQUIRE_THAT(n.split_half->odd_even.spearman_brown, WithinRel(ref_number(t[r][column(t, "oddeven_sb")]), 1e-10));
        REQUIRE_THAT(n.split_half->first_second.spearman_brown, WithinRel(ref_number(t[r][column(t, "first_sb")]), 1e-10));
        REQUIRE(n.split_half->lambda4_max.has_value() == (n.indicators.size() <= 16));
        if (n.split_half->lambda4_max)
          REQUIRE_THAT(*n.split_half->lambda4_max, WithinRel(ref_number(t[r][column(t, "lambda4_max")]), 1e-10));
        ++matched;
      }
  }
  REQUIRE(matched == 2);  // the reference has the blocks with k <= 16: capacity and feedback
  // One-factor omega of all indicators (the root) = the minres reference (iterative: 1e-6).
  const auto w = read_table(cikit_test::validation_dir() + "/reliability/omega/ref_omega.csv");
  bool found = false;
  for (std::size_t r = 1; r < w.size(); ++r)
    if (w[r][column(w, "case")] == "governance/all" && w[r][column(w, "quantity")] == "one_omega_observed") {
      REQUIRE(nodes.front().omega.has_value());
      REQUIRE_THAT(nodes.front().omega->omega_observed, WithinRel(ref_number(w[r][column(w, "value")]), 1e-6));
      found = true;
    }
  REQUIRE(found);
}
