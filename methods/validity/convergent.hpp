#pragma once
/// \file convergent.hpp
/// Convergent and discriminant validity of a block structure (indicators grouped into
/// dimensions): one-factor loadings, composite reliability, AVE, Fornell–Larcker, HTMT, HTMT2.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/validity/correlation.hpp"
#include "methods/validity/fa.hpp"

namespace cikit {

/// A dimension: a name and the data columns of its indicators.
struct IndicatorBlock {
  std::string name;
  std::vector<Eigen::Index> columns;
};

struct ConvergentOptions {
  /// Correlations for loadings, HTMT and dimension scores (pairwise by default; semTools::htmt
  /// uses listwise).
  CorrelationOptions correlation = {};
  /// Rules of thumb reported as warnings (not errors): CR >= 0.7, AVE >= 0.5 (Fornell &
  /// Larcker 1981; Hair et al.), HTMT < 0.85 (Henseler et al. 2015, conservative).
  double cr_threshold = 0.7;
  double ave_threshold = 0.5;
  double htmt_threshold = 0.85;
  FaOptions fa = {};  ///< n_factors is forced to 1 and rotation to None
};

struct BlockValidity {
  std::string name;
  std::vector<Eigen::Index> columns;
  Eigen::VectorXd loadings;   ///< standardized one-factor minres loadings (sum > 0)
  double cr = 0;              ///< (sum l)^2 / ((sum l)^2 + sum(1 - l^2))
  double ave = 0;             ///< sum l^2 / k
  std::vector<bool> heywood;  ///< from the one-factor fit
};

struct ConvergentResult {
  std::vector<BlockValidity> blocks;
  Eigen::MatrixXd score_correlation;  ///< B x B Pearson r of the dimension scores (see below)
  Eigen::MatrixXd fornell_larcker;    ///< B x B: sqrt(AVE) on the diagonal, score_correlation off it
  std::vector<bool> fornell_larcker_ok;  ///< per block: sqrt(AVE_f) > |r_fg| for all g != f
  Eigen::MatrixXd htmt;               ///< B x B, diagonal 1 (arithmetic means of |r|)
  Eigen::MatrixXd htmt2;              ///< B x B, diagonal 1 (geometric means of |r|)
  std::vector<std::string> warnings;
};

/// Convergent/discriminant validity of blocks of indicators in x (rows = units, cols =
/// indicators; NaN = missing). R = correlation_matrix(x) (pairwise by default).
/// - loadings: one-factor minres fit of R restricted to each block (fa_minres_correlation;
///   a least-squares fit of the correlations, not lavaan's ML CFA of the covariances: for
///   k = 3 both reproduce R exactly and agree; for k > 3 they differ slightly; for k = 2 a
///   one-factor model is not identified and minres returns l1 = l2 = sqrt(|r12|) (warned)).
/// - CR_f = (sum l)^2 / ((sum l)^2 + sum (1 - l^2)) (Jöreskog rho = model-implied omega);
///   AVE_f = sum l^2 / k.
/// - Dimension scores: mean of the available z-scored indicators of the block per unit
///   (z with each indicator's mean and sd, n-1); score_correlation = their Pearson r. These
///   are observed composites, not latent correlations (which would be larger, by
///   1/sqrt(rel_f rel_g)); Fornell–Larcker compares sqrt(AVE) with |score r|.
/// - HTMT_fg = mean_{i in f, j in g} |r_ij| / sqrt(mean_{i<i' in f} |r_ii'| mean_{j<j' in g} |r_jj'|);
///   HTMT2 the same with geometric means.
/// @throws InvalidInput if a block has < 2 indicators, a column index is out of range or used
///         twice, or < 2 blocks for HTMT; as correlation_matrix().
/// @throws DomainError if a block's monotrait correlations are all 0 (HTMT undefined).
/// Reference: Fornell & Larcker (1981), J. Mark. Res. 18:39, doi:10.1177/002224378101800104;
/// Henseler, Ringle & Sarstedt (2015), J. Acad. Mark. Sci. 43:115, doi:10.1007/s11747-014-0403-8;
/// Roemer, Schuberth & Henseler (2021), Ind. Manag. Data Syst. 121:2637,
/// doi:10.1108/IMDS-02-2021-0082.
[[nodiscard]] ConvergentResult convergent_validity(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks,
                                                   const ConvergentOptions& options = {});

/// HTMT (geometric = false) or HTMT2 (geometric = true) matrix from a correlation matrix r
/// (p x p) and blocks of its columns; formula as in convergent_validity().
/// @throws InvalidInput / DomainError as convergent_validity().
[[nodiscard]] Eigen::MatrixXd htmt_matrix(const Eigen::MatrixXd& r, const std::vector<IndicatorBlock>& blocks,
                                          bool geometric);

/// A dimension score per unit: the mean of the available z-scores of `columns` of x (z with each
/// column's mean and sd over its available values, n-1), NaN for a unit with none of them.
/// The same as R's rowMeans(scale(x[, columns]), na.rm = TRUE).
/// @throws DomainError for a constant column or one with < 2 values.
[[nodiscard]] Eigen::VectorXd mean_z_score(const Eigen::MatrixXd& x, const std::vector<Eigen::Index>& columns);

/// mean_z_score() of every block: units × blocks.
[[nodiscard]] Eigen::MatrixXd dimension_scores(const Eigen::MatrixXd& x, const std::vector<IndicatorBlock>& blocks);

/// Composite reliability (Jöreskog rho) of standardized loadings l: (sum l)^2 / ((sum l)^2 +
/// sum(1 - l^2)). @throws InvalidInput if l is empty or non-finite.
[[nodiscard]] double composite_reliability(const Eigen::VectorXd& loadings);

/// Average variance extracted of standardized loadings: sum l^2 / k.
/// @throws InvalidInput if l is empty or non-finite.
[[nodiscard]] double average_variance_extracted(const Eigen::VectorXd& loadings);

}  // namespace cikit
