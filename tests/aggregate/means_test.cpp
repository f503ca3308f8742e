// Tests of methods/aggregate/means (weighted geometric, harmonic, power means): R reference
// (validation/aggregate/means), the UNDP HDI 2021 (../shared/data/undp-hdi-2021: HDI =
// geometric mean of three goalpost-normalised dimension indices), properties, errors.

#include "methods/aggregate/means.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../weighting/matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "methods/normalize/normalize.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::MeanOptions;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string dir() { return cikit_test::validation_dir() + "/aggregate/means"; }
const std::vector<std::string> kChildren{"c1", "c2", "c3", "c4"};

std::vector<std::string> units(Eigen::Index n) {
  std::vector<std::string> u;
  for (Eigen::Index i = 0; i < n; ++i) {
    std::string id = "u";  // not "u" + ...: GCC 12 -O3 -Wrestrict false positive
    id += std::to_string(i + 1);
    u.push_back(id);
  }
  return u;
}

void require_scores(const Eigen::VectorXd& got, const std::vector<std::vector<std::string>>& ref,
                    const std::string& column) {
  const std::size_t c = cikit_test::column(ref, column);
  REQUIRE(static_cast<std::size_t>(got.size()) + 1 == ref.size());
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    const double want = cikit_test::ref_number(ref[static_cast<std::size_t>(i) + 1][c]);
    if (std::isnan(want)) {
      REQUIRE(std::isnan(got(i)));
      continue;
    }
    // exp/log/pow of a weighted sum of <= 4 terms: a few ulp in R and here; 1e-13 relative.
    REQUIRE_THAT(got(i), WithinRel(want, 1e-13));
  }
}

}  // namespace

TEST_CASE("geometric, harmonic and power means match the R reference", "[aggregate][means][reference]") {
  const Eigen::MatrixXd x = cikit_test::read_matrix(dir() + "/input.csv");
  const auto ref = cikit_test::read_table(dir() + "/ref_means.csv");
  const Eigen::Vector4d w(0.4, 0.3, 0.2, 0.1);
  const auto u = units(x.rows());
  const auto g = cikit::weighted_geometric(x, w, {}, kChildren, u);
  require_scores(g.score, ref, "geometric");
  CHECK(g.n_missing(7) == 2);
  CHECK(g.n_missing(11) == 4);
  require_scores(cikit::weighted_harmonic(x, w, {}, kChildren, u).score, ref, "harmonic");
  require_scores(cikit::weighted_power_mean(x, w, 2.0, {}, kChildren, u).score, ref, "power_2");
  require_scores(cikit::weighted_power_mean(x, w, 0.5, {}, kChildren, u).score, ref, "power_0.5");
  require_scores(cikit::weighted_power_mean(x, w, -2.0, {}, kChildren, u).score, ref, "power_m2");
  require_scores(cikit::weighted_power_mean(x, w, 0.0, {}, kChildren, u).score, ref, "geometric");
  require_scores(cikit::weighted_power_mean(x, w, -1.0, {}, kChildren, u).score, ref, "harmonic");
  Eigen::MatrixXd x0 = x;
  x0(0, 2) = 0;
  MeanOptions shift;
  shift.zero = cikit::ZeroRule::Shift;
  shift.delta = 1.0;
  require_scores(cikit::weighted_geometric(x0, w, shift, kChildren, u).score, ref, "geometric_shift");
}

TEST_CASE("weighted geometric mean reproduces every published HDI 2021", "[aggregate][means][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const auto t = cikit_test::read_table(cikit_test::shared_data_dir() + "/undp-hdi-2021/hdi_2021_components.csv");
  const std::size_t c_hdi = cikit_test::column(t, "hdi_2021"), c_le = cikit_test::column(t, "le_2021"),
                    c_eys = cikit_test::column(t, "eys_2021"), c_mys = cikit_test::column(t, "mys_2021"),
                    c_gni = cikit_test::column(t, "gnipc_2021"), c_iso = cikit_test::column(t, "iso3");
  std::vector<std::vector<double>> rows;
  std::vector<double> published;
  std::vector<std::string> ids;
  for (std::size_t r = 1; r < t.size(); ++r) {
    const double h = cikit_test::ref_number(t[r][c_hdi]);
    if (std::isnan(h)) continue;
    rows.push_back({cikit_test::ref_number(t[r][c_le]), cikit_test::ref_number(t[r][c_eys]),
                    cikit_test::ref_number(t[r][c_mys]), std::log(cikit_test::ref_number(t[r][c_gni]))});
    published.push_back(h);
    ids.push_back(t[r][c_iso]);
  }
  REQUIRE(rows.size() == 202);
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd x(n, 4);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < 4; ++j) x(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  REQUIRE(!x.hasNaN());
  // UNDP goalposts (HDR 2021/22 technical notes); values above the maximum are capped.
  const std::vector<cikit::ColumnInfo> cols{
      {"le", cikit::Direction::Positive, std::pair{20.0, 85.0}},
      {"eys", cikit::Direction::Positive, std::pair{0.0, 18.0}},
      {"mys", cikit::Direction::Positive, std::pair{0.0, 15.0}},
      {"ln_gni", cikit::Direction::Positive, std::pair{std::log(100.0), std::log(75000.0)}}};
  cikit::NormalizeOptions nopt;
  nopt.method = cikit::NormalizeMethod::Goalposts;
  nopt.range_lo = 0;
  nopt.range_hi = 1;
  const Eigen::MatrixXd idx = cikit::normalize(x, cols, nopt).values;
  const Eigen::VectorXd edu = cikit::weighted_arithmetic(idx.middleCols(1, 2), Eigen::Vector2d(0.5, 0.5),
                                                         cikit::MissingPolicy::Error, {"eys", "mys"}, ids)
                                  .score;
  Eigen::MatrixXd dims(n, 3);
  dims << idx.col(0), edu, idx.col(3);
  const auto hdi =
      cikit::weighted_geometric(dims, Eigen::Vector3d::Constant(1.0 / 3), {}, {"health", "education", "income"}, ids);
  int matched = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    INFO(ids[static_cast<std::size_t>(i)] << ": computed " << hdi.score(i));
    // Published to 3 dp: our value rounded to 3 dp must equal it (1e-9: decimal text of a 3-dp number).
    REQUIRE_THAT(std::round(hdi.score(i) * 1000.0) / 1000.0, WithinAbs(published[static_cast<std::size_t>(i)], 1e-9));
    ++matched;
  }
  CHECK(matched == 202);
}

