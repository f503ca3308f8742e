#pragma once
/// \file aggregate.hpp
/// Aggregation of children scores into a parent score, and ranking.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"

namespace cikit {

/// The named extra outputs of one node's aggregation, for methods with more than one output
/// (VIKOR's S, R, Q; PROMETHEE's flows; ...). THE one place a method adds outputs: fill it in
/// the method's branch of aggregate_mcda() (mcda_dispatch.cpp) or aggregate_node()
/// (build_index.cpp); build_index keeps it per node (IndexResult::details) and `cikit index
/// --format json` writes it per unit as `details: {NODE_ID: {name: value, ...}}` and the
/// summary as the node's `aggregation.summary` — no other code changes.
struct AggregateDetails {
  /// Per-unit output names in output order. A name "group/key" nests in the JSON:
  /// "membership/good" -> {"membership": {"good": v}}; "weights/x1" -> {"weights": {"x1": v}}.
  std::vector<std::string> names;
  /// Units × names (all units of the node, in data order); NaN = no value for that unit (a
  /// unit dropped listwise), written as null.
  Eigen::MatrixXd values;
  /// Node-level outputs (not per unit), e.g. VIKOR's DQ and its two conditions (1 = met).
  std::vector<std::pair<std::string, double>> summary;

  /// Appends one per-unit output (its length fixes/must equal the number of units).
  void add(std::string name, const Eigen::VectorXd& column);
  [[nodiscard]] bool empty() const { return names.empty() && summary.empty(); }
};

/// Result of aggregating one group of children for all units.
struct AggregateResult {
  Eigen::VectorXd score;      ///< per unit; NaN only when every child is missing for that unit
  Eigen::VectorXi n_missing;  ///< per unit: children missing
  AggregateDetails details;   ///< the method's further outputs (empty for single-output methods)
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
