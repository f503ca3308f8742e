// Tests of methods/weighting/combine: hand-computed reference values (worked below),
// properties, errors.

#include "methods/weighting/combine.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "methods/core/error.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// s = subjective, o = objective (both sum to 1).
Eigen::Vector3d s_vec() { return {0.5, 0.3, 0.2}; }
Eigen::Vector3d o_vec() { return {0.2, 0.2, 0.6}; }

void require_vec(const Eigen::VectorXd& got, const std::vector<double>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == want.size());
  // Exact rationals evaluated in double: a few ulp.
  for (Eigen::Index j = 0; j < got.size(); ++j)
    REQUIRE_THAT(got(j), WithinRel(want[static_cast<std::size_t>(j)], 1e-14));
}

}  // namespace

TEST_CASE("combinations: hand-computed values", "[weighting][combine][reference]") {
  SECTION("linear, alpha = 0.4: 0.4 s + 0.6 o") {
    const auto r = cikit::combine_linear(s_vec(), o_vec(), 0.4);
    require_vec(r.weights, {0.32, 0.24, 0.44});
  }
  SECTION("multiplicative: s o = (0.10, 0.06, 0.12), sum 0.28") {
    const auto r = cikit::combine_multiplicative(s_vec(), o_vec());
    require_vec(r.weights, {5.0 / 14, 3.0 / 14, 6.0 / 14});
  }
  SECTION("minimum information entropy: sqrt(s o) normalised") {
    const double a = std::sqrt(0.10), b = std::sqrt(0.06), c = std::sqrt(0.12);
    const auto r = cikit::combine_min_entropy(s_vec(), o_vec());
    require_vec(r.weights, {a / (a + b + c), b / (a + b + c), c / (a + b + c)});
  }
  SECTION("game theory") {
    // s.s = 0.38, o.o = 0.44, s.o = 0.28; [0.38 0.28; 0.28 0.44] alpha = (0.38, 0.44)':
    // det = 0.0888, alpha1 = 0.44 (0.38 - 0.28)/det = 0.044/0.0888, alpha2 = 0.38 (0.44 - 0.28)/det
    // = 0.0608/0.0888; normalised alpha* = (55, 76)/131; w = (42.7, 31.7, 56.6)/131.
    const auto r = cikit::combine_game_theory({s_vec(), o_vec()});
    require_vec(r.raw_coefficients, {0.044 / 0.0888, 0.0608 / 0.0888});
    require_vec(r.coefficients, {55.0 / 131, 76.0 / 131});
    require_vec(r.weights, {42.7 / 131, 31.7 / 131, 56.6 / 131});
    CHECK(r.warnings.empty());
  }
}

TEST_CASE("combinations: properties", "[weighting][combine][property]") {
  const std::vector<Eigen::VectorXd> u{Eigen::Vector4d(0.4, 0.3, 0.2, 0.1), Eigen::Vector4d(0.1, 0.2, 0.3, 0.4),
                                       Eigen::Vector4d(0.25, 0.25, 0.4, 0.1)};
  SECTION("game theory with three vectors solves the first-order conditions") {
    const auto r = cikit::combine_game_theory(u);
    Eigen::MatrixXd m(3, 4);
    for (int l = 0; l < 3; ++l) m.row(l) = u[static_cast<std::size_t>(l)].transpose();
    const Eigen::MatrixXd g = m * m.transpose();
    const Eigen::VectorXd residual = g * r.raw_coefficients - g.diagonal();
    REQUIRE(residual.cwiseAbs().maxCoeff() < 1e-13);
    CHECK(r.weights.minCoeff() >= 0);
    REQUIRE_THAT(r.weights.sum(), WithinAbs(1.0, 1e-14));
    REQUIRE_THAT(r.coefficients.sum(), WithinAbs(1.0, 1e-14));
  }
  SECTION("equal inputs: linear, multiplicative and min-entropy return them") {
    const Eigen::VectorXd v = u[0];
    for (const auto& r : {cikit::combine_linear(v, v, 0.3), cikit::combine_min_entropy(v, v)})
      for (Eigen::Index j = 0; j < 4; ++j) REQUIRE_THAT(r.weights(j), WithinRel(v(j), 1e-14));
  }
  SECTION("unnormalised input is renormalised with a warning") {
    const auto r = cikit::combine_linear(2.0 * u[0], u[1], 0.5);
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0], Contains("sums to 2"));
    REQUIRE_THAT(r.weights(0), WithinRel(0.25, 1e-14));
  }
  SECTION("order of the inputs does not matter in game theory (up to relabelling)") {
    const auto a = cikit::combine_game_theory({u[0], u[1], u[2]});
    const auto b = cikit::combine_game_theory({u[2], u[0], u[1]});
    for (Eigen::Index j = 0; j < 4; ++j) REQUIRE_THAT(a.weights(j), WithinRel(b.weights(j), 1e-12));
  }
}

TEST_CASE("combinations: errors", "[weighting][combine][error]") {
  const Eigen::Vector3d s = s_vec();
  SECTION("alpha outside [0, 1]") {
    REQUIRE_THROWS_AS(cikit::combine_linear(s, o_vec(), 1.5), cikit::InvalidInput);
  }
  SECTION("lengths differ") {
    REQUIRE_THROWS_WITH(cikit::combine_multiplicative(s, Eigen::Vector2d(0.5, 0.5)), Contains("lengths 3 and 2"));
  }
  SECTION("negative or all-zero weights") {
    REQUIRE_THROWS_WITH(cikit::combine_linear(s, Eigen::Vector3d(0.5, -0.1, 0.6), 0.5),
                        Contains("entry 2 is -0.1"));
    REQUIRE_THROWS_WITH(cikit::combine_min_entropy(s, Eigen::Vector3d::Zero()), Contains("sums to 0"));
  }
  SECTION("disjoint supports") {
    REQUIRE_THROWS_AS(cikit::combine_multiplicative(Eigen::Vector2d(1, 0), Eigen::Vector2d(0, 1)),
                      cikit::DomainError);
  }
  SECTION("game theory: fewer than 2 vectors, or dependent vectors") {
    REQUIRE_THROWS_WITH(cikit::combine_game_theory({s}), Contains("at least 2"));
    REQUIRE_THROWS_AS(cikit::combine_game_theory({s, s}), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::combine_game_theory({s, 3.0 * s}), Contains("singular"));
  }
}
