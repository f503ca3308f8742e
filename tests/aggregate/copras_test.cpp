// Tests of methods/aggregate/copras: the published example of Goswami & Mitra (2020) (as cited by
// pyrepo-mcda's tests), the R reference (validation/aggregate/copras, base R 4.2 from Zavadskas
// et al. 1994), errors.

#include "methods/aggregate/copras.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;
using cikit::Direction;

TEST_CASE("COPRAS reproduces Goswami & Mitra (2020)", "[aggregate][copras][reference]") {
  // Goswami, S., Mitra, S. (2020) Selecting the best mobile model by applying AHP-COPRAS and
  // AHP-ARAS. Int. J. Data and Network Science 4(1), 27-42, doi:10.5267/j.ijdns.2019.8.004.
  Eigen::MatrixXd x(10, 4);
  x << 80, 16, 2, 5, 110, 32, 2, 9, 130, 64, 4, 9, 185, 64, 4, 1, 135, 64, 3, 4, 140, 32, 3, 5, 185, 64, 6, 7, 110, 16,
      3, 3, 120, 16, 4, 3, 340, 128, 6, 5;
  cikit::McdaColumns o;
  o.directions = {Direction::Negative, Direction::Positive, Direction::Positive, Direction::Positive};
  const auto r = cikit::copras(x, Eigen::Vector4d(0.60338, 0.13639, 0.19567, 0.06456), o);
  // Utility degree Q/max Q as printed to 5 decimals.
  cikit_test::check_printed(r.utility,
                            {1, 0.85262, 0.91930, 0.68523, 0.80515, 0.72587, 0.83436, 0.79758, 0.79097, 0.79533}, 5);
}

TEST_CASE("COPRAS matches the R reference", "[aggregate][copras][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("copras");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/copras/ref_copras.csv");
  const auto r = cikit::copras(x, cikit_test::mcda_weights(), cikit_test::mcda_columns<cikit::McdaColumns>());
  CHECK(r.n_dropped == 1);
  // R evaluates the published form with min(S-) (cancelled here): 1e-12 relative.
  cikit_test::check_column(ref, "s_plus", r.s_plus, 1e-12);
  cikit_test::check_column(ref, "s_minus", r.s_minus, 1e-12);
  cikit_test::check_column(ref, "q", r.q, 1e-12);
  cikit_test::check_column(ref, "utility", r.utility, 1e-12);
}

TEST_CASE("COPRAS errors", "[aggregate][copras][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, -2, 2, 3, 3, 1;
  cikit::McdaColumns o;
  o.ids = {"a", "b"};
  CHECK_THROWS_WITH(cikit::copras(x, Eigen::Vector2d(0.5, 0.5), o), Contains("'b'") && Contains("negative"));
  x << 1, 0, 2, 3, 3, 1;
  o.directions = {Direction::Positive, Direction::Negative};
  CHECK_THROWS_WITH(cikit::copras(x, Eigen::Vector2d(0.5, 0.5), o), Contains("row 1") && Contains("S-"));
}
