// Tests of methods/weighting/bod (benefit of the doubt): R lpSolve references
// (validation/weighting/bod), the OECD/JRC TAI data (../shared/data/oecd-tai, skipped when
// absent), LP optimality properties, thread invariance, the robust variant, errors.

#include "methods/weighting/bod.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using cikit::benefit_of_doubt;
using cikit::BodOptions;

namespace {
std::string dir() { return cikit_test::validation_dir() + "/weighting/bod"; }

/// The weights of unit c are feasible (no unit above 1, w >= 0) and attain the score.
void require_optimal_vertex(const Eigen::MatrixXd& y, const cikit::BodResult& r) {
  for (Eigen::Index c = 0; c < y.rows(); ++c) {
    REQUIRE(r.weights.row(c).minCoeff() >= -1e-12);
    REQUIRE((y * r.weights.row(c).transpose()).maxCoeff() <= 1 + 1e-9);
    REQUIRE_THAT(y.row(c).dot(r.weights.row(c)), WithinAbs(r.score(c), 1e-9));
  }
}
}  // namespace

TEST_CASE("bod scores match R lpSolve on synthetic data", "[weighting][bod][reference]") {
  const Eigen::MatrixXd y = cikit_test::read_matrix(dir() + "/input_synthetic.csv", 0);
  const Eigen::MatrixXd ref = cikit_test::read_matrix(dir() + "/ref_synthetic.csv", 0);
  const auto r = benefit_of_doubt(y);
  // Tolerance 1e-9 absolute: both solvers stop at their optimal vertex (round-off ~1e-15);
  // observed max deviation printed by the test log is ~1e-16.
  REQUIRE((r.score - ref.col(0)).cwiseAbs().maxCoeff() <= 1e-9);
  require_optimal_vertex(y, r);
  REQUIRE_THAT(r.mean_share.sum(), WithinAbs(1.0, 1e-12));
  for (Eigen::Index c = 0; c < y.rows(); ++c) REQUIRE_THAT(r.shares.row(c).sum(), WithinAbs(1.0, 1e-9));
}

TEST_CASE("bod with pie-share restrictions matches R lpSolve (held-out case)", "[weighting][bod][reference]") {
  const Eigen::MatrixXd y = cikit_test::read_matrix(dir() + "/input_synthetic.csv", 0);
  const Eigen::MatrixXd ref = cikit_test::read_matrix(dir() + "/ref_synthetic_shares.csv", 0);
  BodOptions o;
  o.share_lower = Eigen::VectorXd::Constant(5, 0.05);
  o.share_upper = Eigen::VectorXd::Constant(5, 0.5);
  const auto r = benefit_of_doubt(y, o);
  REQUIRE((r.score - ref.col(0)).cwiseAbs().maxCoeff() <= 1e-9);
  for (Eigen::Index c = 0; c < y.rows(); ++c)
    if (r.score(c) > 0) {
      REQUIRE(r.shares.row(c).minCoeff() >= 0.05 - 1e-9);
      REQUIRE(r.shares.row(c).maxCoeff() <= 0.5 + 1e-9);
    }
}

TEST_CASE("bod on the OECD/JRC TAI data matches R lpSolve", "[weighting][bod][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const std::string file = cikit_test::shared_data_dir() + "/oecd-tai/tai23_raw.csv";
  Eigen::MatrixXd x = cikit_test::read_matrix(file, 1);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double lo = x.col(j).minCoeff(), hi = x.col(j).maxCoeff();
    x.col(j) = ((x.col(j).array() - lo) / (hi - lo)).matrix();
  }
  const auto ref = cikit_test::read_table(dir() + "/ref_tai.csv");
  const auto r = benefit_of_doubt(x);
  BodOptions o;
  o.share_lower = Eigen::VectorXd::Constant(8, 0.05);
  o.share_upper = Eigen::VectorXd::Constant(8, 0.3);
  const auto rs = benefit_of_doubt(x, o);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    REQUIRE_THAT(r.score(i), WithinAbs(cikit_test::ref_number(ref.at(static_cast<std::size_t>(i) + 1).at(1)), 1e-9));
    REQUIRE_THAT(rs.score(i), WithinAbs(cikit_test::ref_number(ref.at(static_cast<std::size_t>(i) + 1).at(2)), 1e-9));
  }
  // The Handbook's Table 19 (bounds not stated there) gives Finland, USA and Sweden score 1;
  // unrestricted BoD on min-max data gives them 1 too.
  REQUIRE_THAT(r.score(0), WithinAbs(1.0, 1e-12));
  REQUIRE_THAT(r.score(1), WithinAbs(1.0, 1e-12));
  REQUIRE_THAT(r.score(2), WithinAbs(1.0, 1e-12));
}

