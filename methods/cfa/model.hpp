#pragma once
/// \file model.hpp
/// The confirmatory factor model in LISREL "all-y" form, as lavaan's cfa() parameterises it:
///   Sigma = Lambda (I - B)^{-1} Psi (I - B)^{-T} Lambda' + Theta
/// with p indicators, m = first-order + second-order latent factors. Lambda (p x m) holds the
/// loadings of the indicators on the first-order factors; B (m x m) the loadings of the
/// first-order factors on the second-order factors (B(first, second)); Psi the (co)variances
/// of the latent variables (of the disturbances for first-order factors that load on a
/// second-order factor); Theta the residual (co)variances of the indicators.
/// Identification as lavaan's default (auto.fix.first): the first loading of every factor is
/// fixed to 1; exogenous latent factors covary freely; disturbances of endogenous factors do
/// not covary; every indicator has a free residual variance.
/// Reference: Bollen (1989), Structural Equations with Latent Variables, Wiley, ch. 7;
/// Rosseel (2012), lavaan, J. Stat. Softw. 48(2), doi:10.18637/jss.v048.i02.
#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

namespace cikit::cfa {

/// The structure to fit, by index into `indicators` and `factors`.
struct MeasurementModel {
  std::vector<std::string> indicators;           ///< p observed variables (the data columns, in order)
  std::vector<std::string> factors;              ///< first-order factors
  std::vector<std::vector<int>> loadings;        ///< per factor: its indicators; the first is the marker (loading 1)
  std::vector<std::string> second_order;         ///< second-order factors (may be empty)
  std::vector<std::vector<int>> second_loadings; ///< per second-order factor: its first-order factors (first = marker)
  std::vector<std::pair<int, int>> residual_covariances;  ///< pairs of indicators with a free residual covariance
};

/// Which matrix a parameter sits in.
enum class ParKind {
  Loading,      ///< Lambda(row = indicator, col = factor); lavaan "factor =~ indicator"
  Regression,   ///< B(row = first-order, col = second-order factor); lavaan "second =~ first"
  LatentCov,    ///< Psi(row, col), row >= col; lavaan "~~" between latents
  ResidualCov,  ///< Theta(row, col), row >= col; lavaan "~~" between indicators
};

struct Parameter {
  ParKind kind;
  int row;
  int col;
  bool free;
  double value;  ///< fixed value, or start/estimate of a free parameter
};

struct ParameterTable {
  int p = 0;  ///< indicators
  int m = 0;  ///< latent factors (first-order, then second-order)
  std::vector<Parameter> pars;
  std::vector<int> free_index;  ///< positions in `pars` of the free parameters, in estimation order
};

/// Checks the model (>= 2 indicators per factor, >= 3 for a lone factor; the same for
/// second-order factors; indices in range; no indicator twice in one factor; no residual
/// covariance twice or with itself). @throws InvalidInput naming the factor or indicator.
void validate_model(const MeasurementModel& model);

/// The parameter table of a validated model, free values 0 (start values come later).
[[nodiscard]] ParameterTable build_parameters(const MeasurementModel& model);

/// lavaan's "lhs op rhs" names of parameter k.
struct ParName {
  std::string lhs, op, rhs;
};
[[nodiscard]] ParName parameter_name(const MeasurementModel& model, const Parameter& par);

struct ModelMatrices {
  Eigen::MatrixXd lambda, beta, psi, theta;
  Eigen::MatrixXd a;        ///< (I - B)^{-1}
  Eigen::MatrixXd lat_cov;  ///< A Psi A' (covariance of the latent variables)
  Eigen::MatrixXd sigma;    ///< model-implied covariance of the indicators
};

/// Matrices of the table with the free parameters set to `free` (size = free_index.size()).
[[nodiscard]] ModelMatrices model_matrices(const ParameterTable& table, const Eigen::VectorXd& free);

/// Derivatives of Sigma: dSigma/dtheta_k = alpha_k (x_k y_k' + y_k x_k') for each listed
/// parameter k (columns of x and y, p x K). Every CFA parameter has this rank-2 form:
/// loading (i, j): x = e_i, y = (Lambda A Psi A')_{., j}; second-order loading (k, l):
/// x = (Lambda A)_{., k}, y = (Lambda A Psi A')_{., l}; Psi(k, l): x = (Lambda A)_{., k},
/// y = (Lambda A)_{., l}; Theta(i, j): x = e_i, y = e_j; alpha = 1/2 on diagonals of Psi and
/// Theta, else 1.
struct SigmaDerivatives {
  Eigen::MatrixXd x, y;
  Eigen::VectorXd alpha;
};
[[nodiscard]] SigmaDerivatives sigma_derivatives(const ParameterTable& table, const ModelMatrices& mm,
                                                 const std::vector<Parameter>& which);

/// tr(G dSigma_k) for a symmetric G and every k: alpha_k 2 x_k' G y_k.
[[nodiscard]] Eigen::VectorXd trace_with(const SigmaDerivatives& d, const Eigen::MatrixXd& g);

/// H_kl = tr(V dSigma_k V dSigma_l) for symmetric V (the expected Hessian of the ML
/// discrepancy when V = Sigma^{-1}): 2 alpha_k alpha_l [(x_k'V x_l)(y_k'V y_l) + (x_k'V y_l)(y_k'V x_l)].
[[nodiscard]] Eigen::MatrixXd trace_products(const SigmaDerivatives& a, const SigmaDerivatives& b,
                                             const Eigen::MatrixXd& v);

/// Jacobian d vech(Sigma) / d theta (p(p+1)/2 x K), vech column-major lower triangle.
[[nodiscard]] Eigen::MatrixXd vech_jacobian(const SigmaDerivatives& d);

}  // namespace cikit::cfa
