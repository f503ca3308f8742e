#pragma once
/// \file estimate.hpp
/// Maximum-likelihood estimation of a CFA model on complete data, matched to lavaan 0.6
/// cfa() with likelihood = "normal" (S with divisor N):
///   F_ML(theta) = log|Sigma(theta)| + tr(S Sigma(theta)^{-1}) - log|S| - p,
///   chisq = N F_ML(theta_hat), df = p(p+1)/2 - q.
/// Minimised by Fisher scoring with the analytic gradient dF/dtheta_k = tr(W dSigma_k),
/// W = Sigma^{-1} - Sigma^{-1} S Sigma^{-1}, and the expected Hessian
/// tr(Sigma^{-1} dSigma_k Sigma^{-1} dSigma_l) (model.hpp). Standard errors (estimator ML):
/// expected information, vcov = (N/2 H)^{-1}. Estimator MLR: Huber–White sandwich with the
/// observed information (lavaan information = "observed", Hessian by 5-point differences of
/// the analytic gradient, h = 1e-6, as lav_model_hessian) and the Yuan–Bentler (Mplus
/// variant) scaled chi-square (robust.cpp).
/// References: Bollen (1989) ch. 4 and 7; Jöreskog (1969), Psychometrika 34:183;
/// Yuan & Bentler (2000), Sociol. Methodol. 30:165, doi:10.1111/0081-1750.00078.
#include <Eigen/Core>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "methods/cfa/model.hpp"

namespace cikit::cfa {

enum class Estimator { ML, MLR };

struct EstimateOptions {
  Estimator estimator = Estimator::ML;
  int max_iterations = 1000;
  double tolerance = 1e-20;  ///< on the Newton decrement g'H^{-1}g of F_ML
  /// fit_cfa_fiml only: at most this many chord-Newton steps (stage 2) before Fisher scoring
  /// takes over (stage 3). 0 goes straight from the two-stage start to Fisher scoring. The
  /// default suffices by far (bfi needs 5); smaller values exist to exercise the fallback.
  int fiml_chord_iterations = 25;
};

/// One row of lavaan's parameterEstimates(standardized = TRUE).
struct ParameterEstimate {
  std::string lhs, op, rhs;
  ParKind kind;
  int row = 0, col = 0;
  bool free = false;
  double est = 0, se = 0, z = 0, pvalue = 0;  ///< se, z, pvalue NaN for fixed parameters
  double std_lv = 0, std_all = 0;
};

/// A named fit measure, name as lavaan's fitMeasures().
using Measure = std::pair<std::string, double>;

struct CfaFit {
  MeasurementModel model;
  ParameterTable table;
  Estimator estimator = Estimator::ML;
  Eigen::VectorXd theta;   ///< free parameters
  ModelMatrices mm;
  Eigen::MatrixXd s;       ///< sample covariance (divisor N); with FIML the H1 (EM) covariance
  Eigen::VectorXd mean;    ///< sample means; with FIML the H1 (EM) means
  bool fiml = false;       ///< missing = "ml": intercepts nu are estimated, chisq = 2 (logl_h1 - logl)
  Eigen::VectorXd nu;      ///< FIML: intercepts (empty otherwise)
  double logl = 0, logl_h1 = 0, logl_baseline = 0;  ///< FIML log-likelihoods (model, saturated, independence)
  int n = 0;
  bool converged = false;
  int iterations = 0;
  double fmin = 0;         ///< lavaan's fmin = F_ML / 2
  Eigen::MatrixXd vcov;    ///< of theta
  std::vector<ParameterEstimate> estimates;
  std::vector<Measure> fit;
  Eigen::VectorXd r2;                 ///< per indicator, 1 - theta_ii / sigma_ii
  Eigen::MatrixXd latent_correlation; ///< m x m
  std::vector<std::string> warnings;  ///< Heywood cases, non-PD latent covariance, non-convergence

  /// MLR: the two halves of the Yuan–Bentler trace, tr(B1 A1^{-1}) (h1) and tr(B0 E^{-1}) (h0);
  /// lavaan reports them over ndat and npar as scaling.factor.h1 / .h0. NaN for ML.
  double trace_h1 = std::numeric_limits<double>::quiet_NaN();
  double trace_h0 = std::numeric_limits<double>::quiet_NaN();
  /// FIML only: the "FIML-corrected" statistics behind lavaan's robust CFI/TLI/RMSEA with
  /// missing data (lav_fit_fiml_corrected; Zhang & Savalei 2023): the complete-data ML
  /// statistic of the model (and of the independence model) at the EM moments, its df, and the
  /// correction factor c = k / df (version V3 with MLR, V6 with ML; docs/methods.md). NaN when
  /// not computed (complete data).
  struct FimlCorrected {
    double x2 = std::numeric_limits<double>::quiet_NaN(), df = std::numeric_limits<double>::quiet_NaN(),
           c = std::numeric_limits<double>::quiet_NaN();
    double x2_null = std::numeric_limits<double>::quiet_NaN(), df_null = std::numeric_limits<double>::quiet_NaN(),
           c_null = std::numeric_limits<double>::quiet_NaN();
  } fiml_c;

