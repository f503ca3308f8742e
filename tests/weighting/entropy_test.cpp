// Tests of methods/weighting/entropy: R reference (validation/weighting/entropy), published
// examples (../shared/data/mcda-published-examples), hand computation, properties, errors.

#include "methods/weighting/entropy.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::EntropyOptions;
using cikit::EntropyShift;
using cikit::EntropyVariant;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string dir() { return cikit_test::validation_dir() + "/weighting/entropy"; }

bool any_contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& w : v)
    if (w.find(s) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("entropy weights match the R reference for every variant", "[weighting][entropy][reference]") {
  const Eigen::MatrixXd x = cikit_test::read_matrix(dir() + "/input.csv");
  const auto ref = cikit_test::read_table(dir() + "/ref_entropy.csv");
  struct Case {
    std::string name;
    EntropyOptions opt;
  };
  const std::vector<cikit::Direction> dirs{cikit::Direction::Positive, cikit::Direction::Positive,
                                           cikit::Direction::Negative, cikit::Direction::Positive,
                                           cikit::Direction::Positive};
  std::vector<Case> cases(4);
  cases[0].name = "ratio";
  cases[1].name = "ratio_add";
  cases[1].opt.shift = EntropyShift::Add;
  cases[1].opt.delta = 0.01;
  cases[2].name = "minmax";
  cases[2].opt.variant = EntropyVariant::MinMax;
  cases[2].opt.directions = dirs;
  cases[3].name = "minmax_floor";
  cases[3].opt.variant = EntropyVariant::MinMax;
  cases[3].opt.directions = dirs;
  cases[3].opt.shift = EntropyShift::MinMaxFloor;
  cases[3].opt.delta = 1e-4;
  for (const auto& c : cases) {
    SECTION(c.name) {
      const auto r = cikit::entropy_weights(x, c.opt);
      CHECK(r.n_used == 23);
      CHECK(r.n_dropped == 2);
      CHECK(any_contains(r.warnings, "2 of 25 units dropped"));
      const auto e = cikit_test::ref_row(ref, c.name, "entropy");
      const auto d = cikit_test::ref_row(ref, c.name, "divergence");
      const auto w = cikit_test::ref_row(ref, c.name, "weight");
      for (Eigen::Index j = 0; j < 5; ++j) {
        const auto k = static_cast<std::size_t>(j);
        // Closed form (sums of p ln p): R and cikit differ only by summation order; 1e-12
        // relative covers a few ulp amplified by 1 - E (d ~ 0.005 loses ~2 digits).
        REQUIRE_THAT(r.entropy(j), WithinRel(e[k], 1e-12));
        REQUIRE_THAT(r.divergence(j), WithinRel(d[k], 1e-10) || WithinAbs(d[k], 1e-13));
        REQUIRE_THAT(r.weights(j), WithinRel(w[k], 1e-10) || WithinAbs(w[k], 1e-13));
      }
    }
  }
}

TEST_CASE("entropy weights reproduce the four published examples", "[weighting][entropy][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const std::string base = cikit_test::shared_data_dir() + "/mcda-published-examples/";
  const auto expected = cikit_test::read_table(base + "expected_results.csv");
  int checked = 0;
  for (std::size_t r = 1; r < expected.size(); ++r) {
    if (expected[r].at(1) != "entropy") continue;
    const std::string file = expected[r].at(0);
    const auto published = cikit_test::split_values(expected[r].at(3));
    const int decimals = std::stoi(expected[r].at(4));
    INFO(file << " (" << expected[r].at(5) << ")");
    const Eigen::MatrixXd x = cikit_test::read_matrix(base + file);
    const auto w = cikit::entropy_weights(x).weights;  // Ratio variant on the raw matrix (SOURCE.md)
    REQUIRE(static_cast<std::size_t>(w.size()) == published.size());
    // Published values are rounded to `decimals`: half a unit in the last place (+1e-9 slack
    // for values printed exactly at a rounding boundary).
    const double tol = 0.5 * std::pow(10.0, -decimals) + 1e-9;
    for (Eigen::Index j = 0; j < w.size(); ++j)
      REQUIRE_THAT(w(j), WithinAbs(published[static_cast<std::size_t>(j)], tol));
    ++checked;
  }
  CHECK(checked == 4);
}

TEST_CASE("entropy: hand-computed case with a zero uses 0 ln 0 = 0", "[weighting][entropy][reference]") {
  // Column 1 = (0, 1, 1): p = (0, 1/2, 1/2), E = ln 2 / ln 3 (the zero contributes 0, it does
  // NOT make E = 0 / the weight maximal). Column 2 = (1, 2, 3): p = (1, 2, 3)/6.
  Eigen::MatrixXd x(3, 2);
  x << 0, 1, 1, 2, 1, 3;
  const auto r = cikit::entropy_weights(x);
  const double e1 = std::log(2.0) / std::log(3.0);
  const double e2 = -(1.0 / 6 * std::log(1.0 / 6) + 2.0 / 6 * std::log(2.0 / 6) + 3.0 / 6 * std::log(3.0 / 6)) /
                    std::log(3.0);
  // Closed forms evaluated two ways: a few ulp.
  REQUIRE_THAT(r.entropy(0), WithinRel(e1, 1e-14));
  REQUIRE_THAT(r.entropy(1), WithinRel(e2, 1e-14));
  REQUIRE_THAT(r.weights(0), WithinRel((1 - e1) / (2 - e1 - e2), 1e-13));
  CHECK(r.weights(0) < 1.0);
}

TEST_CASE("entropy weights: properties", "[weighting][entropy][property]") {
  const Eigen::MatrixXd x0 = cikit_test::read_matrix(dir() + "/input.csv");
  const Eigen::MatrixXd x = x0.topRows(6);  // rows 1-6 are complete
  REQUIRE(!x.hasNaN());
  for (auto variant : {EntropyVariant::Ratio, EntropyVariant::MinMax}) {
    EntropyOptions opt;
    opt.variant = variant;
    const auto base = cikit::entropy_weights(x, opt);
    SECTION("weights >= 0 and sum to 1") {
      CHECK(base.weights.minCoeff() >= 0);
      REQUIRE_THAT(base.weights.sum(), WithinAbs(1.0, 1e-14));
    }
    SECTION("invariant to the order of units") {
      const Eigen::MatrixXd xr = x.colwise().reverse();
      const auto r = cikit::entropy_weights(xr, opt);
      for (Eigen::Index j = 0; j < x.cols(); ++j)  // summation order only
        REQUIRE_THAT(r.weights(j), WithinRel(base.weights(j), 1e-12));
    }
    SECTION("invariant to scaling a column") {
      Eigen::MatrixXd xs = x;
      xs.col(1) *= 1000.0;
      xs.col(3) *= 0.125;
      const auto r = cikit::entropy_weights(xs, opt);
      for (Eigen::Index j = 0; j < x.cols(); ++j) REQUIRE_THAT(r.weights(j), WithinRel(base.weights(j), 1e-12));
    }
  }
  SECTION("MinMax variant is invariant to a positive affine map; Ratio is not shift invariant") {
    EntropyOptions mm;
    mm.variant = EntropyVariant::MinMax;
    Eigen::MatrixXd xa = x;
    xa.col(0) = (xa.col(0).array() * 3.0 + 50.0).matrix();
    const auto a = cikit::entropy_weights(x, mm), b = cikit::entropy_weights(xa, mm);
    for (Eigen::Index j = 0; j < x.cols(); ++j) REQUIRE_THAT(b.weights(j), WithinRel(a.weights(j), 1e-12));
    const auto ra = cikit::entropy_weights(x), rb = cikit::entropy_weights(xa);
    CHECK(std::abs(ra.weights(0) - rb.weights(0)) > 1e-3);
  }
  SECTION("a constant column gets weight 0 with a warning") {
    Eigen::MatrixXd xc = x;
    xc.col(2).setConstant(4.5);
    for (auto variant : {EntropyVariant::Ratio, EntropyVariant::MinMax}) {
      EntropyOptions opt;
      opt.variant = variant;
      const auto r = cikit::entropy_weights(xc, opt);
      REQUIRE_THAT(r.weights(2), WithinAbs(0.0, 1e-15));
      REQUIRE_THAT(r.entropy(2), WithinAbs(1.0, 1e-15));
      CHECK(any_contains(r.warnings, "column 3 is constant"));
    }
  }
}

TEST_CASE("entropy weights: errors", "[weighting][entropy][error]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  EntropyOptions named;
  named.ids = {"gdp", "pm25"};
  SECTION("negative value under the Ratio variant names row and indicator") {
    Eigen::MatrixXd xn = x;
    xn(1, 1) = -0.5;
    REQUIRE_THROWS_MATCHES(cikit::entropy_weights(xn, named), cikit::DomainError,
                           Catch::Matchers::Message(
                               "indicator 'pm25': entropy_weights: row 2, column 2 'pm25' is -0.5 (after any "
                               "shift), but the Ratio variant needs values >= 0; shift the data or use the "
                               "MinMax variant"));
    EntropyOptions mm = named;
    mm.variant = EntropyVariant::MinMax;
    CHECK_NOTHROW(cikit::entropy_weights(xn, mm));
  }
  SECTION("every column constant") {
    Eigen::MatrixXd xc = Eigen::MatrixXd::Constant(4, 2, 3.0);
    REQUIRE_THROWS_AS(cikit::entropy_weights(xc), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::entropy_weights(xc), Contains("every column is constant"));
  }
  SECTION("too few units") {
    REQUIRE_THROWS_WITH(cikit::entropy_weights(x.topRows(1)), Contains("1 complete unit(s)"));
    Eigen::MatrixXd xm = x;
    xm(0, 0) = kNaN;
    xm(1, 1) = kNaN;
    xm(2, 0) = kNaN;
    REQUIRE_THROWS_AS(cikit::entropy_weights(xm), cikit::DomainError);
  }
  SECTION("missing value under the Error rule") {
    Eigen::MatrixXd xm = x;
    xm(2, 0) = kNaN;
    EntropyOptions opt = named;
    opt.missing = cikit::CompleteCaseRule::Error;
    REQUIRE_THROWS_AS(cikit::entropy_weights(xm, opt), cikit::InvalidInput);
    REQUIRE_THROWS_WITH(cikit::entropy_weights(xm, opt), Contains("row 3, column 1 'gdp' is missing"));
  }
  SECTION("invalid options") {
    EntropyOptions opt;
    opt.shift = EntropyShift::MinMaxFloor;
    opt.delta = 1e-4;
    REQUIRE_THROWS_WITH(cikit::entropy_weights(x, opt), Contains("needs the MinMax variant"));
    opt = {};
    opt.shift = EntropyShift::Add;
    REQUIRE_THROWS_AS(cikit::entropy_weights(x, opt), cikit::InvalidInput);  // delta 0
    opt = {};
    opt.delta = 0.1;  // delta without a shift
    REQUIRE_THROWS_AS(cikit::entropy_weights(x, opt), cikit::InvalidInput);
    opt = {};
    opt.directions = {cikit::Direction::Negative, cikit::Direction::Positive};
    REQUIRE_THROWS_WITH(cikit::entropy_weights(x, opt), Contains("does not reverse directions"));
    opt.directions = {cikit::Direction::Negative};
    REQUIRE_THROWS_WITH(cikit::entropy_weights(x, opt), Contains("1 directions for 2 columns"));
  }
}
