#pragma once
/// \file normalize.hpp
/// Direction handling and normalisation of indicators. Rows = units, cols = indicators.
/// Missing values (NaN) stay missing; bounds and moments use the available values.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// Per-column information needed to normalise (ids for messages, direction, goalposts).
struct ColumnInfo {
  std::string id;
  Direction direction = Direction::Positive;
  std::optional<std::pair<double, double>> goalposts;
  std::optional<double> target;           ///< DistanceToTarget's target (raw units)
  std::optional<NormalizeMethod> method;  ///< this column's own method (else NormalizeOptions::method)
};

struct NormalizeOptions {
  NormalizeMethod method = NormalizeMethod::MinMax;
  double range_lo = 0.0;   ///< target range of min-max and goalposts
  double range_hi = 100.0;
  /// A column whose range (max - min) or sd is <= this, relative to max(1, |mean|),
  /// is constant: normalisation is undefined and is an error.
  double zero_range_tol = 1e-12;
  /// DistanceToReference: the row of the reference unit (required by that method).
  std::optional<Eigen::Index> reference_row;
  /// DistanceToTarget/DistanceToReference: cap t at 1 (units beyond the target score hi).
  bool cap_at_target = false;
  /// Optional unit ids (one per row) used to name units in messages; else "row N".
  std::vector<std::string> unit_ids;
};

/// What was done to each column (bounds used), for reports and for scoring new units.
struct NormalizeResult {
  Eigen::MatrixXd values;     ///< normalised, same shape; NaN where the input was NaN
  /// Per column: the affine parameters y = f((x - center)/scale): min and max - min (minmax),
  /// mean and sd (zscore), gmin and gmax - gmin (goalposts), min and x_ref - min or target - min
  /// (distance_*, max and max - x_ref / max - target for negative direction), 0 and mean
  /// (ratio_mean), 0 and max (ratio_max; min for negative), 0 and ||x|| (vector);
  /// rank and percentile: center = NaN, scale = n available.
  Eigen::VectorXd center;
  Eigen::VectorXd scale;
  std::vector<Eigen::Index> n_truncated;  ///< goalposts: values clipped; distance_*: values capped
  std::vector<NormalizeMethod> methods;   ///< the method used per column
  std::vector<std::string> warnings;      ///< e.g. a constant column under rank (all tied)
};

/// Normalises each column (with its own `ColumnInfo::method` or `options.method`) and direction:
/// - minmax:    y = lo + (hi - lo)(x - min)/(max - min); Negative: y = lo + (hi - lo)(max - x)/(max - min)
/// - zscore:    y = (x - mean)/sd (sd with n-1); Negative: y = -(x - mean)/sd
/// - goalposts: as minmax with [min, max] = the column's goalposts, x clipped to them first
///   (UNDP HDI technical notes); Negative reverses as in minmax.
/// - rank:      y = 1 + #{u: s_u < s_i}, s = x (Positive) or -x (Negative): R rank(s, ties =
///   "min"), so 1 = worst and tied units share the lower rank (COINr n_rank).
/// - percentile: y = lo + (hi - lo)(rank_i - 1)/(n - 1), rank as above (ties "min"), n = available
///   values (COINr n_prank, mapped to [lo, hi]); needs n >= 2.
/// - distance_target: t = (x - min)/(target - min); Negative: t = (max - x)/(max - target);
///   y = lo + (hi - lo) t, t capped at 1 if cap_at_target (COINr n_dist2targ). Needs target > min
///   (Negative: target < max).
/// - distance_ref: as distance_target with target = x of the reference unit (COINr n_dist2ref).
/// - ratio_mean: y = x/mean; Negative: y = mean/x. ratio_max: y = x/max; Negative: y = min/x
///   (distance to the leader, OECD/JRC 2008 Table 3). Both need every value > 0.
/// - vector:    y = x/||x||_2 over the available values; Negative: y = -x/||x||_2.
/// Messages carry the indicator id in their Location and say "column N" for the 1-based
/// position in `x` (not the CSV column).
/// @throws DomainError naming the indicator if a column has no available value, is constant
///         ("zero range (all 41.2)"), has a single value under zscore, or its range/sd overflows;
///         or lacks goalposts under the goalposts method;
/// @throws InvalidInput if `columns.size() != x.cols()`, lo >= hi, zero_range_tol < 0, a value is
///         +-Inf (row named), or goalposts are invalid (min >= max or not finite).
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, §5 (Table 3);
///   Becker et al. (2022) COINr: an R package for developing composite indicators, JOSS 7(78):4567,
///   doi:10.21105/joss.04567 (n_rank, n_prank, n_dist2targ, n_dist2ref, n_fracmax);
///   Hwang & Yoon (1981) (vector normalisation).
[[nodiscard]] NormalizeResult normalize(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                                        const NormalizeOptions& options = {});

}  // namespace cikit
