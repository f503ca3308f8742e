// Tests of methods/aggregate/rsr (rank-sum ratio): R reference (validation/aggregate/rsr, base R
// 4.2 from Tian 1988 and the textbook convention: rank(), qnorm(), lm()), properties, errors.

#include "methods/aggregate/rsr.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;

TEST_CASE("RSR matches the R reference (integer / non-integer ranks, 3 / 5 tiers)", "[aggregate][rsr][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("rsr");
  const std::string dir = cikit_test::validation_dir() + "/aggregate/rsr/";
  const auto ref = cikit_test::read_table(dir + "ref_rsr.csv");
  const auto fit = cikit_test::read_table(dir + "ref_rsr_fit.csv");
  auto o = cikit_test::mcda_columns<cikit::RsrOptions>();
  const auto a = cikit::rank_sum_ratio(x, cikit_test::mcda_weights(), o);
  // Ranks and sums are exact-ish; qnorm vs Boost's normal quantile and lm's QR vs the closed-form
  // OLS differ in the last bits: 1e-12 relative.
  cikit_test::check_column(ref, "int_rsr", a.rsr, 1e-12);
  cikit_test::check_column(ref, "int_probit", a.probit, 1e-12);
  cikit_test::check_column(ref, "int_fitted", a.fitted, 1e-12);
  cikit_test::check_column(ref, "int_tier3", a.tier, 0);
  CHECK_THAT(a.intercept, Catch::Matchers::WithinAbs(cikit_test::ref_number(fit[1][1]), 1e-12));
  CHECK_THAT(a.slope, Catch::Matchers::WithinAbs(cikit_test::ref_number(fit[1][2]), 1e-12));
  CHECK_THAT(a.r_squared, Catch::Matchers::WithinAbs(cikit_test::ref_number(fit[1][3]), 1e-12));
  o.ranking = cikit::RsrRanking::NonInteger;
  o.tiers = 5;
  const auto b = cikit::rank_sum_ratio(x, cikit_test::mcda_weights(), o);
  cikit_test::check_column(ref, "nonint_rsr", b.rsr, 1e-12);
  cikit_test::check_column(ref, "nonint_probit", b.probit, 1e-12);
  cikit_test::check_column(ref, "nonint_fitted", b.fitted, 1e-12);
  cikit_test::check_column(ref, "nonint_tier5", b.tier, 0);
  CHECK_THAT(b.slope, Catch::Matchers::WithinAbs(cikit_test::ref_number(fit[2][2]), 1e-12));
}

TEST_CASE("RSR by hand: one criterion", "[aggregate][rsr][property]") {
  Eigen::MatrixXd x(4, 1);
  x << 10, 30, 20, 40;
  const auto r = cikit::rank_sum_ratio(x, Eigen::VectorXd::Ones(1));
  // Ranks 1, 3, 2, 4 over n = 4: RSR = rank/4.
  CHECK_THAT(r.rsr(1), Catch::Matchers::WithinAbs(0.75, 1e-15));
  CHECK_THAT(r.rsr(3), Catch::Matchers::WithinAbs(1.0, 1e-15));
  // p of the lowest = 1/4 (probit 5 + qnorm(0.25)); of the highest 1 - 1/16.
  CHECK_THAT(r.probit(0), Catch::Matchers::WithinAbs(5 - 0.67448975019608171, 1e-14));
  CHECK_THAT(r.probit(3), Catch::Matchers::WithinAbs(5 + 1.5341205443525463, 1e-14));
}

TEST_CASE("RSR errors", "[aggregate][rsr][error]") {
  Eigen::MatrixXd x(3, 1);
  x << 1, 1, 1;
  CHECK_THROWS_WITH(cikit::rank_sum_ratio(x, Eigen::VectorXd::Ones(1)), Contains("same RSR"));
  cikit::RsrOptions o;
  o.tiers = 6;
  CHECK_THROWS_AS(cikit::rank_sum_ratio(x, Eigen::VectorXd::Ones(1), o), cikit::InvalidInput);
}
