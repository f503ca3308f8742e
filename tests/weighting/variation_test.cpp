// Tests of methods/weighting/variation (CV, SD, CRITIC): R reference
// (validation/weighting/variation), the published CRITIC example (Tuş & Aytaç Adalı 2019, in
// ../shared/data/mcda-published-examples), properties, errors.

#include "methods/weighting/variation.hpp"

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
using cikit::Direction;
using cikit::VariationOptions;
using cikit::VariationWeights;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string dir() { return cikit_test::validation_dir() + "/weighting/variation"; }

bool any_contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& w : v)
    if (w.find(s) != std::string::npos) return true;
  return false;
}

void require_vector(const Eigen::VectorXd& got, const std::vector<double>& ref, double rel) {
  REQUIRE(static_cast<std::size_t>(got.size()) == ref.size());
  for (Eigen::Index j = 0; j < got.size(); ++j)
    REQUIRE_THAT(got(j), WithinRel(ref[static_cast<std::size_t>(j)], rel) ||
                             WithinAbs(ref[static_cast<std::size_t>(j)], 1e-14));
}

}  // namespace

TEST_CASE("CV, SD and CRITIC weights match the R reference", "[weighting][variation][reference]") {
  const Eigen::MatrixXd x = cikit_test::read_matrix(dir() + "/input.csv");
  const auto ref = cikit_test::read_table(dir() + "/ref_variation.csv");
  const auto cors = cikit_test::read_table(dir() + "/ref_critic_cor.csv");
  // Closed forms (means, two-pass sd, one correlation): R (long-double sums) and cikit agree to
  // a few ulp, amplified at most ~100x by the ratios: 1e-12 relative.
  const double tol = 1e-12;
  auto check = [&](const std::string& name, const VariationWeights& r) {
    CHECK(r.n_used == 27);
    CHECK(r.n_dropped == 3);
    CHECK(any_contains(r.warnings, "3 of 30 units dropped"));
    require_vector(r.mean, cikit_test::ref_row(ref, name, "mean"), tol);
    require_vector(r.sd, cikit_test::ref_row(ref, name, "sd"), tol);
    require_vector(r.score, cikit_test::ref_row(ref, name, "score"), tol);
    require_vector(r.weights, cikit_test::ref_row(ref, name, "weight"), tol);
  };
  SECTION("cv") { check("cv", cikit::cv_weights(x)); }
  SECTION("sd (min-max normalised)") { check("sd", cikit::sd_weights(x)); }
  for (const std::string name : {"critic", "critic_cost"}) {
    SECTION(name) {
      VariationOptions opt;
      if (name == "critic_cost")
        opt.directions = {Direction::Positive, Direction::Positive, Direction::Positive, Direction::Negative,
                          Direction::Positive};
      const auto r = cikit::critic_weights(x, opt);
      check(name, r);
      for (std::size_t row = 1; row < cors.size(); ++row) {
        if (cors[row].at(0) != name) continue;
        const auto j = static_cast<Eigen::Index>(std::stoi(cors[row].at(1).substr(1)) - 1);
        for (Eigen::Index k = 0; k < 5; ++k) {
          const double want = cikit_test::ref_number(cors[row].at(static_cast<std::size_t>(k) + 2));
          REQUIRE_THAT(r.correlation(j, k), WithinRel(want, tol) || WithinAbs(want, 1e-14));
        }
      }
    }
  }
}

TEST_CASE("CRITIC reproduces Tuş & Aytaç Adalı (2019)", "[weighting][variation][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const std::string base = cikit_test::shared_data_dir() + "/mcda-published-examples/";
  const Eigen::MatrixXd x = cikit_test::read_matrix(base + "critic_tus_adali2019.csv");
  const auto expected = cikit_test::read_table(base + "expected_results.csv");
  std::vector<double> published;
  for (std::size_t r = 1; r < expected.size(); ++r)
    if (expected[r].at(0) == "critic_tus_adali2019.csv") published = cikit_test::split_values(expected[r].at(3));
  REQUIRE(published.size() == 6);
  // Published to 3 dp, obtained WITHOUT reversing the cost column c1 (SOURCE.md): half a unit.
  const auto r = cikit::critic_weights(x);
  for (Eigen::Index j = 0; j < 6; ++j)
    REQUIRE_THAT(r.weights(j), WithinAbs(published[static_cast<std::size_t>(j)], 0.0005 + 1e-9));
  // Diakoulaki's orientation (c1 reversed) gives the other set quoted in SOURCE.md (3 dp).
  VariationOptions opt;
  opt.directions.assign(6, Direction::Positive);
  opt.directions[0] = Direction::Negative;
  const auto rc = cikit::critic_weights(x, opt);
  const std::vector<double> reversed{0.184, 0.213, 0.142, 0.158, 0.168, 0.134};
  for (Eigen::Index j = 0; j < 6; ++j)
    REQUIRE_THAT(rc.weights(j), WithinAbs(reversed[static_cast<std::size_t>(j)], 0.0005 + 1e-9));
}

