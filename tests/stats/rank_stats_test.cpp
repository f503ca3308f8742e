// Tests of methods/sensitivity/rank_stats: hand-computed rank statistics and rank shifts, and
// Spearman / Kendall tau-b against R (validation/sensitivity/rank_correlation).
#include "methods/stats/rank_stats.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <vector>

#include "methods/core/error.hpp"
#include "sensitivity/sens_support.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using sens_test::MessageContains;

namespace {
// 5 runs × 3 units, nominal (1, 2, 3).
Eigen::MatrixXi small_ranks() {
  Eigen::MatrixXi r(5, 3);
  r << 1, 2, 3,  //
      2, 1, 3,   //
      1, 3, 2,   //
      3, 1, 2,   //
      1, 2, 3;
  return r;
}
}  // namespace

TEST_CASE("rank_stats: hand-computed small case", "[sensitivity][rank_stats][reference]") {
  // By hand (type-7, h = (M - 1) p with M = 5):
  //   unit 1: ranks 1,2,1,3,1 -> sorted 1,1,1,2,3: mean 1.6, median 1, Q5 = 1, Q95 = 2 + 0.8·1 = 2.8
  //   unit 2: 2,1,3,1,2 -> 1,1,2,2,3: mean 1.8, median 2, Q5 = 1, Q95 = 2.8
  //   unit 3: 3,3,2,2,3 -> 2,2,3,3,3: mean 2.6, median 3, Q5 = 2, Q95 = 3
  // (R: quantile(c(1,2,1,3,1), c(.05, .5, .95)) = 1, 1, 2.8.) Closed form: 1e-12.
  Eigen::VectorXi nominal(3);
  nominal << 1, 2, 3;
  const auto s = cikit::rank_statistics(small_ranks(), nominal);
  const double mean[] = {1.6, 1.8, 2.6};
  const double med[] = {1, 2, 3};
  const double q5[] = {1, 1, 2};
  const double q95[] = {2.8, 2.8, 3};
  for (int u = 0; u < 3; ++u) {
    CHECK_THAT(s.mean(u), WithinRel(mean[u], 1e-12));
    CHECK_THAT(s.median(u), WithinRel(med[u], 1e-12));
    CHECK_THAT(s.lower(u), WithinRel(q5[u], 1e-12));
    CHECK_THAT(s.upper(u), WithinRel(q95[u], 1e-12));
    CHECK(s.n_runs(u) == 5);
    CHECK(s.nominal(u) == nominal(u));
  }
  CHECK_THAT(s.mean_interval_width, WithinRel(4.6 / 3.0, 1e-12));
  CHECK(s.warnings.empty());
  // R̄s by hand: run 1: 0; run 2: (1 + 1 + 0)/3; run 3: (0 + 1 + 1)/3; run 4: (2 + 1 + 1)/3; run 5: 0.
  const Eigen::VectorXd rs = cikit::mean_abs_rank_shift(small_ranks(), nominal);
  const double ref[] = {0, 2.0 / 3, 2.0 / 3, 4.0 / 3, 0};
  for (int r = 0; r < 5; ++r) CHECK_THAT(rs(r), WithinRel(ref[r], 1e-12) || WithinAbs(0, 0));
}

TEST_CASE("rank_stats: unranked entries are excluded per unit and counted", "[sensitivity][rank_stats][property]") {
  Eigen::MatrixXi r = small_ranks();
  r(0, 2) = 0;  // unit 3 unranked in run 1
  r(3, 0) = 0;  // unit 1 unranked in run 4
  Eigen::VectorXi nominal(3);
  nominal << 1, 2, 0;  // unit 3 unranked nominally
  const auto s = cikit::rank_statistics(r, nominal);
  CHECK(s.n_runs(0) == 4);
  CHECK(s.n_runs(2) == 4);
  CHECK_THAT(s.mean(0), WithinRel(5.0 / 4.0, 1e-12));  // 1,2,1,1
  REQUIRE(!s.warnings.empty());
  // R̄s skips unit 3 (unranked nominally) and unit 1 in run 4: run 4 = |2 - 1| / 1.
  const Eigen::VectorXd rs = cikit::mean_abs_rank_shift(r, nominal);
  CHECK_THAT(rs(3), WithinRel(1.0, 1e-12));
  CHECK_THAT(rs(1), WithinRel(1.0, 1e-12));  // (|1-2| + |2-1|)/2
  // A unit never ranked: NaN statistics and a warning.
  Eigen::MatrixXi z = small_ranks();
  z.col(1).setZero();
  const auto sz = cikit::rank_statistics(z, Eigen::Vector3i(1, 2, 3));
  CHECK(std::isnan(sz.mean(1)));
  CHECK(sz.n_runs(1) == 0);
  CHECK(sz.warnings.front().find("unranked in every run") != std::string::npos);
}

