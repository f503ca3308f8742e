// Tests of methods/aggregate/promethee (PROMETHEE II): three published examples (as cited by
// pyrepo-mcda's tests), the R reference (validation/aggregate/promethee, base R 4.2 from Brans &
// Vincke 1985), the six preference functions by hand, thread invariance, errors.

#include "methods/aggregate/promethee.hpp"

#include <catch2/catch.hpp>

#include <vector>

#include "methods/core/error.hpp"
#include "mcda_support.hpp"

using Catch::Matchers::Contains;
using cikit::Direction;
using cikit::Preference;
using cikit::PreferenceFunction;

namespace {
constexpr Direction kP = Direction::Positive, kN = Direction::Negative;

std::vector<Preference> all(PreferenceFunction f, const std::vector<double>& q, const std::vector<double>& p) {
  std::vector<Preference> out;
  for (std::size_t j = 0; j < p.size(); ++j) out.push_back(Preference{f, q.empty() ? 0.0 : q[j], p[j], 0.0});
  return out;
}
}  // namespace

TEST_CASE("PROMETHEE II: Papathanasiou & Ploskas (2018), linear q = 1, p = 2", "[aggregate][promethee][reference]") {
  Eigen::MatrixXd x(6, 4);
  x << 8, 7, 2, 1, 5, 3, 7, 5, 7, 5, 6, 4, 9, 9, 7, 3, 11, 10, 3, 7, 6, 9, 5, 4;
  cikit::PrometheeOptions o;
  o.preferences = all(PreferenceFunction::Linear, {1, 1, 1, 1}, {2, 2, 2, 2});
  const auto r = cikit::promethee_ii(x, Eigen::Vector4d(0.4, 0.3, 0.1, 0.2), o);
  cikit_test::check_printed(r.phi, {-0.26, -0.52, -0.22, 0.36, 0.7, -0.06}, 2);
}

TEST_CASE("PROMETHEE II: Ziemba (2019) generalised PROSA, linear per criterion", "[aggregate][promethee][reference]") {
  // Ziemba, P. (2019) Sustainability 11(6), 1555, doi:10.3390/su11061555: 9 alternatives x 12 criteria.
  Eigen::MatrixXd xt(12, 9);
  xt << 38723, 34913, 25596, 34842, 22570, 39773, 19500, 34525, 16486,  //
      33207, 32085, 2123, 32095, 1445, 17485, 868, 16958, 958,          //
      0, 0.2, 5, 0.2, 0.2, 0.2, 99, 99, 99,                             //
      3375, 3127, 3547, 3115, 3090, 4135, 3160, 4295, 3653,             //
      11.36, 12.78, 12.78, 12.86, 12.86, 17, 12.86, 17, 12.86,          //
      -320.9, -148.4, -148.4, -9.9, -9.9, 0, -9.9, 0, -9.9,             //
      203.7, 463, 356.2, 552.5, 295, 383, 264, 352, 264,                //
      0, 11.7, 44.8, 11.7, 95.9, 95.9, 116.8, 116.8, 164.9,             //
      0, 4.9, 10.7, 5.4, 11.2, 11.2, 11.2, 11.2, 11.2,                  //
      1, 1, 1, 3.5, 4, 4, 4, 4, 4,                                      //
      21.5, 47.9, 27.7, 39.7, 1.5, 22.7, 2.7, 23.9, 1,                  //
      0, 3.7, 4.5, 10.3, 11.5, 11.5, 11.3, 11.3, 11.4;
  Eigen::VectorXd w(12);
  w << 0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1, 1, 0.4, 0.20, 0.40, 1;
  cikit::PrometheeOptions o;
  o.directions = {kN, kN, kP, kN, kP, kP, kN, kP, kP, kN, kN, kP};
  o.preferences = all(PreferenceFunction::Linear, {420, 1000, 10, 40, 1, 7, 50, 20, 1, 1, 4.6, 1},
                      {2100, 5000, 50, 200, 5, 20, 100, 80, 4, 2, 23, 3});
  const auto r = cikit::promethee_ii(xt.transpose(), w, o);  // weights renormalised inside
  cikit_test::check_printed(r.phi, {-0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296, 0.1626, 0.4554}, 4);
}

TEST_CASE("PROMETHEE II: Ziemba et al. (2017) offshore wind farms, v-shape", "[aggregate][promethee][reference]") {
  // Ziemba, Wątróbski, Zioło & Karczmarczyk (2017) Energies 10(11), 1755, doi:10.3390/en10111755.
  Eigen::MatrixXd xt(12, 4);
  xt << 16347, 14219, 8160, 8160, 9, 8.5, 9, 8.5, 73.8, 55, 64.8, 62.5, 36.7, 36, 28.5, 29.5, 1.5, 2, 2, 1.5, 3730,
      3240, 1860, 1860, 2, 1, 2, 1, 1, 1, 2, 3, 38.8, 33.1, 45.8, 27.3, 4, 2, 4, 3, 1720524, 1496512, 858830, 858830,
      40012, 34803, 19973, 19973;
  Eigen::VectorXd w(12);
  w << 20, 5, 5, 1.67, 1.67, 11.67, 11.67, 5, 5, 16.67, 8.33, 8.33;
  cikit::PrometheeOptions o;
  o.directions = {kN, kN, kN, kN, kN, kP, kN, kN, kP, kN, kP, kP};
  o.preferences = all(PreferenceFunction::VShape, {}, {7280, 4, 13.4, 7.4, 3, 1662, 3, 3, 13.8, 3, 766240, 17820});
  const auto r = cikit::promethee_ii(xt.transpose(), w, o);
  cikit_test::check_printed(r.phi, {-0.0445, 0.1884, -0.0954, -0.0485}, 4);
}

