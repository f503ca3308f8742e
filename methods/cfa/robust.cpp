#include "methods/cfa/robust.hpp"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include "methods/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

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
  rr.trace_h1 = t_h1;
  rr.trace_h0 = b0.cwiseProduct(e_inv.transpose()).sum();
  rr.trace_ugamma = t_h1 - rr.trace_h0;
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

namespace {

std::vector<Parameter> free_list(const ParameterTable& t) {
  std::vector<Parameter> out;
  for (int k : t.free_index) out.push_back(t.pars[static_cast<std::size_t>(k)]);
  return out;
}

/// Per variable: available-case mean m_j, ML variance v_j and count n_j (the FIML estimates
/// of the independence model).
void available_case_moments(const MissingPatterns& pats, Eigen::VectorXd& m, Eigen::VectorXd& v, Eigen::VectorXd& cnt) {
  const Eigen::Index p = pats.p;
  m = Eigen::VectorXd::Zero(p);
  v = Eigen::VectorXd::Zero(p);
  cnt = Eigen::VectorXd::Zero(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    double sum = 0, c = 0;
    for (Eigen::Index r = 0; r < pats.data.rows(); ++r)
      if (std::isfinite(pats.data(r, j))) sum += pats.data(r, j), c += 1;
    m(j) = sum / c;
    double ss = 0;
    for (Eigen::Index r = 0; r < pats.data.rows(); ++r)
      if (std::isfinite(pats.data(r, j))) ss += (pats.data(r, j) - m(j)) * (pats.data(r, j) - m(j));
    v(j) = ss / c;
    cnt(j) = c;
  }
}

double log_det_spd(const Eigen::MatrixXd& a, const char* what) {
  Eigen::LLT<Eigen::MatrixXd> llt(a);
  if (llt.info() != Eigen::Success) throw DomainError(std::string("CFA (FIML): the ") + what + " is not positive definite");
  return 2.0 * llt.matrixLLT().diagonal().array().log().sum();
}

/// Inverse of a symmetric positive definite matrix from its Cholesky factor L: L^-1 by a
/// triangular solve, then L^-T L^-1 by a symmetric rank update (~n^3 flops, half of an LDLT
/// solve against the identity).
Eigen::MatrixXd inverse_chol(const Eigen::MatrixXd& a, const char* what) {
  Eigen::LLT<Eigen::MatrixXd> llt(a);
  if (llt.info() != Eigen::Success || !(llt.matrixLLT().diagonal().minCoeff() > 0))
    throw DomainError(std::string("CFA (FIML): the ") + what + " is not positive definite");
  const Eigen::Index n = a.rows();
  const Eigen::MatrixXd linv = llt.matrixL().solve(Eigen::MatrixXd::Identity(n, n));
  Eigen::MatrixXd inv = Eigen::MatrixXd::Zero(n, n);
  inv.selfadjointView<Eigen::Lower>().rankUpdate(linv.transpose());
  return inv.selfadjointView<Eigen::Lower>();
}

/// tr(G dSigma/dtheta_a) = 2 alpha_a x_a' G y_a for the listed parameters, the same vector as
/// trace_with(sigma_derivatives(t, mm, which), g) (model.hpp), without forming the p x K
/// derivative vectors: with LA = Lambda A and LM = Lambda A Psi A', a loading (i, f) gives
/// 2 (G LM)_if, a second-order loading (k, l) 2 (LA' G LM)_kl, a latent (co)variance (k, l)
/// 2 alpha (LA' G LA)_kl and a residual (co)variance (i, j) 2 alpha G_ij. O(p^2 m) instead of
/// O(p^2 K) (m latent variables, K parameters).
Eigen::VectorXd trace_with_model(const ModelMatrices& mm, const std::vector<Parameter>& which, const Eigen::MatrixXd& g) {
  const Eigen::MatrixXd la = mm.lambda * mm.a;
  const Eigen::MatrixXd lm = mm.lambda * mm.lat_cov;
  const Eigen::MatrixXd g_lm = g * lm, g_la = g * la;
  const Eigen::MatrixXd la_g_la = la.transpose() * g_la, la_g_lm = la.transpose() * g_lm;
  Eigen::VectorXd out(static_cast<Eigen::Index>(which.size()));
  for (std::size_t c = 0; c < which.size(); ++c) {
    const Parameter& par = which[c];
    const double alpha = par.row == par.col ? 0.5 : 1.0;
    double v = 0;
    switch (par.kind) {
      case ParKind::Loading: v = 2.0 * g_lm(par.row, par.col); break;
      case ParKind::Regression: v = 2.0 * la_g_lm(par.row, par.col); break;
      case ParKind::LatentCov: v = 2.0 * alpha * la_g_la(par.row, par.col); break;
      case ParKind::ResidualCov: v = 2.0 * alpha * g(par.row, par.col); break;
    }
    out(static_cast<Eigen::Index>(c)) = v;
  }
  return out;
}

/// J is sparse (a loading moves one row/column of Sigma, a residual variance one entry): its
/// products with the (p + p*)-square h1 matrices cost O((p + p*) nnz(J)) instead of O((p + p*)^2 (q + p)).
using SparseJ = Eigen::SparseMatrix<double>;
SparseJ sparse(const Eigen::MatrixXd& jac) { return jac.sparseView(); }

/// J' M J for a dense symmetric M.
Eigen::MatrixXd sandwich(const SparseJ& j, const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd mj = m * j;
  Eigen::MatrixXd out = j.transpose() * mj;
  return 0.5 * (out + out.transpose());
}

}  // namespace