TEST_CASE("rank_stats: errors", "[sensitivity][rank_stats][error]") {
  using cikit::InvalidInput;
  const Eigen::Vector3i nominal(1, 2, 3);
  CHECK_THROWS_MATCHES(cikit::rank_statistics(Eigen::MatrixXi(0, 3), nominal), InvalidInput, MessageContains("empty"));
  CHECK_THROWS_MATCHES(cikit::rank_statistics(small_ranks(), Eigen::Vector2i(1, 2)), InvalidInput,
                       MessageContains("2 nominal ranks for 3 units"));
  Eigen::MatrixXi neg = small_ranks();
  neg(1, 1) = -1;
  CHECK_THROWS_MATCHES(cikit::rank_statistics(neg, nominal), InvalidInput, MessageContains("(< 0)"));
  CHECK_THROWS_MATCHES(cikit::rank_statistics(small_ranks(), nominal, {.lower = 0.9, .upper = 0.1}), InvalidInput,
                       MessageContains("lower < upper"));
  CHECK_THROWS_MATCHES(cikit::mean_abs_rank_shift(Eigen::MatrixXi::Zero(2, 3), nominal), cikit::DomainError,
                       MessageContains("ranks no unit"));
  const Eigen::Vector3d x(1, 2, 3);
  CHECK_THROWS_MATCHES(cikit::spearman_rho(x, Eigen::Vector2d(1, 2)), InvalidInput, MessageContains("y has 2"));
  CHECK_THROWS_MATCHES(cikit::kendall_tau_b(x, Eigen::Vector3d(1, std::nan(""), 2)), InvalidInput,
                       MessageContains("NaN"));
  CHECK_THROWS_MATCHES(cikit::spearman_rho(x, Eigen::Vector3d(2, 2, 2)), cikit::DomainError,
                       MessageContains("y is constant"));
  CHECK_THROWS_MATCHES(cikit::kendall_tau_b(Eigen::Vector3d(2, 2, 2), x), cikit::DomainError,
                       MessageContains("x is constant"));
  CHECK_THROWS_MATCHES(cikit::spearman_rho(Eigen::VectorXd::Ones(1), Eigen::VectorXd::Ones(1)), InvalidInput,
                       MessageContains("n is 1"));
}

TEST_CASE("rank_stats: Spearman and Kendall tau-b match R cor()", "[sensitivity][rank_stats][reference]") {
  // validation/sensitivity/rank_correlation (R 4.2.2 cor(method = "spearman" / "kendall")).
  const auto dir = cikit_test::validation_dir() + "/sensitivity/rank_correlation/";
  const auto in = cikit_test::read_table(dir + "input.csv");
  const auto ref = cikit_test::read_table(dir + "ref_rank_correlation.csv");
  std::map<int, std::vector<std::pair<double, double>>> pairs;
  for (std::size_t r = 1; r < in.size(); ++r)
    pairs[std::stoi(in[r][0])].emplace_back(cikit_test::ref_number(in[r][1]), cikit_test::ref_number(in[r][2]));
  REQUIRE(ref.size() == 6);
  for (std::size_t r = 1; r < ref.size(); ++r) {
    const auto& p = pairs.at(std::stoi(ref[r][0]));
    Eigen::VectorXd x(static_cast<Eigen::Index>(p.size()));
    Eigen::VectorXd y(x.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      x(static_cast<Eigen::Index>(i)) = p[i].first;
      y(static_cast<Eigen::Index>(i)) = p[i].second;
    }
    INFO("pair " << ref[r][0]);
    // Closed forms on the same ranks: 1e-12 relative (summation order differs from R).
    CHECK_THAT(cikit::spearman_rho(x, y), WithinRel(cikit_test::ref_number(ref[r][2]), 1e-12));
    CHECK_THAT(cikit::kendall_tau_b(x, y), WithinRel(cikit_test::ref_number(ref[r][3]), 1e-12));
  }
}

TEST_CASE("rank_stats: average ranks and correlation properties", "[sensitivity][rank_stats][property]") {
  Eigen::VectorXd x(6);
  x << 3, 1, 3, 2, 5, 3;
  const Eigen::VectorXd r = cikit::average_ranks(x);  // R: rank(c(3,1,3,2,5,3)) = 4 1 4 2 6 4
  const double ref[] = {4, 1, 4, 2, 6, 4};
  for (int i = 0; i < 6; ++i) CHECK_THAT(r(i), WithinRel(ref[i], 1e-15));
  // Invariance to monotone transforms, and perfect agreement = 1.
  const Eigen::VectorXd y = x.array().exp();
  CHECK_THAT(cikit::spearman_rho(x, y), WithinRel(1.0, 1e-14));
  CHECK_THAT(cikit::kendall_tau_b(x, y), WithinRel(1.0, 1e-14));
  CHECK_THAT(cikit::kendall_tau_b(x, -y), WithinRel(-1.0, 1e-14));
}
