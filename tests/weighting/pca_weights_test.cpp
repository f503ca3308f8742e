// Tests of methods/weighting/pca_weights (OECD/JRC Handbook PCA weights, COINr PC1 weights,
// varimax): base-R reimplementation (validation/weighting/pca: prcomp + stats::varimax on
// simulator data), the Handbook's TAI example (../shared/data/oecd-tai), properties, errors.

#include "methods/weighting/pca_weights.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::PcaWeightOptions;

namespace {

std::string dir() { return cikit_test::validation_dir() + "/weighting/pca"; }

/// A (case, quantity) block of the long-format reference as a matrix (rows × cols, 1-based).
Eigen::MatrixXd ref_block(const std::vector<std::vector<std::string>>& t, const std::string& c,
                          const std::string& quantity) {
  int rows = 0, cols = 0;
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r][0] == c && t[r][1] == quantity) {
      rows = std::max(rows, std::stoi(t[r][2]));
      cols = std::max(cols, std::stoi(t[r][3]));
    }
  if (rows == 0) FAIL("no reference block " << c << "/" << quantity);
  Eigen::MatrixXd m(rows, cols);
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r][0] == c && t[r][1] == quantity) m(std::stoi(t[r][2]) - 1, std::stoi(t[r][3]) - 1) = std::stod(t[r][4]);
  return m;
}

void require_close(const Eigen::MatrixXd& got, const Eigen::MatrixXd& want, double tol) {
  REQUIRE(got.rows() == want.rows());
  REQUIRE(got.cols() == want.cols());
  for (Eigen::Index i = 0; i < got.rows(); ++i)
    for (Eigen::Index j = 0; j < got.cols(); ++j)
      REQUIRE_THAT(got(i, j), WithinRel(want(i, j), tol) || WithinAbs(want(i, j), tol));
}

Eigen::MatrixXd sim1() {
  return cikit_test::read_matrix(dir() + "/sim1/data.csv", 4);  // unit_id, unit_zh, unit_en, province
}

void check_oecd_case(const PcaWeightOptions& opt, const std::vector<std::vector<std::string>>& ref,
                     const std::string& name) {
  const auto r = cikit::pca_weights(sim1(), opt);
  CHECK(r.n_used == 158);
  CHECK(r.n_dropped == 42);
  REQUIRE(r.n_factors == static_cast<int>(ref_block(ref, name, "n_factors")(0, 0)));
  // Eigen (Jacobi/QR) vs LAPACK (prcomp's SVD): 1e-10 on eigenvalues, 1e-9 on loadings.
  require_close(r.eigenvalues, ref_block(ref, name, "eigenvalues"), 1e-10);
  require_close(r.loadings, ref_block(ref, name, "loadings"), 1e-9);
  // Varimax is iterative (same algorithm and stopping rule as stats::varimax, same start up to
  // column signs): 1e-6, the family's tolerance for iterative fits.
  require_close(r.rotated, ref_block(ref, name, "rotated"), 1e-6);
  require_close(r.factor_variance, ref_block(ref, name, "factor_variance"), 1e-6);
  require_close(r.scaled_squared, ref_block(ref, name, "scaled_squared"), 1e-6);
  const Eigen::MatrixXd assigned = ref_block(ref, name, "assigned");
  for (Eigen::Index i = 0; i < assigned.rows(); ++i)
    REQUIRE(r.assigned[static_cast<std::size_t>(i)] + 1 == static_cast<int>(assigned(i, 0)));
  require_close(r.weights, ref_block(ref, name, "weights"), 1e-6);
}

}  // namespace

TEST_CASE("OECD PCA weights match prcomp + varimax in R", "[weighting][pca][reference]") {
  const auto ref = cikit_test::read_table(dir() + "/ref_pca_sim1.csv");
  SECTION("3 factors (fixed)") {
    PcaWeightOptions opt;
    opt.n_factors = 3;
    check_oecd_case(opt, ref, "oecd_m3");
  }
  SECTION("Handbook retention rules") { check_oecd_case({}, ref, "oecd_rules"); }
}

