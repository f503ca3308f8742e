// Tests of methods/validity/factorability: reference values from R psych 2.2.9 KMO and
// cortest.bartlett (validation/validity/factorability/generate.R), published values (Field 2012
// RAQ via JASP's verified tests, ../shared/data/raq-field-efa), properties and errors.

#include "methods/validity/factorability.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "../reliability/blocks.hpp"
#include "methods/core/csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit_test::column;
using cikit_test::read_table;
using cikit_test::ref_number;

namespace {
// KMO: one matrix inverse (LU in Eigen, LAPACK dgesv in R) of a well-conditioned R: observed
// ~1e-14. Bartlett: ln|R| from LU (Eigen) vs log(det()) (LAPACK): observed ~1e-14. 1e-10 as for
// the other closed forms; the p-values are upper tails far below 1 (relative 1e-9, Boost vs R
// pchisq incomplete gamma), or 0 in both.
constexpr double kRel = 1e-10;

Eigen::MatrixXd block_matrix(const std::string& ds, const std::string& blk, std::vector<std::string>& items) {
  if (ds == "singular") {
    const auto b = cikit_test::load_block("sim_small", "all");
    Eigen::MatrixXd x(b.x.rows(), 4);
    x << b.x.leftCols(3), b.x.leftCols(3).rowwise().sum();
    items = {"x01", "x02", "x03", "s"};
    return x;
  }
  if (ds == "n_small") {
    const auto b = cikit_test::load_block("sim_wide", "d1");
    items = b.items;
    return b.x.topRows(12);
  }
  const auto b = cikit_test::load_block(ds, blk);
  items = b.items;
  return b.x;
}
}  // namespace

TEST_CASE("kmo matches psych::KMO on every reference block", "[validity][factorability][reference]") {
  const auto t = read_table(cikit_test::validation_dir() + "/validity/factorability/ref_kmo.csv");
  cikit_test::DeviationLog log;
  std::string cur;
  cikit::KmoResult k;
  for (std::size_t r = 1; r < t.size(); ++r) {
    const std::string ds = t[r][column(t, "dataset")], blk = t[r][column(t, "block")],
                      item = t[r][column(t, "item")];
    const double ref = ref_number(t[r][column(t, "msa")]);
    INFO("block " << ds << "/" << blk << " item '" << item << "'");
    if (item.empty()) {
      std::vector<std::string> items;
      const Eigen::MatrixXd x = block_matrix(ds, blk, items);
      cikit::FactorabilityOptions o;
      o.item_ids = items;
      k = cikit::kmo(x, o);
      REQUIRE(k.singular == (ds == "singular"));
      REQUIRE_THAT(k.msa, WithinRel(ref, kRel));
      log.add("MSA", k.msa, ref);
      continue;
    }
    const auto pos = std::find(k.items.begin(), k.items.end(), item) - k.items.begin();
    REQUIRE(pos < static_cast<long>(k.items.size()));
    REQUIRE_THAT(k.msa_items[pos], WithinRel(ref, kRel));
    log.add("MSA_i", k.msa_items[pos], ref);
  }
  log.print("kmo");
}

TEST_CASE("bartlett_sphericity matches psych::cortest.bartlett", "[validity][factorability][reference]") {
  const auto t = read_table(cikit_test::validation_dir() + "/validity/factorability/ref_bartlett.csv");
  cikit_test::DeviationLog log;
  for (std::size_t r = 1; r < t.size(); ++r) {
    const auto c = [&](const char* name) { return ref_number(t[r][column(t, name)]); };
    const std::string ds = t[r][column(t, "dataset")], blk = t[r][column(t, "block")];
    INFO("block " << ds << "/" << blk);
    std::vector<std::string> items;
    const Eigen::MatrixXd x = block_matrix(ds, blk, items);
    const auto b = cikit::bartlett_sphericity(x);
    REQUIRE(b.n == static_cast<Eigen::Index>(c("n")));
    REQUIRE_THAT(b.chi_square, WithinRel(c("chisq"), kRel));
    REQUIRE_THAT(b.df, WithinRel(c("df"), 1e-15));
    REQUIRE_THAT(b.log_det, WithinRel(c("log_det"), kRel));
    REQUIRE_THAT(b.p_value, WithinRel(c("p_value"), 1e-9) || WithinAbs(c("p_value"), 1e-300));
    log.add("chi-square", b.chi_square, c("chisq"));
    log.add("ln|R|", b.log_det, c("log_det"));
    if (c("p_value") > 0.0) log.add("p-value", b.p_value, c("p_value"));
  }
  log.print("bartlett");
}