Eigen::MatrixXd fiml_jacobian(const CfaFit& fit) {
  const Eigen::Index p = fit.table.p, q = fit.theta.size(), ps = p * (p + 1) / 2;
  const SigmaDerivatives d = sigma_derivatives(fit.table, fit.mm, free_list(fit.table));
  Eigen::MatrixXd j = Eigen::MatrixXd::Zero(p + ps, q + p);
  j.block(p, 0, ps, q) = vech_jacobian(d);
  j.block(0, q, p, p).setIdentity();
  return j;
}

SigmaBasis sigma_basis(const SigmaDerivatives& d) {
  SigmaBasis out;
  const Eigen::Index p = d.x.rows(), q = d.x.cols();
  out.alpha = d.alpha;
  std::vector<Eigen::VectorXd> cols;
  // Index of column c among the distinct basis vectors (bitwise equality: the same vector of
  // the model matrices, e.g. e_i or a column of Lambda A, is shared by several parameters).
  auto find = [&](const Eigen::VectorXd& c) {
    for (std::size_t k = 0; k < cols.size(); ++k)
      if (std::memcmp(cols[k].data(), c.data(), sizeof(double) * static_cast<std::size_t>(p)) == 0)
        return static_cast<int>(k);
    cols.push_back(c);
    return static_cast<int>(cols.size() - 1);
  };
  for (Eigen::Index a = 0; a < q; ++a) {
    out.x.push_back(find(d.x.col(a)));
    out.y.push_back(find(d.y.col(a)));
  }
  out.basis.resize(p, static_cast<Eigen::Index>(cols.size()));
  for (std::size_t k = 0; k < cols.size(); ++k) out.basis.col(static_cast<Eigen::Index>(k)) = cols[k];
  return out;
}

namespace {

/// S_ab = sum_ij G_ij d2 Sigma_ij / dtheta_a dtheta_b for a fixed symmetric G, symmetrised: the
/// Jacobian of theta -> tr(G dSigma/dtheta) (model matrices only), by central differences with
/// step 1e-4 max(1, |theta_b|) (exact up to round-off where dSigma/dtheta is quadratic in theta:
/// first-order models; see fiml_observed_information).
Eigen::MatrixXd second_derivative_term(const ParameterTable& t, const Eigen::VectorXd& theta,
                                       const std::vector<Parameter>& freep, const Eigen::MatrixXd& g) {
  const Eigen::Index q = theta.size();
  Eigen::MatrixXd s(q, q);
  for (Eigen::Index b = 0; b < q; ++b) {
    const double step = 1e-4 * std::max(1.0, std::abs(theta(b)));
    Eigen::VectorXd tp = theta, tm = theta;
    tp(b) += step;
    tm(b) -= step;
    const ModelMatrices mp = model_matrices(t, tp), mm = model_matrices(t, tm);
    s.col(b) = (trace_with_model(mp, freep, g) - trace_with_model(mm, freep, g)) / (2.0 * step);
  }
  return 0.5 * (s + s.transpose());
}

}  // namespace

