/// \file fiml.cpp
/// FIML log-likelihood, gradient, casewise scores, Hessian and EM for the saturated model.
/// Formulas and conventions: fiml.hpp and docs/methods.md ("FIML likelihood").
#include "methods/cfa/fiml.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <unordered_map>
#include <utility>

#include "methods/core/error.hpp"

namespace cikit::cfa {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr double kLog2Pi = 1.8378770664093454836;  // log(2 pi)
/// Sigma counts as symmetric when |S_ij - S_ji| <= kSymmetryTol (1 + |S_ij|).
constexpr double kSymmetryTol = 1e-10;

Index ix(int i) { return static_cast<Index>(i); }

/// Sub-vector v[idx].
VectorXd gather(const VectorXd& v, const std::vector<int>& idx) {
  VectorXd out(ix(static_cast<int>(idx.size())));
  for (std::size_t a = 0; a < idx.size(); ++a) out(static_cast<Index>(a)) = v(ix(idx[a]));
  return out;
}

/// Sub-matrix m[rows, cols].
MatrixXd gather(const MatrixXd& m, const std::vector<int>& rows, const std::vector<int>& cols) {
  MatrixXd out(static_cast<Index>(rows.size()), static_cast<Index>(cols.size()));
  for (std::size_t b = 0; b < cols.size(); ++b)
    for (std::size_t a = 0; a < rows.size(); ++a)
      out(static_cast<Index>(a), static_cast<Index>(b)) = m(ix(rows[a]), ix(cols[b]));
  return out;
}

/// Checks sizes, finiteness and symmetry of (mu, Sigma); positive definiteness is checked by
/// the Cholesky factorisations of the callers.
void check_moments(const char* fn, const MissingPatterns& pats, const VectorXd& mu,
                   const MatrixXd& sigma) {
  const Index p = ix(pats.p);
  if (p == 0 || pats.patterns.empty())
    throw InvalidInput(std::string(fn) + ": the missing-data patterns are empty (use make_patterns)");
  if (mu.size() != p)
    throw InvalidInput(std::string(fn) + ": mu has length " + std::to_string(mu.size()) +
                       ", but must have p = " + std::to_string(p));
  if (sigma.rows() != p || sigma.cols() != p)
    throw InvalidInput(std::string(fn) + ": Sigma is " + std::to_string(sigma.rows()) + " x " +
                       std::to_string(sigma.cols()) + ", but must be p x p with p = " +
                       std::to_string(p));
  for (Index i = 0; i < p; ++i)
    if (!std::isfinite(mu(i)))
      throw InvalidInput(std::string(fn) + ": mu[" + std::to_string(i + 1) + "] is not finite");
  for (Index j = 0; j < p; ++j)
    for (Index i = j; i < p; ++i) {
      if (!std::isfinite(sigma(i, j)) || !std::isfinite(sigma(j, i)))
        throw InvalidInput(std::string(fn) + ": Sigma[" + std::to_string(i + 1) + "," +
                           std::to_string(j + 1) + "] is not finite");
      if (!(std::abs(sigma(i, j) - sigma(j, i)) <= kSymmetryTol * (1 + std::abs(sigma(i, j)))))
        throw DomainError(std::string(fn) + ": Sigma is not symmetric (Sigma[" +
                          std::to_string(i + 1) + "," + std::to_string(j + 1) + "] = " +
                          std::to_string(sigma(i, j)) + " but Sigma[" + std::to_string(j + 1) +
                          "," + std::to_string(i + 1) + "] = " + std::to_string(sigma(j, i)) + ")");
    }
}

[[noreturn]] void throw_not_pd(const char* fn) {
  throw DomainError(std::string(fn) +
                    ": Sigma is not positive definite (its Cholesky factorisation failed); the "
                    "normal likelihood is undefined there");
}

/// Cholesky of Sigma_oo for a pattern; reuses the full factor for the complete pattern.
/// Returns false if Sigma_oo is not (numerically) positive definite.
bool factor_pattern(const MissingPattern& pat, const MatrixXd& sigma, Eigen::LLT<MatrixXd>& out,
                    bool& is_full) {
  is_full = static_cast<Index>(pat.observed.size()) == sigma.rows();
  if (is_full) return true;
  out.compute(gather(sigma, pat.observed, pat.observed));
  if (out.info() != Eigen::Success) return false;
  const auto d = out.matrixLLT().diagonal();
  return (d.array() > 0).all() && d.allFinite();
}

bool full_factor(const MatrixXd& sigma, Eigen::LLT<MatrixXd>& llt) {
  llt.compute(sigma);
  if (llt.info() != Eigen::Success) return false;
  const auto d = llt.matrixLLT().diagonal();
  return (d.array() > 0).all() && d.allFinite();
}

/// Inverse of L L' from its Cholesky factor.
MatrixXd chol_inverse(const Eigen::LLT<MatrixXd>& llt) {
  const Index n = llt.matrixLLT().rows();
  MatrixXd linv = llt.matrixL().solve(MatrixXd::Identity(n, n));  // L^-1 (lower)
  MatrixXd inv = MatrixXd::Zero(n, n);
  inv.selfadjointView<Eigen::Lower>().rankUpdate(linv.transpose());  // L^-T L^-1
  inv.triangularView<Eigen::StrictlyUpper>() = inv.transpose();
  return inv;
}

/// The per-pattern preamble of the Hessians (fiml_hessian, fiml_hessian_structured): with the
/// Cholesky factor of Sigma_oo (the full factor `full` for the complete pattern, else computed in
/// `sub`), S = Sigma_oo^-1, dev = ybar_o - mu_o and v = S dev.
struct PatternTerms {
  Index po = 0;    ///< p_o, observed variables
  double n = 0;    ///< n_o, units
  MatrixXd s;      ///< Sigma_oo^-1 (p_o x p_o)
  VectorXd dev;    ///< ybar_o - mu_o
  VectorXd v;      ///< S dev
  const Eigen::LLT<MatrixXd>* llt = nullptr;  ///< the factor of Sigma_oo (`full` or `sub`)
};

/// PatternTerms of one pattern; throws DomainError (naming fn) if Sigma_oo is not positive
/// definite.
PatternTerms pattern_terms(const char* fn, const MissingPattern& pat, const VectorXd& mu, const MatrixXd& sigma,
                           const Eigen::LLT<MatrixXd>& full, Eigen::LLT<MatrixXd>& sub) {
  bool is_full = false;
  if (!factor_pattern(pat, sigma, sub, is_full)) throw_not_pd(fn);
  PatternTerms t;
  t.po = ix(static_cast<int>(pat.observed.size()));
  t.n = static_cast<double>(pat.count);
  t.llt = is_full ? &full : &sub;
  t.s = chol_inverse(*t.llt);
  t.dev = pat.mean - gather(mu, pat.observed);
  t.v = t.s * t.dev;
  return t;
}

/// Adds a pattern's gradient terms: d_mu[o] += n v, G[o, o] += n/2 B.
void add_gradient(const MissingPattern& pat, bool is_full, double n, const Eigen::Ref<const VectorXd>& v,
                  const MatrixXd& b, FimlValue& out) {
  if (is_full) {
    out.d_mu += n * v;
    out.d_sigma += (0.5 * n) * b;
    return;
  }
  const Index po = b.rows();
  for (Index a = 0; a < po; ++a) {
    const Index ga = ix(pat.observed[static_cast<std::size_t>(a)]);
    out.d_mu(ga) += n * v(a);
    for (Index c = 0; c < po; ++c)
      out.d_sigma(ix(pat.observed[static_cast<std::size_t>(c)]), ga) += 0.5 * n * b(c, a);
  }
}

/// A pattern missing at most this share of the p variables gets Sigma_oo^-1 from the full
/// inverse by the partitioned-inverse update (O(p_o^2 k), k missing) instead of its own
/// Cholesky factorisation (O(p_o^3)).
constexpr double kUpdateShare = 0.25;

/// The core of fiml_loglik; false when some Sigma_oo is not positive definite.
/// Per pattern, with P = Sigma^-1 and m the k missing variables, either
///  (a) Cholesky L L' = Sigma_oo, or
///  (b) (k <= kUpdateShare p) Sigma_oo^-1 = P_oo - P_om P_mm^-1 P_mo and
///      log|Sigma_oo| = log|Sigma| + log|P_mm| (Schur complement; P_mm^-1 = Sigma_mm.o),
/// then logL_o = -n/2 [p_o log 2pi + log|Sigma_oo| + tr(Sigma_oo^-1 R'R) + d' Sigma_oo^-1 d]
/// with R the pattern's root and d = ybar_o - mu_o.
bool fiml_core(const MissingPatterns& pats, const VectorXd& mu, const MatrixXd& sigma,
               bool with_gradient, FimlValue& out) {
  const Index p = ix(pats.p);
  Eigen::LLT<MatrixXd> full;
  if (!full_factor(sigma, full)) return false;
  const double logdet_full = 2 * full.matrixLLT().diagonal().array().log().sum();
  const MatrixXd pinv = chol_inverse(full);
  out.loglik = 0;
  if (with_gradient) {
    out.d_mu = VectorXd::Zero(p);
    out.d_sigma = MatrixXd::Zero(p, p);
  } else {
    out.d_mu.resize(0);
    out.d_sigma.resize(0, 0);
  }
  Eigen::LLT<MatrixXd> sub;
  std::vector<int> m;
  for (const auto& pat : pats.patterns) {
    const auto& o = pat.observed;
    const Index po = ix(static_cast<int>(o.size()));
    const Index k = p - po;
    const double n = static_cast<double>(pat.count);
    const VectorXd d = pat.mean - (k == 0 ? mu : gather(mu, o));
    MatrixXd rhs(po, pat.root.rows() + 1);  // [R' d]
    rhs.leftCols(pat.root.rows()) = pat.root.transpose();
    rhs.col(rhs.cols() - 1) = d;
    if (k > 0 && static_cast<double>(k) <= kUpdateShare * static_cast<double>(p)) {
      m.clear();
      for (int c = 0, a = 0; c < pats.p; ++c) {
        if (a < static_cast<int>(o.size()) && o[static_cast<std::size_t>(a)] == c) ++a;
        else m.push_back(c);
      }
      sub.compute(gather(pinv, m, m));
      const auto dm = sub.matrixLLT().diagonal();
      if (sub.info() != Eigen::Success || !(dm.array() > 0).all()) return false;
      MatrixXd f = gather(pinv, m, o);      // k x p_o
      sub.matrixL().solveInPlace(f);         // L_mm^-1 P_mo
      MatrixXd s = gather(pinv, o, o);
      s.selfadjointView<Eigen::Lower>().rankUpdate(f.transpose(), -1.0);
      s.triangularView<Eigen::StrictlyUpper>() = s.transpose();  // Sigma_oo^-1
      const double logdet = logdet_full + 2 * dm.array().log().sum();
      const MatrixXd u = s * rhs;  // Sigma_oo^-1 [R' d]
      const double quad = rhs.cwiseProduct(u).sum();
      if (!(logdet > -std::numeric_limits<double>::infinity()) || !(quad >= 0)) return false;
      out.loglik += -0.5 * n * (static_cast<double>(po) * kLog2Pi + logdet + quad);
      if (!with_gradient) continue;
      MatrixXd b = -s;
      b.selfadjointView<Eigen::Lower>().rankUpdate(u);
      b.triangularView<Eigen::StrictlyUpper>() = b.transpose();
      add_gradient(pat, false, n, u.col(u.cols() - 1), b, out);
      continue;
    }
    bool is_full = false;
    if (!factor_pattern(pat, sigma, sub, is_full)) return false;
    const Eigen::LLT<MatrixXd>& llt = is_full ? full : sub;
    // X = L^-1 [R' d]: tr(Sigma_oo^-1 C_o) = ||X_R||^2, quadratic form = ||x_d||^2.
    llt.matrixL().solveInPlace(rhs);
    const double logdet = is_full ? logdet_full : 2 * llt.matrixLLT().diagonal().array().log().sum();
    out.loglik += -0.5 * n * (static_cast<double>(po) * kLog2Pi + logdet + rhs.squaredNorm());
    if (!with_gradient) continue;
    // U = Sigma_oo^-1 [R' d] = L^-T X; B = U U' - Sigma_oo^-1 = Sigma_oo^-1 W_o Sigma_oo^-1 - Sigma_oo^-1.
    llt.matrixU().solveInPlace(rhs);
    MatrixXd b = is_full ? MatrixXd(-pinv) : MatrixXd(-chol_inverse(llt));
    b.selfadjointView<Eigen::Lower>().rankUpdate(rhs);
    b.triangularView<Eigen::StrictlyUpper>() = b.transpose();
    add_gradient(pat, is_full, n, rhs.col(rhs.cols() - 1), b, out);
  }
  if (!std::isfinite(out.loglik))
    throw InternalError("fiml_loglik: the log-likelihood is not finite at a positive definite Sigma");
  return true;
}

std::string pattern_key(const Eigen::MatrixXd& x, Index r) {
  std::string key(static_cast<std::size_t>(x.cols()), '0');
  for (Index c = 0; c < x.cols(); ++c)
    if (!std::isnan(x(r, c))) key[static_cast<std::size_t>(c)] = '1';
  return key;
}

/// Per-pattern mean, ML covariance and root (see MissingPattern::root).
void pattern_statistics(const MatrixXd& data, MissingPattern& pat) {
  const Index no = ix(pat.count);
  const Index po = ix(static_cast<int>(pat.observed.size()));
  MatrixXd y(no, po);
  for (Index u = 0; u < no; ++u)
    for (Index a = 0; a < po; ++a)
      y(u, a) = data(ix(pat.units[static_cast<std::size_t>(u)]), ix(pat.observed[static_cast<std::size_t>(a)]));
  pat.mean = y.colwise().mean().transpose();
  MatrixXd z = y.rowwise() - pat.mean.transpose();  // two-pass: centre first
  const double n = static_cast<double>(pat.count);
  pat.cov = z.transpose() * z / n;
  if (no <= po) {
    pat.root = z / std::sqrt(n);
    return;
  }
  Eigen::SelfAdjointEigenSolver<MatrixXd> es(pat.cov);
  const VectorXd lam = es.eigenvalues().cwiseMax(0.0);
  pat.root = lam.cwiseSqrt().asDiagonal() * es.eigenvectors().transpose();
}

void check_em_sigma_pd(const Eigen::LLT<MatrixXd>& llt, int p, int iteration) {
  const auto d = llt.matrixLLT().diagonal();
  if (llt.info() != Eigen::Success || !(d.array() > 0).all() || !d.allFinite())
    throw DomainError("em_saturated: at EM iteration " + std::to_string(iteration) + " the covariance matrix of the " +
                      std::to_string(p) +
                      " variables is not positive definite; the indicators are (nearly) collinear and the "
                      "saturated model has no unique ML estimate");
}

}  // namespace

