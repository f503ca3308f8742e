// Tests of methods/cfa/fiml (FIML log-likelihood, gradient, scores, Hessian, EM for H1).
// Reference values: validation/cfa/fiml/generate.R (lavaan 0.6-14, R 4.2.2, psychTools 2.2.9):
// psychTools::bfi items A1..O5 (2800 x 25, 87 missing-data patterns) and a hand-made 20 x 5 set
// (7 patterns, one entirely missing row). See validation/cfa/fiml/README.md.
#include "methods/cfa/fiml.hpp"

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <limits>
#include <map>
#include <string>

#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::cfa::em_saturated;
using cikit::cfa::fiml_casewise_scores;
using cikit::cfa::fiml_hessian;
using cikit::cfa::fiml_loglik;
using cikit::cfa::make_patterns;
using cikit::cfa::n_units;
using cikit::cfa::vech_index;
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string dir() { return cikit_test::validation_dir() + "/cfa/fiml/"; }

/// A data CSV of validation/cfa/fiml (header, "NA" = missing) as a matrix with NaN.
MatrixXd read_data(const std::string& file) {
  const auto t = cikit_test::read_table(dir() + file);
  return cikit_test::numeric_columns(t, t.at(0));
}

/// Long-format reference (dataset, kind, i, j, value) -> matrix of `kind` for `dataset`
/// (1-based i, j; entries not listed are NaN).
MatrixXd ref_matrix(const std::string& file, const std::string& set, const std::string& kind,
                    Index rows, Index cols) {
  const auto t = cikit_test::read_table(dir() + file);
  MatrixXd m = MatrixXd::Constant(rows, cols, kNaN);
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r][0] == set && t[r][1] == kind)
      m(std::stol(t[r][2]) - 1, std::stol(t[r][3]) - 1) = cikit_test::ref_number(t[r][4]);
  return m;
}

double ref_scalar(const std::string& set, const std::string& quantity) {
  const auto t = cikit_test::read_table(dir() + "ref_loglik.csv");
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r][0] == set && t[r][1] == quantity) return cikit_test::ref_number(t[r][2]);
  FAIL("no reference " << set << " " << quantity);
  return kNaN;
}

/// Largest |a - b| / (scale + |b|) over the entries where b is not NaN.
double max_rel_diff(const MatrixXd& a, const MatrixXd& b, double scale) {
  REQUIRE(a.rows() == b.rows());
  REQUIRE(a.cols() == b.cols());
  double worst = 0;
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i)
      if (!std::isnan(b(i, j))) worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / (scale + std::abs(b(i, j))));
  return worst;
}

struct Case {
  std::string name;
  MatrixXd x;
  VectorXd mu;      // model-implied moments of the lavaan fit
  MatrixXd sigma;
};

Case load(const std::string& name, const std::string& file) {
  Case c{name, read_data(file), {}, {}};
  const Index p = c.x.cols();
  c.mu = ref_matrix("ref_moments.csv", name, "model_mu", p, 1).col(0);
  c.sigma = ref_matrix("ref_moments.csv", name, "model_sigma", p, p);
  return c;
}

/// theta = (mu, vech Sigma) -> (mu, Sigma)
void unpack(const VectorXd& theta, int p, VectorXd& mu, MatrixXd& sigma) {
  mu = theta.head(p);
  sigma.resize(p, p);
  for (int j = 0; j < p; ++j)
    for (int i = j; i < p; ++i) sigma(i, j) = sigma(j, i) = theta(p + vech_index(i, j, p));
}

VectorXd pack(const VectorXd& mu, const MatrixXd& sigma) {
  const auto p = static_cast<int>(mu.size());
  VectorXd theta(p + p * (p + 1) / 2);
  theta.head(p) = mu;
  for (int j = 0; j < p; ++j)
    for (int i = j; i < p; ++i) theta(p + vech_index(i, j, p)) = sigma(i, j);
  return theta;
}

/// Gradient in theta from a FimlValue: (d_mu, 2 G_ij off the diagonal, G_ii on it).
VectorXd theta_gradient(const cikit::cfa::FimlValue& v) {
  MatrixXd two_g = 2 * v.d_sigma;
  two_g.diagonal() = v.d_sigma.diagonal();
  return pack(v.d_mu, two_g);
}

}  // namespace

TEST_CASE("fiml: patterns and counts as lavaan", "[cfa][fiml][reference]") {
  for (const auto& [name, file] : std::map<std::string, std::string>{{"bfi", "bfi_items.csv"}, {"small", "small.csv"}}) {
    const MatrixXd x = read_data(file);
    const auto pats = make_patterns(x);
    INFO(name);
    CHECK(n_units(pats) == static_cast<int>(ref_scalar(name, "ntotal")));
    CHECK(pats.n_rows == static_cast<int>(ref_scalar(name, "n_rows")));
    CHECK(static_cast<int>(pats.patterns.size()) == static_cast<int>(ref_scalar(name, "n_patterns")));
    int total = 0;
    for (const auto& pat : pats.patterns) total += pat.count;
    CHECK(total == n_units(pats));
  }
}

