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

namespace cikit::cfa {

struct RobustResult {
  Eigen::MatrixXd vcov;
  double scaling = 0;       ///< Yuan–Bentler scaling factor of the model
  double scaling_null = 0;  ///< of the independence baseline
  double trace_ugamma = 0;
};

/// MLR of a converged fit on its complete data x. @throws DomainError if an information matrix
/// is singular.
[[nodiscard]] RobustResult mlr(const CfaFit& fit, const Eigen::MatrixXd& x, double log_det_s);

/// Casewise scores d logl_i / d vech(Sigma) (n x p(p+1)/2, vech column-major lower triangle,
/// off-diagonal elements counted once as unique parameters) at (mu, sigma).
[[nodiscard]] Eigen::MatrixXd vech_scores(const Eigen::MatrixXd& x, const Eigen::VectorXd& mu, const Eigen::MatrixXd& sigma);

}  // namespace cikit::cfa
