#include "methods/validity/fa.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <omp.h>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/validity/pca.hpp"

namespace cikit {

namespace {

/// Finite-difference step for the Hessian of G (central differences of the analytic gradient;
/// error O(h^2) ~ 1e-12 relative, far below what Newton needs).
constexpr double kHessianStep = 1e-6;
/// Free coordinates from which the Hessian's columns are computed in parallel (below it a
/// fit is cheap and a thread team costs more than it saves).
constexpr Eigen::Index kParallelHessianMin = 8;
/// Armijo sufficient-decrease constant and the smallest step tried.
constexpr double kArmijo = 1e-4;
constexpr double kMinStep = 1e-12;
/// When no step decreases G any more (its change is below rounding), the fit counts as
/// converged if the projected gradient is below this (G ~ O(1) has rounding ~1e-15, and its
/// gradient is computed to ~1e-12 for p ~ 50).
constexpr double kRoundoffGradient = 1e-8;
/// Relative rounding level of G (a sum of p^2 squares): changes below it are noise.
constexpr double kObjectiveRounding = 1e-13;

struct Fit {
  double g = 0;              ///< G(psi)
  Eigen::VectorXd grad;      ///< dG/dpsi = -2 diag(E)
  Eigen::MatrixXd loadings;  ///< p x m
};

/// R* = R with diagonal 1 - psi; L from its m largest eigenpairs (negative eigenvalues -> 0).
Fit evaluate(const Eigen::MatrixXd& r, const Eigen::VectorXd& psi, Eigen::Index m, bool need_loadings) {
  Eigen::MatrixXd rs = r;
  rs.diagonal() = Eigen::VectorXd::Ones(r.rows()) - psi;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(rs);
  if (es.info() != Eigen::Success) throw InternalError("fa_minres: eigen decomposition failed");
  const Eigen::Index p = r.rows();
  Eigen::MatrixXd l(p, m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const Eigen::Index src = p - 1 - k;  // Eigen: ascending order
    l.col(k) = es.eigenvectors().col(src) * std::sqrt(std::max(es.eigenvalues()(src), 0.0));
  }
  const Eigen::MatrixXd e = rs - l * l.transpose();
  Fit f;
  f.g = e.squaredNorm();
  f.grad = -2.0 * e.diagonal();
  if (need_loadings) f.loadings = l;
  return f;
}

Eigen::VectorXd project(const Eigen::VectorXd& x, double lo, double hi) { return x.cwiseMax(lo).cwiseMin(hi); }

double projected_gradient_norm(const Eigen::VectorXd& psi, const Eigen::VectorXd& grad, double lo, double hi) {
  return (psi - project(psi - grad, lo, hi)).cwiseAbs().maxCoeff();
}

}  // namespace

namespace fa_detail {

/// The Hessian of G(psi) = ||R* - L L'||^2 by first-order eigen-perturbation theory (R* = R with
/// diagonal 1 - psi, L L' = sum over the m largest eigenpairs of lambda_k v_k v_k'). With
/// dR*/dpsi_b = -e_b e_b': d lambda_k = -v_bk^2, d v_k = -v_bk sum_{j != k} v_j v_bj / (lambda_k - lambda_j),
/// so d (L L')_aa / d psi_b = -sum_k [v_ak^2 v_bk^2 + 2 lambda_k v_ak v_bk (M_k)_ab] with
/// M_k = sum_{j != k} v_j v_j' / (lambda_k - lambda_j), and since dG/dpsi_a = -2 E_aa,
///   H_ab = 2 delta_ab - 2 sum_k [v_ak^2 v_bk^2 + 2 lambda_k v_ak v_bk (M_k)_ab].
/// Cost: one p x p eigen-decomposition and m p^3 products, against 2p decompositions for the
/// Hessian by differences of the gradient (O(p^4): minutes at p = 500). nullopt when a retained
/// eigenvalue is not positive (its loading is clamped to 0) or a gap lambda_k - lambda_j is below
/// 1e-8 max(1, |lambda_k|): then the caller differences the gradient. Tested against the
/// differences (tests/validity/fa_test.cpp).
std::optional<Eigen::MatrixXd> exact_hessian(const Eigen::MatrixXd& r, const Eigen::VectorXd& psi, Eigen::Index m) {
  Eigen::MatrixXd rs = r;
  const Eigen::Index p = r.rows();
  rs.diagonal() = Eigen::VectorXd::Ones(p) - psi;
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(rs);
  if (es.info() != Eigen::Success) return std::nullopt;
  const Eigen::VectorXd& lam = es.eigenvalues();  // ascending
  const Eigen::MatrixXd& v = es.eigenvectors();
  Eigen::MatrixXd h = 2.0 * Eigen::MatrixXd::Identity(p, p);
  for (Eigen::Index k = 0; k < m; ++k) {
    const Eigen::Index src = p - 1 - k;
    const double lk = lam(src);
    if (!(lk > 0)) return std::nullopt;
    Eigen::VectorXd w(p);
    for (Eigen::Index j = 0; j < p; ++j) {
      if (j == src) {
        w(j) = 0;
        continue;
      }
      const double gap = lk - lam(j);
      if (!(std::abs(gap) > 1e-8 * std::max(1.0, std::abs(lk)))) return std::nullopt;
      w(j) = 1.0 / gap;
    }
    const Eigen::MatrixXd mk = v * w.asDiagonal() * v.transpose();
    const Eigen::VectorXd vk = v.col(src);
    const Eigen::VectorXd vk2 = vk.array().square().matrix();
    h.noalias() -= 2.0 * vk2 * vk2.transpose();
    h.array() -= 4.0 * lk * ((vk * vk.transpose()).array() * mk.array());
  }
  return h;
}

/// The Hessian's free x free block by central differences of the analytic gradient (2 gradient
/// evaluations, a p x p eigen-decomposition apiece, per free coordinate).
Eigen::MatrixXd difference_hessian(const Eigen::MatrixXd& r, const Eigen::VectorXd& psi, Eigen::Index m,
                                   const std::vector<Eigen::Index>& free) {
  const auto nf = static_cast<Eigen::Index>(free.size());
  Eigen::MatrixXd h(nf, nf);
  // The Hessian's columns (2 gradient evaluations each, a p × p eigen-decomposition apiece:
  // the whole cost of a fit at large p) in parallel: column a depends only on psi and a, so
  // the bits are the same at any thread count. Only outside every parallel region (a one-
  // thread region of a caller included, e.g. a bootstrap at --threads 1); at the top level
  // the default team (OMP_NUM_THREADS), as the alpha bootstrap's.
  Eigen::Index failed_at = nf;  // the first failing column, so the message is thread-invariant
  std::string failure;
#pragma omp parallel for schedule(dynamic, 1) if (nf >= kParallelHessianMin && omp_get_level() == 0)
  for (Eigen::Index a = 0; a < nf; ++a) {
    try {
      Eigen::VectorXd up = psi, dn = psi;
      up(free[static_cast<std::size_t>(a)]) += kHessianStep;
      dn(free[static_cast<std::size_t>(a)]) -= kHessianStep;
      const Eigen::VectorXd gu = evaluate(r, up, m, false).grad, gd = evaluate(r, dn, m, false).grad;
      for (Eigen::Index b = 0; b < nf; ++b)
        h(b, a) = (gu(free[static_cast<std::size_t>(b)]) - gd(free[static_cast<std::size_t>(b)])) / (2 * kHessianStep);
    } catch (const std::exception& e) {  // evaluate's InternalError; rethrown below, outside the team
#pragma omp critical(cikit_fa_hessian)
      if (a < failed_at) {
        failed_at = a;
        failure = e.what();
      }
    }
  }
  if (failed_at < nf) throw InternalError(failure);
  return h;
}

}  // namespace fa_detail

FaResult fa_minres_correlation(const Eigen::MatrixXd& r, const FaOptions& options) {
  check_correlation_matrix(r, "fa_minres");
  const Eigen::Index p = r.rows();
  const Eigen::Index m = options.n_factors;
  if (m < 1 || m >= p)
    throw InvalidInput(fmt::format("fa_minres: n_factors is {}, but must be in [1, {}] for {} indicators",
                                   options.n_factors, p - 1, p));
  const double lo = options.lower_bound, hi = options.upper_bound;
  if (!(lo >= 0) || !(hi > lo) || !(hi <= 1) || !std::isfinite(lo))
    throw InvalidInput(fmt::format("fa_minres: bounds [{}, {}] must satisfy 0 <= lower < upper <= 1", lo, hi));
  if (!(options.tolerance > 0) || options.max_iterations < 1)
    throw InvalidInput("fa_minres: tolerance must be > 0 and max_iterations >= 1");

  FaResult out;
  out.r = r;
  out.rcond = reciprocal_condition_number(r);
  if (out.rcond < options.singular_rcond)
    out.warnings.push_back(fmt::format(
        "the correlation matrix is singular or nearly so (reciprocal condition number {:.3g}); minres still "
        "fits (no inverse needed) but loadings of collinear indicators are poorly determined",
        out.rcond));
  out.degrees_of_freedom = static_cast<int>(p * (p - 1) / 2 - p * m + m * (m - 1) / 2);
  if (out.degrees_of_freedom < 0)
    out.warnings.push_back(fmt::format(
        "{} factors for {} indicators leave {} degrees of freedom: more parameters than correlations, the "
        "solution is not identified",
        m, p, out.degrees_of_freedom));
  {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r, Eigen::EigenvaluesOnly);
    out.eigenvalues = es.eigenvalues().reverse();
    if (out.eigenvalues(p - 1) < 0)
      out.warnings.push_back(fmt::format(
          "the correlation matrix is not positive semi-definite (smallest eigenvalue {:.3g}), e.g. from pairwise "
          "deletion; minres still fits it (it needs no inverse), but consider listwise deletion",
          out.eigenvalues(p - 1)));
  }