TEST_CASE("fiml: loglik, gradient and Hessian at a fitted model match lavaan", "[cfa][fiml][reference]") {
  for (const auto& c : {load("bfi", "bfi_items.csv"), load("small", "small.csv")}) {
    INFO(c.name);
    const auto pats = make_patterns(c.x);
    const Index p = c.x.cols();
    const auto v = fiml_loglik(pats, c.mu, c.sigma);
    // loglik: fitMeasures(fit, "logl"); printed to 17 digits, differences are summation order
    // only, so 1e-12 relative (the brief asks <= 1e-9).
    CHECK_THAT(v.loglik, WithinRel(ref_scalar(c.name, "fit_logl"), 1e-12));
    CHECK_THAT(v.loglik, WithinRel(ref_scalar(c.name, "loglik_model_moments"), 1e-12));
    // gradients: lav_mvnorm_missing_dlogl_dmu / _dSigma / _dvechSigma. At a fitted model the
    // gradient is a small difference of large sums (|terms| ~ N), so the error is relative to
    // the scale N; 1e-10 of it.
    const double n = n_units(pats);
    CHECK(max_rel_diff(v.d_mu, ref_matrix("ref_gradient.csv", c.name, "d_mu", p, 1), n) < 1e-10);
    CHECK(max_rel_diff(v.d_sigma, ref_matrix("ref_gradient.csv", c.name, "d_sigma", p, p), n) < 1e-10);
    const VectorXd g = theta_gradient(v).tail(p * (p + 1) / 2);
    CHECK(max_rel_diff(g, ref_matrix("ref_gradient.csv", c.name, "d_vech_sigma", g.size(), 1), n) < 1e-10);
    // Hessian: lav_mvnorm_missing_logl_hessian_samplestats (bfi: every 25th row, all columns)
    const MatrixXd h = fiml_hessian(pats, c.mu, c.sigma);
    const MatrixXd h_ref = ref_matrix("ref_hessian.csv", c.name, "hessian", h.rows(), h.cols());
    CHECK(max_rel_diff(h, h_ref, 1e-6 * h.cwiseAbs().maxCoeff()) < 1e-10);
    CHECK((h - h.transpose()).cwiseAbs().maxCoeff() <= 0.0);  // exactly symmetric
    // casewise scores: lav_mvnorm_missing_scores_mu_vech_sigma (bfi: 10 rows) and column sums
    const MatrixXd sc = fiml_casewise_scores(pats, c.mu, c.sigma);
    REQUIRE(sc.rows() == n_units(pats));
    REQUIRE(sc.cols() == p + p * (p + 1) / 2);
    MatrixXd by_row = MatrixXd::Constant(pats.n_rows, sc.cols(), kNaN);
    for (int u = 0; u < n_units(pats); ++u) by_row.row(pats.unit_rows[static_cast<std::size_t>(u)]) = sc.row(u);
    const MatrixXd sc_ref = ref_matrix("ref_scores.csv", c.name, "scores", pats.n_rows, sc.cols());
    CHECK(max_rel_diff(by_row, sc_ref, 1.0) < 1e-12);
    const MatrixXd colsum = sc.colwise().sum().transpose();
    CHECK(max_rel_diff(colsum, ref_matrix("ref_scores.csv", c.name, "scores_colsum", sc.cols(), 1), n) < 1e-10);
    CHECK(max_rel_diff(colsum, theta_gradient(v), n) < 1e-12);
  }
}

