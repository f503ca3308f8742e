// Fit measures of a CFA fit, as lavaan 0.6-14 fitMeasures() computes them (lav_fit_* functions).
#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/non_central_chi_squared.hpp>
#include <boost/math/tools/roots.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "methods/cfa/estimate.hpp"

namespace cikit::cfa {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double pchisq_upper(double x, double df) {
  if (!(df > 0) || !std::isfinite(x)) return kNaN;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), std::max(x, 0.0)));
}

double pchisq_nc(double x, double df, double ncp) {
  if (ncp <= 0) return boost::math::cdf(boost::math::chi_squared(df), std::max(x, 0.0));
  return boost::math::cdf(boost::math::non_central_chi_squared(df, ncp), std::max(x, 0.0));
}

double cfi(double x2, double df, double x2n, double dfn, double c = 1, double cn = 1, bool robust = false) {
  double t1, t2;
  if (robust && df > 0 && (c < 1 || c > 1) && (cn < 1 || cn > 1)) {
    t1 = std::max(x2 - c * df, 0.0);
    t2 = std::max({x2 - c * df, x2n - cn * dfn, 0.0});
  } else {
    t1 = std::max(x2 - df, 0.0);
    t2 = std::max({x2 - df, x2n - dfn, 0.0});
  }
  if (std::abs(t1) < 1.5e-8 && std::abs(t2) < 1.5e-8) return 1.0;
  return 1.0 - t1 / t2;
}

double tli(double x2, double df, double x2n, double dfn, double c = 1, double cn = 1, bool robust = false) {
  double t1, t2;
  if (robust && df > 0 && (c < 1 || c > 1) && (cn < 1 || cn > 1)) {
    t1 = (x2 - c * df) * dfn;
    t2 = (x2n - cn * dfn) * df;
  } else {
    t1 = (x2 - df) * dfn;
    t2 = (x2n - dfn) * df;
  }
  if (df > 0 && std::abs(t2) > 0) return 1.0 - t1 / t2;
  return 1.0;
}

/// lavaan's lav_fit_rni with c.hat: 1 - (X2 - c df) / (X2_null - c_null df_null).
double cfi_free_rni(double x2, double df, double x2n, double dfn, double c, double cn) {
  const double t1 = x2 - c * df, t2 = x2n - cn * dfn;
  return std::abs(t2) > 0 ? 1.0 - t1 / t2 : 1.0;
}

double rmsea(double x2, double df, double n, double c = 1) {
  if (!(df > 0)) return 0.0;
  return std::sqrt(std::max((x2 / n) / df - c / n, 0.0));
}

double closefit(double x2, double df, double n, double c, double h0) {
  if (!(df > 0)) return kNaN;
  return 1.0 - pchisq_nc(x2, df, n * df / c * h0 * h0);
}

double notclosefit(double x2, double df, double n, double c, double h0) {
  if (!(df > 0)) return kNaN;
  return pchisq_nc(x2, df, n * df / c * h0 * h0);
}

/// Half-width of the first bracket of find_lambda, in standard deviations of the normal
/// approximation (see there).
constexpr double kBracketSds = 1.0;

/// The noncentrality lambda in [0, hi] with pchisq_nc(x2, df, lambda) = target (decreasing in
/// lambda), by TOMS 748 to 50 bits. The search starts from a narrow bracket around the normal
/// approximation of the noncentral chi-square (mean df + lambda, variance 2 (df + 2 lambda)):
/// lambda0 = x2 - df - z sqrt(2 (df + 2 max(x2 - df, 0))), z = Phi^-1(target), half-width
/// kBracketSds sqrt(2 (df + 2 lambda0)); if the function does not change sign across it, the
/// whole [0, hi] is searched (as before). Each cdf costs ~30 us at lambda ~ 4000 (bfi), so the
/// narrow bracket saves most of the evaluations; the root is the same to the 50-bit tolerance.
double find_lambda(double x2, double df, double target, double hi) {
  auto f = [&](double lam) { return pchisq_nc(x2, df, lam) - target; };
  boost::math::tools::eps_tolerance<double> tol(50);
  std::uintmax_t it = 200;
  const double z = boost::math::quantile(boost::math::normal(), target);
  const double lam0 = x2 - df - z * std::sqrt(2.0 * (df + 2.0 * std::max(x2 - df, 0.0)));
  const double w = kBracketSds * std::sqrt(2.0 * (df + 2.0 * std::max(lam0, 0.0)));
  const double a = std::clamp(lam0 - w, 0.0, hi), b = std::clamp(lam0 + w, 0.0, hi);
  if (a < b) {
    const double fa = f(a), fb = f(b);
    if (fa >= 0 && fb <= 0) {
      const auto r = boost::math::tools::toms748_solve(f, a, b, fa, fb, tol, it);
      return 0.5 * (r.first + r.second);
    }
  }
  it = 200;
  const auto r = boost::math::tools::toms748_solve(f, 0.0, hi, tol, it);
  return 0.5 * (r.first + r.second);
}

}  // namespace

