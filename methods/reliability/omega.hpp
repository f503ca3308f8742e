#pragma once
/// \file omega.hpp
/// McDonald's omega: one-factor omega_total (two denominators) and the Schmid–Leiman
/// omega_hierarchical / omega_total of psych::omega.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/validity/correlation.hpp"
#include "methods/validity/fa.hpp"

namespace cikit {

struct OmegaOptions {
  /// Group factors for omega_schmid_leiman (psych::omega default nfactors = 3).
  int n_factors = 3;
  /// Reverse items whose general-factor loading is negative (psych flip = TRUE).
  bool flip = true;
  FaOptions fa = {};  ///< minres settings (n_factors and rotation are set internally)
  CorrelationOptions correlation = {};  ///< data overloads only
};

struct OmegaOneFactorResult {
  Eigen::VectorXd loadings;  ///< one-factor minres loadings (sum > 0)
  Eigen::VectorXd theta;     ///< 1 - loadings^2
  /// Model-implied: (sum l)^2 / ((sum l)^2 + sum theta) (Jöreskog rho; = CR).
  double omega_model = 0;
  /// Observed-variance: 1 - sum theta / sum(R) (psych::omega with nfactors = 1; the
  /// denominator is the variance of the unit-weighted sum of standardized items).
  double omega_observed = 0;
  double total_variance = 0;  ///< sum(R)
  std::vector<std::string> warnings;
};

/// One-factor omega of a correlation matrix (p x p, p >= 3): l from fa_minres_correlation
/// (m = 1); both denominators above. They agree when the one-factor model reproduces sum(R)
/// (e.g. p = 3).
/// @throws InvalidInput if r is not a correlation matrix or p < 3 (a one-factor model of 2
///         indicators is not identified).
/// Reference: McDonald (1999), Test Theory: A Unified Treatment, Erlbaum; Jöreskog (1971),
/// Psychometrika 36:109, doi:10.1007/BF02291393.
[[nodiscard]] OmegaOneFactorResult omega_one_factor_correlation(const Eigen::MatrixXd& r,
                                                                const OmegaOptions& options = {});
/// Data version (rows = units, cols = indicators; NaN pairwise by default).
[[nodiscard]] OmegaOneFactorResult omega_one_factor(const Eigen::MatrixXd& x, const OmegaOptions& options = {});

struct OmegaSlResult {
  Eigen::VectorXd g;             ///< general-factor loadings (after flipping)
  Eigen::MatrixXd group;         ///< p x m group-factor loadings s_if
  Eigen::VectorXd h2;            ///< communalities from the varimax minres solution
  Eigen::VectorXd u2;            ///< 1 - h2
  Eigen::VectorXd p2;            ///< g^2 / h2
  Eigen::MatrixXd orthogonal;    ///< p x m varimax loadings (psych sort/sign)
  Eigen::MatrixXd oblique;       ///< p x m oblimin pattern
  Eigen::MatrixXd phi;           ///< m x m factor correlations
  Eigen::VectorXd g_second_order;///< m loadings of the factors on g
  Eigen::VectorXi key;           ///< +1 / -1 per item (flip)
  double omega_h = 0;            ///< (sum g)^2 / V_t
  double omega_total = 0;        ///< (V_t - sum u2) / V_t
  double omega_limit = 0;        ///< (sum g)^2 / (V_t - sum u2)
  double alpha = 0;              ///< standardized alpha (V_t - p)/V_t * p/(p-1)
  double ecv = 0;                ///< sum g^2 / sum of all SL loadings^2
  double total_variance = 0;     ///< V_t = sum(R) after flipping
  /// Per group factor f (items whose largest |s_if| is on f; V_f = sum R[items, items]):
  /// total ((sum s_f)^2 + (sum g_f)^2)/V_f, general (sum g_f)^2/V_f, group (sum s_f)^2/V_f;
  /// NaN-free: a factor with no items gets 0 and a warning.
  Eigen::VectorXd group_total, group_general, group_group;
  std::vector<std::string> warnings;
};

/// Schmid–Leiman omega as psych::omega(m, nfactors, fm = "minres", rotate = "oblimin",
/// option = "equal", flip = TRUE) (psych 2.2.9 schmid.R / omega.R):
/// 1. F_o = fa_minres(R, m, varimax) (psych sort/sign); h2 = rowSums(F_o^2), u2 = 1 - h2.
/// 2. oblimin(F_o) (GPArotation quartimin, GPFoblq) -> pattern P, Phi.
/// 3. g-loadings of the factors: m >= 3: fa_minres(Phi, 1); m = 2: sqrt(|phi12|) for both
///    (second signed; psych option "equal", warned: 3 factors are needed for identification).
/// 4. g_i = sum_f P_if gamma_f; s_if = sign(P_if) sqrt(max(0, 1 - (1 - P_if^2) - P_if^2 gamma_f^2))
///    (psych: uniq2 = diag(R) - uniq - primeload^2).
/// 5. flip: items with g_i < 0 are reversed in R and in (g, s).
/// 6. omega_h = (sum g)^2 / V_t, omega_total = (V_t - sum u2)/V_t, V_t = sum(R).
/// psych's CIs (n.iter) and fit statistics are not computed.
/// @throws InvalidInput if r is not a correlation matrix or n_factors not in [2, p-1].
/// Reference: Schmid & Leiman (1957), Psychometrika 22:53, doi:10.1007/BF02289209; Zinbarg,
/// Revelle, Yovel & Li (2005), Psychometrika 70:123, doi:10.1007/s11336-003-0974-7; Revelle,
/// psych::omega.
[[nodiscard]] OmegaSlResult omega_schmid_leiman_correlation(const Eigen::MatrixXd& r,
                                                            const OmegaOptions& options = {});
/// Data version (rows = units, cols = indicators; NaN pairwise by default).
[[nodiscard]] OmegaSlResult omega_schmid_leiman(const Eigen::MatrixXd& x, const OmegaOptions& options = {});

}  // namespace cikit