TEST_CASE("fiml: EM saturated moments and unrestricted loglik match lavaan", "[cfa][fiml][reference]") {
  for (const auto& c : {load("bfi", "bfi_items.csv"), load("small", "small.csv")}) {
    INFO(c.name);
    const auto pats = make_patterns(c.x);
    const Index p = c.x.cols();
    const auto fit = em_saturated(pats);
    CHECK(fit.converged);
    // EM to tol 1e-10 (ours) vs lavaan's own EM run to tol 1e-13: the same MLE; 1e-8 relative
    // to the scale of the entries (the brief asks <= 1e-6).
    CHECK(max_rel_diff(fit.mu, ref_matrix("ref_moments.csv", c.name, "em_tight_mu", p, 1), 1) < 1e-8);
    CHECK(max_rel_diff(fit.sigma, ref_matrix("ref_moments.csv", c.name, "em_tight_sigma", p, p), 1) < 1e-8);
    // lavaan's defaults stop EM at tol 1e-5 (max abs change); its H1 moments (sampstat.h1) are
    // within a few 1e-5 of the MLE, so 1e-4 here.
    CHECK(max_rel_diff(fit.mu, ref_matrix("ref_moments.csv", c.name, "h1_lavaan_default_mu", p, 1), 1) < 1e-4);
    CHECK(max_rel_diff(fit.sigma, ref_matrix("ref_moments.csv", c.name, "h1_lavaan_default_sigma", p, p), 1) < 1e-4);
    // unrestricted.logl: the loglik is flat at the maximum, so lavaan's looser EM changes it by
    // O(1e-10) only: 1e-9 relative (brief).
    CHECK_THAT(fit.loglik, WithinRel(ref_scalar(c.name, "fit_unrestricted_logl"), 1e-9));
    CHECK_THAT(fit.loglik, WithinRel(ref_scalar(c.name, "loglik_em_tight"), 1e-12));
    // at the MLE the gradient vanishes (relative to N)
    const auto v = fiml_loglik(pats, fit.mu, fit.sigma);
    CHECK(v.d_mu.cwiseAbs().maxCoeff() / n_units(pats) < 1e-8);
    CHECK(v.d_sigma.cwiseAbs().maxCoeff() / n_units(pats) < 1e-8);
  }
}

TEST_CASE("fiml: gradient and Hessian agree with finite differences", "[cfa][fiml][property]") {
  const Case c = load("small", "small.csv");
  const auto pats = make_patterns(c.x);
  const int p = static_cast<int>(c.x.cols());
  const VectorXd theta = pack(c.mu, c.sigma);
  const auto v = fiml_loglik(pats, c.mu, c.sigma);
  const VectorXd g = theta_gradient(v);
  const MatrixXd h = fiml_hessian(pats, c.mu, c.sigma);
  const double step = 1e-5;  // central differences: error O(step^2) ~ 1e-10 x third derivative
  VectorXd mu;
  MatrixXd sigma;
  for (Index k = 0; k < theta.size(); ++k) {
    VectorXd tp = theta, tm = theta;
    tp(k) += step;
    tm(k) -= step;
    unpack(tp, p, mu, sigma);
    const auto vp = fiml_loglik(pats, mu, sigma);
    unpack(tm, p, mu, sigma);
    const auto vm = fiml_loglik(pats, mu, sigma);
    INFO("theta index " << k);
    CHECK_THAT(g(k), WithinAbs((vp.loglik - vm.loglik) / (2 * step), 1e-5));
    const VectorXd hk = (theta_gradient(vp) - theta_gradient(vm)) / (2 * step);
    CHECK((h.col(k) - hk).cwiseAbs().maxCoeff() < 1e-4 * (1 + h.col(k).cwiseAbs().maxCoeff()));
  }
}

