#pragma once
/// \file correlation.hpp
/// Pearson correlation matrices of indicator data and checks of a given correlation matrix,
/// shared by PCA, factor analysis, parallel analysis, omega and HTMT.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

/// How missing values (NaN) enter a correlation matrix.
enum class MissingCorrelation {
  Pairwise,  ///< r_ij from the units where both i and j are present (R `use = "pairwise"`)
  Listwise,  ///< only units with no missing indicator (R `use = "complete.obs"`)
};

struct CorrelationOptions {
  /// Pairwise is psych's default (fa, principal, fa.parallel, omega all use "pairwise").
  MissingCorrelation missing = MissingCorrelation::Pairwise;
  /// A column (or a column restricted to a pair's units) whose sd is <= zero_variance_tol *
  /// max(1, |mean|) is constant: its correlations are undefined (DomainError).
  double zero_variance_tol = 1e-12;
  /// Fewest units a correlation may rest on (pairwise count or listwise n); below it the
  /// correlation is undefined (a line through 2 points has r = +-1) and a DomainError is thrown.
  long min_pairs = 3;
  /// Names of the columns, used in messages (may be empty).
  std::vector<std::string> names;
};

struct CorrelationResult {
  Eigen::MatrixXd r;             ///< p x p Pearson correlations, unit diagonal, symmetric
  Eigen::MatrixXi n_pairs;       ///< units behind each r_ij (listwise: all equal to n_used)
  long n_units = 0;              ///< rows of the input (incl. rows with missing values)
  long n_used = 0;               ///< listwise: complete rows; pairwise: rows with >= 1 value
  long min_pairs = 0;            ///< smallest n_pairs(i, j)
  std::vector<std::string> warnings;
};

/// Pearson correlation matrix of data (rows = units, cols = indicators), missing values per
/// `options.missing`. Two-pass: means and centred cross-products over the units used for each
/// pair (R's `cor(x, use = "pairwise")` recomputes the means per pair the same way). The
/// divisor n-1 cancels in r. Warns when pairwise counts differ (the matrix may then be
/// indefinite).
/// @throws InvalidInput if x has < 2 columns, contains +-Inf, or a pair has fewer than
///         `min_pairs` complete units (listwise: fewer than min_pairs complete rows).
/// @throws DomainError if a column is constant over the units used (named in the message).
/// Reference: Pearson (1896), Phil. Trans. R. Soc. A 187:253, doi:10.1098/rsta.1896.0007.
[[nodiscard]] CorrelationResult correlation_matrix(const Eigen::MatrixXd& x,
                                                   const CorrelationOptions& options = {});

/// Checks that `r` is a correlation matrix: square p x p with p >= 2, finite, symmetric and
/// unit diagonal within `tol` (absolute). Names the offending entry.
/// @throws InvalidInput otherwise (message "function: ..."; names the entry, 1-based).
void check_correlation_matrix(const Eigen::MatrixXd& r, const std::string& function,
                              double tol = 1e-8);

/// Reciprocal condition number of a symmetric matrix in the 2-norm: min |eigenvalue| /
/// max |eigenvalue| (0 for a singular matrix). For a correlation matrix this equals
/// lambda_min / lambda_max when R is positive semi-definite. Used for the singular-matrix
/// warnings (STYLE 7.3: quote the reciprocal condition number). O(p^3).
/// Reference: Golub & Van Loan (2013), Matrix Computations, 4th ed., §2.6.2.
[[nodiscard]] double reciprocal_condition_number(const Eigen::MatrixXd& r);

/// Squared multiple correlations smc_i = 1 - 1/(R^+)_ii, as psych::smc: R^+ is the
/// Moore-Penrose pseudo-inverse (psych::Pinv: SVD, singular values below sqrt(eps) * d_1
/// dropped); the result is clipped to [0, 1]. Works for singular R (the pseudo-inverse exists).
/// Reference: Revelle, psych::smc and psych::Pinv; Guttman (1956), Psychometrika 21:273.
[[nodiscard]] Eigen::VectorXd squared_multiple_correlations(const Eigen::MatrixXd& r);

}  // namespace cikit
