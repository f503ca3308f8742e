#pragma once
/// \file bootstrap_units.hpp
/// Nonparametric bootstrap over units (rows): resample units with replacement, recompute any
/// vector of statistics, and report percentile and BCa intervals per statistic.

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "methods/core/progress.hpp"
#include "methods/core/random.hpp"

namespace cikit {

/// A statistic vector computed from a multiset of units, given as row indices into the data
/// (0-based, repeats allowed). Must return the same number of values for every call and be
/// safe to call concurrently.
using UnitRowsStatistic = std::function<Eigen::VectorXd(const std::vector<Eigen::Index>& rows)>;
/// A statistic vector computed from a data matrix (rows = units, cols = indicators).
using UnitMatrixStatistic = std::function<Eigen::VectorXd(const Eigen::MatrixXd& rows)>;

/// How the percentile interval picks its end points from the B replicates.
enum class PercentileRule {
  Type7,          ///< R quantile(type = 7) at (1 ∓ level)/2 (psych, COINr, cikit's rank intervals)
  BootNormInter,  ///< boot::boot.ci(type = "perc"): order statistic (B + 1)α, interpolated on the
                  ///< normal-quantile scale (Davison & Hinkley 1997, eq. 5.8)
};

struct BootstrapUnitsOptions {
  int replicates = 1000;   ///< B; 1000 is the usual minimum for 95% percentile/BCa end points
  double level = 0.95;     ///< two-sided confidence level
  std::uint64_t seed = kDefaultSeed;  ///< replicate b draws from stream (seed, Bootstrap, b)
  PercentileRule percentile = PercentileRule::Type7;
  bool bca = true;         ///< BCa needs n more evaluations (jackknife over units)
  int threads = 0;         ///< OpenMP threads; 0 = default. Results never depend on it.
  ProgressFn progress;     ///< optional: (replicates done, B); never affects the results
};

/// Intervals of one statistic.
struct BootstrapInterval {
  double estimate = 0.0;          ///< t0, statistic on all units
  double percentile_lower = 0.0;  ///< percentile interval (rule in options)
  double percentile_upper = 0.0;
  bool bca_available = false;     ///< false: see bca_note (z0 infinite, a undefined, failures)
  double bca_lower = 0.0;
  double bca_upper = 0.0;
  double z0 = 0.0;                ///< bias correction Φ⁻¹(#{t_b < t0}/B)
  double acceleration = 0.0;      ///< a = Σ L³/(6 (Σ L²)^{3/2}), L = jackknife influence
  bool extreme_order_statistics = false;  ///< an end point is t_(1) or t_(B): B too small
  std::string bca_note;
  Eigen::Index replicates_used = 0;  ///< finite replicates of this statistic
};

struct BootstrapUnitsResult {
  Eigen::VectorXd estimate;       ///< t0, m values
  Eigen::MatrixXd replicates;     ///< B × m; a failed replicate's row is NaN
  Eigen::MatrixXd jackknife;      ///< n × m: statistic without unit i (empty if bca = false)
  std::vector<BootstrapInterval> intervals;  ///< one per statistic
  std::vector<std::pair<int, std::string>> failures;  ///< (replicate, reason)
  std::vector<std::string> warnings;
};

/// Bootstrap over n units. Replicate b (b = 0..B-1) draws n row indices with replacement,
/// uniform_index(g, n) n times from g = make_stream(seed, Bootstrap, b), evaluates the statistic
/// and writes row b (OpenMP over b; bitwise independent of the thread count).
/// Intervals per statistic over its finite replicates:
///   percentile: see PercentileRule;
///   BCa (Efron 1987; boot::bca.ci with L = jackknife influence values):
///   \f[ z_0 = \Phi^{-1}(\#\{t_b < t_0\}/B),\ a = \frac{\sum L_i^3}{6(\sum L_i^2)^{3/2}},\quad
///       L_i = \bar\theta_{(\cdot)} - \theta_{(i)}, \f]
///   \f[ \alpha_{1,2} = \Phi\big(z_0 + (z_0 + z_{\alpha})/(1 - a(z_0 + z_{\alpha}))\big) \f]
///   end points t at α_{1,2} by boot's norm.inter interpolation (whatever the percentile rule).
/// A replicate that throws or returns a non-finite value is recorded in `failures` and left
/// out (counted in replicates_used); BCa is unavailable (with a note) if any jackknife value
/// fails, z0 is infinite or a undefined.
/// @throws InvalidInput if n < 2, B < 2, level not in (0, 1), stat empty; DomainError if the
///         statistic fails on the full sample or returns no values.
/// Reference: Efron (1987), Better bootstrap confidence intervals, JASA 82:171,
///   doi:10.1080/01621459.1987.10478410; Davison & Hinkley (1997), Bootstrap Methods and their
///   Application, CUP, §5.3, doi:10.1017/CBO9780511802843; Efron & Tibshirani (1993), An
///   Introduction to the Bootstrap, ch. 14.
[[nodiscard]] BootstrapUnitsResult bootstrap_units(Eigen::Index n, const UnitRowsStatistic& stat,
                                                   const BootstrapUnitsOptions& options = {});

/// As above with the data matrix handed to the statistic (the resampled rows, in draw order).
[[nodiscard]] BootstrapUnitsResult bootstrap_units(const Eigen::MatrixXd& data, const UnitMatrixStatistic& stat,
                                                   const BootstrapUnitsOptions& options = {});

/// As bootstrap_units with given resample indices (B × n, 0-based; e.g. boot::boot.array(...,
/// indices = TRUE) - 1), for validation against another implementation. options.replicates
/// and seed are ignored.
/// @throws InvalidInput if an index is outside [0, n) or indices has fewer than 2 rows.
[[nodiscard]] BootstrapUnitsResult bootstrap_units_with_indices(Eigen::Index n, const UnitRowsStatistic& stat,
                                                                const Eigen::MatrixXi& indices,
                                                                const BootstrapUnitsOptions& options = {});

}  // namespace cikit
