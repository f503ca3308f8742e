#include "methods/cfa/robust.hpp"

#include <Eigen/Dense>

#include "methods/core/error.hpp"

namespace cikit::cfa {

namespace {

Eigen::MatrixXd inverse_spd(const Eigen::MatrixXd& a, const char* what) {
  Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
  if (ldlt.info() != Eigen::Success || !(ldlt.vectorD().cwiseAbs().minCoeff() > 0))
    throw DomainError(std::string("CFA (MLR): the ") + what + " is singular");
  return ldlt.solve(Eigen::MatrixXd::Identity(a.rows(), a.cols()));
}

/// tr(B1 A1^{-1}) of the unrestricted (h1) model at the sample moments: with scores
/// s_i = D' vec(G_i), G_i = (z_i z_i' - S^{-1}) / 2, z_i = S^{-1}(x_i - xbar), and
/// A1^{-1} = 2 D^+ (S (x) S) D^+', s_i' A1^{-1} s_i = 2 tr(G_i S G_i S) = (d_i^2 - 2 d_i + p) / 2 with
/// d_i = (x_i - xbar)' S^{-1} (x_i - xbar); since mean(d_i) = p, the trace is
/// (mean(d_i^2) - p) / 2 (Mardia's b_2p minus p, halved; p(p+1)/2 under normality).
double trace_h1(const Eigen::MatrixXd& x, const Eigen::VectorXd& mean, const Eigen::MatrixXd& s) {
  const Eigen::MatrixXd c = x.rowwise() - mean.transpose();
  const Eigen::MatrixXd z = s.llt().solve(c.transpose());  // p x n
  const Eigen::VectorXd d = c.transpose().cwiseProduct(z).colwise().sum().transpose();
  const double p = static_cast<double>(s.rows());
  return 0.5 * ((d.array().square() - 2.0 * d.array()).mean() + p);
}

}  // namespace

Eigen::MatrixXd vech_scores(const Eigen::MatrixXd& x, const Eigen::VectorXd& mu, const Eigen::MatrixXd& sigma) {
  const Eigen::Index p = sigma.rows(), n = x.rows();
  const Eigen::MatrixXd v = sigma.llt().solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd z = (x.rowwise() - mu.transpose()) * v;  // rows z_i' = (x_i - mu)' V
  Eigen::MatrixXd out(n, p * (p + 1) / 2);
  Eigen::Index k = 0;
  for (Eigen::Index c = 0; c < p; ++c)
    for (Eigen::Index r = c; r < p; ++r, ++k) {
      // G = 0.5 (z z' - V); d/dsigma_rc = G_rc + G_cr (r != c) or G_rr.
      const double mult = r == c ? 0.5 : 1.0;
      out.col(k) = mult * (z.col(r).cwiseProduct(z.col(c)).array() - v(r, c)).matrix();
    }
  return out;
}

RobustResult mlr(const CfaFit& fit, const Eigen::MatrixXd& x, double log_det_s) {
  RobustResult rr;
  const auto q = fit.theta.size();
  const double n = fit.n;
  // Observed information per unit: Hessian of F/2 by 5-point differences of the gradient.
  Eigen::MatrixXd e(q, q);
  const double h = 1e-6;
  for (Eigen::Index j = 0; j < q; ++j) {
    auto grad = [&](double dx) {
      Eigen::VectorXd th = fit.theta;
      th(j) += dx;
      const MlValue v = ml_discrepancy(fit.table, th, fit.s, log_det_s, true);
      if (!v.ok) throw DomainError("CFA (MLR): the model-implied covariance is not positive definite near the estimate");
      return Eigen::VectorXd(0.5 * v.gradient);
    };
    e.col(j) = (grad(-2 * h) - 8.0 * grad(-h) + 8.0 * grad(h) - grad(2 * h)) / (12.0 * h);
  }
  e = 0.5 * (e + e.transpose()).eval();
  const Eigen::MatrixXd e_inv = inverse_spd(e, "observed information matrix");
  std::vector<Parameter> freep;
  for (int k : fit.table.free_index) freep.push_back(fit.table.pars[static_cast<std::size_t>(k)]);
  const SigmaDerivatives d = sigma_derivatives(fit.table, fit.mm, freep);
  const Eigen::MatrixXd delta = vech_jacobian(d);
  // vech_jacobian gives d sigma_rc for r >= c (unique elements); scores are wrt the same.
  const Eigen::MatrixXd g1 = vech_scores(x, fit.mean, fit.mm.sigma);
  const Eigen::MatrixXd s0 = g1 * delta;
  const Eigen::MatrixXd b0 = s0.transpose() * s0 / n;
  rr.vcov = e_inv * b0 * e_inv / n;
  const double df = static_cast<double>(fit.table.p * (fit.table.p + 1) / 2) - static_cast<double>(q);
  // lavaan's trace.h1 is the same for the model and its baseline: the h1 information is that of
  // the unrestricted model at the sample moments.
  const double t_h1 = trace_h1(x, fit.mean, fit.s);
  rr.trace_ugamma = t_h1 - b0.cwiseProduct(e_inv.transpose()).sum();
  rr.scaling = rr.trace_ugamma / df;
  // Independence baseline: Sigma0 = diag(S), parameters the variances, E0 = diag(1 / (2 s_ii^2)).
  const Eigen::Index p = fit.table.p;
  // Score of s_ii at Sigma0: ((x_i - xbar)^2 / s_ii - 1) / (2 s_ii); times E0^{-1} = 2 s_ii^2:
  // tr(B0 E0^{-1}) = sum_i mean(((x_i - xbar)^2 / s_ii - 1)^2) / 2.
  double t0 = 0;
  for (Eigen::Index i = 0; i < p; ++i)
    t0 += 0.5 * ((x.col(i).array() - fit.mean(i)).square() / fit.s(i, i) - 1.0).square().mean();
  const double df0 = static_cast<double>(p * (p - 1) / 2);
  rr.scaling_null = (t_h1 - t0) / df0;
  return rr;
}

}  // namespace cikit::cfa
