#pragma once
/// \file robust.hpp
/// MLR for complete data, as lavaan 0.6 estimator = "MLR" (se = "robust.huber.white",
/// test = "yuan.bentler.mplus", information = "observed", h1.information = "structured",
/// meanstructure = FALSE):
/// - E = observed information per unit (Hessian of F_ML / 2, by 5-point central differences
///   of the analytic gradient with h = 1e-6, symmetrised: lavaan's lav_model_hessian);
/// - B0 = (1/N) sum_i s_i s_i', s_i = d logl_i / d theta (casewise scores at the estimate,
///   mu = the sample mean); vcov = E^{-1} B0 E^{-1} / N;
/// - trace(U Gamma) = tr(B1 A1^{-1}) - tr(B0 E^{-1}) with B1 = (1/N) sum_i g_i g_i' and
///   A1 = (1/2) D'(S^{-1} (x) S^{-1}) D of the unrestricted model at the sample moments (as
///   lavaan: the same h1 trace for the model and its baseline), which reduces to
///   tr(B1 A1^{-1}) = (mean_i d_i^2 - p) / 2 with d_i the Mahalanobis distance of unit i;
///   scaling c = trace / df,
///   chisq.scaled = chisq / c. The same for the independence baseline (Sigma = diag S).
/// Reference: Yuan & Bentler (2000), Sociol. Methodol. 30:165; Savalei (2018), Struct. Equ.
/// Modeling 25:15 (robust RMSEA/CFI use c); Brosseau-Liard & Savalei (2014), Multivar. Behav.
/// Res. 49:460; lavaan 0.6 lav_test_yuan_bentler_mplus_trace.
#include <Eigen/Core>

#include "methods/cfa/estimate.hpp"
#include "methods/cfa/fiml.hpp"