TEST_CASE("PC1 weights (COINr get_PCA and variants) match prcomp in R", "[weighting][pca][reference]") {
  const auto ref = cikit_test::read_table(dir() + "/ref_pca_sim1.csv");
  Eigen::MatrixXd x = sim1();
  x.col(4) = -x.col(4);  // x05 and x10 are negative-direction indicators: orient them
  x.col(9) = -x.col(9);
  // One eigenvector of a symmetric matrix, Eigen vs LAPACK: 1e-9.
  const auto s = cikit::pc1_weights(x);
  require_close(s.eigenvector, ref_block(ref, "pc1", "eigenvector"), 1e-9);
  require_close(s.weights, ref_block(ref, "pc1", "signed"), 1e-9);
  cikit::Pc1Options opt;
  opt.variant = cikit::Pc1Variant::Absolute;
  require_close(cikit::pc1_weights(x, opt).weights, ref_block(ref, "pc1", "absolute"), 1e-9);
  opt.variant = cikit::Pc1Variant::Squared;
  require_close(cikit::pc1_weights(x, opt).weights, ref_block(ref, "pc1", "squared"), 1e-9);
  // One factor in the OECD scheme is the squared PC1 eigenvector.
  PcaWeightOptions one;
  one.n_factors = 1;
  require_close(cikit::pca_weights(x, one).weights, ref_block(ref, "pc1", "squared"), 1e-9);
}

TEST_CASE("OECD PCA weights reproduce the Handbook's TAI example (Tables 17, 22)", "[weighting][pca][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const std::string base = cikit_test::shared_data_dir() + "/oecd-tai/";
  const Eigen::MatrixXd x = cikit_test::read_matrix(base + "tai23_raw.csv");
  PcaWeightOptions opt;
  opt.n_factors = 4;  // Handbook Table 16: four factors retained
  const auto r = cikit::pca_weights(x, opt);
  // Table 17 groups: INT, ELE, SCH | PAT, EXP | UNI | ROY, TEL. Factor labels are arbitrary, so
  // compare the partition.
  const std::vector<int>& a = r.assigned;  // patents royalties internet exports tel ele school univ
  CHECK(a[2] == a[5]);
  CHECK(a[5] == a[6]);
  CHECK(a[0] == a[3]);
  CHECK(a[1] == a[4]);
  CHECK(a[0] != a[2]);
  CHECK(a[1] != a[2]);
  CHECK(a[7] != a[0]);
  CHECK(a[7] != a[1]);
  CHECK(a[7] != a[2]);
  CHECK(a[0] != a[1]);
  // Explained variances of the rotated factors: 2.64 (F1), 1.39 (F2), 1.19 (F3), 1.76 (F4) in the
  // Handbook (2 dp; the data's logs are 2-dp, see SOURCE.md): within 0.03.
  const std::vector<double> ev{2.64, 1.39, 1.19, 1.76};
  const std::vector<int> rep{2, 0, 7, 1};  // an indicator of each Handbook factor
  for (std::size_t f = 0; f < 4; ++f)
    REQUIRE_THAT(r.factor_variance(a[static_cast<std::size_t>(rep[f])]), WithinAbs(ev[f], 0.03));
  // Table 22 "FA" weights, printed to 2 dp: half a unit plus the effect of the 2-dp logs in the
  // data (SOURCE.md: correlations off by up to 0.02): max observed 0.011 (electricity), 0.012.
  const auto published = cikit_test::read_table(base + "tai_weights_table22.csv");
  for (std::size_t row = 1; row < published.size(); ++row) {
    if (published[row][0] != "FA") continue;
    for (Eigen::Index j = 0; j < 8; ++j)
      REQUIRE_THAT(r.weights(j), WithinAbs(std::stod(published[row][static_cast<std::size_t>(j) + 1]), 0.012));
  }
  // The Handbook's rules with (a) relaxed (eigenvalues 0.985, 0.894 are "close to 1"): shares > 10%
  // and cumulative >= 60% keep 4 factors.
  PcaWeightOptions rules;
  rules.min_eigenvalue = 0;
  CHECK(cikit::pca_weights(x, rules).n_factors == 4);
  CHECK(cikit::pca_weights(x).n_factors == 2);  // strict Kaiser rule: 3.35, 1.75
  // Same numbers from the R reimplementation (written when the data were present).
  const std::string ref_file = dir() + "/ref_pca_tai.csv";
  if (std::filesystem::exists(ref_file)) {
    const auto ref = cikit_test::read_table(ref_file);
    require_close(r.weights, ref_block(ref, "tai_m4", "weights"), 1e-6);  // iterative (varimax)
    require_close(r.rotated, ref_block(ref, "tai_m4", "rotated"), 1e-6);
  }
}