TEST_CASE("CV, SD, CRITIC: properties", "[weighting][variation][property]") {
  // The last 15 rows of the input are complete.
  const Eigen::MatrixXd full = cikit_test::read_matrix(dir() + "/input.csv").bottomRows(15);
  REQUIRE(!full.hasNaN());
  using Fn = VariationWeights (*)(const Eigen::MatrixXd&, const VariationOptions&);
  const std::vector<std::pair<std::string, Fn>> fns{
      {"cv", cikit::cv_weights}, {"sd", cikit::sd_weights}, {"critic", cikit::critic_weights}};
  for (const auto& [name, fn] : fns) {
    SECTION(name) {
      const auto base = fn(full, {});
      CHECK(base.weights.minCoeff() >= 0);
      REQUIRE_THAT(base.weights.sum(), WithinAbs(1.0, 1e-14));
      const Eigen::MatrixXd rev = full.colwise().reverse();
      const auto r1 = fn(rev, {});
      Eigen::MatrixXd scaled = full;
      scaled.col(0) *= 250.0;
      scaled.col(2) *= 0.01;
      const auto r2 = fn(scaled, {});
      for (Eigen::Index j = 0; j < full.cols(); ++j) {
        // Reordering / rescaling changes rounding only.
        REQUIRE_THAT(r1.weights(j), WithinRel(base.weights(j), 1e-12));
        REQUIRE_THAT(r2.weights(j), WithinRel(base.weights(j), 1e-12));
      }
      if (name != "cv") {  // min-max based: invariant to positive affine maps
        Eigen::MatrixXd shifted = full;
        shifted.col(1) = (shifted.col(1).array() * 2.0 + 1000.0).matrix();
        const auto r3 = fn(shifted, {});
        for (Eigen::Index j = 0; j < full.cols(); ++j)
          REQUIRE_THAT(r3.weights(j), WithinRel(base.weights(j), 1e-10));
      }
    }
  }
  SECTION("a constant column gets CV/SD weight 0 with a warning") {
    Eigen::MatrixXd xc = full;
    xc.col(1).setConstant(2.0);
    for (Fn fn : {+[](const Eigen::MatrixXd& m, const VariationOptions& o) { return cikit::cv_weights(m, o); },
                  +[](const Eigen::MatrixXd& m, const VariationOptions& o) { return cikit::sd_weights(m, o); }}) {
      const auto r = fn(xc, {});
      REQUIRE_THAT(r.weights(1), WithinAbs(0.0, 1e-15));
      CHECK(any_contains(r.warnings, "column 2 is constant"));
    }
  }
}

TEST_CASE("CV, SD, CRITIC: errors", "[weighting][variation][error]") {
  Eigen::MatrixXd x(4, 3);
  x << 1, -1, 5, 2, 1, 6, 3, -2, 8, 4, 2, 7;
  VariationOptions named;
  named.ids = {"a", "b", "c"};
  SECTION("CV with a zero mean") {
    REQUIRE_THROWS_AS(cikit::cv_weights(x, named), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::cv_weights(x, named), Contains("column 2 'b' has mean 0 (zero)"));
  }
  SECTION("CRITIC with a constant column") {
    Eigen::MatrixXd xc = x;
    xc.col(2).setConstant(1.0);
    REQUIRE_THROWS_AS(cikit::critic_weights(xc, named), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::critic_weights(xc, named), Contains("column 3 'c' is constant"));
  }
  SECTION("CRITIC needs 2 indicators") {
    REQUIRE_THROWS_WITH(cikit::critic_weights(x.leftCols(1)), Contains("at least 2 indicators"));
  }
  SECTION("too few units") {
    REQUIRE_THROWS_WITH(cikit::critic_weights(x.topRows(2)), Contains("2 complete unit(s); at least 3"));
    REQUIRE_THROWS_WITH(cikit::sd_weights(x.topRows(1)), Contains("1 complete unit(s); at least 2"));
  }
  SECTION("all columns constant") {
    const Eigen::MatrixXd xc = Eigen::MatrixXd::Constant(4, 2, 3.0);
    REQUIRE_THROWS_WITH(cikit::cv_weights(xc), Contains("every column is constant"));
    REQUIRE_THROWS_WITH(cikit::sd_weights(xc), Contains("every column is constant"));
  }
  SECTION("missing value under the Error rule") {
    Eigen::MatrixXd xm = x;
    xm(1, 2) = kNaN;
    VariationOptions opt = named;
    opt.missing = cikit::CompleteCaseRule::Error;
    REQUIRE_THROWS_WITH(cikit::sd_weights(xm, opt), Contains("row 2, column 3 'c' is missing"));
  }
}