std::pair<double, double> rmsea_ci(double x2, double df, double n, double c_hat, double level) {
  const double up = 1 - (1 - level) / 2, lo = (1 - level) / 2;
  double lower = 0, upper = 0;
  if (!(df < 1) && pchisq_nc(x2, df, 0) - up >= 0) lower = std::sqrt(c_hat * find_lambda(x2, df, up, x2) / (n * df));
  const double nr = std::max(n, x2 * 4);
  if (!(df < 1 || pchisq_nc(x2, df, nr) - lo > 0 || pchisq_nc(x2, df, 0) - lo < 0))
    upper = std::sqrt(c_hat * find_lambda(x2, df, lo, nr) / (n * df));
  return {lower, upper};
}

std::vector<Measure> fit_measures(const CfaFit& fit, double scaling, double scaling_null, double trace_ugamma) {
  std::vector<Measure> m;
  const Eigen::Index p = fit.table.p;
  const double n = fit.n;
  const double q = static_cast<double>(fit.theta.size() + fit.nu.size());  // npar (intercepts with FIML)
  const double pstar = static_cast<double>(p * (p + 1) / 2);
  const double df = pstar - static_cast<double>(fit.theta.size());
  const double x2 = fit.fiml ? 2.0 * (fit.logl_h1 - fit.logl) : 2.0 * n * fit.fmin;
  const Eigen::MatrixXd& s = fit.s;
  const Eigen::MatrixXd& sg = fit.mm.sigma;
  // Baseline (independence): Sigma = diag(S); chisq = N (sum log s_ii - log|S|), df = p(p-1)/2.
  const double log_det_s = 2.0 * Eigen::LLT<Eigen::MatrixXd>(s).matrixL().toDenseMatrix().diagonal().array().log().sum();
  const double x2n = fit.fiml ? 2.0 * (fit.logl_h1 - fit.logl_baseline) : n * (s.diagonal().array().log().sum() - log_det_s);
  const double dfn = static_cast<double>(p * (p - 1) / 2);
  const bool robust = std::isfinite(scaling);
  // Robust CFI/TLI/RMSEA: complete data from (chisq, scaling); FIML from lavaan's FIML-corrected
  // statistics (with ML too, as lavaan: version V6), fiml_corrected in robust.hpp.
  const auto& fc = fit.fiml_c;
  const bool fiml_robust = fit.fiml && std::isfinite(fc.c);
  const bool any_robust = robust || fiml_robust;
  const double x3 = fiml_robust ? fc.x2 : x2, c3 = fiml_robust ? fc.c : scaling;
  const double x3n = fiml_robust ? fc.x2_null : x2n, c3n = fiml_robust ? fc.c_null : scaling_null;

  m.emplace_back("npar", q);
  m.emplace_back("fmin", fit.fmin);
  m.emplace_back("chisq", x2);
  m.emplace_back("df", df);
  m.emplace_back("pvalue", pchisq_upper(x2, df));
  if (robust) {
    m.emplace_back("chisq.scaled", x2 / scaling);
    m.emplace_back("df.scaled", df);
    m.emplace_back("pvalue.scaled", pchisq_upper(x2 / scaling, df));
    m.emplace_back("chisq.scaling.factor", scaling);
  }
  m.emplace_back("baseline.chisq", x2n);
  m.emplace_back("baseline.df", dfn);
  m.emplace_back("baseline.pvalue", pchisq_upper(x2n, dfn));
  const double x2s = robust ? x2 / scaling : kNaN, x2ns = robust ? x2n / scaling_null : kNaN;
  if (robust) {
    m.emplace_back("baseline.chisq.scaled", x2ns);
    m.emplace_back("baseline.df.scaled", dfn);
    m.emplace_back("baseline.pvalue.scaled", pchisq_upper(x2ns, dfn));
    m.emplace_back("baseline.chisq.scaling.factor", scaling_null);
  }
  m.emplace_back("cfi", cfi(x2, df, x2n, dfn));
  m.emplace_back("tli", tli(x2, df, x2n, dfn));
  if (robust) {
    m.emplace_back("cfi.scaled", cfi(x2s, df, x2ns, dfn));
    m.emplace_back("tli.scaled", tli(x2s, df, x2ns, dfn));
  }
  if (any_robust) {
    m.emplace_back("cfi.robust", cfi(x3, df, x3n, dfn, c3, c3n, true));
    m.emplace_back("tli.robust", tli(x3, df, x3n, dfn, c3, c3n, true));
  }
  m.emplace_back("nnfi", tli(x2, df, x2n, dfn));
  {
    const double t1 = x2n / dfn - x2 / df, t2 = x2n / dfn;
    m.emplace_back("rfi", t1 < 0 || t2 < 0 ? 1.0 : t1 / t2);
  }
  m.emplace_back("nfi", (x2n - x2) / x2n);
  m.emplace_back("pnfi", (df / dfn) * (x2n - x2) / x2n);
  const double ifi_t2 = x2n - df;
  m.emplace_back("ifi", ifi_t2 < 0 ? 1.0 : (x2n - x2) / ifi_t2);
  m.emplace_back("rni", [&] {
    const double t1 = x2 - df, t2 = x2n - dfn;
    return std::abs(t2) > 0 ? 1.0 - t1 / t2 : 1.0;
  }());
  if (robust) m.emplace_back("nnfi.scaled", tli(x2s, df, x2ns, dfn));
  if (any_robust) {
    m.emplace_back("nnfi.robust", tli(x3, df, x3n, dfn, c3, c3n, true));
    m.emplace_back("rni.robust", cfi_free_rni(x3, df, x3n, dfn, c3, c3n));
  }
  // Log-likelihoods (likelihood = "normal": S with divisor N).
  Eigen::LLT<Eigen::MatrixXd> llt(sg);
  const double log_det = 2.0 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
  const double tr = llt.solve(s).trace();
  const double c2pi = static_cast<double>(p) * std::log(2.0 * std::numbers::pi);
  const double logl = fit.fiml ? fit.logl : -0.5 * n * (c2pi + log_det + tr);
  const double logl1 = fit.fiml ? fit.logl_h1 : -0.5 * n * (c2pi + log_det_s + static_cast<double>(p));
  m.emplace_back("logl", logl);
  m.emplace_back("unrestricted.logl", logl1);
  m.emplace_back("aic", -2 * logl + 2 * q);
  m.emplace_back("bic", -2 * logl + q * std::log(n));
  m.emplace_back("ntotal", n);
  m.emplace_back("bic2", -2 * logl + q * std::log((n + 2) / 24));
  if (robust && std::isfinite(fit.trace_h1)) {
    // lavaan: tr(B1 A1^{-1}) / ndat and tr(B0 E^{-1}) / npar (ndat, npar with the means under FIML).
    const double ndat = pstar + (fit.fiml ? static_cast<double>(p) : 0.0);
    m.emplace_back("scaling.factor.h1", fit.trace_h1 / ndat);
    m.emplace_back("scaling.factor.h0", fit.trace_h0 / q);
  }
  // RMSEA.
  m.emplace_back("rmsea", rmsea(x2, df, n));
  const auto ci = rmsea_ci(x2, df, n, 1.0, 0.90);
  m.emplace_back("rmsea.ci.lower", ci.first);
  m.emplace_back("rmsea.ci.upper", ci.second);
  m.emplace_back("rmsea.ci.level", 0.90);
  m.emplace_back("rmsea.pvalue", closefit(x2, df, n, 1.0, 0.05));
  m.emplace_back("rmsea.close.h0", 0.05);
  m.emplace_back("rmsea.notclose.pvalue", notclosefit(x2, df, n, 1.0, 0.08));
  m.emplace_back("rmsea.notclose.h0", 0.08);
  if (robust) {
    m.emplace_back("rmsea.scaled", rmsea(x2, trace_ugamma, n));
    const auto cis = rmsea_ci(x2, trace_ugamma, n, 1.0, 0.90);
    m.emplace_back("rmsea.ci.lower.scaled", cis.first);
    m.emplace_back("rmsea.ci.upper.scaled", cis.second);
    m.emplace_back("rmsea.pvalue.scaled", closefit(x2, trace_ugamma, n, 1.0, 0.05));
    m.emplace_back("rmsea.notclose.pvalue.scaled", notclosefit(x2, trace_ugamma, n, 1.0, 0.08));
  }
  if (any_robust) {
    const double x3s = x3 / c3;
    m.emplace_back("rmsea.robust", rmsea(x3, df, n, c3));
    const auto cir = rmsea_ci(x3s, df, n, c3, 0.90);
    m.emplace_back("rmsea.ci.lower.robust", cir.first);
    m.emplace_back("rmsea.ci.upper.robust", cir.second);
    m.emplace_back("rmsea.pvalue.robust", closefit(x3s, df, n, c3, 0.05));
    m.emplace_back("rmsea.notclose.pvalue.robust", notclosefit(x3s, df, n, c3, 0.08));
  }
  // RMR / SRMR (Bentler: residuals scaled by the sample SDs; lavaan's default srmr).
  double rmr = 0, srmr = 0;
  for (Eigen::Index j = 0; j < p; ++j)
    for (Eigen::Index i = j; i < p; ++i) {
      const double r = s(i, j) - sg(i, j);
      rmr += r * r;
      const double sr = r / std::sqrt(s(i, i) * s(j, j));
      srmr += sr * sr;
    }
  if (fit.fiml) {
    // With a mean structure lavaan's srmr (srmr_bentler "total") adds the mean residuals
    // (m_i - mu_i) / sqrt(s_ii) against the H1 (EM) moments.
    double rm = 0, srm = 0;
    for (Eigen::Index i = 0; i < p; ++i) {
      const double r = fit.mean(i) - fit.nu(i);
      rm += r * r;
      srm += r * r / s(i, i);
    }
    m.emplace_back("rmr", std::sqrt((rmr + rm) / (pstar + static_cast<double>(p))));
    m.emplace_back("rmr_nomean", std::sqrt(rmr / pstar));
    m.emplace_back("srmr", std::sqrt((srmr + srm) / (pstar + static_cast<double>(p))));
    m.emplace_back("srmr_bentler", std::sqrt((srmr + srm) / (pstar + static_cast<double>(p))));
    m.emplace_back("srmr_bentler_nomean", std::sqrt(srmr / pstar));
    return m;  // GFI/AGFI: ML with complete data only
  }
  m.emplace_back("rmr", std::sqrt(rmr / pstar));
  m.emplace_back("rmr_nomean", std::sqrt(rmr / pstar));
  m.emplace_back("srmr", std::sqrt(srmr / pstar));
  m.emplace_back("srmr_bentler", std::sqrt(srmr / pstar));
  m.emplace_back("srmr_bentler_nomean", std::sqrt(srmr / pstar));
  // GFI with the ML weight Sigma_hat^{-1}: 1 - tr((S - Sigma)V)^2 / tr(SV)^2.
  const Eigen::MatrixXd v = llt.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd dv = (s - sg) * v, sv = s * v;
  const double gfi = 1.0 - (dv * dv).trace() / (sv * sv).trace();
  m.emplace_back("gfi", gfi);
  m.emplace_back("agfi", df > 0 ? 1.0 - (pstar / df) * (1.0 - gfi) : 1.0);
  m.emplace_back("pgfi", (df / pstar) * gfi);
  return m;
}

}  // namespace cikit::cfa
