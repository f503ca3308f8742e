// Tests of methods/aggregate/vikor: the published example of Papathanasiou & Ploskas (2018),
// R reference (validation/aggregate/vikor, base R 4.2 from Opricovic & Tzeng 2004), the
// compromise conditions, errors.

#include "methods/aggregate/vikor.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;

namespace {
// Papathanasiou, J., Ploskas, N. (2018) Multiple Criteria Decision Aid, Springer, ch. 2 (VIKOR)
// and ch. 3 (PROMETHEE), doi:10.1007/978-3-319-91648-4 — 6 alternatives, 4 benefit criteria;
// the matrix as cited by pyrepo-mcda's tests.
Eigen::MatrixXd papathanasiou() {
  Eigen::MatrixXd x(6, 4);
  x << 8, 7, 2, 1, 5, 3, 7, 5, 7, 5, 6, 4, 9, 9, 7, 3, 11, 10, 3, 7, 6, 9, 5, 4;
  return x;
}
}  // namespace

TEST_CASE("VIKOR reproduces Papathanasiou & Ploskas (2018), v = 0.625", "[aggregate][vikor][reference]") {
  cikit::VikorOptions o;
  o.v = 0.625;
  const auto r = cikit::vikor(papathanasiou(), Eigen::Vector4d(0.4, 0.3, 0.1, 0.2), o);
  // Q as printed to 3 decimals: tolerance half a unit of the last decimal.
  cikit_test::check_printed(r.q, {0.640, 1.000, 0.693, 0.271, 0.000, 0.694}, 3);
  CHECK_THAT(r.score(4), Catch::Matchers::WithinAbs(1.0, 1e-15));  // score = 1 - Q
}

TEST_CASE("VIKOR matches the R reference (v = 0.5, 0.25)", "[aggregate][vikor][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("vikor");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/vikor/ref_vikor.csv");
  auto o = cikit_test::mcda_columns<cikit::VikorOptions>();
  const auto a = cikit::vikor(x, cikit_test::mcda_weights(), o);
  CHECK(a.n_dropped == 1);
  // Same arithmetic as R (ratios, sums, a max): 1e-12.
  cikit_test::check_column(ref, "s", a.s, 1e-12);
  cikit_test::check_column(ref, "r", a.r, 1e-12);
  cikit_test::check_column(ref, "q_05", a.q, 1e-12);
  cikit_test::check_column(ref, "compromise_05", a.compromise, 0);
  CHECK(a.acceptable_advantage);
  CHECK(a.acceptable_stability);
  o.v = 0.25;
  const auto b = cikit::vikor(x, cikit_test::mcda_weights(), o);
  cikit_test::check_column(ref, "q_025", b.q, 1e-12);
  cikit_test::check_column(ref, "compromise_025", b.compromise, 0);
}

TEST_CASE("VIKOR compromise set when C1 fails", "[aggregate][vikor][property]") {
  // Four units, one criterion each weight 1/2: Q = (0, 0.1, 0.6, 1)-like spacing; DQ = 1/3.
  Eigen::MatrixXd x(4, 2);
  x << 10, 10, 9.5, 9.5, 4, 4, 0, 0;
  const auto r = cikit::vikor(x, Eigen::Vector2d(0.5, 0.5));
  CHECK_FALSE(r.acceptable_advantage);  // Q(a'') - Q(a') = 0.05 < 1/3
  CHECK(r.acceptable_stability);
  CHECK_THAT(r.compromise(0), Catch::Matchers::WithinAbs(1, 0));
  CHECK_THAT(r.compromise(1), Catch::Matchers::WithinAbs(1, 0));
  CHECK_THAT(r.compromise(2), Catch::Matchers::WithinAbs(0, 0));  // Q = 0.6 - 0 >= 1/3
}

TEST_CASE("VIKOR errors", "[aggregate][vikor][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 5, 2, 5, 3, 5;
  cikit::VikorOptions o;
  o.ids = {"a", "b"};
  CHECK_THROWS_WITH(cikit::vikor(x, Eigen::Vector2d(0.5, 0.5), o), Contains("'b'") && Contains("constant"));
  o.v = 1.5;
  CHECK_THROWS_AS(cikit::vikor(x, Eigen::Vector2d(0.5, 0.5), o), cikit::InvalidInput);
}