TEST_CASE("bod: hand-checkable case, absolute bounds, thread invariance, robust variant", "[weighting][bod][property]") {
  // Two indicators; unit 0 = (1, 0), unit 1 = (0, 1), unit 2 = (0.5, 0.5): all three lie on the
  // frontier w1 + w2 <= 1 attainable by (1, 1): scores 1, 1, 1; unit 3 = (0.25, 0.25) scores 0.5.
  Eigen::MatrixXd y(4, 2);
  y << 1, 0, 0, 1, 0.5, 0.5, 0.25, 0.25;
  const auto r = benefit_of_doubt(y);
  REQUIRE_THAT(r.score(2), WithinAbs(1.0, 1e-12));
  REQUIRE_THAT(r.score(3), WithinAbs(0.5, 1e-12));
  // Absolute bounds w_j <= 0.6: unit 0 can only reach 0.6.
  BodOptions o;
  o.upper = Eigen::VectorXd::Constant(2, 0.6);
  REQUIRE_THAT(benefit_of_doubt(y, o).score(0), WithinAbs(0.6, 1e-12));

  const Eigen::MatrixXd s = cikit_test::read_matrix(dir() + "/input_synthetic.csv", 0);
  BodOptions one, two;
  one.threads = 1;
  two.threads = 2;
  one.robust_m = two.robust_m = 10;
  one.robust_b = two.robust_b = 20;
  const auto a = benefit_of_doubt(s, one);
  const auto b = benefit_of_doubt(s, two);
  REQUIRE((a.weights - b.weights).cwiseAbs().maxCoeff() <= 0);
  REQUIRE((a.robust_score - b.robust_score).cwiseAbs().maxCoeff() <= 0);
  // Order-m scores are at least the full-frontier scores (a sub-sample frontier lies below).
  for (Eigen::Index c = 0; c < s.rows(); ++c) REQUIRE(a.robust_score(c) >= a.score(c) - 1e-9);
  one.seed = 7;
  REQUIRE((benefit_of_doubt(s, one).robust_score - a.robust_score).cwiseAbs().maxCoeff() > 0);
}

TEST_CASE("bod: bad input gets a clear error", "[weighting][bod][error]") {
  Eigen::MatrixXd y(3, 2);
  y << 1, 2, 3, 4, 5, 6;
  BodOptions o;
  o.unit_ids = {"u1", "u2", "u3"};
  o.ids = {"a", "b"};
  o.node = "root";
  Eigen::MatrixXd bad = y;
  bad(1, 0) = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_WITH(benefit_of_doubt(bad, o), Contains("missing value") && Contains("u2") && Contains("'a'"));
  bad(1, 0) = -1;
  REQUIRE_THROWS_WITH(benefit_of_doubt(bad, o), Contains("negative") && Contains("u2"));
  BodOptions lo = o;
  lo.lower = Eigen::VectorXd::Constant(2, 0.2);  // u3: 0.2*5 + 0.2*6 = 2.2 > 1
  REQUIRE_THROWS_WITH(benefit_of_doubt(y, lo), Contains("infeasible weight bounds") && Contains("u3") &&
                                                   Contains("root"));
  BodOptions sh = o;
  sh.share_lower = Eigen::VectorXd::Constant(2, 0.6);  // 0.6 + 0.6 > 1
  REQUIRE_THROWS_WITH(benefit_of_doubt(y, sh), Contains("infeasible pie-share") && Contains("root"));
  BodOptions g = o;
  g.groups = {cikit::BodGroup{"dim1", {0}, 0.7, 0.4}};
  REQUIRE_THROWS_WITH(benefit_of_doubt(y, g), Contains("dim1"));
  BodOptions sz = o;
  sz.upper = Eigen::VectorXd::Constant(3, 1.0);
  REQUIRE_THROWS_WITH(benefit_of_doubt(y, sz), Contains("3 entries for 2"));
}