Eigen::MatrixXd two_stage_hessian(const ParameterTable& t, const Eigen::VectorXd& theta, const Eigen::MatrixXd& s) {
  const Eigen::Index q = theta.size(), p = t.p;
  const ModelMatrices mm = model_matrices(t, theta);
  Eigen::LLT<Eigen::MatrixXd> llt(mm.sigma);
  if (llt.info() != Eigen::Success || !(llt.matrixLLT().diagonal().minCoeff() > 0))
    throw DomainError("CFA (FIML): the model-implied covariance of the two-stage start is not positive definite");
  const Eigen::MatrixXd v = llt.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd u = v * s * v;
  const std::vector<Parameter> freep = free_list(t);
  const SigmaBasis b = sigma_basis(sigma_derivatives(t, mm, freep));
  const Eigen::MatrixXd gv = b.basis.transpose() * v * b.basis, gu = b.basis.transpose() * u * b.basis;
  // tr(X dSigma_a Y dSigma_b) from the Gram matrices of the basis (fiml_hessian_structured).
  auto tr = [&](const Eigen::MatrixXd& gx, const Eigen::MatrixXd& gy, Eigen::Index a, Eigen::Index c) {
    const int xa = b.x[static_cast<std::size_t>(a)], ya = b.y[static_cast<std::size_t>(a)];
    const int xc = b.x[static_cast<std::size_t>(c)], yc = b.y[static_cast<std::size_t>(c)];
    return b.alpha(a) * b.alpha(c) *
           (gy(ya, xc) * gx(yc, xa) + gy(ya, yc) * gx(xc, xa) + gy(xa, xc) * gx(yc, ya) + gy(xa, yc) * gx(xc, ya));
  };
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(q + p, q + p);
  for (Eigen::Index c = 0; c < q; ++c)
    for (Eigen::Index a = c; a < q; ++a) h(a, c) = 0.5 * (2.0 * tr(gu, gv, a, c) - tr(gv, gv, a, c));
  h.topLeftCorner(q, q).triangularView<Eigen::StrictlyUpper>() = h.topLeftCorner(q, q).transpose();
  // d f / dtheta_a = 1/2 tr(W dSigma_a), W = V - U: its second-derivative term.
  h.topLeftCorner(q, q) += 0.5 * second_derivative_term(t, theta, freep, v - u);
  h.bottomRightCorner(p, p) = v;
  return h;
}

Eigen::MatrixXd fiml_observed_information(const CfaFit& fit, const MissingPatterns& pats) {
  const Eigen::Index q = fit.theta.size();
  const auto g = try_fiml_loglik(pats, fit.nu, fit.mm.sigma, true);
  if (!g) throw DomainError("CFA (FIML): the model-implied covariance is not positive definite at the estimate");
  const std::vector<Parameter> freep = free_list(fit.table);
  // J'HJ per missing-data pattern in (theta, nu) directly (fiml.hpp, fiml_hessian_structured).
  Eigen::MatrixXd info =
      -fiml_hessian_structured(pats, fit.nu, fit.mm.sigma, sigma_basis(sigma_derivatives(fit.table, fit.mm, freep)));
  // S: Jacobian of theta -> tr(G dSigma/dtheta) with G fixed (model matrices only).
  info.topLeftCorner(q, q) -= second_derivative_term(fit.table, fit.theta, freep, g->d_sigma);
  info /= static_cast<double>(fit.n);
  return 0.5 * (info + info.transpose());
}

Eigen::MatrixXd complete_information_root(const Eigen::MatrixXd& sigma) {
  const Eigen::Index p = sigma.rows(), ps = p * (p + 1) / 2;
  const Eigen::MatrixXd v = sigma.llt().solve(Eigen::MatrixXd::Identity(p, p));
  Eigen::LLT<Eigen::MatrixXd> llt(v);
  if (llt.info() != Eigen::Success) throw DomainError("CFA (FIML): the EM covariance matrix is not positive definite");
  const Eigen::MatrixXd r = llt.matrixL();  // V = r r'; column k is r_k
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(p + ps, p + ps);
  k.topLeftCorner(p, p) = r;
  const double s2 = std::sqrt(2.0);
  Eigen::Index col = p;
  for (Eigen::Index l = 0; l < p; ++l)
    for (Eigen::Index kk = l; kk < p; ++kk, ++col) {
      Eigen::Index row = p;
      for (Eigen::Index j = 0; j < p; ++j)
        for (Eigen::Index i = j; i < p; ++i, ++row) {
          double val;
          if (kk == l) val = i == j ? r(i, kk) * r(i, kk) / s2 : s2 * r(i, kk) * r(j, kk);
          else val = i == j ? r(i, kk) * r(i, l) : r(i, kk) * r(j, l) + r(i, l) * r(j, kk);
          k(row, col) = val;
        }
    }
  return k;
}