namespace cikit::cfa {

struct RobustResult {
  Eigen::MatrixXd vcov;
  double scaling = 0;       ///< Yuan–Bentler scaling factor of the model
  double scaling_null = 0;  ///< of the independence baseline
  double trace_ugamma = 0;
  double trace_h1 = 0;      ///< tr(B1 A1^{-1})
  double trace_h0 = 0;      ///< tr(B0 E^{-1})
};

/// MLR of a converged fit on its complete data x. @throws DomainError if an information matrix
/// is singular.
[[nodiscard]] RobustResult mlr(const CfaFit& fit, const Eigen::MatrixXd& x, double log_det_s);

// --- FIML (missing = "ml"): parameters (theta, nu), h1 coordinates (mu, vech Sigma) ---

/// J = d(mu, vech Sigma) / d(theta, nu) at the fit: (p + p*) x (q + p); rows mu then vech
/// (column-major lower triangle, fiml.hpp), columns the free parameters then the intercepts
/// (d mu / d nu = I). lavaan's Delta.
[[nodiscard]] Eigen::MatrixXd fiml_jacobian(const CfaFit& fit);

/// The observed information per unit of a FIML fit, -(1/N) d2 logL / d(theta, nu)^2, analytic:
///   J' H J + S,  S_ab = sum_ij G_ij d2 Sigma_ij / dtheta_a dtheta_b  (theta block only),
/// H the Hessian of logL in (mu, vech Sigma) at the model-implied (nu, Sigma(theta)), J = d(mu,
/// vech Sigma) / d(theta, nu), G the FIML gradient matrix there (d logL = tr(G dSigma)). J'HJ is
/// accumulated per missing-data pattern in (theta, nu) directly (fiml_hessian_structured, with
/// the rank-2 derivatives of Sigma(theta) over their distinct vectors, sigma_basis), never
/// forming the (p + p*)-square H. S is the Jacobian of theta -> tr(G dSigma/dtheta) with G held fixed:
/// a function of the model matrices alone (no pass over the data), differenced centrally with
/// step 1e-4 max(1, |theta_b|); every CFA Sigma(theta) is a polynomial whose dSigma/dtheta is
/// quadratic in theta for first-order models, where the central difference is exact up to
/// round-off (second-order models: truncation ~1e-8 relative of S). lavaan computes the whole
/// matrix by 5-point differences of the gradient (lav_model_hessian).
/// @throws DomainError if Sigma(theta) is not positive definite.
[[nodiscard]] Eigen::MatrixXd fiml_observed_information(const CfaFit& fit, const MissingPatterns& pats);

/// The exact Hessian of the complete-data ML objective per unit,
///   f(theta, nu) = 1/2 [p log 2 pi + log|Sigma| + tr(Sigma^-1 (S + (m - nu)(m - nu)'))],
/// in (theta, nu) at nu = m ((q + p) x (q + p), theta first): with V = Sigma^-1, U = V S V,
///   theta-theta: 1/2 [2 tr(U dSigma_a V dSigma_b) - tr(V dSigma_a V dSigma_b) + sum_ij W_ij d2 Sigma_ij / dtheta_a dtheta_b],
///   W = V - U (the last term as in fiml_observed_information), nu-nu: V, theta-nu: 0 (m - nu = 0).
/// fit_cfa_fiml uses it at the two-stage estimate (S, m = the EM moments) as the fixed Hessian of
/// its chord steps: with complete data it is -logL/N's Hessian there (FIML = ML), with missing
/// data it differs from fiml_observed_information by the missing information.
/// @throws DomainError if Sigma(theta) is not positive definite.
[[nodiscard]] Eigen::MatrixXd two_stage_hessian(const ParameterTable& table, const Eigen::VectorXd& theta,
                                                const Eigen::MatrixXd& s);

/// The rank-2 derivatives of Sigma over their distinct vectors (fiml.hpp, SigmaBasis): columns of
/// d.x and d.y that are bitwise equal share one basis column.
[[nodiscard]] SigmaBasis sigma_basis(const SigmaDerivatives& d);

/// The h1 (saturated) information of the EM moments (mu_h1, Sigma_h1) per unit: observed,
/// A1 = -(1/N) fiml_hessian, and first order, B1 = (1/N) sum_i s_i s_i' of the casewise scores.
/// With first_order (MLR): a1, a1_inv and b1. Without (ML, where only the FIML-corrected V6
/// statistic uses it): a1 and tr(Wc A1^-1) (Wc: complete-data information at the EM moments,
/// fiml_corrected), from the Cholesky factor of A1; a1_inv and b1 are left empty.
struct FimlH1Information {
  Eigen::MatrixXd a1, a1_inv, b1;
  double tr_wc_a1_inv = 0;
};

/// K with K K' = Wc, the complete-data information per unit at (mu, Sigma) in (mu, vech Sigma):
/// Wc = blockdiag(V, D'(V (x) V)D / 2), V = Sigma^-1 = r r' (Cholesky). K = blockdiag(r,
/// D'(r (x) r)D (D'D)^{-1/2} / sqrt 2): column (k, l) of the vech block is vech of
/// (r_k r_l' + r_l r_k') with off-diagonal entries doubled, scaled by 1/2 (k != l) or 1/sqrt 2
/// (k = l), since (r (x) r) commutes with the symmetriser D D^+ (Magnus & Neudecker 1988, ch. 3).
[[nodiscard]] Eigen::MatrixXd complete_information_root(const Eigen::MatrixXd& sigma);
[[nodiscard]] FimlH1Information fiml_h1_information(const MissingPatterns& pats, const Eigen::VectorXd& mu_h1,
                                                    const Eigen::MatrixXd& sigma_h1, bool first_order);

/// MLR with missing = "ml", as lavaan 0.6-14 (se = "robust.huber.white", information =
/// "observed" (Hessian), information.meat = "first.order", h1.information.meat =
/// "structured", test = "yuan.bentler.mplus"):
/// - E = fiml_observed_information; B0 = (1/N) sum_i (J's_i)(J's_i)', s_i the casewise scores at
///   the model-implied (nu, Sigma(theta)); vcov = E^{-1} B0 E^{-1} / N;
/// - trace(U Gamma) = tr(B1 A1^{-1}) - tr(B0 E^{-1}) with the unstructured h1 information of the
///   EM moments (fiml_h1_information), c = trace / df;
/// - baseline: the independence model (free means and variances; estimates the available-case
///   means m_j and ML variances v_j, n_j observed values): its E is diagonal, so
///   tr(B0 E^{-1}) = sum_j [1 + (1/(2 n_j)) sum_{i obs} (z_ij^2 - 1)^2], z_ij^2 = (y_ij - m_j)^2 / v_j,
///   and c0 = (tr(B1 A1^{-1}) - that) / (p(p-1)/2).
/// Reference: Yuan & Bentler (2000), Sociol. Methodol. 30:165; Savalei & Rosseel (2022),
/// Struct. Equ. Modeling 29:163 (lavaan's computations for incomplete data).
[[nodiscard]] RobustResult mlr_fiml(const CfaFit& fit, const MissingPatterns& pats, const Eigen::MatrixXd& jac,
                                    const Eigen::MatrixXd& e, const FimlH1Information& h1);

/// lavaan's FIML-corrected statistics (lav_fit_fiml_corrected) for robust CFI/TLI/RMSEA with
/// missing data (Zhang & Savalei 2023, "New computations for RMSEA and CFI following FIML and
/// TS estimation with missing data", Psychol. Methods 28:263, doi:10.1037/met0000445).
/// With the EM moments (mu~, S~), Wm = A1, Jm = B1, Wc = complete-data information at
/// (mu~, S~) = blockdiag(S~^{-1}, D'(S~^{-1} (x) S~^{-1})D / 2), Delta = J and
/// E = Delta' Wm Delta: U = Wm - Wm Delta E^{-1} Delta' Wm,
///   V3 (MLR): k = tr(U Wm^{-1} Wc Wm^{-1} U Gamma), Gamma = Wm^{-1} Jm Wm^{-1};
///   V6 (ML):  k = tr(Wc Wm^{-1} U Wm^{-1});
/// x2 = N [log|Sigma| + tr(S~ Sigma^{-1}) - log|S~| - p + (mu~ - nu)' Sigma^{-1} (mu~ - nu)] at
/// the FIML estimates, c = k / df. The same for the independence model (Delta selects the means
/// and variances; estimates the available-case means and variances).
[[nodiscard]] CfaFit::FimlCorrected fiml_corrected(const CfaFit& fit, const MissingPatterns& pats,
                                                   const Eigen::MatrixXd& jac, const FimlH1Information& h1, bool v3);

/// Casewise scores d logl_i / d vech(Sigma) (n x p(p+1)/2, vech column-major lower triangle,
/// off-diagonal elements counted once as unique parameters) at (mu, sigma).
[[nodiscard]] Eigen::MatrixXd vech_scores(const Eigen::MatrixXd& x, const Eigen::VectorXd& mu, const Eigen::MatrixXd& sigma);

}  // namespace cikit::cfa