  // ---- fit: projected Newton on the box [lo, hi]^p ----
  Eigen::VectorXd psi = project(Eigen::VectorXd::Ones(p) - squared_multiple_correlations(r), lo, hi);
  Fit cur = evaluate(r, psi, m, false);
  const double act_eps = 1e-10;  // "at a bound" tolerance for the active set
  for (int it = 0; it < options.max_iterations; ++it) {
    if (projected_gradient_norm(psi, cur.grad, lo, hi) <= options.tolerance) {
      out.converged = true;
      break;
    }
    out.iterations = it + 1;
    // Active set: at a bound with the gradient pushing outward.
    std::vector<char> active(static_cast<std::size_t>(p), 0);
    for (Eigen::Index i = 0; i < p; ++i)
      if ((psi(i) <= lo + act_eps && cur.grad(i) > 0) || (psi(i) >= hi - act_eps && cur.grad(i) < 0))
        active[static_cast<std::size_t>(i)] = 1;
    std::vector<Eigen::Index> free;
    for (Eigen::Index i = 0; i < p; ++i)
      if (!active[static_cast<std::size_t>(i)]) free.push_back(i);
    Eigen::VectorXd dir = -cur.grad;  // active coordinates: (projected) gradient step
    if (!free.empty()) {
      const auto nf = static_cast<Eigen::Index>(free.size());
      // The exact Hessian (one eigen-decomposition and m p^3 products); finite differences of
      // the gradient (2 nf decompositions) only where an eigenvalue gap is too small for it.
      Eigen::MatrixXd h;
      if (const std::optional<Eigen::MatrixXd> hx = fa_detail::exact_hessian(r, psi, m)) h = (*hx)(free, free);
      else h = fa_detail::difference_hessian(r, psi, m, free);
      h = 0.5 * (h + h.transpose()).eval();
      Eigen::VectorXd gf(nf);
      for (Eigen::Index a = 0; a < nf; ++a) gf(a) = cur.grad(free[static_cast<std::size_t>(a)]);
      // Levenberg safeguard: shift the Hessian until it is positive definite.
      double mu = 0;
      Eigen::VectorXd step;
      for (int tries = 0; tries < 60; ++tries) {
        Eigen::LLT<Eigen::MatrixXd> llt(h + mu * Eigen::MatrixXd::Identity(nf, nf));
        if (llt.info() == Eigen::Success) {
          step = llt.solve(-gf);
          if (step.allFinite() && step.dot(gf) < 0) break;
        }
        mu = mu > 0 ? 10 * mu : 1e-8 * std::max(1.0, h.diagonal().cwiseAbs().maxCoeff());
        step.resize(0);
      }
      if (step.size() == nf)
        for (Eigen::Index a = 0; a < nf; ++a) dir(free[static_cast<std::size_t>(a)]) = step(a);
    }
    // Armijo search along the projection arc (Bertsekas 1982, eq. 31).
    double alpha = 1;
    bool accepted = false;
    while (alpha >= kMinStep) {
      const Eigen::VectorXd trial = project(psi + alpha * dir, lo, hi);
      const Fit ft = evaluate(r, trial, m, false);
      double decrease = 0;
      for (Eigen::Index i = 0; i < p; ++i)
        decrease += active[static_cast<std::size_t>(i)] ? cur.grad(i) * (psi(i) - trial(i))
                                                       : -cur.grad(i) * alpha * dir(i);
      // Near the optimum the predicted decrease falls below the rounding of G itself; then a
      // step that leaves G unchanged to rounding and shrinks the projected gradient is taken.
      const bool flat_but_better =
          ft.g <= cur.g + kObjectiveRounding * std::max(1.0, cur.g) &&
          projected_gradient_norm(trial, ft.grad, lo, hi) < projected_gradient_norm(psi, cur.grad, lo, hi);
      if (cur.g - ft.g >= kArmijo * decrease || flat_but_better) {
        psi = trial;
        cur = ft;
        accepted = true;
        break;
      }
      alpha /= 2;
    }
    if (!accepted) {
      // No decrease is possible in floating point: the gradient is at round-off level.
      out.converged = projected_gradient_norm(psi, cur.grad, lo, hi) <= std::max(kRoundoffGradient, options.tolerance);
      break;
    }
  }
  if (!out.converged)
    out.warnings.push_back(fmt::format(
        "minres fit did not converge in {} iterations (projected gradient {:.3g}); results are the last iterate",
        out.iterations, projected_gradient_norm(psi, cur.grad, lo, hi)));