MissingPatterns make_patterns(const Eigen::MatrixXd& x) {
  MissingPatterns out;
  if (x.cols() == 0) throw InvalidInput("make_patterns: the data have no columns (p = 0)");
  out.p = static_cast<int>(x.cols());
  out.n_rows = static_cast<int>(x.rows());
  for (Index r = 0; r < x.rows(); ++r)
    for (Index c = 0; c < x.cols(); ++c)
      if (std::isinf(x(r, c)))
        throw InvalidInput("make_patterns: row " + std::to_string(r + 1) + ", column " +
                           std::to_string(c + 1) + " is infinite; missing values must be NaN");
  std::unordered_map<std::string, int> index;
  for (Index r = 0; r < x.rows(); ++r) {
    std::string key = pattern_key(x, r);
    if (key.find('1') == std::string::npos) {
      ++out.n_empty;
      continue;
    }
    const int unit = static_cast<int>(out.unit_rows.size());
    out.unit_rows.push_back(static_cast<int>(r));
    auto [it, fresh] = index.try_emplace(std::move(key), static_cast<int>(out.patterns.size()));
    if (fresh) {
      MissingPattern pat;
      for (Index c = 0; c < x.cols(); ++c)
        if (it->first[static_cast<std::size_t>(c)] == '1') pat.observed.push_back(static_cast<int>(c));
      out.patterns.push_back(std::move(pat));
    }
    out.patterns[static_cast<std::size_t>(it->second)].units.push_back(unit);
    out.unit_pattern.push_back(it->second);
  }
  const int n = static_cast<int>(out.unit_rows.size());
  if (n < 2)
    throw InvalidInput("make_patterns: " + std::to_string(n) +
                       " unit(s) with at least one observed value, but FIML needs at least 2 (" +
                       std::to_string(out.n_empty) + " of " + std::to_string(out.n_rows) +
                       " rows are entirely missing)");
  out.data.resize(n, x.cols());
  for (int u = 0; u < n; ++u) out.data.row(u) = x.row(ix(out.unit_rows[static_cast<std::size_t>(u)]));
  out.n_observed = Eigen::VectorXi::Zero(x.cols());
  for (auto& pat : out.patterns) {
    pat.count = static_cast<int>(pat.units.size());
    for (int c : pat.observed) out.n_observed(c) += pat.count;
    pattern_statistics(out.data, pat);
  }
  for (Index c = 0; c < x.cols(); ++c)
    if (out.n_observed(c) == 0)
      throw InvalidInput("make_patterns: column " + std::to_string(c + 1) +
                         " has no observed value (all " + std::to_string(out.n_rows) +
                         " rows missing); drop the indicator");
  return out;
}

