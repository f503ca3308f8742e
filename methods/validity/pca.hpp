#pragma once
/// \file pca.hpp
/// Principal component analysis of a correlation matrix (psych::principal, rotate = "none").

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/validity/correlation.hpp"

namespace cikit {

struct PcaOptions {
  /// Components to retain (loadings, communalities). 0 = the Kaiser count (eigenvalues >
  /// kaiser_threshold), at least 1.
  int n_components = 0;
  /// Kaiser (1960) criterion: retain components whose eigenvalue exceeds this (the mean
  /// eigenvalue of a correlation matrix).
  double kaiser_threshold = 1.0;
  /// Below this reciprocal condition number of R (lambda_min / lambda_max) a warning says the
  /// matrix is (near) singular: some indicators are linear combinations of others.
  double singular_rcond = 1e-10;
  /// Used by the data overload only.
  CorrelationOptions correlation = {};
};

struct PcaResult {
  Eigen::MatrixXd r;                ///< the p x p correlation matrix analysed
  Eigen::VectorXd eigenvalues;      ///< all p, descending (negative ones kept as computed)
  Eigen::VectorXd proportion;       ///< eigenvalue / p (share of total standardized variance)
  Eigen::VectorXd cumulative;       ///< running sum of `proportion`
  Eigen::MatrixXd loadings;         ///< p x m: v_k sqrt(lambda_k), each column summing to > 0
  Eigen::VectorXd communalities;    ///< row sums of squared loadings (m components)
  int n_components = 0;             ///< m
  int kaiser_count = 0;             ///< number of eigenvalues > kaiser_threshold
  double rcond = 0;                 ///< reciprocal condition number of r
  long n_units = 0;                 ///< data overload: rows of x (0 for matrix input)
  std::vector<std::string> warnings;
};

/// PCA of a correlation matrix (p x p): R = V diag(lambda) V', lambda descending; loadings
/// L = V_m diag(sqrt(lambda_m)) (correlations of indicators with components); communality
/// h_i^2 = sum_k L_ik^2; proportion_k = lambda_k / p.
/// Conventions (psych::principal 2.2.9): eigenvalues below machine epsilon are replaced by
/// epsilon before the square root; each loading column is multiplied by sign(column sum)
/// (sign 0 -> +), so every column sums to > 0 — deterministic, independent of the eigen
/// solver's sign. Singular R (rcond < singular_rcond) and negative eigenvalues (an
/// indefinite pairwise R) are warnings, not errors.
/// @throws InvalidInput if r is not a correlation matrix (check_correlation_matrix) or
///         n_components is not in [0, p].
/// Reference: Hotelling (1933), J. Educ. Psychol. 24:417, doi:10.1037/h0071325; Kaiser (1960),
/// Educ. Psychol. Meas. 20:141, doi:10.1177/001316446002000116; Revelle, psych::principal.
/// Complexity O(p^3).
[[nodiscard]] PcaResult pca_correlation(const Eigen::MatrixXd& r, const PcaOptions& options = {});

/// PCA of data (rows = units, cols = indicators; NaN = missing, handled per
/// options.correlation.missing, pairwise by default): correlation_matrix(), then
/// pca_correlation(). Warns when n <= p (R is then singular).
/// @throws as correlation_matrix() and pca_correlation().
[[nodiscard]] PcaResult pca(const Eigen::MatrixXd& x, const PcaOptions& options = {});

/// Sign convention shared by PCA and FA (psych): multiplies each column by sign(sum of the
/// column), sign(0) = +1.
void flip_columns_positive_sum(Eigen::MatrixXd& loadings);

}  // namespace cikit
