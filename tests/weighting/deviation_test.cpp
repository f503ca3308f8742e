// Tests of methods/weighting/deviation: maximising deviation, mean deviation and independence
// weights against base R (validation/weighting/deviation), hand cases, errors.

#include "methods/weighting/deviation.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("deviation and independence weights match base R", "[weighting][deviation][reference]") {
  const std::string d = cikit_test::validation_dir() + "/weighting/deviation";
  const Eigen::MatrixXd x = cikit_test::read_matrix(d + "/input.csv", 0);
  const auto t = cikit_test::read_table(d + "/ref_deviation.csv");
  auto row = [&](const std::string& q) {
    Eigen::VectorXd v(4);
    for (std::size_t r = 1; r < t.size(); ++r)
      if (t[r].at(0) == q)
        for (Eigen::Index j = 0; j < 4; ++j) v(j) = cikit_test::ref_number(t[r].at(static_cast<std::size_t>(j) + 1));
    return v;
  };
  // Tolerance 1e-10 relative: sums of |differences| and an OLS R^2 (lm's QR vs the inverse
  // correlation matrix here) agree to ~1e-14; 1e-10 leaves room for the condition number.
  const auto md = cikit::max_deviation_weights(x);
  const auto me = cikit::mean_deviation_weights(x);
  const auto in = cikit::independence_weights(x);
  for (Eigen::Index j = 0; j < 4; ++j) {
    REQUIRE_THAT(md.score(j), WithinRel(row("maxdev_score")(j), 1e-10));
    REQUIRE_THAT(md.weights(j), WithinRel(row("maxdev_weight")(j), 1e-10));
    REQUIRE_THAT(me.weights(j), WithinRel(row("meandev_weight")(j), 1e-10));
    REQUIRE_THAT(in.score(j), WithinRel(row("indep_score")(j), 1e-10));
    REQUIRE_THAT(in.weights(j), WithinRel(row("indep_weight")(j), 1e-10));
  }
}

TEST_CASE("deviation weights: hand case and errors", "[weighting][deviation][error]") {
  // Column 1 = 0, 1 (D = 2); column 2 = 0, 0.5, 1 pattern after min-max; a constant column -> 0.
  Eigen::MatrixXd x(3, 3);
  x << 0, 0, 5, 1, 1, 5, 1, 2, 5;
  const auto md = cikit::max_deviation_weights(x);
  // z1 = (0, 1, 1): D = 2*(1 + 1 + 0) = 4; z2 = (0, .5, 1): D = 2*(.5 + 1 + .5) = 4; z3 constant.
  REQUIRE_THAT(md.weights(0), WithinAbs(0.5, 1e-15));
  REQUIRE_THAT(md.weights(2), WithinAbs(0.0, 1e-15));
  REQUIRE(md.warnings.size() == 1);
  Eigen::MatrixXd c(6, 3);
  c << 1, 2, 3, 2, 1, 3, 3, 5, 8, 4, 4, 8, 5, 7, 12, 6, 3, 9;  // column 3 = column 1 + column 2
  cikit::VariationOptions o;
  o.ids = {"p", "q", "r"};
  REQUIRE_THROWS_WITH(cikit::independence_weights(c, o), Contains("exact linear combination"));
  REQUIRE_THROWS_WITH(cikit::independence_weights(c.topRows(4), o), Contains("at least 5"));
}
