// The spec's method keys (methods.treat, per-indicator normalize/transform/target, per-node
// aggregate), the preflight check of method combinations, and build_index's per-node wiring.
#include "methods/aggregate/preflight.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "methods/aggregate/build_index.hpp"
#include "methods/aggregate/copeland.hpp"
#include "methods/aggregate/means.hpp"
#include "methods/aggregate/topsis.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"

using Catch::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const std::string kHead = R"(index: {id: mini, label: {en: Mini}}
data: {file: good.csv, unit: id}
)";
const std::string kTree = R"(tree:
  - id: a
    children:
      - {id: a1, direction: "+"}
      - {id: a2, direction: "-"}
  - id: b
    children:
      - {id: b1, direction: "+"}
      - {id: b2, direction: "+"}
)";

cikit::Spec parse(const std::string& methods, const std::string& tree = kTree) {
  return cikit::parse_spec(kHead + methods + tree, "t.yaml", "/base");
}

/// tests/cli/cases/good.csv as a Dataset (6 units, b1 of u3 missing).
cikit::Dataset good_data() {
  cikit::Dataset d;
  d.unit_ids = {"u1", "u2", "u3", "u4", "u5", "u6"};
  d.indicator_ids = {"a1", "a2", "b1", "b2"};
  d.values.resize(6, 4);
  d.values << 10, 5, 1.5, 100, 20, 4, 2.5, 90, 30, 3, std::nan(""), 80, 40, 2, 4.5, 70, 50, 1, 5.5, 60, 25, 2.5, 3, 85;
  return d;
}

std::string all_messages(const std::vector<cikit::PreflightIssue>& v) {
  std::string s;
  for (const auto& i : v) s += i.node + ": " + i.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("spec: methods.treat, normalisation/aggregation parameters and tree overrides", "[core][spec][methods]") {
  const auto s = parse(R"(methods:
  treat: {impute: group_mean, group: region, outliers: winsorise, winmax: 3, skew: 2.5, kurtosis: 4, fallback: log}
  normalize: {method: distance_ref, range: [1, 100], reference: u2, cap: true}
  aggregate: {method: power, power: 0.5, zeros: shift, shift: 1, topsis: minmax}
)",
                       R"(tree:
  - id: a
    aggregate: geometric
    children:
      - {id: a1, direction: "+", normalize: rank, transform: log_ct}
      - {id: a2, direction: "-", target: 1.5, normalize: distance_target}
  - id: b
    aggregate: {method: power, power: 2}
    children:
      - {id: b1, direction: "+", transform: none}
      - {id: b2, direction: "+"}
)");
  const auto& c = s.config;
  CHECK(c.treat.impute == cikit::ImputeMethod::GroupMean);
  CHECK(c.treat.group == "region");
  CHECK(c.treat.outliers == cikit::OutlierMethod::Winsorise);
  CHECK(c.treat.winmax == 3);
  CHECK(c.treat.fallback == cikit::TransformMethod::Log);
  CHECK(c.treat.transform_by_indicator.at("a1") == cikit::TransformMethod::LogCT);
  CHECK(c.treat.transform_by_indicator.at("b1") == cikit::TransformMethod::None);
  CHECK(c.normalize == cikit::NormalizeMethod::DistanceToReference);
  CHECK(c.reference_unit == "u2");
  CHECK(c.cap_at_target);
  CHECK(c.normalize_by_indicator.at("a1") == cikit::NormalizeMethod::Rank);
  CHECK(c.aggregate == cikit::AggregateMethod::Power);
  CHECK(c.aggregate_params.zeros == cikit::ZeroPolicy::Shift);
  CHECK(c.aggregate_params.topsis == cikit::TopsisNorm::MinMax);
  CHECK(c.aggregate_by_node.at("a").method == cikit::AggregateMethod::Geometric);
  CHECK(c.aggregate_by_node.at("b").method == cikit::AggregateMethod::Power);
  CHECK_THAT(c.aggregate_by_node.at("b").power, WithinAbs(2.0, 0.0));
  CHECK(s.tree.node(*s.tree.find("a2")).target.has_value());
}