TEST_CASE("factorability: RAQ (Field 2012) KMO and Bartlett as published", "[validity][factorability][reference]") {
  if (!cikit_test::shared_data_available()) {
    WARN("../shared/data absent: skipped");
    return;
  }
  const auto t = read_table(cikit_test::shared_data_dir() + "/raq-field-efa/raq.csv");
  Eigen::MatrixXd x(static_cast<Eigen::Index>(t.size() - 1), static_cast<Eigen::Index>(t[0].size()));
  for (std::size_t r = 1; r < t.size(); ++r)
    for (std::size_t j = 0; j < t[0].size(); ++j)
      x(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(j)) = std::stod(t[r][j]);
  REQUIRE(x.rows() == 2571);
  // JASP's verified tests (SOURCE.md), 15 significant digits: 1e-12 relative.
  const auto k = cikit::kmo(x);
  REQUIRE_THAT(k.msa, WithinRel(0.930224499116479, 1e-12));
  const double msai[23] = {0.929761029851962, 0.87477543869641,  0.951037837608159, 0.955340346281847,
                           0.960089249619342, 0.891331391519047, 0.941679983971416, 0.871305450734792,
                           0.833729474658888, 0.948685759035385, 0.905933843822659, 0.954832379044363,
                           0.948226989113007, 0.967172177880905, 0.940440196823871, 0.933643944530183,
                           0.930620540762248, 0.947950840512207, 0.940702074165196, 0.889051428926174,
                           0.929336944448063, 0.878450847770398, 0.76639940895877};
  for (Eigen::Index j = 0; j < 23; ++j) REQUIRE_THAT(k.msa_items[j], WithinRel(msai[j], 1e-12));
  const auto b = cikit::bartlett_sphericity(x);
  REQUIRE_THAT(b.chi_square, WithinRel(19334.4919887839, 1e-12));
  REQUIRE_THAT(b.df, WithinRel(253.0, 1e-15));
  REQUIRE(b.p_value < 1e-300);
  // Field (2012): determinant 0.0005271037.
  REQUIRE_THAT(std::exp(b.log_det), WithinRel(0.0005271037, 1e-7));
  REQUIRE(k.warnings.empty());
}

TEST_CASE("factorability properties: bounds, hand example, verdicts as warnings", "[validity][factorability][property]") {
  const auto b = cikit_test::load_block("sim_missing", "all");
  const auto k = cikit::kmo(b.x);
  REQUIRE(k.msa >= 0.0);
  REQUIRE(k.msa <= 1.0);
  REQUIRE(k.msa_items.minCoeff() >= 0.0);
  REQUIRE(k.msa_items.maxCoeff() <= 1.0);
  // Sign flips of an indicator change neither KMO nor Bartlett.
  Eigen::MatrixXd xf = b.x;
  xf.col(3) *= -1.0;
  REQUIRE_THAT(cikit::kmo(xf).msa, WithinRel(k.msa, 1e-12));
  REQUIRE_THAT(cikit::bartlett_sphericity(xf).chi_square, WithinRel(cikit::bartlett_sphericity(b.x).chi_square, 1e-12));
  // Hand example: 2 variables, r = .6: Q = R^-1 gives partial a12 = -.6, MSA = .36/(.36+.36) = .5;
  // Bartlett chi2 = -ln(1 - .36)(n - 1 - 9/6), df 1.
  Eigen::MatrixXd r(2, 2);
  r << 1, .6, .6, 1;
  REQUIRE_THAT(cikit::kmo_from_correlation(r).msa, WithinRel(0.5, 1e-14));
  const auto bt = cikit::bartlett_sphericity_from_correlation(r, 50);
  REQUIRE_THAT(bt.chi_square, WithinRel(-std::log(0.64) * 47.5, 1e-14));
  REQUIRE_THAT(bt.df, WithinRel(1.0, 1e-15));
  // Identity: Bartlett chi2 = 0, p = 1, with the "sphericity not rejected" warning; KMO low.
  const auto bi = cikit::bartlett_sphericity_from_correlation(Eigen::MatrixXd::Identity(3, 3), 100);
  REQUIRE_THAT(bi.p_value, WithinRel(1.0, 1e-15));
  REQUIRE(bi.warnings.size() == 1);
  Eigen::MatrixXd weak(3, 3);  // psych::KMO gives MSA 0.3288591
  weak << 1, .3, .3, .3, 1, -.3, .3, -.3, 1;
  const auto kw = cikit::kmo_from_correlation(weak);
  REQUIRE_THAT(kw.msa, WithinAbs(0.3288591, 5e-8));
  REQUIRE(kw.warnings.size() == 1);
}