TEST_CASE("PROMETHEE II matches the R reference (mixed functions, u-shape)", "[aggregate][promethee][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("promethee");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/promethee/ref_promethee.csv");
  auto o = cikit_test::mcda_columns<cikit::PrometheeOptions>();
  o.preferences = {Preference{PreferenceFunction::Usual, 0, 0, 0}, Preference{PreferenceFunction::VShape, 0, 2, 0},
                   Preference{PreferenceFunction::Level, 1, 2, 0}, Preference{PreferenceFunction::Linear, 1, 5, 0},
                   Preference{PreferenceFunction::Gaussian, 0, 0, 1.5}};
  const auto m = cikit::promethee_ii(x, cikit_test::mcda_weights(), o);
  // Sums of 5 x 12 weighted preferences in another order than R: 1e-12.
  cikit_test::check_column(ref, "mixed_phi_plus", m.phi_plus, 1e-12);
  cikit_test::check_column(ref, "mixed_phi_minus", m.phi_minus, 1e-12);
  cikit_test::check_column(ref, "mixed_phi", m.phi, 1e-12);
  o.preferences = all(PreferenceFunction::UShape, {0.5, 0.5, 0.5, 0.5, 0.5}, {0, 0, 0, 0, 0});
  const auto u = cikit::promethee_ii(x, cikit_test::mcda_weights(), o);
  cikit_test::check_column(ref, "ushape_phi", u.phi, 1e-12);
  // Net flows sum to 0 and do not depend on the thread count.
  o.threads = 1;
  const auto u1 = cikit::promethee_ii(x, cikit_test::mcda_weights(), o);
  o.threads = 3;
  const auto u3 = cikit::promethee_ii(x, cikit_test::mcda_weights(), o);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(u1.phi(i))) CHECK_THAT(u1.phi(i), Catch::Matchers::WithinAbs(u3.phi(i), 0));  // bitwise
}

TEST_CASE("PROMETHEE preference functions by hand", "[aggregate][promethee][property]") {
  using F = PreferenceFunction;
  CHECK_THAT(cikit::preference_value({F::Usual, 0, 0, 0}, 0.0), Catch::Matchers::WithinAbs(0, 0));
  CHECK_THAT(cikit::preference_value({F::Usual, 0, 0, 0}, 1e-9), Catch::Matchers::WithinAbs(1, 0));
  CHECK_THAT(cikit::preference_value({F::UShape, 2, 0, 0}, 2.0), Catch::Matchers::WithinAbs(0, 0));
  CHECK_THAT(cikit::preference_value({F::UShape, 2, 0, 0}, 2.5), Catch::Matchers::WithinAbs(1, 0));
  CHECK_THAT(cikit::preference_value({F::VShape, 0, 4, 0}, 1.0), Catch::Matchers::WithinAbs(0.25, 0));
  CHECK_THAT(cikit::preference_value({F::VShape, 0, 4, 0}, 5.0), Catch::Matchers::WithinAbs(1, 0));
  CHECK_THAT(cikit::preference_value({F::Level, 1, 3, 0}, 2.0), Catch::Matchers::WithinAbs(0.5, 0));
  CHECK_THAT(cikit::preference_value({F::Linear, 1, 3, 0}, 2.0), Catch::Matchers::WithinAbs(0.5, 0));
  CHECK_THAT(cikit::preference_value({F::Linear, 1, 3, 0}, -2.0), Catch::Matchers::WithinAbs(0, 0));
  CHECK_THAT(cikit::preference_value({F::Gaussian, 0, 0, 2}, 2.0), Catch::Matchers::WithinAbs(1 - std::exp(-0.5), 1e-16));
}

TEST_CASE("PROMETHEE errors: q > p names the criterion", "[aggregate][promethee][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, 2, 3, 3, 1;
  cikit::PrometheeOptions o;
  o.ids = {"gdp", "co2"};
  o.preferences = {Preference{PreferenceFunction::Usual, 0, 0, 0}, Preference{PreferenceFunction::Linear, 3, 2, 0}};
  CHECK_THROWS_WITH(cikit::promethee_ii(x, Eigen::Vector2d(0.5, 0.5), o),
                    Contains("'co2'") && Contains("q = 3") && Contains("p = 2"));
  o.preferences[1] = Preference{PreferenceFunction::Gaussian, 0, 0, 0};
  CHECK_THROWS_WITH(cikit::promethee_ii(x, Eigen::Vector2d(0.5, 0.5), o), Contains("s > 0"));
}
