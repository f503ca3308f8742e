// methods/obstacles against an independent R implementation written from the formulas
// (validation/coupling/coupling.R, R 4.2.2: indicator and group obstacle degrees, the top 3 per
// unit and their frequencies; a missing score, a unit without shortfall, a unit at 0 everywhere),
// and bad input.
#include <catch2/catch.hpp>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/obstacles/obstacles.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
namespace ob = cikit::obstacles;

}  // namespace

TEST_CASE("obstacles: degrees, groups, top 3 and frequencies match the R reference", "[obstacles][validation]") {
  const auto in = cikit_test::read_table(cikit_test::validation_dir() + "/coupling/obstacles_input.csv");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/coupling/ref_obstacles.csv");
  const auto freq = cikit_test::read_table(cikit_test::validation_dir() + "/coupling/ref_obstacles_frequency.csv");
  const Eigen::MatrixXd x = cikit_test::numeric_columns(in, {"x1", "x2", "x3", "x4", "x5", "x6"});
  REQUIRE(x.rows() == 33);
  Eigen::VectorXd f(6);
  f << 0.10, 0.25, 0.15, 0.20, 0.05, 0.25;
  const ob::ObstacleResult r = ob::obstacle_degree(x, f, {{0, 1, 2}, {3, 4, 5}});
  const Eigen::MatrixXd o = cikit_test::numeric_columns(ref, {"o1", "o2", "o3", "o4", "o5", "o6"});
  const Eigen::MatrixXd g = cikit_test::numeric_columns(ref, {"g1", "g2"});
  const Eigen::MatrixXd top = cikit_test::numeric_columns(ref, {"top1", "top2", "top3"});
  CHECK(r.incomplete == std::vector<Eigen::Index>{4});
  CHECK(r.no_shortfall == std::vector<Eigen::Index>{30});
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    INFO("row " << i + 1);
    for (Eigen::Index j = 0; j < 6; ++j) {
      if (std::isnan(o(i, j))) CHECK(std::isnan(r.indicator(i, j)));
      else CHECK_THAT(r.indicator(i, j), WithinAbs(o(i, j), 1e-12));
    }
    CHECK_THAT(r.group(i, 0), WithinAbs(g(i, 0), 1e-12));
    CHECK_THAT(r.group(i, 1), WithinAbs(g(i, 1), 1e-12));
    if (i == 30) continue;  // no shortfall: no top obstacles
    const auto t = ob::top_obstacles(r.indicator, i, 3);
    REQUIRE(t.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) CHECK(t[k] == static_cast<Eigen::Index>(top(i, static_cast<Eigen::Index>(k))));
  }
  const Eigen::VectorXi fr = ob::top_frequencies(r.indicator, 3, r.no_shortfall);
  for (std::size_t j = 1; j < freq.size(); ++j) CHECK(fr(static_cast<Eigen::Index>(j - 1)) == std::stoi(freq[j][1]));
  // Each complete row sums to 1; the unit at 0 everywhere has O = F (the weights sum to 1).
  CHECK_THAT(r.indicator.row(0).sum(), WithinAbs(1.0, 1e-14));
  CHECK_THAT((r.indicator.row(31).transpose() - f).norm(), WithinAbs(0.0, 1e-15));
}

TEST_CASE("obstacles: bad input is refused with a clear message", "[obstacles][errors]") {
  Eigen::MatrixXd x(2, 2);
  x << 0.2, 0.8, -0.1, 0.5;
  CHECK_THROWS_WITH(ob::obstacle_degree(x, Eigen::Vector2d(0.5, 0.5), {}),
                    Contains("-0.1 in row 2, column 1 lies outside [0, 1]"));
  x(1, 0) = 0.1;
  CHECK_THROWS_WITH(ob::obstacle_degree(x, Eigen::Vector3d(0.2, 0.3, 0.5), {}), Contains("3 factor weights for 2"));
  CHECK_THROWS_WITH(ob::obstacle_degree(x, Eigen::Vector2d(-0.5, 1.5), {}), Contains(">= 0"));
  CHECK_THROWS_WITH(ob::obstacle_degree(x, Eigen::Vector2d(0.5, 0.5), {{0, 2}}), Contains("group column 2 out of range"));
}