TEST_CASE("factorability: singular R (psych: Q = R, MSA 0.5; Bartlett undefined)", "[validity][factorability][error]") {
  std::vector<std::string> items;
  const Eigen::MatrixXd x = block_matrix("singular", "all", items);
  const auto k = cikit::kmo(x);
  REQUIRE(k.singular);
  REQUIRE(k.warnings.at(0).find("singular (reciprocal condition number") != std::string::npos);
  REQUIRE_THROWS_MATCHES(cikit::bartlett_sphericity(x), cikit::DomainError,
                         Catch::Matchers::Predicate<cikit::DomainError>([](const cikit::DomainError& e) {
                           return std::string(e.what()).find("singular or not positive definite") != std::string::npos;
                         }));
}

TEST_CASE("factorability errors", "[validity][factorability][error]") {
  REQUIRE_THROWS_AS(cikit::kmo(Eigen::MatrixXd::Ones(10, 1)), cikit::InvalidInput);
  REQUIRE_THROWS_AS(cikit::kmo_from_correlation(Eigen::MatrixXd::Ones(2, 3)), cikit::InvalidInput);
  Eigen::MatrixXd x(5, 3);
  x << 1, 2, 3, 2, 3, 1, 3, 1, 2, 4, 4, 5, 5, 6, 4;
  Eigen::MatrixXd xc = x;
  xc.col(1).setConstant(2.0);
  REQUIRE_THROWS_MATCHES(cikit::kmo(xc), cikit::DomainError,
                         Catch::Matchers::Predicate<cikit::DomainError>([](const cikit::DomainError& e) {
                           return std::string(e.what()).find("'V2' is constant") != std::string::npos;
                         }));
  Eigen::MatrixXd xp = x;
  xp(0, 0) = xp(1, 0) = xp(2, 1) = std::numeric_limits<double>::quiet_NaN();
  REQUIRE_THROWS_AS(cikit::kmo(xp), cikit::DomainError);
  // n too small for p: n - 1 - (2p + 5)/6 <= 0.
  REQUIRE_THROWS_AS(cikit::bartlett_sphericity_from_correlation(Eigen::MatrixXd::Identity(3, 3), 2), cikit::InvalidInput);
  Eigen::MatrixXd asym = Eigen::MatrixXd::Identity(3, 3);
  asym(0, 1) = 0.3;
  REQUIRE_THROWS_AS(cikit::kmo_from_correlation(asym), cikit::InvalidInput);
}

TEST_CASE("kmo: an indefinite correlation matrix names the cause", "[validity][factorability][bad-input]") {
  // Eigenvalues 2.00, 1.16, -0.164 (R: eigen): a pairwise-type matrix that no data set has. Its
  // inverse has a negative diagonal (R: diag(solve(r)) = -2.51, -1.96, -0.255), so the anti-image
  // correlations are undefined; the error must say so rather than "all correlations are zero".
  Eigen::MatrixXd r(3, 3);
  r << 1, 0.95, -0.5, 0.95, 1, 0.2, -0.5, 0.2, 1;
  CHECK_THROWS_WITH(cikit::kmo_from_correlation(r), Catch::Contains("not positive definite") &&
                                                         Catch::Contains("anti-image"));
}