int n_units(const MissingPatterns& pats) { return static_cast<int>(pats.unit_rows.size()); }

FimlValue fiml_loglik(const MissingPatterns& pats, const VectorXd& mu, const MatrixXd& sigma,
                      bool with_gradient) {
  check_moments("fiml_loglik", pats, mu, sigma);
  FimlValue out;
  if (!fiml_core(pats, mu, sigma, with_gradient, out)) throw_not_pd("fiml_loglik");
  return out;
}

std::optional<FimlValue> try_fiml_loglik(const MissingPatterns& pats, const VectorXd& mu,
                                         const MatrixXd& sigma, bool with_gradient) {
  check_moments("try_fiml_loglik", pats, mu, sigma);
  FimlValue out;
  if (!fiml_core(pats, mu, sigma, with_gradient, out)) return std::nullopt;
  return out;
}

MatrixXd fiml_casewise_scores(const MissingPatterns& pats, const VectorXd& mu,
                              const MatrixXd& sigma) {
  check_moments("fiml_casewise_scores", pats, mu, sigma);
  const int p = pats.p;
  const Index pstar = ix(p * (p + 1) / 2);
  Eigen::LLT<MatrixXd> full, sub;
  if (!full_factor(sigma, full)) throw_not_pd("fiml_casewise_scores");
  MatrixXd scores = MatrixXd::Zero(ix(n_units(pats)), ix(p) + pstar);
  for (const auto& pat : pats.patterns) {
    bool is_full = false;
    if (!factor_pattern(pat, sigma, sub, is_full)) throw_not_pd("fiml_casewise_scores");
    const MatrixXd sinv = chol_inverse(is_full ? full : sub);
    const auto& o = pat.observed;
    const Index po = ix(static_cast<int>(o.size()));
    const VectorXd mu_o = gather(mu, o);
    const Index nu = ix(pat.count);
    MatrixXd dev(nu, po);  // centred observed values of the pattern's units
    for (Index u = 0; u < nu; ++u)
      for (Index a = 0; a < po; ++a)
        dev(u, a) = pats.data(ix(pat.units[static_cast<std::size_t>(u)]), ix(o[static_cast<std::size_t>(a)])) - mu_o(a);
    const MatrixXd vv = dev * sinv;  // row u: (Sigma_oo^-1 (y_u - mu_o))'
    for (Index u = 0; u < nu; ++u) {
      auto row = scores.row(ix(pat.units[static_cast<std::size_t>(u)]));
      for (Index b = 0; b < po; ++b) {
        const int j = o[static_cast<std::size_t>(b)];
        row(ix(j)) = vv(u, b);
        for (Index a = b; a < po; ++a) {
          const int i = o[static_cast<std::size_t>(a)];
          const double s = vv(u, a) * vv(u, b) - sinv(a, b);
          row(ix(p + vech_index(i, j, p))) = a == b ? 0.5 * s : s;
        }
      }
    }
  }
  return scores;
}