  out.psi = psi;
  Fit fin = evaluate(r, psi, m, true);
  out.unrotated = fin.loadings;
  flip_columns_positive_sum(out.unrotated);
  const Eigen::MatrixXd model = out.unrotated * out.unrotated.transpose();
  {
    const Eigen::MatrixXd res = r - model;
    double obj = 0;
    for (Eigen::Index j = 0; j < p; ++j)
      for (Eigen::Index i = j + 1; i < p; ++i) obj += res(i, j) * res(i, j);
    out.objective = obj;
  }
  out.communalities = model.diagonal();
  out.uniquenesses = Eigen::VectorXd::Ones(p) - out.communalities;
  out.heywood.assign(static_cast<std::size_t>(p), false);
  for (Eigen::Index i = 0; i < p; ++i)
    if (psi(i) <= lo + act_eps) {
      out.heywood[static_cast<std::size_t>(i)] = true;
      out.warnings.push_back(fmt::format(
          "Heywood case: the uniqueness of indicator {} is at the lower bound {} (communality {:.4f}); the "
          "indicator is (almost) fully explained by the factors, or too many factors were extracted",
          i + 1, lo, out.communalities(i)));
    }
  if (out.communalities.maxCoeff() > 1)
    out.warnings.push_back("an ultra-Heywood case was detected (a communality > 1); examine the results carefully");