TEST_CASE("spec: method-key errors are located", "[core][spec][methods][error]") {
  CHECK_THROWS_WITH(parse("methods: {treat: {impute: group_mean}}\n"), Contains("needs methods.treat.group"));
  CHECK_THROWS_WITH(parse("methods: {aggregate: {method: geometric, zeros: shift}}\n"), Contains("needs methods.aggregate.shift"));
  CHECK_THROWS_WITH(parse("methods: {normalize: {method: rankk}}\n"), Contains("unknown normalisation method 'rankk'"));
  CHECK_THROWS_WITH(parse("", R"(tree:
  - id: a
    children:
      - {id: a1, direction: "+", aggregate: geometric}
)"),
                    Contains("t.yaml:6:") && Contains("only groups"));
  CHECK_THROWS_WITH(parse("", R"(tree:
  - id: a
    normalize: rank
    children:
      - {id: a1, direction: "+"}
)"),
                    Contains("a node is either a group or an indicator"));
  CHECK_THROWS_WITH(parse("", R"(tree:
  - id: a
    children:
      - {id: a1, direction: "+", transform: sqrt}
)"),
                    Contains("unknown transform 'sqrt'"));
}

TEST_CASE("preflight refuses combinations that cannot work, naming node and indicator", "[aggregate][preflight][error]") {
  const cikit::Dataset d = good_data();
  SECTION("geometric mean over z-scores") {
    const auto s = parse("methods: {normalize: zscore, aggregate: geometric}\n");
    const auto v = cikit::preflight(s.tree, s.config, d.values, d.unit_ids);
    const std::string m = all_messages(v);
    CHECK(v.size() == 6);  // a1, a2 under a; b1, b2 under b; a and b (then "any") under the geometric root
    CHECK_THAT(m, Contains("node 'a' uses the geometric mean") && Contains("indicator 'a1' (zscore normalisation) can be negative"));
    CHECK_THROWS_AS(cikit::build_index(d, s.tree, s.config), cikit::DomainError);
  }
  SECTION("geometric mean over min-max 0-100: zeros; allowed with zeros: shift or range above 0") {
    auto s = parse("methods: {aggregate: geometric}\n");
    const auto v = cikit::preflight(s.tree, s.config, d.values, d.unit_ids);
    CHECK_THAT(all_messages(v), Contains("can be 0") && Contains("zeros: shift"));
    s.config.aggregate_params.zeros = cikit::ZeroPolicy::Shift;
    s.config.aggregate_params.shift = 1;
    CHECK(cikit::preflight(s.tree, s.config, d.values, d.unit_ids).empty());
    s.config.aggregate_params.zeros = cikit::ZeroPolicy::Error;
    s.config.range_lo = 1;
    CHECK(cikit::preflight(s.tree, s.config, d.values, d.unit_ids).empty());
  }
  SECTION("harmonic mean at the root over a Copeland group") {
    auto s = parse("methods: {normalize: {method: minmax, range: [1, 100]}, aggregate: harmonic}\n");
    s.config.aggregate_by_node["b"] = cikit::NodeAggregate{cikit::AggregateMethod::Copeland, 1};
    const std::string m = all_messages(cikit::preflight(s.tree, s.config, d.values, d.unit_ids));
    CHECK_THAT(m, Contains("node 'mini' uses the harmonic mean") && Contains("group 'b' (copeland aggregation)"));
  }
  SECTION("coefficient-of-variation weights over z-scores") {
    const auto s = parse("methods: {normalize: zscore, weights: cv}\n");
    CHECK_THAT(all_messages(cikit::preflight(s.tree, s.config, d.values, d.unit_ids)), Contains("coefficient-of-variation"));
  }
  SECTION("plain log and ratios over non-positive values") {
    cikit::Dataset z = d;
    z.values(1, 0) = 0;
    auto s = parse("methods: {normalize: ratio_max}\n");
    s.config.treat.transform_by_indicator["a1"] = cikit::TransformMethod::Log;
    const std::string m = all_messages(cikit::preflight(s.tree, s.config, z.values, z.unit_ids));
    CHECK_THAT(m, Contains("indicator 'a1' has transform: log, but unit 'u2' has value 0"));
    CHECK_THAT(m, Contains("uses ratio_max but unit 'u2' has value 0"));
  }
  SECTION("distance methods need a target / reference; overrides must name real nodes") {
    auto s = parse("methods: {normalize: distance_target}\n");
    s.config.aggregate_by_node["a1"] = cikit::NodeAggregate{};
    s.config.normalize_by_indicator["zz"] = cikit::NormalizeMethod::Rank;
    const std::string m = all_messages(cikit::preflight(s.tree, s.config, d.values, d.unit_ids));
    CHECK_THAT(m, Contains("indicator 'a1' uses distance_target but has no `target:`"));
    CHECK_THAT(m, Contains("'a1', which is not a group"));
    CHECK_THAT(m, Contains("'zz', which is not an indicator"));
    auto r = parse("methods: {normalize: {method: distance_ref, reference: nobody}}\n");
    CHECK_THAT(all_messages(cikit::preflight(r.tree, r.config, d.values, d.unit_ids)), Contains("'nobody', which is not a unit"));
  }
  SECTION("rank and ratios are positive: geometric allowed") {
    const auto s = parse("methods: {normalize: rank, aggregate: geometric}\n");
    CHECK(cikit::preflight(s.tree, s.config, d.values, d.unit_ids).empty());
  }
}