MatrixXd fiml_hessian(const MissingPatterns& pats, const VectorXd& mu, const MatrixXd& sigma) {
  check_moments("fiml_hessian", pats, mu, sigma);
  const int p = pats.p;
  const Index pstar = ix(p * (p + 1) / 2);
  const Index npat = ix(static_cast<int>(pats.patterns.size()));
  Eigen::LLT<MatrixXd> full, sub;
  if (!full_factor(sigma, full)) throw_not_pd("fiml_hessian");
  MatrixXd h = MatrixXd::Zero(ix(p) + pstar, ix(p) + pstar);
  // The vech-vech block is bilinear in the embedded A and S of the patterns:
  //   -1/2 c_ij c_kl (M[jk, li] + M[jl, ki] + M[ik, lj] + M[il, kj]),  M[ab, cd] = sum_o n_o A_o,ab S_o,cd,
  // with A_o, S_o embedded in p x p zeros (a term with a variable missing in o vanishes). M over
  // the unordered pairs (vech) is one product X Y' of the p* x (patterns) matrices whose
  // columns are n_o vech(A_o) and vech(S_o): one pass over the (p + p*)-square result instead
  // of one per pattern.
  // The mu-mu and mu-vech blocks likewise: -sum_o n_o S_o,kl and -c_ij (N[ki, j] + N[kj, i]) with
  // N[ab, c] = sum_o n_o S_o,ab v_o,c (v_o = S_o (ybar_o - mu_o) embedded).
  MatrixXd xa = MatrixXd::Zero(pstar, npat), ys = MatrixXd::Zero(pstar, npat), vn = MatrixXd::Zero(p, npat);
  VectorXd counts(npat);
  for (Index q = 0; q < npat; ++q) {
    const auto& pat = pats.patterns[static_cast<std::size_t>(q)];
    const auto [po, n, s, d, v, llt] = pattern_terms("fiml_hessian", pat, mu, sigma, full, sub);
    const auto& o = pat.observed;
    // A = S (2 W - Sigma_oo) S = 2 (R S)'(R S) + 2 v v' - S, W = C + d d', C = R'R (MissingPattern::root).
    MatrixXd a = -s;
    if (pat.root.rows() > 0) {
      const MatrixXd rs = pat.root * s;
      a.selfadjointView<Eigen::Lower>().rankUpdate(rs.transpose(), 2.0);
    }
    a.selfadjointView<Eigen::Lower>().rankUpdate(v, 2.0);
    counts(q) = n;
    for (Index b = 0; b < po; ++b) {
      const int gb = o[static_cast<std::size_t>(b)];
      vn(gb, q) = n * v(b);
      for (Index a2 = b; a2 < po; ++a2) {
        const Index g = ix(vech_index(o[static_cast<std::size_t>(a2)], gb, p));
        xa(g, q) = n * a(a2, b);
        ys(g, q) = s(a2, b);
      }
    }
  }
  const VectorXd s_sum = ys * counts;                   // sum_o n_o vech(S_o)
  const MatrixXd nmat = ys * vn.transpose();             // N, p* x p
  MatrixXd m = MatrixXd::Zero(pstar, pstar);
  m.noalias() += xa * ys.transpose();
  // vech index of the unordered pair {a, b}
  std::vector<Index> vx(static_cast<std::size_t>(p * p));
  for (int b = 0; b < p; ++b)
    for (int a2 = 0; a2 < p; ++a2)
      vx[static_cast<std::size_t>(b * p + a2)] = ix(vech_index(std::max(a2, b), std::min(a2, b), p));
  auto vp = [&](int a2, int b) { return vx[static_cast<std::size_t>(b * p + a2)]; };
  for (int l = 0; l < p; ++l)
    for (int k = 0; k < p; ++k) h(k, l) = -s_sum(vp(k, l));
  // mu-vech block (rows mu, columns vech): -n c_ij (S_ki v_j + S_kj v_i) summed over the patterns.
  for (int j = 0; j < p; ++j)
    for (int i = j; i < p; ++i) {
      const Index col = ix(p + vech_index(i, j, p));
      const double cij = i == j ? 0.5 : 1.0;
      for (int k = 0; k < p; ++k) h(k, col) = -cij * (nmat(vp(k, i), j) + nmat(vp(k, j), i));
    }
  for (int j = 0; j < p; ++j)
    for (int i = j; i < p; ++i) {
      const Index cx = ix(p + vech_index(i, j, p));
      const double cij = i == j ? 0.5 : 1.0;
      // the pairs y = (k, l) >= x = (i, j) in vech order: l = j, k >= i; then l > j, k >= l
      for (int l = j; l < p; ++l)
        for (int k = l == j ? i : l; k < p; ++k) {
          const double ckl = k == l ? 0.5 : 1.0;
          h(ix(p + vech_index(k, l, p)), cx) -= 0.5 * cij * ckl *
              (m(vp(j, k), vp(l, i)) + m(vp(j, l), vp(k, i)) + m(vp(i, k), vp(l, j)) + m(vp(i, l), vp(k, j)));
        }
    }
  // The mu-vech block was filled above the diagonal (rows mu, columns vech); the mu block in
  // full and the vech block below its diagonal. Mirror into a symmetric matrix.
  const Index mrows = h.rows();
  for (Index j = 0; j < ix(p); ++j)
    for (Index i = ix(p); i < mrows; ++i) h(i, j) = h(j, i);
  h.triangularView<Eigen::StrictlyUpper>() = h.transpose();
  return h;
}