TEST_CASE("varimax matches its definition", "[weighting][pca][property]") {
  const auto r = cikit::pca_weights(sim1(), PcaWeightOptions{.n_factors = 3});
  const Eigen::MatrixXd t = r.varimax.rotation;
  // Orthogonal rotation: T'T = I, communalities unchanged.
  REQUIRE((t.transpose() * t - Eigen::MatrixXd::Identity(3, 3)).cwiseAbs().maxCoeff() < 1e-12);
  const Eigen::VectorXd h0 = r.loadings.rowwise().squaredNorm();
  const Eigen::VectorXd h1 = r.rotated.rowwise().squaredNorm();
  REQUIRE((h0 - h1).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(r.varimax.converged);
  // Scaled squared loadings sum to 1 per factor.
  for (Eigen::Index f = 0; f < 3; ++f) REQUIRE_THAT(r.scaled_squared.col(f).sum(), WithinAbs(1.0, 1e-12));
  // One column: returned unchanged.
  const Eigen::MatrixXd one = r.loadings.leftCols(1);
  REQUIRE(cikit::varimax(one).loadings == one);  // methods/validity varimax, shared
}

TEST_CASE("PCA weights: properties", "[weighting][pca][property]") {
  const Eigen::MatrixXd x = sim1();
  const auto base = cikit::pca_weights(x);
  CHECK(base.weights.minCoeff() >= 0);
  REQUIRE_THAT(base.weights.sum(), WithinAbs(1.0, 1e-14));
  SECTION("invariant to positive affine maps of columns and to the order of units") {
    Eigen::MatrixXd y = x.colwise().reverse();
    y.col(0) = (y.col(0).array() * 12.5 - 40.0).matrix();
    const auto r = cikit::pca_weights(y);
    for (Eigen::Index j = 0; j < x.cols(); ++j) REQUIRE_THAT(r.weights(j), WithinAbs(base.weights(j), 1e-8));
  }
  SECTION("invariant to reversing a column's sign (squares)") {
    Eigen::MatrixXd y = x;
    y.col(3) = -y.col(3);
    const auto r = cikit::pca_weights(y);
    for (Eigen::Index j = 0; j < x.cols(); ++j) REQUIRE_THAT(r.weights(j), WithinAbs(base.weights(j), 1e-8));
  }
}

TEST_CASE("PCA weights: errors", "[weighting][pca][error]") {
  Eigen::MatrixXd x(5, 3);
  x << 1, 2, 3, 2, 1, 5, 3, 4, 4, 4, 3, 8, 5, 6, 6;
  cikit::PcaWeightOptions named;
  named.ids = {"a", "b", "c"};
  SECTION("constant column") {
    Eigen::MatrixXd xc = x;
    xc.col(1).setConstant(2);
    REQUIRE_THROWS_AS(cikit::pca_weights(xc, named), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::pca_weights(xc, named), Contains("column 2 'b' is constant"));
    REQUIRE_THROWS_WITH(cikit::pc1_weights(xc), Contains("column 2 is constant"));
  }
  SECTION("too few units or indicators") {
    REQUIRE_THROWS_WITH(cikit::pca_weights(x.topRows(2)), Contains("2 complete unit(s); PCA needs at least 3"));
    REQUIRE_THROWS_WITH(cikit::pca_weights(x.leftCols(1)), Contains("at least 2"));
  }
  SECTION("n_factors out of range") {
    REQUIRE_THROWS_WITH(cikit::pca_weights(x, PcaWeightOptions{.n_factors = 4}), Contains("n_factors is 4"));
  }
  SECTION("signed PC1 weights with mixed signs") {
    Eigen::MatrixXd y = x;
    y.col(2) = -y.col(2) * 3.0;
    y.col(0) = -y.col(0);
    cikit::Pc1Options o;
    o.ids = {"a", "b", "c"};
    REQUIRE_THROWS_AS(cikit::pc1_weights(y, o), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::pc1_weights(y, o), Contains("negative PC1 loading"));
    o.variant = cikit::Pc1Variant::Absolute;
    CHECK_NOTHROW(cikit::pc1_weights(y, o));
  }
  SECTION("varimax options") {
    PcaWeightOptions bad;
    bad.n_factors = 2;
    bad.varimax_eps = 0.0;
    REQUIRE_THROWS_AS(cikit::pca_weights(sim1(), bad), cikit::InvalidInput);
  }
}
