#pragma once
/// \file factorability.hpp
/// Is a block of indicators factorable? Kaiser–Meyer–Olkin measure of sampling adequacy
/// (overall and per item, as psych::KMO) and Bartlett's test of sphericity (as
/// psych::cortest.bartlett). Rows = units, cols = indicators; NaN = missing (pairwise r).

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

struct FactorabilityOptions {
  /// Indicator ids (size p) or empty for "V1".."Vp".
  std::vector<std::string> item_ids;
  /// A pair needs at least this many common rows for its correlation (else DomainError).
  Eigen::Index min_pairwise_n = 3;
  /// R counts as singular when its LU reciprocal condition number (1-norm estimate, as LAPACK
  /// dgecon behind R's solve()) is below this; R's solve() default tolerance is
  /// .Machine$double.eps.
  double singular_rcond = 2.220446049250313e-16;
  /// Verdict thresholds (warnings, never errors): overall MSA below this is "unacceptable"
  /// (Kaiser 1974: < 0.5), and Bartlett's p-value above `bartlett_alpha` means sphericity is
  /// not rejected.
  double kmo_min = 0.5;
  double bartlett_alpha = 0.05;
};

struct KmoResult {
  std::vector<std::string> items;
  double msa = 0.0;           ///< overall MSA
  Eigen::VectorXd msa_items;  ///< per-item MSA_i
  Eigen::MatrixXd anti_image; ///< partial correlations a_ij = q_ij / sqrt(q_ii q_jj), Q = R⁻¹ (psych `Image`)
  double rcond = 0.0;         ///< reciprocal condition number of R (LU 1-norm estimate)
  bool singular = false;      ///< R not invertible: Q := R as psych (MSA is then 0.5 by construction)
  Eigen::Index n_obs = 0;     ///< rows of X (0 for matrix input)
  std::vector<std::string> warnings;
};

struct BartlettResult {
  double chi_square = 0.0;  ///< −ln|R| (n − 1 − (2p + 5)/6)
  double df = 0.0;          ///< p(p − 1)/2
  double p_value = 0.0;     ///< upper χ² tail (Boost.Math)
  double log_det = 0.0;     ///< ln|R|
  Eigen::Index n = 0;       ///< sample size used
  Eigen::Index p = 0;
  std::vector<std::string> warnings;
};

/// KMO / MSA of the correlation matrix R (p × p): Q = R⁻¹, a_ij = q_ij/sqrt(q_ii q_jj),
/// MSA = Σ_{i≠j} r_ij² / (Σ_{i≠j} r_ij² + Σ_{i≠j} a_ij²), MSA_i the same with sums over j ≠ i.
/// Singular R (rcond < singular_rcond): as psych, Q := R (so a = r and every MSA = 0.5), with
/// `singular = true` and a warning quoting the reciprocal condition number. MSA < kmo_min is a
/// warning. The diagonal of R is taken as 1.
/// @throws InvalidInput if R is not square, p < 2, has a non-finite entry or is not symmetric.
/// Reference: Kaiser (1970) Psychometrika 35:401, doi:10.1007/BF02291817; Kaiser (1974)
///   Psychometrika 39:31, doi:10.1007/BF02291575; Revelle (2022) psych 2.2.9 `KMO`.
[[nodiscard]] KmoResult kmo_from_correlation(const Eigen::MatrixXd& r, const FactorabilityOptions& options = {});

/// KMO of data X (rows = units, cols = indicators) with R = cor(X, use = "pairwise") (each r_ij
/// from the rows where both are present, as psych::KMO on raw data).
/// @throws InvalidInput if X has < 2 columns or < 2 rows or an infinite value; DomainError for a
///         constant indicator or a pair with < min_pairwise_n common rows (named).
[[nodiscard]] KmoResult kmo(const Eigen::MatrixXd& x, const FactorabilityOptions& options = {});

/// Bartlett's test of sphericity for R (p × p) from n units:
/// χ² = −ln|R| · (n − 1 − (2p + 5)/6), df = p(p − 1)/2, p-value = P(χ²_df > χ²).
/// diag(R) is set to 1 (psych diag = TRUE). ln|R| from the LU factorisation. A p-value above
/// bartlett_alpha is a warning (sphericity not rejected).
/// @throws InvalidInput if R is not square/symmetric/finite, p < 2, or n − 1 − (2p + 5)/6 <= 0;
///         DomainError if |R| <= 0 or the reciprocal condition number is below singular_rcond
///         (singular or indefinite R: ln|R| undefined or meaningless; the message quotes it).
/// Reference: Bartlett (1951) J. R. Stat. Soc. B 13:1, doi:10.1111/j.2517-6161.1951.tb00067.x;
///   Revelle (2022) psych 2.2.9 `cortest.bartlett`.
[[nodiscard]] BartlettResult bartlett_sphericity_from_correlation(const Eigen::MatrixXd& r, Eigen::Index n,
                                                                  const FactorabilityOptions& options = {});

/// Bartlett's test on data X: R = cor(X, pairwise), n = nrow(X) including rows with NAs
/// (psych::cortest.bartlett on a data matrix).
/// @throws as kmo() and bartlett_sphericity_from_correlation().
[[nodiscard]] BartlettResult bartlett_sphericity(const Eigen::MatrixXd& x, const FactorabilityOptions& options = {});

}  // namespace cikit
