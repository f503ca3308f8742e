// methods/coupling against an independent R implementation written from the formulas
// (validation/coupling/coupling.R, R 4.2.2: both formulas, T and D, the ten bands, and the
// two-subsystem closed form of the corrected model), a hand-computed case, and bad input.
#include <catch2/catch.hpp>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/coupling/coupling.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
namespace cp = cikit::coupling;

}  // namespace

TEST_CASE("coupling: both formulas, T, D and bands match the R reference to 1e-12", "[coupling][validation]") {
  const auto in = cikit_test::read_table(cikit_test::validation_dir() + "/coupling/coupling_input.csv");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/coupling/ref_coupling.csv");
  const Eigen::MatrixXd u = cikit_test::numeric_columns(in, {"u1", "u2", "u3"});
  REQUIRE(u.rows() == 44);
  const Eigen::Vector3d w(0.5, 0.3, 0.2);
  for (const char* f : {"corrected", "traditional"}) {
    const cp::CouplingResult r = cp::coupling_coordination(u, w, cp::parse_formula(f));
    const Eigen::MatrixXd e = cikit_test::numeric_columns(
        ref, {"t", std::string("c_") + f, std::string("d_") + f, std::string("band_") + f});
    CHECK(r.undefined.empty());
    for (Eigen::Index i = 0; i < u.rows(); ++i) {
      INFO(f << " row " << i + 1);
      CHECK_THAT(r.t(i), WithinAbs(e(i, 0), 1e-12));
      CHECK_THAT(r.c(i), WithinAbs(e(i, 1), 1e-12));
      CHECK_THAT(r.d(i), WithinAbs(e(i, 2), 1e-12));
      CHECK(r.band[static_cast<std::size_t>(i)] == static_cast<int>(e(i, 3)));
    }
  }
  // Two subsystems: the corrected model reduces to sqrt((1 - |U1 - U2|) * min / max) (R checks
  // the closed form against the general one; here the C++ against both).
  const cp::CouplingResult two = cp::coupling_coordination(u.leftCols(2), Eigen::Vector2d(0.5, 0.5));
  const Eigen::MatrixXd e2 = cikit_test::numeric_columns(ref, {"c_corrected_2", "c_corrected_2_closed"});
  for (Eigen::Index i = 0; i < u.rows(); ++i) {
    CHECK_THAT(two.c(i), WithinAbs(e2(i, 0), 1e-12));
    CHECK_THAT(two.c(i), WithinAbs(e2(i, 1), 1e-12));
  }
}

TEST_CASE("coupling: hand-computed case and edge rows", "[coupling]") {
  // U = (0.2, 0.8): corrected C = sqrt((1 - 0.6) * 0.25) = sqrt(0.1); traditional
  // C = 2 sqrt(0.16) / 1 = 0.8; T = 0.5 with equal weights; D = sqrt(C T).
  Eigen::MatrixXd u(4, 2);
  u << 0.2, 0.8, 0.0, 0.0, 0.0, 0.5, 0.3, std::nan("");
  const Eigen::Vector2d w(0.5, 0.5);
  const cp::CouplingResult c = cp::coupling_coordination(u, w, cp::Formula::Corrected);
  CHECK_THAT(c.c(0), WithinAbs(std::sqrt(0.1), 1e-15));
  CHECK_THAT(c.t(0), WithinAbs(0.5, 1e-15));
  CHECK_THAT(c.d(0), WithinAbs(std::sqrt(std::sqrt(0.1) * 0.5), 1e-15));
  CHECK(c.band[0] == 3);  // D = 0.3976: mild imbalance [0.3, 0.4)
  CHECK(std::string(cp::coordination_bands()[3].zh) == "轻度失调");
  const cp::CouplingResult t = cp::coupling_coordination(u, w, cp::Formula::Traditional);
  CHECK_THAT(t.c(0), WithinAbs(0.8, 1e-15));
  // Both subsystems at 0: C = 0/0, reported undefined (NaN) with T = 0; one at 0: C = 0.
  CHECK(std::isnan(c.c(1)));
  CHECK(c.t(1) == Approx(0.0).margin(0.0));
  CHECK_THAT(c.c(2), WithinAbs(0.0, 0.0));
  CHECK_THAT(t.c(2), WithinAbs(0.0, 0.0));
  // A missing subsystem: everything undefined.
  CHECK(std::isnan(c.c(3)));
  CHECK(std::isnan(c.t(3)));
  CHECK(c.undefined == std::vector<Eigen::Index>{1, 3});
  CHECK(c.band[3] == -1);
  // Band edges: [lo, hi), the last band closed.
  CHECK(cp::band_of(0.0) == 0);
  CHECK(cp::band_of(0.1) == 1);
  CHECK(cp::band_of(0.8999999) == 8);
  CHECK(cp::band_of(1.0) == 9);
}

TEST_CASE("coupling: bad input is refused with a clear message", "[coupling][errors]") {
  Eigen::MatrixXd u(2, 2);
  u << 0.2, 0.8, 0.5, 1.2;
  CHECK_THROWS_WITH(cp::coupling_coordination(u, Eigen::Vector2d(0.5, 0.5)),
                    Contains("1.2 in row 2, column 2 lies outside [0, 1]"));
  CHECK_THROWS_WITH(cp::coupling_coordination(u.leftCols(1), Eigen::VectorXd::Ones(1)),
                    Contains("at least 2 subsystems"));
  u(1, 1) = 0.9;
  CHECK_THROWS_WITH(cp::coupling_coordination(u, Eigen::Vector2d(0.7, 0.7)), Contains("sum to 1"));
  CHECK_THROWS_WITH(cp::coupling_coordination(u, Eigen::Vector3d(0.2, 0.3, 0.5)), Contains("3 subsystem weights for 2"));
  CHECK_THROWS_WITH(cp::parse_formula("wang"), Contains("unknown formula 'wang'"));
}