TEST_CASE("power means: properties", "[aggregate][means][property]") {
  Eigen::MatrixXd x(3, 3);
  x << 4, 4, 64, 5, 5, 5, 1, 50, 100;
  const Eigen::Vector3d w(0.5, 0.25, 0.25);
  const std::vector<std::string> ch{"a", "b", "c"}, u{"p", "q", "r"};
  const auto h = cikit::weighted_harmonic(x, w, {}, ch, u).score;
  const auto g = cikit::weighted_geometric(x, w, {}, ch, u).score;
  const auto a = cikit::weighted_arithmetic(x, w, cikit::MissingPolicy::Available, ch, u).score;
  const auto q = cikit::weighted_power_mean(x, w, 2.0, {}, ch, u).score;
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK(h(i) <= g(i) * (1 + 1e-15));  // harmonic <= geometric <= arithmetic <= quadratic
    CHECK(g(i) <= a(i) * (1 + 1e-15));
    CHECK(a(i) <= q(i) * (1 + 1e-15));
  }
  // Equal values: every mean returns that value (unit q = 5, 5, 5).
  for (double r : {-3.0, -1.0, 0.0, 0.5, 1.0, 4.0})
    REQUIRE_THAT(cikit::weighted_power_mean(x, w, r, {}, ch, u).score(1), WithinRel(5.0, 1e-14));
  // Hand values for (4, 4, 64) with weights (1/2, 1/4, 1/4): geometric 4^(3/4) 64^(1/4) = 2^3 = 8;
  // harmonic 1/(3/16 + 1/256) = 256/49.
  REQUIRE_THAT(g(0), WithinRel(8.0, 1e-14));
  REQUIRE_THAT(h(0), WithinRel(256.0 / 49.0, 1e-14));
  // Homogeneous of degree 1.
  const auto g2 = cikit::weighted_geometric(3.0 * x, w, {}, ch, u).score;
  for (Eigen::Index i = 0; i < 3; ++i) REQUIRE_THAT(g2(i), WithinRel(3.0 * g(i), 1e-14));
}

TEST_CASE("power means: errors", "[aggregate][means][error]") {
  Eigen::MatrixXd x(2, 2);
  x << 4, 9, 0, 16;
  const Eigen::Vector2d w(0.5, 0.5);
  const std::vector<std::string> ch{"gdp", "pm25"}, u{"Beijing", "Shanghai"};
  SECTION("a zero under the default rule names unit and indicator") {
    REQUIRE_THROWS_AS(cikit::weighted_geometric(x, w, {}, ch, u), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::weighted_geometric(x, w, {}, ch, u), Contains("indicator 'gdp'") &&
                                                                        Contains("unit 'Shanghai'") &&
                                                                        Contains("score is 0"));
    REQUIRE_THROWS_AS(cikit::weighted_harmonic(x, w, {}, ch, u), cikit::DomainError);
    CHECK_NOTHROW(cikit::weighted_power_mean(x, w, 2.0, {}, ch, u));  // r > 0: zero is fine
  }
  SECTION("a negative score") {
    Eigen::MatrixXd xn = x;
    xn(1, 0) = -1;
    REQUIRE_THROWS_WITH(cikit::weighted_power_mean(xn, w, 2.0, {}, ch, u), Contains("negative"));
  }
  SECTION("missing under MissingPolicy::Error") {
    Eigen::MatrixXd xm = x;
    xm(1, 0) = kNaN;
    MeanOptions opt;
    opt.missing = cikit::MissingPolicy::Error;
    REQUIRE_THROWS_WITH(cikit::weighted_geometric(xm, w, opt, ch, u), Contains("missing value"));
  }
  SECTION("invalid options and sizes") {
    MeanOptions opt;
    opt.zero = cikit::ZeroRule::Shift;
    REQUIRE_THROWS_AS(cikit::weighted_geometric(x, w, opt, ch, u), cikit::InvalidInput);  // delta 0
    REQUIRE_THROWS_AS(cikit::weighted_geometric(x, Eigen::Vector3d::Ones(), {}, ch, u), cikit::InvalidInput);
    REQUIRE_THROWS_AS(cikit::weighted_power_mean(x, w, std::nan(""), {}, ch, u), cikit::InvalidInput);
    REQUIRE_THROWS_AS(cikit::weighted_geometric(x, Eigen::Vector2d(-1, 2), {}, ch, u), cikit::InvalidInput);
  }
}