MatrixXd fiml_hessian_structured(const MissingPatterns& pats, const VectorXd& mu, const MatrixXd& sigma,
                                 const SigmaBasis& d) {
  check_moments("fiml_hessian_structured", pats, mu, sigma);
  const int p = pats.p;
  const Index q = d.alpha.size(), nb = d.basis.cols();
  if (d.basis.rows() != ix(p) || static_cast<Index>(d.x.size()) != q || static_cast<Index>(d.y.size()) != q)
    throw InvalidInput("fiml_hessian_structured: the basis has " + std::to_string(d.basis.rows()) +
                       " rows and " + std::to_string(d.x.size()) + "/" + std::to_string(d.y.size()) + "/" +
                       std::to_string(q) + " x/y/alpha entries, but must have p = " + std::to_string(p) +
                       " rows and one entry per parameter");
  for (Index a = 0; a < q; ++a) {
    const int xa = d.x[static_cast<std::size_t>(a)], ya = d.y[static_cast<std::size_t>(a)];
    if (xa < 0 || ix(xa) >= nb || ya < 0 || ix(ya) >= nb)
      throw InvalidInput("fiml_hessian_structured: parameter " + std::to_string(a + 1) +
                         " names a basis column outside 1.." + std::to_string(nb));
  }
  Eigen::LLT<MatrixXd> full, sub;
  if (!full_factor(sigma, full)) throw_not_pd("fiml_hessian_structured");
  MatrixXd h = MatrixXd::Zero(q + ix(p), q + ix(p));  // lower triangle filled, mirrored at the end
  MatrixXd bo, lb, sb, gs, ga;
  for (const auto& pat : pats.patterns) {
    const auto [po, n, s, dev, v, llt] = pattern_terms("fiml_hessian_structured", pat, mu, sigma, full, sub);
    const auto& o = pat.observed;
    bo.resize(po, nb);
    for (Index r = 0; r < po; ++r) bo.row(r) = d.basis.row(ix(o[static_cast<std::size_t>(r)]));
    // With S = L^-T L^-1 (L L' = Sigma_oo) and A = S (2 W - Sigma_oo) S = 2 S C S + 2 v v' - S
    // (W = C + dev dev', C = root' root): B'S B = (L^-1 B)'(L^-1 B) and
    // B'A B = 2 (root S B)'(root S B) + 2 (B'v)(B'v)' - B'S B, as symmetric rank updates.
    lb = bo;
    llt->matrixL().solveInPlace(lb);  // L^-1 B_o
    sb = lb;
    llt->matrixU().solveInPlace(sb);  // S B_o
    const VectorXd bv = bo.transpose() * v;
    gs.setZero(nb, nb);
    gs.selfadjointView<Eigen::Lower>().rankUpdate(lb.transpose());
    ga = -gs;
    if (pat.root.rows() > 0) {
      const MatrixXd rsb = pat.root * sb;
      ga.selfadjointView<Eigen::Lower>().rankUpdate(rsb.transpose(), 2.0);
    }
    ga.selfadjointView<Eigen::Lower>().rankUpdate(bv, 2.0);
    gs.triangularView<Eigen::StrictlyUpper>() = gs.transpose();
    ga.triangularView<Eigen::StrictlyUpper>() = ga.transpose();
    for (Index b = 0; b < q; ++b) {
      const int xb = d.x[static_cast<std::size_t>(b)], yb = d.y[static_cast<std::size_t>(b)];
      const double fb = -0.5 * n * d.alpha(b);
      for (Index a2 = b; a2 < q; ++a2) {
        const int xa = d.x[static_cast<std::size_t>(a2)], ya = d.y[static_cast<std::size_t>(a2)];
        const double t = ga(ya, xb) * gs(yb, xa) + ga(ya, yb) * gs(xb, xa) + ga(xa, xb) * gs(yb, ya) +
                         ga(xa, yb) * gs(xb, ya);
        h(a2, b) += fb * d.alpha(a2) * t;
      }
    }
    for (Index l = 0; l < po; ++l) {
      const Index gl = q + ix(o[static_cast<std::size_t>(l)]);
      for (Index k = l; k < po; ++k) h(q + ix(o[static_cast<std::size_t>(k)]), gl) -= n * s(k, l);
      // (mu_l, theta_b) sits below the diagonal: row q + o_l, column b.
      for (Index b = 0; b < q; ++b) {
        const int xb = d.x[static_cast<std::size_t>(b)], yb = d.y[static_cast<std::size_t>(b)];
        h(gl, b) -= n * d.alpha(b) * (sb(l, xb) * bv(yb) + sb(l, yb) * bv(xb));
      }
    }
  }
  h.triangularView<Eigen::StrictlyUpper>() = h.transpose();
  return h;
}