TEST_CASE("build_index: per-node aggregation and per-indicator normalisation are applied", "[aggregate][build_index]") {
  const cikit::Dataset d = good_data();
  auto s = parse("methods: {normalize: {method: minmax, range: [1, 100]}}\n");
  s.config.aggregate_by_node["a"] = cikit::NodeAggregate{cikit::AggregateMethod::Geometric, 1};
  s.config.aggregate_by_node["b"] = cikit::NodeAggregate{cikit::AggregateMethod::Topsis, 1};
  s.config.aggregate_by_node["mini"] = cikit::NodeAggregate{cikit::AggregateMethod::Copeland, 1};
  s.config.normalize_by_indicator["b2"] = cikit::NormalizeMethod::Rank;
  const auto r = cikit::build_index(d, s.tree, s.config);
  const int a = *s.tree.find("a"), b = *s.tree.find("b"), a1 = *s.tree.find("a1"), a2 = *s.tree.find("a2"),
            b1 = *s.tree.find("b1"), b2 = *s.tree.find("b2");
  // b2 ranks (1 = worst, larger = better): values 100, 90, 80, 70, 60, 85 -> 6, 5, 3, 2, 1, 4.
  const double ranks[] = {6, 5, 3, 2, 1, 4};
  for (Eigen::Index i = 0; i < 6; ++i) {
    CHECK_THAT(r.scores(i, b2), WithinAbs(ranks[i], 0));
    CHECK_THAT(r.scores(i, a), WithinRel(std::sqrt(r.scores(i, a1) * r.scores(i, a2)), 1e-14));
  }
  Eigen::MatrixXd xb(6, 2);
  xb << r.scores.col(b1), r.scores.col(b2);
  const auto t = cikit::topsis(xb, Eigen::Vector2d(0.5, 0.5));
  for (Eigen::Index i = 0; i < 6; ++i) {
    if (std::isnan(t.closeness(i))) CHECK(std::isnan(r.scores(i, b)));
    else CHECK_THAT(r.scores(i, b), WithinRel(t.closeness(i), 1e-14));
  }
  CHECK(std::isnan(r.scores(2, b)));  // u3 misses b1: TOPSIS drops it (listwise) ...
  Eigen::MatrixXd xr(6, 2);
  xr << r.scores.col(a), r.scores.col(b);
  const auto c = cikit::copeland(xr, Eigen::Vector2d(0.5, 0.5), {"a", "b"}, d.unit_ids);
  for (Eigen::Index i = 0; i < 6; ++i) CHECK_THAT(r.scores(i, 0), WithinAbs(c.score(i), 0));  // ... Copeland compares it on 'a'
  CHECK(r.aggregation[static_cast<std::size_t>(b)].method == cikit::AggregateMethod::Topsis);
  CHECK(r.normalization.methods[3] == cikit::NormalizeMethod::Rank);
}
