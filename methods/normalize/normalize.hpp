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
};

struct NormalizeOptions {
  NormalizeMethod method = NormalizeMethod::MinMax;
  double range_lo = 0.0;   ///< target range of min-max and goalposts
  double range_hi = 100.0;
  /// A column whose range (max - min) or sd is <= this, relative to max(1, |mean|),
  /// is constant: normalisation is undefined and is an error.
  double zero_range_tol = 1e-12;
};

/// What was done to each column (bounds used), for reports and for scoring new units.
struct NormalizeResult {
  Eigen::MatrixXd values;     ///< normalised, same shape; NaN where the input was NaN
  Eigen::VectorXd center;     ///< min (minmax, goalposts) or mean (zscore) per column
  Eigen::VectorXd scale;      ///< max - min, or sd (n-1)
  std::vector<Eigen::Index> n_truncated;  ///< goalposts: values clipped per column
};

/// Normalises each column with direction handling:
/// - minmax:    y = lo + (hi - lo)(x - min)/(max - min); Negative: y = lo + (hi - lo)(max - x)/(max - min)
/// - zscore:    y = (x - mean)/sd (sd with n-1); Negative: y = -(x - mean)/sd
/// - goalposts: as minmax with [min, max] = the column's goalposts, x clipped to them first
///   (UNDP HDI technical notes); Negative reverses as in minmax.
/// Messages carry the indicator id in their Location and say "column N" for the 1-based
/// position in `x` (not the CSV column).
/// @throws DomainError naming the indicator if a column has no available value, is constant
///         ("zero range (all 41.2)"), has a single value under zscore, or its range/sd overflows;
///         or lacks goalposts under the goalposts method;
/// @throws InvalidInput if `columns.size() != x.cols()`, lo >= hi, zero_range_tol < 0, a value is
///         +-Inf (row named), or goalposts are invalid (min >= max or not finite).
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, §5 (Table 3).
[[nodiscard]] NormalizeResult normalize(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                                        const NormalizeOptions& options = {});

}  // namespace cikit
