// Tests of methods/aggregate/copeland: R reference (validation/aggregate/copeland), a hand
// example, properties (monotone-transform, unit-order and weight-scale invariance) and errors.
#include "methods/aggregate/copeland.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct CopeRef {
  Eigen::MatrixXd x;
  std::vector<std::string> units, ids{"c1", "c2", "c3", "c4"};
  Rows ref;
};

CopeRef load() {
  CopeRef r;
  const std::string dir = cikit_test::validation_dir() + "/aggregate/copeland/";
  const Rows in = cikit_test::read_table(dir + "input.csv");
  r.ref = cikit_test::read_table(dir + "ref_copeland.csv");
  r.x.resize(static_cast<Eigen::Index>(in.size() - 1), 4);
  for (std::size_t i = 1; i < in.size(); ++i) {
    r.units.push_back(in[i][0]);
    for (Eigen::Index j = 0; j < 4; ++j)
      r.x(static_cast<Eigen::Index>(i - 1), j) = cikit_test::ref_number(in[i][static_cast<std::size_t>(j + 1)]);
  }
  return r;
}

}  // namespace

TEST_CASE("Copeland scores match R (weighted and equal weights, ties, missing)", "[aggregate][copeland][reference]") {
  const CopeRef r = load();
  Eigen::VectorXd w1(4), w2 = Eigen::VectorXd::Constant(4, 0.25);
  w1 << 0.4, 0.3, 0.2, 0.1;
  const auto a = cikit::copeland(r.x, w1, r.ids, r.units);
  const auto b = cikit::copeland(r.x, w2, r.ids, r.units);
  for (std::size_t i = 1; i < r.ref.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i - 1);
    INFO("unit " << r.units[i - 1]);
    // Exact: integer counts of pairwise majorities.
    REQUIRE_THAT(a.score(k), WithinAbs(std::stod(r.ref[i][1]), 0));
    REQUIRE(a.wins(k) == std::stoi(r.ref[i][2]));
    REQUIRE(a.losses(k) == std::stoi(r.ref[i][3]));
    REQUIRE_THAT(b.score(k), WithinAbs(std::stod(r.ref[i][4]), 0));
    REQUIRE(b.wins(k) == std::stoi(r.ref[i][5]));
    REQUIRE(b.losses(k) == std::stoi(r.ref[i][6]));
  }
}

TEST_CASE("Copeland: hand example (3 units, Condorcet cycle broken by weights)", "[aggregate][copeland][reference]") {
  // a = (3,1,2), b = (2,3,1), c = (1,2,3): with equal weights every pair is 2:1 in a cycle
  // (a>b, b>c, c>a) so all score 0; with w = (0.5, 0.3, 0.2): a vs b: 0.5+0.2 = 0.7 -> a;
  // b vs c: 0.5+0.3 = 0.8 -> b; a vs c: 0.5 vs 0.5 -> tie. Scores a = 1, b = 0, c = -1.
  Eigen::MatrixXd x(3, 3);
  x << 3, 1, 2, 2, 3, 1, 1, 2, 3;
  const std::vector<std::string> ids{"j1", "j2", "j3"}, units{"a", "b", "c"};
  const auto eq = cikit::copeland(x, Eigen::VectorXd::Constant(3, 1.0 / 3), ids, units);
  REQUIRE(eq.score.isZero());
  Eigen::VectorXd w(3);
  w << 0.5, 0.3, 0.2;
  const auto r = cikit::copeland(x, w, ids, units);
  REQUIRE_THAT(r.score(0), WithinAbs(1, 0));
  REQUIRE_THAT(r.score(1), WithinAbs(0, 0));
  REQUIRE_THAT(r.score(2), WithinAbs(-1, 0));
}

TEST_CASE("Copeland: invariances", "[aggregate][copeland][property]") {
  const CopeRef r = load();
  Eigen::VectorXd w(4);
  w << 0.4, 0.3, 0.2, 0.1;
  const auto base = cikit::copeland(r.x, w, r.ids, r.units);
  // Strictly increasing transform of each column (non-compensatory: only signs of differences).
  Eigen::MatrixXd t = r.x;
  for (Eigen::Index j = 0; j < 4; ++j) t.col(j) = (r.x.col(j).array() * (static_cast<double>(j) + 1.0)).exp() + 7.0 * static_cast<double>(j);
  REQUIRE(cikit::copeland(t, w, r.ids, r.units).score == base.score);
  // Weights scaled by any c > 0.
  REQUIRE(cikit::copeland(r.x, w * 13.0, r.ids, r.units).score == base.score);
  // Unit order.
  const Eigen::Index n = r.x.rows();
  Eigen::MatrixXd rev = r.x.colwise().reverse();
  std::vector<std::string> ru(r.units.rbegin(), r.units.rend());
  const auto b = cikit::copeland(rev, w, r.ids, ru);
  for (Eigen::Index i = 0; i < n; ++i) REQUIRE_THAT(b.score(i), WithinAbs(base.score(n - 1 - i), 0));
}

TEST_CASE("Copeland: errors", "[aggregate][copeland][error]") {
  const CopeRef r = load();
  Eigen::VectorXd w = Eigen::VectorXd::Constant(4, 0.25);
  cikit::CopelandOptions o;
  o.missing = cikit::MissingPolicy::Error;
  REQUIRE_THROWS_WITH(cikit::copeland(r.x, w, r.ids, r.units, o), Catch::Contains("unit 'k03'") && Catch::Contains("c2"));
  w(1) = -1;
  REQUIRE_THROWS_AS(cikit::copeland(r.x, w, r.ids, r.units), cikit::InvalidInput);
}
