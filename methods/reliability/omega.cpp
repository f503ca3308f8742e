#include "methods/reliability/omega.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/validity/rotation.hpp"

namespace cikit {

OmegaOneFactorResult omega_one_factor_correlation(const Eigen::MatrixXd& r, const OmegaOptions& options) {
  check_correlation_matrix(r, "omega_one_factor");
  if (r.rows() < 3)
    throw InvalidInput(fmt::format("omega_one_factor: {} indicators, but a one-factor model needs at least 3",
                                   r.rows()));
  FaOptions fo = options.fa;
  fo.n_factors = 1;
  fo.rotation = FaRotation::None;
  const FaResult fr = fa_minres_correlation(r, fo);
  OmegaOneFactorResult out;
  out.warnings = fr.warnings;
  out.loadings = fr.loadings.col(0);
  out.theta = Eigen::VectorXd::Ones(r.rows()) - out.loadings.cwiseAbs2();
  const double s = out.loadings.sum();
  out.omega_model = s * s / (s * s + out.theta.sum());
  out.total_variance = r.sum();
  out.omega_observed = 1.0 - out.theta.sum() / out.total_variance;
  return out;
}

OmegaOneFactorResult omega_one_factor(const Eigen::MatrixXd& x, const OmegaOptions& options) {
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  OmegaOneFactorResult out = omega_one_factor_correlation(cr.r, options);
  out.warnings.insert(out.warnings.begin(), cr.warnings.begin(), cr.warnings.end());
  return out;
}

OmegaSlResult omega_schmid_leiman_correlation(const Eigen::MatrixXd& r0, const OmegaOptions& options) {
  check_correlation_matrix(r0, "omega_schmid_leiman");
  const Eigen::Index p = r0.rows();
  const Eigen::Index m = options.n_factors;
  if (m < 2 || m >= p)
    throw InvalidInput(fmt::format(
        "omega_schmid_leiman: n_factors is {}, but must be in [2, {}] (omega_h is not meaningful for 1 factor)",
        options.n_factors, p - 1));
  OmegaSlResult out;
  FaOptions fo = options.fa;
  fo.n_factors = static_cast<int>(m);
  fo.rotation = FaRotation::Varimax;
  const FaResult orth = fa_minres_correlation(r0, fo);
  out.warnings = orth.warnings;
  out.orthogonal = orth.loadings;
  const RotationResult ob = oblimin(orth.loadings, fo.oblimin);
  out.warnings.insert(out.warnings.end(), ob.warnings.begin(), ob.warnings.end());
  out.oblique = ob.loadings;
  out.phi = ob.phi;
  out.g_second_order.resize(m);
  if (m > 2) {
    FaOptions go = options.fa;
    go.n_factors = 1;
    go.rotation = FaRotation::None;
    const FaResult gf = fa_minres_correlation(out.phi, go);
    out.g_second_order = gf.loadings.col(0);
    for (const auto& w : gf.warnings) out.warnings.push_back("second-order factor: " + w);
  } else {
    const double f12 = out.phi(0, 1);
    out.g_second_order(0) = std::sqrt(std::abs(f12));
    out.g_second_order(1) = (f12 < 0 ? -1.0 : 1.0) * std::sqrt(std::abs(f12));
    out.warnings.push_back(
        "three factors are required for identification; with 2 the general-factor loadings are set equal "
        "(psych option \"equal\")");
  }
  out.h2 = out.orthogonal.rowwise().squaredNorm();
  out.u2 = Eigen::VectorXd::Ones(p) - out.h2;
  Eigen::VectorXd g = out.oblique * out.g_second_order;
  Eigen::MatrixXd s(p, m);
  for (Eigen::Index i = 0; i < p; ++i)
    for (Eigen::Index f = 0; f < m; ++f) {
      const double pf = out.oblique(i, f);
      const double uniq = 1.0 - pf * pf;
      const double prime = pf * out.g_second_order(f);
      const double uniq2 = std::max(0.0, 1.0 - uniq - prime * prime);
      const double sg = pf > 0 ? 1.0 : (pf < 0 ? -1.0 : 0.0);  // R sign(): 0 -> 0
      s(i, f) = sg * std::sqrt(uniq2);
    }
  Eigen::MatrixXd r = r0;
  out.key = Eigen::VectorXi::Ones(p);
  if (options.flip) {
    for (Eigen::Index i = 0; i < p; ++i)
      if (g(i) < 0) out.key(i) = -1;
    if (out.key.sum() < p) {
      const Eigen::VectorXd k = out.key.cast<double>();
      r = k.asDiagonal() * r * k.asDiagonal();
      g = g.cwiseProduct(k);
      s = k.asDiagonal() * s;
      out.warnings.push_back(fmt::format("{} item(s) with a negative general-factor loading were reversed (flip)",
                                         (p - out.key.sum()) / 2));
    }
  }
  out.g = g;
  out.group = s;
  out.p2 = g.cwiseAbs2().cwiseQuotient(out.h2);
  out.total_variance = r.sum();
  const double vt = out.total_variance;
  const double gsq = g.sum() * g.sum();
  const double uniq = out.u2.sum();
  out.omega_h = gsq / vt;
  out.omega_total = (vt - uniq) / vt;
  out.omega_limit = gsq / (vt - uniq);
  const double pd = static_cast<double>(p);
  out.alpha = (vt - r.trace()) / vt * (pd / (pd - 1));
  out.ecv = g.squaredNorm() / (g.squaredNorm() + s.squaredNorm());
  out.group_total = out.group_general = out.group_group = Eigen::VectorXd::Zero(m);
  std::vector<std::vector<Eigen::Index>> members(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < p; ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index f = 1; f < m; ++f)
      if (std::abs(s(i, f)) > std::abs(s(i, best))) best = f;  // first maximum, as which.max
    members[static_cast<std::size_t>(best)].push_back(i);
  }
  for (Eigen::Index f = 0; f < m; ++f) {
    const auto& it = members[static_cast<std::size_t>(f)];
    if (it.empty()) {
      out.warnings.push_back(fmt::format("group factor {} has no items with their largest loading on it", f + 1));
      continue;
    }
    double vf = 0, sg = 0, ss = 0;
    for (const Eigen::Index a : it) {
      sg += g(a);
      ss += s(a, f);
      for (const Eigen::Index b : it) vf += r(a, b);
    }
    out.group_group(f) = ss * ss / vf;
    out.group_general(f) = sg * sg / vf;
    out.group_total(f) = (ss * ss + sg * sg) / vf;
  }
  if (!out.g.allFinite() || !std::isfinite(out.omega_h) || !std::isfinite(out.omega_total))
    throw InternalError("omega_schmid_leiman: non-finite result");
  return out;
}

OmegaSlResult omega_schmid_leiman(const Eigen::MatrixXd& x, const OmegaOptions& options) {
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  OmegaSlResult out = omega_schmid_leiman_correlation(cr.r, options);
  out.warnings.insert(out.warnings.begin(), cr.warnings.begin(), cr.warnings.end());
  return out;
}

}  // namespace cikit
