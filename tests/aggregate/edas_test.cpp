// Tests of methods/aggregate/edas: the published example of Ersoy (2021) (as cited by pyrepo-mcda's
// tests), the R reference (validation/aggregate/edas, base R 4.2 from Keshavarz Ghorabaee et al.
// 2015), errors.

#include "methods/aggregate/edas.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;
using cikit::Direction;

TEST_CASE("EDAS reproduces Ersoy (2021)", "[aggregate][edas][reference]") {
  // Ersoy, Y. (2021) LogForum 17(3): 6 alternatives x 6 criteria, entropy weights, c5 c6 cost.
  Eigen::MatrixXd x(6, 6);
  x << 256, 8, 41, 1.6, 1.77, 7347.16, 256, 8, 32, 1.0, 1.8, 6919.99, 256, 8, 53, 1.6, 1.9, 8400, 256, 8, 41, 1.0,
      1.75, 6808.9, 512, 8, 35, 1.6, 1.7, 8479.99, 256, 4, 35, 1.6, 1.7, 7499.99;
  Eigen::VectorXd w(6);
  w << 0.405, 0.221, 0.134, 0.199, 0.007, 0.034;
  cikit::McdaColumns o;
  o.directions = {Direction::Positive, Direction::Positive, Direction::Positive,
                  Direction::Positive, Direction::Negative, Direction::Negative};
  const auto r = cikit::edas(x, w, o);
  cikit_test::check_printed(r.as, {0.414, 0.130, 0.461, 0.212, 0.944, 0.043}, 3);
}

TEST_CASE("EDAS matches the R reference", "[aggregate][edas][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("edas");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/edas/ref_edas.csv");
  const auto r = cikit::edas(x, cikit_test::mcda_weights(), cikit_test::mcda_columns<cikit::McdaColumns>());
  // Same arithmetic as R (means, ratios, 5-term sums): 1e-12.
  for (const auto& [name, v] : {std::pair{"sp", r.sp}, std::pair{"sn", r.sn}, std::pair{"nsp", r.nsp},
                                std::pair{"nsn", r.nsn}, std::pair{"as", r.as}})
    cikit_test::check_column(ref, name, v, 1e-12);
}

TEST_CASE("EDAS errors", "[aggregate][edas][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, -2, 2, 1, 3, 0;
  cikit::McdaColumns o;
  o.ids = {"a", "b"};
  CHECK_THROWS_WITH(cikit::edas(x, Eigen::Vector2d(0.5, 0.5), o), Contains("'b'") && Contains("average"));
}
