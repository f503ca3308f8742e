// Aggregation, ranking and the whole build_index pipeline, against base R (validation/aggregate).
#include <catch2/catch.hpp>

#include <cmath>

#include "methods/aggregate/aggregate.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "support.hpp"

using Catch::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::vector<std::string>> read_ref(const std::string& name) {
  return cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/" + name);
}
double num(const std::string& s) { return cikit_test::ref_number(s); }
}  // namespace

TEST_CASE("weighted arithmetic mean, available-case", "[aggregate][arithmetic][reference]") {
  Eigen::MatrixXd x(3, 3);
  x << 10, 20, 30,  //
      kNaN, 20, 40,  //
      kNaN, kNaN, kNaN;
  Eigen::VectorXd w(3);
  w << 0.5, 0.3, 0.2;
  const auto r = cikit::weighted_arithmetic(x, w, cikit::MissingPolicy::Available, {"p", "q", "s"}, {"u1", "u2", "u3"});
  // Hand computation: 0.5*10 + 0.3*20 + 0.2*30 = 17; (0.3*20 + 0.2*40)/0.5 = 28.
  CHECK_THAT(r.score(0), WithinRel(17.0, 1e-15));
  CHECK_THAT(r.score(1), WithinRel(28.0, 1e-15));
  CHECK(std::isnan(r.score(2)));
  CHECK(r.n_missing(0) == 0);
  CHECK(r.n_missing(1) == 1);
  CHECK(r.n_missing(2) == 3);
  REQUIRE_THROWS_WITH(cikit::weighted_arithmetic(x, w, cikit::MissingPolicy::Error, {"p", "q", "s"}, {"u1", "u2", "u3"}),
                      Contains("indicator 'p', unit 'u2': missing value in aggregation"));
  Eigen::VectorXd bad(3);
  bad << 0.5, -0.1, 0.6;
  REQUIRE_THROWS_WITH(cikit::weighted_arithmetic(x, bad, cikit::MissingPolicy::Available, {"p", "q", "s"}, {"u1", "u2", "u3"}),
                      Contains("must be finite and >= 0"));
}

TEST_CASE("ranking: competition 'min' ties, missing unranked, as R", "[aggregate][rank][reference]") {
  const auto ref = read_ref("ref_ties.csv");
  Eigen::VectorXd s(static_cast<Eigen::Index>(ref.size() - 1));
  for (std::size_t i = 1; i < ref.size(); ++i) s(static_cast<Eigen::Index>(i - 1)) = num(ref[i][0]);
  const Eigen::VectorXi r = cikit::rank_descending(s);
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const double want = num(ref[i][1]);
    CHECK(r(static_cast<Eigen::Index>(i - 1)) == (std::isnan(want) ? 0 : static_cast<int>(want)));
  }
}

TEST_CASE("build_index on the mini example equals base R", "[aggregate][build_index][reference]") {
  const auto spec = cikit::read_spec(std::string(CIKIT_SOURCE_DIR) + "/tests/cli/cases/good.yaml");
  const auto data = cikit::load_data(spec);
  const auto r = cikit::build_index(data, spec.tree, spec.config);
  const auto ref = read_ref("ref_good_index.csv");
  const auto& header = ref[0];
  const auto& t = spec.tree;
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const auto u = static_cast<Eigen::Index>(i - 1);
    REQUIRE(data.unit_ids[i - 1] == ref[i][0]);
    for (std::size_t c = 1; c < header.size(); ++c) {
      const std::string& col = header[c];
      const double want = num(ref[i][c]);
      if (col.rfind("rank_", 0) == 0) {
        CHECK(r.ranks(u, *t.find(col.substr(5))) == static_cast<int>(want));
      } else if (std::isnan(want)) {
        CHECK(std::isnan(r.scores(u, *t.find(col))));
      } else {
        // Closed-form arithmetic: only summation order can differ (1e-12 relative, 1e-12 absolute at 0).
        CHECK_THAT(r.scores(u, *t.find(col)), WithinRel(want, 1e-12) || WithinAbs(want, 1e-12));
      }
    }
  }
  CHECK(r.n_missing_values == 1);
  CHECK(r.n_missing(2, *t.find("b")) == 1);
  // Global weights of the leaves sum to 1 (equal: 1/4 each).
  for (int leaf : t.leaves()) CHECK_THAT(r.weights.global(leaf), WithinRel(0.25, 1e-15));
}

TEST_CASE("build_index: given weights and their renormalisation", "[aggregate][build_index][property]") {
  auto spec = cikit::parse_spec(
      "index: {id: x}\ndata: {file: d.csv, unit: id}\nmethods: {weights: given}\ntree:\n"
      "  - {id: g1, weight: 3, children: [{id: i1, direction: \"+\", weight: 1}, {id: i2, direction: \"+\", weight: 1}]}\n"
      "  - {id: g2, weight: 1, children: [{id: i3, direction: \"+\", weight: 2}]}\n",
      "t.yaml", ".");
  cikit::Dataset d;
  d.unit_ids = {"a", "b", "c"};
  d.indicator_ids = {"i1", "i2", "i3"};
  d.values.resize(3, 3);
  d.values << 0, 1, 2,  //
      1, 2, 3,          //
      2, 0, 4;
  const auto r = cikit::build_index(d, spec.tree, spec.config);
  const auto& t = spec.tree;
  CHECK_THAT(r.weights.local(*t.find("g1")), WithinRel(0.75, 1e-15));
  CHECK_THAT(r.weights.global(*t.find("i1")), WithinRel(0.375, 1e-15));
  CHECK(r.warnings.size() == 3);  // root (3+1), g1 (1+1), g2 (2) do not sum to 1
  // unit a: i1=0, i2=50, i3=0 -> g1 = 25, g2 = 0 -> 0.75*25 = 18.75
  CHECK_THAT(r.scores(0, 0), WithinRel(18.75, 1e-14));
}

TEST_CASE("build_index: errors", "[aggregate][build_index][error]") {
  const auto spec = cikit::parse_spec(
      "index: {id: x}\ndata: {file: d.csv, unit: id}\ntree:\n  - {id: i1, direction: \"+\"}\n  - {id: i2, direction: \"+\"}\n",
      "t.yaml", ".");
  cikit::Dataset d;
  d.unit_ids = {"a"};
  d.indicator_ids = {"i1", "i2"};
  d.values = Eigen::MatrixXd::Ones(1, 2);
  REQUIRE_THROWS_WITH(cikit::build_index(d, spec.tree, spec.config), Contains("at least 2 units"));
  d.indicator_ids = {"i2", "i1"};
  REQUIRE_THROWS_WITH(cikit::build_index(d, spec.tree, spec.config), Contains("data column 1 is 'i2'"));
}