SaturatedFit em_saturated(const MissingPatterns& pats, double tol, int max_iter) {
  if (!(tol > 0)) throw InvalidInput("em_saturated: tol is " + std::to_string(tol) + ", but must be > 0");
  if (max_iter < 1)
    throw InvalidInput("em_saturated: max_iter is " + std::to_string(max_iter) + ", but must be >= 1");
  if (pats.p == 0 || pats.patterns.empty())
    throw InvalidInput("em_saturated: the missing-data patterns are empty (use make_patterns)");
  const Index p = ix(pats.p);
  const double n_total = static_cast<double>(n_units(pats));
  // Start (lavaan): available-case means and ML variances, Sigma diagonal.
  VectorXd mu = VectorXd::Zero(p);
  VectorXd var = VectorXd::Zero(p);
  for (const auto& pat : pats.patterns)
    for (std::size_t a = 0; a < pat.observed.size(); ++a)
      mu(pat.observed[a]) += pat.count * pat.mean(static_cast<Index>(a));
  mu.array() /= pats.n_observed.cast<double>().array();
  for (const auto& pat : pats.patterns)
    for (std::size_t a = 0; a < pat.observed.size(); ++a) {
      const Index aa = static_cast<Index>(a);
      const double dm = pat.mean(aa) - mu(pat.observed[a]);
      var(pat.observed[a]) += pat.count * (pat.cov(aa, aa) + dm * dm);
    }
  var.array() /= pats.n_observed.cast<double>().array();
  for (Index c = 0; c < p; ++c)
    if (!(var(c) > 0))
      throw DomainError("em_saturated: column " + std::to_string(c + 1) +
                        " is constant among its observed values (variance 0); the saturated "
                        "covariance matrix is singular");
  MatrixXd sigma = var.asDiagonal();
  SaturatedFit fit;
  std::vector<VectorXd> ybar(pats.patterns.size());
  // The observed-observed blocks of the completed data's cross-products do not change between
  // iterations: sum_o n_o C_o embedded, once. The missing variables m of each pattern, once.
  MatrixXd acc_oo = MatrixXd::Zero(p, p);
  std::vector<std::vector<int>> missing(pats.patterns.size());
  for (std::size_t q = 0; q < pats.patterns.size(); ++q) {
    const auto& pat = pats.patterns[q];
    const auto& o = pat.observed;
    const double n = static_cast<double>(pat.count);
    for (std::size_t b = 0; b < o.size(); ++b)
      for (std::size_t a = 0; a < o.size(); ++a)
        acc_oo(o[a], o[b]) += n * pat.cov(static_cast<Index>(a), static_cast<Index>(b));
    for (int c = 0, a = 0; c < pats.p; ++c) {
      if (a < static_cast<int>(o.size()) && o[static_cast<std::size_t>(a)] == c) ++a;
      else missing[q].push_back(c);
    }
  }
  Eigen::LLT<MatrixXd> llt, llt_mm;
  for (int it = 1; it <= max_iter; ++it) {
    // E-step by the partitioned inverse, P = Sigma^-1: for a pattern with missing variables m,
    // B = Sigma_mo Sigma_oo^-1 = -P_mm^-1 P_mo and Cov[y_m | y_o] = Sigma_mm.o = P_mm^-1
    // (O(k p_o^2) per pattern with k = |m|, instead of a p_o^3 factorisation of Sigma_oo).
    llt.compute(sigma);
    check_em_sigma_pd(llt, pats.p, it);
    const MatrixXd pinv = chol_inverse(llt);
    MatrixXd acc = acc_oo;  // sum_o n_o Cfull_o
    for (std::size_t q = 0; q < pats.patterns.size(); ++q) {
      const auto& pat = pats.patterns[q];
      const auto& o = pat.observed;
      const auto& m = missing[q];
      const double n = static_cast<double>(pat.count);
      if (m.empty()) {
        ybar[q] = pat.mean;
        continue;
      }
      const Index k = ix(static_cast<int>(m.size()));
      llt_mm.compute(gather(pinv, m, m));
      const MatrixXd bt = -llt_mm.solve(gather(pinv, m, o)).transpose();  // B' (p_o x k)
      VectorXd y(p);
      const VectorXd yhat_m = gather(mu, m) + bt.transpose() * (pat.mean - gather(mu, o));
      for (std::size_t a = 0; a < o.size(); ++a) y(o[a]) = pat.mean(static_cast<Index>(a));
      for (std::size_t a = 0; a < m.size(); ++a) y(m[a]) = yhat_m(static_cast<Index>(a));
      ybar[q] = std::move(y);
      const MatrixXd bc = bt.transpose() * pat.cov;                          // B C  (k x p_o)
      const MatrixXd mm = bc * bt + llt_mm.solve(MatrixXd::Identity(k, k));  // B C B' + Sigma_mm.o
      for (std::size_t b = 0; b < o.size(); ++b)
        for (std::size_t a = 0; a < m.size(); ++a) {
          const double val = n * bc(static_cast<Index>(a), static_cast<Index>(b));
          acc(m[a], o[b]) += val;
          acc(o[b], m[a]) += val;
        }
      for (std::size_t b = 0; b < m.size(); ++b)
        for (std::size_t a = 0; a < m.size(); ++a)
          acc(m[a], m[b]) += n * mm(static_cast<Index>(a), static_cast<Index>(b));
    }
    VectorXd mu_new = VectorXd::Zero(p);
    for (std::size_t q = 0; q < pats.patterns.size(); ++q)
      mu_new += static_cast<double>(pats.patterns[q].count) * ybar[q];
    mu_new /= n_total;
    for (std::size_t q = 0; q < pats.patterns.size(); ++q) {
      const VectorXd e = ybar[q] - mu_new;
      acc.noalias() += static_cast<double>(pats.patterns[q].count) * e * e.transpose();
    }
    MatrixXd sigma_new = acc / n_total;
    sigma_new = 0.5 * (sigma_new + sigma_new.transpose()).eval();
    double delta = (mu_new - mu).cwiseAbs().maxCoeff();
    delta = std::max(delta, (sigma_new - sigma).triangularView<Eigen::Lower>().toDenseMatrix().cwiseAbs().maxCoeff());
    if (!std::isfinite(delta))
      throw InternalError("em_saturated: a non-finite EM update at iteration " + std::to_string(it));
    mu = std::move(mu_new);
    sigma = std::move(sigma_new);
    fit.iterations = it;
    if (delta <= tol) {
      fit.converged = true;
      break;
    }
  }
  Eigen::LLT<MatrixXd> check;
  if (!full_factor(sigma, check))
    throw DomainError("em_saturated: the EM covariance matrix is not positive definite; the "
                      "indicators are (nearly) collinear");
  fit.loglik = fiml_loglik(pats, mu, sigma, false).loglik;
  fit.mu = std::move(mu);
  fit.sigma = std::move(sigma);
  return fit;
}

}  // namespace cikit::cfa