  /// The value of fit measure `name`; NaN if absent.
  [[nodiscard]] double measure(const std::string& name) const;
};

/// Fits `model` to the complete rows x (units x p, columns in model.indicators order).
/// @throws InvalidInput for fewer units than free parameters, a constant indicator, a singular
///         sample covariance or an invalid model (validate_model), naming the indicator.
[[nodiscard]] CfaFit fit_cfa(const MeasurementModel& model, const Eigen::MatrixXd& x, const EstimateOptions& options = {});

/// FIML (lavaan missing = "ml", meanstructure with free intercepts) on the rows of x (NaN =
/// missing; rows with every value missing are dropped). Minimises -logL/N by Fisher scoring
/// with the analytic FIML gradient (methods/cfa/fiml.hpp) and the complete-data expected
/// information at the current Sigma as the scaling matrix. SEs from the observed information
/// (lavaan's default with missing = "ml"), computed analytically: with J = d(mu, vech Sigma) /
/// d(theta, nu) and H the exact Hessian of logL in (mu, vech Sigma) (fiml_hessian),
///   d2 logL / d(theta, nu)^2 = J' H J + [sum_ij G_ij d2 Sigma_ij / dtheta dtheta'],
/// G the gradient matrix of logL in Sigma (robust.hpp, fiml_observed_information).
/// estimator ML: vcov = (-Hessian)^{-1}. estimator MLR (lavaan estimator = "MLR", missing =
/// "ml"): Huber–White sandwich with the casewise scores at the model-implied moments and the
/// Yuan–Bentler (Mplus) scaled chi-square with the h1 information of the EM moments (mlr_fiml).
/// chisq = 2 (logL_H1 - logL), H1 by EM; baseline = independence with free means and
/// variances (its ML estimates are the available-case means and ML variances). The robust
/// CFI/TLI/RMSEA are lavaan's FIML-corrected ones (fiml_c above).
[[nodiscard]] CfaFit fit_cfa_fiml(const MeasurementModel& model, const Eigen::MatrixXd& x,
                                  const EstimateOptions& options = {});

/// Sample covariance with divisor N of the rows of x, and the means.
void sample_moments(const Eigen::MatrixXd& x, Eigen::VectorXd& mean, Eigen::MatrixXd& s);

/// lavaan-like start values: markers 1, other loadings s_im / phi_f with phi_f = s_mm times the
/// mean absolute correlation of the factor's indicators, residual variances s_ii - lambda^2
/// phi (at least s_ii / 10), latent correlations from the markers (clamped to +-0.8),
/// second-order loadings 1 with half the marker variance as disturbance.
[[nodiscard]] Eigen::VectorXd start_values(const MeasurementModel& model, const ParameterTable& table,
                                           const Eigen::MatrixXd& s);

/// F_ML and its gradient (and expected Hessian if `hessian`) at theta; ok = false if Sigma is
/// not positive definite.
struct MlValue {
  bool ok = false;
  double f = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;
};
[[nodiscard]] MlValue ml_discrepancy(const ParameterTable& table, const Eigen::VectorXd& theta, const Eigen::MatrixXd& s,
                                     double log_det_s, bool hessian);

/// The standardised solution (lavaan std.lv and std.all) of one parameter.
void standardise(const CfaFit& fit, ParameterEstimate& e);

// --- fit_measures.cpp ---
/// Everything in lavaan's fitMeasures() for an ML (or MLR) fit: chisq, df, pvalue, baseline,
/// cfi, tli, nnfi, rfi, nfi, pnfi, ifi, rni, logl, aic, bic, bic2, rmsea (+ 90% CI, close-fit
/// p), rmr, srmr (= srmr_bentler), gfi, agfi, pgfi, and for MLR the scaled and robust
/// versions. `scaling`/`scaling_null` are the Yuan–Bentler factors (NaN for ML).
[[nodiscard]] std::vector<Measure> fit_measures(const CfaFit& fit, double scaling, double scaling_null,
                                                double trace_ugamma);

/// lavaan's RMSEA confidence limits: the noncentrality lambda with
/// pchisq(X2, df, lambda) = 0.95 (lower) / 0.05 (upper), RMSEA = sqrt(c lambda / (N df)),
/// solved to 1e-12 (lavaan's uniroot uses tol 1.2e-4, so its limits differ in the 5th digit).
[[nodiscard]] std::pair<double, double> rmsea_ci(double x2, double df, double n, double c_hat, double level);

}  // namespace cikit::cfa
