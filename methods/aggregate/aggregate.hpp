#pragma once
/// \file aggregate.hpp
/// Aggregation of children scores into a parent score, and ranking.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"

namespace cikit {

/// Result of aggregating one group of children for all units.
struct AggregateResult {
  Eigen::VectorXd score;      ///< per unit; NaN only when every child is missing for that unit
  Eigen::VectorXi n_missing;  ///< per unit: children missing
};

/// Weighted arithmetic mean of the children scores, per unit (rows = units, cols = children):
/// \f[ y_i = \sum_{j \in A_i} w_j x_{ij} \Big/ \sum_{j \in A_i} w_j \f]
/// where A_i is the set of children available for unit i (all of them when nothing is missing,
/// so the denominator is 1). This is the "available-case" rule (OECD/JRC 2008 §4 "case
/// deletion within the group"; COINr's `Aggregate` with `by_df` and NA-removing means).
/// With MissingPolicy::Error any missing child is an error.
/// @param child_ids, unit_ids  used in error messages
/// @throws DomainError (unit and child named) under MissingPolicy::Error when a value is missing;
///         InvalidInput if the sizes disagree or weights are negative / not finite.
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, §6.2.
[[nodiscard]] AggregateResult weighted_arithmetic(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                                  MissingPolicy missing,
                                                  const std::vector<std::string>& child_ids,
                                                  const std::vector<std::string>& unit_ids);

/// Competition ranking, highest score = rank 1, ties share the smallest rank ("min", as R's
/// rank(-x, ties.method = "min") and COINr). Missing scores (NaN) get rank 0 (= no rank) and
/// do not count.
[[nodiscard]] Eigen::VectorXi rank_descending(const Eigen::VectorXd& score);

}  // namespace cikit
