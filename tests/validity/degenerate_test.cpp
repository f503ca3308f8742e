// Degenerate inputs of the reliability/validity battery (issue #3): each has a named behaviour.
//   k < 2                 -> alpha_by_node: node "not computed" (error text); structure_validity:
//                            a 1-indicator dimension is skipped with a warning (structure_test)
//   constant indicator    -> DomainError naming the indicator (validity); alpha drops it (alpha_test)
//   n <= k                -> computed, with warnings (singular R)
//   singular R            -> PCA warns quoting the reciprocal condition number; KMO uses
//                            psych's Q := R with a warning quoting it; Bartlett not computed (warning)
//   too many missing      -> a pair with < 3 common units: InvalidInput naming both indicators
//   single-child node     -> a node whose only child is a group has that group's alpha; a node
//                            whose only child is an indicator is "not computed"
#include <catch2/catch.hpp>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/reliability/tree_alpha.hpp"
#include "methods/validity/structure.hpp"
#include "validity_support.hpp"

using namespace cikit;
using namespace cikit_test;

namespace {

const char* const kSpec = R"(index: {id: t, label: {en: T}}
data: {file: d.csv, unit: id}
tree:
  - id: a
    children:
      - {id: a1, direction: "+"}
      - {id: a2, direction: "+"}
      - {id: a3, direction: "+"}
  - id: b
    children:
      - id: bsub
        children:
          - {id: b1, direction: "+"}
          - {id: b2, direction: "+"}
          - {id: b3, direction: "-"}
  - id: c
    children:
      - {id: c1, direction: "+"}
)";

/// n units of a two-factor system (a, b correlated), deterministic pseudo-noise.
Dataset make_data(Eigen::Index n) {
  Dataset d;
  d.indicator_ids = {"a1", "a2", "a3", "b1", "b2", "b3", "c1"};
  d.values.resize(n, 7);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    const double fa = std::sin(0.7 * t + 0.3), fb = 0.5 * fa + std::cos(1.3 * t);
    for (Eigen::Index j = 0; j < 7; ++j) {
      const double noise = 0.6 * std::sin(2.1 * t * static_cast<double>(j + 1) + static_cast<double>(j));
      const double f = j < 3 ? fa : j < 6 ? fb : fa + fb;
      d.values(i, j) = (j == 5 ? -1.0 : 1.0) * f + noise;
    }
    d.unit_ids.push_back("u" + std::to_string(i));
  }
  return d;
}

StructureValidityOptions quick() {
  StructureValidityOptions o;
  o.parallel.replicates = 10;
  return o;
}

}  // namespace

TEST_CASE("degenerate: single-child nodes and k < 2 in alpha_by_node", "[validity][reliability][degenerate]") {
  const Spec spec = parse_spec(kSpec, "t.yaml", ".");
  const auto nodes = alpha_by_node(make_data(40), spec.tree);
  const NodeAlpha *b = nullptr, *bsub = nullptr, *c = nullptr;
  for (const auto& n : nodes) {
    if (n.id == "b") b = &n;
    if (n.id == "bsub") bsub = &n;
    if (n.id == "c") c = &n;
  }
  REQUIRE(b);
  REQUIRE(bsub);
  REQUIRE(c);
  // A node whose single child is a group: the same indicators, the same alpha.
  REQUIRE(b->result);
  REQUIRE(bsub->result);
  CHECK_THAT(b->result->raw_alpha, Catch::Matchers::WithinAbs(bsub->result->raw_alpha, 0.0));
  // A node whose single child is an indicator: k = 1, not computed, with the reason.
  CHECK_FALSE(c->result);
  CHECK(c->error.find("indicator") != std::string::npos);
}

TEST_CASE("degenerate: constant indicator in the validity battery", "[validity][degenerate]") {
  const Spec spec = parse_spec(kSpec, "t.yaml", ".");
  Dataset d = make_data(40);
  d.values.col(1).setConstant(3.0);
  CHECK_THROWS_MATCHES(structure_validity(d, spec.tree, quick()), DomainError, MessageContains("a2"));
}

TEST_CASE("degenerate: singular R (linear dependence) and n <= k", "[validity][degenerate]") {
  const Spec spec = parse_spec(kSpec, "t.yaml", ".");
  Dataset d = make_data(40);
  d.values.col(2) = d.values.col(0) + d.values.col(1);  // a3 = a1 + a2
  const auto r = structure_validity(d, spec.tree, quick());
  CHECK(has_warning(r.warnings, "reciprocal condition number"));
  CHECK(r.system.kmo.singular);
  CHECK(r.dimensions.at(0).kmo.singular);
  CHECK_FALSE(r.dimensions.at(0).bartlett.has_value());
  CHECK(has_warning(r.warnings, "Bartlett's test not computed"));
  CHECK(r.dimensions.at(1).bartlett.has_value());  // dimension b is fine
  // n <= k: 6 units, 7 indicators: the whole-system R is singular; computed with warnings.
  const auto s = structure_validity(make_data(6), spec.tree, quick());
  CHECK(s.system.kmo.singular);
  CHECK_FALSE(s.system.bartlett.has_value());
  CHECK(has_warning(s.warnings, "reciprocal condition number"));
}

TEST_CASE("degenerate: too many missing values", "[validity][degenerate]") {
  const Spec spec = parse_spec(kSpec, "t.yaml", ".");
  Dataset d = make_data(40);
  // a1 observed on units 0-19 only, a2 on 18-39 only: 2 common units.
  for (Eigen::Index i = 20; i < 40; ++i) d.values(i, 0) = std::numeric_limits<double>::quiet_NaN();
  for (Eigen::Index i = 0; i < 18; ++i) d.values(i, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_MATCHES(structure_validity(d, spec.tree, quick()), InvalidInput, MessageContains("a1"));
  // Listwise: no complete unit left at all.
  StructureValidityOptions lw = quick();
  lw.correlation.missing = MissingCorrelation::Listwise;
  CHECK_THROWS_AS(structure_validity(d, spec.tree, lw), InvalidInput);
  // Reliability: the node is "not computed", the others are.
  const auto nodes = alpha_by_node(d, spec.tree);
  for (const auto& n : nodes) {
    if (n.id == "a") CHECK_FALSE(n.result);
    if (n.id == "bsub") CHECK(n.result);
  }
}
