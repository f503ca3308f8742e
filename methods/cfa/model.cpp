#include "methods/cfa/model.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <set>

#include "methods/core/error.hpp"

namespace cikit::cfa {

namespace {

void check_group(const std::string& what, const std::string& name, const std::vector<int>& members, int range,
                 bool lone, const std::vector<std::string>& member_names) {
  const std::size_t need = lone ? 3 : 2;
  if (members.size() < need)
    throw InvalidInput(fmt::format("CFA: {} '{}' has {} indicator(s); a factor needs at least {} ({}) to be identified",
                                   what, name, members.size(), need,
                                   lone ? "3 for a model with a single factor" : "2 when factors covary"));
  std::set<int> seen;
  for (int k : members) {
    if (k < 0 || k >= range) throw InvalidInput(fmt::format("CFA: {} '{}' names member {} out of range", what, name, k));
    if (!seen.insert(k).second)
      throw InvalidInput(fmt::format("CFA: {} '{}' lists '{}' twice", what, name, member_names[static_cast<std::size_t>(k)]));
  }
}

}  // namespace

void validate_model(const MeasurementModel& mo) {
  const int p = static_cast<int>(mo.indicators.size());
  const int nf = static_cast<int>(mo.factors.size());
  if (nf == 0) throw InvalidInput("CFA: the model has no factors");
  if (mo.loadings.size() != mo.factors.size()) throw InternalError("CFA: loadings and factors differ in length");
  // A single first-order factor needs 3 indicators; with second-order factors every first-order
  // factor is a "lone" factor as far as its own indicators go only if it is the only one.
  for (int f = 0; f < nf; ++f)
    check_group("factor", mo.factors[static_cast<std::size_t>(f)], mo.loadings[static_cast<std::size_t>(f)], p, nf == 1,
                mo.indicators);
  std::vector<int> used(static_cast<std::size_t>(p), 0);
  for (const auto& l : mo.loadings)
    for (int i : l) ++used[static_cast<std::size_t>(i)];
  for (int i = 0; i < p; ++i)
    if (used[static_cast<std::size_t>(i)] == 0)
      throw InvalidInput(fmt::format("CFA: indicator '{}' loads on no factor", mo.indicators[static_cast<std::size_t>(i)]));
  const int ns = static_cast<int>(mo.second_order.size());
  if (mo.second_loadings.size() != mo.second_order.size()) throw InternalError("CFA: second-order lists differ");
  std::vector<int> covered(static_cast<std::size_t>(nf), 0);
  for (int s = 0; s < ns; ++s) {
    check_group("second-order factor", mo.second_order[static_cast<std::size_t>(s)],
                mo.second_loadings[static_cast<std::size_t>(s)], nf, ns == 1, mo.factors);
    for (int f : mo.second_loadings[static_cast<std::size_t>(s)]) ++covered[static_cast<std::size_t>(f)];
  }
  if (ns > 0)
    for (int f = 0; f < nf; ++f)
      if (covered[static_cast<std::size_t>(f)] != 1)
        throw InvalidInput(fmt::format("CFA: first-order factor '{}' must load on exactly one second-order factor",
                                       mo.factors[static_cast<std::size_t>(f)]));
  std::set<std::pair<int, int>> pairs;
  for (auto [a, b] : mo.residual_covariances) {
    if (a < 0 || b < 0 || a >= p || b >= p) throw InvalidInput("CFA: residual covariance names an unknown indicator");
    if (a == b)
      throw InvalidInput(fmt::format("CFA: residual covariance of '{}' with itself (its residual variance is always free)",
                                     mo.indicators[static_cast<std::size_t>(a)]));
    if (!pairs.insert({std::max(a, b), std::min(a, b)}).second)
      throw InvalidInput(fmt::format("CFA: residual covariance {} ~~ {} is listed twice",
                                     mo.indicators[static_cast<std::size_t>(a)], mo.indicators[static_cast<std::size_t>(b)]));
  }
}

ParameterTable build_parameters(const MeasurementModel& mo) {
  ParameterTable t;
  t.p = static_cast<int>(mo.indicators.size());
  const int nf = static_cast<int>(mo.factors.size());
  const int ns = static_cast<int>(mo.second_order.size());
  t.m = nf + ns;
  for (int f = 0; f < nf; ++f) {
    const auto& l = mo.loadings[static_cast<std::size_t>(f)];
    for (std::size_t k = 0; k < l.size(); ++k) t.pars.push_back({ParKind::Loading, l[k], f, k > 0, k == 0 ? 1.0 : 0.0});
  }
  for (int s = 0; s < ns; ++s) {
    const auto& l = mo.second_loadings[static_cast<std::size_t>(s)];
    for (std::size_t k = 0; k < l.size(); ++k)
      t.pars.push_back({ParKind::Regression, l[k], nf + s, k > 0, k == 0 ? 1.0 : 0.0});
  }
  for (auto [a, b] : mo.residual_covariances)
    t.pars.push_back({ParKind::ResidualCov, std::max(a, b), std::min(a, b), true, 0.0});
  for (int i = 0; i < t.p; ++i) t.pars.push_back({ParKind::ResidualCov, i, i, true, 0.0});
  for (int j = 0; j < t.m; ++j) t.pars.push_back({ParKind::LatentCov, j, j, true, 0.0});
  // Exogenous latent variables covary: all first-order factors without second order, else the
  // second-order factors.
  const int lo = ns > 0 ? nf : 0;
  for (int k = lo; k < t.m; ++k)
    for (int l = k + 1; l < t.m; ++l) t.pars.push_back({ParKind::LatentCov, l, k, true, 0.0});
  for (std::size_t k = 0; k < t.pars.size(); ++k)
    if (t.pars[k].free) t.free_index.push_back(static_cast<int>(k));
  return t;
}

ParName parameter_name(const MeasurementModel& mo, const Parameter& par) {
  const int nf = static_cast<int>(mo.factors.size());
  auto latent = [&](int j) {
    return j < nf ? mo.factors[static_cast<std::size_t>(j)] : mo.second_order[static_cast<std::size_t>(j - nf)];
  };
  switch (par.kind) {
    case ParKind::Loading: return {latent(par.col), "=~", mo.indicators[static_cast<std::size_t>(par.row)]};
    case ParKind::Regression: return {latent(par.col), "=~", latent(par.row)};
    case ParKind::LatentCov: return {latent(par.col), "~~", latent(par.row)};
    case ParKind::ResidualCov:
      return {mo.indicators[static_cast<std::size_t>(par.col)], "~~", mo.indicators[static_cast<std::size_t>(par.row)]};
  }
  return {};
}

ModelMatrices model_matrices(const ParameterTable& t, const Eigen::VectorXd& free) {
  ModelMatrices mm;
  mm.lambda = Eigen::MatrixXd::Zero(t.p, t.m);
  mm.beta = Eigen::MatrixXd::Zero(t.m, t.m);
  mm.psi = Eigen::MatrixXd::Zero(t.m, t.m);
  mm.theta = Eigen::MatrixXd::Zero(t.p, t.p);
  Eigen::Index next = 0;
  for (const Parameter& par : t.pars) {
    const double v = par.free ? free(next++) : par.value;
    switch (par.kind) {
      case ParKind::Loading: mm.lambda(par.row, par.col) = v; break;
      case ParKind::Regression: mm.beta(par.row, par.col) = v; break;
      case ParKind::LatentCov: mm.psi(par.row, par.col) = mm.psi(par.col, par.row) = v; break;
      case ParKind::ResidualCov: mm.theta(par.row, par.col) = mm.theta(par.col, par.row) = v; break;
    }
  }
  const Eigen::MatrixXd ib = Eigen::MatrixXd::Identity(t.m, t.m) - mm.beta;
  mm.a = ib.partialPivLu().inverse();
  mm.lat_cov = mm.a * mm.psi * mm.a.transpose();
  mm.sigma = mm.lambda * mm.lat_cov * mm.lambda.transpose() + mm.theta;
  return mm;
}

SigmaDerivatives sigma_derivatives(const ParameterTable& t, const ModelMatrices& mm, const std::vector<Parameter>& which) {
  const auto k = static_cast<Eigen::Index>(which.size());
  SigmaDerivatives d{Eigen::MatrixXd::Zero(t.p, k), Eigen::MatrixXd::Zero(t.p, k), Eigen::VectorXd::Ones(k)};
  const Eigen::MatrixXd la = mm.lambda * mm.a;
  const Eigen::MatrixXd lm = mm.lambda * mm.lat_cov;
  for (Eigen::Index c = 0; c < k; ++c) {
    const Parameter& par = which[static_cast<std::size_t>(c)];
    switch (par.kind) {
      case ParKind::Loading:
        d.x(par.row, c) = 1.0;
        d.y.col(c) = lm.col(par.col);
        break;
      case ParKind::Regression:
        d.x.col(c) = la.col(par.row);
        d.y.col(c) = lm.col(par.col);
        break;
      case ParKind::LatentCov:
        d.x.col(c) = la.col(par.row);
        d.y.col(c) = la.col(par.col);
        if (par.row == par.col) d.alpha(c) = 0.5;
        break;
      case ParKind::ResidualCov:
        d.x(par.row, c) = 1.0;
        d.y(par.col, c) = 1.0;
        if (par.row == par.col) d.alpha(c) = 0.5;
        break;
    }
  }
  return d;
}

Eigen::VectorXd trace_with(const SigmaDerivatives& d, const Eigen::MatrixXd& g) {
  const Eigen::MatrixXd gy = g * d.y;
  return 2.0 * d.alpha.cwiseProduct(d.x.cwiseProduct(gy).colwise().sum().transpose());
}

Eigen::MatrixXd trace_products(const SigmaDerivatives& a, const SigmaDerivatives& b, const Eigen::MatrixXd& v) {
  const Eigen::MatrixXd vxb = v * b.x, vyb = v * b.y;
  const Eigen::MatrixXd xx = a.x.transpose() * vxb, yy = a.y.transpose() * vyb;
  const Eigen::MatrixXd xy = a.x.transpose() * vyb, yx = a.y.transpose() * vxb;
  Eigen::MatrixXd h = 2.0 * (xx.cwiseProduct(yy) + xy.cwiseProduct(yx));
  return a.alpha.asDiagonal() * h * b.alpha.asDiagonal();
}

Eigen::MatrixXd vech_jacobian(const SigmaDerivatives& d) {
  const Eigen::Index p = d.x.rows(), k = d.x.cols();
  Eigen::MatrixXd j(p * (p + 1) / 2, k);
  for (Eigen::Index c = 0; c < k; ++c) {
    Eigen::Index r = 0;
    for (Eigen::Index col = 0; col < p; ++col)
      for (Eigen::Index row = col; row < p; ++row)
        j(r++, c) = d.alpha(c) * (d.x(row, c) * d.y(col, c) + d.y(row, c) * d.x(col, c));
  }
  return j;
}

}  // namespace cikit::cfa