FimlH1Information fiml_h1_information(const MissingPatterns& pats, const Eigen::VectorXd& mu_h1,
                                      const Eigen::MatrixXd& sigma_h1, bool first_order) {
  FimlH1Information out;
  const double n = n_units(pats);
  out.a1 = -fiml_hessian(pats, mu_h1, sigma_h1) / n;
  if (!first_order) {
    // ML: only tr(Wc A1^-1) is needed (fiml_corrected, V6): ||L^-1 K||_F^2 with A1 = L L' and
    // Wc = K K' (complete_information_root): n^3/3 + n^3 flops instead of the inverse's ~2.3 n^3.
    Eigen::LLT<Eigen::MatrixXd> llt(out.a1);
    if (llt.info() != Eigen::Success || !(llt.matrixLLT().diagonal().minCoeff() > 0))
      throw DomainError("CFA (FIML): the h1 (saturated) information matrix of the EM moments is not positive definite");
    // K is lower triangular (blockdiag of the lower Cholesky factor r and a vech block whose
    // column (k, l) is zero above row (k, l)), so L^-1 K is too: each block of columns starting
    // at c0 needs only the trailing system L[c0:, c0:] (~n^3/3 flops instead of n^3).
    const Eigen::MatrixXd k = complete_information_root(sigma_h1);
    const Eigen::Index m = k.rows();
    constexpr Eigen::Index kBlock = 64;  // columns per triangular solve (a cache-sized panel)
    double tr = 0;
    for (Eigen::Index c0 = 0; c0 < m; c0 += kBlock) {
      const Eigen::Index nb = std::min(kBlock, m - c0), rest = m - c0;
      Eigen::MatrixXd z = k.block(c0, c0, rest, nb);
      llt.matrixLLT().bottomRightCorner(rest, rest).triangularView<Eigen::Lower>().solveInPlace(z);
      tr += z.squaredNorm();
    }
    out.tr_wc_a1_inv = tr;
    return out;
  }
  out.a1_inv = inverse_chol(out.a1, "h1 (saturated) information matrix of the EM moments");
  {
    const Eigen::MatrixXd sc = fiml_casewise_scores(pats, mu_h1, sigma_h1);
    out.b1 = Eigen::MatrixXd::Zero(sc.cols(), sc.cols());
    out.b1.selfadjointView<Eigen::Lower>().rankUpdate(sc.transpose(), 1.0 / n);
    out.b1 = out.b1.selfadjointView<Eigen::Lower>();
  }
  return out;
}

RobustResult mlr_fiml(const CfaFit& fit, const MissingPatterns& pats, const Eigen::MatrixXd& jac, const Eigen::MatrixXd& e,
                      const FimlH1Information& h1) {
  RobustResult rr;
  const double n = fit.n;
  const Eigen::Index p = fit.table.p, q = fit.theta.size();
  const Eigen::MatrixXd e_inv = inverse_spd(e, "observed information matrix");
  const Eigen::MatrixXd sc = fiml_casewise_scores(pats, fit.nu, fit.mm.sigma) * sparse(jac);  // N x (q + p)
  Eigen::MatrixXd b0 = Eigen::MatrixXd::Zero(q + p, q + p);
  b0.selfadjointView<Eigen::Lower>().rankUpdate(sc.transpose(), 1.0 / n);
  b0 = b0.selfadjointView<Eigen::Lower>();
  rr.vcov = e_inv * b0 * e_inv / n;
  rr.vcov = 0.5 * (rr.vcov + rr.vcov.transpose()).eval();
  rr.trace_h1 = h1.b1.cwiseProduct(h1.a1_inv.transpose()).sum();
  rr.trace_h0 = b0.cwiseProduct(e_inv.transpose()).sum();
  rr.trace_ugamma = rr.trace_h1 - rr.trace_h0;
  const double df = static_cast<double>(p * (p + 1) / 2) - static_cast<double>(q);
  rr.scaling = rr.trace_ugamma / df;
  Eigen::VectorXd m, v, cnt;
  available_case_moments(pats, m, v, cnt);
  double t0 = 0;
  for (Eigen::Index j = 0; j < p; ++j) {
    double acc = 0;
    for (Eigen::Index r = 0; r < pats.data.rows(); ++r) {
      const double y = pats.data(r, j);
      if (!std::isfinite(y)) continue;
      const double z2 = (y - m(j)) * (y - m(j)) / v(j);
      acc += (z2 - 1.0) * (z2 - 1.0);
    }
    t0 += 1.0 + acc / (2.0 * cnt(j));
  }
  rr.scaling_null = (rr.trace_h1 - t0) / static_cast<double>(p * (p - 1) / 2);
  return rr;
}

