#include "methods/cfa/modindices.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <set>

namespace cikit::cfa {

std::vector<ModIndex> modification_indices(const CfaFit& fit) {
  const ParameterTable& t = fit.table;
  const MeasurementModel& mo = fit.model;
  const int nf = static_cast<int>(mo.factors.size());
  std::set<std::pair<int, int>> loads, rcov, lcov;
  for (const Parameter& par : t.pars) {
    if (par.kind == ParKind::Loading) loads.insert({par.row, par.col});
    if (par.kind == ParKind::ResidualCov) rcov.insert({par.row, par.col});
    if (par.kind == ParKind::LatentCov) lcov.insert({par.row, par.col});
  }
  std::vector<Parameter> extra;
  for (int f = 0; f < nf; ++f)
    for (int i = 0; i < t.p; ++i)
      if (!loads.count({i, f})) extra.push_back({ParKind::Loading, i, f, true, 0.0});
  for (int j = 0; j < t.p; ++j)
    for (int i = j + 1; i < t.p; ++i)
      if (!rcov.count({i, j})) extra.push_back({ParKind::ResidualCov, i, j, true, 0.0});
  if (!mo.second_order.empty())
    for (int k = 0; k < nf; ++k)
      for (int l = k + 1; l < nf; ++l)
        if (!lcov.count({l, k})) extra.push_back({ParKind::LatentCov, l, k, true, 0.0});
  if (extra.empty()) return {};
  std::vector<Parameter> freep;
  for (int k : t.free_index) freep.push_back(t.pars[static_cast<std::size_t>(k)]);
  const Eigen::Index p = t.p;
  const Eigen::MatrixXd v = fit.mm.sigma.llt().solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd w = v - v * fit.s * v;
  const SigmaDerivatives df = sigma_derivatives(t, fit.mm, freep);
  const SigmaDerivatives de = sigma_derivatives(t, fit.mm, extra);
  // Per-unit expected information of fx = F/2 is H/2; the gradient of fx is g/2.
  const Eigen::MatrixXd iff = 0.5 * trace_products(df, df, v);
  const Eigen::MatrixXd ief = 0.5 * trace_products(de, df, v);
  const Eigen::VectorXd g = 0.5 * trace_with(de, w);
  // Only the diagonal of V = I_ee - I_ef I_ff^-1 I_fe is used: O(K_e (p^2 + q^2)) instead of the
  // full K_e x K_e products (for 60 indicators in 12 factors K_e = 2,430: most of the command's
  // time). (I_ee)_kk = 1/2 * 2 alpha_k^2 [(x_k'V x_k)(y_k'V y_k) + (x_k'V y_k)^2] (trace_products).
  const Eigen::MatrixXd vxe = v * de.x, vye = v * de.y;
  const Eigen::MatrixXd sol = iff.ldlt().solve(ief.transpose());  // q x K_e
  const auto ke = static_cast<Eigen::Index>(extra.size());
  Eigen::VectorXd vm(ke);
  for (Eigen::Index k = 0; k < ke; ++k) {
    const double xx = de.x.col(k).dot(vxe.col(k)), yy = de.y.col(k).dot(vye.col(k)), xy = de.x.col(k).dot(vye.col(k));
    vm(k) = de.alpha(k) * de.alpha(k) * (xx * yy + xy * xy) - ief.row(k).dot(sol.col(k));
  }
  const double eps = std::cbrt(std::numeric_limits<double>::epsilon());
  std::vector<ModIndex> out;
  for (std::size_t k = 0; k < extra.size(); ++k) {
    const auto kk = static_cast<Eigen::Index>(k);
    const double vkk = vm(kk);
    if (!(vkk >= eps)) continue;
    const Parameter& par = extra[k];
    const ParName nm = parameter_name(mo, par);
    ModIndex m{nm.lhs, nm.op, nm.rhs, fit.n * g(kk) * g(kk) / vkk, -g(kk) / vkk, 0.0};
    if (par.kind == ParKind::Loading)
      m.sepc_all = m.epc * std::sqrt(fit.mm.lat_cov(par.col, par.col)) / std::sqrt(fit.mm.sigma(par.row, par.row));
    else if (par.kind == ParKind::ResidualCov)
      m.sepc_all = m.epc / std::sqrt(fit.mm.theta(par.row, par.row) * fit.mm.theta(par.col, par.col));
    else
      m.sepc_all = m.epc / std::sqrt(fit.mm.psi(par.row, par.row) * fit.mm.psi(par.col, par.col));
    out.push_back(m);
  }
  return out;
}

}  // namespace cikit::cfa
