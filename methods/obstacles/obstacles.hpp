#pragma once
/// \file obstacles.hpp
/// Obstacle degree model (障碍度模型): which indicators, and which dimensions, hold each unit back
/// the most. Formulas and references: docs/methods.md#obstacles.

#include <Eigen/Core>
#include <vector>

namespace cikit::obstacles {

struct ObstacleResult {
  /// O_ij, units × indicators: share of unit i's total weighted shortfall due to indicator j,
  ///   O_ij = F_j I_ij / Σ_k F_k I_ik,  F_j = global weight (factor contribution),
  ///   I_ij = 1 − x_ij (deviation of the normalised score x_ij ∈ [0, 1] from the best).
  /// Each complete row sums to 1. NaN where x_ij is missing (the sum runs over the unit's
  /// available indicators, which then sum to 1).
  Eigen::MatrixXd indicator;
  /// U_ig = Σ_{j in group g} O_ij, units × groups (NaN only if the whole group is missing).
  Eigen::MatrixXd group;
  /// Units with no shortfall (Σ F I = 0: the best value on every available indicator): their
  /// obstacles are 0 (documented) and the caller warns.
  std::vector<Eigen::Index> no_shortfall;
  /// Units with at least one missing indicator.
  std::vector<Eigen::Index> incomplete;
};

/// Obstacle degrees of the normalised scores `x` (units × indicators, every value in [0, 1] or
/// NaN), factor contributions `f` (one per indicator, ≥ 0; the global weights) and `groups`
/// (indicator columns of each group, e.g. the leaves under each dimension).
/// @throws InvalidInput if f has the wrong size or a negative entry, a group names a column out
///         of range, or a value lies outside [0, 1] (naming row and column).
/// Definition: the obstacle degree model of Chinese regional-evaluation studies (factor
///   contribution F, indicator deviation I, obstacle degree O), in the form cikit issue 22 states;
///   docs/methods.md#obstacles gives the conventions (missing values, no shortfall).
[[nodiscard]] ObstacleResult obstacle_degree(const Eigen::MatrixXd& x, const Eigen::VectorXd& f,
                                             const std::vector<std::vector<Eigen::Index>>& groups);

/// Columns of row `row` of `o` ordered by decreasing obstacle (ties: lower column first; NaN
/// last), the first `k` of them (all if k ≤ 0 or k > columns).
[[nodiscard]] std::vector<Eigen::Index> top_obstacles(const Eigen::MatrixXd& o, Eigen::Index row, int k);

/// How often each column is among the top-k obstacles of a unit, over all units (rows without
/// shortfall are skipped).
[[nodiscard]] Eigen::VectorXi top_frequencies(const Eigen::MatrixXd& o, int k,
                                              const std::vector<Eigen::Index>& skip = {});

}  // namespace cikit::obstacles
