// Tests of methods/aggregate/gra (grey relational analysis): R reference
// (validation/aggregate/gra, base R 4.2 from Deng 1989), hand-checkable case, properties, errors.

#include "methods/aggregate/gra.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;

TEST_CASE("GRA matches the R reference (rho 0.5 and 0.3)", "[aggregate][gra][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("gra");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/gra/ref_gra.csv");
  auto o = cikit_test::mcda_columns<cikit::GraOptions>();
  const auto r05 = cikit::grey_relational(x, cikit_test::mcda_weights(), o);
  CHECK(r05.n_dropped == 1);
  // Same closed-form arithmetic as R (min-max, one ratio, a 5-term weighted sum): 1e-12.
  cikit_test::check_column(ref, "grade_05", r05.grade, 1e-12);
  o.rho = 0.3;
  cikit_test::check_column(ref, "grade_03", cikit::grey_relational(x, cikit_test::mcda_weights(), o).grade, 1e-12);
}

TEST_CASE("GRA by hand: two criteria, three units", "[aggregate][gra][property]") {
  Eigen::MatrixXd x(3, 2);
  x << 0, 10, 5, 0, 10, 5;  // normalised: (0,1), (.5,0), (1,.5); Delta = (1,0), (.5,1), (0,.5)
  const auto r = cikit::grey_relational(x, Eigen::Vector2d(0.5, 0.5));
  // xi = 0.5/(Delta + 0.5): Delta 0 -> 1, 0.5 -> 0.5, 1 -> 1/3.
  CHECK_THAT(r.grade(0), Catch::Matchers::WithinAbs((1.0 / 3 + 1) / 2, 1e-15));
  CHECK_THAT(r.grade(1), Catch::Matchers::WithinAbs((0.5 + 1.0 / 3) / 2, 1e-15));
  CHECK_THAT(r.grade(2), Catch::Matchers::WithinAbs((1 + 0.5) / 2, 1e-15));
  // The ideal unit has grade 1.
  Eigen::MatrixXd y(3, 2);
  y << 1, 1, 2, 2, 3, 3;
  CHECK_THAT(cikit::grey_relational(y, Eigen::Vector2d(0.3, 0.7)).grade(2), Catch::Matchers::WithinAbs(1.0, 1e-15));
}

TEST_CASE("GRA errors", "[aggregate][gra][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, 1, 3, 1, 4;
  cikit::GraOptions o;
  o.ids = {"a", "b"};
  CHECK_THROWS_WITH(cikit::grey_relational(x, Eigen::Vector2d(0.5, 0.5), o), Contains("'a'") && Contains("constant"));
  o.rho = 0;
  CHECK_THROWS_AS(cikit::grey_relational(x, Eigen::Vector2d(0.5, 0.5), o), cikit::InvalidInput);
}
