#pragma once
/// \file rank_stats.hpp
/// Rank statistics of an uncertainty analysis (JRC approach: Saisana, Saltelli & Tarantola
/// 2005; COINr `get_sensitivity` RankStats) and rank correlations between two score vectors.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

struct RankStatsOptions {
  double lower = 0.05;  ///< probability of the lower percentile (JRC/COINr: 5th)
  double upper = 0.95;  ///< probability of the upper percentile (JRC/COINr: 95th)
};

/// Per-unit summary of the ranks over M runs.
struct RankStatistics {
  Eigen::VectorXi nominal;  ///< rank under the nominal configuration
  Eigen::VectorXd mean;     ///< mean rank over the runs that rank the unit
  Eigen::VectorXd median;   ///< type-7 quantile at 0.5
  Eigen::VectorXd lower;    ///< type-7 quantile at options.lower (Q5)
  Eigen::VectorXd upper;    ///< type-7 quantile at options.upper (Q95)
  Eigen::VectorXi n_runs;   ///< runs in which the unit has a rank (rank > 0)
  double mean_interval_width = 0.0;  ///< mean over units of upper - lower
  std::vector<std::string> warnings;
};

/// Per unit (column) of `ranks` (M runs × units, rows = runs; rank 1 = best, 0 = unranked in
/// that run, e.g. no score): nominal rank, mean, median and the lower/upper percentiles of the
/// ranks over the runs that rank the unit. Quantiles are R's type 7 (Hyndman & Fan 1996;
/// the default of R's quantile(), used by COINr): sorted r_(1..M'), h = (M' - 1) p,
/// Q(p) = r_(floor h + 1) + (h - floor h)(r_(floor h + 2) - r_(floor h + 1)).
/// A unit never ranked gets NaN statistics, n_runs = 0 and a warning naming it (by index).
/// @param nominal the nominal ranks (size = units; 0 allowed = unranked).
/// @throws InvalidInput if ranks is empty, sizes disagree, a rank is negative, or
///         0 <= lower < upper <= 1 fails.
/// Reference: Saisana, Saltelli & Tarantola (2005), Uncertainty and sensitivity analysis
///   techniques as tools for the quality assessment of composite indicators, JRSS-A 168:307,
///   doi:10.1111/j.1467-985X.2005.00350.x; Hyndman & Fan (1996), Am. Stat. 50:361,
///   doi:10.1080/00031305.1996.10473566.
[[nodiscard]] RankStatistics rank_statistics(const Eigen::MatrixXi& ranks, const Eigen::VectorXi& nominal,
                                             const RankStatsOptions& options = {});

/// Mean absolute rank shift of every run against the nominal ranking:
/// \f[ \bar R_S = \frac{1}{n}\sum_{c} |\mathrm{Rank}_{ref}(c) - \mathrm{Rank}(c)| \f]
/// over the n units ranked (rank > 0) both in the run and nominally (all units when nothing is
/// missing). Rows of `ranks` = runs, columns = units.
/// @return one value per run.
/// @throws InvalidInput if sizes disagree or a rank is negative; DomainError if a run shares
///         no ranked unit with the nominal ranking.
/// Reference: Saisana, Saltelli & Tarantola (2005), JRSS-A 168:307, eq. (8).
[[nodiscard]] Eigen::VectorXd mean_abs_rank_shift(const Eigen::MatrixXi& ranks, const Eigen::VectorXi& nominal);

/// Spearman's rank correlation: Pearson's correlation of the average ranks (ties get the mean
/// of the positions they span, as R's rank(ties.method = "average")), as R's
/// cor(x, y, method = "spearman").
/// @throws InvalidInput if sizes differ, n < 2, or a value is NaN; DomainError if x or y is
///         constant (R returns NA).
/// Reference: Spearman (1904), Am. J. Psychol. 15:72, doi:10.2307/1412159.
[[nodiscard]] double spearman_rho(const Eigen::VectorXd& x, const Eigen::VectorXd& y);

/// Kendall's tau-b, as R's cor(x, y, method = "kendall"):
/// \f[ \tau_b = \frac{n_c - n_d}{\sqrt{(n_0 - n_1)(n_0 - n_2)}},\quad n_0 = n(n-1)/2, \f]
/// n_c / n_d concordant / discordant pairs, n_1 = Σ t_i(t_i - 1)/2 over tie groups of x, n_2
/// likewise for y (pairs tied in x or y count in neither n_c nor n_d). O(n²).
/// @throws InvalidInput if sizes differ, n < 2, or a value is NaN; DomainError if x or y is
///         constant.
/// Reference: Kendall (1945), The treatment of ties in ranking problems, Biometrika 33:239,
///   doi:10.1093/biomet/33.3.239.
[[nodiscard]] double kendall_tau_b(const Eigen::VectorXd& x, const Eigen::VectorXd& y);

/// Average ranks (1 = smallest; ties get the mean position), as R's rank(x).
/// @throws InvalidInput if a value is NaN.
[[nodiscard]] Eigen::VectorXd average_ranks(const Eigen::VectorXd& x);

}  // namespace cikit