  // ---- rotation (psych::fa order of operations) ----
  RotationResult rot;
  rot.loadings = out.unrotated;
  rot.rotation = Eigen::MatrixXd::Identity(m, m);
  rot.phi = Eigen::MatrixXd::Identity(m, m);
  if (m > 1 && options.rotation == FaRotation::Varimax) {
    rot = varimax(out.unrotated, options.varimax);
  } else if (m > 1 && options.rotation == FaRotation::Oblimin) {
    rot = oblimin(out.unrotated, options.oblimin);
  }
  out.warnings.insert(out.warnings.end(), rot.warnings.begin(), rot.warnings.end());
  if (m > 1) psych_sort_sign(rot);
  out.loadings = rot.loadings;
  out.rotation = rot.rotation;
  out.phi = rot.phi;
  out.ss_loadings = (out.phi * out.loadings.transpose() * out.loadings).diagonal();
  const double vtotal = (out.communalities + out.uniquenesses).sum();
  out.proportion_var = out.ss_loadings / vtotal;
  out.cumulative_var.resize(m);
  double c = 0;
  for (Eigen::Index k = 0; k < m; ++k) out.cumulative_var(k) = (c += out.proportion_var(k));
  out.proportion_explained = out.ss_loadings / out.ss_loadings.sum();
  if (!out.loadings.allFinite() || !out.psi.allFinite() || !std::isfinite(out.objective))
    throw InternalError("fa_minres: non-finite result");
  return out;
}

FaResult fa_minres(const Eigen::MatrixXd& x, const FaOptions& options) {
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  FaResult out = fa_minres_correlation(cr.r, options);
  out.warnings.insert(out.warnings.begin(), cr.warnings.begin(), cr.warnings.end());
  if (cr.n_used <= x.cols())
    out.warnings.push_back(fmt::format("n = {} units <= p = {} indicators: the correlation matrix is singular",
                                       cr.n_used, x.cols()));
  return out;
}

}  // namespace cikit
