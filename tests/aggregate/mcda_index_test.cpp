// The MCDA aggregations inside the index: spec keys (methods.aggregate rho/v/rsr/tiers, tree
// entry preference:, methods.normalize: none), build_index's details per node, cost criteria
// from raw `-` indicators, and the errors naming file line / node / indicator.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "methods/aggregate/build_index.hpp"
#include "methods/aggregate/promethee.hpp"
#include "methods/aggregate/vikor.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"

using Catch::Contains;
using Catch::Matchers::WithinAbs;

namespace {

const std::string kHead = R"(index: {id: mini, label: {en: Mini}}
data: {file: good.csv, unit: id}
)";

cikit::Spec parse(const std::string& text) { return cikit::parse_spec(kHead + text, "t.yaml", "/base"); }

cikit::Dataset data() {
  cikit::Dataset d;
  d.unit_ids = {"u1", "u2", "u3", "u4", "u5", "u6"};
  d.indicator_ids = {"a1", "a2", "a3"};
  d.values.resize(6, 3);
  d.values << 10, 5, 1.5, 20, 4, 2.5, 30, 3, 2, 40, 2, 4.5, 50, 1, 5.5, 25, 2.5, 3;
  return d;
}

const std::string kRawTree = R"(tree:
  - {id: a1, direction: "+", preference: {function: linear, q: 2, p: 15}}
  - {id: a2, direction: "-", preference: {function: v_shape, p: 3}}
  - {id: a3, direction: "+", preference: {function: gaussian, s: 1}}
)";

}  // namespace

TEST_CASE("spec: MCDA keys of methods.aggregate and the tree's preference:", "[aggregate][mcda][spec]") {
  const auto s = parse("methods: {normalize: none, aggregate: {method: vikor, v: 0.25, rho: 0.4, rsr: noninteger, "
                       "tiers: 5}}\n" +
                       kRawTree);
  CHECK(s.config.normalize == cikit::NormalizeMethod::None);
  CHECK(s.config.aggregate == cikit::AggregateMethod::Vikor);
  CHECK_THAT(s.config.aggregate_params.vikor_v, WithinAbs(0.25, 0));
  CHECK_THAT(s.config.aggregate_params.gra_rho, WithinAbs(0.4, 0));
  CHECK(s.config.aggregate_params.rsr == cikit::RsrRanking::NonInteger);
  CHECK(s.config.aggregate_params.rsr_tiers == 5);
  CHECK(s.config.preference_by_node.at("a1").function == cikit::PreferenceFunction::Linear);
  CHECK_THAT(s.config.preference_by_node.at("a1").p, WithinAbs(15, 0));
  // v_shape without p, q > p, a bad v: errors at the file line.
  std::string bad = kRawTree;
  bad.replace(bad.find("{function: v_shape, p: 3}"), 25, "v_shape");
  CHECK_THROWS_WITH(parse("methods: {aggregate: promethee}\n" + bad), Contains("t.yaml:6") && Contains("p > 0"));
  CHECK_THROWS_WITH(parse(R"(methods: {aggregate: promethee}
tree:
  - {id: a1, direction: "+", preference: {function: linear, q: 5, p: 2}}
)"),
                    Contains("t.yaml:5") && Contains("'a1'") && Contains("q = 5"));
  CHECK_THROWS_WITH(parse("methods: {aggregate: {method: vikor, v: 2}}\n" + kRawTree), Contains("t.yaml:3"));
}

TEST_CASE("index: VIKOR and PROMETHEE on raw values with details per unit", "[aggregate][mcda][index]") {
  const std::string& tree = kRawTree;
  const cikit::Dataset d = data();
  for (const std::string m : {"vikor", "promethee", "gra", "copras", "edas", "rsr", "topsis"}) {
    SECTION(m) {
      const auto s = parse("methods: {normalize: none, aggregate: " + m + "}\n" + tree);
      const auto r = cikit::build_index(d, s.tree, s.config);
      const auto& det = r.details.at(static_cast<std::size_t>(s.tree.root()));
      if (m == "topsis") {
        CHECK(det.empty());
        continue;
      }
      REQUIRE_FALSE(det.empty());
      CHECK(det.values.rows() == 6);
      // Raw values kept by normalize none; a2 ("-") is a cost criterion of the method.
      CHECK_THAT(r.scores(2, 2), WithinAbs(3.0, 0));  // u3's a2
      if (m == "vikor") {
        cikit::VikorOptions o;
        o.directions = {cikit::Direction::Positive, cikit::Direction::Negative, cikit::Direction::Positive};
        const auto v = cikit::vikor(d.values, Eigen::Vector3d::Constant(1.0 / 3), o);
        for (Eigen::Index i = 0; i < 6; ++i) {
          CHECK_THAT(r.scores(i, 0), WithinAbs(1 - v.q(i), 1e-15));
          CHECK_THAT(det.values(i, 2), WithinAbs(v.q(i), 0));
        }
        CHECK(det.names == std::vector<std::string>{"s", "r", "q", "compromise"});
        CHECK(det.summary.size() == 4);
      }
      if (m == "promethee") {
        cikit::PrometheeOptions o;
        o.directions = {cikit::Direction::Positive, cikit::Direction::Negative, cikit::Direction::Positive};
        o.preferences = {s.config.preference_by_node.at("a1"), s.config.preference_by_node.at("a2"),
                         s.config.preference_by_node.at("a3")};
        const auto p = cikit::promethee_ii(d.values, Eigen::Vector3d::Constant(1.0 / 3), o);
        for (Eigen::Index i = 0; i < 6; ++i) CHECK_THAT(r.scores(i, 0), WithinAbs(p.phi(i), 1e-15));
        CHECK(det.names == std::vector<std::string>{"phi_plus", "phi_minus", "phi"});
      }
    }
  }
}

TEST_CASE("index: a raw '-' indicator under a mean is refused", "[aggregate][mcda][error]") {
  const auto s = parse("methods: {normalize: none, aggregate: arithmetic}\n" + kRawTree);
  CHECK_THROWS_WITH(cikit::build_index(data(), s.tree, s.config), Contains("'a2'") && Contains("normalize: none"));
}