CfaFit::FimlCorrected fiml_corrected(const CfaFit& fit, const MissingPatterns& pats, const Eigen::MatrixXd& jac,
                                     const FimlH1Information& h1, bool v3) {
  CfaFit::FimlCorrected out;
  const double n = fit.n;
  const Eigen::Index p = fit.table.p, ps = p * (p + 1) / 2, k1 = p + ps;
  const Eigen::MatrixXd& st = fit.s;      // EM covariance
  const Eigen::VectorXd& mt = fit.mean;   // EM means
  const Eigen::MatrixXd vt = st.llt().solve(Eigen::MatrixXd::Identity(p, p));
  const double log_det_st = log_det_spd(st, "EM covariance matrix");
  // Wc: complete-data information at (mu~, S~).
  Eigen::MatrixXd wc = Eigen::MatrixXd::Zero(k1, k1);
  wc.topLeftCorner(p, p) = vt;
  for (Eigen::Index j = 0; j < p; ++j)
    for (Eigen::Index i = j; i < p; ++i) {
      const Eigen::Index a = p + vech_index(static_cast<int>(i), static_cast<int>(j), static_cast<int>(p));
      const double aa = i == j ? 0.5 : 1.0;
      for (Eigen::Index l = 0; l < p; ++l)
        for (Eigen::Index k = l; k < p; ++k) {
          const Eigen::Index b = p + vech_index(static_cast<int>(k), static_cast<int>(l), static_cast<int>(p));
          const double ab = k == l ? 0.5 : 1.0;
          wc(a, b) = aa * ab * (vt(i, k) * vt(j, l) + vt(i, l) * vt(j, k));
        }
    }
  const Eigen::MatrixXd& wm = h1.a1;
  const Eigen::MatrixXd& wm_inv = h1.a1_inv;
  // P = Wm^-1 U Wm^-1 = Wm^-1 - Delta E^-1 Delta', E = Delta' Wm Delta.
  const double tr_wc_wminv = wm_inv.size() > 0 ? wc.cwiseProduct(wm_inv).sum() : h1.tr_wc_a1_inv;
  auto correction = [&](const Eigen::MatrixXd& delta_dense) {
    const SparseJ delta = sparse(delta_dense);
    const Eigen::MatrixXd e = sandwich(delta, wm);
    const Eigen::MatrixXd e_inv = inverse_spd(e, "h1-based information matrix (FIML-corrected statistic)");
    // V6: tr(Wc P) = tr(Wc Wm^-1) - tr(E^-1 Delta' Wc Delta).
    if (!v3) return tr_wc_wminv - e_inv.cwiseProduct(sandwich(delta, wc)).sum();
    const Eigen::MatrixXd de = delta * e_inv;                   // (p + p*) x npar
    const Eigen::MatrixXd pm = wm_inv - Eigen::MatrixXd(de * delta.transpose());
    const Eigen::MatrixXd pwp = pm * wc * pm;                   // tr(U Wm^-1 Wc Wm^-1 U Gamma) = tr(P Wc P Jm)
    return pwp.cwiseProduct(h1.b1).sum();
  };
  const double df = static_cast<double>(ps) - static_cast<double>(fit.theta.size());
  {
    Eigen::LLT<Eigen::MatrixXd> llt(fit.mm.sigma);
    const double log_det = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
    const Eigen::VectorXd d = mt - fit.nu;
    const double tr = llt.solve(st).trace();
    out.x2 = n * (log_det + tr - log_det_st - static_cast<double>(p) + d.dot(llt.solve(d)));
    out.df = df;
    out.c = correction(jac) / df;
  }
  Eigen::VectorXd m, v, cnt;
  available_case_moments(pats, m, v, cnt);
  Eigen::MatrixXd db = Eigen::MatrixXd::Zero(k1, 2 * p);
  double x2n = -log_det_st - static_cast<double>(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    db(j, j) = 1.0;
    db(p + vech_index(static_cast<int>(j), static_cast<int>(j), static_cast<int>(p)), p + j) = 1.0;
    x2n += std::log(v(j)) + st(j, j) / v(j) + (mt(j) - m(j)) * (mt(j) - m(j)) / v(j);
  }
  out.x2_null = n * x2n;
  out.df_null = static_cast<double>(p * (p - 1) / 2);
  out.c_null = correction(db) / out.df_null;
  return out;
}

}  // namespace cikit::cfa