TEST_CASE("fiml: complete data reduce to the sample moments", "[cfa][fiml][property]") {
  // With no missing values the EM solution is the sample mean and ML covariance (one step),
  // and logL = -N/2 [p log 2pi + log|Sigma| + tr(Sigma^-1 S) + d' Sigma^-1 d].
  MatrixXd x = read_data("bfi_items.csv").topRows(300);
  Eigen::Matrix<bool, Eigen::Dynamic, 1> complete = x.array().isNaN().rowwise().any().cast<bool>() == false;
  MatrixXd y(complete.count(), x.cols());
  for (Index r = 0, k = 0; r < x.rows(); ++r)
    if (complete(r)) y.row(k++) = x.row(r);
  const auto pats = make_patterns(y);
  REQUIRE(pats.patterns.size() == 1);
  const double n = static_cast<double>(y.rows());
  const VectorXd m = y.colwise().mean().transpose();
  const MatrixXd z = y.rowwise() - m.transpose();
  const MatrixXd s = z.transpose() * z / n;
  const auto fit = em_saturated(pats);
  CHECK(fit.converged);
  CHECK(fit.iterations <= 2);
  CHECK((fit.mu - m).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((fit.sigma - s).cwiseAbs().maxCoeff() < 1e-12);
  const double pd = static_cast<double>(y.cols());
  const Eigen::LLT<MatrixXd> llt(s);
  const double logdet = 2 * llt.matrixLLT().diagonal().array().log().sum();
  CHECK_THAT(fit.loglik, WithinRel(-n / 2 * (pd * std::log(2 * std::numbers::pi) + logdet + pd), 1e-12));
}

TEST_CASE("fiml: row order and entirely missing rows do not matter", "[cfa][fiml][property]") {
  const Case c = load("small", "small.csv");
  MatrixXd x = c.x.colwise().reverse();  // rows reversed
  MatrixXd extra(x.rows() + 2, x.cols());
  extra << x, MatrixXd::Constant(2, x.cols(), kNaN);
  const auto a = make_patterns(c.x);
  const auto b = make_patterns(extra);
  CHECK(b.n_empty == a.n_empty + 2);
  CHECK(n_units(a) == n_units(b));
  const auto va = fiml_loglik(a, c.mu, c.sigma);
  const auto vb = fiml_loglik(b, c.mu, c.sigma);
  CHECK_THAT(vb.loglik, WithinRel(va.loglik, 1e-13));
  CHECK((va.d_sigma - vb.d_sigma).cwiseAbs().maxCoeff() < 1e-12);
  // without gradient: same loglik, empty gradient
  const auto vn = fiml_loglik(a, c.mu, c.sigma, false);
  CHECK(std::abs(vn.loglik - va.loglik) <= 0.0);  // the same arithmetic
  CHECK(vn.d_mu.size() == 0);
  // scores row u belongs to input row unit_rows[u]
  const MatrixXd sa = fiml_casewise_scores(a, c.mu, c.sigma);
  const MatrixXd sb = fiml_casewise_scores(b, c.mu, c.sigma);
  const int nr = a.n_rows;
  for (int u = 0; u < n_units(a); ++u) {
    const int row = a.unit_rows[static_cast<std::size_t>(u)];
    int ub = -1;
    for (int k = 0; k < n_units(b); ++k)
      if (b.unit_rows[static_cast<std::size_t>(k)] == nr - 1 - row) ub = k;
    REQUIRE(ub >= 0);
    CHECK((sa.row(u) - sb.row(ub)).cwiseAbs().maxCoeff() <= 0.0);
  }
}

TEST_CASE("fiml: bad input gives clear errors", "[cfa][fiml][error]") {
  MatrixXd x(4, 3);
  x << 1, 2, kNaN, 2, 1, kNaN, 3, 5, kNaN, 4, 3, kNaN;
  CHECK_THROWS_AS(make_patterns(x), cikit::InvalidInput);
  CHECK_THROWS_WITH(make_patterns(x), Catch::Contains("column 3 has no observed value"));
  MatrixXd one(3, 2);
  one << 1, 2, kNaN, kNaN, kNaN, kNaN;
  CHECK_THROWS_AS(make_patterns(one), cikit::InvalidInput);
  CHECK_THROWS_WITH(make_patterns(one), Catch::Contains("at least 2"));
  MatrixXd inf = MatrixXd::Ones(3, 2);
  inf(1, 1) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(make_patterns(inf), Catch::Contains("row 2, column 2 is infinite"));
  CHECK_THROWS_AS(make_patterns(MatrixXd(3, 0)), cikit::InvalidInput);

  const Case c = load("small", "small.csv");
  const auto pats = make_patterns(c.x);
  MatrixXd bad = c.sigma;
  bad(0, 0) = -1;  // not positive definite
  CHECK_THROWS_AS(fiml_loglik(pats, c.mu, bad), cikit::DomainError);
  CHECK_THROWS_WITH(fiml_loglik(pats, c.mu, bad), Catch::Contains("not positive definite"));
  CHECK_FALSE(cikit::cfa::try_fiml_loglik(pats, c.mu, bad).has_value());
  CHECK(cikit::cfa::try_fiml_loglik(pats, c.mu, c.sigma).has_value());
  CHECK_THROWS_AS(fiml_casewise_scores(pats, c.mu, bad), cikit::DomainError);
  CHECK_THROWS_AS(fiml_hessian(pats, c.mu, bad), cikit::DomainError);
  MatrixXd asym = c.sigma;
  asym(0, 1) += 0.1;
  CHECK_THROWS_WITH(fiml_loglik(pats, c.mu, asym), Catch::Contains("not symmetric"));
  CHECK_THROWS_AS(fiml_loglik(pats, VectorXd::Zero(3), c.sigma), cikit::InvalidInput);
  VectorXd nan_mu = c.mu;
  nan_mu(2) = kNaN;
  CHECK_THROWS_AS(fiml_loglik(pats, nan_mu, c.sigma), cikit::InvalidInput);
  CHECK_THROWS_AS(em_saturated(pats, 0.0), cikit::InvalidInput);
  CHECK_THROWS_AS(em_saturated(pats, 1e-10, 0), cikit::InvalidInput);
  // collinear indicators: the saturated covariance is singular
  MatrixXd col(6, 3);
  col << 1, 2, 3, 2, 4, 1, 3, 6, kNaN, 4, 8, 2, 5, 10, 7, 6, kNaN, 5;
  CHECK_THROWS_AS(em_saturated(make_patterns(col)), cikit::DomainError);
  MatrixXd constant(4, 2);
  constant << 1, 5, 2, 5, 3, kNaN, kNaN, 5;
  CHECK_THROWS_WITH(em_saturated(make_patterns(constant)), Catch::Contains("column 2 is constant"));
}
